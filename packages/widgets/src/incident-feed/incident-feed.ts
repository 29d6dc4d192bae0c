import { ServerError, type BlauwError, type Incident, type IncidentEvent, type IncidentsClient, type Unit } from '@blauw/core';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { appendToLog, isNewerUnit, prependNewest } from './feed-rules.js';
import type { LiveIncidentMessage, LiveIncidentStream } from './live-stream.js';

/**
 * Where a feed stands: loading its lists, opening the stream, live, reconnecting after a drop,
 * offline (the browser has no network; the stream resumes when it returns), or stopped by an error
 * that needs a person (`error` says which; `retry()` starts again).
 *
 * @category Incident feed
 */
export type FeedState = 'loading' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'error';

/**
 * Detail of the feed's `change` event: the log entries that arrived since the last one (newest
 * first), and whether the lists were loaded again (first load, or a `reset` from the server) —
 * then read everything afresh.
 *
 * @category Incident feed
 */
export interface FeedChangeDetail {
  added: IncidentEvent[];
  reset: boolean;
}

/**
 * How a feed is built; {@link IncidentFeed.for} uses the defaults, tests and benchmarks pass their own.
 *
 * @category Incident feed
 */
export interface IncidentFeedOptions {
  /** Runs the batched `change` on the next frame (default `requestAnimationFrame`). */
  schedule?: (flush: () => void) => void;
  /** How long the stream stays open after the last user left, in ms, so a widget moved in the page does not reopen it (default 2000). */
  graceMs?: number;
  /** How many log entries of history to load before the stream opens (default 2000). */
  historyLimit?: number;
}

/**
 * The events of an {@link IncidentFeed}, for typed listeners.
 *
 * @category Incident feed
 */
export interface IncidentFeedEventMap {
  change: CustomEvent<FeedChangeDetail>;
  select: Event;
  statechange: Event;
}

const feeds = new WeakMap<object, IncidentFeed>();
const PAGE = 200;

async function collect<T>(items: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) if (out.push(item) >= limit) break;
  return out;
}

/**
 * The live picture of a zone's incidents that the incident widgets share: the incidents of the
 * day, the units on duty, the log entries newest first, the connection's state and the selected
 * incident. One feed per client object on the page, so a timeline and a map with the same client
 * (the same `<blauw-provider>`, or the same `api`) share one stream and one selection.
 *
 * It loads the recent history, the incidents and the units in parallel, then opens the stream
 * from the newest entry it holds, so the server replays whatever happened meanwhile: no gap, no
 * duplicate. Bursts are batched: `change` fires at most once per animation frame.
 *
 * @example
 * ```ts
 * const feed = IncidentFeed.for(client);
 * feed.addEventListener('change', (event) => draw(feed.incidents, event.detail.added));
 * feed.connect(); // … and feed.disconnect() when done
 * ```
 *
 * @fires change - {@link FeedChangeDetail}: new entries, units or incidents (at most once per frame).
 * @fires select - The selected incident changed.
 * @fires statechange - `state` changed.
 *
 * @category Incident feed
 */
export class IncidentFeed extends EventTarget {
  /**
   * One feed per client object on the page: widgets with the same client share one stream and one
   * selection. `options` apply only when this call creates the feed (a page or a benchmark that
   * sets them before its widgets connect).
   */
  static for(client: IncidentsClient, options?: IncidentFeedOptions): IncidentFeed {
    let feed = feeds.get(client);
    if (feed === undefined) feeds.set(client, (feed = new IncidentFeed(client, options)));
    return feed;
  }

  readonly #client: IncidentsClient;
  readonly #schedule: (flush: () => void) => void;
  readonly #graceMs: number;
  readonly #historyLimit: number;

  #state: FeedState = 'loading';
  #error: BlauwError | undefined;
  #incidents: ReadonlyMap<string, Incident> = new Map();
  #units: ReadonlyMap<string, Unit> = new Map();
  #events: readonly IncidentEvent[] = [];
  #seen = new Set<string>();
  #selected: string | undefined;
  #logs = new Map<string, IncidentEvent[]>();

  #users = 0;
  #grace: ReturnType<typeof setTimeout> | undefined;
  #session: AbortController | undefined;
  #stream: LiveIncidentStream | undefined;
  // Messages waiting for the next frame, and what the next `change` reports.
  #queue: LiveIncidentMessage[] = [];
  #added: IncidentEvent[] = [];
  #reset = false;
  #dirty = false;
  #scheduled = false;
  // While the lists load again after a `reset`, the messages that keep arriving, to apply on top.
  #sinceReload: LiveIncidentMessage[] | undefined;

  constructor(client: IncidentsClient, options: IncidentFeedOptions = {}) {
    super();
    this.#client = client;
    this.#schedule = options.schedule ?? ((flush) => void requestAnimationFrame(flush));
    this.#graceMs = options.graceMs ?? 2000;
    this.#historyLimit = options.historyLimit ?? 2000;
  }

  /** Listens to `change` (with {@link FeedChangeDetail}), `select` or `statechange`. */
  override addEventListener<K extends keyof IncidentFeedEventMap>(type: K, listener: (event: IncidentFeedEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  /** Stops listening. */
  override removeEventListener<K extends keyof IncidentFeedEventMap>(type: K, listener: (event: IncidentFeedEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** Where the feed stands. */
  get state(): FeedState {
    return this.#state;
  }
  /** Why the feed stopped, when `state` is `error`. */
  get error(): BlauwError | undefined {
    return this.#error;
  }
  /** The incidents known, by id, as they are after the latest entry. */
  get incidents(): ReadonlyMap<string, Incident> {
    return this.#incidents;
  }
  /** The units on duty, by call sign, at their latest reported position. */
  get units(): ReadonlyMap<string, Unit> {
    return this.#units;
  }
  /** Log entries of every incident, newest first, each id once. A new array after every change. */
  get events(): readonly IncidentEvent[] {
    return this.#events;
  }
  /** The incident a widget selected (e.g. clicked in the timeline, to highlight on the map). */
  get selectedIncidentId(): string | undefined {
    return this.#selected;
  }

  /** Counts a user in; the first one loads the lists and opens the stream. */
  connect(): void {
    this.#users += 1;
    if (this.#grace !== undefined) {
      clearTimeout(this.#grace);
      this.#grace = undefined;
    }
    if (this.#users === 1 && this.#session === undefined) this.#start();
  }

  /** Counts a user out; after the last one, and a short grace, the stream closes. */
  disconnect(): void {
    if (this.#users === 0) return;
    this.#users -= 1;
    if (this.#users > 0) return;
    this.#grace = setTimeout(() => {
      this.#grace = undefined;
      this.#stop();
      this.#setState('loading');
    }, this.#graceMs);
  }

  /** Selects an incident (or none), for every widget sharing the feed; fires `select`. */
  select(incidentId: string | undefined): void {
    if (incidentId === this.#selected) return;
    this.#selected = incidentId;
    this.dispatchEvent(new Event('select'));
  }

  /** Loads and connects again, after an `error` (or at any time). */
  retry(): void {
    this.#stop();
    if (this.#users > 0) this.#start();
  }

  /**
   * The whole log of one incident, oldest first: fetched once, then kept up to date by live entries.
   *
   * @throws {BlauwError} when it cannot be fetched (e.g. `NotFoundError`, `AbortedError`).
   */
  async log(incidentId: string, signal?: AbortSignal): Promise<IncidentEvent[]> {
    const cached = this.#logs.get(incidentId);
    if (cached !== undefined) return cached;
    const fetched = await collect(this.#client.incidents.log.all({ incidentId, limit: PAGE, ...(signal ? { signal } : {}) }));
    // Entries that came live while it loaded (the feed holds them newest first).
    const live = this.#events.filter((entry) => entry.incidentId === incidentId).reverse();
    const log = appendToLog(fetched, live);
    this.#logs.set(incidentId, log);
    return log;
  }

  #setState(state: FeedState, error?: BlauwError): void {
    if (state === this.#state && error === this.#error) return;
    this.#state = state;
    this.#error = error;
    this.dispatchEvent(new Event('statechange'));
  }

  #start(): void {
    const session = (this.#session = new AbortController());
    this.#setState('loading');
    void this.#run(session.signal);
  }

  #stop(): void {
    this.#session?.abort();
    this.#session = undefined;
    this.#stream?.close();
    this.#stream = undefined;
    this.#sinceReload = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    try {
      await this.#loadLists(signal);
      if (signal.aborted) return;
      const stream: LiveIncidentStream = (this.#stream = this.#client.incidents.stream({ lastEventId: this.#events[0]?.id, signal, pauseWhenHidden: true }));
      // With no entry to resume after, the stream brings only what happens once it is connected:
      // the lists are fetched again then, so nothing between the first fetch and the connection
      // is missed (what the stream brings meanwhile is applied on top, as after a reset).
      let fetchAgainWhenLive = this.#events.length === 0;
      const follow = () => {
        if (stream !== this.#stream || stream.state === 'stopped') return;
        if (this.#state !== 'error') this.#setState(stream.state);
        if (fetchAgainWhenLive && stream.state === 'live') {
          fetchAgainWhenLive = false;
          void this.#reload(signal);
        }
      };
      stream.addEventListener('statechange', follow);
      follow();
      for await (const message of stream) {
        if (signal.aborted) return;
        if (message.type === 'reset') void this.#reload(signal);
        else this.#enqueue(message);
      }
      if (!signal.aborted) throw new ServerError('The incident stream ended; reconnect to go on.');
    } catch (caught) {
      if (signal.aborted) return;
      this.#stream?.close();
      this.#stream = undefined;
      this.#setState('error', toBlauwError(caught));
    }
  }

  // History (the newest entries, up to the limit), the incidents and the units, in parallel.
  async #fetchLists(signal: AbortSignal) {
    const { incidents } = this.#client;
    const [events, list, units] = await Promise.all([
      collect(incidents.events.all({ limit: Math.min(PAGE, this.#historyLimit) || 1, signal }), this.#historyLimit),
      collect(incidents.list.all({ limit: PAGE, signal })),
      collect(incidents.units.all({ limit: PAGE, signal })),
    ]);
    return { events, list, units };
  }

  async #loadLists(signal: AbortSignal): Promise<void> {
    const { events, list, units } = await this.#fetchLists(signal);
    if (signal.aborted) return;
    this.#replaceLists(events, list, units, []);
    // The first lists are one change, not a burst: shown at once rather than a frame later.
    this.#emitChange();
  }

  // A `reset`: the server could not resume, so events may be missing. The lists load again while
  // the stream goes on; what it brings meanwhile is applied on top. The selection stays.
  async #reload(signal: AbortSignal): Promise<void> {
    if (this.#sinceReload !== undefined) return;
    const since: LiveIncidentMessage[] = (this.#sinceReload = []);
    try {
      const { events, list, units } = await this.#fetchLists(signal);
      if (signal.aborted || this.#sinceReload !== since) return;
      this.#flushQueue();
      this.#replaceLists(events, list, units, since);
    } catch (caught) {
      if (signal.aborted) return;
      this.#stop();
      this.#setState('error', toBlauwError(caught));
    } finally {
      if (this.#sinceReload === since) this.#sinceReload = undefined;
    }
  }

  #replaceLists(history: IncidentEvent[], list: Incident[], units: Unit[], since: LiveIncidentMessage[]): void {
    this.#seen = new Set();
    // History comes newest first; each id once, as everywhere.
    this.#events = prependNewest([], [...history].reverse(), this.#seen).events;
    this.#incidents = new Map(list.map((incident) => [incident.id, incident]));
    this.#units = new Map(units.map((unit) => [unit.callSign, unit]));
    this.#logs.clear();
    this.#added = [];
    this.#reset = true;
    this.#apply(since);
    this.#scheduleChange();
  }

  #enqueue(message: LiveIncidentMessage): void {
    this.#queue.push(message);
    this.#sinceReload?.push(message);
    this.#scheduleChange();
  }

  #scheduleChange(): void {
    this.#dirty = true;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#emitChange();
    });
  }

  #emitChange(): void {
    this.#flushQueue();
    if (!this.#dirty) return;
    const detail: FeedChangeDetail = { added: this.#added, reset: this.#reset };
    this.#added = [];
    this.#reset = false;
    this.#dirty = false;
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }

  #flushQueue(): void {
    this.#apply(this.#queue.splice(0));
  }

  // Applies stream messages (oldest first) to the lists, each a new object when it changed.
  #apply(messages: LiveIncidentMessage[]): void {
    if (messages.length === 0) return;
    let incidents: Map<string, Incident> | undefined;
    let units: Map<string, Unit> | undefined;
    const entries: IncidentEvent[] = [];
    for (const message of messages) {
      if (message.type === 'incident') {
        (incidents ??= new Map(this.#incidents)).set(message.incident.id, message.incident);
        entries.push(message.entry);
      } else if (message.type === 'unit') {
        const held = (units ?? this.#units).get(message.unit.callSign);
        if (isNewerUnit(held, message.unit)) (units ??= new Map(this.#units)).set(message.unit.callSign, message.unit);
      }
    }
    if (incidents) this.#incidents = incidents;
    if (units) this.#units = units;
    const { events, added } = prependNewest(this.#events, entries, this.#seen);
    this.#events = events;
    for (const entry of added) {
      const log = this.#logs.get(entry.incidentId);
      if (log) this.#logs.set(entry.incidentId, appendToLog(log, [entry]));
    }
    // Newest first, like `events`.
    this.#added = [...added].reverse().concat(this.#added);
    this.#dirty ||= added.length > 0 || incidents !== undefined || units !== undefined;
  }
}
