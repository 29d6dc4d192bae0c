import type { Address, CheckAssignment, PriorIncident, RecordFlag } from '@blauw/core';
import { nationalNumberCheckDigits, parsePlate, type PlateFormat } from '@blauw/core';
import type { Clock } from '../domain/clock.js';
import { INCIDENT_TYPES } from '../domain/incident-simulator.js';
import { mulberry32, pick, randomInt } from '../domain/random.js';
import { addDays, dateInZone } from '../domain/zoned-time.js';
import { FIRST_NAMES, LAST_NAMES, type ZoneData } from './zone-seed.js';

// The fictional registers the records look-ups read: persons with national register numbers of
// the real shape (fictional, check digits computed as the register does), vehicles with plates of
// every series, addresses on the zone's seeded streets, prior incidents, and the warnings that
// matter in the field. The persons of the check assignments are in it, so an officer who looks up
// the person of an electronic-monitoring check finds the tag, and the address of an open domicile
// check says so. Deterministic for a seed and the clock's date.

/** A person in the fictional register, with what only the server keeps. */
export interface SeedPerson {
  id: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: 'male' | 'female';
  /** 11 digits. */
  nationalNumber: string;
  addressId: string;
  flags: RecordFlag[];
  incidents: PriorIncident[];
}

/** A vehicle in the fictional register. */
export interface SeedVehicle {
  plate: string;
  plateFormat: PlateFormat;
  make: string;
  model: string;
  colour: string;
  insured: boolean;
  inspectionValidUntil?: string | undefined;
  holderId?: string | undefined;
  flags: RecordFlag[];
}

/** An address in the fictional register. */
export interface SeedAddress {
  id: string;
  address: Address;
  flags: RecordFlag[];
}

/** The records the look-ups read. */
export interface RecordsData {
  persons: SeedPerson[];
  vehicles: SeedVehicle[];
  addresses: SeedAddress[];
}

/** How many persons and vehicles the register holds. */
export const RECORD_PERSONS = 50;
export const RECORD_VEHICLES = 60;

const MAKES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Volkswagen', ['Golf', 'Polo', 'Passat', 'ID.3']],
  ['Renault', ['Clio', 'Mégane', 'Kangoo']],
  ['Peugeot', ['208', '308', '3008']],
  ['Toyota', ['Yaris', 'Corolla', 'RAV4']],
  ['Skoda', ['Octavia', 'Fabia']],
  ['BMW', ['118i', '320d', 'X1']],
  ['Citroën', ['C3', 'Berlingo']],
  ['Ford', ['Fiesta', 'Transit']],
];
const COLOURS = ['grijs', 'zwart', 'wit', 'blauw', 'rood', 'groen', 'zilver'];
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/**
 * Builds the register for a seed, around the zone's streets and its check assignments: a person
 * for each assignment's person (at the assignment's address; `electronic_monitoring` flagged on
 * those of electronic-monitoring checks), the rest made up to {@link RECORD_PERSONS}; vehicles
 * held by the first persons; a few wanted or signalled persons, stolen or sought vehicles, and
 * `domicile_check_open` on the addresses of open domicile checks.
 */
export function seedRecords(data: ZoneData, seed: number, clock: Clock, assignments: readonly CheckAssignment[]): RecordsData {
  const random = mulberry32(seed ^ 0x7ec0d5);
  const today = dateInZone(clock.now(), data.timeZone);
  const addresses: SeedAddress[] = [];
  const addressIds = new Map<string, string>();
  const addressOf = (address: Address): string => {
    const key = `${address.street}|${address.houseNumber}|${address.postalCode}`;
    let id = addressIds.get(key);
    if (id === undefined) {
      id = `addr-${String(addresses.length + 1).padStart(3, '0')}`;
      addressIds.set(key, id);
      addresses.push({ id, address: { street: address.street, houseNumber: address.houseNumber, postalCode: address.postalCode, municipality: address.municipality }, flags: [] });
    }
    return id;
  };

  const usedNumbers = new Set<string>();
  const persons: SeedPerson[] = [];
  const addPerson = (familyName: string, givenNames: string, birthDate: string, addressId: string): SeedPerson => {
    const sex = randomInt(random, 0, 1) === 1 ? 'male' : 'female';
    let nationalNumber: string;
    do {
      let serial = randomInt(random, 1, 997);
      if ((serial % 2 === 1) !== (sex === 'male')) serial += 1;
      const firstNine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(serial).padStart(3, '0')}`;
      nationalNumber = firstNine + nationalNumberCheckDigits(firstNine, birthDate >= '2000');
    } while (usedNumbers.has(nationalNumber));
    usedNumbers.add(nationalNumber);
    const person: SeedPerson = { id: `per-${String(persons.length + 1).padStart(3, '0')}`, familyName, givenNames, birthDate, sex, nationalNumber, addressId, flags: [], incidents: [] };
    persons.push(person);
    return person;
  };

  for (const assignment of assignments) {
    const person = addPerson(
      assignment.person.familyName,
      assignment.person.givenName,
      assignment.person.birthDate ?? `${randomInt(random, 1950, 2004)}-${pad(randomInt(random, 1, 12))}-${pad(randomInt(random, 1, 28))}`,
      addressOf(assignment.address),
    );
    if (assignment.type === 'electronic_monitoring' && assignment.status === 'open') {
      person.flags.push({ code: 'electronic_monitoring', detail: 'Onder elektronisch toezicht (enkelband); huisarrest volgens het toezichtsplan.', reference: assignment.id });
    }
    if (assignment.type === 'domicile' && assignment.status === 'open') {
      const address = addresses.find((candidate) => candidate.id === person.addressId) as SeedAddress;
      if (!address.flags.some((flag) => flag.code === 'domicile_check_open')) {
        address.flags.push({ code: 'domicile_check_open', detail: 'Woonstcontrole nog uit te voeren.', reference: assignment.id });
      }
    }
  }

  const streets = data.officers.flatMap((officer) => {
    const municipality = data.municipalities.find((candidate) => candidate.id === officer.municipalityId);
    return municipality === undefined ? [] : officer.streets.map((coverage) => ({ coverage, municipality }));
  });
  while (persons.length < RECORD_PERSONS && streets.length > 0) {
    const { coverage, municipality } = pick(random, streets);
    const low = coverage.from ?? 1;
    let houseNumber = randomInt(random, low, Math.max(low, coverage.to ?? low + 80));
    if (coverage.side === 'even' && houseNumber % 2 === 1) houseNumber += 1;
    if (coverage.side === 'odd' && houseNumber % 2 === 0) houseNumber += 1;
    const address: Address = { street: coverage.street, houseNumber: String(houseNumber), postalCode: coverage.postalCode, municipality: municipality.name };
    const birthYear = randomInt(random, 1948, 2008);
    addPerson(pick(random, LAST_NAMES[municipality.language]), pick(random, FIRST_NAMES[municipality.language]), `${birthYear}-${pad(randomInt(random, 1, 12))}-${pad(randomInt(random, 1, 28))}`, addressOf(address));
  }

  // Warnings, on persons beyond the assignments' so that a check does not meet a warrant by chance.
  const free = persons.slice(assignments.length);
  const year = Number(today.slice(0, 4));
  free.slice(0, 3).forEach((person, index) => person.flags.push({ code: 'wanted', detail: 'Geseind: aanhoudingsbevel, voorzichtig benaderen.', reference: `AB-${year - 1}-${String(410 + index * 37).padStart(5, '0')}` }));
  free.slice(3, 6).forEach((person) => person.flags.push({ code: 'signalled', detail: 'Geseind: te verhoren op vraag van het parket.' }));

  // Prior incidents: about half the persons were part of one to three.
  for (const person of persons) {
    if (random() < 0.5) continue;
    const count = randomInt(random, 1, 3);
    for (let index = 0; index < count; index++) {
      const date = addDays(today, -randomInt(random, 20, 1500));
      person.incidents.push({
        number: `${date.slice(0, 4)}-${String(randomInt(random, 1, 9999)).padStart(6, '0')}`,
        type: pick(random, INCIDENT_TYPES).code,
        date,
        role: pick(random, ['suspect', 'victim', 'witness', 'involved'] as const),
      });
    }
    person.incidents.sort((a, b) => (a.date < b.date ? 1 : -1));
  }

  const usedPlates = new Set<string>();
  const vehicles: SeedVehicle[] = [];
  const letters = () => Array.from({ length: 3 }, () => pick(random, [...LETTERS])).join('');
  const digits = () => String(randomInt(random, 0, 999)).padStart(3, '0');
  for (let index = 0; vehicles.length < RECORD_VEHICLES; index++) {
    // One in six an older series, still on the road.
    const typed = index % 6 === 5 ? (index % 12 === 5 ? `${letters()}${digits()}` : `${digits()}${letters()}`) : `${randomInt(random, 1, 2)}${letters()}${digits()}`;
    const parsed = parsePlate(typed);
    if (!parsed.valid || usedPlates.has(parsed.plate)) continue;
    usedPlates.add(parsed.plate);
    const [make, models] = pick(random, MAKES);
    const holder = persons[index % 40];
    vehicles.push({
      plate: parsed.plate,
      plateFormat: parsed.format,
      make,
      model: pick(random, models),
      colour: pick(random, COLOURS),
      insured: index % 15 !== 7,
      inspectionValidUntil: addDays(today, randomInt(random, -60, 700)),
      holderId: holder?.id,
      flags: [],
    });
  }
  const [stolen, sought] = [vehicles.slice(10, 12), vehicles.slice(12, 14)];
  stolen.forEach((vehicle) => vehicle.flags.push({ code: 'stolen', detail: 'Gesignaleerd als gestolen.', reference: `PV-${year}-${vehicle.plate.replace(/-/g, '')}` }));
  sought.forEach((vehicle) => vehicle.flags.push({ code: 'wanted_vehicle', detail: 'Gezocht voertuig: bestuurder identificeren, niet achtervolgen.' }));
  for (const vehicle of vehicles) if (!vehicle.insured) vehicle.flags.push({ code: 'uninsured', detail: 'Geen geldige verzekering gekend.' });

  return { persons, vehicles, addresses };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

