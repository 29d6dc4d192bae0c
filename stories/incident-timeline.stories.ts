import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createIncidentsClient, NetworkError, ServerError, type IncidentsClient } from '@blauw/core';
import '../packages/widgets/src/incident-timeline/incident-timeline.js';
import {
  fakeIncident,
  fakeIncidentsClient,
  incidentDay,
  incidentMessage,
  pinnedClock,
  type FakeIncidentsClient,
  type FakeIncidentsOptions,
} from '../packages/widgets/src/testing/fake-incidents-client.js';

// Every story but the live one runs on the in-memory day of the tests (a scripted stream, 09:00 on
// Sunday 28 March 2027 in Brussels), so they look the same on any day. The live one talks to the
// mock server's handlers through the msw worker of .storybook/preview.ts.
const NOW = pinnedClock('2027-03-28T07:00:00Z');
const END = '2027-03-28T07:00:00Z';

interface TimelineArgs {
  /** `incident` groups the entries by incident. */
  groupBy: string;
  /** A priority filter to start with (`1` … `4`); empty: all. */
  priority: string;
}

const timeline = ({ groupBy, priority }: TimelineArgs, client: IncidentsClient, now: (() => number) | undefined = NOW): TemplateResult => html`
  <blauw-incident-timeline .client=${client} .now=${now} group-by=${ifDefined(groupBy || undefined)} priority=${ifDefined(priority || undefined)}></blauw-incident-timeline>
`;

/** A fake day; `whenLive` runs once the widget has opened its stream. */
function day(options: FakeIncidentsOptions = {}, whenLive?: (client: FakeIncidentsClient) => void): FakeIncidentsClient {
  const client = fakeIncidentsClient({ ...incidentDay({ count: 120, end: END }), ...options });
  if (whenLive) {
    const wait = setInterval(() => {
      if (client.streams.length === 0) return;
      clearInterval(wait);
      whenLive(client);
    }, 50);
  }
  return client;
}

const meta: Meta<TimelineArgs> = {
  title: 'Incident timeline',
  component: 'blauw-incident-timeline',
  args: { groupBy: '', priority: '' },
  render: (args) => timeline(args, day()),
};
export default meta;

type Story = StoryObj<TimelineArgs>;

/** A morning of 120 entries, live. */
export const Live: Story = {};

/** The lists are still loading (they never answer here). */
export const Loading: Story = { render: (args) => timeline(args, day({ manual: ['list'] })) };

/** No incident yet today. */
export const Empty: Story = { render: (args) => timeline(args, day({ incidents: [], events: [], units: [] })) };

/** The server fails: an error with Try again (which then loads the day). */
export const Failed: Story = {
  render: (args) => {
    const client = day();
    client.failNext('list', new ServerError('The dispatch is down.', { status: 503 }));
    return timeline(args, client);
  },
};

/** The stream dropped; the SDK reconnects with backoff. */
export const Reconnecting: Story = { render: (args) => timeline(args, day({ streamState: 'reconnecting' })) };

/** The browser is offline; the stream waits for the network. */
export const Offline: Story = { render: (args) => timeline(args, day({ streamState: 'offline' })) };

/** The stream was refused after loading (a network failure while loading reads the same way). */
export const StreamRefused: Story = {
  render: (args) => {
    const client = day({}, (c) => c.streams[0]!.fail(new NetworkError('Gone.')));
    return timeline(args, client);
  },
};

/** Grouped by incident: each incident with its entries. */
export const Grouped: Story = { args: { groupBy: 'incident' } };

/** Filtered to priority 1 from the start (`priority="1"`). */
export const Filtered: Story = { args: { priority: '1' } };

/** 10,000 entries: 2,000 of history, then 8,000 through the stream at once. */
export const TenThousand: Story = {
  name: '10,000 events',
  render: (args) =>
    timeline(
      args,
      day({ ...incidentDay({ count: 2000, end: END }) }, (client) => {
        const incident = client.day.incidents[0]!;
        const start = Date.parse(END);
        client.emit(...Array.from({ length: 8000 }, (_, i) => incidentMessage(incident, { at: new Date(start + (i + 1) * 1000).toISOString(), kind: 'update', text: `Entry ${i + 1}` })));
      }),
    ),
};

/** A burst every 3 seconds: 200 entries at once, with a new priority-1 incident (announced once). */
export const Burst: Story = {
  render: (args) =>
    timeline(
      args,
      day({}, (client) => {
        let round = 0;
        const timer = setInterval(() => {
          if (!client.streams.some((stream) => !stream.closed)) return clearInterval(timer);
          round += 1;
          const start = Date.parse(END) + round * 60_000;
          const urgent = fakeIncident({ id: `burst-${round}`, number: `2027-09${String(round).padStart(4, '0')}`, priority: 1, type: 'fire_assist', openedAt: new Date(start).toISOString() }, round);
          client.emit(
            incidentMessage(urgent, { at: new Date(start).toISOString(), kind: 'created' }),
            ...Array.from({ length: 199 }, (_, i) => incidentMessage(urgent, { at: new Date(start + (i + 1) * 250).toISOString(), kind: 'update', text: `Update ${i + 1}` })),
          );
        }, 3000);
      }),
    ),
};

/**
 * Against the mock server's handlers (msw): its simulated dispatch, live over SSE, signed in as
 * the development officer. The real clock: this one shows today.
 */
export const LiveMockServer: Story = {
  name: 'Live (mock server)',
  render: (args) => timeline(args, createIncidentsClient({ baseUrl: 'https://api.pz-scheldeland.example/v1', getToken: () => 'dev-officer' }), undefined),
};
