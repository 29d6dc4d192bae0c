import { z } from 'zod/mini';

// Dates and instants are checked with one regular expression each rather than z.iso.*, whose
// pattern builders cost 0.7 kB in every widget bundle; the OpenAPI document adds their `format`.
const date = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';

/**
 * Whether a text starting with `YYYY-MM-DD` names a day that exists (no 30 February, 29 February
 * in leap years only). Texts of another shape pass: the pattern beside it reports them.
 *
 * @category Schemas
 */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= length;
}
// A refinement, not a pattern: it stays out of the JSON Schema the widget bundles carry.
const realDate = z.refine<string>(isRealDate, 'Expected a date that exists.');

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/**
 * A check that a string holds no control characters: none at all for a one-line value (a name, a
 * street), and only line breaks and tabs for a text (`multiline`, e.g. the facts of a booking).
 *
 * @example z.string().check(z.maxLength(200), noControlCharacters())
 *
 * @category Schemas
 */
export const noControlCharacters = (multiline = false) =>
  z.refine<string>(
    (value) => !CONTROL_CHARACTER.test(value) && (multiline || !LINE_BREAK_OR_TAB.test(value)),
    multiline ? 'Must not contain control characters.' : 'Must be one line without control characters.',
  );

/**
 * An instant as ISO 8601 with an explicit offset, e.g. `2027-03-28T09:30:00+02:00`.
 *
 * @category Schemas
 */
export const IsoDateTime = z
  .string()
  .check(z.regex(new RegExp(`^${date}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`), 'Expected a date and time with offset, e.g. 2027-03-29T09:30:00+02:00.'), realDate);
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/**
 * A calendar date, `YYYY-MM-DD`, meant in the zone's time zone.
 *
 * @category Schemas
 */
export const IsoDate = z.string().check(z.regex(new RegExp(`^${date}$`), 'Expected a date as YYYY-MM-DD.'), realDate);
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * A wall-clock time of day, `HH:MM` (24 h).
 *
 * @category Schemas
 */
export const LocalTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM.'));
export type LocalTime = z.infer<typeof LocalTime>;

/**
 * An opaque identifier chosen by the backend.
 *
 * @category Schemas
 */
export const Id = z.string().check(z.minLength(1), z.maxLength(128), noControlCharacters());
export type Id = z.infer<typeof Id>;

/**
 * The four languages every user-facing string exists in.
 *
 * @category Schemas
 */
export const Locale = z.enum(['nl', 'fr', 'de', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * The schema of {@link LocalizedText}.
 *
 * @category Schemas
 */
export const LocalizedText = z.object({
  nl: z.string(),
  fr: z.string(),
  de: z.string(),
  en: z.string(),
});
/**
 * A text given in each of Belgium's languages plus English.
 *
 * @category Schemas
 */
export interface LocalizedText {
  /** Dutch. */
  nl: string;
  /** French. */
  fr: string;
  /** German. */
  de: string;
  /** English. */
  en: string;
}

/**
 * An IANA time zone name, e.g. `Europe/Brussels`. Time zones are data, never assumed.
 *
 * @category Schemas
 */
export const TimeZone = z.string().check(z.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/, 'Expected an IANA time zone.'));
export type TimeZone = z.infer<typeof TimeZone>;

/**
 * The schema of {@link GeoPoint}.
 *
 * @category Schemas
 */
export const GeoPoint = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
});
/**
 * A WGS84 position.
 *
 * @category Schemas
 */
export interface GeoPoint {
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lon: number;
}

/**
 * A Belgian postal code (four digits, 1000–9999).
 *
 * @category Schemas
 */
export const PostalCode = z.string().check(z.regex(/^[1-9]\d{3}$/, 'Expected a Belgian postal code of four digits.'));
export type PostalCode = z.infer<typeof PostalCode>;

/**
 * The schema of {@link Address}.
 *
 * @category Schemas
 */
export const Address = z.object({
  street: z.string().check(z.minLength(1), z.maxLength(200), noControlCharacters()),
  houseNumber: z.string().check(z.minLength(1), z.maxLength(20), noControlCharacters()),
  box: z.optional(z.string().check(z.maxLength(20), noControlCharacters())),
  postalCode: PostalCode,
  municipality: z.string().check(z.minLength(1), z.maxLength(200), noControlCharacters()),
  position: z.optional(GeoPoint),
});
/**
 * A postal address in Belgium.
 *
 * @category Schemas
 */
export interface Address {
  /** The street's name, one line, at most 200 characters. */
  street: string;
  /** The house number, with a letter if it has one (`12A`), at most 20 characters. */
  houseNumber: string;
  /** The box (bus / boîte) of a flat, at most 20 characters. */
  box?: string | undefined;
  /** The four-digit Belgian postal code. */
  postalCode: PostalCode;
  /** The municipality's name as written in the address. */
  municipality: string;
  /** Where the address is, when known. */
  position?: GeoPoint | undefined;
}

/**
 * The schema of {@link FieldError}.
 *
 * @category Schemas
 */
export const FieldError = z.object({
  pointer: z.string(),
  detail: z.string(),
});
/**
 * One field error inside a problem document: an RFC 6901 JSON pointer into the request and what is wrong there.
 *
 * @category Schemas
 */
export interface FieldError {
  /** An RFC 6901 JSON pointer into the request body, e.g. `/citizen/email`. */
  pointer: string;
  /** What is wrong there, for people. */
  detail: string;
}

/**
 * The schema of {@link Problem}. Unknown members are kept (`z.looseObject`).
 *
 * @category Schemas
 */
export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.number().check(z.int(), z.gte(100), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
/**
 * An RFC 9457 problem document, as every error response carries it.
 * `code` is a machine-readable reason (e.g. `slot_taken`); `errors` lists field errors for 400/422.
 * Unknown members are kept so callers can read extensions such as `nextSlots`.
 *
 * @category Schemas
 */
export interface Problem {
  /** Extension members, such as `nextSlots` of a `slot_taken` problem. */
  [member: string]: unknown;
  /** A URI naming the kind of problem; absent means `about:blank` (RFC 9457 §3.1.1). */
  type?: string | undefined;
  /** A short summary of the kind of problem, the same for every occurrence. */
  title: string;
  /** The HTTP status code, 100–599. */
  status: number;
  /** What went wrong this time, for people. */
  detail?: string | undefined;
  /** A URI naming this occurrence. */
  instance?: string | undefined;
  /** A machine-readable reason to branch on, e.g. `slot_taken`, `validation_failed`. */
  code?: string | undefined;
  /** The field errors of a 400 or 422. */
  errors?: FieldError[] | undefined;
}

/**
 * A page of a cursor-paginated collection. `nextCursor` is null on the last page.
 *
 * @category Schemas
 */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
  });
/**
 * A page of items of type `T`.
 *
 * @category Schemas
 */
export interface Page<T> {
  /** The items of this page, in the collection's order. */
  items: T[];
  /** Pass it back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}
