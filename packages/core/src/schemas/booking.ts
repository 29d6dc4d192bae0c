import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime, Locale, LocalizedText, Problem, noControlCharacters } from './common.js';
import { extensibleEnum } from './extensible-enum.js';
import { Office, Topic } from './zone.js';

/**
 * The schema of {@link Slot}.
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
/**
 * A bookable time with one officer at one office. `id` is opaque; pass it back to hold or book.
 * Instants carry the office's offset (`2027-03-29T09:30:00+02:00`).
 *
 * @category Schemas
 */
export interface Slot {
  /** Opaque; pass it back to `hold()` or `book()`. */
  id: Id;
  /** When the meeting starts, with the office's offset. */
  start: IsoDateTime;
  /** When the meeting ends, with the office's offset. */
  end: IsoDateTime;
  /** The office the meeting is at. */
  officeId: Id;
  /** The officer the meeting is with. */
  officerId: Id;
}

/**
 * The schema of {@link ClosedDay}.
 *
 * @category Schemas
 */
export const ClosedDay = z.object({
  reason: extensibleEnum(['holiday', 'closure']),
  name: z.optional(LocalizedText),
});
/**
 * Why an office is closed on a day: a public holiday (with its name), or a closure the zone recorded.
 *
 * @category Schemas
 */
export interface ClosedDay {
  /**
   * `holiday` or `closure` today. Extensible: handle unknown values (a server may add, say,
   * `election`); show the day as closed, with `name` when there is one.
   */
  reason: 'holiday' | 'closure' | (string & {});
  /** The holiday's name, e.g. `{ en: 'Easter Monday', … }`; absent for a closure. */
  name?: LocalizedText | undefined;
}

/**
 * The schema of {@link AvailabilityDay}.
 *
 * @category Schemas
 */
export const AvailabilityDay = z.object({
  date: IsoDate,
  slots: z.array(Slot),
  closed: z.optional(ClosedDay),
});
/**
 * One day of availability in the office's time zone; days without free slots have `slots: []`.
 *
 * @category Schemas
 */
export interface AvailabilityDay {
  /** The day, in the office's time zone. */
  date: IsoDate;
  /** The free slots of the day, in order; empty when none is free. */
  slots: Slot[];
  /** Set when the office is closed that day, so a calendar can say why ("Easter Monday — closed"). */
  closed?: ClosedDay | undefined;
}

/**
 * The schema of {@link Availability}.
 *
 * @category Schemas
 */
export const Availability = z.object({
  officeId: Id,
  officerId: z.nullable(Id),
  topicId: Id,
  timeZone: z.string(),
  from: IsoDate,
  to: IsoDate,
  days: z.array(AvailabilityDay),
  nextFreeDate: z.nullable(IsoDate),
});
/**
 * Free slots over a range of days (up to about two months), as one response.
 *
 * @category Schemas
 */
export interface Availability {
  /** The office the slots are at. */
  officeId: Id;
  /** Set when the availability is that of one officer. */
  officerId: Id | null;
  /** The topic the slots are for (its duration sets their length). */
  topicId: Id;
  /** The office's time zone; dates and times are meant there. */
  timeZone: string;
  /** The first day, inclusive. */
  from: IsoDate;
  /** The last day, inclusive. */
  to: IsoDate;
  /** Every date from `from` to `to`, in order. */
  days: AvailabilityDay[];
  /** The first date after `to` with a free slot within the booking horizon, so a widget can jump there. */
  nextFreeDate: IsoDate | null;
}

/**
 * The schema of {@link SlotHoldInput}.
 *
 * @category Schemas
 */
export const SlotHoldInput = z.object({
  slotId: Id,
  topicId: Id,
});
/**
 * The body that holds a slot while the citizen fills in the form.
 *
 * @category Schemas
 */
export interface SlotHoldInput {
  /** The slot to hold. */
  slotId: Id;
  /** The topic the meeting is about. */
  topicId: Id;
}

/**
 * The schema of {@link SlotHold}.
 *
 * @category Schemas
 */
export const SlotHold = z.object({
  id: Id,
  slot: Slot,
  topicId: Id,
  expiresAt: IsoDateTime,
});
/**
 * A short reservation of a slot while the citizen fills in the form; it lapses at `expiresAt`.
 *
 * @category Schemas
 */
export interface SlotHold {
  /** The hold's id; pass it to `book()` as `holdId`. */
  id: Id;
  /** The slot held. */
  slot: Slot;
  /** The topic the meeting is about. */
  topicId: Id;
  /** When the hold lapses and the slot is free for others again. */
  expiresAt: IsoDateTime;
}

/**
 * The schema of {@link Citizen}.
 *
 * @category Schemas
 */
export const Citizen = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), noControlCharacters()),
  email: z.email(),
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()./-]{6,20}$/, 'Expected a phone number such as +32 470 12 34 56.'))),
  language: Locale,
});
/**
 * The citizen's contact details. An e-mail address is needed for the confirmation.
 *
 * @category Schemas
 */
export interface Citizen {
  /** The citizen's name, 1–200 characters on one line (trimmed). */
  name: string;
  /** Where the confirmation and the manage link are sent. */
  email: string;
  /** A phone number such as `+32 470 12 34 56`, to call if the officer is delayed. */
  phone?: string | undefined;
  /** The language the citizen wants the confirmation and the meeting in. */
  language: Locale;
}

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
 * The schema of {@link BookingInput}.
 *
 * @category Schemas
 */
export const BookingInput = z.object({
  slotId: Id,
  holdId: z.optional(Id),
  topicId: Id,
  citizen: Citizen,
  facts: z.optional(z.string().check(z.maxLength(2000), noControlCharacters(true))),
  manageUrl: z.optional(ManageUrl),
});
/**
 * The body that books a slot, held before (`holdId`) or still free.
 *
 * @category Schemas
 */
export interface BookingInput {
  /** The slot to book. */
  slotId: Id;
  /** The citizen's hold on the slot, if they held it. */
  holdId?: Id | undefined;
  /** The topic the meeting is about. */
  topicId: Id;
  /** Who books. */
  citizen: Citizen;
  /** A short description of the facts, when the topic asks for one (at most 2000 characters). */
  facts?: string | undefined;
  /** The page the citizen booked on; the e-mailed link is this page with `#blauw-manage=<token>`. See {@link ManageUrl}. */
  manageUrl?: ManageUrl | undefined;
}

/**
 * The schema of {@link Booking}.
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
  sequence: z.number().check(z.int(), z.gte(0)),
  manageToken: z.optional(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
/**
 * A booked meeting. `manageToken` is only in the answers to the citizen who booked.
 *
 * @category Schemas
 */
export interface Booking {
  /** The booking's id. */
  id: Id;
  /** Closed: a client offers rescheduling, cancelling and a calendar file by it, so a new status is a new API version. */
  status: 'confirmed' | 'cancelled';
  /** The topic the meeting is about. */
  topicId: Id;
  /** When, where and with whom. */
  slot: Slot;
  /** Who booked. */
  citizen: Citizen;
  /** The facts the citizen described, if the topic asked. */
  facts?: string | undefined;
  /** Raised by every reschedule and by the cancellation; the calendar file's SEQUENCE. */
  sequence: number;
  /** The secret of the manage link; only in the answers to the citizen who booked. */
  manageToken?: string | undefined;
  /** When the booking was made. */
  createdAt: IsoDateTime;
  /** When the booking last changed. */
  updatedAt: IsoDateTime;
}

/**
 * The schema of {@link RescheduleInput}.
 *
 * @category Schemas
 */
export const RescheduleInput = z.object({
  slotId: Id,
  holdId: z.optional(Id),
});
/**
 * The body that moves a booking to another slot (the booking keeps its id; the old slot is freed).
 *
 * @category Schemas
 */
export interface RescheduleInput {
  /** The new slot. */
  slotId: Id;
  /** The citizen's hold on the new slot, if they held it. */
  holdId?: Id | undefined;
}

/**
 * Parts of the day a citizen prefers for a home visit.
 *
 * @category Schemas
 */
export const DayPart = z.enum(['morning', 'afternoon', 'evening']);
export type DayPart = z.infer<typeof DayPart>;

/**
 * The schema of {@link HomeVisitInput}.
 *
 * @category Schemas
 */
export const HomeVisitInput = z.object({
  topicId: Id,
  address: Address,
  dayParts: z.array(DayPart).check(z.minLength(1), z.maxLength(3)),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000), noControlCharacters(true)),
  citizen: Citizen,
  manageUrl: z.optional(ManageUrl),
});
/**
 * The body of a request for the officer to visit the citizen at home.
 *
 * @category Schemas
 */
export interface HomeVisitInput {
  /** The topic of the visit; it must allow home visits. */
  topicId: Id;
  /** Where the officer should come. */
  address: Address;
  /** When the citizen prefers the visit, one to three parts of the day. */
  dayParts: DayPart[];
  /** Why the citizen asks for a visit (1–2000 characters, trimmed). */
  reason: string;
  /** Who asks. */
  citizen: Citizen;
  /** The page the citizen asked on; the e-mailed link is this page with `#blauw-manage=<token>`. See {@link ManageUrl}. */
  manageUrl?: ManageUrl | undefined;
}

/**
 * The schema of {@link HomeVisitRequest}.
 *
 * @category Schemas
 */
export const HomeVisitRequest = z.object({
  id: Id,
  status: z.enum(['requested', 'confirmed', 'declined', 'cancelled']),
  topicId: Id,
  officerId: Id,
  officeId: Id,
  address: Address,
  dayParts: z.array(DayPart),
  reason: z.string(),
  citizen: Citizen,
  confirmedStart: z.optional(IsoDateTime),
  confirmedEnd: z.optional(IsoDateTime),
  officerMessage: z.optional(z.string()),
  sequence: z.number().check(z.int(), z.gte(0)),
  manageToken: z.optional(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
/**
 * A request for a home visit; the officer confirms it with a time or declines it with a message.
 *
 * @category Schemas
 */
export interface HomeVisitRequest {
  /** The request's id. */
  id: Id;
  /** Closed: a client offers cancelling, a calendar file or a new request by it, so a new status is a new API version. */
  status: 'requested' | 'confirmed' | 'declined' | 'cancelled';
  /** The topic of the visit. */
  topicId: Id;
  /** The neighbourhood officer of the address. */
  officerId: Id;
  /** The officer's office. */
  officeId: Id;
  /** Where the officer should come. */
  address: Address;
  /** When the citizen prefers the visit. */
  dayParts: DayPart[];
  /** Why the citizen asks for a visit. */
  reason: string;
  /** Who asks. */
  citizen: Citizen;
  /** When the visit starts, once the officer confirmed it. */
  confirmedStart?: IsoDateTime | undefined;
  /** When the visit ends, once the officer confirmed it. */
  confirmedEnd?: IsoDateTime | undefined;
  /** The officer's message with a confirmation or a decline. */
  officerMessage?: string | undefined;
  /** Raised by every change; the calendar file's SEQUENCE. */
  sequence: number;
  /** The secret of the manage link; only in the answers to the citizen who asked. */
  manageToken?: string | undefined;
  /** When the request was made. */
  createdAt: IsoDateTime;
  /** When the request last changed. */
  updatedAt: IsoDateTime;
}

/**
 * The schema of {@link HomeVisitConfirmation}.
 *
 * @category Schemas
 */
export const HomeVisitConfirmation = z.object({
  start: IsoDateTime,
  durationMinutes: z.optional(z.number().check(z.int(), z.gte(5), z.lte(240))),
  message: z.optional(z.string().check(z.maxLength(1000), noControlCharacters(true))),
});
/**
 * The officer's answer that confirms a home visit.
 *
 * @category Schemas
 */
export interface HomeVisitConfirmation {
  /** When the visit starts. */
  start: IsoDateTime;
  /** How long the visit takes, 5–240 minutes; the topic's duration when absent. */
  durationMinutes?: number | undefined;
  /** A message to the citizen, at most 1000 characters. */
  message?: string | undefined;
}

/**
 * The schema of {@link HomeVisitDecline}.
 *
 * @category Schemas
 */
export const HomeVisitDecline = z.object({
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000), noControlCharacters(true)),
});
/**
 * The officer's answer that declines a home visit.
 *
 * @category Schemas
 */
export interface HomeVisitDecline {
  /** Why the officer declines, for the citizen (1–1000 characters, trimmed). */
  message: string;
}

/**
 * The schema of {@link OfficerSummary}.
 *
 * @category Schemas
 */
export const OfficerSummary = z.object({
  id: Id,
  displayName: z.string(),
});
/**
 * The officer as a citizen sees them: a name, nothing more.
 *
 * @category Schemas
 */
export interface OfficerSummary {
  /** The officer's id. */
  id: Id;
  /** The name citizens see. */
  displayName: string;
}

/**
 * The schema of {@link Managed}.
 *
 * @category Schemas
 */
// A plain union: TypeScript narrows it on `kind` all the same, and zod/mini's discriminatedUnion
// costs half a kilobyte more in every widget bundle.
export const Managed = z.union([
  z.object({ kind: z.literal('booking'), booking: Booking, topic: Topic, office: Office, officer: OfficerSummary }),
  z.object({ kind: z.literal('home_visit'), visit: HomeVisitRequest, topic: Topic, office: Office, officer: OfficerSummary }),
]);
/**
 * What a manage link shows: a booking or a home-visit request, with the topic (what to bring),
 * the office and the officer, so one request fills the page.
 *
 * @category Schemas
 */
export type Managed = ManagedBooking | ManagedHomeVisit;

/**
 * What a manage link shows for a booking.
 *
 * @category Schemas
 */
export interface ManagedBooking {
  /** Closed: one kind per member of {@link Managed}. */
  kind: 'booking';
  /** The booking. */
  booking: Booking;
  /** Its topic, with what to bring. */
  topic: Topic;
  /** The office the meeting is at. */
  office: Office;
  /** The officer the meeting is with. */
  officer: OfficerSummary;
}

/**
 * What a manage link shows for a home-visit request.
 *
 * @category Schemas
 */
export interface ManagedHomeVisit {
  /** Closed: one kind per member of {@link Managed}. */
  kind: 'home_visit';
  /** The request. */
  visit: HomeVisitRequest;
  /** Its topic. */
  topic: Topic;
  /** The officer's office. */
  office: Office;
  /** The officer who would come. */
  officer: OfficerSummary;
}

/**
 * The schema of {@link Absence}.
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
/**
 * A period an officer is away (leave, training, court), as instants.
 *
 * @category Schemas
 */
export interface Absence {
  /** The absence's id. */
  id: Id;
  /** The officer who is away. */
  officerId: Id;
  /** When the absence starts. */
  from: IsoDateTime;
  /** When the absence ends. */
  to: IsoDateTime;
  /** Why, as staff wrote it. */
  reason: string;
}

/**
 * The schema of {@link AbsenceInput}.
 *
 * @category Schemas
 */
export const AbsenceInput = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500), noControlCharacters(true)),
});
/**
 * The body that records an absence.
 *
 * @category Schemas
 */
export interface AbsenceInput {
  /** When the absence starts. */
  from: IsoDateTime;
  /** When the absence ends. */
  to: IsoDateTime;
  /** Why (1–500 characters, trimmed). */
  reason: string;
}

/**
 * The schema of {@link Agenda}.
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
/**
 * An officer's agenda over a range of days: meetings, home visits and absences.
 *
 * @category Schemas
 */
export interface Agenda {
  /** Whose agenda. */
  officerId: Id;
  /** The officer's office's time zone; `from` and `to` are meant there. */
  timeZone: string;
  /** The first day, inclusive. */
  from: IsoDate;
  /** The last day, inclusive. */
  to: IsoDate;
  /** Meetings booked with the officer. */
  bookings: Booking[];
  /** Home visits asked of the officer. */
  homeVisits: HomeVisitRequest[];
  /** The officer's absences. */
  absences: Absence[];
}

/**
 * The schema of {@link SlotTakenProblem}.
 *
 * @category Schemas
 */
export const SlotTakenProblem = z.looseObject({
  ...Problem.shape,
  nextSlots: z.array(Slot),
});
/**
 * The problem of a `409 slot_taken`: someone else got the slot first; `nextSlots` are free ones close to it.
 *
 * @category Schemas
 */
export interface SlotTakenProblem extends Problem {
  /** Free slots close to the one taken, to offer instead. */
  nextSlots: Slot[];
}

/**
 * The schema of {@link StreetSuggestion}.
 *
 * @category Schemas
 */
export const StreetSuggestion = z.object({
  street: z.string(),
  postalCode: z.string(),
  municipality: z.string(),
});
/**
 * A street of the zone, offered when the one a citizen typed matched no officer's.
 *
 * @category Schemas
 */
export interface StreetSuggestion {
  /** The street's name. */
  street: string;
  /** Its postal code. */
  postalCode: string;
  /** Its municipality. */
  municipality: string;
}

/**
 * The schema of {@link AddressNotCoveredProblem}.
 *
 * @category Schemas
 */
export const AddressNotCoveredProblem = z.looseObject({
  ...Problem.shape,
  suggestions: z.optional(z.array(StreetSuggestion)),
});
/**
 * The problem of `address_not_covered`: no neighbourhood officer covers the address. `suggestions`
 * are up to 3 streets of the zone nearest to the one given (in its postal code, or zone-wide when
 * the zone does not have that postal code), nearest first; empty when none is near.
 *
 * @category Schemas
 */
export interface AddressNotCoveredProblem extends Problem {
  /** Up to 3 streets of the zone near the one given, nearest first. */
  suggestions?: StreetSuggestion[] | undefined;
}

/**
 * An RFC 5545 calendar file as text. Checked only for its first line: a 200 with a gateway's HTML
 * page is not a calendar file, and the SDK says so instead of handing it out as one.
 *
 * @category Schemas
 */
export const CalendarFile = z.string().check(z.regex(/^BEGIN:VCALENDAR\r?\n/, 'Expected an iCalendar file starting with BEGIN:VCALENDAR.'));
export type CalendarFile = z.infer<typeof CalendarFile>;
