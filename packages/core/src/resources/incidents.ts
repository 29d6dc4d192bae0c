import { page } from '../schemas/common.js';
import { Incident, IncidentEvent, Unit, ZoneGeography } from '../schemas/incidents.js';
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
 * for await (const entry of client.incidents.log.all({ incidentId: open[0].id })) console.log(entry.kind);
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
   * The zone's outline, municipalities and streets as GeoJSON: a map's base layer that needs no
   * tile server.
   */
  geography(options: CallOptions = {}): Promise<ZoneGeography> {
    return this.transport.request({ method: 'GET', path: 'zone/geography', schema: ZoneGeography, call: options });
  }
}
