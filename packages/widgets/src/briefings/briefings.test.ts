import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FieldDevice, ForbiddenError, NotFoundError, ServerError, UnauthenticatedError, type MessagingClient } from '@blauw/core';
import '../chat/chat.js';
import '../provider/provider.js';
import { fakeConversation, fakeMessagingClient } from '../testing/fake-messaging-client.js';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { sharedMessages } from '../shared/messages.js';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { BRIEFINGS_NOW, FakeBriefingsServer, SHIFT_BRIEFINGS, fakeBriefing } from '../testing/fake-briefings-client.js';
import { pinnedClock } from '../testing/fake-incidents-client.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';
import './briefings.js';
import type { BlauwBriefings, BriefingAcknowledgedDetail } from './briefings.js';
import { messages } from './messages.js';

const en = { ...sharedMessages.en, ...messages.en };
const fr = { ...sharedMessages.fr, ...messages.fr };
const nl = { ...sharedMessages.nl, ...messages.nl };

// ---- helpers: what a user perceives (roles, names, text), not private state ----

const root = (el: Element) => el.shadowRoot!;
const all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const seen = (node: Element | null | undefined) => (node as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
const articles = (el: Element) => all(el, 'article');
const titles = (el: Element) => all(el, 'article h3').map(textOf);
const articleOf = (el: Element, title: string) => articles(el).find((article) => textOf(article.querySelector('h3')) === title)!;
const part = (scope: Element, name: string) => textOf(scope.querySelector(`[part~="${name}"]`));
const buttonIn = (scope: Element, name: string) => [...scope.querySelectorAll('button')].find((node) => textOf(node) === name);
const politely = (el: Element) => textOf(all(el, '[aria-live="polite"]')[0]);
const alertText = (el: Element) => textOf(all(el, '[role="alert"]')[0]);
const until = (check: () => unknown, message?: string) => waitUntil(check, message, { timeout: 3000 });

const NOW = pinnedClock(BRIEFINGS_NOW); // 07:00 on Wednesday 10 March 2027 in Brussels
const JAN = { officerId: 'o-101' }; // Jan Peeters, team Hamme, early shift

async function mount(
  client: MessagingClient,
  { lang = 'en', view, now = NOW, width = '40rem', device }: { lang?: string; view?: string; now?: () => number; width?: string; device?: FieldDevice } = {},
): Promise<BlauwBriefings> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`inline-size: ${width}`}></div>`);
  const el = document.createElement('blauw-briefings');
  el.setAttribute('lang', lang);
  if (view) el.setAttribute('view', view);
  el.client = client;
  el.now = now;
  if (device) el.device = device;
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Mounted, with the list (or its empty or error state) on screen and the stream live. */
async function loaded(server: FakeBriefingsServer, options: Parameters<typeof mount>[1] & { role?: typeof JAN | 'supervisor' } = {}): Promise<BlauwBriefings> {
  const el = await mount(server.clientFor(options.role ?? JAN), options);
  await until(() => articles(el).length > 0 || all(el, '[part~="empty"]').length > 0 || all(el, '[role="alert"]').length > 0, 'the list is loaded');
  await until(() => all(el, '[part~="status"].live').length > 0 || all(el, '[role="alert"]').length > 0, 'the stream is live');
  return el;
}

/** Pretends the browser is offline until the returned function is called (which fires `online`). */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}

const inOneHour = { validFrom: '2027-03-10T06:00:00Z', validUntil: '2027-03-10T07:00:00Z' };

// Officers' devices opened by the tests, each with a database of its own, wiped after each test.
let devices: FieldDevice[] = [];
async function openDevice(server: FakeBriefingsServer, name: string): Promise<FieldDevice> {
  const device = await FieldDevice.open(server.checksFor(JAN), { name, backoff: { base: 10, cap: 10, random: () => 0 } });
  devices.push(device);
  return device;
}
afterEach(async () => {
  for (const device of devices) await device.logout({ force: true });
  devices = [];
});

describe('<blauw-briefings>', () => {
  failOnConsoleErrors();

  describe('on the page’s messaging stream', () => {
    it('opens one stream for a chat and the briefings on one client, follows its state, and loads the briefings again on a reset', async () => {
      const server = new FakeBriefingsServer();
      // One officer's client, with conversations for the chat and briefings for the list (no device: sent at once).
      const { checks: _checks, ...messaging } = fakeMessagingClient([{ conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Hamme' }), messages: [] }]);
      const client = { ...messaging, briefings: server.clientFor(JAN).briefings } as MessagingClient;
      const chat = await fixture(html`<blauw-chat lang="en" .client=${client}></blauw-chat>`);
      const el = await mount(client);
      await until(() => articles(el).length === 3 && all(el, '[part~="status"].live').length > 0, 'the briefings are live');
      await until(() => textOf(root(chat).querySelector('#thread-title')) === 'Ploeg Hamme', 'the chat shows its conversation');
      expect(messaging.streams.length, 'one stream request for the chat and the briefings').to.equal(1);
      expect(server.streams.length, 'the briefings open none of their own').to.equal(0);

      const stream = messaging.streams[0]!;
      stream.setState('reconnecting');
      await el.updateComplete;
      expect(part(root(el) as unknown as Element, 'status')).to.equal(en['live.reconnecting']);
      stream.setState('live');
      await el.updateComplete;
      expect(part(root(el) as unknown as Element, 'status')).to.equal(en['live.live']);

      const lists = () => server.calls.filter((call) => call === 'list o-101').length;
      const before = lists();
      stream.push({ type: 'reset', id: '99', reason: 'too_old', detail: '' });
      await until(() => lists() === before + 1, 'the briefings are fetched again');
      expect(messaging.streams.length).to.equal(1);
    });

    it('opens one stream for a chat and the briefings inside a provider, as on a script-tag page', async () => {
      const realFetch = window.fetch;
      const streams: string[] = [];
      const opened: ReadableStreamDefaultController<Uint8Array>[] = [];
      window.fetch = async (input, init) => {
        const request = new Request(input, init);
        const path = new URL(request.url).pathname;
        if (path.endsWith('/messaging/stream')) {
          streams.push(request.headers.get('authorization') ?? '');
          const body = new ReadableStream<Uint8Array>({ start: (controller) => void opened.push(controller) });
          return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
        }
        if (path.endsWith('/conversations') || path.endsWith('/briefings')) return Response.json({ items: [], nextCursor: null });
        return Response.json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, { status: 404, headers: { 'content-type': 'application/problem+json' } });
      };
      try {
        const page = await fixture(html`
          <blauw-provider api="https://api.zone.test/v1" lang="en" .getToken=${() => 'officer-token'}>
            <blauw-chat></blauw-chat>
            <blauw-briefings></blauw-briefings>
          </blauw-provider>
        `);
        const el = page.querySelector<BlauwBriefings>('blauw-briefings')!;
        await until(() => all(el, '[part~="empty"]').length > 0, 'the briefings loaded');
        await until(() => streams.length > 0, 'the stream opened');
        await aTimeout(100);
        expect(streams, 'one stream, signed in, for both widgets').to.deep.equal(['Bearer officer-token']);
      } finally {
        for (const controller of opened) controller.close();
        window.fetch = realFetch;
      }
    });

    it('says when the stream stopped, with Try again that opens it again', async () => {
      const server = new FakeBriefingsServer();
      server.failNext('stream', new ServerError('Gone', { status: 503 }));
      const el = await mount(server.clientFor(JAN));
      const error = (await oneEvent(el, 'blauw-error')) as CustomEvent<BlauwErrorDetail>;
      expect(error.detail.error.kind).to.equal('server');
      await until(() => textOf(all(el, '.stream')[0]).startsWith(en['live.stopped']), 'the stopped line');
      await expect(el).to.be.accessible();
      buttonIn(all(el, '.stream')[0]!, en.retry)!.click();
      await until(() => all(el, '[part~="status"].live').length > 0, 'live again');
      expect(server.calls.filter((call) => call === 'stream o-101')).to.have.length(2);
    });
  });

  describe('acknowledging through the officer’s device', () => {
    it('keeps an acknowledgement made offline on the device through a reload, and the server holds it once when the network returns', async () => {
      const server = new FakeBriefingsServer();
      const name = `briefings-ack-${crypto.randomUUID()}`;
      const first = await openDevice(server, name);
      const el = await loaded(server, { device: first });
      const fair = () => articleOf(el, 'Kermis Hamme: verkeersplan');
      let back: (() => void) | undefined = goOffline();
      let again: BlauwBriefings;
      try {
        buttonIn(fair(), en.acknowledge)!.click();
        await until(() => part(fair(), 'ack-waiting') === en.ackWaiting, 'shown as acknowledged, waiting for the network');
        expect(buttonIn(fair(), en.acknowledge)).to.equal(undefined);
        expect(fair().classList.contains('acknowledged')).to.equal(true);
        expect(el.shadowRoot!.activeElement).to.equal(fair().querySelector('[part~="ack-waiting"]'));
        await expect(el).to.be.accessible();
        // A logout would warn: the acknowledgement is unsent work.
        expect(await first.unsent()).to.deep.equal({ unsentChecks: 0, unsentOther: 1, drafts: 0 });

        // A reload, still offline (the page's service worker answers the list from its cache):
        // the element and the device go, the outbox stays in IndexedDB.
        server.listsOffline = true;
        el.remove();
        await first.drain.stop();
        const device = await openDevice(server, name);
        again = await mount(server.clientFor(JAN), { device });
        await until(() => articles(again).length === 3 && part(articleOf(again, 'Kermis Hamme: verkeersplan'), 'ack-waiting') === en.ackWaiting, 'still waiting after the reload');
        expect(server.deliveries).to.deep.equal([]);
        const acknowledged = oneEvent(again, 'blauw-briefing-acknowledged') as Promise<CustomEvent<BriefingAcknowledgedDetail>>;
        back();
        back = undefined;
        expect((await acknowledged).detail.acknowledgement).to.deep.equal({ briefingId: 'br-1', officerId: 'o-101', acknowledgedAt: BRIEFINGS_NOW.replace('Z', '.000Z') });
      } finally {
        back?.();
      }
      await until(() => part(articleOf(again, 'Kermis Hamme: verkeersplan'), 'acknowledged') === 'Acknowledged at 07:00', 'the server’s time once delivered');
      await aTimeout(50);
      expect(server.deliveries, 'the server got it once').to.deep.equal(['br-1 o-101']);
      expect([...server.acks.get('br-1')!.keys()]).to.deep.equal(['o-101']);
    });

    it('says a refused acknowledgement was not sent, and sends it again on Try again', async () => {
      const server = new FakeBriefingsServer();
      const device = await openDevice(server, `briefings-refused-${crypto.randomUUID()}`);
      const el = await loaded(server, { device });
      const fair = () => articleOf(el, 'Kermis Hamme: verkeersplan');
      server.failNext('acknowledge', new NotFoundError('Not for you.', { status: 404, problem: { title: 'Not found', status: 404, code: 'briefing_not_found' } }));
      buttonIn(fair(), en.acknowledge)!.click();
      await until(() => part(fair(), 'ack-error') === en.ackNotSent, 'not sent');
      expect(fair().classList.contains('acknowledged')).to.equal(false);
      await expect(el).to.be.accessible();
      buttonIn(fair(), en.retry)!.click();
      await until(() => part(fair(), 'acknowledged') === 'Acknowledged at 07:00', 'sent again');
      expect(server.deliveries).to.deep.equal(['br-1 o-101']);
    });
  });

  describe('for an officer', () => {
    it('lists the current briefings not acknowledged first, then urgent, then newest, each with priority in words and validity in Brussels time', async () => {
      const el = await loaded(new FakeBriefingsServer());
      expect(textOf(all(el, 'h2')[0])).to.equal(en.heading);
      expect(titles(el)).to.deep.equal(['Gesignaleerd voertuig: grijze bestelwagen 1-VQX-482', 'Kermis Hamme: verkeersplan', 'Wegenwerken Stationsstraat']);
      const [urgent, fair, roadworks] = articles(el) as [HTMLElement, HTMLElement, HTMLElement];
      expect(part(urgent, 'priority')).to.equal('Urgent');
      expect(part(fair, 'priority')).to.equal('Normal');
      expect(part(urgent, 'validity')).to.equal('Valid until 18:00 today');
      expect(part(fair, 'validity')).to.equal('Valid until 06:00 tomorrow');
      expect(part(roadworks, 'validity')).to.equal('Valid until Friday, 12 March at 18:00');
      expect(part(roadworks, 'acknowledged')).to.equal('Acknowledged at 06:20');
      expect(buttonIn(roadworks, en.acknowledge)).to.equal(undefined);
      // Line breaks kept, as text.
      expect(fair.querySelector('[part~="text"]')!.textContent).to.equal(SHIFT_BRIEFINGS[0]!.text);
      expect(getComputedStyle(fair.querySelector('[part~="text"]')!).whiteSpace).to.equal('pre-line');
      // Attachments: https links with their host.
      const link = fair.querySelector<HTMLAnchorElement>('a[part~="attachment"]')!;
      expect(link.href).to.equal('https://intranet.pz-schelde.example/plannen/kermis-hamme.pdf');
      expect(textOf(link.parentElement)).to.equal('Verkeersplan kermis (intranet.pz-schelde.example)');
      await expect(el).to.be.accessible();
    });

    it('acknowledges with the button: "Acknowledged at 07:00", the event fired, the focus kept, and the publisher sees the officer move from pending to acknowledged', async () => {
      const server = new FakeBriefingsServer();
      const officer = await loaded(server);
      const publisher = await loaded(server, { role: 'supervisor', view: 'publisher' });
      const fairOnDesk = () => articleOf(publisher, 'Kermis Hamme: verkeersplan');
      await until(() => part(fairOnDesk(), 'count') === '0 of 2 acknowledged', 'the status is loaded');
      expect(seen(fairOnDesk().querySelector('[part~="team"]'))).to.equal('Interventie Hamme Acknowledged Nobody Not yet acknowledged Jan Peeters An Claes');

      const statusCalls = () => server.calls.filter((call) => call === 'status supervisor').length;
      await until(() => articles(publisher).every((article) => part(article, 'count').includes(' of ')), 'every status is loaded');
      const before = statusCalls();
      const button = buttonIn(articleOf(officer, 'Kermis Hamme: verkeersplan'), en.acknowledge)!;
      button.focus();
      const event = oneEvent(officer, 'blauw-briefing-acknowledged') as Promise<CustomEvent<BriefingAcknowledgedDetail>>;
      await sendKeys({ press: 'Enter' });
      const { detail } = await event;
      expect(detail.acknowledgement).to.deep.equal({ briefingId: 'br-1', officerId: 'o-101', acknowledgedAt: BRIEFINGS_NOW.replace('Z', '.000Z') });
      expect(detail.briefing.title).to.equal('Kermis Hamme: verkeersplan');
      await officer.updateComplete;
      const fair = articleOf(officer, 'Kermis Hamme: verkeersplan');
      expect(part(fair, 'acknowledged')).to.equal('Acknowledged at 07:00');
      expect(officer.shadowRoot!.activeElement).to.equal(fair.querySelector('[part~="acknowledged"]'));
      // Acknowledged ones go after the others.
      expect(titles(officer)).to.deep.equal(['Gesignaleerd voertuig: grijze bestelwagen 1-VQX-482', 'Kermis Hamme: verkeersplan', 'Wegenwerken Stationsstraat']);

      await until(() => part(fairOnDesk(), 'count') === '1 of 2 acknowledged', 'the publisher sees it live');
      expect(seen(fairOnDesk().querySelector('[part~="team"]'))).to.equal('Interventie Hamme Acknowledged Jan Peeters, at 07:00 Not yet acknowledged An Claes');
      expect(politely(publisher)).to.equal('Jan Peeters acknowledged “Kermis Hamme: verkeersplan”');
      expect(statusCalls(), 'the live acknowledgement is applied, not fetched again').to.equal(before);
      await expect(publisher).to.be.accessible();
    });

    it('shows a briefing published live at once, once, and announces it politely', async () => {
      const server = new FakeBriefingsServer();
      const el = await loaded(server);
      server.publish({ title: 'Betoging Markt Zele', text: 'Om 10:00, 200 deelnemers.', priority: true, audience: { kind: 'team', teamId: 'team-hamme' }, ...inOneHour });
      await until(() => titles(el).includes('Betoging Markt Zele'), 'the new briefing appears');
      expect(titles(el)[0]).to.equal('Betoging Markt Zele');
      expect(politely(el)).to.equal('New urgent briefing: Betoging Markt Zele');
      // The list fetched again (a reset) still shows it once.
      server.openStreams(JAN)[0]!.push({ type: 'reset', id: '99', reason: 'too_old', detail: '' });
      await until(() => server.calls.filter((call) => call === 'list o-101').length >= 3);
      await el.updateComplete;
      expect(titles(el).filter((title) => title === 'Betoging Markt Zele')).to.have.length(1);
      // One for another team does not reach Jan.
      server.publish({ title: 'Wijkwerking Zele', text: '-', audience: { kind: 'team', teamId: 'team-zele' }, ...inOneHour });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(titles(el)).not.to.include('Wijkwerking Zele');
    });

    it('drops a briefing at its end: at 23:30 in Brussels one valid until midnight reads "today", and it is gone at 00:30', async () => {
      let now = Date.parse('2027-03-10T22:30:00Z'); // 23:30 in Brussels
      const clock = () => now;
      const server = new FakeBriefingsServer({
        now: clock,
        briefings: [
          fakeBriefing({ id: 'night', title: 'Nachtelijke controle Kaai', validFrom: '2027-03-10T20:00:00Z', validUntil: '2027-03-10T23:00:00Z' }),
          fakeBriefing({ id: 'morning', title: 'Ochtendbriefing', validFrom: '2027-03-10T20:00:00Z', validUntil: '2027-03-11T05:00:00Z' }),
        ],
      });
      const el = await loaded(server, { now: clock });
      expect(part(articleOf(el, 'Nachtelijke controle Kaai'), 'validity')).to.equal('Valid until 00:00 tomorrow');
      expect(part(articleOf(el, 'Ochtendbriefing'), 'validity')).to.equal('Valid until 06:00 tomorrow');
      now = Date.parse('2027-03-10T23:30:00Z'); // 00:30 on Thursday in Brussels
      el.requestUpdate(); // what the minute's tick does
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Ochtendbriefing']);
      expect(part(articleOf(el, 'Ochtendbriefing'), 'validity')).to.equal('Valid until 06:00 today');
    });

    it('without a device, says acknowledging needs a network connection when offline, and queues nothing', async () => {
      const server = new FakeBriefingsServer();
      const el = await loaded(server);
      const back = goOffline();
      try {
        await el.updateComplete;
        expect(textOf(all(el, '[role="status"]')[0])).to.equal(en['live.offline']);
        const fair = articleOf(el, 'Kermis Hamme: verkeersplan');
        buttonIn(fair, en.acknowledge)!.click();
        await el.updateComplete;
        expect(part(fair, 'ack-error')).to.equal(en.needsNetwork);
        expect(buttonIn(fair, en.acknowledge)).not.to.equal(undefined);
        expect(server.calls).not.to.include('acknowledge o-101');
        await expect(el).to.be.accessible();
      } finally {
        back();
      }
      await el.updateComplete;
      expect(all(el, '[part~="ack-error"]')).to.have.length(0);
    });

    it('shows titles, texts, names and attachment titles as the text typed: nothing runs, no javascript: link', async () => {
      const briefings = XSS_CORPUS.map((text, i) =>
        fakeBriefing({
          id: `x-${i}`,
          title: text,
          text,
          publishedBy: { id: 'sup-01', displayName: text, kind: 'supervisor' },
          attachments: [
            { title: text, url: 'https://intranet.pz-schelde.example/x' },
            { title: `js ${i}`, url: `javascript:window.__blauwXss=${i}` },
          ],
        }),
      );
      const officers = [{ id: 'o-101', displayName: XSS_CORPUS[0]!, teamId: 'team-hamme', shiftId: 'shift-early' }];
      const server = new FakeBriefingsServer({ briefings, officers, teams: [{ id: 'team-hamme', name: XSS_CORPUS[2]! }] });
      const officer = await loaded(server);
      expect(titles(officer)).to.have.members([...XSS_CORPUS].map((text) => text.replace(/\s+/g, ' ').trim()));
      const publisher = await loaded(server, { role: 'supervisor', view: 'publisher' });
      await until(() => all(publisher, '[part~="team"]').length === briefings.length, 'the statuses are loaded');
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const el of [officer, publisher]) {
        expect(injected(root(el))).to.deep.equal([]);
        expect(all<HTMLAnchorElement>(el, 'a').every((link) => link.protocol === 'https:')).to.equal(true);
        expect(all(el, '[part~="attachment"]:not(a)').map(textOf)).to.include('js 1');
      }
    });

    it('says "No briefings for your shift" when there are none', async () => {
      const el = await loaded(new FakeBriefingsServer({ briefings: [] }));
      expect(part(root(el) as unknown as Element, 'empty')).to.equal(en.empty);
      await expect(el).to.be.accessible();
    });

    it('shows a failed list with Try again, fires blauw-error, and loads on Try again', async () => {
      const server = new FakeBriefingsServer();
      server.failNext('list', new ServerError('Boom', { status: 503 }));
      const el = await mount(server.clientFor(JAN));
      const error = (await oneEvent(el, 'blauw-error')) as CustomEvent<BlauwErrorDetail>;
      expect(error.detail.error.kind).to.equal('server');
      await el.updateComplete;
      expect(alertText(el)).to.equal(`${en['error.server']} ${en.retry}`);
      await expect(el).to.be.accessible();
      buttonIn(root(el) as unknown as Element, en.retry)!.click();
      await until(() => articles(el).length === 3);
    });

    it('words a refused sign-in and a refused view', async () => {
      const expired = new FakeBriefingsServer();
      expired.failNext('list', new UnauthenticatedError('Expired', { status: 401 }));
      expect(alertText(await loaded(expired))).to.equal(`${sharedMessages.en['error.session_expired']} ${en.retry}`);
      const refused = new FakeBriefingsServer();
      refused.failNext('list', new ForbiddenError('Officers only', { status: 403 }));
      expect(alertText(await loaded(refused, { role: 'supervisor' }))).to.equal(en['forbidden.officer']);
    });

    it('shows the loading state, then the list', async () => {
      const server = new FakeBriefingsServer();
      server.hold();
      const el = await mount(server.clientFor(JAN));
      expect(textOf(all(el, '[role="status"]')[0])).to.equal(en.loading);
      expect(all(el, '.body')[0]!.getAttribute('aria-busy')).to.equal('true');
      server.release();
      await until(() => articles(el).length === 3);
    });

    it('says when the live connection is lost and back', async () => {
      const server = new FakeBriefingsServer();
      const el = await loaded(server);
      server.openStreams(JAN)[0]!.setState('reconnecting');
      await el.updateComplete;
      expect(part(root(el) as unknown as Element, 'status')).to.equal(en['live.reconnecting']);
      server.openStreams(JAN)[0]!.setState('live');
      await el.updateComplete;
      expect(part(root(el) as unknown as Element, 'status')).to.equal(en['live.live']);
    });

    it('fits 320 px without scrolling sideways, the publisher’s view and its form too', async () => {
      for (const options of [{}, { role: 'supervisor' as const, view: 'publisher' }]) {
        const el = await loaded(new FakeBriefingsServer(), { width: '320px', ...options });
        expect(el.scrollWidth).to.be.at.most(320);
        for (const article of articles(el)) expect(article.scrollWidth).to.be.at.most(article.clientWidth + 1);
      }
    });

    it('speaks French and Dutch', async () => {
      const fr1 = await loaded(new FakeBriefingsServer(), { lang: 'fr' });
      expect(textOf(all(fr1, 'h2')[0])).to.equal(fr.heading);
      const fair = articleOf(fr1, 'Kermis Hamme: verkeersplan');
      expect(part(fair, 'validity')).to.equal('Valable jusqu’à demain à 06:00');
      expect(part(fair, 'priority')).to.equal(fr.normal);
      expect(buttonIn(fair, fr.acknowledge)).not.to.equal(undefined);
      const nl1 = await loaded(new FakeBriefingsServer(), { lang: 'nl' });
      const urgent = articleOf(nl1, 'Gesignaleerd voertuig: grijze bestelwagen 1-VQX-482');
      expect(part(urgent, 'priority')).to.equal(nl.urgent);
      expect(part(urgent, 'validity')).to.equal('Geldig tot vandaag om 18:00');
      expect(part(articleOf(nl1, 'Wegenwerken Stationsstraat'), 'acknowledged')).to.equal('Bevestigd om 06:20');
      await expect(fr1).to.be.accessible();
    });
  });

  describe('for a publisher', () => {
    it('lists their briefings with, per team, who acknowledged and who has not', async () => {
      const el = await loaded(new FakeBriefingsServer(), { role: 'supervisor', view: 'publisher' });
      expect(textOf(all(el, 'h2')[0])).to.equal(en.publisherHeading);
      const urgent = () => articleOf(el, 'Gesignaleerd voertuig: grijze bestelwagen 1-VQX-482');
      await until(() => part(urgent(), 'count') === '0 of 3 acknowledged');
      expect([...urgent().querySelectorAll('[part~="team"] h4')].map(textOf)).to.deep.equal(['Interventie Hamme', 'Wijk Zele']);
      await until(() => part(articleOf(el, 'Wegenwerken Stationsstraat'), 'count') === '1 of 2 acknowledged');
      await expect(el).to.be.accessible();
    });

    it('shows a briefing it published elsewhere live, with its status', async () => {
      const server = new FakeBriefingsServer();
      const el = await loaded(server, { role: 'supervisor', view: 'publisher' });
      server.publish({ title: 'Betoging Markt Zele', text: '-', audience: { kind: 'team', teamId: 'team-zele' }, ...inOneHour });
      await until(() => titles(el)[0] === 'Betoging Markt Zele');
      await until(() => part(articleOf(el, 'Betoging Markt Zele'), 'count') === '0 of 2 acknowledged');
    });

    it('publishes from the form: the briefing appears with its status, and live in the officer’s list', async () => {
      const server = new FakeBriefingsServer();
      const officer = await loaded(server);
      const el = await loaded(server, { role: 'supervisor', view: 'publisher' });
      const field = (id: string) => root(el).getElementById(id) as HTMLInputElement;
      const type = (id: string, value: string) => {
        field(id).value = value;
        field(id).dispatchEvent(new Event('input'));
      };
      type('pf-title', 'Betoging Markt Zele');
      type('pf-text', 'Om 10:00.\nOmleiding via de Kouter.');
      field('pf-urgent').click();
      root(el).querySelector<HTMLInputElement>('input[value="shift"]')!.click();
      type('pf-audience', 'shift-early');
      expect(field('pf-from').value).to.equal('2027-03-10T07:00');
      type('pf-until', '2027-03-10T12:00');
      await el.updateComplete;
      buttonIn(root(el) as unknown as Element, en.publish)!.click();
      await until(() => titles(el)[0] === 'Betoging Markt Zele', 'it is listed');
      expect(part(root(el) as unknown as Element, 'published')).to.equal('Published: Betoging Markt Zele');
      expect(field('pf-title').value).to.equal('');
      await until(() => part(articleOf(el, 'Betoging Markt Zele'), 'count') === '0 of 3 acknowledged');
      expect(part(articleOf(el, 'Betoging Markt Zele'), 'validity')).to.equal('Valid until 12:00 today');
      await until(() => titles(officer)[0] === 'Betoging Markt Zele', 'the officer gets it live');
      expect(politely(officer)).to.equal('New urgent briefing: Betoging Markt Zele');
      await expect(el).to.be.accessible();
    });

    it('summarises what to correct, links each to its field, and shows the server’s refusal of an unknown team on its field', async () => {
      const server = new FakeBriefingsServer();
      const el = await loaded(server, { role: 'supervisor', view: 'publisher' });
      buttonIn(root(el) as unknown as Element, en.publish)!.click();
      await el.updateComplete;
      const summary = root(el).querySelector('[part~="error-summary"]')!;
      expect(root(el).activeElement).to.equal(summary);
      expect([...summary.querySelectorAll('a')].map(textOf)).to.deep.equal([en['e.title'], en['e.text'], en['e.audienceId']]);
      summary.querySelector('a')!.click();
      expect(root(el).activeElement).to.equal(root(el).getElementById('pf-title'));
      expect(root(el).getElementById('pf-title')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      const field = (id: string) => root(el).getElementById(id) as HTMLInputElement;
      for (const [id, value] of [['pf-title', 'Controle'], ['pf-text', 'Tekst'], ['pf-audience', 'team-nergens']] as const) {
        field(id).value = value;
        field(id).dispatchEvent(new Event('input'));
      }
      const refused = oneEvent(el, 'blauw-error') as Promise<CustomEvent<BlauwErrorDetail>>;
      buttonIn(root(el) as unknown as Element, en.publish)!.click();
      expect((await refused).detail.error.code).to.equal('briefing_audience_unknown');
      await el.updateComplete;
      expect([...root(el).querySelectorAll('[part~="error-summary"] a')].map(textOf)).to.deep.equal([en['e.audienceId']]);
      expect(field('pf-audience').getAttribute('aria-invalid')).to.equal('true');
      expect(field('pf-title').value).to.equal('Controle');
    });

    it('words a refused view for an officer', async () => {
      const server = new FakeBriefingsServer();
      server.failNext('list', new ForbiddenError('Supervisors only', { status: 403 }));
      const el = await loaded(server, { view: 'publisher' });
      expect(alertText(el)).to.equal(en['forbidden.publisher']);
    });
  });
});
