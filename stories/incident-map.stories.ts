import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createIncidentsClient, NetworkError, type BlauwClient, type IncidentsClient, type ZoneGeography } from '@blauw/core';
import '../packages/widgets/src/incident-map/incident-map.js';
import '../packages/widgets/src/incident-timeline/incident-timeline.js';
import '../packages/widgets/src/provider/provider.js';
import { IncidentFeed } from '../packages/widgets/src/incident-feed/incident-feed.js';
import {
  fakeEntry,
  fakeIncident,
  fakeIncidentsClient,
  fakeUnit,
  incidentMessage,
  pinnedClock,
  unitMessage,
  type FakeIncidentsClient,
  type FakeIncidentsOptions,
} from '../packages/widgets/src/testing/fake-incidents-client.js';

// The fake zone of the tests: three municipalities (Hamme, Zele, Berlare) and a few streets, with
// incidents of every priority and units in every status. Nothing reads the real clock: times are
// pinned in the data (28 March 2027).

const square = (west: number, south: number, east: number, north: number) => [[[west, south], [east, south], [east, north], [west, north], [west, south]]];
const line = (...points: [number, number][]) => points;
const GEOGRAPHY: ZoneGeography = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(3.97, 51.01, 4.17, 51.12) }, properties: { kind: 'outline', name: 'Zone Scheldeland' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(4.08, 51.07, 4.17, 51.12) }, properties: { kind: 'municipality', name: 'Hamme' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(4.0, 51.045, 4.08, 51.095) }, properties: { kind: 'municipality', name: 'Zele' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(3.97, 51.01, 4.03, 51.045) }, properties: { kind: 'municipality', name: 'Berlare' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: line([4.1, 51.09], [4.14, 51.1], [4.16, 51.105]) }, properties: { kind: 'street', name: 'Kerkstraat' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: line([4.02, 51.06], [4.05, 51.07], [4.07, 51.075]) }, properties: { kind: 'street', name: 'Stationsstraat' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: line([3.99, 51.02], [4.0, 51.035], [4.02, 51.04]) }, properties: { kind: 'street', name: 'Markt' } },
  ],
};

const place = (street: string, houseNumber: string, municipality: string, postalCode: string) => ({ street, houseNumber, municipality, postalCode });
const incidents = () => [
  fakeIncident({ id: 'i-1', priority: 1, type: 'burglary', address: place('Kerkstraat', '12', 'Hamme', '9220'), position: { lat: 51.095, lon: 4.125 } }),
  fakeIncident({ id: 'i-2', priority: 2, type: 'traffic_accident', status: 'on_scene', units: ['SCH-21'], address: place('Stationsstraat', '4', 'Zele', '9240'), position: { lat: 51.067, lon: 4.045 } }),
  fakeIncident({ id: 'i-3', priority: 3, type: 'disturbance', status: 'assigned', units: ['SCH-12'], address: place('Markt', '1', 'Berlare', '9290'), position: { lat: 51.033, lon: 4.0 } }),
  fakeIncident({ id: 'i-4', priority: 4, type: 'theft', address: place('Kouter', '7', 'Hamme', '9220'), position: { lat: 51.105, lon: 4.15 } }),
];
const units = () => [
  fakeUnit({ callSign: 'SCH-11', status: 'available', position: { lat: 51.09, lon: 4.1 } }),
  fakeUnit({ callSign: 'SCH-12', status: 'en_route', kind: 'motorcycle', incidentId: 'i-3', position: { lat: 51.045, lon: 4.02 } }),
  fakeUnit({ callSign: 'SCH-21', status: 'on_scene', incidentId: 'i-2', position: { lat: 51.066, lon: 4.047 } }),
  fakeUnit({ callSign: 'SCH-31', status: 'unavailable', kind: 'van', position: { lat: 51.08, lon: 4.07 } }),
];

/** A fake zone; `geography` may be a failure or a promise that never settles (loading). */
function zone(options: FakeIncidentsOptions = {}, geography: ZoneGeography | Error | 'never' = GEOGRAPHY): FakeIncidentsClient {
  const client = fakeIncidentsClient({ incidents: incidents(), units: units(), events: [], ...options });
  (client.incidents as { geography: () => Promise<ZoneGeography> }).geography = () =>
    geography === 'never' ? new Promise<never>(() => undefined) : geography instanceof Error ? Promise.reject(geography) : Promise.resolve(geography);
  return client;
}

interface MapArgs {
  /** A tile server's URL template (`https://…/{z}/{x}/{y}.png`); empty: the zone's own geography only. */
  tiles: string;
  /** Whom the tiles are from, shown under the map. */
  attribution: string;
}

const map = ({ tiles, attribution }: MapArgs, client: IncidentsClient): TemplateResult => html`
  <blauw-incident-map .client=${client} tiles=${ifDefined(tiles || undefined)} attribution=${ifDefined(attribution || undefined)}></blauw-incident-map>
`;

const meta: Meta<MapArgs> = {
  title: 'Incident map',
  component: 'blauw-incident-map',
  args: { tiles: '', attribution: '' },
  render: (args) => map(args, zone()),
};
export default meta;

type Story = StoryObj<MapArgs>;

/** Open incidents of every priority and units in every status, on the zone's own map. */
export const Default: Story = {};

/** An incident chosen elsewhere (as by the timeline): the map pans to it and shows its details. */
export const Selected: Story = {
  render: (args) => {
    const client = zone();
    IncidentFeed.for(client).select('i-3');
    return map(args, client);
  },
};

/** Units move and incidents close while you watch: a scripted minute of the stream. */
export const Moving: Story = {
  render: (args) => {
    const client = zone();
    const feed = IncidentFeed.for(client);
    let step = 0;
    const tick = () => {
      if (!feed.units.size) return;
      step += 1;
      const at = `2027-03-28T08:${String(step % 60).padStart(2, '0')}:00Z`;
      client.emit(unitMessage({ ...units()[1]!, position: { lat: 51.045 + step * 0.001, lon: 4.02 - step * 0.0008 }, positionAt: at }));
      if (step === 8) client.emit(incidentMessage({ ...incidents()[3]!, status: 'closed', closedAt: at }, { at, kind: 'closed' }));
    };
    const timer = setInterval(() => (step < 20 ? tick() : clearInterval(timer)), 1000);
    return map(args, client);
  },
};

/** While the zone's map loads. */
export const Loading: Story = { render: (args) => map(args, zone({ manual: ['list'] }, 'never')) };

/**
 * A colleague's position opened from the chat (`blauw-position-open` → `showPosition`): a marker
 * with its accuracy circle, brought into view, listed with whose it is and when, with Clear.
 */
export const SharedPosition: Story = {
  render: (args) => {
    const position = { lat: 51.058, lon: 4.035, accuracy: 45, at: '2027-03-28T07:42:00Z', label: 'Inspecteur Peeters' };
    return html`<blauw-incident-map
      .client=${zone()}
      tiles=${ifDefined(args.tiles || undefined)}
      attribution=${ifDefined(args.attribution || undefined)}
      .position=${position}
    ></blauw-incident-map>`;
  },
};

/** The zone's map could not be loaded: a message and a retry button. */
export const MapFailed: Story = { render: (args) => map(args, zone({}, new NetworkError('The server could not be reached.'))) };

/** The incidents could not be loaded: the zone stays on screen, with a message and a retry button. */
export const FeedFailed: Story = {
  render: (args) => {
    const client = zone();
    client.failNext('list', new NetworkError('The server could not be reached.'));
    return map(args, client);
  },
};

/** No incident open: the zone is still shown. */
export const Empty: Story = { render: (args) => map(args, zone({ incidents: [], units: [] })) };

/** The stream dropped and is reconnecting: a status line says so, markers stay. */
export const Reconnecting: Story = { render: (args) => map(args, zone({ streamState: 'reconnecting' })) };

/** The browser is offline: positions may be out of date. */
export const Offline: Story = { render: (args) => map(args, zone({ streamState: 'offline' })) };

/** Marker colours from the page's theme (`--blauw-priority-1` …). */
export const Themed: Story = {
  render: (args) => html`<div style="--blauw-priority-1: #8b0000; --blauw-priority-2: #7a3e00; --blauw-map-zone: #fbfaf4; --blauw-accent: #006a4e">${map(args, zone())}</div>`,
};

/** 320 px wide: the list stacks under the map. */
export const Narrow: Story = { render: (args) => html`<div style="inline-size: 320px">${map(args, zone())}</div>` };

/**
 * LIVE: the mock server's zone through the Storybook service worker (msw), signed in as the
 * development officer. Needs the mock server's incident routes.
 */
export const Live: Story = {
  render: (args) => map(args, createIncidentsClient({ baseUrl: 'https://api.pz-scheldeland.example/v1', getToken: () => 'dev-officer' })),
};

/**
 * The timeline and the map inside one `<blauw-provider>`: they share the client, so one feed and
 * one selection. Choose an incident in either; the other follows.
 */
export const WithTimeline: Story = {
  render: (args) => {
    const events = incidents()
      .map((incident, i) => fakeEntry({ id: String(2000 + i), incidentId: incident.id, at: `2027-03-28T08:0${i}:00Z`, kind: 'created' }))
      .reverse();
    const client = zone({ events });
    return html`<blauw-provider .client=${client as unknown as BlauwClient} .now=${pinnedClock('2027-03-28T08:30:00Z')}>
      <div style="display: grid; gap: 1rem">
        <blauw-incident-map tiles=${ifDefined(args.tiles || undefined)} attribution=${ifDefined(args.attribution || undefined)}></blauw-incident-map>
        <blauw-incident-timeline style="block-size: 24rem"></blauw-incident-timeline>
      </div>
    </blauw-provider>`;
  },
};
