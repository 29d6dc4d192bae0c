import { z } from 'zod/mini';
import { Address, GeoPoint, Id, IsoDate, IsoDateTime, LocalizedText, noControlCharacters, Problem } from './common.js';
import { extensibleEnum } from './extensible-enum.js';

// Field checks: check types are form definitions the backend serves (so a zone adds a field
// without a release), assignments say what to check where, and a submission carries the answers
// with a client id the server keeps for good, so a resend after days offline is recognised.

/**
 * What an officer enters in a field. Extensible: handle unknown values (a server may add, say,
 * `signature`); a client that cannot render a kind must not offer the check type for
 * submission, rather than send it without that field.
 *
 * The answer each kind takes: `text`, `long_text`, `choice` (an option's `value`) a string;
 * `date` a `YYYY-MM-DD` string; `time` an `HH:MM` string; `datetime` an ISO 8601 instant with
 * offset; `yes_no` and `attestation` (the officer attests the sentence of the label; only `true`
 * counts as given) a boolean; `number` a number; `position` a {@link GeoPoint}; `photo` a list of
 * photo ids.
 *
 * @category Schemas
 */
export const CheckFieldKind = extensibleEnum(['text', 'long_text', 'yes_no', 'choice', 'date', 'time', 'datetime', 'number', 'photo', 'position', 'attestation']);
export type CheckFieldKind = z.infer<typeof CheckFieldKind>;

/**
 * The schema of {@link CheckChoice}.
 *
 * @category Schemas
 */
export const CheckChoice = z.object({
  value: z.string().check(z.minLength(1), z.maxLength(64)),
  label: LocalizedText,
});
/**
 * One option of a `choice` field.
 *
 * @category Schemas
 */
export interface CheckChoice {
  /** What the answer holds when the officer picks it, e.g. `lives_there`. */
  value: string;
  /** What the officer reads. */
  label: LocalizedText;
}

/**
 * The schema of {@link CheckCondition}.
 *
 * @category Schemas
 */
export const CheckCondition = z.object({
  field: z.string(),
  equals: z.union([z.string(), z.boolean(), z.number()]),
});
/**
 * A condition on another field's answer: it holds when that field is shown and its answer equals
 * `equals` (e.g. `{ field: 'personMet', equals: false }`).
 *
 * @category Schemas
 */
export interface CheckCondition {
  /** The `name` of a field before this one in the form. */
  field: string;
  /** The answer that makes the condition hold. */
  equals: string | boolean | number;
}

/**
 * The schema of {@link CheckRules}.
 *
 * @category Schemas
 */
export const CheckRules = z.object({
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  maxLength: z.optional(z.number().check(z.int(), z.gte(1))),
  pattern: z.optional(z.string()),
  maxItems: z.optional(z.number().check(z.int(), z.gte(1))),
});
/**
 * Validation rules of a field, checked by the server against the answer (and worth checking in
 * the form before sending). Rules that do not apply to a field's kind are ignored.
 *
 * @category Schemas
 */
export interface CheckRules {
  /** The smallest number a `number` field takes. */
  min?: number | undefined;
  /** The largest number a `number` field takes. */
  max?: number | undefined;
  /** The most characters a `text` or `long_text` answer has. */
  maxLength?: number | undefined;
  /** A regular expression (ECMAScript, no flags) a whole `text` answer must match, e.g. `^[0-9]{1,3}$`. */
  pattern?: string | undefined;
  /** The most photos a `photo` field takes. */
  maxItems?: number | undefined;
}

/**
 * The schema of {@link CheckField}.
 *
 * @category Schemas
 */
export const CheckField = z.object({
  name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]*$/)),
  label: LocalizedText,
  hint: z.optional(LocalizedText),
  kind: CheckFieldKind,
  required: z.boolean(),
  options: z.optional(z.array(CheckChoice)),
  visibleWhen: z.optional(z.array(CheckCondition)),
  rules: z.optional(CheckRules),
});
/**
 * One field of a declarative check form.
 *
 * @category Schemas
 */
export interface CheckField {
  /** The field's id: the key of its answer in {@link CheckSubmissionInput.answers}, e.g. `personMet`. */
  name: string;
  /** The question as the officer reads it. */
  label: LocalizedText;
  /** Help shown under the question, if any. */
  hint?: LocalizedText | undefined;
  /** {@inheritDoc CheckFieldKind} */
  kind: CheckFieldKind;
  /** Whether the check cannot be submitted without an answer, while the field is shown. */
  required: boolean;
  /** The choices of a `choice` field. */
  options?: CheckChoice[] | undefined;
  /**
   * The field is shown only when every condition holds; absent means always. A hidden field is
   * not required, and the server ignores (drops) an answer sent for it.
   */
  visibleWhen?: CheckCondition[] | undefined;
  /** {@inheritDoc CheckRules} */
  rules?: CheckRules | undefined;
}

/**
 * Which check a definition or an assignment is about. Extensible: handle unknown values (a zone
 * may add a type); list it with its definition's `name`.
 *
 * @category Schemas
 */
export const CheckTypeKey = extensibleEnum(['domicile', 'residence', 'electronic_monitoring']);
export type CheckTypeKey = z.infer<typeof CheckTypeKey>;

/**
 * The schema of {@link CheckType}.
 *
 * @category Schemas
 */
export const CheckType = z.object({
  type: CheckTypeKey,
  version: z.number().check(z.int(), z.gte(1)),
  name: LocalizedText,
  description: LocalizedText,
  fields: z.array(CheckField),
});
/**
 * One version of a check type's form (domicile, residence, electronic monitoring), defined by
 * the backend. A version never changes once served; a changed form is a new version.
 *
 * @category Schemas
 */
export interface CheckType {
  /** {@inheritDoc CheckTypeKey} */
  type: CheckTypeKey;
  /** Raised when the form changes; a submission names the version it was filled in with. */
  version: number;
  /** Its name, e.g. `Domicile check`. */
  name: LocalizedText;
  /** What the check establishes, for the officer. */
  description: LocalizedText;
  /** The form, in order. */
  fields: CheckField[];
}

/**
 * The schema of {@link CheckTypeList}.
 *
 * @category Schemas
 */
export const CheckTypeList = z.object({ items: z.array(CheckType) });
/**
 * Every check type in its latest version (`GET /check-types`).
 *
 * @category Schemas
 */
export interface CheckTypeList {
  /** The check types. */
  items: CheckType[];
}

/**
 * Where an assignment stands: `open` (to do), `submitted` (done, a submission was received) or
 * `cancelled` (withdrawn). Extensible: handle unknown values; offer an assignment for submission
 * only when it is `open`.
 *
 * @category Schemas
 */
export const CheckAssignmentStatus = extensibleEnum(['open', 'submitted', 'cancelled']);
export type CheckAssignmentStatus = z.infer<typeof CheckAssignmentStatus>;

/**
 * The schema of {@link CheckPerson}.
 *
 * @category Schemas
 */
export const CheckPerson = z.object({
  givenName: z.string().check(z.minLength(1), z.maxLength(100), noControlCharacters()),
  familyName: z.string().check(z.minLength(1), z.maxLength(100), noControlCharacters()),
  birthDate: z.optional(IsoDate),
});
/**
 * The person a check is about.
 *
 * @category Schemas
 */
export interface CheckPerson {
  /** Given name(s). */
  givenName: string;
  /** Family name. */
  familyName: string;
  /** Date of birth, to tell namesakes apart, when known. */
  birthDate?: IsoDate | undefined;
}

/**
 * The schema of {@link CheckAssignment}.
 *
 * @category Schemas
 */
export const CheckAssignment = z.object({
  id: Id,
  type: CheckTypeKey,
  officerId: Id,
  status: CheckAssignmentStatus,
  person: CheckPerson,
  address: Address,
  dueBy: IsoDateTime,
  createdAt: IsoDateTime,
  note: z.optional(z.string().check(z.maxLength(2000))),
  submissionId: z.optional(Id),
});
/**
 * A check an officer has to carry out: what, whom, where and by when.
 *
 * @category Schemas
 */
export interface CheckAssignment {
  /** The assignment's id. */
  id: Id;
  /** Which check to carry out; fill in its latest version. */
  type: CheckTypeKey;
  /** The officer it is assigned to. */
  officerId: Id;
  /** {@inheritDoc CheckAssignmentStatus} */
  status: CheckAssignmentStatus;
  /** Whom the check is about. */
  person: CheckPerson;
  /** Where. */
  address: Address;
  /** When it must be done by. */
  dueBy: IsoDateTime;
  /** When it was assigned. */
  createdAt: IsoDateTime;
  /** What the desk adds for the officer, e.g. when the person is usually home. */
  note?: string | undefined;
  /** The id of the submission that completed it, once `submitted`. */
  submissionId?: Id | undefined;
}

/**
 * The answer to one field; which shape depends on the field's kind (see {@link CheckFieldKind}).
 *
 * @category Schemas
 */
export const CheckAnswer = z.union([
  z.string().check(z.maxLength(4000)),
  z.number(),
  z.boolean(),
  GeoPoint,
  z.array(Id).check(z.maxLength(20)),
]);
// Written out rather than inferred, so an editor shows the kinds on hover (test/dts.test.ts);
// schema-interfaces.check.ts keeps it equal to the schema.
export type CheckAnswer = string | number | boolean | GeoPoint | Id[];

/**
 * The schema of {@link CheckSubmissionInput}.
 *
 * @category Schemas
 */
export const CheckSubmissionInput = z.object({
  clientId: z.uuid(),
  assignmentId: Id,
  type: CheckTypeKey,
  definitionVersion: z.number().check(z.int(), z.gte(1)),
  answers: z.record(z.string().check(z.maxLength(64)), CheckAnswer),
  completedAt: IsoDateTime,
  position: z.optional(GeoPoint),
});
/**
 * A completed check as sent from the field. Send it again unchanged until it is acknowledged:
 * the server keeps `clientId` for good and answers a resend, even days later, with the first
 * result instead of storing it twice.
 *
 * @category Schemas
 */
export interface CheckSubmissionInput {
  /** A UUID the client makes once per completed check and keeps across resends. */
  clientId: string;
  /** The assignment carried out. */
  assignmentId: Id;
  /** The check type filled in; the assignment's. */
  type: CheckTypeKey;
  /** The version of the check type the form was filled in with; answers are checked against it. */
  definitionVersion: number;
  /** The answers, by field `name`; leave out fields not answered. */
  answers: Record<string, CheckAnswer>;
  /** When the officer completed the check. */
  completedAt: IsoDateTime;
  /** Where the officer was when completing it, if known. */
  position?: GeoPoint | undefined;
}

/**
 * The schema of {@link CheckSubmission}.
 *
 * @category Schemas
 */
export const CheckSubmission = z.object({
  id: Id,
  clientId: z.uuid(),
  assignmentId: Id,
  type: CheckTypeKey,
  definitionVersion: z.number().check(z.int(), z.gte(1)),
  answers: z.record(z.string(), CheckAnswer),
  completedAt: IsoDateTime,
  position: z.optional(GeoPoint),
  receivedAt: IsoDateTime,
});
/**
 * A completed check as the server stored it: the answers of the fields that were shown, with the
 * server's id and when it arrived.
 *
 * @category Schemas
 */
export interface CheckSubmission {
  /** The server's id of the submission. */
  id: Id;
  /** The client id it was sent with. */
  clientId: string;
  /** The assignment carried out. */
  assignmentId: Id;
  /** The check type filled in. */
  type: CheckTypeKey;
  /** The version of the check type it was filled in with. */
  definitionVersion: number;
  /** The answers kept, by field `name` (answers to hidden fields are dropped). */
  answers: Record<string, CheckAnswer>;
  /** When the officer completed the check. */
  completedAt: IsoDateTime;
  /** Where the officer was when completing it, if known. */
  position?: GeoPoint | undefined;
  /** When the server first received it. */
  receivedAt: IsoDateTime;
}

/**
 * The schema of {@link CheckPhotoUpload}.
 *
 * @category Schemas
 */
export const CheckPhotoUpload = z.object({
  id: z.uuid(),
  size: z.number().check(z.int(), z.gte(1)),
  received: z.number().check(z.int(), z.gte(0)),
  complete: z.boolean(),
  mediaType: z.string(),
});
/**
 * How much of a check photo the server holds: what `GET /v1/check-photos/{photoId}` and every
 * chunk's answer say. An upload resumes from `received`; a `photo` answer may name the photo once
 * it is `complete`.
 *
 * @category Schemas
 */
export interface CheckPhotoUpload {
  /** The photo's id: a UUID the device made when the photo was taken. */
  id: string;
  /** The photo's whole size in bytes. */
  size: number;
  /** How many bytes, from the first, the server holds. */
  received: number;
  /** `true` once every byte arrived; only then may a submission refer to the photo. */
  complete: boolean;
  /** The photo's media type: `image/jpeg`. */
  mediaType: string;
}

/**
 * The schema of {@link CheckPhotoOffsetProblem}.
 *
 * @category Schemas
 */
export const CheckPhotoOffsetProblem = z.looseObject({
  ...Problem.shape,
  received: z.number().check(z.int(), z.gte(0)),
});
/**
 * The problem of a `409 check_photo_offset_mismatch`: a chunk did not start where the server's
 * bytes end (another tab sent some, or an answer was lost); continue from `received`.
 *
 * @category Schemas
 */
export interface CheckPhotoOffsetProblem extends Problem {
  /** How many bytes of the photo the server holds: where the next chunk starts. */
  received: number;
}
