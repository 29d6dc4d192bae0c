// Compiled by `npm run typecheck` (tsc), imported by nothing, so none of it ships. Every object
// type of the contract is written twice: the zod schema the SDK parses with, and an interface whose
// fields carry the comments editors, the bundled .d.ts and the API reference show (comments inside a
// z.object shape reach none of them). Here each interface must be *identical* to what its schema
// infers, not merely assignable both ways: a field added to a schema as optional and forgotten in
// the interface, a `| null` or a closed enum turned extensible on one side only, all fail tsc.
import type { z } from 'zod/mini';
import type * as s from './index.js';

/** `true` when A and B are the same type (TypeScript's identity relation, not assignability). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<Interface, Schema extends z.ZodMiniType> = Equal<Interface, z.infer<Schema>>;
type Expect<Check extends true> = Check;

export type SchemaInterfacesMatch = [
  // common.ts
  Expect<Same<s.LocalizedText, typeof s.LocalizedText>>,
  Expect<Same<s.GeoPoint, typeof s.GeoPoint>>,
  Expect<Same<s.Address, typeof s.Address>>,
  Expect<Same<s.FieldError, typeof s.FieldError>>,
  Expect<Same<s.Problem, typeof s.Problem>>,
  Expect<Same<s.Page<s.Office>, ReturnType<typeof s.page<typeof s.Office>>>>,
  // zone.ts
  Expect<Same<s.Municipality, typeof s.Municipality>>,
  Expect<Same<s.OpeningPeriod, typeof s.OpeningPeriod>>,
  Expect<Same<s.Office, typeof s.Office>>,
  Expect<Same<s.StreetCoverage, typeof s.StreetCoverage>>,
  Expect<Same<s.Officer, typeof s.Officer>>,
  Expect<Same<s.Topic, typeof s.Topic>>,
  Expect<Same<s.OfficerForAddress, typeof s.OfficerForAddress>>,
  Expect<Same<s.OfficeClosure, typeof s.OfficeClosure>>,
  Expect<Same<s.OfficeClosureInput, typeof s.OfficeClosureInput>>,
  Expect<Same<s.Session, typeof s.Session>>,
  // booking.ts
  Expect<Same<s.Slot, typeof s.Slot>>,
  Expect<Same<s.ClosedDay, typeof s.ClosedDay>>,
  Expect<Same<s.AvailabilityDay, typeof s.AvailabilityDay>>,
  Expect<Same<s.Availability, typeof s.Availability>>,
  Expect<Same<s.SlotHoldInput, typeof s.SlotHoldInput>>,
  Expect<Same<s.SlotHold, typeof s.SlotHold>>,
  Expect<Same<s.Citizen, typeof s.Citizen>>,
  Expect<Same<s.BookingInput, typeof s.BookingInput>>,
  Expect<Same<s.Booking, typeof s.Booking>>,
  Expect<Same<s.RescheduleInput, typeof s.RescheduleInput>>,
  Expect<Same<s.HomeVisitInput, typeof s.HomeVisitInput>>,
  Expect<Same<s.HomeVisitRequest, typeof s.HomeVisitRequest>>,
  Expect<Same<s.HomeVisitConfirmation, typeof s.HomeVisitConfirmation>>,
  Expect<Same<s.HomeVisitDecline, typeof s.HomeVisitDecline>>,
  Expect<Same<s.OfficerSummary, typeof s.OfficerSummary>>,
  Expect<Same<s.Managed, typeof s.Managed>>,
  Expect<Same<s.Absence, typeof s.Absence>>,
  Expect<Same<s.AbsenceInput, typeof s.AbsenceInput>>,
  Expect<Same<s.Agenda, typeof s.Agenda>>,
  Expect<Same<s.SlotTakenProblem, typeof s.SlotTakenProblem>>,
  Expect<Same<s.StreetSuggestion, typeof s.StreetSuggestion>>,
  Expect<Same<s.AddressNotCoveredProblem, typeof s.AddressNotCoveredProblem>>,
  // checks.ts
  Expect<Same<s.CheckChoice, typeof s.CheckChoice>>,
  Expect<Same<s.CheckCondition, typeof s.CheckCondition>>,
  Expect<Same<s.CheckRules, typeof s.CheckRules>>,
  Expect<Same<s.CheckField, typeof s.CheckField>>,
  Expect<Same<s.CheckType, typeof s.CheckType>>,
  Expect<Same<s.CheckPerson, typeof s.CheckPerson>>,
  Expect<Same<s.CheckAssignment, typeof s.CheckAssignment>>,
  Expect<Same<s.CheckSubmissionInput, typeof s.CheckSubmissionInput>>,
  Expect<Same<s.CheckSubmission, typeof s.CheckSubmission>>,
  Expect<Same<s.CheckAnswer, typeof s.CheckAnswer>>,
  Expect<Same<s.CheckPhotoUpload, typeof s.CheckPhotoUpload>>,
  Expect<Same<s.CheckTypeList, typeof s.CheckTypeList>>,
  Expect<Same<s.CheckPhotoOffsetProblem, typeof s.CheckPhotoOffsetProblem>>,
  // incidents.ts
  Expect<Same<s.IncidentEvent, typeof s.IncidentEvent>>,
  Expect<Same<s.Incident, typeof s.Incident>>,
  Expect<Same<s.Unit, typeof s.Unit>>,
  Expect<Same<s.IncidentChange, typeof s.IncidentChange>>,
  Expect<Same<s.UnitChange, typeof s.UnitChange>>,
  Expect<Same<s.StreamReset, typeof s.StreamReset>>,
  Expect<Same<s.GeoFeature, typeof s.GeoFeature>>,
  Expect<Same<s.ZoneGeography, typeof s.ZoneGeography>>,
  // messaging.ts
  Expect<Same<s.Conversation, typeof s.Conversation>>,
  Expect<Same<s.Message, typeof s.Message>>,
  Expect<Same<s.Briefing, typeof s.Briefing>>,
  Expect<Same<s.Participant, typeof s.Participant>>,
  Expect<Same<s.SharedPosition, typeof s.SharedPosition>>,
  Expect<Same<s.MessageAttachment, typeof s.MessageAttachment>>,
  Expect<Same<s.MessageReader, typeof s.MessageReader>>,
  Expect<Same<s.MessageInput, typeof s.MessageInput>>,
  Expect<Same<s.ReadInput, typeof s.ReadInput>>,
  Expect<Same<s.ReadReceipt, typeof s.ReadReceipt>>,
  Expect<Same<s.BriefingAudience, typeof s.BriefingAudience>>,
  Expect<Same<s.BriefingAttachment, typeof s.BriefingAttachment>>,
  Expect<Same<s.BriefingInput, typeof s.BriefingInput>>,
  Expect<Same<s.BriefingAcknowledgement, typeof s.BriefingAcknowledgement>>,
  Expect<Same<s.BriefingTeamStatus, typeof s.BriefingTeamStatus>>,
  Expect<Same<s.BriefingStatus, typeof s.BriefingStatus>>,
  // records.ts
  Expect<Same<s.LookupPurpose, typeof s.LookupPurpose>>,
  Expect<Same<s.PersonRecord, typeof s.PersonRecord>>,
  Expect<Same<s.VehicleRecord, typeof s.VehicleRecord>>,
  Expect<Same<s.AuditEntry, typeof s.AuditEntry>>,
  Expect<Same<s.RecordFlag, typeof s.RecordFlag>>,
  Expect<Same<s.AddressRecord, typeof s.AddressRecord>>,
  Expect<Same<s.PriorIncident, typeof s.PriorIncident>>,
  Expect<Same<s.PersonDossier, typeof s.PersonDossier>>,
  Expect<Same<s.PersonSearchInput, typeof s.PersonSearchInput>>,
  Expect<Same<s.VehicleSearchInput, typeof s.VehicleSearchInput>>,
  Expect<Same<s.AddressSearchInput, typeof s.AddressSearchInput>>,
  Expect<Same<s.RecordSearchInput, typeof s.RecordSearchInput>>,
  Expect<Same<s.PersonSearchResult, typeof s.PersonSearchResult>>,
  Expect<Same<s.VehicleSearchResult, typeof s.VehicleSearchResult>>,
  Expect<Same<s.AddressSearchResult, typeof s.AddressSearchResult>>,
  Expect<Same<s.RecordSearchResult, typeof s.RecordSearchResult>>,
];
