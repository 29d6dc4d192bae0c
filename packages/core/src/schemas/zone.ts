import { z } from 'zod/mini';
import { Address, Id, IsoDate, LocalTime, LocalizedText, PostalCode, TimeZone, noControlCharacters } from './common.js';
import { extensibleEnum } from './extensible-enum.js';

// Each object type is declared twice on purpose: the schema (what the SDK checks) and an interface
// with a comment per field (what editors, the bundled .d.ts and the API reference show; comments
// inside a z.object shape reach neither). schema-interfaces.check.ts makes any difference between
// the two a type error.

/**
 * The schema of {@link Municipality}.
 *
 * @category Schemas
 */
export const Municipality = z.object({
  id: Id,
  name: z.string(),
  postalCodes: z.array(PostalCode),
  language: z.enum(['nl', 'fr', 'de']),
});
/**
 * A municipality the police zone serves.
 *
 * @category Schemas
 */
export interface Municipality {
  /** The municipality's id. */
  id: Id;
  /** Its name in its own language, e.g. `Gent`. */
  name: string;
  /** Postal codes inside the municipality (a municipality has one or several). */
  postalCodes: PostalCode[];
  /** The language the municipality works in, used as a default for its pages. One of Belgium's three; closed. */
  language: 'nl' | 'fr' | 'de';
}

/**
 * The schema of {@link OpeningPeriod}.
 *
 * @category Schemas
 */
export const OpeningPeriod = z.object({
  weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
  opens: LocalTime,
  closes: LocalTime,
});
/**
 * One opening period of an office on one ISO weekday (1 = Monday … 7 = Sunday), in the office's time zone.
 *
 * @category Schemas
 */
export interface OpeningPeriod {
  /** The ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** When the office opens, `HH:MM` in its time zone. */
  opens: LocalTime;
  /** When the office closes, `HH:MM` in its time zone. */
  closes: LocalTime;
}

/**
 * The schema of {@link Office}.
 *
 * @category Schemas
 */
export const Office = z.object({
  id: Id,
  municipalityId: Id,
  name: z.string(),
  address: Address,
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  timeZone: TimeZone,
  openingHours: z.array(OpeningPeriod),
  minLeadMinutes: z.number().check(z.int(), z.gte(0)),
  horizonDays: z.number().check(z.int(), z.gte(1)),
});
/**
 * A neighbourhood office (wijkkantoor / bureau de quartier).
 *
 * @category Schemas
 */
export interface Office {
  /** The office's id; pass it to `availability()`. */
  id: Id;
  /** The municipality the office is in. */
  municipalityId: Id;
  /** The office's name, e.g. `Wijkkantoor Centrum`. */
  name: string;
  /** Where citizens come for their appointment. */
  address: Address;
  /** The office's phone number, as it should be shown. */
  phone?: string | undefined;
  /** The office's e-mail address. */
  email?: string | undefined;
  /** The office's time zone; its opening hours and slots are meant there. */
  timeZone: TimeZone;
  /** When the office is open, per weekday; a weekday without periods is closed. */
  openingHours: OpeningPeriod[];
  /** The shortest time between booking and the appointment, in minutes. */
  minLeadMinutes: number;
  /** How many days ahead citizens may book. */
  horizonDays: number;
}

/**
 * The schema of {@link StreetCoverage}.
 *
 * @category Schemas
 */
export const StreetCoverage = z.object({
  street: z.string(),
  postalCode: PostalCode,
  from: z.optional(z.number().check(z.int(), z.gte(1))),
  to: z.optional(z.number().check(z.int(), z.gte(1))),
  side: z.optional(z.enum(['both', 'even', 'odd'])),
});
/**
 * A stretch of a street an officer covers: the whole street, or house numbers `from`–`to`,
 * optionally only the even or odd side.
 *
 * @category Schemas
 */
export interface StreetCoverage {
  /** The street's name. */
  street: string;
  /** The postal code the street is in. */
  postalCode: PostalCode;
  /** The first house number covered; absent means from the start of the street. */
  from?: number | undefined;
  /** The last house number covered; absent means to the end of the street. */
  to?: number | undefined;
  /** Only the even or the odd house numbers; absent means both sides. Closed: address matching needs every value. */
  side?: 'both' | 'even' | 'odd' | undefined;
}

/**
 * The schema of {@link Officer}.
 *
 * @category Schemas
 */
export const Officer = z.object({
  id: Id,
  displayName: z.string(),
  officeId: Id,
  municipalityId: Id,
  languages: z.array(extensibleEnum(['nl', 'fr', 'de', 'en'])),
  streets: z.array(StreetCoverage),
});
/**
 * A neighbourhood officer (wijkagent / agent de quartier) and the streets they cover.
 *
 * @category Schemas
 */
export interface Officer {
  /** The officer's id. */
  id: Id;
  /** The name citizens see, e.g. `Inspecteur Claes`. */
  displayName: string;
  /** The office the officer works from. */
  officeId: Id;
  /** The municipality the officer serves. */
  municipalityId: Id;
  /**
   * Languages the officer speaks, as language codes. Extensible: handle unknown values (a zone
   * may list `tr` or `ar`); show a code you have no name for as the code itself.
   */
  languages: ('nl' | 'fr' | 'de' | 'en' | (string & {}))[];
  /** The streets the officer covers. */
  streets: StreetCoverage[];
}

/**
 * The schema of {@link Topic}.
 *
 * @category Schemas
 */
export const Topic = z.object({
  id: Id,
  name: LocalizedText,
  description: LocalizedText,
  durationMinutes: z.number().check(z.int(), z.gte(5), z.lte(240)),
  bring: z.array(LocalizedText),
  asksFacts: z.boolean(),
  homeVisit: z.boolean(),
});
/**
 * What a citizen can book a meeting about, with what to bring and how long it takes.
 *
 * @category Schemas
 */
export interface Topic {
  /** The topic's id; pass it to `availability()` and `book()`. */
  id: Id;
  /** The topic's name, e.g. `Domicile`. */
  name: LocalizedText;
  /** What the meeting is for, in a sentence or two. */
  description: LocalizedText;
  /** How long a meeting on the topic takes, 5–240 minutes. */
  durationMinutes: number;
  /** Documents and things the citizen should bring, so nobody has to come back. */
  bring: LocalizedText[];
  /** Whether a short description of the facts is asked when booking. */
  asksFacts: boolean;
  /** Whether the officer can come to the citizen's home for this topic. */
  homeVisit: boolean;
}

/**
 * The schema of {@link OfficerForAddress}.
 *
 * @category Schemas
 */
export const OfficerForAddress = z.object({
  officer: Officer,
  office: Office,
  municipality: Municipality,
});
/**
 * The result of finding the officer for an address.
 *
 * @category Schemas
 */
export interface OfficerForAddress {
  /** The neighbourhood officer who covers the address. */
  officer: Officer;
  /** The office the officer works from. */
  office: Office;
  /** The municipality the address is in. */
  municipality: Municipality;
}

/**
 * The schema of {@link OfficeClosure}.
 *
 * @category Schemas
 */
export const OfficeClosure = z.object({
  id: Id,
  officeId: Id,
  from: IsoDate,
  to: IsoDate,
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
});
/**
 * A period an office is closed (renovation, staff shortage, a local holiday), dates inclusive.
 *
 * @category Schemas
 */
export interface OfficeClosure {
  /** The closure's id. */
  id: Id;
  /** The office that is closed. */
  officeId: Id;
  /** The first day closed, inclusive. */
  from: IsoDate;
  /** The last day closed, inclusive. */
  to: IsoDate;
  /** Why, as staff wrote it (1–500 characters). */
  reason: string;
}

/**
 * The schema of {@link OfficeClosureInput}.
 *
 * @category Schemas
 */
export const OfficeClosureInput = z.object({
  from: IsoDate,
  to: IsoDate,
  reason: z.string().check(z.minLength(1), z.maxLength(500), noControlCharacters(true)),
});
/**
 * The body that records an office closure.
 *
 * @category Schemas
 */
export interface OfficeClosureInput {
  /** The first day closed, inclusive. */
  from: IsoDate;
  /** The last day closed, inclusive. */
  to: IsoDate;
  /** Why, 1–500 characters without control characters other than line breaks and tabs. */
  reason: string;
}

/**
 * The schema of {@link Session}.
 *
 * @category Schemas
 */
export const Session = z.object({
  role: z.enum(['officer', 'supervisor', 'citizen']),
  officerId: z.optional(Id),
  displayName: z.string(),
});
/**
 * Who the bearer token belongs to. A citizen booking a meeting needs no token at all; a citizen
 * who signed in (with the municipality's e-ID or itsme login) has a `citizen` session, which the
 * open routes accept and every police route refuses with 403.
 *
 * @category Schemas
 */
export interface Session {
  /** What the token may do. Closed: a client decides what to offer from it, and must not guess for a role it does not know. */
  role: 'officer' | 'supervisor' | 'citizen';
  /** The officer's id, when the token is an officer's. */
  officerId?: Id | undefined;
  /** The name to greet the user with. */
  displayName: string;
}
