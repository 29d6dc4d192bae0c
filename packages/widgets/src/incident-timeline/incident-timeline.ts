import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { createIncidentsClient, type BlauwError, type Incident, type IncidentEvent, type IncidentsClient } from '@blauw/core';
import { IncidentFeedController } from '../incident-feed/incident-feed-controller.js';
import type { FeedState, IncidentFeed } from '../incident-feed/incident-feed.js';
import type { IncidentOpenDetail, IncidentSelectDetail } from '../incident-feed/incident-events.js';
import { incidentTypeText, incidentWords } from '../incident-feed/incident-words.js';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { ClientController } from '../shared/client-context.js';
import { ClockController, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { NetworkStatus } from '../shared/network-status.js';
import { FeedFocus, nextFrame } from './feed-focus.js';
import { styles } from './incident-timeline.styles.js';
import { messages } from './messages.js';
import { OpenIncidentLog } from './open-incident-log.js';
import { ReadingPosition } from './reading-position.js';
import { groupByIncident, isFiltered, matches, NO_FILTERS, type TimelineFilters } from './timeline-rules.js';
import { feedList, rowEntryId, type Row } from './views/feed-list.js';
import { filterForm } from './views/filter-form.js';
import { logDialog } from './views/log-dialog.js';
import { newEvents } from './views/new-events.js';
import { timelineUi } from './views/parts.js';
import { statusLine } from './views/status-line.js';

export type { IncidentOpenDetail, IncidentSelectDetail } from '../incident-feed/incident-events.js';

const TAG = 'blauw-incident-timeline';

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
  // Added before the feed's controller: it takes up a new feed in the render after the one that
  // follows it, as the entries on screen always have.
  readonly #reading = new ReadingPosition(this, {
    feed: () => this.#feed.value,
    list: () => this.#list.element(),
    announce: (incident: Incident) => {
      const { street, houseNumber, municipality } = incident.address;
      return this.#locale.t('announce', { type: this.#typeText(incident.type), address: `${street} ${houseNumber}, ${municipality}`, number: incident.number });
    },
  });
  readonly #feed = new IncidentFeedController(this, {
    client: this.#client,
    onChange: (detail, feed) => {
      this.#reading.feedChanged(detail, feed);
      this.#openLog.feedChanged(detail);
    },
    onSelect: (feed) => this.#selectedElsewhere(feed),
  });
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      const feed = this.#feed.value;
      if (feed?.state === 'error' && (feed.error?.kind === 'network' || feed.error?.kind === 'timeout')) feed.retry();
    },
  });
  readonly #openLog = new OpenIncidentLog(this, { feed: () => this.#feed.value });
  readonly #list = new FeedFocus(() => this.renderRoot);

  #filters: TimelineFilters = { ...NO_FILTERS };
  // The incident last selected here, so that its echo from the feed does not scroll the list.
  #selectedHere: string | undefined;
  #reportedError: BlauwError | undefined;
  #rowsCache: { key: unknown[]; rows: Row[] } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated && this.priority) this.#filters.priority = this.priority;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('priority') && this.hasUpdated) this.#filters = { ...this.#filters, priority: this.priority ?? '' };
  }

  protected override updated(): void {
    const feed = this.#feed.value;
    if (feed?.state === 'error' && feed.error && feed.error !== this.#reportedError) {
      this.#reportedError = feed.error;
      this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error: feed.error }, bubbles: true, composed: true }));
    }
  }

  protected override render() {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready) return nothing;
    const ui = timelineUi(this.#locale, this.timeZone, () => this.#clock.now());
    const feed = this.#feed.value;
    const state: FeedState = feed ? feed.state : 'error';
    const shown = this.#reading.shown;
    const rows = this.#rows(feed);
    const total = this.#grouped ? groupByIncident(shown).length : shown.length;
    const openId = this.#openLog.incidentId;
    return html`
      ${statusLine(ui, { state, error: feed ? feed.error : this.#client.error, online: this.#network.online, retry: feed && (() => this.#feed.value?.retry()) })}
      ${filterForm(ui, { filters: this.#filters, incidents: [...(feed?.incidents.values() ?? [])], units: feed?.units.keys() ?? [], changed: this.#filterChanged })}
      ${newEvents(ui, this.#reading.waiting(this.#filters, this.#typeText), this.#showWaiting)}
      ${feedList(ui, {
        state,
        rows,
        incidents: feed?.incidents ?? new Map(),
        selectedIncidentId: feed?.selectedIncidentId,
        anyShown: shown.length > 0,
        filtered: isFiltered(this.#filters),
        clearFilters: this.#clearFilters,
        keydown: this.#keydown,
        click: this.#click,
        focusin: () => this.#reading.focusIn(),
        focusout: (event) => this.#reading.focusOut(event.relatedTarget),
        scroll: () => this.#reading.scrolled(),
      })}
      <p part="footer" id="after" tabindex="-1">${ui.t('count', { shown: rows.length, total })}</p>
      <div class="vh" aria-live="polite">${this.#reading.announcement}</div>
      ${logDialog(ui, {
        incident: openId === undefined ? undefined : feed?.incidents.get(openId),
        entries: this.#openLog.entries,
        error: this.#openLog.error,
        closed: this.#dialogClosed,
      })}
    `;
  }

  get #grouped(): boolean {
    return this.groupBy === 'incident';
  }

  // The rows for the list: entries or incident groups that pass the filters (memoized: a burst
  // re-renders every frame, and the filters need not run over 10,000 entries each time).
  #rows(feed: IncidentFeed | undefined): Row[] {
    const shown = this.#reading.shown;
    const incidents = feed?.incidents;
    const key = [shown, incidents, this.#grouped, ...Object.values(this.#filters)];
    if (this.#rowsCache && key.every((part, i) => part === this.#rowsCache!.key[i])) return this.#rowsCache.rows;
    const filtered = isFiltered(this.#filters) ? shown.filter((entry) => matches(entry, incidents?.get(entry.incidentId), this.#filters, this.#typeText)) : (shown as IncidentEvent[]);
    const rows = this.#grouped ? groupByIncident(filtered) : filtered;
    this.#rowsCache = { key, rows };
    return rows;
  }

  async #selectedElsewhere(feed: IncidentFeed): Promise<void> {
    const id = feed.selectedIncidentId;
    if (id === undefined || id === this.#selectedHere) return;
    this.#selectedHere = undefined;
    await this.updateComplete;
    const index = this.#rows(feed).findIndex((row) => row.incidentId === id);
    if (index >= 0) this.#list.scrollTo(index, 'center');
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

  readonly #showWaiting = async (): Promise<void> => {
    if (!(await this.#reading.showWaiting())) return;
    await nextFrame();
    this.#list.article(0)?.focus();
  };

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
      void this.#list.focus(index + (event.key === 'PageDown' ? 1 : -1), this.#rows(this.#feed.value).length);
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
    this.#openLog.open(incidentId, openerId);
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    this.dispatchEvent(new CustomEvent<IncidentOpenDetail>('blauw-incident-open', { detail: { incident }, bubbles: true, composed: true }));
    await this.#openLog.loaded;
  }

  readonly #dialogClosed = async (): Promise<void> => {
    const openerId = this.#openLog.close();
    // Focus returns to the entry the log was opened from, wherever the list has moved it.
    if (openerId === undefined) return;
    const rows = this.#rows(this.#feed.value);
    const index = rows.findIndex((row) => rowEntryId(row) === openerId);
    if (index >= 0) await this.#list.focus(index, rows.length);
  };
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwIncidentTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-incident-timeline': BlauwIncidentTimeline;
  }
  // 'blauw-incident-select' and 'blauw-incident-open' are declared once, with the feed's event details.
}
