import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BlauwError, NotFoundError, TimeoutError } from '@blauw/core';
import '../testing/demo-topics.js';
import type { BlauwDemoTopics } from '../testing/demo-topics.js';
import { fakeClient, topicsPage } from '../testing/fake-client.js';
import { sharedMessages } from './messages.js';

const nl = sharedMessages.nl;
const status = (widget: Element) => widget.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
const alert = (widget: Element) => widget.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim();
const items = (widget: Element) => [...(widget.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim());
const button = (widget: Element, name: string) =>
  [...(widget.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);

describe('loading a resource in a widget', () => {
  it('says it is loading, then shows the data', async () => {
    const client = fakeClient([topicsPage('Domicilie', 'Diefstal')], { manual: true });
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${client}></blauw-demo-topics>`);
    expect(status(widget)).to.equal(nl.loading);
    expect(widget.topics.status).to.equal('loading');

    client.release();
    await waitUntil(() => items(widget).length === 2);
    expect(items(widget)).to.deep.equal(['Domicilie', 'Diefstal']);
    expect(status(widget)).to.equal(undefined);
    expect(widget.topics.status).to.equal('ready');
  });

  it('says so when there is nothing', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${fakeClient([topicsPage()])}></blauw-demo-topics>`);
    await waitUntil(() => widget.shadowRoot?.textContent?.includes(nl.empty));
  });

  it('explains a failure by its kind, in the widget’s language', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`
      <blauw-demo-topics lang="fr" .client=${fakeClient([new NotFoundError('No such municipality')])}></blauw-demo-topics>
    `);
    await waitUntil(() => alert(widget) === sharedMessages.fr['error.not_found']);
    expect(widget.topics.error?.kind).to.equal('not_found');
  });

  it('turns an unexpected failure into a BlauwError that keeps the original', async () => {
    const bug = new RangeError('widget bug');
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${fakeClient([bug])}></blauw-demo-topics>`);
    await waitUntil(() => alert(widget) === nl['error.server']);
    expect(widget.topics.error).to.be.instanceOf(BlauwError);
    expect(widget.topics.error?.cause).to.equal(bug);
  });

  it('loads again when the user chooses to try again', async () => {
    const client = fakeClient([new TimeoutError('slow'), topicsPage('Na nieuwe poging')]);
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${client}></blauw-demo-topics>`);
    await waitUntil(() => alert(widget) === nl['error.network']);

    button(widget, nl.retry)!.click();
    await waitUntil(() => items(widget)[0] === 'Na nieuwe poging');
    expect(alert(widget)).to.equal(undefined);
    expect(client.calls).to.equal(2);
  });

  it('aborts the running call when its inputs change, and shows only the newest answer', async () => {
    const client = fakeClient([topicsPage('Oud'), topicsPage('Nieuw')], { manual: true });
    const widget = await fixture<BlauwDemoTopics>(html`
      <blauw-demo-topics lang="nl" municipality-id="m-1" .client=${client}></blauw-demo-topics>
    `);
    widget.municipalityId = 'm-2';
    await waitUntil(() => client.calls === 2);
    expect(client.signals[0]?.aborted).to.equal(true);
    expect(client.signals[1]?.aborted).to.equal(false);

    client.release();
    await waitUntil(() => items(widget).length > 0);
    expect(items(widget)).to.deep.equal(['Nieuw']);
  });

  it('stops its call when it leaves the page and loads again when it returns', async () => {
    const client = fakeClient([topicsPage('Terug')], { manual: true });
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" .client=${client}></blauw-demo-topics>`);
    const parent = widget.parentElement!;
    widget.remove();
    expect(client.signals[0]?.aborted).to.equal(true);

    parent.append(widget);
    await waitUntil(() => client.calls === 2);
    expect(status(widget)).to.equal(nl.loading);
    client.release();
    await waitUntil(() => items(widget)[0] === 'Terug');
  });

  it('says it is not set up when it has no client at all', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl"></blauw-demo-topics>`);
    await waitUntil(() => alert(widget) === nl['error.configuration']);
    expect(widget.topics.error?.kind).to.equal('configuration');
  });

  it('says it is not set up when its api attribute is not a URL', async () => {
    const widget = await fixture<BlauwDemoTopics>(html`<blauw-demo-topics lang="nl" api="ftp://nope"></blauw-demo-topics>`);
    await waitUntil(() => alert(widget) === nl['error.configuration']);
    expect(widget.topics.error?.message).to.contain('http');
  });
});
