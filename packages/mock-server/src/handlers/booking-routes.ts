import {
  Absence,
  AddressNotCoveredProblem,
  AbsenceInput,
  Agenda,
  Availability,
  Booking,
  BookingInput,
  HomeVisitConfirmation,
  HomeVisitDecline,
  HomeVisitInput,
  HomeVisitRequest,
  Managed,
  RescheduleInput,
  SlotHold,
  SlotHoldInput,
  SlotTakenProblem,
} from '@blauw/core';
import { z } from 'zod/mini';
import type { Actor } from '../domain/bookings.js';
import type { Principal } from '../domain/auth.js';
import { DomainError } from '../domain/domain-error.js';
import type { Zone } from '../domain/zone.js';
import { ifMatchHolds, managedEtag } from './etag.js';
import { AgendaQuery, AvailabilityQuery, HoldParams, ManageParams, OfficerParams, VisitParams } from './query-params.js';
import { defineRoute, problemSpec, type ResponseSpec, type Route } from './route.js';

// Booking: availability, holds, bookings, manage links (view, reschedule, cancel, calendar
// file), home visits, and the officer's agenda and absences. Citizens call without a token; the
// manage token in the path is their key. Every handler is synchronous, so a check and its write
// happen in one turn and concurrent requests cannot both win a slot.

const ok = <T>(body: T) => ({ status: 200, body });


const slotTaken: ResponseSpec = {
  description:
    'The slot is not free (held by someone else, booked, or no longer offered): `slot_taken`, with `nextSlots`, up to 5 free slots ' +
    'of the same office and topic closest after it. Also `idempotency_key_in_flight` while a request with the same key runs.',
  schema: SlotTakenProblem,
  contentType: 'application/problem+json',
};

// Another officer's visit answers as one that does not exist: a 403 would tell that it exists, and whose.
const visitNotFound = problemSpec('No such visit, or the visit of another officer (`home_visit_not_found`); supervisors see every visit.');
const forbiddenOthers = problemSpec('An officer may only read and write their own agenda, absences and visits (`forbidden`); supervisors any.');

/** The session of a route with `auth: 'officer'` (the framework has refused anonymous callers). */
function actorOf(principal: Principal): Actor {
  if (principal.kind !== 'session') throw new DomainError('forbidden', 'forbidden', 'Sign in as an officer.');
  return principal.session;
}

/** A view of a manage link with its version: `ETag` for a later `If-Match`, never cached (personal data). */
const managedAnswer = (managed: Managed) => ({
  status: 200,
  body: managed,
  headers: { ETag: managedEtag(managed), 'Cache-Control': 'no-store' },
});

/**
 * Refuses a write to a manage link whose `If-Match` names another version than the current one:
 * someone changed the booking since the caller read it (another tab, the office). Checked in the
 * same turn as the write it guards.
 *
 * @throws DomainError 404 for an unknown link; `precondition_failed` (412) on a mismatch.
 */
function checkIfMatch(zone: Zone, manageToken: string, request: Request): void {
  const header = request.headers.get('If-Match');
  if (header === null) return;
  const current = managedEtag(zone.bookings.manage(manageToken));
  if (!ifMatchHolds(header, current)) {
    throw new DomainError('conflict', 'precondition_failed', 'This booking changed since you read it; load it again, then decide.', [], {
      currentEtag: current,
    });
  }
}

const managedHeaders = {
  ETag: 'The version of the booking or visit, for `If-Match` on reschedule and cancel.',
  'Cache-Control': '`no-store`: a manage view carries personal data.',
};
const preconditionFailed = problemSpec(
  '`If-Match` names another version than the current one (`precondition_failed`, with `currentEtag`): the booking changed since it was read.',
);

/** Routes of booking: availability, holds, bookings, manage links, home visits, agendas. */
// A booking and a home-visit request are both created with a manage link, answered as Location.
const manageLinkHeader = { Location: 'The manage link: `/v1/manage/{manageToken}`.' };
const createdWithManageLink = (item: { manageToken?: string | undefined }) => ({
  status: 201,
  body: item,
  headers: { Location: `/v1/manage/${item.manageToken ?? ''}` },
});

export const bookingRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/availability',
    operationId: 'getAvailability',
    summary: 'Free slots of an office or an officer for a topic, over a range of days',
    description:
      'Give `officeId` (one slot per start time, with the first free officer) or `officerId` (only their slots). ' +
      'Slots come from the office hours cut into pieces of the topic duration, minus Belgian public holidays, office closures, ' +
      'absences, bookings and live holds, minus what is sooner than the office lead time or beyond its booking horizon. ' +
      'Every date from `from` to `to` (at most 62 days) is listed, with `slots: []` when none is free. Times carry the office offset.',
    tag: 'Booking',
    auth: 'none',
    query: AvailabilityQuery,
    responses: {
      200: { description: 'The free slots, day by day, and the next date with a free slot after `to`.', schema: Availability },
      400: problemSpec('No office or officer, a range that ends before it starts or spans more than 62 days, or a bad parameter.'),
      404: problemSpec('No such topic, office or officer.'),
    },
    handle: ({ zone, query }) => ok(zone.bookings.availability(query)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/holds',
    operationId: 'holdSlot',
    summary: 'Hold a free slot for 5 minutes while the citizen fills in the form',
    description: 'Pass the hold id when booking. An expired hold frees the slot for others. Requires an Idempotency-Key.',
    tag: 'Booking',
    auth: 'none',
    body: SlotHoldInput,
    responses: {
      201: { description: 'The slot is held until `expiresAt`.', schema: SlotHold },
      409: slotTaken,
    },
    handle: ({ zone, body, client }) => ({ status: 201, body: zone.bookings.hold(body, client) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/holds/:holdId',
    operationId: 'releaseHold',
    summary: 'Release a hold (the citizen went back or chose another slot)',
    description: 'Releasing a hold that was already released or has expired is fine.',
    tag: 'Booking',
    auth: 'none',
    params: HoldParams,
    responses: {
      204: { description: 'The slot is free again for others.' },
      404: problemSpec('No such hold (`hold_not_found`).'),
    },
    handle: ({ zone, params }) => {
      zone.bookings.releaseHold(params.holdId);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/bookings',
    operationId: 'createBooking',
    summary: 'Book a slot',
    description:
      'Books a slot that is free, or held by `holdId` (a hold that expired still counts when nobody took the slot meanwhile). ' +
      'When the topic asks for facts, `facts` is required. The answer carries the `manageToken` of the manage link; keep it. ' +
      'The citizen gets a confirmation e-mail with the calendar file and the manage link: `manageUrl` (the page booked on) with ' +
      '`#blauw-manage={manageToken}`, or the zone page when absent. Requires an Idempotency-Key.',
    tag: 'Booking',
    auth: 'none',
    body: BookingInput,
    responses: {
      201: {
        description: 'The booking, with its manage token.',
        schema: Booking,
        headers: manageLinkHeader,
      },
      400: problemSpec(
        'The body is not valid, e.g. `/facts` missing for a topic that asks for them, `/slotId` not a slot of this topic, ' +
          'or `/manageUrl` on an origin the zone does not trust.',
      ),
      409: slotTaken,
    },
    handle: ({ zone, body }) => {
      return createdWithManageLink(zone.bookings.book(body));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/manage/:manageToken',
    operationId: 'getManaged',
    summary: 'What a manage link shows: the booking or home visit, its topic, office and officer',
    tag: 'Booking',
    auth: 'none',
    params: ManageParams,
    responses: {
      200: { description: 'The booking or the home-visit request.', schema: Managed, headers: managedHeaders },
      404: problemSpec('The manage link is not known (`manage_link_not_found`).'),
    },
    handle: ({ zone, params }) => managedAnswer(zone.bookings.manage(params.manageToken)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/manage/:manageToken/reschedule',
    operationId: 'rescheduleBooking',
    summary: 'Move a booking to another slot of the same topic',
    description:
      'The booking keeps its id, the old slot is freed and `sequence` goes up by one. Requires an Idempotency-Key. ' +
      'Send `If-Match` with the `ETag` of the manage view to move only the version the citizen saw.',
    tag: 'Booking',
    auth: 'none',
    params: ManageParams,
    body: RescheduleInput,
    responses: {
      200: { description: 'The booking at its new time.', schema: Managed, headers: managedHeaders },
      404: problemSpec('The manage link is not known (`manage_link_not_found`).'),
      409: {
        ...slotTaken,
        description: `${slotTaken.description} \`booking_cancelled\` for a cancelled booking; \`visit_not_reschedulable\` for a home visit.`,
      },
      412: preconditionFailed,
    },
    handle: ({ zone, params, body, request }) => {
      checkIfMatch(zone, params.manageToken, request);
      return managedAnswer(zone.bookings.reschedule(params.manageToken, body));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/manage/:manageToken/cancel',
    operationId: 'cancelBooking',
    summary: 'Cancel a booking or a home-visit request',
    description:
      'The slot is free again and `sequence` goes up by one. Cancelling what is already cancelled changes nothing and answers the same. ' +
      'Send no body or `{}`. Requires an Idempotency-Key. Send `If-Match` with the `ETag` of the manage view to cancel only the version the citizen saw.',
    tag: 'Booking',
    auth: 'none',
    params: ManageParams,
    responses: {
      200: { description: 'The cancelled booking or visit.', schema: Managed, headers: managedHeaders },
      404: problemSpec('The manage link is not known (`manage_link_not_found`).'),
      409: problemSpec(
        '`visit_not_open` for a home visit the officer declined; `idempotency_key_in_flight` while a request with the same key runs.',
      ),
      412: preconditionFailed,
    },
    handle: ({ zone, params, request }) => {
      checkIfMatch(zone, params.manageToken, request);
      return managedAnswer(zone.bookings.cancel(params.manageToken));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/manage/:manageToken/calendar.ics',
    operationId: 'getCalendarFile',
    summary: 'The RFC 5545 calendar file of a booking or a confirmed home visit',
    description:
      'One VEVENT in the office time zone (with its VTIMEZONE), UID stable across reschedules, SEQUENCE the booking sequence, ' +
      'what to bring in the citizen language. After a cancellation: `METHOD:CANCEL` and `STATUS:CANCELLED`.',
    tag: 'Booking',
    auth: 'none',
    params: ManageParams,
    responses: {
      200: {
        description: 'The calendar file.',
        schema: z.string(),
        contentType: 'text/calendar',
        headers: {
          'Content-Disposition':
            'In the citizen language: `attachment; filename="afspraak.ics"` (`rendez-vous.ics`, `termin.ics`, `appointment.ics`); ' +
            'after a cancellation `annulering.ics` (`annulation.ics`, `absage.ics`, `cancellation.ics`), as attached to the e-mails.',
        },
      },
      404: problemSpec('The manage link is not known (`manage_link_not_found`).'),
      409: problemSpec('A home visit the officer has not given a time yet (`visit_not_confirmed`).'),
    },
    handle: ({ zone, params }) => {
      const { filename, text } = zone.bookings.calendarDownload(params.manageToken);
      return { status: 200, body: text, headers: { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/home-visits',
    operationId: 'requestHomeVisit',
    summary: 'Ask the neighbourhood officer of an address for a home visit',
    description:
      'The officer who covers the address gets the request and confirms it with a time or declines it. The answer carries the ' +
      '`manageToken` of the manage link. The citizen gets an e-mail saying it is a request until the officer confirms it, with the ' +
      'manage link (`manageUrl` with `#blauw-manage={manageToken}`). Requires an Idempotency-Key.',
    tag: 'Booking',
    auth: 'none',
    body: HomeVisitInput,
    responses: {
      201: {
        description: 'The request, with its manage token.',
        schema: HomeVisitRequest,
        headers: manageLinkHeader,
      },
      400: problemSpec('The body is not valid, the topic (`/topicId`) offers no home visits, or `/manageUrl` is on an origin the zone does not trust.'),
      422: {
        description:
          'No officer of the zone covers the address (`address_not_covered`, pointer `/address`, with `suggestions` as for ' +
          '`GET /v1/officer-for-address`), or the Idempotency-Key was reused.',
        schema: AddressNotCoveredProblem,
        contentType: 'application/problem+json',
      },
    },
    handle: ({ zone, body }) => {
      return createdWithManageLink(zone.bookings.requestHomeVisit(body));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/home-visits/:visitId/confirm',
    operationId: 'confirmHomeVisit',
    summary: 'Confirm a home visit with a time (the officer of the visit)',
    description: 'Only a `requested` visit can be confirmed. The duration defaults to the topic duration. Requires an Idempotency-Key.',
    tag: 'Booking',
    auth: 'officer',
    params: VisitParams,
    body: HomeVisitConfirmation,
    responses: {
      200: { description: 'The confirmed visit.', schema: HomeVisitRequest },
      404: visitNotFound,
      409: problemSpec('The visit is not `requested` any more (`visit_not_open`), or the officer is busy then (`officer_busy`).'),
    },
    handle: ({ zone, params, body, principal }) => ok(zone.bookings.confirmHomeVisit(actorOf(principal), params.visitId, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/home-visits/:visitId/decline',
    operationId: 'declineHomeVisit',
    summary: 'Decline a home visit with a message (the officer of the visit)',
    description: 'Only a `requested` visit can be declined. Requires an Idempotency-Key.',
    tag: 'Booking',
    auth: 'officer',
    params: VisitParams,
    body: HomeVisitDecline,
    responses: {
      200: { description: 'The declined visit.', schema: HomeVisitRequest },
      404: visitNotFound,
      409: problemSpec('The visit is not `requested` any more (`visit_not_open`).'),
    },
    handle: ({ zone, params, body, principal }) => ok(zone.bookings.declineHomeVisit(actorOf(principal), params.visitId, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/officers/:officerId/agenda',
    operationId: 'getOfficerAgenda',
    summary: "An officer's agenda: meetings, home visits and absences over a range of days",
    description:
      'Confirmed bookings and home visits in the range, every open home-visit request, and absences overlapping the range. ' +
      'Dates are meant in the office time zone; at most 62 days.',
    tag: 'Officers',
    auth: 'officer',
    params: OfficerParams,
    query: AgendaQuery,
    responses: {
      200: { description: 'The agenda.', schema: Agenda },
      403: forbiddenOthers,
    },
    handle: ({ zone, params, query, principal }) => ok(zone.bookings.agenda(actorOf(principal), params.officerId, query)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/officers/:officerId/absences',
    operationId: 'createAbsence',
    summary: 'Record that an officer is away (leave, training, court)',
    description: 'Free slots in that time disappear; meetings already booked stay. Requires an Idempotency-Key.',
    tag: 'Officers',
    auth: 'officer',
    params: OfficerParams,
    body: AbsenceInput,
    responses: {
      201: { description: 'The absence.', schema: Absence },
      400: problemSpec('The body is not valid, or the absence does not end after it starts (`/to`).'),
      403: forbiddenOthers,
    },
    handle: ({ zone, params, body, principal }) => ({ status: 201, body: zone.bookings.addAbsence(actorOf(principal), params.officerId, body) }),
  }),
];
