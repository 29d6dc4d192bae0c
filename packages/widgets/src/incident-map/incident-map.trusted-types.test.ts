import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ZoneGeography } from '@blauw/core';
import { fakeIncident, fakeIncidentsClient, fakeUnit } from '../testing/fake-incidents-client.js';

// The map under the policy of a strict intranet page (the mock server's demo policy): no inline
// styles, Trusted Types required, only the `lit-html` and `blauw` policies allowed. Leaflet is
// imported only after the policy is in force (this file runs in a page of its own), so its import,
// the map and its markers all run under it.
const POLICY = "style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html blauw";

const GEOGRAPHY: ZoneGeography = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[4.0, 51.0], [4.2, 51.0], [4.2, 51.1], [4.0, 51.1], [4.0, 51.0]]] }, properties: { kind: 'outline', name: 'Zone' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[4.05, 51.05], [4.1, 51.06]] }, properties: { kind: 'street', name: 'Kerkstraat' } },
  ],
};

describe('<blauw-incident-map> under Trusted Types', () => {
  const violations: string[] = [];

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = POLICY;
    document.head.prepend(meta);
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.sample}`));
  });

  it('the policy is in force: a string assigned as HTML is refused', async () => {
    const setInnerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!;
    expect(() => setInnerHtml.call(document.createElement('div'), '<b>x</b>')).to.throw(TypeError);
    await waitUntil(() => violations.length === 1, 'the violation is reported', { timeout: 3000 });
  });

  it('loads Leaflet, draws the zone and its markers, and breaks no rule', async () => {
    violations.length = 0;
    await import('./incident-map.js');
    const client = fakeIncidentsClient({
      incidents: [fakeIncident({ id: 'i-1', priority: 1, position: { lat: 51.05, lon: 4.1 } })],
      units: [fakeUnit({ callSign: 'SCH-21', position: { lat: 51.06, lon: 4.12 } })],
      events: [],
    });
    (client.incidents as { geography: () => Promise<ZoneGeography> }).geography = () => Promise.resolve(GEOGRAPHY);
    const el = await fixture(html`<blauw-incident-map lang="en" .client=${client} tiles="/node_modules/leaflet/dist/images/marker-icon.png?{z}/{x}/{y}" attribution="© Zone"></blauw-incident-map>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-pane [role="button"]').length === 2, 'markers', { timeout: 3000 });
    (root.querySelector('.leaflet-marker-pane [role="button"]') as HTMLElement).click();
    await waitUntil(() => root.querySelector('[part~="details"]'), 'details', { timeout: 3000 });
    expect(root.querySelectorAll('path.geo-outline')).to.have.length(1);
    // A shared position, its label markup as text: its marker, circle and list entry.
    (el as HTMLElementTagNameMap['blauw-incident-map']).showPosition({ lat: 51.05, lon: 4.11, accuracy: 40, at: '2027-03-28T08:05:00Z', label: '<img src=x onerror="window.__blauwTt=1">' });
    await waitUntil(() => root.querySelector('path.position-accuracy') && root.querySelector('[data-position]'), 'the shared position', { timeout: 3000 });
    // The tiles are the only images.
    expect(root.querySelectorAll('img:not(.leaflet-tile)').length).to.equal(0);
    expect((window as { __blauwTt?: number }).__blauwTt).to.equal(undefined);
    // Violations are reported as events, a task later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations).to.deep.equal([]);
  });

  it('puts the browser’s own innerHTML back once Leaflet has loaded', () => {
    const setInnerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!;
    expect(() => setInnerHtml.call(document.createElement('div'), '<svg/>')).to.throw(TypeError);
  });
});
