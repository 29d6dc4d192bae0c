import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime, Locale, LocalizedText, Problem, noControlCharacters } from './common.js';
import { Office, Topic } from './zone.js';

/**
 * A bookable time with one officer at one office. `id` is opaque; pass it back to hold or book.
 * Instants carry the office's offset (`2027-03-29T09:30:00+02:00`).
 *
 * @category Schemas
 */
export const Slot = z.object({
  id: Id,
  start: IsoDateTime,
  end: IsoDateTime,
  officeId: Id,
  officerId: Id,
});
export type Slot = z.infer<typeof Slot>;

/**
 * Why an office is closed on a day: a public holiday (with its name), or a closure the zone recorded.
 *
 * @category Schemas
 */
export const ClosedDay = z.object({
  reason: z.enum(['holiday', 'closure']),
  /** The holiday's name, e.g. `{ en: 'Easter Monday', … }`; absent for a closure. */
  name: z.optional(LocalizedText),
});
export type ClosedDay = z.infer<typeof ClosedDay>;

/**
 * One day of availability in the office's time zone; days without free slots have `slots: []`.
 *
 * @category Schemas
 */
export const AvailabilityDay = z.object({
  date: IsoDate,
  slots: z.array(Slot),
  /** Set when the office is closed that day, so a calendar can say why ("Easter Monday — closed"). */
  closed: z.optional(ClosedDay),
});
export type AvailabilityDay = z.infer<typeof AvailabilityDay>;

/**
 * Free slots over a range of days (up to about two months), as one response.
 *
 * @category Schemas
 */
export const Availability = z.object({
  officeId: Id,
  /** Set when the availability is that of one officer. */
  officerId: z.nullable(Id),
  topicId: Id,
  /** The office's time zone; dates and times are meant there. */
  timeZone: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** Every date from `from` to `to`, in order. */
  days: z.array(AvailabilityDay),
  /** The first date after `to` with a free slot within the booking horizon, so a widget can jump there. */
  nextFreeDate: z.nullable(IsoDate),
});
export type Availability = z.infer<typeof Availability>;

/**
 * The body that holds a slot while the citizen fills in the form.
 *
 * @category Schemas
 */
export const SlotHoldInput = z.object({
  slotId: Id,
  topicId: Id,
});
export type SlotHoldInput = z.infer<typeof SlotHoldInput>;

/**
 * A short reservation of a slot while the citizen fills in the form; it lapses at `expiresAt`.
 *
 * @category Schemas
 */
export const SlotHold = z.object({
  id: Id,
  slot: Slot,
  topicId: Id,
  expiresAt: IsoDateTime,
});
export type SlotHold = z.infer<typeof SlotHold>;

/**
 * The citizen's contact details. An e-mail address is needed for the confirmation.
 *
 * @category Schemas
 */
export const Citizen = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), noControlCharacters()),
  email: z.email(),
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()./-]{6,20}$/, 'Expected a phone number such as +32 470 12 34 56.'))),
  /** The language the citizen wants the confirmation and the meeting in. */
  language: Locale,
});
export type Citizen = z.infer<typeof Citizen>;

/**
 * The page the citizen booked on; the e-mailed link is this page with `#blauw-manage=<token>`.
 * An absolute http(s) URL of at most 2000 characters, without user name or password; a fragment
 * is dropped. The zone may accept only pages on its own trusted origins (else `400
 * validation_failed` at `/manageUrl`). Without it the e-mail links to the zone's own page.
 *
 * @example 'https://www.scheldegem.be/wijkagent/afspraak'
 *
 * @category Schemas
 */
export const ManageUrl = z.string().check(
  z.maxLength(2000),
  z.regex(/^https?:\/\/[^\s/?#@]+([/?#]\S*)?$/i, 'Expected the absolute http(s) URL of the page the citizen booked on.'),
  noControlCharacters(),
);
export type ManageUrl = z.infer<typeof ManageUrl>;

/**
 * The body that books a slot, held before (`holdId`) or still free.
 *
 * @category Schemas
 */
export const BookingInput = z.object({
  slotId: Id,
  holdId: z.optional(Id),
  topicId: Id,
  citizen: Citizen,
  /** A short description of the facts, when the topic asks for one. */
  facts: z.optional(z.string().check(z.maxLength(2000), noControlCharacters(true))),
  /** The page the citizen booked on; the e-mailed link is this page with `#blauw-manage=<token>`. See {@link ManageUrl}. */
  manageUrl: z.optional(ManageUrl),
});
export type BookingInput = z.infer<typeof BookingInput>;

/**
 * A booked meeting. `manageToken` is only in the answers to the citizen who booked.
 *
 * @category Schemas
 */
export const Booking = z.object({
  id: Id,
  status: z.enum(['confirmed', 'cancelled']),
  topicId: Id,
  slot: Slot,
  citizen: Citizen,
  facts: z.optional(z.string()),
  /** Raised by every reschedule and by the cancellation; the calendar file's SEQUENCE. */
  sequence: z.number().check(z.int(), z.gte(0)),
  manageToken: z.optional(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Booking = z.infer<typeof Booking>;

/**
 * The body that moves a booking to another slot (the booking keeps its id; the old slot is freed).
 *
 * @category Schemas
 */
export const RescheduleInput = z.object({
  slotId: Id,
  holdId: z.optional(Id),
});
export type RescheduleInput = z.infer<typeof RescheduleInput>;

/**
 * Parts of the day a citizen prefers for a home visit.
 *
 * @category Schemas
 */
export const DayPart = z.enum(['morning', 'afternoon', 'evening']);
export type DayPart = z.infer<typeof DayPart>;

/**
 * The body of a request for the officer to visit the citizen at home.
 *
 * @category Schemas
 */
export const HomeVisitInput = z.object({
  topicId: Id,
  address: Address,
  dayParts: z.array(DayPart).check(z.minLength(1), z.maxLength(3)),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000), noControlCharacters(true)),
  citizen: Citizen,
  /** The page the citizen asked on; the e-mailed link is this page with `#blauw-manage=<token>`. See {@link ManageUrl}. */
  manageUrl: z.optional(ManageUrl),
});
export type HomeVisitInput = z.infer<typeof HomeVisitInput>;

/**
 * A request for a home visit; the officer confirms it with a time or declines it with a message.
 *
 * @category Schemas
 */
export const HomeVisitRequest = z.object({
  id: Id,
  status: z.enum(['requested', 'confirmed', 'declined', 'cancelled']),
  topicId: Id,
  /** The neighbourhood officer of the address. */
  officerId: Id,
  officeId: Id,
  address: Address,
  dayParts: z.array(DayPart),
  reason: z.string(),
  citizen: Citizen,
  confirmedStart: z.optional(IsoDateTime),
  confirmedEnd: z.optional(IsoDateTime),
  /** The officer's message with a confirmation or a decline. */
  officerMessage: z.optional(z.string()),
  sequence: z.number().check(z.int(), z.gte(0)),
  manageToken: z.optional(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type HomeVisitRequest = z.infer<typeof HomeVisitRequest>;

/**
 * The officer's answer that confirms a home visit.
 *
 * @category Schemas
 */
export const HomeVisitConfirmation = z.object({
  start: IsoDateTime,
  durationMinutes: z.optional(z.number().check(z.int(), z.gte(5), z.lte(240))),
  message: z.optional(z.string().check(z.maxLength(1000), noControlCharacters(true))),
});
export type HomeVisitConfirmation = z.infer<typeof HomeVisitConfirmation>;

/**
 * The officer's answer that declines a home visit.
 *
 * @category Schemas
 */
export const HomeVisitDecline = z.object({
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000), noControlCharacters(true)),
});
export type HomeVisitDecline = z.infer<typeof HomeVisitDecline>;

/**
 * The officer as a citizen sees them: a name, nothing more.
 *
 * @category Schemas
 */
export const OfficerSummary = z.object({
  id: Id,
  displayName: z.string(),
});
export type OfficerSummary = z.infer<typeof OfficerSummary>;

/**
 * What a manage link shows: a booking or a home-visit request, with the topic (what to bring),
 * the office and the officer, so one request fills the page.
 *
 * @category Schemas
 */
// A plain union: TypeScript narrows it on `kind` all the same, and zod/mini's discriminatedUnion
// costs half a kilobyte more in every widget bundle.
export const Managed = z.union([
  z.object({ kind: z.literal('booking'), booking: Booking, topic: Topic, office: Office, officer: OfficerSummary }),
  z.object({ kind: z.literal('home_visit'), visit: HomeVisitRequest, topic: Topic, office: Office, officer: OfficerSummary }),
]);
export type Managed = z.infer<typeof Managed>;

/**
 * A period an officer is away (leave, training, court), as instants.
 *
 * @category Schemas
 */
export const Absence = z.object({
  id: Id,
  officerId: Id,
  from: IsoDateTime,
  to: IsoDateTime,
  reason: z.string(),
});
export type Absence = z.infer<typeof Absence>;

/**
 * The body that records an absence.
 *
 * @category Schemas
 */
export const AbsenceInput = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500), noControlCharacters(true)),
});
export type AbsenceInput = z.infer<typeof AbsenceInput>;

/**
 * An officer's agenda over a range of days: meetings, home visits and absences.
 *
 * @category Schemas
 */
export const Agenda = z.object({
  officerId: Id,
  timeZone: z.string(),
  from: IsoDate,
  to: IsoDate,
  bookings: z.array(Booking),
  homeVisits: z.array(HomeVisitRequest),
  absences: z.array(Absence),
});
export type Agenda = z.infer<typeof Agenda>;

/**
 * The problem of a `409 slot_taken`: someone else got the slot first; `nextSlots` are free ones close to it.
 *
 * @category Schemas
 */
export const SlotTakenProblem = z.looseObject({
  ...Problem.shape,
  nextSlots: z.array(Slot),
});
export type SlotTakenProblem = z.infer<typeof SlotTakenProblem>;

/**
 * A street of the zone, offered when the one a citizen typed matched no officer's.
 *
 * @category Schemas
 */
export const StreetSuggestion = z.object({
  street: z.string(),
  postalCode: z.string(),
  municipality: z.string(),
});
export type StreetSuggestion = z.infer<typeof StreetSuggestion>;

/**
 * The problem of `address_not_covered`: no neighbourhood officer covers the address. `suggestions`
 * are up to 3 streets of the zone nearest to the one given (in its postal code, or zone-wide when
 * the zone does not have that postal code), nearest first; empty when none is near.
 *
 * @category Schemas
 */
export const AddressNotCoveredProblem = z.looseObject({
  ...Problem.shape,
  suggestions: z.optional(z.array(StreetSuggestion)),
});
export type AddressNotCoveredProblem = z.infer<typeof AddressNotCoveredProblem>;

/**
 * An RFC 5545 calendar file as text. Checked only for its first line: a 200 with a gateway's HTML
 * page is not a calendar file, and the SDK says so instead of handing it out as one.
 *
 * @category Schemas
 */
export const CalendarFile = z.string().check(z.regex(/^BEGIN:VCALENDAR\r?\n/, 'Expected an iCalendar file starting with BEGIN:VCALENDAR.'));
export type CalendarFile = z.infer<typeof CalendarFile>;
