import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { NetworkError, type ZoneGeography } from '@blauw/core';
import { IncidentFeed } from '../incident-feed/incident-feed.js';
import { sharedMessages } from '../shared/messages.js';
import { fakeIncident, fakeIncidentsClient, fakeUnit, incidentMessage, unitMessage, type FakeIncidentsClient } from '../testing/fake-incidents-client.js';
import './incident-map.js';
import type { BlauwIncidentMap } from './incident-map.js';
import type { IncidentSelectDetail } from '../incident-feed/incident-events.js';
import { messages } from './messages.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';

const en = { ...sharedMessages.en, ...messages.en };

// ---- the zone: three municipalities around Hamme, two streets (GeoJSON positions are [lon, lat]) ----

const square = (west: number, south: number, east: number, north: number) => [[[west, south], [east, south], [east, north], [west, north], [west, south]]];
const GEOGRAPHY: ZoneGeography = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(3.98, 51.02, 4.16, 51.12) }, properties: { kind: 'outline', name: 'Zone Scheldeland' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(4.08, 51.07, 4.16, 51.12) }, properties: { kind: 'municipality', name: 'Hamme' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(4.02, 51.05, 4.08, 51.09) }, properties: { kind: 'municipality', name: 'Zele' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(3.98, 51.02, 4.02, 51.05) }, properties: { kind: 'municipality', name: 'Berlare' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[4.12, 51.09], [4.14, 51.1]] }, properties: { kind: 'street', name: 'Kerkstraat' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[4.03, 51.06], [4.05, 51.07]] }, properties: { kind: 'street', name: 'Stationsstraat' } },
  ],
};

const place = (street: string, houseNumber: string, municipality: string, postalCode: string) => ({ street, houseNumber, municipality, postalCode });
const INCIDENTS = [
  fakeIncident({ id: 'i-1', priority: 1, type: 'burglary', address: place('Kerkstraat', '12', 'Hamme', '9220'), position: { lat: 51.095, lon: 4.13 } }),
  fakeIncident({ id: 'i-2', priority: 3, type: 'traffic_accident', status: 'en_route', units: ['SCH-21'], address: place('Stationsstraat', '4', 'Zele', '9240'), position: { lat: 51.065, lon: 4.04 } }),
  fakeIncident({ id: 'i-3', priority: 2, type: 'disturbance', address: place('Markt', '1', 'Berlare', '9290'), position: { lat: 51.03, lon: 4.0 } }),
  fakeIncident({ id: 'i-4', priority: 4, type: 'theft', status: 'closed', address: place('Kouter', '7', 'Hamme', '9220'), position: { lat: 51.1, lon: 4.1 } }),
];
const UNITS = [
  fakeUnit({ callSign: 'SCH-21', status: 'en_route', incidentId: 'i-2', position: { lat: 51.06, lon: 4.05 } }),
  fakeUnit({ callSign: 'SCH-11', status: 'available', kind: 'motorcycle', position: { lat: 51.09, lon: 4.12 } }),
];

// ---- helpers: what a user perceives (roles, names, focus) ----

const root = (el: Element) => el.shadowRoot!;
const all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const markers = (el: Element) => all(el, '.leaflet-marker-pane [role="button"]');
const marker = (el: Element, name: RegExp | string) => markers(el).find((m) => (typeof name === 'string' ? m.getAttribute('aria-label') === name : name.test(m.getAttribute('aria-label') ?? '')));
const entries = (el: Element, kind: 'incident' | 'unit') => all(el, `[part~="entry"][data-${kind}]`);
const entry = (el: Element, name: string) => all(el, '[part~="entry"]').find((b) => textOf(b).endsWith(name));
const status = (el: Element) => textOf(all(el, '[part~="status"]')[0]);
const alertText = (el: Element) => all(el, '[role="alert"]').map(textOf).join(' ');
const button = (el: Element, name: string) => all(el, 'button').find((b) => (b.getAttribute('aria-label') ?? textOf(b)) === name);
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;
const until = (check: () => unknown, message?: string) => waitUntil(check, message, { timeout: 3000 });

/** A client whose `geography()` answers `answer` (a value, an error, or a promise the test settles). */
function zoneClient(options: Parameters<typeof fakeIncidentsClient>[0] = {}, answer: ZoneGeography | Error | Promise<ZoneGeography> = GEOGRAPHY): FakeIncidentsClient {
  const client = fakeIncidentsClient({ incidents: INCIDENTS.map((i) => ({ ...i })), units: UNITS.map((u) => ({ ...u })), events: [], ...options });
  (client.incidents as { geography: () => Promise<ZoneGeography> }).geography = () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer));
  return client;
}

async function mount(client: FakeIncidentsClient, { lang = 'en', tiles, attribution }: { lang?: string; tiles?: string; attribution?: string } = {}): Promise<BlauwIncidentMap> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 60rem"></div>`);
  const el = document.createElement('blauw-incident-map');
  el.setAttribute('lang', lang);
  if (tiles) el.setAttribute('tiles', tiles);
  if (attribution) el.setAttribute('attribution', attribution);
  el.client = client;
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Mounted, the zone drawn and the feed's lists in. */
async function ready(client = zoneClient(), options?: Parameters<typeof mount>[1]): Promise<BlauwIncidentMap> {
  const el = await mount(client, options);
  await until(() => markers(el).length > 0 && entries(el, 'incident').length > 0, 'markers and list are drawn');
  return el;
}

describe('<blauw-incident-map>', () => {
  before(async () => {
    // Pans and zooms without animation, so a test sees where the map ends up at once.
    await emulateMedia({ reducedMotion: 'reduce' });
  });

  it('draws the zone’s outline, municipalities and streets from the API, with no tile server', async () => {
    const el = await ready();
    expect(all(el, 'path.geo-outline')).to.have.length(1);
    expect(all(el, 'path.geo-municipality')).to.have.length(3);
    expect(all(el, 'path.geo-street')).to.have.length(2);
    for (const path of all(el, 'svg path')) expect(path.getAttribute('d')).to.match(/^M-?\d/);
    // The outline fills the map: fitted on load.
    const map = all(el, '[part~="map"]')[0]!.getBoundingClientRect();
    const outline = all(el, 'path.geo-outline')[0]!.getBoundingClientRect();
    expect(outline.width > map.width * 0.6 || outline.height > map.height * 0.6).to.equal(true);
    expect(all(el, 'img')).to.have.length(0);
    expect(performance.getEntriesByType('resource').filter((r) => /\/\d+\/\d+\/\d+/.test(r.name))).to.have.length(0);
  });

  it('lays the zone’s own tiles beneath, from its template, with the attribution as text', async () => {
    const template = `${location.origin}/node_modules/leaflet/dist/images/marker-icon.png?z={z}&x={x}&y={y}`;
    const el = await ready(zoneClient(), { tiles: template, attribution: '© Zone <b>Scheldeland</b>' });
    await until(() => all(el, 'img.leaflet-tile-loaded').length > 0, 'tiles load');
    const sources = all<HTMLImageElement>(el, 'img.leaflet-tile').map((img) => img.src);
    expect(sources.every((src) => src.startsWith(`${location.origin}/node_modules/leaflet/dist/images/marker-icon.png?z=`))).to.equal(true);
    expect(sources.some((src) => /z=\d+&x=\d+&y=\d+$/.test(src))).to.equal(true);
    // The paths lie above the tiles.
    expect(all(el, '.leaflet-tile-pane img').length).to.equal(sources.length);
    expect(all(el, '.leaflet-overlay-pane path.geo-outline')).to.have.length(1);
    const attribution = all(el, '[part~="attribution"]')[0]!;
    expect(textOf(attribution)).to.equal('© Zone <b>Scheldeland</b>');
    expect(attribution.children).to.have.length(0);
  });

  it('marks every open incident by priority, with its number and a name; closed ones are left out', async () => {
    const el = await ready();
    const names = markers(el).map((m) => m.getAttribute('aria-label'));
    expect(names).to.include.members([
      'Priority 1, Burglary, Kerkstraat 12, Hamme',
      'Priority 2, Disturbance, Markt 1, Berlare',
      'Priority 3, Traffic accident, Stationsstraat 4, Zele',
    ]);
    expect(names.some((name) => name?.includes('Kouter'))).to.equal(false);
    const p1 = marker(el, /^Priority 1,/)!;
    expect(p1.getAttribute('tabindex')).to.equal('0');
    expect(p1.querySelector('.face')!.classList.contains('p1')).to.equal(true);
    expect(textOf(p1)).to.equal('1');
    expect(getComputedStyle(p1.querySelector('.face')!).backgroundColor).to.equal('rgb(179, 38, 30)');
    expect(getComputedStyle(marker(el, /^Priority 3,/)!.querySelector('.face')!).backgroundColor).to.equal('rgb(31, 78, 156)');
    expect(marker(el, 'Unit SCH-21, car, en route')).to.not.equal(undefined);
    expect(marker(el, 'Unit SCH-11, motorcycle, available')).to.not.equal(undefined);
  });

  it('takes marker colours from --blauw-priority-* tokens', async () => {
    const el = await ready();
    el.style.setProperty('--blauw-priority-1', 'rgb(0, 0, 0)');
    expect(getComputedStyle(marker(el, /^Priority 1,/)!.querySelector('.face')!).backgroundColor).to.equal('rgb(0, 0, 0)');
  });

  it('moves a unit’s marker when the unit reports a new position, and drops an incident once closed', async () => {
    const client = zoneClient();
    const el = await ready(client);
    await until(() => client.streams.length === 1);
    const unit = marker(el, /^Unit SCH-11,/)!;
    const before = unit.style.transform;
    client.emit(unitMessage({ ...UNITS[1]!, status: 'dispatched', position: { lat: 51.04, lon: 4.01 }, positionAt: '2027-03-28T08:05:00Z' }));
    await until(() => unit.style.transform !== before, 'the marker moved');
    expect(unit.getAttribute('aria-label')).to.equal('Unit SCH-11, motorcycle, dispatched');
    expect(marker(el, /^Unit SCH-11,/)).to.equal(unit);

    client.emit(incidentMessage({ ...INCIDENTS[0]!, status: 'closed', closedAt: '2027-03-28T08:06:00Z' }, { at: '2027-03-28T08:06:00Z', kind: 'closed' }));
    await until(() => !marker(el, /^Priority 1,/), 'the closed incident’s marker is gone');
    expect(entry(el, 'Priority 1, Burglary, Kerkstraat 12, Hamme')).to.equal(undefined);
  });

  it('selects an incident by a click on its marker: the feed’s selection, the event, the highlight', async () => {
    const client = zoneClient();
    const el = await ready(client);
    const chosen = oneEvent(el, 'blauw-incident-select') as Promise<CustomEvent<IncidentSelectDetail>>;
    marker(el, /^Priority 2,/)!.click();
    const event = await chosen;
    expect(event.detail.incident.id).to.equal('i-3');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(IncidentFeed.for(client).selectedIncidentId).to.equal('i-3');
    await until(() => marker(el, /^Priority 2,/)!.getAttribute('aria-pressed') === 'true');
    expect(entry(el, 'Priority 2, Disturbance, Markt 1, Berlare')!.getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(all(el, '[part~="details"]')[0])).to.contain('Priority 2, Disturbance, Markt 1, Berlare');
  });

  it('highlights and pans to an incident selected elsewhere (a timeline with the same client)', async () => {
    const client = zoneClient();
    const el = await ready(client);
    const map = all(el, '[part~="map"]')[0]!;
    // Zoomed in on Hamme first, so Berlare is off screen.
    button(el, en.zoomIn)!.click();
    button(el, en.zoomIn)!.click();
    IncidentFeed.for(client).select('i-3');
    const target = () => marker(el, /^Priority 2,/)!;
    await until(() => target().getAttribute('aria-pressed') === 'true', 'highlighted');
    const box = map.getBoundingClientRect();
    const at = target().getBoundingClientRect();
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    expect(Math.abs(at.left + at.width / 2 - centre.x)).to.be.below(4);
    expect(Math.abs(at.top + at.height / 2 - centre.y)).to.be.below(4);
    expect(markers(el).filter((m) => m.getAttribute('aria-pressed') === 'true')).to.have.length(1);
  });

  it('reaches a marker with Tab from the map and selects it with Enter, another with Space', async () => {
    const client = zoneClient();
    const el = await ready(client);
    all(el, '[part~="map"]')[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('aria-label')).to.match(/^Priority 1,/);
    const chosen = oneEvent(el, 'blauw-incident-select') as Promise<CustomEvent<IncidentSelectDetail>>;
    await sendKeys({ press: 'Enter' });
    expect((await chosen).detail.incident.id).to.equal('i-1');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await until(() => IncidentFeed.for(client).selectedIncidentId !== 'i-1');
    expect(focused(el)?.getAttribute('aria-pressed')).to.equal('true');
  });

  it('lists the same incidents and units as the markers, and selects from the list too', async () => {
    const client = zoneClient();
    const el = await ready(client);
    const incidentNames = entries(el, 'incident').map(textOf);
    expect(incidentNames).to.deep.equal([
      '1 Priority 1, Burglary, Kerkstraat 12, Hamme',
      '2 Priority 2, Disturbance, Markt 1, Berlare',
      '3 Priority 3, Traffic accident, Stationsstraat 4, Zele',
    ]);
    const markerNames = markers(el).map((m) => m.getAttribute('aria-label')!);
    for (const name of [...incidentNames.map((n) => n.slice(2)), ...entries(el, 'unit').map((b) => textOf(b).slice(2))]) expect(markerNames).to.include(name);
    expect(markerNames).to.have.length(incidentNames.length + entries(el, 'unit').length);
    expect(textOf(all(el, '#incidents-h')[0])).to.equal('Open incidents (3)');

    entry(el, 'Priority 3, Traffic accident, Stationsstraat 4, Zele')!.click();
    expect(IncidentFeed.for(client).selectedIncidentId).to.equal('i-2');
    await until(() => marker(el, /^Priority 3,/)!.getAttribute('aria-pressed') === 'true');

    client.emit(incidentMessage(fakeIncident({ id: 'i-9', priority: 1, type: 'fire_assist', address: place('Schoolstraat', '3', 'Zele', '9240'), position: { lat: 51.07, lon: 4.03 } }), { at: '2027-03-28T08:10:00Z', kind: 'created' }));
    await until(() => entries(el, 'incident').length === 4 && marker(el, 'Priority 1, Fire brigade assistance, Schoolstraat 3, Zele'));
  });

  it('shows a loading state, then the map', async () => {
    let settle!: (geography: ZoneGeography) => void;
    const el = await mount(zoneClient({}, new Promise((resolve) => (settle = resolve))));
    expect(status(el)).to.equal(en.loading);
    expect(all(el, '[part~="skeleton"]')).to.have.length(1);
    await expect(el).to.be.accessible();
    settle(GEOGRAPHY);
    await until(() => markers(el).length > 0);
    expect(status(el)).to.equal('');
    expect(all(el, '[part~="skeleton"]')).to.have.length(0);
  });

  it('explains a failed map and tries again', async () => {
    const client = zoneClient({}, new NetworkError('down'));
    const el = await mount(client);
    await until(() => alertText(el));
    expect(alertText(el)).to.contain(en['error.network']);
    expect(all(el, '[part~="map"]')[0]!.closest('[hidden]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    (client.incidents as { geography: () => Promise<ZoneGeography> }).geography = () => Promise.resolve(GEOGRAPHY);
    button(el, en.retry)!.click();
    await until(() => markers(el).length > 0, 'the map after retry');
    expect(alertText(el)).to.equal('');
  });

  it('says offline at once when the browser goes offline, and tries the failed map again by itself when it is back', async () => {
    const client = zoneClient({}, new NetworkError('down'));
    const el = await mount(client);
    await until(() => alertText(el));
    (client.incidents as { geography: () => Promise<ZoneGeography> }).geography = () => Promise.resolve(GEOGRAPHY);
    // navigator.onLine is what NetworkStatus reads.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await until(() => status(el) === en.stale);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await until(() => markers(el).length > 0, 'the map, without pressing Try again');
    expect(alertText(el)).to.equal('');
  });

  it('explains a failed feed, keeps the zone on screen, and tries again', async () => {
    const client = zoneClient();
    client.failNext('list', new NetworkError('down'));
    const el = await mount(client);
    await until(() => alertText(el));
    expect(alertText(el)).to.contain(en['error.network']);
    await until(() => all(el, 'path.geo-outline').length === 1);
    button(el, en.retry)!.click();
    await until(() => markers(el).length > 0 && !alertText(el));
  });

  it('says so when no incident is open, and still shows the zone', async () => {
    const el = await mount(zoneClient({ incidents: [INCIDENTS[3]!], units: [] }));
    await until(() => all(el, '[part~="empty"]').length === 2);
    expect(all(el, '[part~="empty"]').map(textOf)).to.deep.equal([en.noIncidents, en.noUnits]);
    expect(all(el, 'path.geo-outline')).to.have.length(1);
    expect(markers(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the connection’s state in a status line', async () => {
    const client = zoneClient();
    const el = await ready(client);
    await until(() => client.streams.length === 1);
    client.streams[0]!.setState('reconnecting');
    await until(() => status(el) === en.reconnecting);
    await expect(el).to.be.accessible();
    client.streams[0]!.setState('offline');
    await until(() => status(el) === en.stale);
    client.streams[0]!.setState('live');
    await until(() => status(el) === '');
    expect(all(el, '[part~="status"]')[0]!.getAttribute('role')).to.equal('status');
  });

  it('has no accessibility violations, with a selection', async () => {
    const client = zoneClient();
    const el = await ready(client);
    IncidentFeed.for(client).select('i-1');
    await until(() => all(el, '[part~="details"]').length === 1);
    await expect(el).to.be.accessible();
  });

  it('names the map, its zoom buttons and markers in French and Dutch', async () => {
    const el = await ready(zoneClient(), { lang: 'fr' });
    expect(all(el, '[part~="map"]')[0]!.getAttribute('aria-label')).to.equal(messages.fr.map);
    expect(all(el, '[part~="map"]')[0]!.getAttribute('role')).to.equal('region');
    expect(button(el, 'Zoom avant')).to.not.equal(undefined);
    expect(button(el, 'Zoom arrière')).to.not.equal(undefined);
    expect(marker(el, 'Priorité 1, Cambriolage, Kerkstraat 12, Hamme')).to.not.equal(undefined);
    expect(marker(el, 'Unité SCH-21, voiture, en route')).to.not.equal(undefined);
    el.setAttribute('lang', 'nl');
    await until(() => marker(el, 'Prioriteit 1, Inbraak, Kerkstraat 12, Hamme'));
    expect(button(el, 'Inzoomen')).to.not.equal(undefined);
    expect(all(el, '[part~="map"]')[0]!.getAttribute('aria-label')).to.equal(messages.nl.map);
    expect(textOf(all(el, '#incidents-h')[0])).to.equal('Open incidenten (3)');
  });

  it('stacks the list under the map at 320 px', async () => {
    const el = await ready();
    el.parentElement!.style.inlineSize = '320px';
    await until(() => {
      const map = all(el, '[part~="map"]')[0]!.getBoundingClientRect();
      const list = all(el, '#incidents-h')[0]!.getBoundingClientRect();
      return list.top >= map.bottom && map.width <= 320;
    }, 'the list is under the map');
    expect(el.scrollWidth).to.be.at.most(320);
  });
  describe('a shared position', () => {
    // 08:05 in Brussels (summer time): what the list says, whatever the test machine's zone.
    const SHARED = { lat: 51.06, lon: 4.03, accuracy: 35, at: '2027-03-28T06:05:00Z', label: 'Inspecteur Peeters' };
    const positionMarker = (el: Element) => all(el, '.leaflet-marker-pane [role="button"]').find((m) => m.querySelector('.face.position'));
    const circle = (el: Element) => all<SVGPathElement>(el, 'path.position-accuracy')[0];
    const positionEntry = (el: Element) => all(el, '[part~="entry"][data-position]')[0];
    const live = (el: Element) => textOf(all(el, '[aria-live="polite"]')[0]);

    it('draws a marker with its accuracy circle in metres, zooms to it, lists and announces it', async () => {
      const el = await ready();
      el.showPosition(SHARED);
      await until(() => positionMarker(el) && circle(el), 'the marker and its circle');
      const name = 'Shared position: Inspecteur Peeters, within 35 m, at 08:05';
      expect(positionMarker(el)!.getAttribute('aria-label')).to.equal(name);
      expect(positionMarker(el)!.getAttribute('tabindex')).to.equal('0');
      expect(textOf(positionEntry(el))).to.equal(name);
      expect(live(el)).to.equal(name);
      // The circle's radius is the accuracy in metres, at the map's scale (read off two incidents'
      // markers 0.09° of longitude apart; Leaflet's Earth is a sphere of 6371 km).
      const widthFor = (metres: number) => {
        const centre = (m: HTMLElement) => m.getBoundingClientRect().left + m.getBoundingClientRect().width / 2;
        const pixelsPerDegree = (centre(marker(el, /^Priority 1,/)!) - centre(marker(el, /^Priority 3,/)!)) / 0.09;
        return 2 * (metres / (6_371_000 * Math.cos((SHARED.lat * Math.PI) / 180))) * (180 / Math.PI) * pixelsPerDegree;
      };
      const ring = circle(el)!.getBoundingClientRect();
      expect(ring.width).to.be.above(20);
      expect(ring.width / widthFor(35)).to.be.within(0.93, 1.07);
      // Brought into view: the marker at the map's centre, in the middle of its circle.
      const map = all(el, '[part~="map"]')[0]!.getBoundingClientRect();
      const dot = positionMarker(el)!.getBoundingClientRect();
      expect(Math.abs(dot.left + dot.width / 2 - (ring.left + ring.width / 2))).to.be.below(3);
      expect(Math.abs(dot.left + dot.width / 2 - (map.left + map.width / 2))).to.be.below(4);
      // A less precise position replaces it, with a wider circle.
      el.showPosition({ ...SHARED, accuracy: 70 });
      await until(() => positionMarker(el)?.getAttribute('aria-label')?.includes('70 m'));
      expect(circle(el)!.getBoundingClientRect().width / widthFor(70)).to.be.within(0.93, 1.07);
      expect(all(el, 'path.position-accuracy')).to.have.length(1);
      expect(all(el, '.face.position')).to.have.length(2);
    });

    it('draws no circle without an accuracy, and leaves out the parts it lacks', async () => {
      const el = await ready();
      el.showPosition({ lat: 51.06, lon: 4.03 });
      await until(() => positionMarker(el));
      expect(circle(el)).to.equal(undefined);
      expect(positionMarker(el)!.getAttribute('aria-label')).to.equal('Shared position');
      expect(() => el.showPosition({ lat: Number.NaN, lon: 4 })).to.throw(RangeError);
    });

    it('says it in Dutch and French, times in Brussels', async () => {
      const nl = await ready(zoneClient(), { lang: 'nl' });
      nl.showPosition(SHARED);
      await until(() => positionEntry(nl));
      expect(textOf(positionEntry(nl))).to.equal('Gedeelde positie: Inspecteur Peeters, binnen 35 m, om 08:05');
      expect(button(nl, 'Wissen')).to.not.equal(undefined);
      const fr = await ready(zoneClient(), { lang: 'fr' });
      fr.showPosition({ ...SHARED, at: '2027-01-15T13:30:00Z' });
      await until(() => positionEntry(fr));
      // textOf would fold French's narrow no-break space before the colon into a space.
      const said = positionEntry(fr)!.querySelector('span:last-child')!.textContent;
      expect(said).to.equal('Position partagée\u202f: Inspecteur Peeters, à 35 m près, à 14:30');
      expect(positionMarker(fr)!.getAttribute('aria-label')).to.equal(said);
      expect(button(fr, 'Effacer')).to.not.equal(undefined);
    });

    it('is removed by Clear, from the map and the list, and focus stays on the map', async () => {
      const el = await ready();
      el.showPosition(SHARED);
      await until(() => positionEntry(el));
      const waze = all<HTMLAnchorElement>(el, '[part~="position"] a')[0]!;
      expect(waze.href).to.equal('https://waze.com/ul?ll=51.06,4.03&navigate=yes');
      button(el, en.clear)!.click();
      await until(() => !positionEntry(el), 'the entry is gone');
      expect(positionMarker(el)).to.equal(undefined);
      expect(circle(el)).to.equal(undefined);
      expect(focused(el)?.getAttribute('part')).to.equal('map');
      // The other markers stay.
      expect(marker(el, /^Priority 1,/)).to.not.equal(undefined);
    });

    it('reaches the marker with Tab like the others, and brings it back into view with Enter', async () => {
      const el = await ready();
      el.showPosition(SHARED);
      await until(() => positionMarker(el));
      button(el, en.zoomOut)!.click();
      button(el, en.zoomOut)!.click();
      positionMarker(el)!.focus();
      expect(focused(el)).to.equal(positionMarker(el));
      await sendKeys({ press: 'Enter' });
      const map = all(el, '[part~="map"]')[0]!.getBoundingClientRect();
      await until(() => {
        const dot = positionMarker(el)!.getBoundingClientRect();
        return Math.abs(dot.left + dot.width / 2 - (map.left + map.width / 2)) < 4 && circle(el)!.getBoundingClientRect().width > 40;
      }, 'zoomed back to the position');
    });

    it('shows a label from the XSS corpus as text and runs nothing', async () => {
      const el = await ready();
      for (const label of XSS_CORPUS) {
        el.showPosition({ ...SHARED, label });
        await until(() => positionMarker(el)?.getAttribute('aria-label')?.includes(label.trim()));
        expect(textOf(positionEntry(el))).to.contain(label.trim());
        expect(positionMarker(el)!.querySelector('.face')!.childNodes).to.have.length(0);
      }
      expect(injected(el.shadowRoot!)).to.deep.equal([]);
    });

    it('has no accessibility violations', async () => {
      const el = await ready();
      el.showPosition(SHARED);
      await until(() => positionEntry(el));
      await expect(el).to.be.accessible();
    });

    it('waits for the zone to be drawn before it shows a position given early', async () => {
      let settle!: (geography: ZoneGeography) => void;
      const el = await mount(zoneClient({}, new Promise((resolve) => (settle = resolve))));
      el.position = SHARED;
      await el.updateComplete;
      settle(GEOGRAPHY);
      await until(() => positionMarker(el) && circle(el), 'drawn once the zone is');
    });
  });
});
