import type { Incident, IncidentEvent, StreamReset, Unit } from '@blauw/core';
import { DomainError } from './domain-error.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, decodeCursor, encodeCursor, paginate, type PageRequest, type PageResult } from './pagination.js';

// The incidents' state as the dispatch knows it, and the journal the live stream reads: one
// sequence of ids for incident log entries and unit changes, strictly increasing for the life of
// the server. Pure TS (no HTTP, no timers, no clock): the simulator drives it, handlers read it.

/** How many journal events are kept for resuming a stream, unless configured otherwise. */
export const DEFAULT_JOURNAL_RETENTION = 5000;

/** One entry of the journal: what a live `incident` or `unit` event carries, with its id. */
export type JournalEvent =
  | {
      /** The event id as sent (`id:`), the decimal form of `seq`. */
      id: string;
      /** The id as a number, for comparisons inside the server only. */
      seq: number;
      type: 'incident';
      /** The incident as it is after this entry (never mutated afterwards). */
      incident: Incident;
      /** The log entry; its `id` equals the event's. */
      entry: IncidentEvent;
    }
  | {
      id: string;
      seq: number;
      type: 'unit';
      /** The unit as it is after this change (never mutated afterwards). */
      unit: Unit;
      /**
       * The incident the change is about: the unit's, or, when the change releases the unit, the
       * incident it just left, so a stream following that incident sees the unit go.
       */
      incidentId: string | undefined;
    };

/** Why a stream cannot resume after the `Last-Event-ID` it was given. */
export type ResumeRefusal = { reason: StreamReset['reason']; detail: string };

/** What a stream may send after a given id: the events, or a refusal and where to go on from. */
export type Resume = { ok: true; events: JournalEvent[] } | { ok: false; refusal: ResumeRefusal };

/**
 * The journal: every incident log entry and unit change gets the next id, the last `retention`
 * are kept for resuming streams. The counter survives {@link IncidentJournal.clear} (a reset of
 * the zone), so an id is never given twice by one server.
 *
 * Ids start above `base`, which the owner derives from the instant the server started, so the
 * ids of a restarted server are all unknown to clients of the previous one (or older than what
 * it keeps), and they are told to refetch instead of resuming into another history.
 */
export class IncidentJournal {
  /** How many events are kept for resuming. */
  readonly retention: number;
  /** Ids at or below this one were never given by this journal. */
  readonly base: number;
  #events: JournalEvent[] = [];
  #last: number;
  /** The last id given before the journal was last cleared; ids up to it belong to a discarded history. */
  #floor: number;
  #cleared = false;

  constructor(options: { retention?: number | undefined; base?: number | undefined } = {}) {
    const retention = options.retention ?? DEFAULT_JOURNAL_RETENTION;
    if (!Number.isSafeInteger(retention) || retention < 1) throw new RangeError(`retention must be a whole number from 1, got ${retention}.`);
    const base = options.base ?? 0;
    if (!Number.isSafeInteger(base) || base < 0) throw new RangeError(`base must be a whole number from 0, got ${base}.`);
    this.retention = retention;
    this.base = base;
    this.#last = base;
    this.#floor = base;
  }

  /** The newest id given (or `base` before the first event). */
  get lastSeq(): number {
    return this.#last;
  }

  /** The oldest id still kept, or undefined when nothing is kept. */
  get oldestKeptSeq(): number | undefined {
    const kept = Math.min(this.retention, this.#events.length);
    return kept === 0 ? undefined : this.#last - kept + 1;
  }

  /** How many events are kept now (at most `retention`). */
  get size(): number {
    return Math.min(this.retention, this.#events.length);
  }

  /** Gives the next id to the event `make` builds and keeps it. */
  append<E extends JournalEvent>(make: (id: string, seq: number) => E): E {
    const seq = ++this.#last;
    const event = make(String(seq), seq);
    this.#events.push(event);
    // Trimmed in batches: one splice per 1024 appends keeps appending O(1) on average.
    if (this.#events.length > this.retention + 1024) this.#events.splice(0, this.#events.length - this.retention);
    return event;
  }

  /** Forgets every event (the zone was reset); ids go on from where they were. */
  clear(): void {
    this.#events = [];
    this.#floor = this.#last;
    this.#cleared = true;
  }

  #beforeClear(seq: number): boolean {
    return this.#cleared && seq <= this.#floor;
  }

  /**
   * The kept events after `seq`, oldest first, at most `limit` of them; `undefined` when some
   * event after `seq` is no longer kept (a stream that fell that far behind must reset).
   */
  since(seq: number, limit = Number.POSITIVE_INFINITY): JournalEvent[] | undefined {
    if (seq >= this.#last) return [];
    const oldest = this.oldestKeptSeq;
    if (oldest === undefined || seq < oldest - 1 || this.#beforeClear(seq)) return undefined;
    const start = this.#events.length - (this.#last - seq);
    return this.#events.slice(start, start + Math.min(limit, this.#last - seq));
  }

  /**
   * Where a stream resumes after the `Last-Event-ID` a client sends: every kept event after it,
   * or a refusal, `unknown_id` (not an id this server gave: malformed, in the future, or from
   * before it started) or `too_old` (given, but no longer kept, or given before a reset).
   */
  resume(lastEventId: string): Resume {
    const refuse = (reason: ResumeRefusal['reason'], detail: string): Resume => ({ ok: false, refusal: { reason, detail } });
    if (!/^\d{1,16}$/.test(lastEventId)) return refuse('unknown_id', 'The Last-Event-ID is not an id this server gives; fetch the lists again.');
    const seq = Number(lastEventId);
    if (seq === this.#last) return { ok: true, events: [] };
    if (seq > this.#last || seq <= this.base) {
      return refuse('unknown_id', `Event ${lastEventId} was never sent by this server (it may have restarted); fetch the lists again.`);
    }
    if (this.#beforeClear(seq)) return refuse('too_old', `Event ${lastEventId} is from before the data was reset; fetch the lists again.`);
    const events = this.since(seq);
    if (events === undefined) {
      return refuse('too_old', `Event ${lastEventId} is older than the last ${this.retention} events this server keeps; fetch the lists again.`);
    }
    return { ok: true, events };
  }
}

/** Which incidents (and their entries, units and events) a list or a stream is about. */
export interface IncidentFilter {
  /** Only this incident. */
  incidentId?: string | undefined;
  /** Only incidents of these priorities. */
  priorities?: readonly number[] | undefined;
  /** Only incidents this unit (call sign) is assigned to. */
  unit?: string | undefined;
}

/** Whether an incident passes a filter; every filter given narrows. */
export function incidentMatches(incident: Incident, filter: IncidentFilter): boolean {
  if (filter.incidentId !== undefined && incident.id !== filter.incidentId) return false;
  if (filter.priorities !== undefined && filter.priorities.length > 0 && !filter.priorities.includes(incident.priority)) return false;
  if (filter.unit !== undefined && !incident.units.includes(filter.unit)) return false;
  return true;
}

/** Whether a filter filters anything. */
export function filtersAnything(filter: IncidentFilter): boolean {
  return filter.incidentId !== undefined || (filter.priorities?.length ?? 0) > 0 || filter.unit !== undefined;
}

/** Whether the statuses asked for include this one; `open` stands for every status but `closed`. */
export function statusMatches(status: string, statuses: readonly string[] | undefined): boolean {
  if (statuses === undefined || statuses.length === 0) return true;
  return statuses.includes(status) || (status !== 'closed' && statuses.includes('open'));
}

interface IncidentRecord {
  incident: Incident;
  log: IncidentEvent[];
}

interface EntryRecord {
  entry: IncidentEvent;
  atMs: number;
}

/** A change the simulator makes to an incident together with a new log entry. */
export interface IncidentPatch {
  status?: Incident['status'] | undefined;
  /** Call signs to add to the incident's units. */
  addUnits?: readonly string[] | undefined;
}

/**
 * The dispatch's board: incidents with their logs, the zone-wide log, the units, and the journal.
 * Every change goes through it, so each one is journaled exactly once. Lists return the current
 * objects, which are replaced, never mutated, on change.
 */
export class IncidentBoard {
  readonly journal: IncidentJournal;
  #incidents: IncidentRecord[] = [];
  #byId = new Map<string, IncidentRecord>();
  #entries: EntryRecord[] = [];
  #units = new Map<string, Unit>();

  constructor(journal: IncidentJournal) {
    this.journal = journal;
  }

  /** Forgets incidents and units and clears the journal (ids go on increasing). */
  clear(): void {
    this.#incidents = [];
    this.#byId.clear();
    this.#entries = [];
    this.#units.clear();
    this.journal.clear();
  }

  /** How many incidents the board knows. */
  get incidentCount(): number {
    return this.#incidents.length;
  }

  /** How many log entries there are, across incidents. */
  get entryCount(): number {
    return this.#entries.length;
  }

  /** The incident with this id, or undefined. */
  find(incidentId: string): Incident | undefined {
    return this.#byId.get(incidentId)?.incident;
  }

  /** The unit with this call sign, or undefined. */
  unit(callSign: string): Unit | undefined {
    return this.#units.get(callSign);
  }

  /** Every unit, by call sign. */
  allUnits(): Unit[] {
    return [...this.#units.values()].sort((a, b) => (a.callSign < b.callSign ? -1 : a.callSign > b.callSign ? 1 : 0));
  }

  /** Incidents that are not closed, oldest first. */
  openIncidents(): Incident[] {
    return this.#incidents.filter((record) => record.incident.status !== 'closed').map((record) => record.incident);
  }

  /** How many entries an incident's log has (0 for an unknown one). */
  logLength(incidentId: string): number {
    return this.#byId.get(incidentId)?.log.length ?? 0;
  }

  /**
   * Opens an incident: stores it with status `open` and journals its `created` entry.
   *
   * @param incident Everything but the fields the board fills in (`status`, `updatedAt`, `units`, `closedAt`).
   */
  open(incident: Omit<Incident, 'status' | 'updatedAt' | 'units' | 'closedAt'>, atMs: number, text: string): JournalEvent {
    if (this.#byId.has(incident.id)) throw new RangeError(`Incident ${incident.id} exists already.`);
    const record: IncidentRecord = { incident: { ...incident, status: 'open', updatedAt: incident.openedAt, units: [] }, log: [] };
    this.#incidents.push(record);
    this.#byId.set(incident.id, record);
    return this.#log(record, { kind: 'created', at: incident.openedAt, text }, atMs, {});
  }

  /** Adds an entry to an incident's log and applies the change it records. */
  record(incidentId: string, entry: Omit<IncidentEvent, 'id' | 'incidentId'>, atMs: number, patch: IncidentPatch = {}): JournalEvent {
    const record = this.#byId.get(incidentId);
    if (record === undefined) throw new RangeError(`No incident ${incidentId}.`);
    return this.#log(record, entry, atMs, patch);
  }

  /** Stores a unit as it is now and journals the change. */
  setUnit(unit: Unit, concerns: string | undefined = unit.incidentId): JournalEvent {
    this.#units.set(unit.callSign, unit);
    return this.journal.append((id, seq) => ({ id, seq, type: 'unit', unit, incidentId: concerns }));
  }

  /** Stores a unit without journaling it: for the units the zone starts with. */
  placeUnit(unit: Unit): void {
    this.#units.set(unit.callSign, unit);
  }

  #log(record: IncidentRecord, fields: Omit<IncidentEvent, 'id' | 'incidentId'>, atMs: number, patch: IncidentPatch): JournalEvent {
    return this.journal.append((id, seq) => {
      const entry: IncidentEvent = { id, incidentId: record.incident.id, at: fields.at, kind: fields.kind };
      if (fields.unit !== undefined) entry.unit = fields.unit;
      if (fields.text !== undefined) entry.text = fields.text;
      const before = record.incident;
      const units = patch.addUnits ? [...before.units, ...patch.addUnits.filter((unit) => !before.units.includes(unit))] : before.units;
      const status = patch.status ?? before.status;
      const incident: Incident = { ...before, status, updatedAt: entry.at, units };
      if (status === 'closed') incident.closedAt = entry.at;
      record.incident = incident;
      record.log.push(entry);
      this.#entries.push({ entry, atMs });
      return { id, seq, type: 'incident', incident, entry };
    });
  }

  /** Incidents newest `openedAt` first, filtered by status, priority and unit. */
  listIncidents(filter: IncidentFilter & { statuses?: readonly string[] | undefined }, request: PageRequest = {}): PageResult<Incident> {
    return pageNewestFirst(
      this.#incidents,
      (record) => statusMatches(record.incident.status, filter.statuses) && incidentMatches(record.incident, filter),
      request,
    ).map((record) => record.incident);
  }

  /** One incident. @throws DomainError `not_found` for an unknown id. */
  getIncident(incidentId: string): Incident {
    return this.#require(incidentId).incident;
  }

  /** An incident's whole log, oldest first. @throws DomainError `not_found` for an unknown id. */
  listLog(incidentId: string, request: PageRequest = {}): PageResult<IncidentEvent> {
    return paginate(this.#require(incidentId).log, request);
  }

  /**
   * Entries of every incident, newest first: entries of incidents that pass the filter (as the
   * incidents are now), before the instant `beforeMs` when given.
   */
  listEntries(filter: IncidentFilter & { beforeMs?: number | undefined }, request: PageRequest = {}): PageResult<IncidentEvent> {
    const filtering = filtersAnything(filter);
    return pageNewestFirst(
      this.#entries,
      (record) => {
        if (filter.beforeMs !== undefined && record.atMs >= filter.beforeMs) return false;
        if (!filtering) return true;
        const incident = this.#byId.get(record.entry.incidentId)?.incident;
        return incident !== undefined && incidentMatches(incident, filter);
      },
      request,
    ).map((record) => record.entry);
  }

  /** Units by call sign, optionally only those in some statuses. */
  listUnits(filter: { statuses?: readonly string[] | undefined }, request: PageRequest = {}): PageResult<Unit> {
    const statuses = filter.statuses ?? [];
    return paginate(
      this.allUnits().filter((unit) => statuses.length === 0 || statuses.includes(unit.status)),
      request,
    );
  }

  /**
   * Whether a journal event passes a stream's filter: an incident event when its incident does
   * (as it is after the event); a unit event when the unit is the one asked for, or works on
   * (or just left) an incident that passes.
   */
  eventMatches(event: JournalEvent, filter: IncidentFilter): boolean {
    if (!filtersAnything(filter)) return true;
    if (event.type === 'incident') return incidentMatches(event.incident, filter);
    if (filter.unit !== undefined && event.unit.callSign === filter.unit) return true;
    if (event.incidentId === undefined) return false;
    const incident = this.#byId.get(event.incidentId)?.incident;
    return incident !== undefined && incidentMatches(incident, filter);
  }

  #require(incidentId: string): IncidentRecord {
    const record = this.#byId.get(incidentId);
    if (record === undefined) throw new DomainError('not_found', 'not_found', `There is no incident ${incidentId}.`);
    return record;
  }
}

/** A page of a list, with a way to map its items. */
interface MappablePage<T> extends PageResult<T> {
  map<U>(project: (item: T) => U): PageResult<U>;
}

/**
 * Pages an append-only list newest first. The cursor names a position counted from the oldest
 * item, so entries added while a client pages do not shift the pages it has yet to read (an
 * offset from the newest would repeat items). Cursors are made by {@link encodeCursor} as
 * everywhere else.
 *
 * @throws DomainError `invalid_cursor` when the cursor is not one we issued.
 */
export function pageNewestFirst<T>(items: readonly T[], matches: (item: T) => boolean, request: PageRequest = {}): MappablePage<T> {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_PAGE_LIMIT), 1), MAX_PAGE_LIMIT);
  let end = items.length;
  if (request.cursor !== undefined) {
    const decoded = decodeCursor(request.cursor);
    if (decoded === undefined || decoded > items.length) {
      throw new DomainError('invalid', 'invalid_cursor', 'The cursor is not valid; start again without one.', [
        { pointer: '/query/cursor', detail: 'Use a nextCursor value exactly as a previous page returned it.' },
      ]);
    }
    end = decoded;
  }
  const page: T[] = [];
  let index = end - 1;
  for (; index >= 0 && page.length < limit; index--) {
    const item = items[index] as T;
    if (matches(item)) page.push(item);
  }
  // Only promise another page when one more matching item exists below the cut.
  let more = false;
  for (let probe = index; probe >= 0; probe--) {
    if (matches(items[probe] as T)) {
      more = true;
      break;
    }
  }
  const nextCursor = more ? encodeCursor(index + 1) : null;
  return { items: page, nextCursor, map: (project) => ({ items: page.map(project), nextCursor }) };
}
