/**
 * `@blauw/core`: the typed SDK. `createClient()` returns one resource object per domain; every
 * response is validated with the zod schemas exported here; every failure is a `BlauwError`.
 *
 * @packageDocumentation
 * @module @blauw/core
 */
export { createClient, type BlauwClient, type ClientOptions } from './client.js';
export { createBookingClient, type BookingClient } from './booking-client.js';
export { createIncidentsClient, type IncidentsClient } from './incidents-client.js';
export { createChecksClient, type ChecksClient } from './checks-client.js';
export { createRecordsClient, type RecordsClient } from './records-client.js';
export { createMessagingClient, type MessagingClient } from './messaging-client.js';
export * from './errors.js';
export * from './schemas/index.js';
export { checkNationalNumber, formatNationalNumber, maskNationalNumber, nationalNumberCheckDigits, normalizeNationalNumber, type NationalNumberCheck } from './records/national-number.js';
export { parsePlate, type PlateFormat, type PlateParse } from './records/licence-plate.js';
export { LOOKUP_PURPOSE_CODES, purposeProblems, type PurposeProblem } from './records/lookup-purpose.js';
export type { CallOptions, HeaderValues, LanguageOption, Query, RequestOptions, ResponseWithMeta, TransportOptions } from './transport/transport.js';
export { checkBaseUrl } from './transport/transport.js';
export type { AfterResponseHook, BeforeErrorHook, BeforeRequestHook, BeforeRetryHook, HookContext, Hooks, LogFields, Logger, RetryState } from './transport/hooks.js';
export type { RequestPath } from './transport/path.js';
export { VERSION } from './version.js';
export type { RetryOptions } from './transport/retry-policy.js';
export { paginate, type PageFetcher } from './transport/paginate.js';
export type { PageOptions, ZoneResource } from './resources/zone.js';
export type { ListAllOptions, ListMethod } from './resources/list-method.js';
export type { AvailabilityOptions, BookingResource, CitizenBookingResource, ManagedView, VersionedWriteOptions, WriteOptions } from './resources/booking.js';
export type { IncidentsResource, IncidentEventListOptions, IncidentFilter, IncidentListOptions, IncidentStreamEvent, IncidentStreamOptions, UnitListOptions } from './resources/incidents.js';
export type { BackoffOptions, EventStream, EventStreamInit, SseDecoder, SseMessage, SseParse, StreamOptions, StreamState, StreamTimers } from './realtime/event-stream.js';
export type { CheckAssignmentListOptions, ChecksResource, SubmittedCheck, UploadPhotoOptions } from './resources/checks.js';
export type { AddressLookupOptions, AuditListOptions, LookupOptions, PersonLookupOptions, RecordLookupOptions, RecordsResource, VehicleLookupOptions } from './resources/records.js';
export type { MessagingResource, MessagingStreamEvent, SendMessageInput, SentMessage } from './resources/messaging.js';
export type { BriefingsResource } from './resources/briefings.js';
export { OutboxStore, type OutboxCounts, type OutboxStoreOptions } from './offline/outbox-store.js';
export { OutboxDrain, attemptOf, type OutboxDrainOptions, type OutboxProgress } from './offline/outbox-drain.js';
export type { AttemptResult, OutboxBackoff, OutboxFailure, OutboxItem, OutboxState } from './offline/outbox-rules.js';
export { DraftStore, type DraftInfo, type DraftStoreOptions, type SealedValue, type Sealer } from './offline/draft-store.js';
export {
  FieldDevice,
  checkReference,
  photoIdsOf,
  type AssignmentsSnapshot,
  type CheckDraft,
  type CheckSyncState,
  type FieldDeviceEventMap,
  type FieldDeviceOptions,
  type FieldPosition,
  type LogoutResult,
  type QueuedCheck,
  type UploadProgressDetail,
} from './offline/field-device.js';
export { preparePhoto, type PhotoOptions, type PreparedPhoto } from './offline/photo.js';
export { askPersistentStorage, storageStatus, type StorageStatus } from './offline/storage-status.js';
