import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDateTime } from './common.js';
import { extensibleEnum, extensibleIntegerEnum } from './extensible-enum.js';

// First cut: the incidents issue refines these with the live stream.

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
 * The schema of {@link IncidentEvent}.
 *
 * @category Schemas
 */
export const IncidentEvent = z.object({
  id: Id,
  incidentId: Id,
  at: IsoDateTime,
  kind: extensibleEnum(['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']),
  unit: z.optional(z.string()),
  text: z.optional(z.string()),
});
/**
 * One timestamped entry in an incident's log.
 *
 * @category Schemas
 */
export interface IncidentEvent {
  /** The entry's id. */
  id: Id;
  /** The incident it belongs to. */
  incidentId: Id;
  /** When it happened. */
  at: IsoDateTime;
  /**
   * What happened. Extensible: handle unknown values; show the entry as an `update` with its
   * `text`.
   */
  kind: 'created' | 'unit_assigned' | 'en_route' | 'on_scene' | 'update' | 'closed' | (string & {});
  /** The unit concerned, e.g. `GENT-21`. */
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
  /** The dispatch's number for it, as people quote it. */
  number: string;
  /** The dispatch's type code; a free text, the dispatch's list grows. */
  type: string;
  /** {@inheritDoc IncidentPriority} */
  priority: IncidentPriority;
  /** {@inheritDoc IncidentStatus} */
  status: IncidentStatus;
  /** Where. */
  address: Address;
  /** Where, on a map. */
  position: GeoPoint;
  /** When the incident was opened. */
  openedAt: IsoDateTime;
  /** The units assigned. */
  units: string[];
}
