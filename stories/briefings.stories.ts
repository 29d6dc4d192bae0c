import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import { FieldDevice, ForbiddenError, NotFoundError, ServerError, UnauthenticatedError, type StreamState } from '@blauw/core';
import '../packages/widgets/src/briefings/briefings.js';
import { BRIEFINGS_NOW, FakeBriefingsServer, fakeBriefing, type FakeBriefingsOptions, type FakeRole } from '../packages/widgets/src/testing/fake-briefings-client.js';
import { pinnedClock } from '../packages/widgets/src/testing/fake-incidents-client.js';
import { XSS_CORPUS } from '../packages/widgets/src/testing/xss-corpus.js';

// Every story runs on the fake zone of the tests, seen at 07:00 on Wednesday 10 March 2027 in
// Brussels, so they look the same on any day. The officer is Jan Peeters (team Interventie Hamme,
// early shift); the publisher is Commissaris Els Wouters.
const NOW = pinnedClock(BRIEFINGS_NOW);
const JAN: FakeRole = { officerId: 'o-101' };

interface BriefingsArgs {
  /** `officer` (default) or `publisher`. */
  view: string;
  /** A language for the widget itself; empty: the toolbar's. */
  lang: string;
}

const widget = ({ view, lang }: BriefingsArgs, server: FakeBriefingsServer, role: FakeRole = view === 'publisher' ? 'supervisor' : JAN, device?: FieldDevice): TemplateResult => html`
  <div style="max-inline-size: 40rem">
    <blauw-briefings .client=${server.clientFor(role)} .device=${device} .now=${NOW} view=${ifDefined(view || undefined)} lang=${ifDefined(lang || undefined)}></blauw-briefings>
  </div>
`;

/**
 * Jan's widget with a device of its own whose outbox already holds his acknowledgement of the
 * fair's traffic plan (what "Acknowledge" queues), delivered to `server` as the network allows.
 */
function withQueuedAcknowledgement(args: BriefingsArgs, server: FakeBriefingsServer, after: (server: FakeBriefingsServer) => TemplateResult | string = () => ''): TemplateResult {
  const ready = (async () => {
    const device = await FieldDevice.open(server.checksFor(JAN), { name: `blauw-story-briefings-${crypto.randomUUID()}`, probeMs: 1000, backoff: { base: 500, cap: 1000 } });
    await device.queue({ kind: 'briefing-ack', ref: 'br-1', request: server.clientFor(JAN).briefings.acknowledgeRequest({ briefingId: 'br-1' }) });
    return html`${widget({ ...args, view: 'officer' }, server, JAN, device)}${after(server)}`;
  })();
  return html`${until(ready, html`<p>…</p>`)}`;
}

const server = (options: FakeBriefingsOptions = {}) => new FakeBriefingsServer(options);

/** A server whose list calls fail with `error` (the widget's Try again fails the same way). */
function failing(error: Error): FakeBriefingsServer {
  const fake = server();
  for (let i = 0; i < 20; i += 1) fake.failNext('list', error);
  return fake;
}

/** A server whose streams move to `state` once they are open. */
function streamIn(state: StreamState): FakeBriefingsServer {
  const fake = server();
  setTimeout(() => {
    for (const stream of fake.streams) stream.setState(state);
  }, 200);
  return fake;
}

const meta: Meta<BriefingsArgs> = {
  title: 'Briefings',
  component: 'blauw-briefings',
  args: { view: 'officer', lang: '' },
  argTypes: { view: { control: 'inline-radio', options: ['officer', 'publisher'] }, lang: { control: 'select', options: ['', 'nl', 'fr', 'de', 'en'] } },
  render: (args) => widget(args, server()),
};
export default meta;

type Story = StoryObj<BriefingsArgs>;

/** The early shift's briefings: an urgent wanted vehicle and a fair's traffic plan to acknowledge, roadworks acknowledged at 06:20. */
export const Officer: Story = {};

/** The supervisor's view: per team, who acknowledged each briefing (and when) and who has not. */
export const Publisher: Story = { args: { view: 'publisher' } };

/**
 * Both on one fake zone: acknowledge in the officer's widget (left) and see Jan Peeters move from
 * "Not yet acknowledged" to "Acknowledged" in the publisher's (right), live. The button under them
 * publishes a new urgent briefing, which appears at once in both.
 */
export const OfficerAndPublisher: Story = {
  name: 'Officer and publisher, live',
  render: ({ lang }) => {
    const fake = server();
    const publish = () =>
      fake.publish({
        title: `Betoging Markt Zele (${new Date().toLocaleTimeString()})`,
        text: 'Om 10:00, een 200-tal deelnemers.\nVerkeersomleiding via de Kouter.',
        priority: true,
        audience: { kind: 'shift', shiftId: 'shift-early' },
        validFrom: '2027-03-10T06:00:00Z',
        validUntil: '2027-03-10T12:00:00Z',
      });
    return html`<div style="display: flex; flex-wrap: wrap; gap: 2rem; align-items: start">
        <div style="flex: 1 1 20rem">${widget({ view: 'officer', lang }, fake, JAN)}</div>
        <div style="flex: 1 1 20rem">${widget({ view: 'publisher', lang }, fake, 'supervisor')}</div>
      </div>
      <p><button type="button" @click=${publish}>Publish an urgent briefing as the supervisor</button></p>`;
  },
};

/** No briefings for the officer's team or shift. */
export const Empty: Story = { render: (args) => widget(args, server({ briefings: [] })) };

/** The publisher has no current briefings. */
export const PublisherEmpty: Story = { name: 'Publisher, empty', args: { view: 'publisher' }, render: (args) => widget(args, server({ briefings: [] })) };

/** Every briefing acknowledged. */
export const AllAcknowledged: Story = {
  name: 'All acknowledged',
  render: (args) => widget(args, server({ acknowledged: { 'br-1': { 'o-101': '2027-03-10T05:10:00Z' }, 'br-2': { 'o-101': '2027-03-10T05:45:00Z' }, 'br-3': { 'o-101': '2027-03-09T18:00:00Z' } } })),
};

/** Late at night: one briefing valid until midnight, one until 06:00 tomorrow. */
export const AtNight: Story = {
  name: 'At 23:30 in Brussels',
  render: ({ view, lang }) => {
    const now = pinnedClock('2027-03-10T22:30:00Z');
    const fake = server({
      now,
      briefings: [
        fakeBriefing({ id: 'night', title: 'Nachtelijke controle Kaai', validFrom: '2027-03-10T20:00:00Z', validUntil: '2027-03-10T23:00:00Z' }),
        fakeBriefing({ id: 'morning', title: 'Ochtendbriefing', validFrom: '2027-03-10T20:00:00Z', validUntil: '2027-03-11T05:00:00Z', priority: true }),
      ],
    });
    return html`<div style="max-inline-size: 40rem">
      <blauw-briefings .client=${fake.clientFor(view === 'publisher' ? 'supervisor' : JAN)} .now=${now} view=${ifDefined(view || undefined)} lang=${ifDefined(lang || undefined)}></blauw-briefings>
    </div>`;
  },
};

/** Loading: the list does not answer. */
export const Loading: Story = {
  render: (args) => {
    const fake = server();
    fake.hold();
    return widget(args, fake);
  },
};

/** The server is down: an error with Try again. */
export const Failed: Story = { render: (args) => widget(args, failing(new ServerError('Down.', { status: 503 }))) };

/** The officer's session expired (401). */
export const SessionExpired: Story = { name: 'Session expired', render: (args) => widget(args, failing(new UnauthenticatedError('Expired.', { status: 401 }))) };

/** A supervisor's token on the officer's view, or the other way round (403). */
export const Forbidden: Story = { render: (args) => widget(args, failing(new ForbiddenError('Not for you.', { status: 403 }))) };

/** The stream went offline: the banner says new briefings arrive when the network returns. */
export const Offline: Story = { render: (args) => widget(args, streamIn('offline')) };

/** The stream dropped and is reconnecting. */
export const Reconnecting: Story = { render: (args) => widget(args, streamIn('reconnecting')) };

/**
 * Acknowledged in a street without a network: the fair's traffic plan reads "Acknowledged — waiting
 * for network, will be sent", kept in the device's outbox (also through a reload). "Network back"
 * lets it go: it then reads the server's "Acknowledged at 07:00".
 */
export const AcknowledgementWaiting: Story = {
  name: 'Acknowledgement waiting for the network',
  render: (args) => {
    const fake = server();
    // The list comes from the page's cache; the acknowledgement finds no network.
    fake.listsOffline = true;
    fake.offline = true;
    return withQueuedAcknowledgement(args, fake, (reachable) => html`<p><button @click=${() => (reachable.offline = false)}>Network back</button></p>`);
  },
};

/**
 * An acknowledgement the server refused (here once, as for a briefing withdrawn meanwhile): "Acknowledgement
 * not sent — try again", with Try again, which sends it again (and this time it goes).
 */
export const AcknowledgementFailed: Story = {
  name: 'Acknowledgement not sent',
  render: (args) => {
    const fake = server();
    fake.failNext('acknowledge', new NotFoundError('No such briefing for you.', { status: 404, problem: { title: 'Not found', status: 404, code: 'briefing_not_found' } }));
    return withQueuedAcknowledgement(args, fake);
  },
};

/** Markup, script and `javascript:` links in titles, texts, names and attachments: all shown as typed, none run. */
export const HostileText: Story = {
  name: 'Hostile text',
  render: (args) =>
    widget(
      args,
      server({
        briefings: XSS_CORPUS.map((text, i) =>
          fakeBriefing({ id: `x-${i}`, title: text, text, publishedBy: { id: 'sup-01', displayName: text, kind: 'supervisor' }, attachments: [{ title: text, url: 'javascript:alert(1)' }, { title: 'Plan', url: 'https://intranet.pz-schelde.example/plan.pdf' }] }),
        ),
      }),
    ),
};

/** Narrow: 320 px wide. */
export const Narrow: Story = {
  name: '320 px',
  render: ({ view, lang }) => html`<div style="inline-size: 320px">${widget({ view, lang }, server())}</div>`,
};

/** In French. */
export const French: Story = { args: { lang: 'fr' } };

/** In Dutch, the publisher's view. */
export const DutchPublisher: Story = { name: 'Dutch, publisher', args: { lang: 'nl', view: 'publisher' } };

/** In German. */
export const German: Story = { args: { lang: 'de' } };

