import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { createIncidentsClient, type BlauwError, type Incident, type IncidentEvent, type IncidentsClient } from '@blauw/core';
import { IncidentFeedController } from '../incident-feed/incident-feed-controller.js';
import type { FeedChangeDetail, FeedState, IncidentFeed } from '../incident-feed/incident-feed.js';
import type { IncidentOpenDetail, IncidentSelectDetail } from '../incident-feed/incident-events.js';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { ClientController } from '../shared/client-context.js';
import { ClockController, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { errorMessageKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { styles } from './incident-timeline.styles.js';
import { messages } from './messages.js';
import { incidentTypeText, incidentWords } from '../incident-feed/incident-words.js';
import { dayIn, groupByIncident, isFiltered, mapUrl, matches, NO_FILTERS, timeOfDay, toAnnounce, wazeUrl, type IncidentGroup, type TimelineFilters } from './timeline-rules.js';

export type { IncidentOpenDetail, IncidentSelectDetail } from '../incident-feed/incident-events.js';

const TAG = 'blauw-incident-timeline';
const STATUSES = ['open', 'assigned', 'en_route', 'on_scene', 'closed'];
// Entries shown per incident in the grouped view; the dialog has the whole log.
const GROUP_ENTRIES = 8;
// How far from the top the reader may be and still count as "at the top" (px).
const TOP_SLACK = 8;

type Key = keyof (typeof messages)['en'];
type Row = IncidentEvent | IncidentGroup;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Follows a police zone's incidents live, to the second: every log entry (created, unit
 * assigned, en route, on scene, update, closed), newest on top, in the zone's time zone; one
 * stream, or grouped by incident (`group-by="incident"`). Filters by priority, type, status and
 * unit, and a search over number, address, type and text. Keeps the reader's place: while they
 * scroll further down or have focus in the list, new entries wait behind an "N new events" button.
 * A new priority-1 incident is announced once to screen readers. Each location links to Waze and
 * to a map; opening an incident shows its whole log. Selecting one selects it for every widget of
 * the same client (the incident map pans to it), and a selection made there scrolls the timeline.
 *
 * Keyboard: the WAI-ARIA feed pattern. Tab reaches the entries, Page Down / Page Up move between
 * them, Control+End / Control+Home leave the list after / before it, Enter opens the focused
 * incident's log, Space selects it.
 *
 * Script-tag use, on an intranet page that signs its widgets in:
 * `<blauw-provider api="https://api.zone.example/v1"><blauw-incident-timeline></blauw-incident-timeline></blauw-provider>`,
 * with the provider's `getToken` set. Thousands of entries stay fluid: only those in view are in
 * the page, and bursts are drawn once per frame.
 *
 * @tag blauw-incident-timeline
 * @summary Live incident log of a police zone, to the second.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @fires {CustomEvent<IncidentSelectDetail>} blauw-incident-select - The user selected an incident (click, or Space on an entry).
 * @fires {CustomEvent<IncidentOpenDetail>} blauw-incident-open - The user opened an incident's whole log (Enter on an entry, or its Log button).
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The feed stopped with an error (refused token, unknown zone, a list that cannot load).
 *
 * @csspart status - The connection state line (live, reconnecting…, offline, error).
 * @csspart retry - The Try again button of the error state.
 * @csspart filters - The filter and search form.
 * @csspart field - A filter with its label.
 * @csspart new-events - The "N new events" button.
 * @csspart feed - The scrolling list of entries (`role="feed"`).
 * @csspart event - One entry, or one incident in the grouped view (`article`).
 * @csspart badge - A priority, type, status or unit badge.
 * @csspart link - The Waze and map links.
 * @csspart button - Every button.
 * @csspart empty - The "no events" and "no match" messages.
 * @csspart footer - The count of entries shown, after the list.
 * @csspart dialog - The dialog with an incident's whole log.
 * @csspart log - The log's list in the dialog.
 *
 * @cssprop [--blauw-timeline-height=min(40rem, 75vh)] - Height of the scrolling list.
 * @cssprop [--blauw-accent=#1f4e9c] - Links, buttons, the selected entry's mark.
 * @cssprop [--blauw-on-accent=#ffffff] - Text on the accent colour and on priority 1.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Notes, the count.
 * @cssprop [--blauw-surface=#ffffff] - Background of entries and fields.
 * @cssprop [--blauw-border=#767676] - Borders of the list, fields and badges.
 * @cssprop [--blauw-danger=#b3261e] - Priority 1 and 2 badges, errors.
 * @cssprop [--blauw-success=#1e6b34] - The live dot.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwIncidentTimeline extends LitElement {
  /** The timeline's shadow styles: the design tokens, focus ring and reduced motion, then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    api: {},
    client: { attribute: false },
    groupBy: { attribute: 'group-by' },
    priority: {},
    timeZone: { attribute: 'time-zone' },
    now: { attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createIncidentsClient`); wins over `api` and a provider. */
  client?: IncidentsClient;
  /** `incident` groups the entries by incident (its header, then its entries); anything else shows one stream. */
  groupBy?: string;
  /** A priority to filter on from the start, e.g. `1`; the reader can change it. */
  priority?: string;
  /** The zone's time zone, in which times are shown. */
  timeZone = 'Europe/Brussels';
  /** The clock, as milliseconds since the epoch (default: the provider's, else `Date.now`); "today" is read from it. */
  now?: Now;

  readonly #locale = new LocaleController(this, messages, [incidentWords]);
  readonly #typeText = (type: string): string => incidentTypeText(this.#locale, type);
  readonly #clock = new ClockController(this);
  readonly #client = new ClientController<IncidentsClient>(this, { language: () => this.#locale.language, create: createIncidentsClient });
  readonly #feed = new IncidentFeedController(this, {
    client: this.#client,
    onChange: (detail, feed) => this.#changed(detail, feed),
    onSelect: (feed) => this.#selectedElsewhere(feed),
  });
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      const feed = this.#feed.value;
      if (feed?.state === 'error' && (feed.error?.kind === 'network' || feed.error?.kind === 'timeout')) feed.retry();
    },
  });

  #filters: TimelineFilters = { ...NO_FILTERS };
  // The entries on screen: the feed's list as it was when the reader last was at the top. New
  // entries wait behind the "N new events" button while the reader is further down or in the list.
  #shown: readonly IncidentEvent[] = [];
  #shownFeed: IncidentFeed | undefined;
  #atTop = true;
  #focusInFeed = false;
  #announced = new Set<string>();
  #announcement = '';
  #selectedHere: string | undefined;
  #reported: BlauwError | undefined;
  #openIncidentId: string | undefined;
  #openerId: string | undefined;
  #log: { incidentId: string; entries?: IncidentEvent[]; error?: BlauwError } | undefined;
  #logAborter: AbortController | undefined;
  #rowsCache: { key: unknown[]; rows: Row[] } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated && this.priority) this.#filters.priority = this.priority;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#logAborter?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('priority') && this.hasUpdated) this.#filters = { ...this.#filters, priority: this.priority ?? '' };
    const feed = this.#feed.value;
    if (feed !== this.#shownFeed) {
      this.#shownFeed = feed;
      this.#shown = feed?.events ?? [];
    }
  }

  protected override updated(): void {
    const feed = this.#feed.value;
    if (feed?.state === 'error' && feed.error && feed.error !== this.#reported) {
      this.#reported = feed.error;
      this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error: feed.error }, bubbles: true, composed: true }));
    }
  }

  protected override render() {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const feed = this.#feed.value;
    const state: FeedState = feed ? feed.state : 'error';
    const error = feed ? feed.error : this.#client.error;
    const rows = this.#rows(feed);
    const total = this.#grouped ? groupByIncident(this.#shown).length : this.#shown.length;
    const fresh = this.#freshCount(feed);
    return html`
      ${this.#statusLine(state, error)}
      ${this.#filterForm(feed)}
      <div class="new" aria-live="polite">
        ${fresh > 0
          ? html`<button part="button new-events" type="button" id="new" @click=${this.#showNew}>${t(fresh === 1 ? 'new.one' : 'new.other', { n: fresh })}</button>`
          : nothing}
      </div>
      ${this.#body(state, rows)}
      <p part="footer" id="after" tabindex="-1">${t('count', { shown: rows.length, total })}</p>
      <div class="vh" aria-live="polite">${this.#announcement}</div>
      ${this.#dialog(feed)}
    `;
  }

  get #grouped(): boolean {
    return this.groupBy === 'incident';
  }

  // ---- what is shown ----

  // The rows for the list: entries or incident groups that pass the filters (memoized: a burst
  // re-renders every frame, and the filters need not run over 10,000 entries each time).
  #rows(feed: IncidentFeed | undefined): Row[] {
    const incidents = feed?.incidents;
    const key = [this.#shown, incidents, this.#grouped, ...Object.values(this.#filters)];
    if (this.#rowsCache && key.every((part, i) => part === this.#rowsCache!.key[i])) return this.#rowsCache.rows;
    const filtered = isFiltered(this.#filters) ? this.#shown.filter((entry) => matches(entry, incidents?.get(entry.incidentId), this.#filters, this.#typeText)) : (this.#shown as IncidentEvent[]);
    const rows = this.#grouped ? groupByIncident(filtered) : filtered;
    this.#rowsCache = { key, rows };
    return rows;
  }

  // New entries behind the button that pass the filters.
  #freshCount(feed: IncidentFeed | undefined): number {
    if (!feed || feed.events === this.#shown) return 0;
    const top = this.#shown[0];
    const end = top === undefined ? feed.events.length : feed.events.indexOf(top);
    let count = 0;
    for (let i = 0; i < end; i++) {
      const entry = feed.events[i]!;
      if (matches(entry, feed.incidents.get(entry.incidentId), this.#filters, this.#typeText)) count++;
    }
    return count;
  }

  #statusLine(state: FeedState, error: BlauwError | undefined): TemplateResult {
    const { t } = this.#locale;
    const text =
      state === 'error' && error
        ? error.kind === 'unauthenticated'
          ? t('unauthenticated')
          : t(errorMessageKey(error))
        : state === 'offline' || (!this.#network.online && state !== 'loading')
          ? t('offline')
          : t(state as Key);
    return html`<div part="status" class=${state}>
      <span class="dot" aria-hidden="true"></span>
      <p role="status">${text}</p>
      ${state === 'error' && this.#feed.value
        ? html`<button part="button retry" type="button" @click=${() => this.#feed.value?.retry()}>${t('retry')}</button>`
        : nothing}
    </div>`;
  }

  #filterForm(feed: IncidentFeed | undefined): TemplateResult {
    const { t } = this.#locale;
    const incidents = [...(feed?.incidents.values() ?? [])];
    const priorities = [...new Set([1, 2, 3, 4, ...incidents.map((incident) => incident.priority)])].sort((a, b) => a - b).map(String);
    const types = [...new Set(incidents.map((incident) => incident.type))].sort();
    const statuses = [...new Set([...STATUSES, ...incidents.map((incident) => incident.status)])];
    const units = [...new Set([...(feed?.units.keys() ?? []), ...incidents.flatMap((incident) => incident.units)])].sort();
    const f = this.#filters;
    const select = (name: keyof TimelineFilters, label: string, values: string[], text: (value: string) => string) => html`
      <label part="field"
        >${label}
        <select name=${name}>
          <option value="" ?selected=${!f[name]}>${t('all')}</option>
          ${values.map((value) => html`<option value=${value} ?selected=${f[name] === value}>${text(value)}</option>`)}
        </select>
      </label>
    `;
    return html`<form part="filters" role="search" aria-label=${t('filters')} @input=${this.#filterChanged} @change=${this.#filterChanged} @submit=${(e: Event) => e.preventDefault()}>
      ${select('priority', t('priority'), priorities, (p) => t('p', { n: p }))} ${select('type', t('type'), types, this.#typeText)}
      ${select('status', t('status'), statuses, (s) => this.#statusText(s))} ${select('unit', t('unit'), units, (u) => u)}
      <label part="field" class="search">${t('search')} <input type="search" name="query" .value=${f.query} autocomplete="off" /></label>
    </form>`;
  }

  #body(state: FeedState, rows: Row[]): TemplateResult {
    const { t } = this.#locale;
    const busy = state === 'loading';
    if (rows.length === 0) {
      if (busy) return html`<div part="feed" role="feed" aria-busy="true" aria-label=${t('feed')}></div><p part="empty">${t('loading')}</p>`;
      if (state === 'error' && this.#shown.length === 0) return html``;
      if (this.#shown.length > 0 && isFiltered(this.#filters))
        return html`<p part="empty">${t('noMatch')} <button part="button" type="button" @click=${this.#clearFilters}>${t('clear')}</button></p>`;
      return html`<p part="empty">${t('noEvents')}</p>`;
    }
    const feed = this.#feed.value!;
    const selected = feed.selectedIncidentId;
    const current = selected === undefined ? -1 : rows.findIndex((row) => row.incidentId === selected);
    return html`<div
      part="feed"
      role="feed"
      aria-busy=${busy ? 'true' : 'false'}
      aria-label=${t('feed')}
      @keydown=${this.#keydown}
      @click=${this.#click}
      @focusin=${this.#focusin}
      @focusout=${this.#focusout}
      @scroll=${this.#scrolled}
    >
      ${virtualize<Row>({
        items: rows,
        scroller: true,
        keyFunction: (row) => ('id' in row ? row.id : `g:${row.incidentId}`),
        renderItem: (row, index) => ('id' in row ? this.#entryArticle(row, index, rows.length, index === current, feed) : this.#groupArticle(row, index, rows.length, index === current, feed)),
      })}
    </div>`;
  }

  #time(at: string): TemplateResult {
    const { format, locale } = this.#locale;
    const today = dayIn(this.#clock.now(), this.timeZone);
    const day = dayIn(at, this.timeZone) === today ? '' : `${format.date(at, this.timeZone, { day: 'numeric', month: 'short' })} `;
    return html`<time datetime=${at}>${day}${timeOfDay(at, this.timeZone, locale)}</time>`;
  }

  #statusText(status: string): string {
    return this.#locale.has(`st.${status}`) ? this.#locale.t(`st.${status}` as Key) : status.replace(/[_-]+/g, ' ');
  }

  #kindText(kind: string): string {
    return this.#locale.has(`k.${kind}`) ? this.#locale.t(`k.${kind}` as Key) : this.#locale.t('k.update');
  }

  #badges(incident: Incident, unit?: string): TemplateResult {
    const { t } = this.#locale;
    const units = unit ? [unit] : incident.units;
    return html`<p class="badges">
      <span part="badge priority" class=${`p${incident.priority}`}><span aria-hidden="true">P${incident.priority}</span><span class="vh">${t('p', { n: incident.priority })}</span></span>
      <span part="badge type">${this.#typeText(incident.type)}</span>
      <span part="badge status">${this.#statusText(incident.status)}</span>
      ${units.map((callSign) => html`<span part="badge unit">${callSign}</span>`)}
    </p>`;
  }

  #where(incident: Incident): TemplateResult {
    const { t } = this.#locale;
    const { address, position } = incident;
    return html`<p class="where">
      <span>${address.street} ${address.houseNumber}${address.box ? ` ${address.box}` : ''}, ${address.postalCode} ${address.municipality}</span>
      <a part="link waze" href=${wazeUrl(position)} target="_blank" rel="noopener">${t('waze')}<span class="vh"> ${t('newTab')}</span></a>
      <a part="link map" href=${mapUrl(position)} target="_blank" rel="noopener">${t('map')}<span class="vh"> ${t('newTab')}</span></a>
    </p>`;
  }

  #entryArticle(entry: IncidentEvent, index: number, size: number, current: boolean, feed: IncidentFeed): TemplateResult {
    const { t } = this.#locale;
    const incident = feed.incidents.get(entry.incidentId);
    return html`<article
      part="event"
      tabindex="0"
      aria-posinset=${index + 1}
      aria-setsize=${size}
      aria-labelledby=${`e${index}`}
      aria-current=${ifDefined(current ? 'true' : undefined)}
      data-id=${entry.id}
      data-incident=${entry.incidentId}
    >
      <p class="line" id=${`e${index}`}>
        ${this.#time(entry.at)} <span>${this.#kindText(entry.kind)}</span>
        <span>${incident ? t('incident', { number: incident.number }) : t('unknown')}</span>
      </p>
      ${incident ? html`${this.#badges(incident, entry.unit)}${this.#where(incident)}` : nothing}
      ${entry.text ? html`<p class="text">${entry.text}</p>` : nothing}
      ${incident ? html`<p class="actions"><button part="button open" type="button" data-open>${t('open')}</button></p>` : nothing}
    </article>`;
  }

  #groupArticle(group: IncidentGroup, index: number, size: number, current: boolean, feed: IncidentFeed): TemplateResult {
    const { t } = this.#locale;
    const incident = feed.incidents.get(group.incidentId);
    const hidden = group.entries.length - GROUP_ENTRIES;
    return html`<article
      part="event group"
      tabindex="0"
      aria-posinset=${index + 1}
      aria-setsize=${size}
      aria-labelledby=${`g${index}`}
      aria-current=${ifDefined(current ? 'true' : undefined)}
      data-id=${group.entries[0]!.id}
      data-incident=${group.incidentId}
    >
      <p class="line" id=${`g${index}`}>
        <strong>${incident ? t('incident', { number: incident.number }) : t('unknown')}</strong>
        ${incident ? html`<span>${this.#typeText(incident.type)}</span>` : nothing}
      </p>
      ${incident ? html`${this.#badges(incident)}${this.#where(incident)}` : nothing}
      <ol part="entries">
        ${group.entries.slice(0, GROUP_ENTRIES).map(
          (entry) =>
            html`<li>${this.#time(entry.at)} ${this.#kindText(entry.kind)}${entry.unit ? ` · ${entry.unit}` : ''}${entry.text ? html` — <span class="text">${entry.text}</span>` : nothing}</li>`,
        )}
        ${hidden > 0 ? html`<li>…</li>` : nothing}
      </ol>
      ${incident ? html`<p class="actions"><button part="button open" type="button" data-open>${t('open')}</button></p>` : nothing}
    </article>`;
  }

  #dialog(feed: IncidentFeed | undefined): TemplateResult {
    const { t } = this.#locale;
    const incident = this.#openIncidentId === undefined ? undefined : feed?.incidents.get(this.#openIncidentId);
    const log = this.#log;
    return html`<dialog part="dialog" aria-labelledby="log-h" @close=${this.#dialogClosed}>
      ${incident
        ? html`<h2 id="log-h">${t('logH', { number: incident.number })}</h2>
            ${this.#badges(incident)}${this.#where(incident)}
            ${log?.error
              ? html`<p role="alert">${t(errorMessageKey(log.error))}</p>`
              : log?.entries
                ? html`<ol part="log">
                    ${log.entries.map(
                      (entry) => html`<li>${this.#time(entry.at)} ${this.#kindText(entry.kind)}${entry.unit ? ` · ${entry.unit}` : ''}${entry.text ? html` — ${entry.text}` : nothing}</li>`,
                    )}
                  </ol>`
                : html`<p role="status">${t('loading')}</p>`}`
        : html`<h2 id="log-h">${t('feed')}</h2>`}
      <form method="dialog"><button part="button" type="submit">${t('close')}</button></form>
    </dialog>`;
  }

  // ---- the feed's news ----

  #changed(detail: FeedChangeDetail, feed: IncidentFeed): void {
    // Follow the feed only while the reader is at the top and not reading in the list.
    if (detail.reset || (this.#atTop && !this.#focusInFeed)) this.#shown = feed.events;
    const announce = detail.reset ? [] : toAnnounce(detail.added, feed.incidents, this.#announced);
    if (announce.length > 0) {
      const { t } = this.#locale;
      this.#announcement = announce
        .map((incident) => {
          const { street, houseNumber, municipality } = incident.address;
          return t('announce', { type: this.#typeText(incident.type), address: `${street} ${houseNumber}, ${municipality}`, number: incident.number });
        })
        .join(' ');
    }
    if (this.#log && detail.added.some((entry) => entry.incidentId === this.#log!.incidentId)) void this.#loadLog(this.#log.incidentId);
  }

  async #selectedElsewhere(feed: IncidentFeed): Promise<void> {
    const id = feed.selectedIncidentId;
    if (id === undefined || id === this.#selectedHere) return;
    this.#selectedHere = undefined;
    await this.updateComplete;
    const index = this.#rows(feed).findIndex((row) => row.incidentId === id);
    if (index >= 0) this.#virtualizer()?.element(index)?.scrollIntoView({ block: 'center' });
  }

  // ---- what the reader does ----

  readonly #filterChanged = (event: Event): void => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (!(field.name in this.#filters)) return;
    this.#filters = { ...this.#filters, [field.name]: field.value };
    this.requestUpdate();
  };

  readonly #clearFilters = (): void => {
    this.#filters = { ...NO_FILTERS };
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('select')?.focus());
  };

  readonly #showNew = async (): Promise<void> => {
    const feed = this.#feed.value;
    if (!feed) return;
    this.#shown = feed.events;
    this.requestUpdate();
    await this.updateComplete;
    const list = this.#feedElement();
    if (list) list.scrollTop = 0;
    this.#atTop = true;
    await nextFrame();
    this.#articleAt(0)?.focus();
  };

  readonly #scrolled = (): void => {
    const list = this.#feedElement();
    this.#atTop = !list || list.scrollTop <= TOP_SLACK;
    this.#catchUp();
  };

  readonly #focusin = (): void => {
    this.#focusInFeed = true;
  };

  readonly #focusout = (event: FocusEvent): void => {
    const list = this.#feedElement();
    this.#focusInFeed = !!list && list.contains(event.relatedTarget as Node | null);
    this.#catchUp();
  };

  // Back at the top with focus elsewhere: the waiting entries come in.
  #catchUp(): void {
    const feed = this.#feed.value;
    if (feed && this.#atTop && !this.#focusInFeed && feed.events !== this.#shown) {
      this.#shown = feed.events;
      this.requestUpdate();
    }
  }

  readonly #click = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    const article = target.closest('article');
    if (!article || target.closest('a')) return;
    const incidentId = article.dataset['incident']!;
    this.#select(incidentId);
    if (target.closest('[data-open]')) void this.#open(incidentId, article.dataset['id']!);
  };

  readonly #keydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    const article = target.closest('article');
    if (!article) return;
    const index = Number(article.getAttribute('aria-posinset')) - 1;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      void this.#focusArticle(index + (event.key === 'PageDown' ? 1 : -1));
    } else if (event.ctrlKey && (event.key === 'End' || event.key === 'Home')) {
      event.preventDefault();
      if (event.key === 'End') this.renderRoot.querySelector<HTMLElement>('#after')?.focus();
      else (this.renderRoot.querySelector<HTMLElement>('#new') ?? this.renderRoot.querySelector<HTMLElement>('input[name="query"]'))?.focus();
    } else if (target === article && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#select(article.dataset['incident']!);
      if (event.key === 'Enter') void this.#open(article.dataset['incident']!, article.dataset['id']!);
    }
  };

  #select(incidentId: string): void {
    const feed = this.#feed.value;
    const incident = feed?.incidents.get(incidentId);
    if (!feed || !incident) return;
    this.#selectedHere = incidentId;
    feed.select(incidentId);
    this.dispatchEvent(new CustomEvent<IncidentSelectDetail>('blauw-incident-select', { detail: { incident }, bubbles: true, composed: true }));
  }

  async #open(incidentId: string, openerId: string): Promise<void> {
    const incident = this.#feed.value?.incidents.get(incidentId);
    if (!incident) return;
    this.#openIncidentId = incidentId;
    this.#openerId = openerId;
    this.#log = { incidentId };
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.dispatchEvent(new CustomEvent<IncidentOpenDetail>('blauw-incident-open', { detail: { incident }, bubbles: true, composed: true }));
    await this.#loadLog(incidentId);
  }

  async #loadLog(incidentId: string): Promise<void> {
    const feed = this.#feed.value;
    if (!feed) return;
    this.#logAborter?.abort();
    const aborter = (this.#logAborter = new AbortController());
    try {
      const entries = await feed.log(incidentId, aborter.signal);
      if (this.#log?.incidentId === incidentId) this.#log = { incidentId, entries };
    } catch (caught) {
      if (aborter.signal.aborted) return;
      if (this.#log?.incidentId === incidentId) this.#log = { incidentId, error: toBlauwError(caught) };
    }
    this.requestUpdate();
  }

  readonly #dialogClosed = async (): Promise<void> => {
    this.#logAborter?.abort();
    const openerId = this.#openerId;
    this.#openIncidentId = this.#log = this.#openerId = undefined;
    this.requestUpdate();
    // Focus returns to the entry the log was opened from, wherever the list has moved it.
    if (openerId === undefined) return;
    const index = this.#rows(this.#feed.value).findIndex((row) => ('id' in row ? row.id : row.entries[0]!.id) === openerId);
    if (index >= 0) await this.#focusArticle(index);
  };

  // ---- the list's DOM ----

  #feedElement(): (HTMLElement & VirtualizerHostElement) | null {
    return this.renderRoot.querySelector<HTMLElement & VirtualizerHostElement>('[role="feed"]');
  }

  #virtualizer() {
    return this.#feedElement()?.[virtualizerRef];
  }

  #articleAt(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`article[aria-posinset="${index + 1}"]`);
  }

  // Focuses an entry, bringing it into the page first when the virtualizer had left it out.
  async #focusArticle(index: number): Promise<void> {
    const size = this.#rows(this.#feed.value).length;
    if (index < 0 || index >= size) return;
    let article = this.#articleAt(index);
    if (!article) {
      this.#virtualizer()?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 10 && !article; frame++) {
        await nextFrame();
        article = this.#articleAt(index);
      }
    }
    article?.focus();
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwIncidentTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-incident-timeline': BlauwIncidentTimeline;
  }
  // 'blauw-incident-select' and 'blauw-incident-open' are declared once, with the feed's event details.
}
