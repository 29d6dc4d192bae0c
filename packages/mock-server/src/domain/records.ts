import type {
  AddressRecord,
  AddressSearchInput,
  AddressSearchResult,
  AuditEntry,
  AuditOutcome,
  AuditSource,
  LookupPurpose,
  PersonDossier,
  PersonRecord,
  PersonSearchInput,
  PersonSearchResult,
  RecordQueryKind,
  RecordSearchInput,
  RecordSearchResult,
  VehicleRecord,
  VehicleSearchInput,
  VehicleSearchResult,
} from '@blauw/core';
import { checkNationalNumber, formatNationalNumber, maskNationalNumber, normalizeNationalNumber, parsePlate, purposeProblems } from '@blauw/core';
import type { RecordsData, SeedAddress, SeedPerson, SeedVehicle } from '../seed/records-seed.js';
import { foldToAscii, normalizeStreet } from './address-match.js';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import { paginate, type PageRequest, type PageResult } from './pagination.js';
import { formatZoned } from './zoned-time.js';

// Records look-ups and their audit trail (EU Law Enforcement Directive 2016/680, art. 25: who,
// when, what, why). Pure TS: no HTTP, the clock is injected.
//
// Decisions:
// - Every look-up that reaches the desk is audited, failed ones too: one entry per source it
//   consulted (`ok`), or, when it consulted nothing, one entry for the source it was aimed at:
//   `refused` when the purpose is missing or not valid, `invalid` when the query cannot be one (a
//   national number whose check digits are wrong, a string that is no plate, no criteria). A
//   look-up refused for want of a purpose consulted nothing, but an attempt to look someone up
//   without saying why is exactly what a supervisor must be able to find, so it is logged.
// - The audited query is the normalised one (`plate=1-ABC-234`, `nationalNumber=85073003328`,
//   names folded to lower-case ASCII) and nothing more: not the answer. What was returned is kept
//   as record ids (`subjects`), so "who consulted this person?" has an answer.
// - Roles: an officer in the field sees a person's national number masked (`85.07.30-***.**`);
//   a supervisor, who stands for investigators until the sessions know that role, sees it whole.
//   Citizens have no session (their calls are anonymous) and never reach the desk.
// - The trail is append-only: {@link AuditTrail} has `append` and `query`, nothing else. Only the
//   dev control `reset` (which restores the whole seeded zone) starts a new one.

/** Who makes a look-up, as the desk needs it: the audited id and the role that decides what is shown. */
export interface RecordsActor {
  /** The officer's id, or `supervisor` for a supervisor's session without one. */
  officerId: string;
  role: 'officer' | 'supervisor';
}

/** What the audit query filters on. */
export interface AuditFilter {
  officerId?: string | undefined;
  /** A record id, a plate or a national number as typed: entries that returned it or asked for it. */
  subject?: string | undefined;
  /** Entries at or after this instant. */
  from?: string | undefined;
  /** Entries at or before this instant. */
  to?: string | undefined;
}

/** The most records a look-up returns. */
export const MAX_LOOKUP_RESULTS = 20;

/**
 * The look-up audit trail: entries are appended and queried, never changed or removed (no method
 * does either; the entries handed out are copies).
 */
export class AuditTrail {
  readonly #entries: AuditEntry[] = [];

  /** Adds an entry at the end. */
  append(entry: AuditEntry): void {
    this.#entries.push(structuredClone(entry));
  }

  /** The entries that match, newest first, a page at a time. */
  query(filter: AuditFilter, page: PageRequest = {}): PageResult<AuditEntry> {
    const subject = filter.subject === undefined ? undefined : subjectKeys(filter.subject);
    const from = filter.from === undefined ? undefined : Date.parse(filter.from);
    const to = filter.to === undefined ? undefined : Date.parse(filter.to);
    const matching = this.#entries.filter((entry) => {
      if (filter.officerId !== undefined && entry.officerId !== filter.officerId) return false;
      const at = Date.parse(entry.at);
      if (from !== undefined && at < from) return false;
      if (to !== undefined && at > to) return false;
      return subject === undefined || subject.some((key) => entry.subjects.includes(key) || entry.query.split(' ').some((part) => part.endsWith(`=${key}`)));
    });
    return structuredClone(paginate(matching.reverse(), page));
  }

  /** How many entries the trail holds. */
  get size(): number {
    return this.#entries.length;
  }
}

/** The forms a subject may be asked for in: as typed, and as a plate or a national number normalises it. */
function subjectKeys(subject: string): string[] {
  const keys = [subject.trim()];
  const plate = parsePlate(subject);
  if (plate.valid) keys.push(plate.plate);
  const nationalNumber = normalizeNationalNumber(subject);
  if (nationalNumber !== undefined) keys.push(nationalNumber);
  return keys;
}

/** Options of {@link RecordsDesk}. */
export interface RecordsDeskOptions {
  clock: Clock;
  timeZone: string;
  data: RecordsData;
}

/** One source's part in a look-up: what it returned, for the audit entry. */
interface Consulted {
  source: AuditSource;
  subjects: string[];
}

/** The records look-ups: persons, vehicles, addresses, the one-box search, and the audit trail they write. */
export class RecordsDesk {
  readonly #clock: Clock;
  readonly #timeZone: string;
  #data: RecordsData;
  #trail = new AuditTrail();
  #lookups = 0;
  #entries = 0;

  constructor(options: RecordsDeskOptions) {
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#data = options.data;
  }

  /** The audit trail (append and query only). */
  get audit(): AuditTrail {
    return this.#trail;
  }

  /** A copy of the register, for tests and demos to pick known records from; never served. */
  register(): RecordsData {
    return structuredClone(this.#data);
  }

  /** Restores a seeded register and starts a new trail (the dev control `reset`). */
  replace(data: RecordsData): void {
    this.#data = data;
    this.#trail = new AuditTrail();
  }

  /**
   * Persons by national register number, or by family name and birth date (a given name narrows
   * it down).
   *
   * @throws DomainError 422 `purpose_required` / `purpose_invalid`, `national_number_invalid`,
   *   `search_criteria_missing`; each audited.
   */
  searchPersons(actor: RecordsActor, input: PersonSearchInput): PersonSearchResult {
    const lookup = this.#begin(actor, input.purpose);
    if (input.nationalNumber !== undefined) {
      const check = checkNationalNumber(input.nationalNumber);
      const query = `nationalNumber=${input.nationalNumber.replace(/[^0-9]/g, '').slice(0, 11)}`;
      lookup.refuseWithoutPurpose('persons', query);
      if (!check.valid) return lookup.invalid('persons', query, 'national_number_invalid', '/nationalNumber', NATIONAL_NUMBER_DETAIL[check.reason]);
      const found = this.#data.persons.filter((person) => person.nationalNumber === check.nationalNumber);
      lookup.done([{ source: 'persons', subjects: found.map((person) => person.id) }], query);
      return { items: found.map((person) => this.#person(person, actor)) };
    }
    const familyName = input.familyName === undefined ? undefined : fold(input.familyName);
    const givenName = input.givenName === undefined ? undefined : fold(input.givenName);
    const query = [`familyName=${familyName ?? ''}`, ...(givenName === undefined ? [] : [`givenName=${givenName}`]), `birthDate=${input.birthDate ?? ''}`].join(' ');
    lookup.refuseWithoutPurpose('persons', query);
    if (familyName === undefined || input.birthDate === undefined) {
      lookup.invalid('persons', query, 'search_criteria_missing', familyName === undefined ? '/familyName' : '/birthDate', 'Look a person up by national number, or by family name and birth date.');
    }
    const found = this.#data.persons
      .filter((person) => fold(person.familyName) === familyName && person.birthDate === input.birthDate && (givenName === undefined || fold(person.givenNames).split(' ').some((name) => name.startsWith(givenName))))
      .slice(0, MAX_LOOKUP_RESULTS);
    lookup.done([{ source: 'persons', subjects: found.map((person) => person.id) }], query);
    return { items: found.map((person) => this.#person(person, actor)) };
  }

  /**
   * A vehicle by plate, typed in any usual way.
   *
   * @throws DomainError 422 `purpose_required` / `purpose_invalid`, `plate_invalid`; each audited.
   */
  searchVehicles(actor: RecordsActor, input: VehicleSearchInput): VehicleSearchResult {
    const lookup = this.#begin(actor, input.purpose);
    const plate = parsePlate(input.plate);
    const query = `plate=${plate.valid ? plate.plate : input.plate.replace(/[^0-9A-Za-z]/g, '').toUpperCase().slice(0, 12)}`;
    lookup.refuseWithoutPurpose('vehicles', query);
    if (!plate.valid) return lookup.invalid('vehicles', query, 'plate_invalid', '/plate', 'Expected a Belgian plate such as 1-ABC-234, ABC-123 or 123-ABC.');
    const found = this.#data.vehicles.filter((vehicle) => vehicle.plate === plate.plate);
    lookup.done([{ source: 'vehicles', subjects: found.map((vehicle) => vehicle.plate) }], query);
    return { items: found.map(vehicleRecord) };
  }

  /**
   * Addresses by street (with a house number, postal code or municipality to narrow it down), or
   * every address of a postal code or municipality (at most 20).
   *
   * @throws DomainError 422 `purpose_required` / `purpose_invalid`, `search_criteria_missing`; each audited.
   */
  searchAddresses(actor: RecordsActor, input: AddressSearchInput): AddressSearchResult {
    const lookup = this.#begin(actor, input.purpose);
    const query = addressQuery(input);
    lookup.refuseWithoutPurpose('addresses', query);
    if (input.street === undefined && input.postalCode === undefined && input.municipality === undefined) {
      lookup.invalid('addresses', query, 'search_criteria_missing', '/street', 'Give a street, a postal code or a municipality.');
    }
    const found = this.#findAddresses(input);
    lookup.done([{ source: 'addresses', subjects: found.map((address) => address.id) }], query);
    return { items: found.map((address) => this.#addressRecord(address)) };
  }

  /**
   * The one-box search: a national number or a name finds persons with their vehicles, addresses,
   * prior incidents and flags (four sources consulted when a person is found); a plate finds a
   * vehicle; a street with a number or a postal code finds addresses.
   *
   * @throws DomainError 422 `purpose_required` / `purpose_invalid`, `national_number_invalid`; each audited.
   */
  search(actor: RecordsActor, input: RecordSearchInput): RecordSearchResult {
    const lookup = this.#begin(actor, input.purpose);
    const text = input.query.trim();
    const kind = queryKind(text);
    const empty = { kind, persons: [], vehicles: [], addresses: [] };
    if (kind === 'plate') {
      const plate = parsePlate(text) as { valid: true; plate: string };
      const query = `plate=${plate.plate}`;
      lookup.refuseWithoutPurpose('vehicles', query);
      const found = this.#data.vehicles.filter((vehicle) => vehicle.plate === plate.plate);
      lookup.done([{ source: 'vehicles', subjects: found.map((vehicle) => vehicle.plate) }], query);
      return { ...empty, vehicles: found.map(vehicleRecord) };
    }
    if (kind === 'address') {
      const input = parseAddressQuery(text);
      const query = addressQuery(input);
      lookup.refuseWithoutPurpose('addresses', query);
      const found = this.#findAddresses(input);
      lookup.done([{ source: 'addresses', subjects: found.map((address) => address.id) }], query);
      return { ...empty, addresses: found.map((address) => this.#addressRecord(address)) };
    }
    let found: SeedPerson[];
    let query: string;
    if (kind === 'national_number') {
      const check = checkNationalNumber(text);
      query = `nationalNumber=${text.replace(/[^0-9]/g, '')}`;
      lookup.refuseWithoutPurpose('persons', query);
      if (!check.valid) return lookup.invalid('persons', query, 'national_number_invalid', '/query', NATIONAL_NUMBER_DETAIL[check.reason]);
      found = this.#data.persons.filter((person) => person.nationalNumber === check.nationalNumber);
    } else {
      const { names, birthDate } = parseNameQuery(text);
      query = `name=${names.join('+')}${birthDate === undefined ? '' : ` birthDate=${birthDate}`}`;
      lookup.refuseWithoutPurpose('persons', query);
      found = this.#data.persons
        .filter((person) => {
          const words = fold(`${person.givenNames} ${person.familyName}`).split(/[\s-]+/);
          return names.every((name) => words.includes(name)) && (birthDate === undefined || person.birthDate === birthDate);
        })
        .slice(0, MAX_LOOKUP_RESULTS);
    }
    const dossiers = found.map((person) => this.#dossier(person, actor));
    const consulted: Consulted[] = [{ source: 'persons', subjects: found.map((person) => person.id) }];
    // The linked records are read only when there is someone to link them to.
    if (found.length > 0) {
      consulted.push(
        { source: 'vehicles', subjects: dossiers.flatMap((dossier) => dossier.vehicles.map((vehicle) => vehicle.plate)) },
        { source: 'addresses', subjects: dossiers.flatMap((dossier) => dossier.addresses.map((address) => address.id)) },
        { source: 'incidents', subjects: dossiers.flatMap((dossier) => dossier.incidents.map((incident) => incident.number)) },
      );
    }
    lookup.done(consulted, query);
    return { ...empty, persons: dossiers };
  }

  /** Starts a look-up: what each way it can end writes to the trail. */
  #begin(actor: RecordsActor, purpose: LookupPurpose | undefined) {
    const lookupId = `lkp-${++this.#lookups}`;
    const at = formatZoned(this.#clock.now(), this.#timeZone);
    const problems = purposeProblems(purpose);
    const write = (source: AuditSource, query: string, outcome: AuditOutcome, subjects: string[]) =>
      this.#trail.append({
        id: `aud-${++this.#entries}`,
        lookupId,
        at,
        officerId: actor.officerId,
        source,
        query,
        ...(purpose === undefined ? {} : { purpose: { code: purpose.code.slice(0, 64), ...(purpose.text === undefined ? {} : { text: purpose.text }) } }),
        resultCount: subjects.length,
        outcome,
        subjects,
      });
    return {
      refuseWithoutPurpose(source: AuditSource, query: string): void {
        const [first] = problems;
        if (first === undefined) return;
        write(source, query, 'refused', []);
        throw new DomainError('unprocessable', first.code, 'Every look-up of the records states why it is made: a purpose code and, for some codes, a text.', problems.map(({ pointer, detail }) => ({ pointer, detail })));
      },
      invalid(source: AuditSource, query: string, code: string, pointer: string, detail: string): never {
        write(source, query, 'invalid', []);
        throw new DomainError('unprocessable', code, detail, [{ pointer, detail }]);
      },
      done(consulted: readonly Consulted[], query: string): void {
        for (const { source, subjects } of consulted) write(source, query, 'ok', subjects);
      },
    };
  }

  #person(person: SeedPerson, actor: RecordsActor): PersonRecord {
    const masked = actor.role !== 'supervisor';
    const address = this.#data.addresses.find((candidate) => candidate.id === person.addressId);
    return {
      id: person.id,
      familyName: person.familyName,
      givenNames: person.givenNames,
      birthDate: person.birthDate,
      sex: person.sex,
      nationalNumber: masked ? maskNationalNumber(person.nationalNumber) : formatNationalNumber(person.nationalNumber),
      nationalNumberMasked: masked,
      ...(address === undefined ? {} : { address: structuredClone(address.address) }),
      flags: structuredClone(person.flags),
    };
  }

  #dossier(person: SeedPerson, actor: RecordsActor): PersonDossier {
    const address = this.#data.addresses.find((candidate) => candidate.id === person.addressId);
    return {
      person: this.#person(person, actor),
      vehicles: this.#data.vehicles.filter((vehicle) => vehicle.holderId === person.id).map(vehicleRecord),
      addresses: address === undefined ? [] : [this.#addressRecord(address)],
      incidents: structuredClone(person.incidents),
    };
  }

  #addressRecord(address: SeedAddress): AddressRecord {
    return {
      id: address.id,
      address: structuredClone(address.address),
      residentCount: this.#data.persons.filter((person) => person.addressId === address.id).length,
      flags: structuredClone(address.flags),
    };
  }

  #findAddresses(input: AddressSearchInput): SeedAddress[] {
    const street = input.street === undefined ? undefined : normalizeStreet(input.street);
    const municipality = input.municipality === undefined ? undefined : fold(input.municipality);
    return this.#data.addresses
      .filter(
        ({ address }) =>
          (street === undefined || normalizeStreet(address.street).startsWith(street)) &&
          (input.houseNumber === undefined || address.houseNumber.toUpperCase() === input.houseNumber.trim().toUpperCase()) &&
          (input.postalCode === undefined || address.postalCode === input.postalCode) &&
          (municipality === undefined || fold(address.municipality) === municipality),
      )
      .slice(0, MAX_LOOKUP_RESULTS);
  }
}

const NATIONAL_NUMBER_DETAIL: Record<'format' | 'checksum' | 'date', string> = {
  format: 'A national register number has 11 digits (YY.MM.DD-SSS.CC); dots, dashes and spaces may separate them.',
  checksum: 'The check digits do not match: a digit is mistyped.',
  date: 'The number encodes a birth date that does not exist.',
};

function vehicleRecord(vehicle: SeedVehicle): VehicleRecord {
  return structuredClone({
    plate: vehicle.plate,
    plateFormat: vehicle.plateFormat,
    make: vehicle.make,
    model: vehicle.model,
    colour: vehicle.colour,
    insured: vehicle.insured,
    ...(vehicle.inspectionValidUntil === undefined ? {} : { inspectionValidUntil: vehicle.inspectionValidUntil }),
    ...(vehicle.holderId === undefined ? {} : { holderId: vehicle.holderId }),
    flags: vehicle.flags,
  });
}

/** Lower-case ASCII with single spaces: how names are compared and audited. */
function fold(text: string): string {
  return foldToAscii(text).trim().replace(/\s+/g, ' ');
}

function addressQuery(input: AddressSearchInput): string {
  const parts = [
    input.street === undefined ? undefined : `street=${fold(input.street).replace(/ /g, '+')}`,
    input.houseNumber === undefined ? undefined : `houseNumber=${input.houseNumber.trim().toUpperCase()}`,
    input.postalCode === undefined ? undefined : `postalCode=${input.postalCode}`,
    input.municipality === undefined ? undefined : `municipality=${fold(input.municipality).replace(/ /g, '+')}`,
  ];
  return parts.filter((part) => part !== undefined).join(' ');
}

const DATE_TOKEN = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})$/;

/**
 * What a one-box query is: a national number when it is digits and separators only with 11
 * digits; a plate when {@link parsePlate} takes it; an address when, dates aside, it holds a
 * digit (a house number, a postal code); else a name.
 */
export function queryKind(text: string): RecordQueryKind {
  if (/^[\d.\-\s]+$/.test(text) && text.replace(/\D/g, '').length === 11) return 'national_number';
  if (parsePlate(text).valid) return 'plate';
  const tokens = text.split(/[\s,]+/).filter((token) => token !== '' && !DATE_TOKEN.test(token));
  return tokens.some((token) => /\d/.test(token)) ? 'address' : 'name';
}

/** `Kerkstraat 12, 9200 Scheldegem` → street, number, postal code, municipality. */
function parseAddressQuery(text: string): AddressSearchInput {
  const tokens = text.split(/[\s,]+/).filter((token) => token !== '');
  const postalCode = tokens.find((token) => /^[1-9]\d{3}$/.test(token));
  const numberIndex = tokens.findIndex((token) => token !== postalCode && /^\d{1,4}[A-Za-z]?$/.test(token));
  const street = tokens.slice(0, numberIndex === -1 ? tokens.indexOf(postalCode ?? '') : numberIndex).join(' ');
  const rest = tokens.slice(Math.max(numberIndex, tokens.indexOf(postalCode ?? '')) + 1).join(' ');
  return {
    ...(street === '' ? {} : { street }),
    ...(numberIndex === -1 ? {} : { houseNumber: tokens[numberIndex] as string }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(rest === '' ? {} : { municipality: rest }),
  };
}

/** `Verbeke An 30/07/1985` → folded names and the birth date. */
function parseNameQuery(text: string): { names: string[]; birthDate?: string | undefined } {
  const tokens = text.split(/[\s,]+/).filter((token) => token !== '');
  const date = tokens.find((token) => DATE_TOKEN.test(token));
  let birthDate: string | undefined;
  if (date !== undefined) {
    const parts = date.split(/[-/.]/);
    birthDate = date.includes('-') ? date : `${parts[2]}-${(parts[1] ?? '').padStart(2, '0')}-${(parts[0] ?? '').padStart(2, '0')}`;
  }
  return { names: tokens.filter((token) => token !== date).flatMap((token) => fold(token).split('-')), ...(birthDate === undefined ? {} : { birthDate }) };
}
