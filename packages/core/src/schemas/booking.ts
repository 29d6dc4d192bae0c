import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime, Locale } from './common.js';

// First cut: the booking issue refines these together with the domain rules.

/** A bookable time with one officer at one office. */
export const Slot = z.object({
  id: Id,
  start: IsoDateTime,
  end: IsoDateTime,
  officeId: Id,
  officerId: Id,
});
export type Slot = z.infer<typeof Slot>;

/** One day of availability in the office's time zone. */
export const AvailabilityDay = z.object({
  date: IsoDate,
  slots: z.array(Slot),
});
export type AvailabilityDay = z.infer<typeof AvailabilityDay>;

/** Availability over a range of days, as one response. */
export const Availability = z.object({
  officeId: Id,
  topicId: Id,
  timeZone: z.string(),
  days: z.array(AvailabilityDay),
  /** The first day after the range with a free slot, if any, so a widget can jump there. */
  nextFreeDate: z.nullable(IsoDate),
});
export type Availability = z.infer<typeof Availability>;

/** A short reservation of a slot while the citizen fills in the form. */
export const SlotHold = z.object({
  id: Id,
  slot: Slot,
  expiresAt: IsoDateTime,
});
export type SlotHold = z.infer<typeof SlotHold>;

/** The citizen's contact details. */
export const Citizen = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  email: z.optional(z.email()),
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()./-]{6,20}$/))),
  language: Locale,
});
export type Citizen = z.infer<typeof Citizen>;

/** The body that books a held slot. */
export const BookingInput = z.object({
  holdId: Id,
  topicId: Id,
  citizen: Citizen,
  facts: z.optional(z.string().check(z.maxLength(2000))),
});
export type BookingInput = z.infer<typeof BookingInput>;

/** A confirmed appointment. `manageToken` is returned once, to the citizen who booked. */
export const Booking = z.object({
  id: Id,
  status: z.enum(['confirmed', 'cancelled']),
  topicId: Id,
  slot: Slot,
  citizen: Citizen,
  facts: z.optional(z.string()),
  manageToken: z.optional(z.string()),
  sequence: z.number().check(z.int(), z.gte(0)),
  createdAt: IsoDateTime,
});
export type Booking = z.infer<typeof Booking>;

/** A request for the officer to visit the citizen at home; an officer confirms it later. */
export const HomeVisitRequest = z.object({
  id: Id,
  status: z.enum(['requested', 'confirmed', 'declined', 'cancelled']),
  topicId: Id,
  address: Address,
  dayParts: z.array(z.enum(['morning', 'afternoon', 'evening'])),
  reason: z.string().check(z.maxLength(2000)),
  citizen: Citizen,
  confirmedStart: z.optional(IsoDateTime),
  officerMessage: z.optional(z.string()),
  manageToken: z.optional(z.string()),
  createdAt: IsoDateTime,
});
export type HomeVisitRequest = z.infer<typeof HomeVisitRequest>;
