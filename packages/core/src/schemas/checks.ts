import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDateTime, LocalizedText } from './common.js';

// First cut: the field-checks issue refines these with the offline outbox.

/**
 * One field of a declarative check form.
 *
 * @category Schemas
 */
export const CheckField = z.object({
  name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]*$/)),
  label: LocalizedText,
  kind: z.enum(['text', 'textarea', 'boolean', 'choice', 'date', 'time', 'photo', 'position']),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: z.string(), label: LocalizedText }))),
});
export type CheckField = z.infer<typeof CheckField>;

/**
 * A kind of field check (domicile, residence, electronic monitoring), defined by the backend.
 *
 * @category Schemas
 */
export const CheckType = z.object({
  id: Id,
  name: LocalizedText,
  version: z.number().check(z.int(), z.gte(1)),
  fields: z.array(CheckField),
});
export type CheckType = z.infer<typeof CheckType>;

/**
 * A check the officer has to carry out at an address.
 *
 * @category Schemas
 */
export const CheckAssignment = z.object({
  id: Id,
  checkTypeId: Id,
  address: Address,
  subjectName: z.string(),
  dueBy: z.optional(IsoDateTime),
});
export type CheckAssignment = z.infer<typeof CheckAssignment>;

/**
 * A completed check as submitted from the field.
 *
 * @category Schemas
 */
export const CheckSubmission = z.object({
  assignmentId: Id,
  checkTypeId: Id,
  checkTypeVersion: z.number().check(z.int(), z.gte(1)),
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.null()])),
  position: z.optional(GeoPoint),
  performedAt: IsoDateTime,
});
export type CheckSubmission = z.infer<typeof CheckSubmission>;
