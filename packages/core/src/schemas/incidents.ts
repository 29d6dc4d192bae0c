import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDateTime } from './common.js';
import { extensibleEnum, extensibleIntegerEnum } from './extensible-enum.js';

/**
 * How urgent an incident is, 1 being the most urgent. Extensible: handle unknown values (any
 * integer from 1); order by the number and show one you have no label for as the number itself.
 *
 * @category Schemas
 */
export const IncidentPriority = extensibleIntegerEnum([1, 2, 3, 4], 1);
export type IncidentPriority = z.infer<typeof IncidentPriority>;

/**
 * Where an incident stands. Extensible: handle unknown values (a dispatch may add, say,
 * `transferred`); show the incident as still going on, with the value as it came.
 *
 * @category Schemas
 */
export const IncidentStatus = extensibleEnum(['open', 'assigned', 'en_route', 'on_scene', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/**
 * What an entry of an incident's log records. Extensible: show an unknown kind as an `update`
 * with its `text`.
 *
 * @category Schemas
 */
export const IncidentEventKind = extensibleEnum(['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']);
export type IncidentEventKind = z.infer<typeof IncidentEventKind>;

/**
 * The schema of {@link IncidentEvent}.
 *
 * @category Schemas
 */
export const IncidentEvent = z.object({
  id: Id,
  incidentId: Id,
  at: IsoDateTime,
  kind: IncidentEventKind,
  unit: z.optional(z.string().check(z.maxLength(64))),
  text: z.optional(z.string().check(z.maxLength(2000))),
});
/**
 * One timestamped entry in an incident's log. Its `id` is also the id of the live event that
 * brought it, so entries from a list and from the stream de-duplicate by `id`.
 *
 * @category Schemas
 */
export interface IncidentEvent {
  /** The entry's id: the same as the stream event's id. Opaque; compare for equality only. */
  id: Id;
  /** The incident it belongs to. */
  incidentId: Id;
  /** When it happened, to the second. */
  at: IsoDateTime;
  /** {@inheritDoc IncidentEventKind} */
  kind: IncidentEventKind;
  /** The unit concerned, by call sign, e.g. `SCH-21`. */
  unit?: string | undefined;
  /** A note from the dispatcher or the unit. */
  text?: string | undefined;
}

/**
 * The schema of {@link Incident}.
 *
 * @category Schemas
 */
export const Incident = z.object({
  id: Id,
  number: z.string(),
  type: z.string(),
  priority: IncidentPriority,
  status: IncidentStatus,
  address: Address,
  position: GeoPoint,
  openedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  closedAt: z.optional(IsoDateTime),
  units: z.array(z.string()),
});
/**
 * An incident as the dispatch knows it.
 *
 * @category Schemas
 */
export interface Incident {
  /** The incident's id. */
  id: Id;
  /** The dispatch's number for it, as people quote it, e.g. `2027-004211`. */
  number: string;
  /** The dispatch's type code, e.g. `traffic_accident`; a free text, the dispatch's list grows. */
  type: string;
  /** {@inheritDoc IncidentPriority} */
  priority: IncidentPriority;
  /** {@inheritDoc IncidentStatus} */
  status: IncidentStatus;
  /** Where. */
  address: Address;
  /** Where, on a map (WGS84). */
  position: GeoPoint;
  /** When the incident was opened. */
  openedAt: IsoDateTime;
  /** When its log last grew. */
  updatedAt: IsoDateTime;
  /** When it was closed; absent while it goes on. */
  closedAt?: IsoDateTime | undefined;
  /** The call signs of the units assigned. */
  units: string[];
}

/**
 * What a unit is doing. Extensible: show an unknown status with its value, as busy.
 *
 * @category Schemas
 */
export const UnitStatus = extensibleEnum(['available', 'dispatched', 'en_route', 'on_scene', 'unavailable']);
export type UnitStatus = z.infer<typeof UnitStatus>;

/**
 * What kind of unit it is. Extensible: show an unknown kind with its value.
 *
 * @category Schemas
 */
export const UnitKind = extensibleEnum(['car', 'motorcycle', 'bicycle', 'foot', 'van']);
export type UnitKind = z.infer<typeof UnitKind>;

/**
 * The schema of {@link Unit}.
 *
 * @category Schemas
 */
export const Unit = z.object({
  id: Id,
  callSign: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: UnitKind,
  status: UnitStatus,
  position: GeoPoint,
  positionAt: IsoDateTime,
  incidentId: z.optional(Id),
});
/**
 * A police unit on duty (a car, a motorcycle, a patrol on foot) with its last known position.
 *
 * @category Schemas
 */
export interface Unit {
  /** The unit's id. */
  id: Id;
  /** Its call sign, as the radio says it, e.g. `SCH-21`; incidents name units by it. */
  callSign: string;
  /** {@inheritDoc UnitKind} */
  kind: UnitKind;
  /** {@inheritDoc UnitStatus} */
  status: UnitStatus;
  /** Last known position (WGS84). */
  position: GeoPoint;
  /** When that position was reported. */
  positionAt: IsoDateTime;
  /** The incident it works on, if any. */
  incidentId?: Id | undefined;
}

/**
 * The schema of {@link IncidentChange}.
 *
 * @category Schemas
 */
export const IncidentChange = z.object({ incident: Incident, entry: IncidentEvent });
/**
 * The data of a live `incident` event: the new log entry and the incident as it is after it.
 *
 * @category Schemas
 */
export interface IncidentChange {
  /** The incident after the change. */
  incident: Incident;
  /** The log entry that changed it. */
  entry: IncidentEvent;
}

/**
 * The schema of {@link UnitChange}.
 *
 * @category Schemas
 */
export const UnitChange = z.object({ unit: Unit });
/**
 * The data of a live `unit` event: the unit as it is now (moved, or its status changed).
 *
 * @category Schemas
 */
export interface UnitChange {
  /** The unit after the change. */
  unit: Unit;
}

/**
 * The schema of {@link StreamReset}.
 *
 * @category Schemas
 */
export const StreamReset = z.object({
  reason: extensibleEnum(['too_old', 'unknown_id']),
  detail: z.string(),
});
/**
 * The data of a live `reset` event: the server cannot resume after the `Last-Event-ID` given (it
 * keeps only recent events, or it restarted), so events may have been missed. Fetch the lists
 * again; the stream goes on with new events.
 *
 * @category Schemas
 */
export interface StreamReset {
  /**
   * Why: `too_old` (the id is older than what the server keeps) or `unknown_id` (the server never
   * gave it, e.g. after a restart). Extensible: handle unknown values like these two.
   */
  reason: 'too_old' | 'unknown_id' | (string & {});
  /** A sentence for developers. */
  detail: string;
}

/**
 * The schema of {@link GeoFeature}.
 *
 * @category Schemas
 */
export const GeoFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.enum(['LineString', 'Polygon']),
    coordinates: z.array(z.unknown()),
  }),
  properties: z.object({
    kind: extensibleEnum(['outline', 'municipality', 'street']),
    name: z.string(),
  }),
});
/**
 * One feature of a {@link ZoneGeography}: GeoJSON (RFC 7946), positions as `[lon, lat]`.
 *
 * @category Schemas
 */
export interface GeoFeature {
  /** Always `Feature`. */
  type: 'Feature';
  /** A street is a `LineString`, an outline a `Polygon`. */
  geometry: {
    /** `LineString` or `Polygon`. */
    type: 'LineString' | 'Polygon';
    /** GeoJSON coordinates of that type: `[lon, lat]` positions, nested once more for a polygon. */
    coordinates: unknown[];
  };
  /** What the feature is. */
  properties: {
    /** `outline` (the zone), `municipality` or `street`. Extensible: draw an unknown kind as a thin line. */
    kind: 'outline' | 'municipality' | 'street' | (string & {});
    /** Its name, e.g. `Kerkstraat`. */
    name: string;
  };
}

/**
 * The schema of {@link ZoneGeography}.
 *
 * @category Schemas
 */
export const ZoneGeography = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(GeoFeature),
});
/**
 * The zone's outline, municipalities and streets as a GeoJSON FeatureCollection: enough for a
 * map's base layer without any tile server.
 *
 * @category Schemas
 */
export interface ZoneGeography {
  /** Always `FeatureCollection`. */
  type: 'FeatureCollection';
  /** The outline first, then municipalities, then streets. */
  features: GeoFeature[];
}
