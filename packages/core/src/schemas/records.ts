import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime } from './common.js';

// First cut: the records issue refines these with purpose, roles and the audit trail.

/**
 * A Belgian licence plate in its normalized form, e.g. `1-ABC-234`.
 *
 * @category Schemas
 */
export const LicencePlate = z.string().check(z.regex(/^[0-9A-Z]{1,3}(-[0-9A-Z]{1,3}){1,2}$/, 'Expected a plate such as 1-ABC-234.'));
export type LicencePlate = z.infer<typeof LicencePlate>;

/**
 * Why a look-up is made; the backend refuses a look-up without one (EU Directive 2016/680, art. 25).
 *
 * @category Schemas
 */
export const LookupPurpose = z.object({
  reason: z.enum(['incident', 'check', 'investigation', 'traffic', 'other']),
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type LookupPurpose = z.infer<typeof LookupPurpose>;

/**
 * A person as the records return them.
 *
 * @category Schemas
 */
export const PersonRecord = z.object({
  id: Id,
  familyName: z.string(),
  givenNames: z.string(),
  birthDate: IsoDate,
  address: z.optional(Address),
  flags: z.array(z.string()),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/**
 * A vehicle as the records return it.
 *
 * @category Schemas
 */
export const VehicleRecord = z.object({
  plate: LicencePlate,
  make: z.string(),
  model: z.string(),
  colour: z.string(),
  insured: z.boolean(),
  inspectionValidUntil: z.optional(IsoDate),
  flags: z.array(z.string()),
});
export type VehicleRecord = z.infer<typeof VehicleRecord>;

/**
 * An entry of the look-up audit trail: who looked up what, when and why.
 *
 * @category Schemas
 */
export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  officerId: Id,
  kind: z.enum(['person', 'vehicle', 'address']),
  query: z.string(),
  purpose: LookupPurpose,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
