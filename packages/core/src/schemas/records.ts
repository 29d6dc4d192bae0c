import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime } from './common.js';
import { extensibleEnum } from './extensible-enum.js';

// First cut: the records issue refines these with purpose, roles and the audit trail.

/**
 * A Belgian licence plate in its normalized form, e.g. `1-ABC-234`.
 *
 * @category Schemas
 */
export const LicencePlate = z.string().check(z.regex(/^[0-9A-Z]{1,3}(-[0-9A-Z]{1,3}){1,2}$/, 'Expected a plate such as 1-ABC-234.'));
export type LicencePlate = z.infer<typeof LicencePlate>;

/**
 * The schema of {@link LookupPurpose}.
 *
 * @category Schemas
 */
export const LookupPurpose = z.object({
  reason: extensibleEnum(['incident', 'check', 'investigation', 'traffic', 'other']),
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  note: z.optional(z.string().check(z.maxLength(500))),
});
/**
 * Why a look-up is made; the backend refuses a look-up without one (EU Directive 2016/680, art. 25).
 *
 * @category Schemas
 */
export interface LookupPurpose {
  /**
   * The legal ground. Extensible: handle unknown values (an audit trail lists reasons newer
   * clients send); show one you have no label for as it came. Send only values you offer.
   */
  reason: 'incident' | 'check' | 'investigation' | 'traffic' | 'other' | (string & {});
  /** The file it is for, e.g. an incident number (1–100 characters). */
  reference: string;
  /** More context, at most 500 characters. */
  note?: string | undefined;
}

/**
 * The schema of {@link PersonRecord}.
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
/**
 * A person as the records return them.
 *
 * @category Schemas
 */
export interface PersonRecord {
  /** The record's id. */
  id: Id;
  /** The family name. */
  familyName: string;
  /** The given names. */
  givenNames: string;
  /** The date of birth. */
  birthDate: IsoDate;
  /** The registered address, when there is one. */
  address?: Address | undefined;
  /** Warnings on the person, as the records word them. */
  flags: string[];
}

/**
 * The schema of {@link VehicleRecord}.
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
/**
 * A vehicle as the records return it.
 *
 * @category Schemas
 */
export interface VehicleRecord {
  /** The normalized plate. */
  plate: LicencePlate;
  /** The make, e.g. `Volkswagen`. */
  make: string;
  /** The model. */
  model: string;
  /** The colour. */
  colour: string;
  /** Whether the vehicle is insured today. */
  insured: boolean;
  /** Until when the technical inspection is valid. */
  inspectionValidUntil?: IsoDate | undefined;
  /** Warnings on the vehicle, as the records word them. */
  flags: string[];
}

/**
 * The schema of {@link AuditEntry}.
 *
 * @category Schemas
 */
export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  officerId: Id,
  kind: extensibleEnum(['person', 'vehicle', 'address']),
  query: z.string(),
  purpose: LookupPurpose,
});
/**
 * An entry of the look-up audit trail: who looked up what, when and why.
 *
 * @category Schemas
 */
export interface AuditEntry {
  /** The entry's id. */
  id: Id;
  /** When the look-up was made. */
  at: IsoDateTime;
  /** Who made it. */
  officerId: Id;
  /** What was looked up. Extensible: handle unknown values; show one you have no label for as it came. */
  kind: 'person' | 'vehicle' | 'address' | (string & {});
  /** What was searched for. */
  query: string;
  /** Why. */
  purpose: LookupPurpose;
}
