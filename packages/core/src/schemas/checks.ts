import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDateTime, LocalizedText } from './common.js';
import { extensibleEnum } from './extensible-enum.js';

// First cut: the field-checks issue refines these with the offline outbox.

/**
 * The schema of {@link CheckField}.
 *
 * @category Schemas
 */
export const CheckField = z.object({
  name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]*$/)),
  label: LocalizedText,
  kind: extensibleEnum(['text', 'textarea', 'boolean', 'choice', 'date', 'time', 'photo', 'position']),
  required: z.boolean(),
  options: z.optional(z.array(z.object({ value: z.string(), label: LocalizedText }))),
});
/**
 * One field of a declarative check form.
 *
 * @category Schemas
 */
export interface CheckField {
  /** The key of the field's value in {@link CheckSubmission.values}, e.g. `livesThere`. */
  name: string;
  /** The question as the officer reads it. */
  label: LocalizedText;
  /**
   * What the officer enters. Extensible: handle unknown values (a server may add, say,
   * `signature`); a client that cannot render a kind must not offer the check type for
   * submission, rather than send it without that field.
   */
  kind: 'text' | 'textarea' | 'boolean' | 'choice' | 'date' | 'time' | 'photo' | 'position' | (string & {});
  /** Whether the check cannot be submitted without it. */
  required: boolean;
  /** The choices of a `choice` field. */
  options?: { value: string; label: LocalizedText }[] | undefined;
}

/**
 * The schema of {@link CheckType}.
 *
 * @category Schemas
 */
export const CheckType = z.object({
  id: Id,
  name: LocalizedText,
  version: z.number().check(z.int(), z.gte(1)),
  fields: z.array(CheckField),
});
/**
 * A kind of field check (domicile, residence, electronic monitoring), defined by the backend.
 *
 * @category Schemas
 */
export interface CheckType {
  /** The check type's id. */
  id: Id;
  /** Its name, e.g. `Domicile check`. */
  name: LocalizedText;
  /** Raised when the fields change; a submission names the version it was made with. */
  version: number;
  /** The form, in order. */
  fields: CheckField[];
}

/**
 * The schema of {@link CheckAssignment}.
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
/**
 * A check the officer has to carry out at an address.
 *
 * @category Schemas
 */
export interface CheckAssignment {
  /** The assignment's id. */
  id: Id;
  /** Which check to carry out. */
  checkTypeId: Id;
  /** Where. */
  address: Address;
  /** Whom the check is about. */
  subjectName: string;
  /** When it must be done by, if there is a deadline. */
  dueBy?: IsoDateTime | undefined;
}

/**
 * The schema of {@link CheckSubmission}.
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
/**
 * A completed check as submitted from the field.
 *
 * @category Schemas
 */
export interface CheckSubmission {
  /** The assignment carried out. */
  assignmentId: Id;
  /** The check type filled in. */
  checkTypeId: Id;
  /** The version of the check type the form was made from. */
  checkTypeVersion: number;
  /** The answers, by field name. */
  values: Record<string, string | boolean | number | null>;
  /** Where the officer was when submitting, if known. */
  position?: GeoPoint | undefined;
  /** When the check was carried out. */
  performedAt: IsoDateTime;
}
