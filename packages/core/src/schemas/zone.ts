import { z } from 'zod/mini';
import { Address, Id, IsoDate, LocalTime, LocalizedText, PostalCode, TimeZone, noControlCharacters } from './common.js';

/**
 * A municipality the police zone serves.
 *
 * @category Schemas
 */
export const Municipality = z.object({
  id: Id,
  name: z.string(),
  /** Postal codes inside the municipality (a municipality has one or several). */
  postalCodes: z.array(PostalCode),
  /** The language the municipality works in, used as a default for its pages. */
  language: z.enum(['nl', 'fr', 'de']),
});
export type Municipality = z.infer<typeof Municipality>;

/**
 * One opening period of an office on one ISO weekday (1 = Monday … 7 = Sunday), in the office's time zone.
 *
 * @category Schemas
 */
export const OpeningPeriod = z.object({
  weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
  opens: LocalTime,
  closes: LocalTime,
});
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

/**
 * A neighbourhood office (wijkkantoor / bureau de quartier).
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
  /** The shortest time between booking and the appointment, in minutes. */
  minLeadMinutes: z.number().check(z.int(), z.gte(0)),
  /** How many days ahead citizens may book. */
  horizonDays: z.number().check(z.int(), z.gte(1)),
});
export type Office = z.infer<typeof Office>;

/**
 * A stretch of a street an officer covers: the whole street, or house numbers `from`–`to`,
 * optionally only the even or odd side.
 *
 * @category Schemas
 */
export const StreetCoverage = z.object({
  street: z.string(),
  postalCode: PostalCode,
  from: z.optional(z.number().check(z.int(), z.gte(1))),
  to: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Only the even or the odd house numbers; absent means both sides. */
  side: z.optional(z.enum(['both', 'even', 'odd'])),
});
export type StreetCoverage = z.infer<typeof StreetCoverage>;

/**
 * A neighbourhood officer (wijkagent / agent de quartier) and the streets they cover.
 *
 * @category Schemas
 */
export const Officer = z.object({
  id: Id,
  displayName: z.string(),
  officeId: Id,
  municipalityId: Id,
  languages: z.array(z.enum(['nl', 'fr', 'de', 'en'])),
  streets: z.array(StreetCoverage),
});
export type Officer = z.infer<typeof Officer>;

/**
 * What a citizen can book a meeting about, with what to bring and how long it takes.
 *
 * @category Schemas
 */
export const Topic = z.object({
  id: Id,
  name: LocalizedText,
  description: LocalizedText,
  durationMinutes: z.number().check(z.int(), z.gte(5), z.lte(240)),
  /** Documents and things the citizen should bring, so nobody has to come back. */
  bring: z.array(LocalizedText),
  /** Whether a short description of the facts is asked when booking. */
  asksFacts: z.boolean(),
  /** Whether the officer can come to the citizen's home for this topic. */
  homeVisit: z.boolean(),
});
export type Topic = z.infer<typeof Topic>;

/**
 * The result of finding the officer for an address.
 *
 * @category Schemas
 */
export const OfficerForAddress = z.object({
  officer: Officer,
  office: Office,
  municipality: Municipality,
});
export type OfficerForAddress = z.infer<typeof OfficerForAddress>;

/**
 * A period an office is closed (renovation, staff shortage, a local holiday), dates inclusive.
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
export type OfficeClosure = z.infer<typeof OfficeClosure>;

/**
 * The body that records an office closure.
 *
 * @category Schemas
 */
export const OfficeClosureInput = z.object({
  from: IsoDate,
  to: IsoDate,
  reason: z.string().check(z.minLength(1), z.maxLength(500), noControlCharacters(true)),
});
export type OfficeClosureInput = z.infer<typeof OfficeClosureInput>;

/**
 * Who the bearer token belongs to. Citizens are anonymous and have no session.
 *
 * @category Schemas
 */
export const Session = z.object({
  role: z.enum(['officer', 'supervisor']),
  officerId: z.optional(Id),
  displayName: z.string(),
});
export type Session = z.infer<typeof Session>;
