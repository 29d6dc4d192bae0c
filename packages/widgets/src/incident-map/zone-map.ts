import type { GeoPoint, Incident, Unit, ZoneGeography } from '@blauw/core';
import type * as L from 'leaflet';
import { Leaflet } from './leaflet.js';
import { accuracyRadius, priorityClass, unitClass, unitSign, type MapPosition } from './marker-labels.js';

/** What {@link ZoneMap} asks of the element that owns it. */
export interface ZoneMapOptions {
  /** No animated zooms, fades or pans (`prefers-reduced-motion: reduce`). */
  reducedMotion: boolean;
  /** The name of the map's container (it is focusable: arrows pan, + and − zoom). */
  label: string;
  /** An incident's marker was clicked, or Enter or Space pressed on it. */
  selectIncident(id: string): void;
  /** A unit's marker was clicked, or Enter or Space pressed on it. */
  selectUnit(callSign: string): void;
}

/** What a marker says to assistive technology, and what it shows. */
interface MarkerText {
  label: string;
}

interface Placed {
  marker: L.Marker;
  // The element inside Leaflet's icon: ours, updated in place (a new icon would lose focus).
  face: HTMLElement;
  at: GeoPoint;
}

const latLng = ({ lat, lon }: GeoPoint): L.LatLngExpression => [lat, lon];
// Belgium, for a zone whose geography has nothing to fit to.
const BELGIUM: L.LatLngExpression = [50.64, 4.67];

/**
 * The Leaflet map of `<blauw-incident-map>`: the zone's geography as vector layers (no tile server
 * needed), an optional tile layer beneath, and one keyboard-focusable marker per open incident and
 * per unit, kept in step with the feed by id. It uses no Leaflet part that writes strings as HTML
 * (attribution and zoom controls, popups, tooltips, string DivIcons), so it runs under Trusted Types.
 */
export class ZoneMap {
  readonly #map: L.Map;
  readonly #options: ZoneMapOptions;
  readonly #incidents = new Map<string, Placed>();
  readonly #units = new Map<string, Placed>();
  readonly #base: L.LayerGroup;
  #tiles: L.TileLayer | undefined;
  #fitTo: L.LatLngBounds | undefined;
  #fitted = false;
  #selected: string | undefined;
  #selectedUnit: string | undefined;
  #position: { shown: MapPosition; marker: L.Marker; circle: L.Circle | undefined } | undefined;

  constructor(container: HTMLElement, options: ZoneMapOptions) {
    this.#options = options;
    const still = options.reducedMotion;
    this.#map = Leaflet.map(container, {
      attributionControl: false,
      zoomControl: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      inertia: !still,
      zoomSnap: 0.25,
    });
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', options.label);
    this.#base = Leaflet.layerGroup().addTo(this.#map);
  }

  /** The zone's outline, municipalities and streets; the view fits the outline (else everything). */
  setGeography(geography: ZoneGeography): void {
    this.#base.clearLayers();
    const layer = Leaflet.geoJSON(geography as GeoJSON.FeatureCollection, {
      interactive: false,
      style: (feature) => {
        const kind = String(feature?.properties?.['kind'] ?? '');
        return { className: `geo-${['outline', 'municipality', 'street'].includes(kind) ? kind : 'other'}`, fill: kind !== 'street' };
      },
    }).addTo(this.#base);
    const outline = Leaflet.geoJSON({ ...geography, features: geography.features.filter((f) => f.properties.kind === 'outline') } as GeoJSON.FeatureCollection);
    const bounds = outline.getBounds().isValid() ? outline.getBounds() : layer.getBounds();
    this.#fitTo = bounds.isValid() ? bounds : undefined;
    this.#fitted = false;
    this.fit();
  }

  /** A tile layer beneath the geography (a URL template with `{z}/{x}/{y}`), or none. */
  setTiles(template: string | undefined): void {
    const current = (this.#tiles as (L.TileLayer & { _url?: string }) | undefined)?._url;
    if (current === template) return;
    this.#tiles?.remove();
    this.#tiles = template ? Leaflet.tileLayer(template, { maxZoom: 19 }).addTo(this.#map) : undefined;
  }

  /** Shows the zone (once it has a size): on load, and after a geography arrives. */
  fit(): void {
    const { x, y } = this.#map.getSize();
    if (this.#fitted || x === 0 || y === 0) return;
    if (this.#fitTo) this.#map.fitBounds(this.#fitTo, { animate: false, padding: [8, 8] });
    else this.#map.setView(BELGIUM, 8, { animate: false });
    this.#fitted = true;
  }

  /** Whether the map has a view yet (markers need one). */
  get ready(): boolean {
    return this.#fitted;
  }

  /** The open incidents' markers: added, moved, relabelled, removed by id. */
  setIncidents(incidents: readonly Incident[], text: (incident: Incident) => MarkerText): void {
    this.#sync('incident', this.#incidents, incidents, (incident) => incident.id, (incident) => incident.position, text, (face, incident) => {
      face.className = `face incident ${priorityClass(incident.priority)}`;
      face.textContent = String(incident.priority);
    }, this.#options.selectIncident);
    this.#mark();
  }

  /** The units' markers, moved when their position changes. */
  setUnits(units: readonly Unit[], text: (unit: Unit) => MarkerText): void {
    this.#sync('unit', this.#units, units, (unit) => unit.callSign, (unit) => unit.position, text, (face, unit) => {
      face.className = `face unit ${unitClass(unit.status)}`;
      const sign = document.createElement('span');
      sign.setAttribute('aria-hidden', 'true');
      sign.textContent = unitSign(unit.status);
      face.replaceChildren(sign, unit.callSign.replace(/^[A-Z]+-/, ''));
    }, this.#options.selectUnit);
    this.#mark();
  }

  /** Highlights an incident's marker; with `pan`, brings it into view. */
  select(incidentId: string | undefined, pan: boolean): void {
    this.#selected = incidentId;
    this.#mark();
    const placed = incidentId === undefined ? undefined : this.#incidents.get(incidentId);
    if (placed && pan && this.ready) this.#map.panTo(latLng(placed.at), { animate: !this.#options.reducedMotion });
  }

  /** Highlights a unit's marker (or none). */
  selectUnit(callSign: string | undefined): void {
    this.#selectedUnit = callSign;
    this.#mark();
  }

  /** Brings a unit into view. */
  showUnit(callSign: string): void {
    const placed = this.#units.get(callSign);
    if (placed && this.ready) this.#map.panTo(latLng(placed.at), { animate: !this.#options.reducedMotion });
  }

  /**
   * A shared position: a marker above all others, named `label`, and its accuracy as a circle in
   * metres; a new one is brought into view (with its circle). `undefined` removes it.
   */
  setPosition(position: MapPosition | undefined, label: string): void {
    if (position !== this.#position?.shown) {
      this.#position?.marker.remove();
      this.#position?.circle?.remove();
      this.#position = undefined;
      if (position === undefined || !this.ready) return;
      const at: L.LatLngExpression = [position.lat, position.lon];
      const radius = accuracyRadius(position);
      const circle = radius === undefined ? undefined : Leaflet.circle(at, { radius, interactive: false, className: 'position-accuracy' }).addTo(this.#map);
      const face = document.createElement('span');
      face.className = 'face position';
      const icon = Leaflet.divIcon({ html: face, className: 'marker', iconSize: [24, 24], iconAnchor: [12, 12] });
      const marker = Leaflet.marker(at, { icon, keyboard: true, autoPanOnFocus: false, zIndexOffset: 20_000 });
      // Enter, Space or a click brings the whole circle back into view.
      const show = () => this.showPosition();
      marker.on('click', show);
      marker.on('keydown', (event) => {
        const key = (event as L.LeafletKeyboardEvent).originalEvent;
        if (key.key !== 'Enter' && key.key !== ' ') return;
        key.preventDefault();
        show();
      });
      marker.addTo(this.#map);
      marker.getElement()?.addEventListener('focus', () =>
        this.#map.panInside(marker.getLatLng(), { padding: [40, 40], animate: !this.#options.reducedMotion } as L.PanInsideOptions),
      );
      this.#position = { shown: position, marker, circle };
      this.showPosition();
    }
    this.#position?.marker.getElement()?.setAttribute('aria-label', label);
  }

  /** Brings the shared position and its accuracy circle into view. */
  showPosition(): void {
    const shown = this.#position;
    if (!shown || !this.ready) return;
    const animate = !this.#options.reducedMotion;
    if (shown.circle) this.#map.fitBounds(shown.circle.getBounds(), { animate, padding: [24, 24], maxZoom: 17 });
    else this.#map.setView(shown.marker.getLatLng(), Math.max(this.#map.getZoom(), 16), { animate });
  }

  /** The marker element of the shared position (for focus and tests). */
  get positionMarker(): HTMLElement | undefined {
    return this.#position?.marker.getElement();
  }

  /** The marker element of an incident or a unit (for focus). */
  markerOf(kind: 'incident' | 'unit', id: string): HTMLElement | undefined {
    return (kind === 'incident' ? this.#incidents : this.#units).get(id)?.marker.getElement();
  }

  zoomIn(): void {
    this.#map.zoomIn(1, { animate: !this.#options.reducedMotion });
  }

  zoomOut(): void {
    this.#map.zoomOut(1, { animate: !this.#options.reducedMotion });
  }

  /** The container's size changed (layout, a rotated tablet, zoom): redraw, and fit if not done yet. */
  resize(): void {
    this.#map.invalidateSize({ animate: false });
    this.fit();
  }

  /** A new name for the map's container (the language changed). */
  relabel(label: string): void {
    this.#map.getContainer().setAttribute('aria-label', label);
  }

  remove(): void {
    this.#map.remove();
    this.#incidents.clear();
    this.#units.clear();
    this.#position = undefined;
  }

  #mark(): void {
    // Incidents above units, the selected one above all.
    const mark = (placed: Map<string, Placed>, chosen: string | undefined, base: number) => {
      for (const [id, { marker }] of placed) {
        const selected = id === chosen;
        marker.getElement()?.setAttribute('aria-pressed', String(selected));
        marker.setZIndexOffset(selected ? 10_000 : base);
      }
    };
    mark(this.#incidents, this.#selected, 0);
    mark(this.#units, this.#selectedUnit, -5_000);
  }

  #sync<Item>(
    kind: 'incident' | 'unit',
    placed: Map<string, Placed>,
    items: readonly Item[],
    idOf: (item: Item) => string,
    at: (item: Item) => GeoPoint,
    text: (item: Item) => MarkerText,
    paint: (face: HTMLElement, item: Item) => void,
    select: (id: string) => void,
  ): void {
    if (!this.ready) return;
    const keep = new Set<string>();
    for (const item of items) {
      const id = idOf(item);
      keep.add(id);
      let entry = placed.get(id);
      const position = at(item);
      if (entry === undefined) {
        const face = document.createElement('span');
        // A unit sits just below and right of its position, so one on scene leaves its incident's
        // marker visible and clickable; incidents are centred on theirs.
        const icon = Leaflet.divIcon({ html: face, className: 'marker', iconSize: [32, 32], iconAnchor: kind === 'unit' ? [2, 2] : [16, 16] });
        const marker = Leaflet.marker(latLng(position), { icon, keyboard: true, autoPanOnFocus: false, riseOnHover: true });
        const choose = () => select(id);
        marker.on('click', choose);
        marker.on('keydown', (event) => {
          const key = (event as L.LeafletKeyboardEvent).originalEvent;
          if (key.key !== 'Enter' && key.key !== ' ') return;
          key.preventDefault();
          choose();
        });
        marker.addTo(this.#map);
        // Focus by keyboard brings the marker into view, without an animated pan when motion is reduced.
        marker.getElement()?.addEventListener('focus', () =>
          this.#map.panInside(marker.getLatLng(), { padding: [40, 40], animate: !this.#options.reducedMotion } as L.PanInsideOptions),
        );
        entry = { marker, face, at: position };
        placed.set(id, entry);
      } else if (entry.at.lat !== position.lat || entry.at.lon !== position.lon) {
        entry.marker.setLatLng(latLng(position));
        entry.at = position;
      }
      paint(entry.face, item);
      entry.marker.getElement()?.setAttribute('aria-label', text(item).label);
    }
    for (const [id, entry] of placed) {
      if (keep.has(id)) continue;
      entry.marker.remove();
      placed.delete(id);
    }
  }
}
