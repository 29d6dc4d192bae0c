/**
 * `@blauw/widgets`: Lit web components and the shared pieces they are built from (client
 * context, localization, loading states, design tokens).
 *
 * @packageDocumentation
 * @module @blauw/widgets
 */
export { BlauwBookingCalendar } from './booking-calendar/booking-calendar.js';
export type {
  BookedDetail,
  BookingErrorDetail,
  CancelledDetail,
  RescheduledDetail,
  VisitRequestedDetail,
} from './booking-calendar/booking-calendar.js';
export { BlauwProvider } from './provider/provider.js';
export type { BlauwErrorDetail } from './provider/provider.js';
export { ApiClientCache, ClientController, clientContext, clientSource, ensureContextRoot, isClientSource, sharedClient, type ApiAuth, type ClientSource } from './shared/client-context.js';
export type { ClientControllerOptions, ClientHost } from './shared/client-context.js';
export { ClientTask } from './shared/client-task.js';
export type { ClientTaskOptions, ClientTaskRenderers, ClientTaskStatus } from './shared/client-task.js';
export { defineMessages, interpolate } from './shared/define-messages.js';
export type { MessageCatalog, MessageKey, MessageParams } from './shared/define-messages.js';
export { formattersFor } from './shared/formatters.js';
export type { Formatters, Instant } from './shared/formatters.js';
export { BELGIAN_LOCALES, DEFAULT_LANGUAGE, LANGUAGES, toLanguage } from './shared/language.js';
export type { Language } from './shared/language.js';
export { LocaleController, resolveLanguage } from './shared/locale-controller.js';
export { errorMessageKey, sharedMessages } from './shared/messages.js';
export type { SharedMessageKey } from './shared/messages.js';
export { NetworkStatus } from './shared/network-status.js';
export { toBlauwError } from './shared/to-blauw-error.js';
export { baseStyles, buttons, focusRing, hostBox, reducedMotion, tokens, visuallyHidden } from './shared/tokens.js';
export { BlauwIncidentMap } from './incident-map/incident-map.js';
export { BlauwIncidentTimeline } from './incident-timeline/incident-timeline.js';
export type { IncidentOpenDetail, IncidentSelectDetail } from './incident-feed/incident-events.js';
export { IncidentFeed } from './incident-feed/incident-feed.js';
export type { FeedChangeDetail, FeedState, IncidentFeedEventMap, IncidentFeedOptions } from './incident-feed/incident-feed.js';
export { FeedController, type FeedControllerOptions, type SharedFeed } from './shared/feed-controller.js';
export { IncidentFeedController } from './incident-feed/incident-feed-controller.js';
export type { IncidentFeedControllerOptions } from './incident-feed/incident-feed-controller.js';
export { BlauwCheckForm } from './check-form/check-form.js';
export type { CheckFailedDetail, CheckSavedDetail, CheckSubmittedDetail } from './check-form/check-form.js';
export { BlauwCheckReceipt } from './check-receipt/check-receipt.js';
export type { ReceiptPosition } from './check-receipt/check-receipt.js';
export { FieldDeviceController, OnlineOnlyDevice, deviceOf, type CheckDevice, type DeviceEvents, type FieldDeviceControllerOptions, type WhereStorageFails } from './shared/field-device.js';
export { BlauwCheckList } from './check-list/check-list.js';
export type { CheckListEventMap, CheckOpenDetail } from './check-list/check-list.js';
export type { CheckListDevice } from './check-list/check-list-device.js';
export { BlauwFieldLogout } from './field-logout/field-logout.js';
export type { FieldLogoutDevice, FieldLogoutEventMap, LoggedOutDetail } from './field-logout/field-logout.js';
export { BlauwRecordLookup } from './record-lookup/record-lookup.js';
export type { LookupKind, RecordLookupDetail, RecordLookupEventMap, RecordsApi, RecordsLookups } from './record-lookup/record-lookup.js';
export { BlauwBriefings } from './briefings/briefings.js';
export type { BriefingAcknowledgedDetail, BriefingsEventMap } from './briefings/briefings.js';
export type { AcknowledgementDevice } from './briefings/acknowledgement-outbox.js';
export { MessagingFeed } from './messaging-feed/messaging-feed.js';
export type { BriefingStreamEvent, MessagingFeedChangeDetail, MessagingFeedConnectOptions, MessagingFeedEventMap, MessagingFeedOptions, MessagingFeedRefetchDetail, MessagingFeedState } from './messaging-feed/messaging-feed.js';
export { fieldMessagingClient } from './messaging-feed/field-messaging-client.js';
export type { FieldMessagingClient } from './messaging-feed/field-messaging-client.js';
export { MessagingFeedController } from './messaging-feed/messaging-feed-controller.js';
export type { MessagingFeedControllerOptions } from './messaging-feed/messaging-feed-controller.js';
export { BlauwChat } from './chat/chat.js';
export type { ChatEventMap, MessageDevice, MessageFailedDetail, MessageSentDetail, PositionOpenDetail } from './chat/chat.js';
