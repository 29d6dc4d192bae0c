// A stand-in for `client.records` in browser tests and stories: a small fictional register of
// persons, vehicles and addresses in Gent (names, numbers and plates invented; national numbers
// valid by the mod-97 rule, one born after 2000), answered the way the server answers them
// (national numbers masked for a field officer, plates normalised, the one-box search
// recognising a number, a plate, an address or a name), with every call recorded and control over
// failure and timing.
import {
  checkNationalNumber,
  formatNationalNumber,
  maskNationalNumber,
  nationalNumberCheckDigits,
  parsePlate,
  type AddressLookupOptions,
  type AddressRecord,
  type PersonDossier,
  type PersonLookupOptions,
  type PersonRecord,
  type PriorIncident,
  type RecordLookupOptions,
  type RecordSearchResult,
  type VehicleLookupOptions,
  type VehicleRecord,
} from '@blauw/core';
import type { RecordsApi } from '../record-lookup/records-api.js';

/** A valid national number from its first nine digits (`YYMMDDSSS`). */
const nrn = (firstNine: string, bornFrom2000 = false): string => firstNine + nationalNumberCheckDigits(firstNine, bornFrom2000);

/** The fictional register's national numbers, whole, by person id. */
export const NATIONAL_NUMBERS = {
  'p-1': nrn('850730033'), // Jan Verbeke, 30 July 1985
  'p-2': nrn('030514124', true), // Lotte Claes, 14 May 2003
  'p-3': nrn('921102258'), // Amina El Idrissi, 2 November 1992
} as const;

const KOUTER = { street: 'Kouter', houseNumber: '12', postalCode: '9000', municipality: 'Gent' };
const KORTE_MEER = { street: 'Korte Meer', houseNumber: '9', box: '3', postalCode: '9000', municipality: 'Gent' };
const BRUGSESTEENWEG = { street: 'Brugsesteenweg', houseNumber: '250', postalCode: '9000', municipality: 'Gent' };

/** A person of the register (the national number whole; the fake masks it for a field officer). */
export function fakePerson(overrides: Partial<PersonRecord> & { id: string }): PersonRecord {
  return { familyName: 'Peeters', givenNames: 'Els', birthDate: '1980-01-01', nationalNumber: formatNationalNumber(nrn('800101002')), nationalNumberMasked: false, flags: [], ...overrides };
}

/** A vehicle of the register. */
export function fakeVehicle(overrides: Partial<VehicleRecord> & { plate: string }): VehicleRecord {
  return { plateFormat: 'current', make: 'Toyota', model: 'Yaris', colour: 'wit', insured: true, inspectionValidUntil: '2027-09-30', flags: [], ...overrides };
}

/** An address of the register. */
export function fakeAddress(overrides: Partial<AddressRecord> & { id: string }): AddressRecord {
  return { address: KOUTER, residentCount: 1, flags: [], ...overrides };
}

/** The fictional register: three persons, three vehicles, three addresses, linked. */
export function fakeRegister(): { persons: PersonRecord[]; vehicles: VehicleRecord[]; addresses: AddressRecord[]; incidents: Record<string, PriorIncident[]> } {
  return {
    persons: [
      fakePerson({
        id: 'p-1',
        familyName: 'Verbeke',
        givenNames: 'Jan Pieter',
        birthDate: '1985-07-30',
        sex: 'male',
        nationalNumber: formatNationalNumber(NATIONAL_NUMBERS['p-1']),
        address: KOUTER,
        flags: [
          { code: 'wanted', detail: 'Aanhoudingsbevel van de onderzoeksrechter te Gent.', reference: 'AB-2027-0113' },
          { code: 'electronic_monitoring', detail: 'Enkelband; thuis tussen 20:00 en 07:00.' },
        ],
      }),
      fakePerson({ id: 'p-2', familyName: 'Claes', givenNames: 'Lotte', birthDate: '2003-05-14', sex: 'female', nationalNumber: formatNationalNumber(NATIONAL_NUMBERS['p-2']), address: KORTE_MEER }),
      fakePerson({
        id: 'p-3',
        familyName: 'El Idrissi',
        givenNames: 'Amina',
        birthDate: '1992-11-02',
        sex: 'female',
        nationalNumber: formatNationalNumber(NATIONAL_NUMBERS['p-3']),
        address: BRUGSESTEENWEG,
        flags: [{ code: 'signalled', detail: 'Te horen in dossier GE.12.L3.004512/26.' }],
      }),
    ],
    vehicles: [
      fakeVehicle({ plate: '1-ABC-234', make: 'Volkswagen', model: 'Golf', colour: 'grijs', holderId: 'p-1' }),
      fakeVehicle({
        plate: '2-XYZ-987',
        make: 'Renault',
        model: 'Clio',
        colour: 'blauw',
        holderId: 'p-3',
        flags: [
          { code: 'stolen', detail: 'Diefstal aangegeven op 2 maart 2027 in Gent.', reference: 'PV GE.55.L1.001977/27' },
          { code: 'wanted_vehicle', detail: 'Gebruikt bij een inbraak; inzittenden staande houden.' },
        ],
      }),
      fakeVehicle({ plate: 'ABC-123', plateFormat: 'letters_digits', make: 'Opel', model: 'Astra', colour: 'rood', insured: false, flags: [{ code: 'uninsured', detail: 'Geen geldige verzekering sinds 1 januari 2027.' }] }),
    ],
    addresses: [
      fakeAddress({ id: 'ad-1', address: KOUTER, residentCount: 2 }),
      fakeAddress({ id: 'ad-2', address: KORTE_MEER, residentCount: 1, flags: [{ code: 'domicile_check_open', detail: 'Domiciliecontrole aangevraagd door de dienst bevolking.', reference: 'a-101' }] }),
      fakeAddress({ id: 'ad-3', address: BRUGSESTEENWEG, residentCount: 4 }),
    ],
    incidents: {
      'p-1': [
        { number: 'PZ-2026-004211', type: 'burglary', date: '2026-11-14', role: 'suspect' },
        { number: 'PZ-2025-001870', type: 'traffic_accident', date: '2025-04-02', role: 'involved' },
      ],
      'p-3': [{ number: 'PZ-2026-007310', type: 'theft', date: '2026-12-20', role: 'victim' }],
    },
  };
}

/** One call the widget made: the method and what it sent (without the signal). */
export interface FakeRecordsCall {
  method: 'persons' | 'vehicles' | 'addresses' | 'search';
  input: Record<string, unknown>;
}

/** Options of {@link fakeRecordsClient}. */
export interface FakeRecordsOptions {
  /** The register (default {@link fakeRegister}). */
  register?: ReturnType<typeof fakeRegister>;
  /** Whether national numbers come back masked, as for a field officer (default `true`). */
  masked?: boolean;
  /** A failure to throw instead of answering: always, or per call (`undefined` answers). */
  fail?: Error | ((call: FakeRecordsCall) => Error | undefined);
  /** Every call waits for `release()`, so tests and stories can show "Searching…". */
  manual?: boolean;
}

/** The fake client, with the calls it received. */
export interface FakeRecordsClient extends RecordsApi {
  readonly calls: FakeRecordsCall[];
  /** Answers the calls waiting (with `manual`). */
  release(): void;
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** A client whose `records` answers from the fictional register. */
export function fakeRecordsClient({ register = fakeRegister(), masked = true, fail, manual = false }: FakeRecordsOptions = {}): FakeRecordsClient {
  const calls: FakeRecordsCall[] = [];
  const waiting: (() => void)[] = [];
  const shown = (person: PersonRecord): PersonRecord => {
    if (!masked) return person;
    const digits = person.nationalNumber.replace(/\D/g, '');
    return { ...person, nationalNumber: digits.length === 11 ? maskNationalNumber(digits) : person.nationalNumber, nationalNumberMasked: true };
  };
  const dossier = (person: PersonRecord): PersonDossier => ({
    person: shown(person),
    vehicles: register.vehicles.filter((vehicle) => vehicle.holderId === person.id),
    addresses: register.addresses.filter((address) => person.address && address.address.street === person.address.street && address.address.houseNumber === person.address.houseNumber),
    incidents: register.incidents[person.id] ?? [],
  });
  const byNumber = (typed: string) => {
    const check = checkNationalNumber(typed);
    return check.valid ? register.persons.filter((person) => person.nationalNumber.replace(/\D/g, '') === check.nationalNumber) : [];
  };
  const byPlate = (typed: string) => {
    const parsed = parsePlate(typed);
    return parsed.valid ? register.vehicles.filter((vehicle) => vehicle.plate === parsed.plate) : [];
  };

  async function answer<R>(method: FakeRecordsCall['method'], options: { signal?: AbortSignal | undefined; idempotencyKey?: string | undefined }, respond: () => R): Promise<R> {
    const { signal, idempotencyKey: _key, ...input } = options;
    const call = { method, input };
    calls.push(call);
    if (manual) await new Promise<void>((resolve) => waiting.push(resolve));
    signal?.throwIfAborted();
    const failure = typeof fail === 'function' ? fail(call) : fail;
    if (failure) throw failure;
    return respond();
  }

  const records: RecordsApi['records'] = {
    persons: (options: PersonLookupOptions) =>
      answer('persons', options, () => {
        if (options.nationalNumber) return byNumber(options.nationalNumber).map(shown);
        const family = fold(options.familyName ?? '');
        const given = fold(options.givenName ?? '');
        return register.persons
          .filter((person) => fold(person.familyName) === family && person.birthDate === options.birthDate && (given === '' || fold(person.givenNames).includes(given)))
          .map(shown);
      }),
    vehicles: (options: VehicleLookupOptions) => answer('vehicles', options, () => byPlate(options.plate)),
    addresses: (options: AddressLookupOptions) =>
      answer('addresses', options, () =>
        register.addresses.filter(
          ({ address }) =>
            fold(address.street).startsWith(fold(options.street ?? '')) &&
            (!options.houseNumber || address.houseNumber === options.houseNumber) &&
            (!options.postalCode || address.postalCode === options.postalCode) &&
            (!options.municipality || fold(address.municipality) === fold(options.municipality)),
        ),
      ),
    search: (options: RecordLookupOptions) =>
      answer('search', options, (): RecordSearchResult => {
        const query = options.query.trim();
        const none = { persons: [], vehicles: [], addresses: [] };
        if (/^[\d.\-\s]{11,20}$/.test(query)) return { ...none, kind: 'national_number', persons: byNumber(query).map(dossier) };
        if (parsePlate(query).valid) return { ...none, kind: 'plate', vehicles: byPlate(query) };
        const words = fold(query).split(/\s+/);
        if (words.some((word) => /^\d/.test(word))) {
          return { ...none, kind: 'address', addresses: register.addresses.filter(({ address }) => words.every((word) => fold(`${address.street} ${address.houseNumber} ${address.postalCode} ${address.municipality}`).includes(word))) };
        }
        return { ...none, kind: 'name', persons: register.persons.filter((person) => words.every((word) => fold(`${person.familyName} ${person.givenNames}`).includes(word))).map(dossier) };
      }),
  };
  return {
    calls,
    release() {
      for (const resolve of waiting.splice(0)) resolve();
    },
    records,
  };
}
