import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createChecksClient, createClient, type BlauwClient, type BlauwError, type ClientOptions } from '@blauw/core';
import { ApiClientCache, isClientSource, sharedClient, type ClientSource } from '../shared/client-context.js';
import { sharedMessages } from '../shared/messages.js';
import '../testing/demo-topics.js';
import type { BlauwDemoTopics } from '../testing/demo-topics.js';
import { fakeClient, topicsPage } from '../testing/fake-client.js';
import { BlauwProvider, type BlauwErrorDetail } from './provider.js';

// A widget that lives in another element's shadow root, as when an intranet app composes widgets.
class TestShadowHost extends LitElement {
  protected override render() {
    return html`<blauw-demo-topics></blauw-demo-topics>`;
  }
}
customElements.define('test-shadow-host', TestShadowHost);

// Stands for a provider whose script tag loads after the widgets' (defined later, upgraded later).
class TestLateProvider extends BlauwProvider {}

const topicNames = (widget: Element) =>
  [...(widget.shadowRoot?.querySelectorAll('li') ?? [])].map((item) => item.textContent?.trim());

const alertText = (widget: Element) => widget.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim();

async function shows(widget: Element, ...names: string[]): Promise<void> {
  await waitUntil(() => JSON.stringify(topicNames(widget)) === JSON.stringify(names), `expected topics ${names.join(', ')}, got ${topicNames(widget).join(', ')}`);
}

describe('<blauw-provider>', () => {
  it('gives its client to a widget inside it', async () => {
    const client = fakeClient([topicsPage('Domicilie')]);
    const provider = await fixture<BlauwProvider>(html`
      <blauw-provider .client=${client}><blauw-demo-topics></blauw-demo-topics></blauw-provider>
    `);
    await shows(provider.querySelector('blauw-demo-topics')!, 'Domicilie');
  });

  it('gives its client to a widget inside another element’s shadow root', async () => {
    const client = fakeClient([topicsPage('Burenruzie')]);
    const provider = await fixture<BlauwProvider>(html`
      <blauw-provider .client=${client}><test-shadow-host></test-shadow-host></blauw-provider>
    `);
    const host = provider.querySelector('test-shadow-host')!;
    await shows(host.shadowRoot!.querySelector('blauw-demo-topics')!, 'Burenruzie');
  });

  it('gives the widgets the new client when its client is replaced', async () => {
    const provider = await fixture<BlauwProvider>(html`
      <blauw-provider .client=${fakeClient([topicsPage('Eerste')])}><blauw-demo-topics></blauw-demo-topics></blauw-provider>
    `);
    const widget = provider.querySelector('blauw-demo-topics')!;
    await shows(widget, 'Eerste');

    provider.client = fakeClient([topicsPage('Tweede')]);
    await shows(widget, 'Tweede');
  });

  it('builds a client for its api attribute that calls that base URL in its language', async () => {
    const requests: Request[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      requests.push(new Request(input, init));
      return Response.json(topicsPage('Via API'));
    };
    try {
      const provider = await fixture<BlauwProvider>(html`
        <blauw-provider api="https://api.zone.test/v1" lang="fr"><blauw-demo-topics></blauw-demo-topics></blauw-provider>
      `);
      await shows(provider.querySelector('blauw-demo-topics')!, 'Via API');
      expect(requests[0]?.url).to.match(/^https:\/\/api\.zone\.test\/v1\/topics/);
      expect(requests[0]?.headers.get('accept-language')).to.equal('fr-BE');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('signs an officer’s requests in with the token its getToken gives, asked for on every request', async () => {
    const requests: Request[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      requests.push(new Request(input, init));
      return Response.json(topicsPage('Met token'));
    };
    try {
      let token = 'first-token';
      const provider = await fixture<BlauwProvider>(html`
        <blauw-provider api="https://api.zone.test/v1" .getToken=${() => token}><blauw-demo-topics></blauw-demo-topics></blauw-provider>
      `);
      await shows(provider.querySelector('blauw-demo-topics')!, 'Met token');
      expect(requests[0]?.headers.get('authorization')).to.equal('Bearer first-token');
      token = 'second-token';
      // The same client the widget made from the provider's source (clients are shared per factory).
      const source = provider.sharedClient as ClientSource;
      const client = new ApiClientCache(createClient, () => 'nl').for(source.baseUrl, source.auth, source.language) as BlauwClient;
      await client.zone.topics();
      expect(requests.at(-1)?.headers.get('authorization')).to.equal('Bearer second-token');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('keeps a signed-in client apart from the anonymous one for the same API', () => {
    const create = (options: ClientOptions) => ({ options });
    const cache = new ApiClientCache(create, () => 'nl');
    const getToken = () => 'secret';
    const anonymous = cache.for('https://api.zone.test/v1');
    const signedIn = cache.for('https://api.zone.test/v1', { getToken });
    expect(signedIn).to.not.equal(anonymous);
    expect(cache.for('https://api.zone.test/v1', { getToken })).to.equal(signedIn);
    expect((signedIn as { options: ClientOptions }).options.getToken).to.equal(getToken);
  });

  it('shares one client per API base URL and language among all the widgets of a page', () => {
    const built: string[] = [];
    const create = (options: ClientOptions) => (built.push(`${String(options.language)} ${options.baseUrl}`), { options });
    const [first, second, third] = [new ApiClientCache(create, () => 'nl'), new ApiClientCache(create, () => 'nl'), new ApiClientCache(create, () => 'fr')];
    const nl = first.for('https://api.zone.test/v1');
    expect(second.for('https://api.zone.test/v1')).to.equal(nl);
    expect(third.for('https://api.zone.test/v1')).to.not.equal(nl);
    expect(first.for('https://other-zone.test/v1')).to.not.equal(nl);
    expect(first.for('https://api.zone.test/v1')).to.equal(nl);
    expect(built).to.deep.equal(['nl-BE https://api.zone.test/v1', 'fr-BE https://api.zone.test/v1', 'nl-BE https://other-zone.test/v1']);
  });

  it('lets a widget’s own client win over the provider’s', async () => {
    const provider = await fixture<BlauwProvider>(html`
      <blauw-provider .client=${fakeClient([topicsPage('Van de provider')])}>
        <blauw-demo-topics .client=${fakeClient([topicsPage('Eigen client')])}></blauw-demo-topics>
      </blauw-provider>
    `);
    await shows(provider.querySelector('blauw-demo-topics')!, 'Eigen client');
  });

  it('serves widgets that were on the page before the provider was defined', async () => {
    const client = fakeClient([topicsPage('Laat gedefinieerd')]);
    const provider = await fixture<HTMLElement & { client?: unknown }>(html`
      <test-late-provider><blauw-demo-topics></blauw-demo-topics></test-late-provider>
    `);
    provider.client = client;
    const widget = provider.querySelector<BlauwDemoTopics>('blauw-demo-topics')!;
    await widget.updateComplete;
    customElements.define('test-late-provider', TestLateProvider);
    await shows(widget, 'Laat gedefinieerd');
  });

  it('tells the webmaster when its api attribute is not a URL, and its widgets say they are not set up', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = document.createElement('blauw-provider');
    provider.setAttribute('api', 'ftp://nope');
    provider.append(document.createElement('blauw-demo-topics'));
    const originalError = console.error;
    console.error = () => {};
    try {
      const event = oneEvent(wrapper, 'blauw-error') as Promise<CustomEvent<BlauwErrorDetail>>;
      wrapper.append(provider);
      const { detail } = await event;
      expect((detail.error as BlauwError).kind).to.equal('configuration');
    } finally {
      console.error = originalError;
    }
    const widget = provider.querySelector('blauw-demo-topics')!;
    await waitUntil(() => alertText(widget) === sharedMessages.nl['error.configuration']);
  });

  it('shares where the API is, not a client of every domain, and the same source while nothing changes', async () => {
    const getToken = () => 'token';
    const provider = await fixture<BlauwProvider>(html`<blauw-provider api="https://api.zone.test/v1" lang="fr" .getToken=${getToken}></blauw-provider>`);
    const source = provider.sharedClient;
    expect(isClientSource(source)).to.equal(true);
    expect(source).to.include({ baseUrl: 'https://api.zone.test/v1', language: 'fr' });
    expect((source as ClientSource).auth?.getToken).to.equal(getToken);
    provider.requestUpdate();
    await provider.updateComplete;
    expect(provider.sharedClient).to.equal(source);
    provider.setAttribute('lang', 'de');
    await waitUntil(() => (provider.sharedClient as ClientSource).language === 'de', 'the source follows the provider’s language');
  });

  it('gives a widget that needs a second domain the same client of it as the widgets of that domain (the chat and the check list share one checks client, so one device)', () => {
    const getToken = () => 'token';
    const ofCheckList = new ApiClientCache(createChecksClient, () => 'nl').for('https://api.zone.test/v1', { getToken });
    expect(sharedClient(createChecksClient, { baseUrl: 'https://api.zone.test/v1', language: 'nl-BE', getToken })).to.equal(ofCheckList);
    expect(sharedClient(createChecksClient, { baseUrl: 'https://api.zone.test/v1', language: 'fr-BE', getToken })).to.not.equal(ofCheckList);
    // A refused base URL is the same refusal each time, so a widget reports it once.
    const refusal = new ApiClientCache(createChecksClient, () => 'nl').for('ftp://nope');
    expect(new ApiClientCache(createChecksClient, () => 'nl').for('ftp://nope')).to.equal(refusal);
  });

  it('takes no room in the layout', async () => {
    const provider = await fixture<BlauwProvider>(html`<blauw-provider></blauw-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });
});
