import { z } from 'zod/mini';
import { Address, Id, IsoDate, IsoDateTime, noControlCharacters } from './common.js';
import { extensibleEnum } from './extensible-enum.js';

// Records: look-ups of persons, vehicles and addresses. Every look-up states a purpose and leaves
// an audit entry per source consulted (EU Law Enforcement Directive 2016/680, art. 25: who, when,
// what, why). The rules of national numbers, plates and purposes are in ../records/.

/**
 * A Belgian licence plate in its canonical form: `1-ABC-234`, or an older `ABC-123` / `123-ABC`
 * (see {@link parsePlate}).
 *
 * @category Schemas
 */
export const LicencePlate = z.string().check(z.regex(/^([1-9]-[A-Z]{3}-\d{3}|[A-Z]{3}-\d{3}|\d{3}-[A-Z]{3})$/, 'Expected a plate such as 1-ABC-234.'));
export type LicencePlate = z.infer<typeof LicencePlate>;

/**
 * The series of a plate: `current` (`1-ABC-234`), `letters_digits` (`ABC-123`), `digits_letters`
 * (`123-ABC`). Extensible: handle unknown values; show the plate as it came.
 *
 * @category Schemas
 */
export const LicencePlateFormat = extensibleEnum(['current', 'letters_digits', 'digits_letters']);
export type LicencePlateFormat = z.infer<typeof LicencePlateFormat>;

/**
 * Why a look-up is made (see {@link LOOKUP_PURPOSE_CODES}). Extensible: an audit trail lists
 * codes newer clients send; show one you have no label for as it came. Send only values you offer.
 *
 * @category Schemas
 */
export const LookupPurposeCode = extensibleEnum(['incident', 'check', 'traffic_control', 'investigation', 'other']);
export type LookupPurposeCode = z.infer<typeof LookupPurposeCode>;

/**
 * The schema of {@link LookupPurpose}.
 *
 * @category Schemas
 */
export const LookupPurpose = z.object({
  code: LookupPurposeCode,
  text: z.optional(z.string().check(z.maxLength(500), noControlCharacters(true))),
});
/**
 * Why a look-up is made; the backend refuses a look-up without one (EU Directive 2016/680,
 * art. 25) with 422 `purpose_required`, and one whose code is unknown or whose text is missing
 * with 422 `purpose_invalid` (see {@link purposeProblems}).
 *
 * @category Schemas
 */
export interface LookupPurpose {
  /** {@inheritDoc LookupPurposeCode} */
  code: LookupPurposeCode;
  /**
   * The file or the reason, at most 500 characters: required for `incident` and `check` (the
   * incident or check number) and for `other` (why).
   */
  text?: string | undefined;
}

/**
 * A warning on a record that matters in the field. Extensible: handle unknown values; show one
 * you have no label for as it came, as a warning.
 *
 * - `wanted`: the person is wanted (arrest warrant); `signalled`: signalled for a measure (e.g. to
 *   be heard); `electronic_monitoring`: under electronic monitoring (ankle tag);
 * - `stolen`: the vehicle is reported stolen; `wanted_vehicle`: the vehicle is sought;
 *   `uninsured`: no valid insurance;
 * - `domicile_check_open`: a domicile check at the address is still to be done.
 *
 * @category Schemas
 */
export const RecordFlagCode = extensibleEnum(['wanted', 'signalled', 'electronic_monitoring', 'stolen', 'wanted_vehicle', 'uninsured', 'domicile_check_open']);
export type RecordFlagCode = z.infer<typeof RecordFlagCode>;

/**
 * The schema of {@link RecordFlag}.
 *
 * @category Schemas
 */
export const RecordFlag = z.object({
  code: RecordFlagCode,
  detail: z.string(),
  reference: z.optional(z.string()),
});
/**
 * A warning on a person, a vehicle or an address.
 *
 * @category Schemas
 */
export interface RecordFlag {
  /** {@inheritDoc RecordFlagCode} */
  code: RecordFlagCode;
  /** What the officer should know, in the records' words. */
  detail: string;
  /** The file behind it, e.g. a check assignment's id or a warrant number, when there is one. */
  reference?: string | undefined;
}

/**
 * The schema of {@link PersonRecord}.
 *
 * @category Schemas
 */
export const PersonRecord = z.object({
  id: Id,
  familyName: z.string(),
  givenNames: z.string(),
  birthDate: IsoDate,
  sex: z.optional(z.enum(['male', 'female'])),
  nationalNumber: z.string(),
  nationalNumberMasked: z.boolean(),
  address: z.optional(Address),
  flags: z.array(RecordFlag),
});
/**
 * A person as the records return them, with what the caller's role may see.
 *
 * @category Schemas
 */
export interface PersonRecord {
  /** The record's id. */
  id: Id;
  /** The family name. */
  familyName: string;
  /** The given names. */
  givenNames: string;
  /** The date of birth. */
  birthDate: IsoDate;
  /** The sex the national number encodes, when it does. */
  sex?: 'male' | 'female' | undefined;
  /**
   * The national register number as on an identity card, `85.07.30-033.28`; for an officer in the
   * field masked to `85.07.30-***.**` (a supervisor sees it whole): see `nationalNumberMasked`.
   */
  nationalNumber: string;
  /** Whether `nationalNumber` is masked for the caller's role. */
  nationalNumberMasked: boolean;
  /** The registered address, when there is one. */
  address?: Address | undefined;
  /** Warnings on the person. */
  flags: RecordFlag[];
}

/**
 * The schema of {@link VehicleRecord}.
 *
 * @category Schemas
 */
export const VehicleRecord = z.object({
  plate: LicencePlate,
  plateFormat: LicencePlateFormat,
  make: z.string(),
  model: z.string(),
  colour: z.string(),
  insured: z.boolean(),
  inspectionValidUntil: z.optional(IsoDate),
  holderId: z.optional(Id),
  flags: z.array(RecordFlag),
});
/**
 * A vehicle as the records return it.
 *
 * @category Schemas
 */
export interface VehicleRecord {
  /** The canonical plate. */
  plate: LicencePlate;
  /** {@inheritDoc LicencePlateFormat} */
  plateFormat: LicencePlateFormat;
  /** The make, e.g. `Volkswagen`. */
  make: string;
  /** The model. */
  model: string;
  /** The colour. */
  colour: string;
  /** Whether the vehicle is insured today. */
  insured: boolean;
  /** Until when the technical inspection is valid. */
  inspectionValidUntil?: IsoDate | undefined;
  /** The {@link PersonRecord.id} of the person it is registered to, when a person. */
  holderId?: Id | undefined;
  /** Warnings on the vehicle. */
  flags: RecordFlag[];
}

/**
 * The schema of {@link AddressRecord}.
 *
 * @category Schemas
 */
export const AddressRecord = z.object({
  id: Id,
  address: Address,
  residentCount: z.number().check(z.int(), z.gte(0)),
  flags: z.array(RecordFlag),
});
/**
 * An address as the records return it: who may live there is a person look-up, not part of it.
 *
 * @category Schemas
 */
export interface AddressRecord {
  /** The record's id. */
  id: Id;
  /** The address. */
  address: Address;
  /** How many persons are registered there. */
  residentCount: number;
  /** Warnings on the address, e.g. an open domicile check. */
  flags: RecordFlag[];
}

/**
 * The schema of {@link PriorIncident}.
 *
 * @category Schemas
 */
export const PriorIncident = z.object({
  number: z.string(),
  type: z.string(),
  date: IsoDate,
  role: extensibleEnum(['suspect', 'victim', 'witness', 'involved']),
});
/**
 * An incident a person was part of, as a person's dossier lists it.
 *
 * @category Schemas
 */
export interface PriorIncident {
  /** The incident's number, e.g. `PZ-2026-004211`. */
  number: string;
  /** Its type, e.g. `burglary` (the incident types' codes). */
  type: string;
  /** When it happened. */
  date: IsoDate;
  /** The person's part in it. Extensible: show one you have no label for as it came. */
  role: 'suspect' | 'victim' | 'witness' | 'involved' | (string & {});
}

/**
 * The schema of {@link PersonDossier}.
 *
 * @category Schemas
 */
export const PersonDossier = z.object({
  person: PersonRecord,
  vehicles: z.array(VehicleRecord),
  addresses: z.array(AddressRecord),
  incidents: z.array(PriorIncident),
});
/**
 * A person with what is linked to them, as the one-box search answers: vehicles registered to
 * them, their addresses, prior incidents; warnings are on each record.
 *
 * @category Schemas
 */
export interface PersonDossier {
  /** The person. */
  person: PersonRecord;
  /** Vehicles registered to the person. */
  vehicles: VehicleRecord[];
  /** Addresses the person is registered at. */
  addresses: AddressRecord[];
  /** Incidents the person was part of, latest first. */
  incidents: PriorIncident[];
}

const SearchText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), noControlCharacters());

/**
 * The schema of {@link PersonSearchInput}.
 *
 * @category Schemas
 */
export const PersonSearchInput = z.object({
  purpose: z.optional(LookupPurpose),
  nationalNumber: z.optional(z.string().check(z.maxLength(20), noControlCharacters())),
  familyName: z.optional(SearchText(100)),
  givenName: z.optional(SearchText(100)),
  birthDate: z.optional(IsoDate),
});
/**
 * A person look-up: by national register number, or by family name and birth date (a given name
 * narrows it down). `purpose` is required: it is optional here so that the server can answer its
 * absence with 422 `purpose_required` rather than a shape error.
 *
 * @category Schemas
 */
export interface PersonSearchInput {
  /** Why. */
  purpose?: LookupPurpose | undefined;
  /** A national register number as typed (dots, dashes, spaces allowed). */
  nationalNumber?: string | undefined;
  /** The family name, whatever the case and accents. */
  familyName?: string | undefined;
  /** A given name. */
  givenName?: string | undefined;
  /** The date of birth. */
  birthDate?: IsoDate | undefined;
}

/**
 * The schema of {@link VehicleSearchInput}.
 *
 * @category Schemas
 */
export const VehicleSearchInput = z.object({
  purpose: z.optional(LookupPurpose),
  plate: z.string().check(z.maxLength(20), noControlCharacters()),
});
/**
 * A vehicle look-up by plate, typed as seen (`1 abc 234`).
 *
 * @category Schemas
 */
export interface VehicleSearchInput {
  /** Why; required (see {@link PersonSearchInput.purpose}). */
  purpose?: LookupPurpose | undefined;
  /** The plate as typed. */
  plate: string;
}

/**
 * The schema of {@link AddressSearchInput}.
 *
 * @category Schemas
 */
export const AddressSearchInput = z.object({
  purpose: z.optional(LookupPurpose),
  street: z.optional(SearchText(200)),
  houseNumber: z.optional(SearchText(20)),
  postalCode: z.optional(z.string().check(z.regex(/^[1-9]\d{3}$/, 'Expected a Belgian postal code of four digits.'))),
  municipality: z.optional(SearchText(200)),
});
/**
 * An address look-up: a street (with a postal code or a municipality to narrow it down), and a
 * house number when known.
 *
 * @category Schemas
 */
export interface AddressSearchInput {
  /** Why; required (see {@link PersonSearchInput.purpose}). */
  purpose?: LookupPurpose | undefined;
  /** The street, or the start of its name. */
  street?: string | undefined;
  /** The house number. */
  houseNumber?: string | undefined;
  /** The postal code. */
  postalCode?: string | undefined;
  /** The municipality. */
  municipality?: string | undefined;
}

/**
 * The schema of {@link RecordSearchInput}.
 *
 * @category Schemas
 */
export const RecordSearchInput = z.object({
  purpose: z.optional(LookupPurpose),
  query: SearchText(200),
});
/**
 * A one-box look-up: the server recognises a national register number, a plate, an address
 * (a street with a number or a postal code) or a name (`Verbeke An`, `An Verbeke`).
 *
 * @category Schemas
 */
export interface RecordSearchInput {
  /** Why; required (see {@link PersonSearchInput.purpose}). */
  purpose?: LookupPurpose | undefined;
  /** What the officer typed. */
  query: string;
}

/**
 * The schema of {@link PersonSearchResult}.
 *
 * @category Schemas
 */
export const PersonSearchResult = z.object({ items: z.array(PersonRecord) });
/**
 * The persons a person look-up found.
 *
 * @category Schemas
 */
export interface PersonSearchResult {
  /** The persons found, at most 20. */
  items: PersonRecord[];
}

/**
 * The schema of {@link VehicleSearchResult}.
 *
 * @category Schemas
 */
export const VehicleSearchResult = z.object({ items: z.array(VehicleRecord) });
/**
 * The vehicles a vehicle look-up found.
 *
 * @category Schemas
 */
export interface VehicleSearchResult {
  /** The vehicles found (one, or none). */
  items: VehicleRecord[];
}

/**
 * The schema of {@link AddressSearchResult}.
 *
 * @category Schemas
 */
export const AddressSearchResult = z.object({ items: z.array(AddressRecord) });
/**
 * The addresses an address look-up found.
 *
 * @category Schemas
 */
export interface AddressSearchResult {
  /** The addresses found, at most 20. */
  items: AddressRecord[];
}

/**
 * What the one-box search took the query for. Extensible: handle unknown values.
 *
 * @category Schemas
 */
export const RecordQueryKind = extensibleEnum(['national_number', 'plate', 'address', 'name']);
export type RecordQueryKind = z.infer<typeof RecordQueryKind>;

/**
 * The schema of {@link RecordSearchResult}.
 *
 * @category Schemas
 */
export const RecordSearchResult = z.object({
  kind: RecordQueryKind,
  persons: z.array(PersonDossier),
  vehicles: z.array(VehicleRecord),
  addresses: z.array(AddressRecord),
});
/**
 * What the one-box search found: persons with everything linked to them, or vehicles, or addresses.
 *
 * @category Schemas
 */
export interface RecordSearchResult {
  /** {@inheritDoc RecordQueryKind} */
  kind: RecordQueryKind;
  /** Persons found, each with linked vehicles, addresses, incidents and flags. */
  persons: PersonDossier[];
  /** Vehicles found by plate. */
  vehicles: VehicleRecord[];
  /** Addresses found. */
  addresses: AddressRecord[];
}

/**
 * Which records a look-up consulted. Extensible: handle unknown values.
 *
 * @category Schemas
 */
export const AuditSource = extensibleEnum(['persons', 'vehicles', 'addresses', 'incidents']);
export type AuditSource = z.infer<typeof AuditSource>;

/**
 * How a look-up ended: `ok` (answered, maybe with nothing found), `refused` (no or no valid
 * purpose: nothing consulted), `invalid` (the query cannot be one, e.g. a national number whose
 * check digits are wrong: nothing consulted). Extensible: handle unknown values.
 *
 * @category Schemas
 */
export const AuditOutcome = extensibleEnum(['ok', 'refused', 'invalid']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/**
 * The schema of {@link AuditEntry}.
 *
 * @category Schemas
 */
export const AuditEntry = z.object({
  id: Id,
  lookupId: Id,
  at: IsoDateTime,
  officerId: Id,
  source: AuditSource,
  query: z.string(),
  purpose: z.optional(LookupPurpose),
  resultCount: z.number().check(z.int(), z.gte(0)),
  outcome: AuditOutcome,
  subjects: z.array(Id),
});
/**
 * An entry of the look-up audit trail: who consulted which source, when, for what and why, and
 * what came of it. Entries are only ever added; none is changed or removed.
 *
 * @category Schemas
 */
export interface AuditEntry {
  /** The entry's id. */
  id: Id;
  /** The look-up it belongs to: a look-up that consulted several sources has one entry per source. */
  lookupId: Id;
  /** When the look-up was made. */
  at: IsoDateTime;
  /** Who made it: the officer's id (`supervisor` for a supervisor's token without one). */
  officerId: Id;
  /** {@inheritDoc AuditSource} */
  source: AuditSource;
  /**
   * What was asked, normalised and no more than the look-up needed, e.g. `plate=1-ABC-234`,
   * `nationalNumber=85073003328`, `familyName=verbeke birthDate=1985-07-30`.
   */
  query: string;
  /** Why, as the officer stated it; absent when the look-up was refused for having none. */
  purpose?: LookupPurpose | undefined;
  /** How many records the source returned. */
  resultCount: number;
  /** {@inheritDoc AuditOutcome} */
  outcome: AuditOutcome;
  /** The ids of the records returned (person ids, plates, address ids), so a supervisor can ask who consulted one. */
  subjects: Id[];
}
