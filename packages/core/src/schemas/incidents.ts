import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDateTime } from './common.js';

// First cut: the incidents issue refines these with the live stream.

/**
 * How urgent an incident is, 1 being the most urgent.
 *
 * @category Schemas
 */
export const IncidentPriority = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type IncidentPriority = z.infer<typeof IncidentPriority>;

/**
 * Where an incident stands.
 *
 * @category Schemas
 */
export const IncidentStatus = z.enum(['open', 'assigned', 'en_route', 'on_scene', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/**
 * One timestamped entry in an incident's log.
 *
 * @category Schemas
 */
export const IncidentEvent = z.object({
  id: Id,
  incidentId: Id,
  at: IsoDateTime,
  kind: z.enum(['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']),
  unit: z.optional(z.string()),
  text: z.optional(z.string()),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;

/**
 * An incident as the dispatch knows it.
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
export type Incident = z.infer<typeof Incident>;
