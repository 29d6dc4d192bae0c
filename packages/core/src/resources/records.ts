import { page, type IsoDateTime } from '../schemas/common.js';
import {
  AddressSearchResult,
  AuditEntry,
  PersonSearchResult,
  RecordSearchResult,
  VehicleSearchResult,
  type AddressRecord,
  type AddressSearchInput,
  type LookupPurpose,
  type PersonRecord,
  type PersonSearchInput,
  type VehicleRecord,
} from '../schemas/records.js';
import type { Transport } from '../transport/transport.js';
import type { WriteOptions } from './booking.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

const AuditPage = page(AuditEntry);

/**
 * What every look-up takes: why it is made (required, and audited), and the call options. A
 * retried look-up keeps its Idempotency-Key, so the server answers it without a second audit entry.
 *
 * @category Resources
 */
export interface LookupOptions extends WriteOptions {
  /** Why the look-up is made: see {@link LookupPurpose}; {@link purposeProblems} checks it before sending. */
  purpose: LookupPurpose;
}

/**
 * Options of {@link RecordsResource.persons}: a national register number as typed, or a family
 * name and birth date (a given name narrows it down).
 *
 * @category Resources
 */
export type PersonLookupOptions = LookupOptions & Omit<PersonSearchInput, 'purpose'>;

/**
 * Options of {@link RecordsResource.vehicles}.
 *
 * @category Resources
 */
export interface VehicleLookupOptions extends LookupOptions {
  /** The plate as typed (`1 abc 234`); the server normalizes it (see {@link parsePlate}). */
  plate: string;
}

/**
 * Options of {@link RecordsResource.addresses}.
 *
 * @category Resources
 */
export type AddressLookupOptions = LookupOptions & Omit<AddressSearchInput, 'purpose'>;

/**
 * Options of {@link RecordsResource.search}.
 *
 * @category Resources
 */
export interface RecordLookupOptions extends LookupOptions {
  /** What the officer typed in the one search box: a national number, a plate, an address or a name. */
  query: string;
}

/**
 * Options of {@link RecordsResource.audit}.
 *
 * @category Resources
 */
export interface AuditListOptions extends PageOptions {
  /** Only this officer's look-ups. */
  officerId?: string | undefined;
  /** Only look-ups that returned or asked for this record: a person or address id, a plate or a national number, as typed. */
  subject?: string | undefined;
  /** Only look-ups at or after this instant. */
  from?: IsoDateTime | undefined;
  /** Only look-ups at or before this instant. */
  to?: IsoDateTime | undefined;
}

/**
 * Records look-ups: persons, vehicles, addresses and a one-box search. Every look-up states a
 * purpose, and the server writes an audit entry per source it consulted (who, when, what, why),
 * failed look-ups too; a supervisor reads the trail with {@link RecordsResource.audit}. An officer
 * sees national numbers masked (`85.07.30-***.**`), a supervisor whole. Officer or supervisor
 * token required. Reach it as `client.records`.
 *
 * @example
 * ```ts
 * const purpose = { code: 'incident', text: '2027-000412' };
 * const [vehicle] = await client.records.vehicles({ plate: '1 abc 234', purpose, signal });
 * const found = await client.records.search({ query: 'Verbeke An 30/07/1985', purpose, signal });
 * ```
 *
 * @category Resources
 */
export class RecordsResource {
  protected readonly transport: Transport;

  /**
   * The look-up audit trail, newest first (supervisor token).
   *
   * @throws {ForbiddenError} `forbidden` for an officer's token.
   */
  readonly audit: ListMethod<AuditListOptions, AuditEntry>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.audit = listMethod((options: AuditListOptions) =>
      transport.request({
        method: 'GET',
        path: 'records/audit',
        query: { officerId: options.officerId, subject: options.subject, from: options.from, to: options.to, cursor: options.cursor, limit: options.limit },
        schema: AuditPage,
        call: options,
      }),
    );
  }

  /**
   * Looks persons up by national register number, or by family name and birth date.
   *
   * @throws {ValidationError} `purpose_required` or `purpose_invalid` (pointers `/purpose…`),
   *   `national_number_invalid` (pointer `/nationalNumber`: a mistyped digit), `search_criteria_missing`.
   * @throws {ForbiddenError} when the token may not consult the records.
   */
  async persons(options: PersonLookupOptions): Promise<PersonRecord[]> {
    const { purpose, nationalNumber, familyName, givenName, birthDate } = options;
    const body = defined({ purpose, nationalNumber, familyName, givenName, birthDate });
    return (await this.transport.request({ method: 'POST', path: 'records/persons/search', body, schema: PersonSearchResult, call: options, idempotencyKey: options.idempotencyKey })).items;
  }

  /**
   * Looks a vehicle up by plate; an empty list when the plate is not registered.
   *
   * @throws {ValidationError} `purpose_required`, `purpose_invalid`, or `plate_invalid` (pointer `/plate`).
   * @throws {ForbiddenError} when the token may not consult the records.
   */
  async vehicles(options: VehicleLookupOptions): Promise<VehicleRecord[]> {
    const body = { purpose: options.purpose, plate: options.plate };
    return (await this.transport.request({ method: 'POST', path: 'records/vehicles/search', body, schema: VehicleSearchResult, call: options, idempotencyKey: options.idempotencyKey })).items;
  }

  /**
   * Looks addresses up by street, house number, postal code and municipality.
   *
   * @throws {ValidationError} `purpose_required`, `purpose_invalid`, or `search_criteria_missing` (no street, postal code or municipality).
   * @throws {ForbiddenError} when the token may not consult the records.
   */
  async addresses(options: AddressLookupOptions): Promise<AddressRecord[]> {
    const { purpose, street, houseNumber, postalCode, municipality } = options;
    const body = defined({ purpose, street, houseNumber, postalCode, municipality });
    return (await this.transport.request({ method: 'POST', path: 'records/addresses/search', body, schema: AddressSearchResult, call: options, idempotencyKey: options.idempotencyKey })).items;
  }

  /**
   * The one-box search: the server takes the query for a national number, a plate, an address or
   * a name, and answers a person with their vehicles, addresses, prior incidents and flags.
   *
   * @throws {ValidationError} `purpose_required`, `purpose_invalid`, or `national_number_invalid` (pointer `/query`).
   * @throws {ForbiddenError} when the token may not consult the records.
   */
  search(options: RecordLookupOptions): Promise<RecordSearchResult> {
    const body = { purpose: options.purpose, query: options.query };
    return this.transport.request({ method: 'POST', path: 'records/search', body, schema: RecordSearchResult, call: options, idempotencyKey: options.idempotencyKey });
  }
}

/** The members that are set: a JavaScript caller's `undefined` is not sent. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
