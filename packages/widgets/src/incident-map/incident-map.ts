import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createIncidentsClient, type BlauwError, type Incident, type IncidentsClient, type Unit, type ZoneGeography } from '@blauw/core';
import { IncidentFeedController } from '../incident-feed/incident-feed-controller.js';
import type { IncidentSelectDetail } from '../incident-feed/incident-events.js';
import type { IncidentFeed } from '../incident-feed/incident-feed.js';
import { ClientController } from '../shared/client-context.js';
import { ClientTask } from '../shared/client-task.js';
import { NetworkStatus } from '../shared/network-status.js';
import { LocaleController } from '../shared/locale-controller.js';
import { officerErrorKey } from '../shared/messages.js';
import { styles } from './incident-map.styles.js';
import { incidentTypeText, incidentWords } from '../incident-feed/incident-words.js';
import {
  byCallSign,
  byUrgency,
  enumText,
  incidentLabel,
  isPlaceable,
  positionLabel,
  priorityClass,
  unitClass,
  unitLabel,
  unitSign,
  wazeLink,
  type MapPosition,
} from './marker-labels.js';
import { messages } from './messages.js';
import { ZoneMap } from './zone-map.js';


const TAG = 'blauw-incident-map';
// Incidents carry no time zone: every Belgian police zone keeps Brussels time.
const TIME_ZONE = 'Europe/Brussels';

/**
 * Shows a police zone's open incidents and its units live on a map of the zone, with the same
 * incidents and units as a list beside it (under it on a narrow screen) for keyboard and
 * screen-reader users. The map needs no tile server: the zone's outline, municipalities and streets
 * come from the API (`client.incidents.geography()`); a zone with its own tile server adds it
 * beneath with `tiles`. Markers follow the shared incident feed: units move as they report, closed
 * incidents disappear. Choosing an incident (click, or Enter or Space on a focused marker or list
 * entry) selects it for every widget of the same client — the timeline scrolls to it — and a
 * selection made elsewhere pans the map to it.
 *
 * A position shared elsewhere (a colleague's, opened from `<blauw-chat>`) is shown with
 * `showPosition()`: a marker with its accuracy circle, brought into view, listed with whose it is,
 * how precise and when, and announced to screen readers; its Clear button removes it.
 *
 * ```js
 * chat.addEventListener('blauw-position-open', ({ detail }) => map.showPosition(detail.position));
 * ```
 *
 * Script-tag use, on an intranet page that signs its widgets in:
 * `<blauw-provider api="https://api.zone.example/v1"><blauw-incident-map lang="fr"></blauw-incident-map></blauw-provider>`
 * with the provider's `getToken` set. Runs under a strict CSP with Trusted Types.
 *
 * @tag blauw-incident-map
 * @summary Live map of a police zone's open incidents and units, with a list alternative.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @fires {CustomEvent<IncidentSelectDetail>} blauw-incident-select - The user chose an incident on the map or in the list.
 *
 * @csspart map - The map (focusable: arrow keys pan, + and − zoom; Tab reaches the markers).
 * @csspart zoom - The zoom buttons over the map.
 * @csspart attribution - The tile server's attribution, under the map.
 * @csspart status - The connection's status line (connecting, reconnecting, offline).
 * @csspart alert - A failure message with its retry button.
 * @csspart skeleton - The placeholder while the zone's map loads.
 * @csspart details - The selected incident's details.
 * @csspart list - The lists of incidents and of units.
 * @csspart entry - An incident or unit in the list (a toggle button).
 * @csspart empty - "No open incidents" / "No units on duty".
 * @csspart position - The shared position's entry, its Waze link and Clear button.
 *
 * @cssprop [--blauw-priority-1=#b3261e] - Markers of priority 1 incidents (white text on it).
 * @cssprop [--blauw-priority-2=#a24a00] - Markers of priority 2 incidents.
 * @cssprop [--blauw-priority-3=#1f4e9c] - Markers of priority 3 incidents.
 * @cssprop [--blauw-priority-4=#595959] - Markers of priority 4 incidents (and of any lower priority).
 * @cssprop [--blauw-unit-available=#1e6b34] - Units that are available.
 * @cssprop [--blauw-unit-en-route=#6a3d9a] - Units dispatched or en route.
 * @cssprop [--blauw-unit-on-scene=#004f5f] - Units on scene.
 * @cssprop [--blauw-unit-other=#595959] - Units unavailable, or in a status added later.
 * @cssprop [--blauw-map-position=#0b5cad] - The shared position's marker and accuracy circle.
 * @cssprop [--blauw-map-selected=#ffbf47] - The ring around the selected marker.
 * @cssprop [--blauw-map-selected-entry=#eef3fb] - Background of the selected list entry.
 * @cssprop [--blauw-map-height=26rem] - Height of the map (at most 70 % of the viewport).
 * @cssprop [--blauw-map-background=#f4f4f1] - Around the zone.
 * @cssprop [--blauw-map-zone=#ffffff] - Inside the zone's outline.
 * @cssprop [--blauw-map-outline=#1f4e9c] - The zone's outline.
 * @cssprop [--blauw-map-municipality=#767676] - Borders of the municipalities.
 * @cssprop [--blauw-map-street=#b5b5b5] - Streets.
 * @cssprop [--blauw-accent=#1f4e9c] - Buttons, links, the selected entry's border.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Status line, empty lists, attribution.
 * @cssprop [--blauw-surface=#ffffff] - Background of buttons.
 * @cssprop [--blauw-border=#767676] - Borders of the map, entries and details.
 * @cssprop [--blauw-danger=#b3261e] - Failure messages.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwIncidentMap extends LitElement {
  /** The map's shadow styles: the design tokens, Leaflet's (trimmed), then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    api: {},
    client: { attribute: false },
    tiles: {},
    attribution: {},
    selectedUnit: { state: true, attribute: false },
    position: { attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createIncidentsClient`, with an officer's token); wins over `api` and a provider. */
  client?: IncidentsClient;
  /** The zone's own tile server, as a URL template (`https://tiles.zone.example/{z}/{x}/{y}.png`), drawn beneath the zone's outline and streets. Without it the map needs no tiles. */
  tiles?: string;
  /** Whom the tiles are from (`© Zone Scheldeland, OpenStreetMap contributors`), shown as plain text under the map. */
  attribution?: string;
  /** The shared position on the map, if any; set it with {@link BlauwIncidentMap.showPosition}. */
  position?: MapPosition | undefined;

  // The unit chosen in the list or on the map (units are not part of the shared selection).
  private selectedUnit: string | undefined;

  readonly #locale = new LocaleController(this, messages, [incidentWords]);
  readonly #typeText = (type: string): string => incidentTypeText(this.#locale, type);
  readonly #resolved = new ClientController<IncidentsClient>(this, {
    language: () => this.#locale.language,
    create: createIncidentsClient,
  });
  readonly #feed = new IncidentFeedController(this, { client: this.#resolved });
  readonly #geography = new ClientTask(this, {
    client: this.#resolved,
    args: () => [] as const,
    task: (client, _, { signal }) => client.incidents.geography({ signal }),
  });
  // Offline is shown at once, before the stream notices; back online, what failed for want of a
  // network is tried again without the officer pressing Try again.
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      const feed = this.#feed.value;
      const lost = (error: BlauwError | undefined) => error?.kind === 'network' || error?.kind === 'timeout';
      if (this.#geography.status === 'error' && lost(this.#geography.error)) void this.#geography.retry();
      if (feed?.state === 'error' && lost(feed.error)) feed.retry();
    },
  });

  #map: ZoneMap | undefined;
  #drawn: ZoneGeography | undefined;
  #resizing: ResizeObserver | undefined;
  // The selection the map shows, and the one the user made on the map itself (which needs no pan).
  #shown: string | undefined;
  #pickedOnMap: string | undefined;
  readonly #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // What the polite live region says: the last position shown.
  #announcement = '';

  /**
   * Shows a shared position: a marker with its accuracy circle (in metres), brought into view, in
   * the list with its words, announced politely. A second call replaces the first.
   *
   * @throws {RangeError} When the coordinates are not a place on Earth.
   */
  showPosition(position: MapPosition): void {
    if (!isPlaceable(position)) throw new RangeError(`A shared position needs a latitude from -90 to 90 and a longitude from -180 to 180, not ${position.lat}, ${position.lon}.`);
    // A copy: the same position opened again is brought into view again.
    this.position = { ...position };
  }

  /** Removes the shared position from the map and the list. */
  clearPosition(): void {
    this.position = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved by a CMS): the map is built again on the next render.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizing?.disconnect();
    this.#resizing = undefined;
    this.#map?.remove();
    this.#map = undefined;
    this.#drawn = undefined;
    this.#shown = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('position')) this.#announcement = this.#shared ? this.#positionLabel(this.#shared) : '';
  }

  protected override render(): unknown {
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const feed = this.#feed.value;
    const geography = this.#geography;
    const failure = geography.status === 'error' ? geography.error : feed?.state === 'error' ? feed.error : undefined;
    const incidents = feed && feed.state !== 'loading' ? byUrgency(feed.incidents.values()) : [];
    const units = feed && feed.state !== 'loading' ? byCallSign(feed.units.values()) : [];
    const selected = feed?.selectedIncidentId === undefined ? undefined : feed.incidents.get(feed.selectedIncidentId);
    const loading = geography.status === 'loading' || geography.status === 'idle' || (!failure && (!feed || feed.state === 'loading'));
    return html`
      <p part="status" role="status">${loading && !failure ? t('loading') : this.#statusText(feed)}</p>
      ${failure ? this.#alert(failure) : nothing}
      <div class="layout">
        <div class="stage" ?hidden=${geography.status === 'error'}>
          <div class="zoom" part="zoom" ?hidden=${geography.status !== 'ready'}>
            <button type="button" aria-label=${t('zoomIn')} @click=${() => this.#map?.zoomIn()}>+</button>
            <button type="button" aria-label=${t('zoomOut')} @click=${() => this.#map?.zoomOut()}>−</button>
          </div>
          <div part="map" ?hidden=${geography.status !== 'ready'}></div>
          ${geography.status === 'ready' ? nothing : html`<div class="skeleton" part="skeleton"></div>`}
          ${this.tiles && this.attribution ? html`<p part="attribution">${this.attribution}</p>` : nothing}
        </div>
        <div class="side">
          ${this.#shared ? this.#sharedEntry(this.#shared) : nothing}
          ${selected && selected.status !== 'closed' ? this.#details(selected) : nothing}
          ${loading ? nothing : this.#lists(incidents, units, feed?.selectedIncidentId)}
        </div>
      </div>
      <p class="vh" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const container = this.renderRoot.querySelector<HTMLElement>('[part~="map"]');
    const geography = this.#geography.status === 'ready' ? this.#geography.value : undefined;
    if (!container || !geography) return;
    let map = this.#map;
    if (map === undefined) {
      map = this.#map = new ZoneMap(container, {
        reducedMotion: this.#reducedMotion,
        label: this.#locale.t('map'),
        selectIncident: (id) => this.#pickIncident(id, true),
        selectUnit: (callSign) => this.#pickUnit(callSign, false),
      });
      this.#resizing = new ResizeObserver(() => {
        const wasReady = map!.ready;
        map!.resize();
        if (!wasReady && map!.ready) this.requestUpdate();
      });
      this.#resizing.observe(container);
    }
    // A new client (provider swap, new `api`) may bring another zone.
    if (geography !== this.#drawn) {
      this.#drawn = geography;
      map.setGeography(geography);
    }
    map.relabel(this.#locale.t('map'));
    map.setTiles(this.tiles?.trim() || undefined);
    if (map.ready) map.setPosition(this.#shared, this.#shared ? this.#positionLabel(this.#shared) : '');
    const feed = this.#feed.value;
    if (!map.ready || !feed || feed.state === 'loading') return;
    const { t } = this.#locale;
    map.setIncidents(byUrgency(feed.incidents.values()), (incident) => ({ label: incidentLabel(t, this.#typeText, incident) }));
    map.setUnits(byCallSign(feed.units.values()), (unit) => ({ label: unitLabel(t, unit) }));
    map.selectUnit(this.selectedUnit);
    const selection = feed.selectedIncidentId;
    if (selection !== this.#shown) {
      this.#shown = selection;
      // A choice made on the map stays where the user put it; one made elsewhere is brought into view.
      map.select(selection, selection !== this.#pickedOnMap);
      this.#pickedOnMap = undefined;
    }
  }

  #statusText(feed: IncidentFeed | undefined): string {
    const { t } = this.#locale;
    if (!this.#network.online && feed !== undefined && feed.state !== 'error') return t('stale');
    switch (feed?.state) {
      case 'connecting':
        return t('connecting');
      case 'reconnecting':
        return t('reconnecting');
      case 'offline':
        return t('stale');
      default:
        return '';
    }
  }

  #alert(error: BlauwError): TemplateResult {
    const { t } = this.#locale;
    return html`<div part="alert" role="alert">
      <p>${t(officerErrorKey(error))}</p>
      <button type="button" @click=${this.#retry}>${t('retry')}</button>
    </div>`;
  }

  readonly #retry = (): void => {
    if (this.#geography.status === 'error') void this.#geography.retry();
    if (this.#feed.value?.state === 'error') this.#feed.value.retry();
  };

  #lists(incidents: readonly Incident[], units: readonly Unit[], selectedId: string | undefined): TemplateResult {
    const { t } = this.#locale;
    return html`
      <section aria-labelledby="incidents-h">
        <h2 id="incidents-h">${t('incidents', { n: incidents.length })}</h2>
        ${incidents.length === 0
          ? html`<p part="empty">${t('noIncidents')}</p>`
          : html`<ul part="list">
              ${incidents.map(
                (incident) => html`<li>
                  <button type="button" part="entry" data-incident=${incident.id} aria-pressed=${String(incident.id === selectedId)} @click=${() => this.#pickIncident(incident.id, false)}>
                    <span class="face incident ${priorityClass(incident.priority)}" aria-hidden="true">${incident.priority}</span>
                    <span>${incidentLabel(t, this.#typeText, incident)}</span>
                  </button>
                </li>`,
              )}
            </ul>`}
      </section>
      <section aria-labelledby="units-h">
        <h2 id="units-h">${t('units', { n: units.length })}</h2>
        ${units.length === 0
          ? html`<p part="empty">${t('noUnits')}</p>`
          : html`<ul part="list">
              ${units.map(
                (unit) => html`<li>
                  <button type="button" part="entry" data-unit=${unit.callSign} aria-pressed=${String(unit.callSign === this.selectedUnit)} @click=${() => this.#pickUnit(unit.callSign, true)}>
                    <span class="face unit ${unitClass(unit.status)}" aria-hidden="true">${unitSign(unit.status)}</span>
                    <span>${unitLabel(t, unit)}</span>
                  </button>
                </li>`,
              )}
            </ul>`}
      </section>
    `;
  }

  #details(incident: Incident): TemplateResult {
    const { t, format } = this.#locale;
    const units = incident.units.length ? format.list(incident.units) : t('none');
    return html`<section part="details" aria-labelledby="details-h">
      <h2 id="details-h">${t('details')}</h2>
      <p>${incidentLabel(t, this.#typeText, incident)}</p>
      <dl>
        <dt>${t('number')}</dt>
        <dd>${incident.number}</dd>
        <dt>${t('status')}</dt>
        <dd>${enumText(t, 's', incident.status)}</dd>
        <dt>${t('opened')}</dt>
        <dd>${format.dateTime(incident.openedAt, TIME_ZONE, { dateStyle: 'short', timeStyle: 'medium' })}</dd>
        <dt>${t('assigned')}</dt>
        <dd>${units}</dd>
      </dl>
      <div class="actions">
        <a href=${wazeLink(incident.position)} target="_blank" rel="noopener noreferrer">${t('navigate')}</a>
        <button type="button" @click=${() => this.#feed.value?.select(undefined)}>${t('close')}</button>
      </div>
    </section>`;
  }

  // The position to draw: one set directly as a property with impossible coordinates is left off.
  get #shared(): MapPosition | undefined {
    return this.position && isPlaceable(this.position) ? this.position : undefined;
  }

  #positionLabel(position: MapPosition): string {
    const { t, format } = this.#locale;
    const time = (at: string) => {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? undefined : format.time(date, TIME_ZONE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    };
    return positionLabel(t, time, position);
  }

  #sharedEntry(position: MapPosition): TemplateResult {
    const { t } = this.#locale;
    return html`<section part="position" aria-labelledby="position-h">
      <h2 id="position-h">${t('sharedPosition')}</h2>
      <button type="button" part="entry" data-position @click=${() => this.#map?.showPosition()}>
        <span class="face position" aria-hidden="true"></span>
        <span>${this.#positionLabel(position)}</span>
      </button>
      <div class="actions">
        <a href=${wazeLink(position)} target="_blank" rel="noopener noreferrer">${t('navigate')}</a>
        <button type="button" @click=${this.#clear}>${t('clear')}</button>
      </div>
    </section>`;
  }

  readonly #clear = (): void => {
    this.clearPosition();
    // The button goes with the position: focus stays in the widget, on the map.
    this.renderRoot.querySelector<HTMLElement>('[part~="map"]')?.focus();
  };

  #pickIncident(id: string, onMap: boolean): void {
    const feed = this.#feed.value;
    const incident = feed?.incidents.get(id);
    if (!feed || !incident) return;
    this.#pickedOnMap = onMap ? id : undefined;
    feed.select(id);
    this.dispatchEvent(new CustomEvent<IncidentSelectDetail>('blauw-incident-select', { detail: { incident }, bubbles: true, composed: true }));
  }

  #pickUnit(callSign: string, fromList: boolean): void {
    this.selectedUnit = callSign;
    if (fromList) this.#map?.showUnit(callSign);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwIncidentMap);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-incident-map': BlauwIncidentMap;
  }
  // 'blauw-incident-select' is declared once, with the feed's event details.
}
