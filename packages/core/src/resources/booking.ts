import { ConfigurationError } from '../errors.js';
import {
  CalendarFile,
  Absence,
  Agenda,
  Availability,
  Booking,
  HomeVisitRequest,
  Managed,
  SlotHold,
  type AbsenceInput,
  type BookingInput,
  type HomeVisitConfirmation,
  type HomeVisitInput,
  type RescheduleInput,
  type SlotHoldInput,
} from '../schemas/booking.js';
import type { Office, OfficerForAddress, Topic } from '../schemas/zone.js';
import { path, type RequestPath } from '../transport/path.js';
import type { ResponseWithMeta, Transport } from '../transport/transport.js';
import { listMethod, type ListMethod } from './list-method.js';
import { findOfficerForAddress, listOffices, listTopics, type CallOptions, type PageOptions } from './zone.js';

/**
 * Options every write accepts.
 *
 * @category Resources
 */
export interface WriteOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this write. Omit it and one is generated (and kept across the SDK's
   * own retries); pass the same key again to repeat a write whose outcome is unknown, and the
   * server replays its first answer instead of writing twice.
   */
  idempotencyKey?: string | undefined;
}

/**
 * What a manage link shows, with its version: `etag` is the server's `ETag` (absent when the
 * server sends none). Pass it as `ifMatch` to {@link CitizenBookingResource.reschedule} or
 * {@link CitizenBookingResource.cancel} to change only the version the citizen saw.
 *
 * @category Resources
 */
export type ManagedView = Managed & { etag?: string };

/**
 * A manage link's version to write against: the `etag` of a {@link ManagedView}.
 *
 * @category Resources
 */
export interface VersionedWriteOptions extends WriteOptions {
  /**
   * Sent as `If-Match`: the write goes ahead only if the booking is still at this version, else
   * it fails with a {@link ConflictError} whose `code` is `precondition_failed` (someone changed
   * it meanwhile, e.g. in another tab or at the office; read it again and let the citizen decide).
   */
  ifMatch?: string | undefined;
}

/**
 * Which free slots to list: one topic, at one office or with one officer, over a range of days.
 * `officeId` or `officerId` is required; with both, the officer must work at that office.
 *
 * @example
 * ```ts
 * const atOffice: AvailabilityOptions = { topicId, officeId: 'o-centrum', from: '2027-03-01', to: '2027-03-31' };
 * const withOfficer: AvailabilityOptions = { topicId, officerId: found.officer.id, from: '2027-03-01', to: '2027-03-31' };
 * ```
 *
 * @category Resources
 */
export type AvailabilityOptions = CallOptions & {
  /** The topic sets the slot length. */
  topicId: string;
  /** First day, `YYYY-MM-DD` in the office's time zone. */
  from: string;
  /** Last day (inclusive), `YYYY-MM-DD` in the office's time zone; about a month after `from`. */
  to: string;
} & (
    | {
        /** The office whose slots to list (with any of its officers). */
        officeId: string;
        /** Only this officer's slots at the office. */
        officerId?: string | undefined;
      }
    | {
        /** Only the office of this officer. */
        officeId?: string | undefined;
        /** The officer whose slots to list, e.g. the one `officerForAddress` found. */
        officerId: string;
      }
  );


/**
 * The citizen's side of booking: a meeting with a neighbourhood officer, or a home visit, and
 * managing it afterwards through the manage link. Citizens need no token. `createBookingClient`
 * builds this alone, to keep a booking page small; `client.booking` is a {@link BookingResource},
 * which adds the officer's side.
 *
 * A citizen's flow, with the slot held while they fill in the form:
 *
 * @example
 * ```ts
 * const month = await client.booking.availability({ topicId, officerId, from: '2027-03-01', to: '2027-03-31', signal });
 * const hold = await client.booking.hold({ slotId, topicId });
 * const booking = await client.booking.book({ slotId, holdId: hold.id, topicId, citizen });
 * // The token goes in the fragment, which never reaches a server log or a Referer header.
 * const link = `https://www.gemeente.example/afspraak#blauw-manage=${booking.manageToken}`;
 * ```
 *
 * @category Resources
 */
export class CitizenBookingResource {
  /** The client's transport; the officer's side shares it. */
  protected readonly transport: Transport;

  /**
   * Lists what a citizen can book a meeting about (the same list as `client.zone.topics`);
   * `.all()` walks every page.
   *
   * @example
   * ```ts
   * const { items: topics } = await client.booking.topics({ signal });
   * ```
   */
  readonly topics: ListMethod<PageOptions, Topic>;

  /**
   * Lists the offices a citizen can book at, all of the zone's or those of one municipality;
   * `.all()` walks every page.
   *
   * @example
   * ```ts
   * const offices = [];
   * for await (const office of client.booking.offices.all({ municipalityId, signal })) offices.push(office);
   * ```
   */
  readonly offices: ListMethod<{ municipalityId?: string | undefined } & PageOptions, Office>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.topics = listMethod((options) => listTopics(transport, options));
    this.offices = listMethod((options) => listOffices(transport, options));
  }

  /**
   * Finds the neighbourhood officer who covers the citizen's address, to book with them. The
   * address never appears in error messages.
   *
   * @throws {NotFoundError} with `code === 'address_not_covered'` when no officer of the zone
   *   covers the address; offer a choice of offices instead.
   */
  officerForAddress(
    options: { postalCode: string; street: string; houseNumber: string } & CallOptions,
  ): Promise<OfficerForAddress> {
    return findOfficerForAddress(this.transport, options);
  }

  /**
   * Lists the free slots of a topic at an office or with an officer, day by day, over a range of
   * up to about a month. `nextFreeDate` tells where to jump when the range has none.
   *
   * @throws {ConfigurationError} when neither `officeId` nor `officerId` is given (no request is sent).
   *
   * @example
   * ```ts
   * const { days, nextFreeDate } = await client.booking.availability({
   *   topicId: 't-domicile',
   *   officeId: 'o-centrum',
   *   from: '2027-03-01',
   *   to: '2027-03-31',
   *   signal,
   * });
   * const bookable = days.filter((day) => day.slots.length > 0);
   * ```
   */
  async availability(options: AvailabilityOptions): Promise<Availability> {
    const { topicId, officeId, officerId, from, to } = options;
    if ((officeId ?? '') === '' && (officerId ?? '') === '') {
      throw new ConfigurationError(
        'availability() needs an officeId or an officerId: pass the office the citizen chose, or the officer officerForAddress() found.',
      );
    }
    return this.transport.request({
      method: 'GET',
      path: 'availability',
      query: { topicId, officeId, officerId, from, to },
      schema: Availability,
      call: options,
    });
  }

  /**
   * Holds a slot for a few minutes while the citizen fills in the form, so nobody else can take
   * it meanwhile; the hold lapses at `expiresAt`. Book with its `id` as `holdId`.
   *
   * @throws {SlotTakenError} when the slot was taken meanwhile; its `nextSlots` are alternatives.
   */
  hold(options: SlotHoldInput & WriteOptions): Promise<SlotHold> {
    const body: SlotHoldInput = { slotId: options.slotId, topicId: options.topicId };
    return this.transport.request({ method: 'POST', path: 'holds', body, schema: SlotHold, ...write(options) });
  }

  /**
   * Gives a held slot back before the hold lapses, e.g. when the citizen picks another time or
   * leaves the page.
   *
   * @throws {NotFoundError} when the server no longer knows the hold (it lapsed, or was used to book).
   */
  releaseHold(options: { holdId: string } & CallOptions): Promise<void> {
    return this.transport.request({ method: 'DELETE', path: path`holds/${options.holdId}`, call: options });
  }

  /**
   * Books a slot, held before (`holdId`) or still free. The answer carries the `manageToken` of
   * the citizen's manage link; it is shown only here, so keep it (put it in the link you show).
   * A confirmation with the calendar file goes to `citizen.email`; its manage link is `manageUrl`
   * (the page the citizen books on, e.g. `location.href`) with `#blauw-manage=<token>`.
   *
   * @throws {SlotTakenError} when someone else got the slot first; offer `error.nextSlots` and
   *   keep the form as it is.
   * @throws {ValidationError} when the citizen's details are refused; `fieldErrors` point at them
   *   (e.g. `/citizen/email`), or `/manageUrl` when the page is not on an origin the zone trusts.
   *
   * @example
   * ```ts
   * const booking = await client.booking.book({
   *   slotId: hold.slot.id,
   *   holdId: hold.id,
   *   topicId,
   *   citizen: { name: 'An Peeters', email: 'an@example.be', language: 'nl' },
   *   facts: 'My bicycle was stolen at the station.',
   *   manageUrl: location.href,
   * });
   * ```
   */
  book(options: BookingInput & WriteOptions): Promise<Booking> {
    const { slotId, holdId, topicId, citizen, facts, manageUrl } = options;
    const body: BookingInput = { slotId, holdId, topicId, citizen, facts, manageUrl };
    return this.transport.request({ method: 'POST', path: 'bookings', body, schema: Booking, ...write(options) });
  }

  /**
   * Gets what a manage link shows: the booking or home-visit request, with its topic, office and
   * officer. Switch on `kind`.
   *
   * The answer carries `etag`, its version, for `ifMatch` on a later reschedule or cancel.
   *
   * @throws {NotFoundError} when the token is unknown (mistyped or truncated link).
   *
   * @example
   * ```ts
   * const managed = await client.booking.manage({ manageToken, signal });
   * if (managed.kind === 'booking') show(managed.booking.slot, managed.topic.bring);
   * // Later: cancel what the citizen saw, not a version changed meanwhile.
   * await client.booking.cancel({ manageToken, ifMatch: managed.etag });
   * ```
   */
  async manage(options: { manageToken: string } & CallOptions): Promise<ManagedView> {
    return withEtag(
      await this.transport.requestWithMeta({
        method: 'GET',
        path: path`manage/${options.manageToken}`,
        schema: Managed,
        call: options,
      }),
    );
  }

  /**
   * Moves a booking to another slot (held before with `holdId`, or still free). The booking keeps
   * its id and manage link, the old slot is freed, and its `sequence` goes up (fetch the calendar
   * file again).
   *
   * With `ifMatch` (the `etag` of {@link CitizenBookingResource.manage}) it moves only that version.
   *
   * @throws {SlotTakenError} when someone else got the new slot first; offer `error.nextSlots`.
   * @throws {ConflictError} with another `code` when the booking can no longer be moved (e.g.
   *   cancelled), or `precondition_failed` when it changed since `ifMatch` was read.
   */
  async reschedule(options: { manageToken: string } & RescheduleInput & VersionedWriteOptions): Promise<ManagedView> {
    const body: RescheduleInput = { slotId: options.slotId, holdId: options.holdId };
    return withEtag(
      await this.transport.requestWithMeta({
        method: 'POST',
        path: path`manage/${options.manageToken}/reschedule`,
        body,
        schema: Managed,
        ...write(options),
        ifMatch: options.ifMatch,
      }),
    );
  }

  /**
   * Cancels the booking or home-visit request of a manage link; the slot becomes free again.
   * With `ifMatch` (the `etag` of {@link CitizenBookingResource.manage}) it cancels only that version.
   *
   * @throws {NotFoundError} when the token is unknown.
   * @throws {ConflictError} with `code === 'precondition_failed'` when it changed since `ifMatch` was read.
   */
  async cancel(options: { manageToken: string } & VersionedWriteOptions): Promise<ManagedView> {
    return withEtag(
      await this.transport.requestWithMeta({
        method: 'POST',
        path: path`manage/${options.manageToken}/cancel`,
        body: {},
        schema: Managed,
        ...write(options),
        ifMatch: options.ifMatch,
      }),
    );
  }

  /**
   * The absolute URL of the booking's calendar file (`.ics`), for a download link; sends no
   * request. Needs no token, so it suits a plain `<a href download>`.
   *
   * @example
   * ```ts
   * html`<a href=${client.booking.calendarUrl({ manageToken })} download="afspraak.ics">Add to calendar</a>`;
   * ```
   */
  calendarUrl(options: { manageToken: string }): string {
    return new URL(calendarPath(options.manageToken).href, this.transport.baseUrl).href;
  }

  /**
   * Gets the booking's calendar file as RFC 5545 text, e.g. to offer it as a `Blob` or share it.
   * For a plain download link, {@link BookingResource.calendarUrl} needs no request.
   *
   * @throws {NotFoundError} when the token is unknown.
   */
  calendar(options: { manageToken: string } & CallOptions): Promise<string> {
    return this.transport.request({
      method: 'GET',
      path: calendarPath(options.manageToken),
      accept: 'text/calendar',
      responseType: 'text',
      schema: CalendarFile,
      call: options,
    });
  }

  /**
   * Asks the neighbourhood officer of an address to visit the citizen at home, in preferred parts
   * of the day; the officer confirms a time later (or declines with a message). The answer
   * carries the `manageToken` of the request's manage link; the e-mail to `citizen.email` links
   * to `manageUrl` with `#blauw-manage=<token>`.
   *
   * @throws {NotFoundError} with `code === 'address_not_covered'` when no officer covers the address.
   */
  requestHomeVisit(options: HomeVisitInput & WriteOptions): Promise<HomeVisitRequest> {
    const { topicId, address, dayParts, reason, citizen, manageUrl } = options;
    const body: HomeVisitInput = { topicId, address, dayParts, reason, citizen, manageUrl };
    return this.transport.request({ method: 'POST', path: 'home-visits', body, schema: HomeVisitRequest, ...write(options) });
  }
}

/**
 * Booking as `client.booking` offers it: everything a citizen does ({@link CitizenBookingResource})
 * and the officer's side — confirming or declining home visits, the agenda, absences — which
 * needs an officer token.
 *
 * @example
 * ```ts
 * const officer = createClient({ baseUrl, getToken: () => session.token });
 * const agenda = await officer.booking.agenda({ officerId, from: '2027-03-29', to: '2027-04-02', signal });
 * await officer.booking.recordAbsence({ officerId, absence: { from, to, reason: 'Opleiding' } });
 * ```
 *
 * @category Resources
 */
export class BookingResource extends CitizenBookingResource {
  /**
   * Confirms a home visit at a time (officer token). The citizen gets the time and the calendar file.
   *
   * @throws {ConflictError} when the request is no longer open (e.g. the citizen cancelled it).
   */
  confirmHomeVisit(options: { visitId: string } & HomeVisitConfirmation & WriteOptions): Promise<HomeVisitRequest> {
    const { start, durationMinutes, message } = options;
    const body: HomeVisitConfirmation = { start, durationMinutes, message };
    return this.transport.request({
      method: 'POST',
      path: path`home-visits/${options.visitId}/confirm`,
      body,
      schema: HomeVisitRequest,
      ...write(options),
    });
  }

  /**
   * Declines a home visit with a message for the citizen (officer token), e.g. pointing them to
   * the office hours.
   *
   * @throws {ConflictError} when the request is no longer open.
   */
  declineHomeVisit(options: { visitId: string; message: string } & WriteOptions): Promise<HomeVisitRequest> {
    return this.transport.request({
      method: 'POST',
      path: path`home-visits/${options.visitId}/decline`,
      body: { message: options.message },
      schema: HomeVisitRequest,
      ...write(options),
    });
  }

  /**
   * Gets an officer's meetings, home visits and absences over a range of days (officer token).
   *
   * @throws {ForbiddenError} when the token may not see this officer's agenda.
   */
  agenda(options: { officerId: string; from: string; to: string } & CallOptions): Promise<Agenda> {
    return this.transport.request({
      method: 'GET',
      path: path`officers/${options.officerId}/agenda`,
      query: { from: options.from, to: options.to },
      schema: Agenda,
      call: options,
    });
  }

  /**
   * Records a period an officer is away (officer token); their slots in it disappear from the
   * availability.
   *
   * @throws {ValidationError} when the period is refused (e.g. `to` before `from`); see `fieldErrors`.
   */
  recordAbsence(options: { officerId: string; absence: AbsenceInput } & WriteOptions): Promise<Absence> {
    return this.transport.request({
      method: 'POST',
      path: path`officers/${options.officerId}/absences`,
      body: options.absence,
      schema: Absence,
      ...write(options),
    });
  }
}

const calendarPath = (manageToken: string): RequestPath => path`manage/${manageToken}/calendar.ics`;

/** A manage view with its `ETag` as `etag`, only when the server sent one. */
const withEtag = ({ data, etag }: ResponseWithMeta<Managed>): ManagedView => (etag === undefined ? data : { ...data, etag });

/** The transport options every write passes on unchanged. */
const write = (options: WriteOptions) => ({ call: options, idempotencyKey: options.idempotencyKey });
