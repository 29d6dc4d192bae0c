import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ConflictError } from '@blauw/core';
import './demo-topics.js';
import type { BlauwDemoTopics } from './demo-topics.js';
import { fakeClient, topicsPage } from './fake-client.js';

// The demo widget is built only from the shared pieces, so this checks what they render.
describe('a widget built from the shared pieces', () => {
  it('is accessible with data', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${fakeClient([topicsPage('Domicilie', 'Diefstal')])}></blauw-demo-topics>`);
    await waitUntil(() => widget.topics.status === 'ready');
    await widget.updateComplete;
    await expect(widget).to.be.accessible();
  });

  it('is accessible with an error and its retry button', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="de" .client=${fakeClient([new ConflictError('x')])}></blauw-demo-topics>`);
    await waitUntil(() => widget.topics.status === 'error');
    await widget.updateComplete;
    await expect(widget).to.be.accessible();
  });
});
