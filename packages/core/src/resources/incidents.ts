import { EventStream, type SseParse, type StreamOptions } from '../realtime/event-stream.js';
import { page } from '../schemas/common.js';
import { Incident, IncidentChange, IncidentEvent, StreamReset, Unit, UnitChange, ZoneGeography } from '../schemas/incidents.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

/**
 * Which incidents a list or a stream is about. Every filter narrows; none means all of the zone's.
 *
 * @category Resources
 */
export interface IncidentFilter {
  /** Only these priorities, e.g. `[1, 2]`. */
  priority?: readonly number[] | undefined;
  /** Only incidents this unit (call sign) is assigned to. */
  unit?: string | undefined;
}

/**
 * Options of {@link IncidentsResource.list}.
 *
 * @category Resources
 */
export interface IncidentListOptions extends IncidentFilter, PageOptions {
  /** Only incidents in these statuses; `open` means every status but `closed`. */
  status?: readonly string[] | undefined;
}

/**
 * Options of {@link IncidentsResource.events}.
 *
 * @category Resources
 */
export interface IncidentEventListOptions extends IncidentFilter, PageOptions {
  /** Only entries of this incident. */
  incidentId?: string | undefined;
  /** Only entries before this instant (ISO 8601), e.g. to page back further than a day. */
  before?: string | undefined;
}

/**
 * Options of {@link IncidentsResource.units}.
 *
 * @category Resources
 */
export interface UnitListOptions extends PageOptions {
  /** Only units in these statuses, e.g. `['available']`. */
  status?: readonly string[] | undefined;
}

/**
 * Options of {@link IncidentsResource.stream}: which incidents, and how the stream behaves.
 *
 * @example
 * ```ts
 * const stream = client.incidents.stream({ priority: [1, 2], pauseWhenHidden: true, signal: controller.signal });
 * ```
 *
 * @category Resources
 */
export interface IncidentStreamOptions extends IncidentFilter, StreamOptions {
  /** Only events of this incident. */
  incidentId?: string | undefined;
}

/**
 * One event of the live incident stream; narrow on `type`.
 *
 * - `incident`: a new entry in an incident's log, with the incident as it is after it.
 * - `unit`: a unit moved or changed status.
 * - `reset`: the server could not resume where the stream stopped (it keeps only recent events,
 *   or it restarted), so events may have been missed: fetch the lists again; the stream goes on.
 *
 * `id` is the event's id (for an `incident` event also `entry.id`): opaque, compare for equality.
 *
 * @example
 * ```ts
 * for await (const event of client.incidents.stream({})) {
 *   if (event.type === 'incident') timeline.add(event.entry, event.incident);
 *   else if (event.type === 'unit') map.move(event.unit);
 *   else await reloadLists(); // reset
 * }
 * ```
 *
 * @category Resources
 */
export type IncidentStreamEvent =
  | { type: 'incident'; id: string; incident: Incident; entry: IncidentEvent }
  | { type: 'unit'; id: string; unit: Unit }
  | { type: 'reset'; id: string; reason: StreamReset['reason']; detail: string };

const parseIncidentEvent: SseParse<IncidentStreamEvent> = (message, decode) => {
  const { event, id } = message;
  if (event !== 'incident' && event !== 'unit' && event !== 'reset') return undefined; // a kind a newer server added
  if (id === undefined) throw decode.shapeError(`an "${event}" event without an id`);
  if (event === 'incident') return { type: 'incident', id, ...decode.json(IncidentChange) };
  if (event === 'unit') return { type: 'unit', id, ...decode.json(UnitChange) };
  return { type: 'reset', id, ...decode.json(StreamReset) };
};

const IncidentPage = page(Incident);
const IncidentEventPage = page(IncidentEvent);
const UnitPage = page(Unit);

const list = (values: readonly (string | number)[] | undefined) => (values === undefined || values.length === 0 ? undefined : values.join(','));

/**
 * Incidents as the dispatch follows them: lists, one incident and its log, the zone-wide log, the
 * units on duty, the zone's map, and the live stream of it all. Officer or supervisor token
 * required. Reach it as `client.incidents`.
 *
 * @example
 * ```ts
 * const { items: open } = await client.incidents.list({ status: ['open'], priority: [1, 2] });
 * for await (const entry of client.incidents.log.all({ incidentId: open[0].id })) logView.add(entry);
 * ```
 *
 * @category Resources
 */
export class IncidentsResource {
  protected readonly transport: Transport;

  /** Incidents, the most recently opened first. */
  readonly list: ListMethod<IncidentListOptions, Incident>;
  /** One incident's whole log, oldest entry first. */
  readonly log: ListMethod<{ incidentId: string } & PageOptions, IncidentEvent>;
  /** Log entries of every incident, newest first: the history a timeline starts from. */
  readonly events: ListMethod<IncidentEventListOptions, IncidentEvent>;
  /** The units on duty with their last known position, by call sign. */
  readonly units: ListMethod<UnitListOptions, Unit>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.list = listMethod((options: IncidentListOptions) =>
      transport.request({
        method: 'GET',
        path: 'incidents',
        query: { status: list(options.status), priority: list(options.priority), unit: options.unit, cursor: options.cursor, limit: options.limit },
        schema: IncidentPage,
        call: options,
      }),
    );
    this.log = listMethod((options: { incidentId: string } & PageOptions) =>
      transport.request({
        method: 'GET',
        path: path`incidents/${options.incidentId}/log`,
        query: { cursor: options.cursor, limit: options.limit },
        schema: IncidentEventPage,
        call: options,
      }),
    );
    this.events = listMethod((options: IncidentEventListOptions) =>
      transport.request({
        method: 'GET',
        path: 'incident-events',
        query: {
          incidentId: options.incidentId,
          before: options.before,
          priority: list(options.priority),
          unit: options.unit,
          cursor: options.cursor,
          limit: options.limit,
        },
        schema: IncidentEventPage,
        call: options,
      }),
    );
    this.units = listMethod((options: UnitListOptions) =>
      transport.request({
        method: 'GET',
        path: 'units',
        query: { status: list(options.status), cursor: options.cursor, limit: options.limit },
        schema: UnitPage,
        call: options,
      }),
    );
  }

  /**
   * Gets one incident as it is now.
   *
   * @throws {NotFoundError} when there is no such incident.
   */
  get(options: { incidentId: string } & CallOptions): Promise<Incident> {
    return this.transport.request({ method: 'GET', path: path`incidents/${options.incidentId}`, schema: Incident, call: options });
  }

  /**
   * The live stream of incident log entries and unit moves, each once and in order, resuming by
   * itself after a drop. Iterate it once with `for await`; its `state` and `statechange` event say
   * whether it is live. Without `lastEventId` only new events come: fetch the lists first, then
   * stream. On a `reset` event fetch the lists again.
   *
   * The loop throws {@link UnauthenticatedError} when the token is refused after one refresh,
   * {@link ValidationError} for a bad filter, {@link ForbiddenError}, {@link NotFoundError} for an
   * unknown `incidentId`, {@link ResponseShapeError} when the server sends what the SDK does not
   * understand; `close()` or `signal` end it without an error.
   *
   * @example
   * ```ts
   * const stream = client.incidents.stream({ priority: [1, 2], pauseWhenHidden: true });
   * stream.addEventListener('statechange', () => badge.textContent = stream.state);
   * for await (const event of stream) {
   *   if (event.type === 'incident') timeline.add(event.entry);
   * }
   * ```
   */
  stream(options: IncidentStreamOptions = {}): EventStream<IncidentStreamEvent> {
    return new EventStream({
      ...options,
      transport: this.transport,
      path: 'incidents/stream',
      query: { incidentId: options.incidentId, priority: list(options.priority), unit: options.unit },
      parse: parseIncidentEvent,
      resetEvent: 'reset',
    });
  }

  /**
   * The zone's outline, municipalities and streets as GeoJSON: a map's base layer that needs no
   * tile server.
   */
  geography(options: CallOptions = {}): Promise<ZoneGeography> {
    return this.transport.request({ method: 'GET', path: 'zone/geography', schema: ZoneGeography, call: options });
  }
}
