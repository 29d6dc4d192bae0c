/**
 * `@blauw/mock-server`: the reference backend's browser-safe part (domain rules, seed, route
 * table, msw handlers, OpenAPI generation). The Node HTTP server is `@blauw/mock-server/server`.
 *
 * @packageDocumentation
 * @module @blauw/mock-server
 */
// The browser-safe surface: domain, seed, route table and msw handlers. The Node HTTP server is
// a separate entry (`src/server.ts`) so a service worker bundle never pulls in express.
export { createFixedClock, createOffsetClock, systemClock, type Clock, type FixedClock } from './domain/clock.js';
export { mulberry32, type Random } from './domain/random.js';
export { DomainError, type DomainErrorKind } from './domain/domain-error.js';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, decodeCursor, encodeCursor, paginate, type PageRequest, type PageResult } from './domain/pagination.js';
export { coverageIncludes, editDistance, houseNumberValue, nearestStreets, normalizeStreet, type StreetCandidate } from './domain/address-match.js';
export {
  IDEMPOTENCY_TTL_MS,
  IdempotencyStore,
  canonicalJson,
  parseIdempotencyKey,
  type IdempotencyDecision,
  type IdempotencyScope,
  type StoredResponse,
} from './domain/idempotency.js';
export { authenticate, authorize, principalId, type AuthRequirement, type Principal } from './domain/auth.js';
export { ZoneStore, type AddressQuery } from './domain/zone-store.js';
export {
  addDays,
  dateInZone,
  daysBetween,
  formatOffset,
  formatZoned,
  instantToZoned,
  isoWeekday,
  offsetMinutesAt,
  zonedTimeToInstant,
  type Disambiguation,
  type ZonedTime,
} from './domain/zoned-time.js';
export { belgianPublicHolidays, easterSunday, isBelgianPublicHoliday, publicHolidayOn, type PublicHoliday } from './domain/holidays.js';
export {
  availabilityDays,
  dateClosedReason,
  freeSlotsOn,
  horizonEnd,
  offeredSlotsOn,
  openingSlotTimes,
  parseSlotId,
  slotId,
  slotsAfter,
  type Interval,
  type SlotContext,
  type SlotReference,
} from './domain/slots.js';
export { HOLD_TTL_MS, SlotHolds, type HoldRecord } from './domain/holds.js';
export { HomeVisits, type HomeVisitRecord } from './domain/home-visits.js';
export {
  BookingDesk,
  CALENDAR_UID_DOMAIN,
  DEFAULT_MANAGE_PAGE,
  MAX_RANGE_DAYS,
  defaultManageUrl,
  newCalendarUid,
  NEXT_SLOTS,
  mayActFor,
  type Actor,
  type AvailabilityQuery as AvailabilityRequest,
  type BookingDeskOptions,
} from './domain/bookings.js';
export { CALENDAR_PRODID, calendarFile, calendarFileName, escapeText, foldLine, vtimezone, type CalendarEvent } from './domain/calendar-file.js';
export { mailboxOnlyMailer, type MailAttachment, type MailMessage, type MailReceipt, type Mailer } from './domain/mailer.js';
export { MAILBOX_LIMIT, Mailbox, linksIn, type MailRecord } from './domain/mailbox.js';
export { addressLine, confirmationMail, type ConfirmationFacts, type ConfirmationKind } from './domain/confirmation-mail.js';
export { randomToken } from './domain/tokens.js';
export { DEMO_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
export { createZone, type Zone, type ZoneOptions } from './domain/zone.js';
export {
  COMPLETED_AT_TOLERANCE_MS,
  CheckDesk,
  latestCheckTypes,
  seedCheckAssignments,
  validateAnswers,
  type CheckDeskOptions,
  type SubmitOutcome,
} from './domain/checks.js';
export { EXAMPLE_DOMICILE_ANSWERS, SEED_CHECK_TYPES } from './seed/check-types.js';
export {
  DEFAULT_JOURNAL_RETENTION,
  IncidentBoard,
  IncidentJournal,
  filtersAnything,
  incidentMatches,
  pageNewestFirst,
  statusMatches,
  type IncidentFilter,
  type IncidentPatch,
  type JournalEvent,
  type Resume,
  type ResumeRefusal,
} from './domain/incidents.js';
export {
  INCIDENT_TYPES,
  IncidentSimulator,
  positionOn,
  shortestPaths,
  type IncidentSimulatorInit,
  type IncidentSimulatorOptions,
  type IncidentSimulatorSettings,
  type NetPoint,
} from './domain/incident-simulator.js';
export {
  ZONE_CENTRE,
  distanceMetres,
  distanceToSegmentMetres,
  nodePosition,
  seededStreets,
  streetNetwork,
  type Street,
  type StreetEdge,
  type StreetNetwork,
  type StreetNode,
} from './seed/zone-geography.js';
export { DEV_CITIZEN_TOKEN, DEV_OFFICER_TOKEN, DEV_SUPERVISOR_TOKEN, ZONE_NAME, ZONE_TIME_ZONE, seedZone, type ZoneData } from './seed/zone-seed.js';
export { SEED_TOPICS } from './seed/topics.js';
export {
  NoInput,
  defineRoute,
  pathParamNames,
  problemSpec,
  toOpenApiPath,
  type HttpMethod,
  type ResponseSpec,
  type Route,
  type RouteContext,
  type RouteDefinition,
  type RouteResult,
} from './handlers/route.js';
export { routes } from './handlers/routes.js';
export { bookingRoutes } from './handlers/booking-routes.js';
export { incidentRoutes } from './handlers/incident-routes.js';
export { CHECK_ASSIGNMENT_STATUS_FILTERS, CheckAssignmentListQuery, CheckAssignmentParams, CheckTypeVersionParams, checkRoutes } from './handlers/check-routes.js';
export { DEFAULT_STREAM_SETTINGS, incidentEventStream, sseFrame, type IncidentStreamInit, type StreamSettings } from './handlers/incident-stream.js';
export * from './handlers/query-params.js';
export { PROBLEM_TYPE_BASE, problem, problemResponse } from './handlers/problem.js';
export { createHandlers, type HandlerOptions } from './handlers/create-handlers.js';
export { openApiDocument, type OpenApiOptions } from './openapi/openapi-document.js';
export { MAX_MESSAGES_PER_CONVERSATION, MessagingDesk, MessagingDirectory, type MessagingDeskOptions, type SendOutcome } from './domain/messaging.js';
export { DEFAULT_MESSAGING_RETENTION, MessagingJournal, type MessagingEvent, type MessagingEventType, type MessagingResume } from './domain/messaging-journal.js';
export { BriefingDesk, MAX_BRIEFING_VALIDITY_MS, type AcknowledgeOutcome, type BriefingDeskOptions } from './domain/briefings.js';
export { createMessaging, type MessagingSetup } from './domain/messaging-setup.js';
export { SEED_SERVICES, messagingSeed, type MessagingSeed, type OfficerGroup, type SeedConversation, type ServiceParticipant } from './seed/messaging-seed.js';
export { ConversationParams, messagingRoutes } from './handlers/messaging-routes.js';
export { BriefingParams, briefingRoutes } from './handlers/briefing-routes.js';
export { messagingEventStream, type MessagingStreamInit } from './handlers/messaging-stream.js';
