// A stand-in for `client.incidents` in browser tests, node tests and stories: an in-memory day of
// incidents, a scripted live stream (push messages, change its state, make it fail), control over
// the timing and failure of every list call, and a pinned clock. Shared by the incident widgets.
import { paginate, type Incident, type IncidentEvent, type IncidentsClient, type Page, type Unit } from '@blauw/core';
import type { LiveIncidentMessage, LiveIncidentStream, LiveStreamOptions, LiveStreamState } from '../incident-feed/live-stream.js';
import { fakeLiveStream } from './fake-live-stream.js';

export { pinnedClock } from './fake-booking-client.js';

const TYPES = ['traffic_accident', 'burglary', 'disturbance', 'theft', 'fire_assist', 'missing_person'];
const STREETS = ['Kerkstraat', 'Stationsstraat', 'Markt', 'Dorpsstraat', 'Schoolstraat', 'Molenstraat', 'Kouter'];
const PLACES = [
  { municipality: 'Hamme', postalCode: '9220', lat: 51.098, lon: 4.135 },
  { municipality: 'Zele', postalCode: '9240', lat: 51.066, lon: 4.039 },
  { municipality: 'Berlare', postalCode: '9290', lat: 51.032, lon: 4.001 },
];
const LIFE = ['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed'] as const;

/** An incident; every field can be overridden. */
export function fakeIncident(overrides: Partial<Incident> & { id: string }, index = Number(overrides.id.replace(/\D/g, '')) || 0): Incident {
  const place = PLACES[index % PLACES.length]!;
  const at = overrides.openedAt ?? '2027-03-28T08:00:00Z';
  const lat = Math.round((place.lat + (index % 17) * 0.001) * 1e6) / 1e6;
  const lon = Math.round((place.lon + (index % 13) * 0.001) * 1e6) / 1e6;
  return {
    number: `2027-${String(4000 + index).padStart(6, '0')}`,
    type: TYPES[index % TYPES.length]!,
    priority: (index % 4) + 1,
    status: 'open',
    address: { street: STREETS[index % STREETS.length]!, houseNumber: String((index % 90) + 1), postalCode: place.postalCode, municipality: place.municipality },
    position: { lat, lon },
    openedAt: at,
    updatedAt: at,
    units: [],
    ...overrides,
  };
}

/** A log entry; every field can be overridden. */
export function fakeEntry(overrides: Partial<IncidentEvent> & { id: string; incidentId: string }): IncidentEvent {
  return { at: '2027-03-28T08:00:00Z', kind: 'update', ...overrides };
}

/** A unit on duty; every field can be overridden. */
export function fakeUnit(overrides: Partial<Unit> & { callSign: string }): Unit {
  return { id: `u-${overrides.callSign}`, kind: 'car', status: 'available', position: { lat: 51.09, lon: 4.13 }, positionAt: '2027-03-28T08:00:00Z', ...overrides };
}

/** What a day of incidents holds: incidents, their log entries newest first, the units. */
export interface IncidentDay {
  incidents: Incident[];
  /** Newest first, as `incidents.events` answers. */
  events: IncidentEvent[];
  units: Unit[];
}

/**
 * A deterministic day: `count` log entries spread over incidents (each one created, assigned,
 * en route, on scene, updated, closed), one every `stepSeconds`, the newest at `end`. Entry ids
 * are increasing decimal integers, as the server's journal gives them.
 */
export function incidentDay({ count = 40, end = '2027-03-28T09:00:00Z', stepSeconds = 7, firstId = 1000 } = {}): IncidentDay {
  const units = ['SCH-11', 'SCH-12', 'SCH-21', 'SCH-22', 'SCH-31'].map((callSign, i) => fakeUnit({ callSign, kind: i % 2 ? 'motorcycle' : 'car' }));
  const endMs = Date.parse(end);
  const perIncident = LIFE.length;
  const incidents: Incident[] = [];
  const oldestFirst: IncidentEvent[] = [];
  for (let n = 0; n < count; n++) {
    // Interleaved: a few incidents run at once, as on a real day.
    const incidentIndex = Math.floor(n / perIncident);
    const step = n % perIncident;
    const at = new Date(endMs - (count - 1 - n) * stepSeconds * 1000).toISOString().replace('.000Z', 'Z');
    const id = `i-${incidentIndex + 1}`;
    const unit = units[incidentIndex % units.length]!.callSign;
    const kind = LIFE[step]!;
    if (step === 0) incidents.push(fakeIncident({ id, openedAt: at }, incidentIndex + 1));
    const incident = incidents[incidentIndex]!;
    const status = kind === 'created' ? 'open' : kind === 'unit_assigned' ? 'assigned' : kind === 'update' ? incident.status : kind;
    Object.assign(incident, { status, updatedAt: at, units: step === 0 ? [] : [unit], ...(kind === 'closed' ? { closedAt: at } : {}) });
    oldestFirst.push({ id: String(firstId + n), incidentId: id, at, kind, ...(step === 0 ? {} : { unit }), ...(kind === 'update' ? { text: `Situation under control at ${incident.address.street}.` } : {}) });
  }
  return { incidents: incidents.reverse(), events: oldestFirst.reverse(), units };
}

/** Options of {@link fakeIncidentsClient}. */
export interface FakeIncidentsOptions extends Partial<IncidentDay> {
  /** Calls of these methods wait until `release()` (to see loading states). */
  manual?: FakeMethod[];
  /** The state a new stream starts in (default `live`). */
  streamState?: LiveStreamState;
}

/** The fake's methods whose calls are recorded, can wait, or fail. */
export type FakeMethod = 'list' | 'events' | 'units' | 'log' | 'get' | 'stream';

/** A stream of the fake client, driven by the test. */
export interface FakeStream extends LiveIncidentStream {
  /** The options it was opened with (`lastEventId`, filters). */
  readonly options: LiveStreamOptions;
  /** Whether it was closed (by `close()` or its signal). */
  readonly closed: boolean;
  /** Sets its connection state and fires `statechange`. */
  setState(state: LiveStreamState): void;
  /** Delivers messages in order. */
  push(...messages: LiveIncidentMessage[]): void;
  /** Ends the iteration with this error (as the SDK's stream does on 401 or 404). */
  fail(error: Error): void;
}

/** A fake `IncidentsClient` with the test's controls. */
export interface FakeIncidentsClient extends IncidentsClient {
  /** Every stream opened, in order. */
  readonly streams: FakeStream[];
  /** The day's data the lists answer from; edit it to change what the next load gets. */
  readonly day: IncidentDay;
  /**
   * Sends live messages: recorded in the journal (so a stream opened later with an older
   * `lastEventId` replays them) and delivered to every open stream.
   */
  emit(...messages: LiveIncidentMessage[]): void;
  /** The next call of `method` throws `error`. */
  failNext(method: FakeMethod, error: Error): void;
  /** Lets waiting calls (see `manual`) go on; with `stop`, later calls no longer wait. */
  release(options?: { stop?: boolean }): void;
  /** The options of every call of `method`. */
  callsOf(method: FakeMethod): Record<string, unknown>[];
}

let nextLiveId = 900_000;

/**
 * A live `incident` message: the entry (id from a counter, or the one given) and the incident
 * after it. Numbers above the history's, so the stream's ids keep increasing.
 */
export function incidentMessage(incident: Incident, entry: Omit<IncidentEvent, 'id' | 'incidentId'> & { id?: string }): LiveIncidentMessage & { type: 'incident' } {
  const id = entry.id ?? String(nextLiveId++);
  return { type: 'incident', id, incident: { ...incident, updatedAt: entry.at }, entry: { ...entry, id, incidentId: incident.id } };
}

/** A live `unit` message. */
export function unitMessage(unit: Unit, id = String(nextLiveId++)): LiveIncidentMessage {
  return { type: 'unit', id, unit };
}

/** A live `reset` message (the server could not resume). */
export function resetMessage(reason = 'too_old', id = String(nextLiveId++)): LiveIncidentMessage {
  return { type: 'reset', id, reason, detail: 'The id is older than what the server keeps.' };
}

function pageOf<T>(items: readonly T[], options: { cursor?: string | undefined; limit?: number | undefined }): Page<T> {
  const start = Number(options.cursor ?? 0);
  const end = start + (options.limit ?? 50);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

function createStream(options: LiveStreamOptions, initial: LiveStreamState, replay: LiveIncidentMessage[]): FakeStream {
  return Object.assign(fakeLiveStream<LiveIncidentMessage>({ state: initial, lastEventId: options.lastEventId, replay, signal: options.signal }), { options }) as unknown as FakeStream;
}

/**
 * A client whose `incidents` answers from an in-memory day (default: 40 entries of
 * {@link incidentDay}) and whose `stream()` returns a {@link FakeStream} the test drives.
 *
 * @example
 * ```ts
 * const client = fakeIncidentsClient();
 * el.client = client;
 * await until(() => client.streams.length === 1);
 * client.emit(incidentMessage(client.day.incidents[0]!, { at: '2027-03-28T09:00:01Z', kind: 'update', text: 'Calm' }));
 * ```
 */
export function fakeIncidentsClient(options: FakeIncidentsOptions = {}): FakeIncidentsClient {
  const generated = options.incidents || options.events || options.units ? undefined : incidentDay();
  const day: IncidentDay = {
    incidents: options.incidents ?? generated?.incidents ?? [],
    events: options.events ?? generated?.events ?? [],
    units: options.units ?? generated?.units ?? [],
  };
  const calls: { method: FakeMethod; options: Record<string, unknown> }[] = [];
  const failures = new Map<FakeMethod, Error[]>();
  const waiting: (() => void)[] = [];
  let manual = new Set(options.manual ?? []);
  const journal: LiveIncidentMessage[] = [];
  const streams: FakeStream[] = [];

  async function call<T>(method: FakeMethod, callOptions: Record<string, unknown>, answer: () => T): Promise<T> {
    calls.push({ method, options: callOptions });
    if (manual.has(method)) await new Promise<void>((resolve) => waiting.push(resolve));
    const signal = callOptions['signal'] as AbortSignal | undefined;
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const failure = failures.get(method)?.shift();
    if (failure) throw failure;
    return answer();
  }

  type ListOptions = { cursor?: string | undefined; limit?: number | undefined; signal?: AbortSignal | undefined; incidentId?: string | undefined };
  function listMethod<T>(method: FakeMethod, items: (options: ListOptions) => readonly T[]) {
    const list = (o: ListOptions = {}) => call(method, o, () => pageOf(items(o), o));
    list.all = (o: ListOptions = {}) => paginate((cursor) => list({ ...o, cursor }), o.signal);
    return list;
  }

  const incidents = {
    list: listMethod('list', () => day.incidents),
    events: listMethod('events', (o) =>
      o.incidentId ? day.events.filter((entry) => entry.incidentId === o.incidentId) : day.events,
    ),
    units: listMethod('units', () => day.units),
    log: listMethod('log', (o) => day.events.filter((entry) => entry.incidentId === o.incidentId).reverse()),
    get: (o: { incidentId: string; signal?: AbortSignal }) =>
      call('get', o, () => {
        const found = day.incidents.find((incident) => incident.id === o.incidentId);
        if (!found) throw new Error(`fakeIncidentsClient: no incident ${o.incidentId}`);
        return found;
      }),
    geography: () => Promise.resolve({ type: 'FeatureCollection', features: [] }),
    stream(streamOptions: LiveStreamOptions = {}): LiveIncidentStream {
      calls.push({ method: 'stream', options: { ...streamOptions } });
      const failure = failures.get('stream')?.shift();
      const after = streamOptions.lastEventId === undefined ? -1 : journal.findIndex((message) => message.id === streamOptions.lastEventId);
      const stream = createStream(streamOptions, options.streamState ?? 'live', streamOptions.lastEventId === undefined ? [] : journal.slice(after + 1));
      streams.push(stream);
      if (failure) queueMicrotask(() => stream.fail(failure));
      return stream;
    },
  };

  return {
    incidents: incidents as unknown as IncidentsClient['incidents'],
    streams,
    day,
    emit(...messages) {
      journal.push(...messages);
      for (const stream of streams) if (!stream.closed) stream.push(...messages);
    },
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    release({ stop = false } = {}) {
      if (stop) manual = new Set();
      for (const resolve of waiting.splice(0)) resolve();
    },
    callsOf(method) {
      return calls.filter((entry) => entry.method === method).map((entry) => entry.options);
    },
  };
}
