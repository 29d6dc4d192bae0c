/**
 * `@blauw/widgets/react`: the Blauw widgets as React components, made with `@lit/react`.
 * Properties (`client`, `now`, …) are set on the element, attributes' fields too, and the
 * widgets' events are props: `onBooked` listens for `blauw-booked`, and so on, with the event's
 * `detail` typed. Importing this module defines the custom elements (through `@blauw/widgets`).
 *
 * ```tsx
 * import { BlauwBookingCalendar } from '@blauw/widgets/react';
 *
 * <BlauwBookingCalendar api="https://api.zone.example/v1" onBooked={(e) => track(e.detail.booking.id)} />
 * ```
 *
 * For the elements themselves in JSX (`<blauw-booking-calendar>`), see `@blauw/widgets/jsx`.
 *
 * @packageDocumentation
 * @module @blauw/widgets/react
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
// The package's own entry, as a consumer imports it: one copy of the element classes (and of
// their definitions) whichever entry a bundle imports first, and one set of declarations.
import {
  BlauwBookingCalendar as BookingCalendarElement,
  BlauwBriefings as BriefingsElement,
  BlauwChat as ChatElement,
  BlauwCheckForm as CheckFormElement,
  BlauwCheckList as CheckListElement,
  BlauwCheckReceipt as CheckReceiptElement,
  BlauwFieldLogout as FieldLogoutElement,
  BlauwRecordLookup as RecordLookupElement,
  BlauwIncidentMap as IncidentMapElement,
  BlauwIncidentTimeline as IncidentTimelineElement,
  BlauwProvider as ProviderElement,
  type BlauwErrorDetail,
  type BookedDetail,
  type BriefingAcknowledgedDetail,
  type CancelledDetail,
  type CheckFailedDetail,
  type MessageFailedDetail,
  type MessageSentDetail,
  type PositionOpenDetail,
  type CheckOpenDetail,
  type CheckSavedDetail,
  type CheckSubmittedDetail,
  type IncidentOpenDetail,
  type LoggedOutDetail,
  type RecordLookupDetail,
  type IncidentSelectDetail,
  type RescheduledDetail,
  type VisitRequestedDetail,
} from '@blauw/widgets';

/** The booking calendar's events as props; each handler gets the element's `CustomEvent`. */
export const bookingCalendarEvents = {
  /** `blauw-booked`: a meeting was booked. */
  onBooked: 'blauw-booked' as EventName<CustomEvent<BookedDetail>>,
  /** `blauw-rescheduled`: a booking was moved to another time. */
  onRescheduled: 'blauw-rescheduled' as EventName<CustomEvent<RescheduledDetail>>,
  /** `blauw-cancelled`: a booking or home-visit request was cancelled. */
  onCancelled: 'blauw-cancelled' as EventName<CustomEvent<CancelledDetail>>,
  /** `blauw-visit-requested`: a home visit was requested. */
  onVisitRequested: 'blauw-visit-requested' as EventName<CustomEvent<VisitRequestedDetail>>,
  /** `blauw-error`: a write failed for a reason other than the citizen's input or a taken slot. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/** The provider's events as props. */
export const providerEvents = {
  /** `blauw-error`: the `api` attribute is not an http(s) URL, so no client could be built. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-booking-calendar>` as a React component: `api`, `topic`, `office`, `officer`,
 * `manageToken`, `client` and `now` as props; `onBooked`, `onRescheduled`, `onCancelled`,
 * `onVisitRequested` and `onError` for its events. A `ref` is the element.
 */
export const BlauwBookingCalendar = createComponent({
  react: React,
  tagName: 'blauw-booking-calendar',
  elementClass: BookingCalendarElement,
  events: bookingCalendarEvents,
  displayName: 'BlauwBookingCalendar',
});

/**
 * `<blauw-provider>` as a React component: one client (`api` or `client`) for every Blauw
 * widget among its children; `onError` when `api` is not a URL.
 */
export const BlauwProvider = createComponent({
  react: React,
  tagName: 'blauw-provider',
  elementClass: ProviderElement,
  events: providerEvents,
  displayName: 'BlauwProvider',
});

/** The incident map's events as props. */
export const incidentMapEvents = {
  /** `blauw-incident-select`: the user chose an incident on the map or in its list. */
  onIncidentSelect: 'blauw-incident-select' as EventName<CustomEvent<IncidentSelectDetail>>,
};

/**
 * `<blauw-incident-map>` as a React component: `api`, `tiles`, `attribution` and `client` as
 * props; `onIncidentSelect` for its event. A `ref` is the element.
 */
export const BlauwIncidentMap = createComponent({
  react: React,
  tagName: 'blauw-incident-map',
  elementClass: IncidentMapElement,
  events: incidentMapEvents,
  displayName: 'BlauwIncidentMap',
});

/** The incident timeline's events as props. */
export const incidentTimelineEvents = {
  /** `blauw-incident-select`: the user selected an incident (click, or Space on an entry). */
  onIncidentSelect: 'blauw-incident-select' as EventName<CustomEvent<IncidentSelectDetail>>,
  /** `blauw-incident-open`: the user opened an incident's whole log. */
  onIncidentOpen: 'blauw-incident-open' as EventName<CustomEvent<IncidentOpenDetail>>,
  /** `blauw-error`: the feed stopped with an error (refused token, a list that cannot load). */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-incident-timeline>` as a React component: `api`, `groupBy`, `priority`, `timeZone`,
 * `client` and `now` as props; `onIncidentSelect`, `onIncidentOpen` and `onError` for its events.
 * A `ref` is the element.
 */
export const BlauwIncidentTimeline = createComponent({
  react: React,
  tagName: 'blauw-incident-timeline',
  elementClass: IncidentTimelineElement,
  events: incidentTimelineEvents,
  displayName: 'BlauwIncidentTimeline',
});

/** The check list's events as props. */
export const checkListEvents = {
  /** `blauw-check-open`: the officer picked an assignment, to open its form. */
  onCheckOpen: 'blauw-check-open' as EventName<CustomEvent<CheckOpenDetail>>,
  /** `blauw-error`: the list could not be loaded. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-check-list>` as a React component: `api`, `client`, `device`, `show`, `timeZone` and
 * `now` as props; `onCheckOpen` and `onError` for its events. A `ref` is the element.
 */
export const BlauwCheckList = createComponent({
  react: React,
  tagName: 'blauw-check-list',
  elementClass: CheckListElement,
  events: checkListEvents,
  displayName: 'BlauwCheckList',
});

/** The check form's events as props. */
export const checkFormEvents = {
  /** `blauw-check-saved`: the draft was saved on the device. */
  onCheckSaved: 'blauw-check-saved' as EventName<CustomEvent<CheckSavedDetail>>,
  /** `blauw-check-submitted`: the check was completed and queued. */
  onCheckSubmitted: 'blauw-check-submitted' as EventName<CustomEvent<CheckSubmittedDetail>>,
  /** `blauw-check-failed`: saving, queueing or sending failed, or the zone refused the check. */
  onCheckFailed: 'blauw-check-failed' as EventName<CustomEvent<CheckFailedDetail>>,
};

/**
 * `<blauw-check-form>` as a React component: `assignment`, `api`, `client`, `device`,
 * `officerNumber`, `zoneName`, `timeZone` and `now` as props; `onCheckSaved`, `onCheckSubmitted`
 * and `onCheckFailed` for its events. A `ref` is the element.
 */
export const BlauwCheckForm = createComponent({
  react: React,
  tagName: 'blauw-check-form',
  elementClass: CheckFormElement,
  events: checkFormEvents,
  displayName: 'BlauwCheckForm',
});

/**
 * `<blauw-check-receipt>` as a React component: `checkType`, `assignment`, `answers`,
 * `completedAt`, `reference`, `officerNumber`, `zoneName` and `position` as props. Call
 * `ref.current.print()` to print it alone.
 */
export const BlauwCheckReceipt = createComponent({
  react: React,
  tagName: 'blauw-check-receipt',
  elementClass: CheckReceiptElement,
  displayName: 'BlauwCheckReceipt',
});

/** The field logout's events as props. */
export const fieldLogoutEvents = {
  /** `blauw-logged-out`: the device was wiped (or kept nothing); sign the officer out of the page now. */
  onLoggedOut: 'blauw-logged-out' as EventName<CustomEvent<LoggedOutDetail>>,
  /** `blauw-error`: the device could not be wiped. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-field-logout>` as a React component: `api`, `client` and `device` as props;
 * `onLoggedOut` and `onError` for its events. A `ref` is the element.
 */
export const BlauwFieldLogout = createComponent({
  react: React,
  tagName: 'blauw-field-logout',
  elementClass: FieldLogoutElement,
  events: fieldLogoutEvents,
  displayName: 'BlauwFieldLogout',
});

/** The record look-up's events as props. */
export const recordLookupEvents = {
  /** `blauw-record-lookup`: a look-up was made (its kind, purpose and count; no personal data). */
  onRecordLookup: 'blauw-record-lookup' as EventName<CustomEvent<RecordLookupDetail>>,
  /** `blauw-error`: a look-up failed. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-record-lookup>` as a React component: `api`, `client`, `tab`, `timeZone` and `now` as
 * props; `onRecordLookup` and `onError` for its events. A `ref` is the element.
 */
export const BlauwRecordLookup = createComponent({
  react: React,
  tagName: 'blauw-record-lookup',
  elementClass: RecordLookupElement,
  events: recordLookupEvents,
  displayName: 'BlauwRecordLookup',
});

/** The briefings' events as props. */
export const briefingsEvents = {
  /** `blauw-briefing-acknowledged`: the officer acknowledged a briefing (the briefing and the server's acknowledgement). */
  onBriefingAcknowledged: 'blauw-briefing-acknowledged' as EventName<CustomEvent<BriefingAcknowledgedDetail>>,
  /** `blauw-error`: the briefings could not be loaded, an acknowledgement failed, or the live stream stopped. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-briefings>` as a React component: `api`, `client`, `view`, `timeZone` and `now` as
 * props; `onBriefingAcknowledged` and `onError` for its events. A `ref` is the element.
 */
export const BlauwBriefings = createComponent({
  react: React,
  tagName: 'blauw-briefings',
  elementClass: BriefingsElement,
  events: briefingsEvents,
  displayName: 'BlauwBriefings',
});

/** The chat's events as props. */
export const chatEvents = {
  /** `blauw-message-sent`: the server stored a message written here. */
  onMessageSent: 'blauw-message-sent' as EventName<CustomEvent<MessageSentDetail>>,
  /** `blauw-message-failed`: a message was refused or could not be queued. */
  onMessageFailed: 'blauw-message-failed' as EventName<CustomEvent<MessageFailedDetail>>,
  /** `blauw-position-open`: the officer asked to see a shared position on the incident map. */
  onPositionOpen: 'blauw-position-open' as EventName<CustomEvent<PositionOpenDetail>>,
  /** `blauw-error`: the conversations or a thread could not be loaded. */
  onError: 'blauw-error' as EventName<CustomEvent<BlauwErrorDetail>>,
};

/**
 * `<blauw-chat>` as a React component: `conversation`, `participant`, `api`, `client`, `device`,
 * `timeZone`, `now` and `geolocation` as props; `onMessageSent`, `onMessageFailed`,
 * `onPositionOpen` and `onError` for its events. A `ref` is the element.
 */
export const BlauwChat = createComponent({
  react: React,
  tagName: 'blauw-chat',
  elementClass: ChatElement,
  events: chatEvents,
  displayName: 'BlauwChat',
});
