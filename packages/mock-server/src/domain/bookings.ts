import type {
  Absence,
  AbsenceInput,
  Agenda,
  Availability,
  Booking,
  BookingInput,
  HomeVisitConfirmation,
  HomeVisitDecline,
  HomeVisitInput,
  HomeVisitRequest,
  Locale,
  Managed,
  Office,
  Officer,
  RescheduleInput,
  Session,
  Slot,
  SlotHold,
  SlotHoldInput,
  Topic,
} from '@blauw/core';
import { calendarFile, calendarFileName, type CalendarEvent } from './calendar-file.js';
import type { Clock } from './clock.js';
import { addressLine, confirmationMail, type ConfirmationKind } from './confirmation-mail.js';
import { BusyIndex } from './busy-index.js';
import { DomainError } from './domain-error.js';
import { SlotHolds } from './holds.js';
import { HomeVisits, topicFor, visitNotFound, type HomeVisitRecord } from './home-visits.js';
import { Mailbox } from './mailbox.js';
import { mailboxOnlyMailer, type Mailer } from './mailer.js';
import { availabilityDays, isFree, overlaps, parseSlotId, slotsAfter, type Interval, type SlotContext, type SlotReference } from './slots.js';
import { randomToken } from './tokens.js';
import type { ZoneStore } from './zone-store.js';
import { addDays, daysBetween, formatZoned, zonedTimeToInstant } from './zoned-time.js';

// The booking side of the backend: availability, holds, bookings, manage links, home visits,
// absences and agendas. Every method is synchronous: a check and the write it guards happen in
// one JavaScript turn, so concurrent HTTP requests are served one after the other and two
// citizens can never end up with the same slot.

/** The longest range one availability or agenda request may span, in days (inclusive). */
export const MAX_RANGE_DAYS = 62;
/** How many alternatives a `409 slot_taken` proposes. */
export const NEXT_SLOTS = 5;
/** The domain of calendar UIDs: `${randomUUID}@blauw.example`. */
export const CALENDAR_UID_DOMAIN = 'blauw.example';

/**
 * A new calendar UID: a random UUID, so no two servers (or resets) ever give two events the
 * same one; calendar apps would merge them. Made once per booking or visit and kept across
 * reschedules, so the app updates the event instead of adding another.
 */
export function newCalendarUid(): string {
  // In browsers randomUUID needs a secure context, as service workers (msw) do anyway.
  return `${globalThis.crypto.randomUUID()}@${CALENDAR_UID_DOMAIN}`;
}

/** A booking as the server keeps it: the manage token is always there. */
type BookingRecord = Booking & { manageToken: string };

/** The page the e-mailed manage link opens when a request names none, on the server's origin. */
export const DEFAULT_MANAGE_PAGE = '/demo/municipality.html';

/**
 * The default manage page: {@link DEFAULT_MANAGE_PAGE} on the origin the code runs on (a page or
 * a service worker), else on `http://localhost:8787`. The Node server passes its own URL instead.
 */
export function defaultManageUrl(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return new URL(DEFAULT_MANAGE_PAGE, origin && origin !== 'null' ? origin : 'http://localhost:8787').href;
}

/** Who acts on an officer's agenda: an officer (only their own) or a supervisor (any). */
export type Actor = Session;

/** Options of {@link BookingDesk}. */
export interface BookingDeskOptions {
  directory: ZoneStore;
  clock: Clock;
  /** Absences the zone starts with (seeded). */
  absences?: readonly Absence[] | undefined;
  /** How long a hold lasts; default 5 minutes. */
  holdTtlMs?: number | undefined;
  /** Sends the confirmation e-mails. Default: nothing leaves; they only land in the mailbox. */
  mailer?: Mailer | undefined;
  /** Keeps every e-mail sent, with its outcome. Default: a mailbox of its own. */
  mailbox?: Mailbox | undefined;
  /**
   * The page the e-mailed manage link opens when a request names no `manageUrl`; the link is it
   * plus `#blauw-manage=<token>`. Default {@link defaultManageUrl}.
   */
  manageUrl?: (() => string) | undefined;
  /**
   * Origins a request's `manageUrl` may be on (an e-mail must never carry a link to a site the
   * zone does not trust). Default: any.
   */
  manageOrigins?: readonly string[] | undefined;
}

/** The query of an availability request; `officeId` or `officerId` is required. */
export interface AvailabilityQuery {
  topicId: string;
  officeId?: string | undefined;
  officerId?: string | undefined;
  from: string;
  to: string;
}

/**
 * The booking rules with their state. Pure TypeScript: runs in Node, a browser or a service
 * worker.
 *
 * @example
 * ```ts
 * const desk = zone.bookings;
 * const month = desk.availability({ officeId, topicId: 'topic-domicile', from: '2027-03-01', to: '2027-03-31' });
 * const hold = desk.hold({ slotId: month.days[0].slots[0].id, topicId: 'topic-domicile' });
 * const booking = desk.book({ slotId: hold.slot.id, holdId: hold.id, topicId: 'topic-domicile', citizen });
 * ```
 */
export class BookingDesk {
  readonly #directory: ZoneStore;
  readonly #clock: Clock;
  readonly #holds: SlotHolds;
  readonly #visits: HomeVisits;
  readonly #bookings = new Map<string, BookingRecord>();
  /** Booking ids by manage token, so a manage link is found without a scan. */
  readonly #bookingByToken = new Map<string, string>();
  /**
   * Confirmed bookings and confirmed home visits by officer and day, kept up to date on every
   * book, reschedule, confirm and cancel: availability reads this, never the history above.
   */
  readonly #busyIndex = new BusyIndex();
  /** What the server keeps of a booking or visit and never shows: its calendar UID and the page its link opens. */
  readonly #private = new Map<string, { calendarUid: string; manageUrl: string | undefined }>();
  readonly #mailer: Mailer;
  readonly #manageUrl: () => string;
  readonly #manageOrigins: ReadonlySet<string> | undefined;
  /** The e-mails sent to citizens, with their outcome. */
  readonly mailbox: Mailbox;
  #absences: Absence[] = [];
  #bookingSequence = 0;
  #absenceSequence = 0;

  constructor(options: BookingDeskOptions) {
    this.#directory = options.directory;
    this.#clock = options.clock;
    this.#holds = new SlotHolds({ clock: options.clock, ttlMs: options.holdTtlMs });
    this.#visits = new HomeVisits({ directory: options.directory, clock: options.clock });
    this.#mailer = options.mailer ?? mailboxOnlyMailer;
    this.mailbox = options.mailbox ?? new Mailbox({ clock: options.clock, timeZone: options.directory.timeZone });
    this.#manageUrl = options.manageUrl ?? defaultManageUrl;
    this.#manageOrigins = options.manageOrigins === undefined ? undefined : new Set(options.manageOrigins);
    this.replace(options.absences ?? []);
  }

  /** Starts over: no holds, bookings, visits or e-mails; the given absences. */
  replace(absences: readonly Absence[]): void {
    this.#holds.clear();
    this.#visits.clear();
    this.#bookings.clear();
    this.#bookingByToken.clear();
    this.#busyIndex.clear();
    this.#private.clear();
    this.mailbox.clear();
    this.#absences = absences.map((absence) => ({ ...absence }));
    this.#bookingSequence = 0;
    this.#absenceSequence = absences.length;
  }

  /**
   * Free slots from `from` to `to` (at most {@link MAX_RANGE_DAYS} days): of an office (one per
   * start time, the first free officer) or of one officer.
   *
   * @throws DomainError 400 for a missing office/officer or a bad range; 404 for unknown ids.
   */
  availability(query: AvailabilityQuery): Availability {
    if (query.officeId === undefined && query.officerId === undefined) {
      throw invalid('Say whose availability: an office or an officer.', '/query/officeId', 'Give officeId or officerId.');
    }
    checkRange(query.from, query.to);
    const topic = this.#directory.getTopic(query.topicId);
    let office: Office;
    let officerIds: string[];
    if (query.officerId !== undefined) {
      const officer = this.#directory.getOfficer(query.officerId);
      if (query.officeId !== undefined && query.officeId !== officer.officeId) {
        throw invalid('The officer does not work at that office.', '/query/officerId', `Officer ${officer.id} works at ${officer.officeId}.`);
      }
      office = this.#directory.getOffice(officer.officeId);
      officerIds = [officer.id];
    } else {
      office = this.#directory.getOffice(query.officeId as string);
      officerIds = this.#officersOf(office.id).map((officer) => officer.id);
    }
    const context = this.#context(office, topic, officerIds);
    return {
      officeId: office.id,
      officerId: query.officerId ?? null,
      topicId: topic.id,
      timeZone: office.timeZone,
      from: query.from,
      to: query.to,
      ...availabilityDays(context, query.from, query.to),
    };
  }

  /**
   * Holds a free slot for a few minutes while the citizen fills in the form.
   *
   * @throws DomainError 409 `slot_taken` (with `nextSlots`) when it is not free, 409
   *   `hold_limit_reached` when `client` may hold no more (the caller's address over HTTP; in-process
   *   callers that name none are not limited).
   */
  hold(input: SlotHoldInput, client?: string): SlotHold {
    this.#holds.prune();
    const { slot } = this.#claim(input.slotId, input.topicId, {});
    const hold = this.#holds.add(slot, input.topicId, client);
    return { id: hold.id, slot: hold.slot, topicId: hold.topicId, expiresAt: formatZoned(hold.expiresAt, this.#officeOfSlot(slot).timeZone) };
  }

  /** Releases a hold (the citizen went back). Releasing twice is fine. @throws DomainError 404 `hold_not_found` */
  releaseHold(holdId: string): void {
    if (!this.#holds.get(holdId)) throw new DomainError('not_found', 'hold_not_found', `There is no hold ${holdId}; it may have been released long ago.`);
    this.#holds.release(holdId);
  }

  /**
   * Books a slot that is free or held by `holdId`. A hold that expired still counts when nobody
   * took the slot meanwhile: the citizen's phone may have slept.
   *
   * The citizen gets a confirmation e-mail with the calendar file and the manage link.
   *
   * @throws DomainError 400 (`/facts` when the topic asks for them, `/manageUrl` on an origin the
   *   zone does not trust), 409 `slot_taken`.
   */
  book(input: BookingInput): Booking {
    const topic = topicFor(this.#directory, input.topicId);
    const manageUrl = this.#managePage(input.manageUrl);
    const facts = input.facts?.trim();
    if (topic.asksFacts && !facts) {
      throw invalid('This topic needs a short description of the facts.', '/facts', 'Describe briefly what happened, so the officer can prepare.');
    }
    const { slot } = this.#claim(input.slotId, input.topicId, { holdId: input.holdId });
    if (input.holdId !== undefined) this.#holds.release(input.holdId);
    const now = formatZoned(this.#clock.now(), this.#officeOfSlot(slot).timeZone);
    this.#bookingSequence += 1;
    const booking: BookingRecord = {
      id: `booking-${this.#bookingSequence}`,
      status: 'confirmed',
      topicId: topic.id,
      slot,
      citizen: input.citizen,
      ...(facts ? { facts } : {}),
      sequence: 0,
      manageToken: randomToken(),
      createdAt: now,
      updatedAt: now,
    };
    this.#bookings.set(booking.id, booking);
    this.#bookingByToken.set(booking.manageToken, booking.id);
    this.#busyIndex.set(booking.id, slot.officerId, spanOf(slot));
    this.#private.set(booking.id, { calendarUid: newCalendarUid(), manageUrl });
    this.#mailBooking('booked', booking);
    return structuredClone(booking);
  }

  /** What a manage link shows. @throws DomainError 404 `manage_link_not_found` */
  manage(token: string): Managed {
    const found = this.#byToken(token);
    if (found.kind === 'booking') return this.#managedBooking(found.booking);
    return this.#managedVisit(found.visit);
  }

  /**
   * Moves a booking to another slot of the same topic: same booking id, old slot freed,
   * sequence raised.
   *
   * @throws DomainError 409 `slot_taken`, 409 `booking_cancelled`, 409 `visit_not_reschedulable`.
   */
  reschedule(token: string, input: RescheduleInput): Managed {
    const found = this.#byToken(token);
    if (found.kind === 'home_visit') {
      throw new DomainError('conflict', 'visit_not_reschedulable', 'A home visit is not moved by the citizen; cancel it and ask again, or call the office.');
    }
    const booking = found.booking;
    if (booking.status === 'cancelled') throw new DomainError('conflict', 'booking_cancelled', 'This booking was cancelled; book a new meeting instead.');
    const { slot } = this.#claim(input.slotId, booking.topicId, { holdId: input.holdId, bookingId: booking.id });
    if (input.holdId !== undefined) this.#holds.release(input.holdId);
    booking.slot = slot;
    this.#busyIndex.set(booking.id, slot.officerId, spanOf(slot));
    this.#touch(booking);
    this.#mailBooking('rescheduled', booking);
    return this.#managedBooking(booking);
  }

  /**
   * Cancels a booking or a home-visit request; the slot is free again. Cancelling twice answers
   * the same, unchanged (a retried click must not fail).
   */
  cancel(token: string): Managed {
    const found = this.#byToken(token);
    if (found.kind === 'home_visit') {
      const before = found.visit.status;
      const visit = this.#visits.cancel(found.visit.id);
      this.#busyIndex.delete(visit.id);
      if (before !== 'cancelled') this.#mailVisit('visit_cancelled', visit);
      return this.#managedVisit(visit);
    }
    const booking = found.booking;
    if (booking.status !== 'cancelled') {
      booking.status = 'cancelled';
      this.#busyIndex.delete(booking.id);
      this.#touch(booking);
      this.#mailBooking('booking_cancelled', booking);
    }
    return this.#managedBooking(booking);
  }

  /**
   * The RFC 5545 calendar file of a booking or a confirmed home visit (a cancellation after
   * cancel), in the citizen's language.
   *
   * @throws DomainError 409 `visit_not_confirmed` for a visit without a time.
   */
  calendar(token: string): string {
    return this.#calendarOf(this.#byToken(token));
  }

  /**
   * The calendar file of a manage link with the name to offer it under, in the citizen's
   * language (`afspraak.ics`, or `annulering.ics` after a cancellation).
   *
   * @throws DomainError as {@link BookingDesk.calendar}.
   */
  calendarDownload(token: string): { filename: string; text: string } {
    const found = this.#byToken(token);
    const text = this.#calendarOf(found);
    const item = found.kind === 'booking' ? found.booking : found.visit;
    return { filename: calendarFileName(item.citizen.language, item.status === 'cancelled'), text };
  }

  #calendarOf(found: { kind: 'booking'; booking: BookingRecord } | { kind: 'home_visit'; visit: HomeVisitRecord }): string {
    const stamp = this.#clock.now();
    if (found.kind === 'booking') {
      const { booking } = found;
      const topic = this.#directory.getTopic(booking.topicId);
      const office = this.#directory.getOffice(booking.slot.officeId);
      const officer = this.#directory.getOfficer(booking.slot.officerId);
      return calendarFile({
        ...eventTexts(topic, booking.citizen.language, officer.displayName),
        uid: this.#calendarUid(booking.id),
        sequence: booking.sequence,
        stamp,
        start: new Date(booking.slot.start),
        end: new Date(booking.slot.end),
        timeZone: office.timeZone,
        location: `${office.name}, ${addressLine(office.address)}`,
        status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        organizer: office.email ? { name: office.name, email: office.email } : undefined,
      });
    }
    const { visit } = found;
    if (visit.confirmedStart === undefined || visit.confirmedEnd === undefined) {
      throw new DomainError('conflict', 'visit_not_confirmed', 'The officer has not given this visit a time yet; the calendar file comes with the confirmation.');
    }
    const topic = this.#directory.getTopic(visit.topicId);
    const office = this.#directory.getOffice(visit.officeId);
    const officer = this.#directory.getOfficer(visit.officerId);
    const texts = eventTexts(topic, visit.citizen.language, officer.displayName);
    return calendarFile({
      ...texts,
      summary: `${HOME_VISIT[visit.citizen.language]}: ${texts.summary}`,
      uid: this.#calendarUid(visit.id),
      sequence: visit.sequence,
      stamp,
      start: new Date(visit.confirmedStart),
      end: new Date(visit.confirmedEnd),
      timeZone: office.timeZone,
      location: addressLine(visit.address),
      status: visit.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      organizer: office.email ? { name: office.name, email: office.email } : undefined,
    });
  }

  /**
   * A request for a home visit, given to the officer of the address (see
   * {@link HomeVisits.request}). The citizen gets an e-mail saying it is a request until the
   * officer confirms it.
   *
   * @throws DomainError as {@link HomeVisits.request}; 400 `/manageUrl` on an origin the zone does not trust.
   */
  requestHomeVisit(input: HomeVisitInput): HomeVisitRequest {
    const manageUrl = this.#managePage(input.manageUrl);
    const visit = this.#visits.request(input);
    this.#private.set(visit.id, { calendarUid: newCalendarUid(), manageUrl });
    this.#mailVisit('visit_requested', visit);
    return structuredClone(visit);
  }

  /**
   * The officer of the visit (or a supervisor) confirms it with a time.
   *
   * @throws DomainError 404 `home_visit_not_found` also for another officer's visit.
   */
  confirmHomeVisit(actor: Actor, visitId: string, input: HomeVisitConfirmation): HomeVisitRequest {
    this.#visitOf(actor, visitId);
    const confirmed = this.#visits.confirm(visitId, input, (officerId, span) =>
      this.#busy(officerId, {}, span).some((busy) => overlaps(busy, span)),
    );
    this.#busyIndex.set(confirmed.id, confirmed.officerId, { start: Date.parse(confirmed.confirmedStart as string), end: Date.parse(confirmed.confirmedEnd as string) });
    this.#mailVisit('visit_confirmed', confirmed);
    return withoutToken(confirmed);
  }

  /**
   * The officer of the visit (or a supervisor) declines it with a message.
   *
   * @throws DomainError 404 `home_visit_not_found` also for another officer's visit.
   */
  declineHomeVisit(actor: Actor, visitId: string, input: HomeVisitDecline): HomeVisitRequest {
    this.#visitOf(actor, visitId);
    const declined = this.#visits.decline(visitId, input);
    this.#mailVisit('visit_declined', declined);
    return withoutToken(declined);
  }

  /**
   * A visit the actor may act on: their own, or any for a supervisor. Another officer's visit is
   * "not found", exactly as one that does not exist (a 403 would tell that it exists, and whose).
   */
  #visitOf(actor: Actor, visitId: string): HomeVisitRecord {
    const visit = this.#visits.get(visitId);
    if (actor.role !== 'supervisor' && actor.officerId !== visit.officerId) throw visitNotFound(visitId);
    return visit;
  }

  /**
   * An officer's agenda: confirmed bookings and home visits in the range, open visit requests,
   * and absences overlapping it. Dates are meant in the officer's office zone.
   */
  agenda(actor: Actor, officerId: string, range: { from: string; to: string }): Agenda {
    const officer = this.#directory.getOfficer(officerId);
    mayActFor(actor, officer.id);
    checkRange(range.from, range.to);
    const { timeZone } = this.#directory.getOffice(officer.officeId);
    const start = zonedTimeToInstant(range.from, '00:00', timeZone).getTime();
    const end = zonedTimeToInstant(addDays(range.to, 1), '00:00', timeZone).getTime();
    const span = { start, end };
    const inRange = (from: string, to: string) => overlaps({ start: Date.parse(from), end: Date.parse(to) }, span);
    const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
    const bookings = this.#busyIndex
      .during(officer.id, span)
      .map(({ key }) => this.#bookings.get(key))
      .filter((booking): booking is BookingRecord => booking !== undefined && booking.status === 'confirmed')
      .map((booking) => ({ start: Date.parse(booking.slot.start), item: withoutToken(booking) }))
      .sort(byStart)
      .map((entry) => entry.item);
    const homeVisits = this.#visits
      .forOfficer(officer.id)
      .filter(
        (visit) =>
          visit.status === 'requested' ||
          (visit.status === 'confirmed' && inRange(visit.confirmedStart as string, visit.confirmedEnd as string)),
      )
      .map(withoutToken);
    const absences = this.#absences
      .filter((absence) => absence.officerId === officer.id && inRange(absence.from, absence.to))
      .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
      .map((absence) => ({ ...absence }));
    return { officerId: officer.id, timeZone, from: range.from, to: range.to, bookings, homeVisits, absences };
  }

  /**
   * Records that an officer is away. Their free slots in that time disappear; meetings already
   * booked stay (the office calls those citizens).
   *
   * @throws DomainError 400 (`/to`) when it does not end after it starts; 403 for another officer.
   */
  addAbsence(actor: Actor, officerId: string, input: AbsenceInput): Absence {
    const officer = this.#directory.getOfficer(officerId);
    mayActFor(actor, officer.id);
    if (Date.parse(input.to) <= Date.parse(input.from)) throw invalid('The absence ends before it starts.', '/to', `Must be after ${input.from}.`);
    const { timeZone } = this.#directory.getOffice(officer.officeId);
    this.#absenceSequence += 1;
    const absence: Absence = {
      id: `absence-${this.#absenceSequence}`,
      officerId: officer.id,
      from: formatZoned(Date.parse(input.from), timeZone),
      to: formatZoned(Date.parse(input.to), timeZone),
      reason: input.reason,
    };
    this.#absences.push(absence);
    return { ...absence };
  }

  /**
   * The page a request's manage link opens, without its fragment; undefined for the default.
   * Its origin must be one the zone trusts, when the zone names them.
   */
  #managePage(manageUrl: string | undefined): string | undefined {
    if (manageUrl === undefined) return undefined;
    const url = URL.canParse(manageUrl) ? new URL(manageUrl) : undefined;
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw invalid('The manage page is not an http(s) URL.', '/manageUrl', 'Give the absolute http(s) URL of the page the citizen booked on.');
    }
    if (this.#manageOrigins !== undefined && !this.#manageOrigins.has(url.origin)) {
      throw invalid('The manage page is on a site this zone does not trust.', '/manageUrl', 'Use a page on one of the origins the zone allows.');
    }
    url.hash = '';
    return url.href;
  }

  #calendarUid(id: string): string {
    const kept = this.#private.get(id);
    if (!kept) throw new Error(`No calendar UID was made for ${id}.`);
    return kept.calendarUid;
  }

  /** The manage link of a booking or visit: its page with the token in the fragment only. */
  #manageLink(item: { id: string; manageToken: string }): string {
    const page = this.#private.get(item.id)?.manageUrl ?? this.#manageUrl();
    return `${page.replace(/#.*$/, '')}#blauw-manage=${item.manageToken}`;
  }

  #mailBooking(kind: ConfirmationKind, booking: BookingRecord): void {
    const office = this.#directory.getOffice(booking.slot.officeId);
    this.mailbox.deliver(
      confirmationMail({
        kind,
        zoneName: this.#directory.name,
        citizen: booking.citizen,
        topic: this.#directory.getTopic(booking.topicId),
        office,
        officerName: this.#directory.getOfficer(booking.slot.officerId).displayName,
        start: booking.slot.start,
        end: booking.slot.end,
        manageLink: this.#manageLink(booking),
        calendar: this.#calendarOf({ kind: 'booking', booking }),
      }),
      this.#mailer,
    );
  }

  #mailVisit(kind: ConfirmationKind, visit: HomeVisitRecord): void {
    const timed = visit.confirmedStart !== undefined && visit.confirmedEnd !== undefined;
    this.mailbox.deliver(
      confirmationMail({
        kind,
        zoneName: this.#directory.name,
        citizen: visit.citizen,
        topic: this.#directory.getTopic(visit.topicId),
        office: this.#directory.getOffice(visit.officeId),
        officerName: this.#directory.getOfficer(visit.officerId).displayName,
        start: visit.confirmedStart,
        end: visit.confirmedEnd,
        visit: { address: visit.address, dayParts: visit.dayParts },
        officerMessage: visit.officerMessage,
        manageLink: this.#manageLink(visit),
        // A visit has a calendar file once it has a time: on confirmation, and its cancellation after.
        calendar: timed && (kind === 'visit_confirmed' || kind === 'visit_cancelled') ? this.#calendarOf({ kind: 'home_visit', visit }) : undefined,
      }),
      this.#mailer,
    );
  }

  /**
   * Checks that a slot id names a slot that is offered now for the topic, ignoring the hold
   * `holdId` and the booking `bookingId` (the caller's own), and returns it.
   */
  #claim(slotId: string, topicId: string, own: { holdId?: string | undefined; bookingId?: string | undefined }): { slot: Slot; reference: SlotReference } {
    const reference = parseSlotId(slotId);
    if (!reference) throw invalid('This is not a slot id from this server.', '/slotId', 'Pick a slot from the availability.');
    if (reference.topicId !== topicId) throw invalid('The slot is for another topic.', '/slotId', `This slot is for ${reference.topicId}.`);
    let officer: Officer;
    try {
      officer = this.#directory.getOfficer(reference.officerId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw invalid('The slot names no officer of this zone.', '/slotId', 'Pick a slot from the availability.');
      throw error;
    }
    const topic = topicFor(this.#directory, topicId);
    if (own.holdId !== undefined) {
      const hold = this.#holds.get(own.holdId);
      if (hold && hold.slot.id !== slotId) throw invalid('The hold is for another slot.', '/holdId', `Hold ${own.holdId} holds ${hold.slot.id}.`);
    }
    const office = this.#directory.getOffice(officer.officeId);
    const context = this.#context(office, topic, [officer.id], own);
    const slot = isFree(context, reference);
    if (slot) return { slot, reference };
    const alternatives = this.#context(office, topic, this.#officersOf(office.id).map((item) => item.id));
    throw new DomainError('conflict', 'slot_taken', 'Someone else took this slot, or it is no longer offered; choose one of the next free slots.', [], {
      nextSlots: slotsAfter(alternatives, reference.start, NEXT_SLOTS, slotId),
    });
  }

  #context(office: Office, topic: Topic, officerIds: string[], own: { holdId?: string | undefined; bookingId?: string | undefined } = {}): SlotContext {
    return {
      office,
      topic,
      officerIds,
      closures: this.#directory.listClosures(office.id, { limit: 200 }).items,
      busy: (officerId, span) => this.#busy(officerId, own, span),
      now: this.#clock.now(),
    };
  }

  /**
   * When an officer is not free during `span`: absences, confirmed bookings and visits (from the
   * index, so cancelled and past records are never read), live holds. Leaves out the caller's
   * own hold and booking.
   */
  #busy(officerId: string, own: { holdId?: string | undefined; bookingId?: string | undefined }, span: Interval): Interval[] {
    const spans: Interval[] = this.#holds.busy(officerId, own.holdId).filter((hold) => overlaps(hold, span));
    for (const absence of this.#absences) {
      if (absence.officerId !== officerId) continue;
      const away = { start: Date.parse(absence.from), end: Date.parse(absence.to) };
      if (overlaps(away, span)) spans.push(away);
    }
    for (const { interval } of this.#busyIndex.during(officerId, span, own.bookingId)) spans.push(interval);
    return spans;
  }

  #officersOf(officeId: string): Officer[] {
    return this.#directory
      .listOfficers({ officeId }, { limit: 200 })
      .items.slice()
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  #officeOfSlot(slot: Slot): Office {
    return this.#directory.getOffice(slot.officeId);
  }

  #byToken(token: string): { kind: 'booking'; booking: BookingRecord } | { kind: 'home_visit'; visit: HomeVisitRecord } {
    const booking = this.#bookings.get(this.#bookingByToken.get(token) ?? '');
    if (booking) return { kind: 'booking', booking };
    const visit = this.#visits.byToken(token);
    if (visit) return { kind: 'home_visit', visit };
    throw new DomainError('not_found', 'manage_link_not_found', 'This manage link is not known; check the link in your confirmation e-mail.');
  }

  #touch(booking: BookingRecord): void {
    booking.sequence += 1;
    booking.updatedAt = formatZoned(this.#clock.now(), this.#officeOfSlot(booking.slot).timeZone);
  }

  #managedBooking(booking: BookingRecord): Managed {
    const officer = this.#directory.getOfficer(booking.slot.officerId);
    return {
      kind: 'booking',
      booking: structuredClone(booking),
      topic: this.#directory.getTopic(booking.topicId),
      office: this.#directory.getOffice(booking.slot.officeId),
      officer: { id: officer.id, displayName: officer.displayName },
    };
  }

  #managedVisit(visit: HomeVisitRecord): Managed {
    const officer = this.#directory.getOfficer(visit.officerId);
    return {
      kind: 'home_visit',
      visit: structuredClone(visit),
      topic: this.#directory.getTopic(visit.topicId),
      office: this.#directory.getOffice(visit.officeId),
      officer: { id: officer.id, displayName: officer.displayName },
    };
  }
}

/** An officer may act only for themselves; a supervisor for anyone. @throws DomainError 403 `forbidden` */
export function mayActFor(actor: Actor, officerId: string): void {
  if (actor.role === 'supervisor' || actor.officerId === officerId) return;
  throw new DomainError('forbidden', 'forbidden', `Only ${officerId} or a supervisor may do this.`);
}

function checkRange(from: string, to: string): void {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw invalid('The range ends before it starts.', '/query/to', `Must be on or after ${from}.`);
  if (days > MAX_RANGE_DAYS) throw invalid(`Ask for at most ${MAX_RANGE_DAYS} days at once.`, '/query/to', `Must be at most ${MAX_RANGE_DAYS - 1} days after ${from}.`);
}

/** The span a slot takes. */
function spanOf(slot: Slot): Interval {
  return { start: Date.parse(slot.start), end: Date.parse(slot.end) };
}

function invalid(message: string, pointer: string, detail: string): DomainError {
  return new DomainError('invalid', 'validation_failed', message, [{ pointer, detail }]);
}

function withoutToken<T extends { manageToken?: string | undefined }>(item: T): Omit<T, 'manageToken'> {
  const { manageToken: _token, ...rest } = structuredClone(item);
  return rest;
}


// French puts a no-break space before the colon, as in the e-mails.
const BRING: Record<Locale, string> = { nl: 'Breng mee:', fr: 'À apporter\u00a0:', de: 'Bitte mitbringen:', en: 'Please bring:' };
const WITH: Record<Locale, string> = { nl: 'Met', fr: 'Avec', de: 'Mit', en: 'With' };
const HOME_VISIT: Record<Locale, string> = { nl: 'Huisbezoek', fr: 'Visite à domicile', de: 'Hausbesuch', en: 'Home visit' };

// What the citizen typed (the facts, a visit's reason) stays out: calendars are shared with
// family and colleagues, and synced to services the zone does not know.
function eventTexts(topic: Topic, language: Locale, officerName: string): Pick<CalendarEvent, 'summary' | 'description'> {
  const lines = [`${WITH[language]} ${officerName}.`];
  if (topic.bring.length > 0) lines.push('', BRING[language], ...topic.bring.map((item) => `- ${item[language]}`));
  return { summary: topic.name[language], description: lines.join('\n') };
}
