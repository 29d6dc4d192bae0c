import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AuditEntry, CheckAssignment, PersonSearchResult, Problem, RecordSearchResult, VehicleSearchResult, AddressSearchResult, page, type AuditSource } from '@blauw/core';
import { createFixedClock, type FixedClock } from '../src/domain/clock.js';
import type { RecordsData } from '../src/seed/records-seed.js';
import { startMockServer, type MockServer } from '../src/server.js';

// Records look-ups over real HTTP: purpose, roles, masking, and the audit trail every look-up
// leaves (one entry per source consulted, failed look-ups too). The clock is fixed and moved by
// hand, so entries carry known instants.

const NOW = '2027-03-06T22:00:00+01:00';
const officer = { Authorization: 'Bearer dev-officer' };
const supervisor = { Authorization: 'Bearer dev-supervisor' };
const AuditPage = page(AuditEntry);
const purpose = { code: 'incident', text: '2027-000412' };

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string> = officer) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `records-${++keys}`, ...headers }, body: JSON.stringify(body) });

async function problemOf(response: Response): Promise<Problem> {
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  return Problem.parse(await response.json());
}

describe('records look-ups over HTTP', () => {
  let server: MockServer;
  let v1: string;
  let clock: FixedClock;
  let register: RecordsData;
  let officerId: string;

  /** The audit trail, newest first, as the supervisor reads it. */
  async function audit(query = ''): Promise<AuditEntry[]> {
    const response = await fetch(`${v1}/records/audit?limit=200${query}`, { headers: supervisor });
    assert.equal(response.status, 200);
    return AuditPage.parse(await response.json()).items;
  }

  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
    v1 = `${server.url}/v1`;
    register = server.zone.records.register();
    officerId = server.zone.store.listOfficers({}, { limit: 1 }).items[0]?.id ?? '';
  });
  beforeEach(() => {
    server.reset();
    clock.set(NOW);
  });
  after(() => server.close());

  it('finds a person by a national number typed with spaces, masked for an officer and whole for a supervisor, and audits who, when, what, why and how many', async () => {
    const person = register.persons[20];
    assert.ok(person);
    const typed = `${person.nationalNumber.slice(0, 6)} ${person.nationalNumber.slice(6, 9)} ${person.nationalNumber.slice(9)}`;
    const asOfficer = PersonSearchResult.parse(await (await post(`${v1}/records/persons/search`, { purpose, nationalNumber: typed })).json());
    assert.deepEqual(asOfficer.items.map((item) => [item.id, item.nationalNumber, item.nationalNumberMasked]), [[person.id, `${person.nationalNumber.slice(0, 2)}.${person.nationalNumber.slice(2, 4)}.${person.nationalNumber.slice(4, 6)}-***.**`, true]]);
    clock.advance(60_000);
    const asSupervisor = PersonSearchResult.parse(await (await post(`${v1}/records/persons/search`, { purpose, nationalNumber: typed }, supervisor)).json());
    assert.equal(asSupervisor.items[0]?.nationalNumber.replace(/\D/g, ''), person.nationalNumber);
    assert.equal(asSupervisor.items[0]?.nationalNumberMasked, false);

    const entries = await audit();
    assert.deepEqual(
      entries.map(({ officerId: who, at, source, query, purpose: why, resultCount, outcome, subjects }) => ({ who, at, source, query, why, resultCount, outcome, subjects })),
      [
        { who: 'supervisor', at: '2027-03-06T22:01:00+01:00', source: 'persons', query: `nationalNumber=${person.nationalNumber}`, why: purpose, resultCount: 1, outcome: 'ok', subjects: [person.id] },
        { who: officerId, at: NOW, source: 'persons', query: `nationalNumber=${person.nationalNumber}`, why: purpose, resultCount: 1, outcome: 'ok', subjects: [person.id] },
      ],
    );
  });

  it('finds persons by family name and birth date, whatever the case and accents', async () => {
    const person = register.persons[25];
    assert.ok(person);
    const found = PersonSearchResult.parse(await (await post(`${v1}/records/persons/search`, { purpose, familyName: person.familyName.toUpperCase(), birthDate: person.birthDate })).json());
    assert.ok(found.items.some((item) => item.id === person.id));
    const [entry] = await audit();
    assert.equal(entry?.query, `familyName=${person.familyName.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')} birthDate=${person.birthDate}`);
  });

  it('refuses a look-up without a purpose (purpose_required) or with a wrong one (purpose_invalid, pointers), and audits each as refused, consulting nothing', async () => {
    const none = await problemOf(await post(`${v1}/records/vehicles/search`, { plate: '1-ABC-234' }));
    assert.deepEqual([none.status, none.code, none.errors?.map((error) => error.pointer)], [422, 'purpose_required', ['/purpose']]);
    const unknown = await problemOf(await post(`${v1}/records/persons/search`, { purpose: { code: 'curiosity' }, familyName: 'Maes', birthDate: '1980-01-01' }));
    assert.deepEqual([unknown.status, unknown.code, unknown.errors?.map((error) => error.pointer)], [422, 'purpose_invalid', ['/purpose/code']]);
    const untold = await problemOf(await post(`${v1}/records/search`, { purpose: { code: 'other' }, query: 'Maes' }));
    assert.deepEqual([untold.code, untold.errors?.map((error) => error.pointer)], ['purpose_invalid', ['/purpose/text']]);
    const noReference = await problemOf(await post(`${v1}/records/addresses/search`, { purpose: { code: 'check', text: ' ' }, street: 'Kerkstraat' }));
    assert.deepEqual([noReference.code, noReference.errors?.map((error) => error.pointer)], ['purpose_invalid', ['/purpose/text']]);

    const entries = await audit();
    assert.deepEqual(
      entries.map((entry) => [entry.source, entry.outcome, entry.resultCount, entry.purpose?.code ?? null, entry.query]),
      [
        ['addresses', 'refused', 0, 'check', 'street=kerkstraat'],
        ['persons', 'refused', 0, 'other', 'name=maes'],
        ['persons', 'refused', 0, 'curiosity', 'familyName=maes birthDate=1980-01-01'],
        ['vehicles', 'refused', 0, null, 'plate=1-ABC-234'],
      ],
    );
  });

  it('refuses a national number whose check digits are wrong (national_number_invalid at /nationalNumber) and audits it as invalid', async () => {
    const response = await post(`${v1}/records/persons/search`, { purpose, nationalNumber: '85.07.30-033.29' });
    const problem = await problemOf(response);
    assert.deepEqual([problem.status, problem.code, problem.errors?.map((error) => error.pointer)], [422, 'national_number_invalid', ['/nationalNumber']]);
    const oneBox = await problemOf(await post(`${v1}/records/search`, { purpose, query: '85073003329' }));
    assert.deepEqual([oneBox.code, oneBox.errors?.map((error) => error.pointer)], ['national_number_invalid', ['/query']]);
    assert.deepEqual((await audit()).map((entry) => [entry.source, entry.outcome, entry.resultCount, entry.query]), [
      ['persons', 'invalid', 0, 'nationalNumber=85073003329'],
      ['persons', 'invalid', 0, 'nationalNumber=85073003329'],
    ]);
  });

  it('finds a vehicle by a plate typed in lower case with spaces, with its warnings, and refuses what cannot be a plate (plate_invalid)', async () => {
    const stolen = register.vehicles.find((vehicle) => vehicle.flags.some((flag) => flag.code === 'stolen'));
    assert.ok(stolen);
    const typed = stolen.plate.toLowerCase().replace(/-/g, ' ');
    const found = VehicleSearchResult.parse(await (await post(`${v1}/records/vehicles/search`, { purpose: { code: 'traffic_control' }, plate: typed })).json());
    assert.deepEqual(found.items.map((vehicle) => [vehicle.plate, vehicle.flags.map((flag) => flag.code)]), [[stolen.plate, ['stolen']]]);
    const wrong = await problemOf(await post(`${v1}/records/vehicles/search`, { purpose, plate: '12-AB' }));
    assert.deepEqual([wrong.status, wrong.code, wrong.errors?.map((error) => error.pointer)], [422, 'plate_invalid', ['/plate']]);
    assert.deepEqual((await audit()).map((entry) => [entry.source, entry.outcome, entry.resultCount, entry.query, entry.subjects]), [
      ['vehicles', 'invalid', 0, 'plate=12AB', []],
      ['vehicles', 'ok', 1, `plate=${stolen.plate}`, [stolen.plate]],
    ]);
  });

  it('finds the address of an open domicile check with its warning', async () => {
    const assignments = page(CheckAssignment).parse(await (await fetch(`${v1}/check-assignments?status=open&limit=200`, { headers: officer })).json()).items;
    const domicile = assignments.find((assignment) => assignment.type === 'domicile');
    assert.ok(domicile);
    const { street, houseNumber, postalCode } = domicile.address;
    const found = AddressSearchResult.parse(await (await post(`${v1}/records/addresses/search`, { purpose: { code: 'check', text: domicile.id }, street: street.toLowerCase(), houseNumber, postalCode })).json());
    assert.equal(found.items.length, 1);
    assert.deepEqual(found.items[0]?.flags.map((flag) => [flag.code, flag.reference]), [['domicile_check_open', domicile.id]]);
    assert.ok((found.items[0]?.residentCount ?? 0) >= 1);
    const [entry] = await audit();
    assert.deepEqual([entry?.source, entry?.resultCount, entry?.subjects], ['addresses', 1, [found.items[0]?.id]]);
  });

  it('answers the one-box search for a person with their vehicles, addresses, prior incidents and flags, audited once per source consulted', async () => {
    const assignments = page(CheckAssignment).parse(await (await fetch(`${v1}/check-assignments?status=open&limit=200`, { headers: officer })).json()).items;
    const monitored = assignments.find((assignment) => assignment.type === 'electronic_monitoring');
    assert.ok(monitored?.person.birthDate);
    const [year, month, day] = monitored.person.birthDate.split('-');
    const query = `${monitored.person.familyName} ${monitored.person.givenName} ${day}/${month}/${year}`;
    const result = RecordSearchResult.parse(await (await post(`${v1}/records/search`, { purpose: { code: 'check', text: monitored.id }, query })).json());
    assert.equal(result.kind, 'name');
    const dossier = result.persons.find((candidate) => candidate.person.flags.some((flag) => flag.code === 'electronic_monitoring' && flag.reference === monitored.id));
    assert.ok(dossier, 'the monitored person, flagged');
    assert.deepEqual(dossier.addresses.map((address) => address.address.street), [monitored.address.street]);

    // A person with vehicles and prior incidents: the register's links come back in one answer.
    const linked = register.persons.find((person) => person.incidents.length > 0 && register.vehicles.some((vehicle) => vehicle.holderId === person.id));
    assert.ok(linked);
    clock.advance(1000);
    const byNumber = RecordSearchResult.parse(await (await post(`${v1}/records/search`, { purpose: { code: 'investigation' }, query: linked.nationalNumber })).json());
    assert.equal(byNumber.kind, 'national_number');
    const [found] = byNumber.persons;
    assert.equal(found?.person.id, linked.id);
    assert.deepEqual(found?.vehicles.map((vehicle) => vehicle.plate), register.vehicles.filter((vehicle) => vehicle.holderId === linked.id).map((vehicle) => vehicle.plate));
    assert.deepEqual(found?.incidents.map((incident) => incident.number), linked.incidents.map((incident) => incident.number));
    assert.equal(found?.addresses[0]?.id, linked.addressId);

    const entries = await audit();
    const ofLookup = entries.filter((entry) => entry.lookupId === entries[0]?.lookupId);
    assert.deepEqual(ofLookup.map((entry) => entry.source).sort(), ['addresses', 'incidents', 'persons', 'vehicles'] satisfies AuditSource[]);
    assert.deepEqual(ofLookup.map((entry) => [entry.source, entry.resultCount]).sort(), [
      ['addresses', 1],
      ['incidents', linked.incidents.length],
      ['persons', 1],
      ['vehicles', found?.vehicles.length ?? -1],
    ]);
    assert.ok(ofLookup.every((entry) => entry.query === `nationalNumber=${linked.nationalNumber}` && entry.at === '2027-03-06T22:00:01+01:00' && entry.purpose?.code === 'investigation'));
  });

  it('takes a one-box query for a plate or an address, and consults only that source', async () => {
    const vehicle = register.vehicles[3];
    assert.ok(vehicle);
    const byPlate = RecordSearchResult.parse(await (await post(`${v1}/records/search`, { purpose, query: vehicle.plate.replace(/-/g, '').toLowerCase() })).json());
    assert.deepEqual([byPlate.kind, byPlate.vehicles.map((item) => item.plate), byPlate.persons.length], ['plate', [vehicle.plate], 0]);
    const address = register.addresses[4];
    assert.ok(address);
    const byAddress = RecordSearchResult.parse(await (await post(`${v1}/records/search`, { purpose, query: `${address.address.street} ${address.address.houseNumber}, ${address.address.postalCode}` })).json());
    assert.equal(byAddress.kind, 'address');
    assert.ok(byAddress.addresses.some((item) => item.id === address.id));
    assert.deepEqual((await audit()).map((entry) => entry.source), ['addresses', 'vehicles']);
  });

  it('answers a retried look-up (same Idempotency-Key) with the first result and no second audit entry', async () => {
    const headers = { ...officer, 'Idempotency-Key': 'records-retry-1' };
    const body = { purpose, plate: register.vehicles[0]?.plate };
    const send = () => fetch(`${v1}/records/vehicles/search`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    assert.equal((await send()).status, 200);
    assert.equal((await send()).status, 200);
    assert.equal((await audit()).length, 1);
  });

  it('lets only officers and supervisors look up (401 without a token), and only supervisors read the audit (403 for an officer)', async () => {
    for (const path of ['persons/search', 'vehicles/search', 'addresses/search', 'search']) {
      const response = await post(`${v1}/records/${path}`, { purpose, query: 'x', plate: 'x' }, {});
      assert.equal(response.status, 401, path);
    }
    const asOfficer = await problemOf(await fetch(`${v1}/records/audit`, { headers: officer }));
    assert.deepEqual([asOfficer.status, asOfficer.code], [403, 'forbidden']);
    assert.equal((await fetch(`${v1}/records/audit`)).status, 401);
    assert.deepEqual(await audit(), []);
  });

  it('lets a supervisor query the audit by officer, by subject and by period, page by page', async () => {
    const [first, second] = register.vehicles;
    assert.ok(first && second);
    await post(`${v1}/records/vehicles/search`, { purpose, plate: first.plate });
    clock.advance(3_600_000);
    await post(`${v1}/records/vehicles/search`, { purpose, plate: second.plate });
    clock.advance(3_600_000);
    await post(`${v1}/records/vehicles/search`, { purpose, plate: first.plate }, supervisor);

    assert.deepEqual((await audit(`&officerId=${officerId}`)).map((entry) => entry.query), [`plate=${second.plate}`, `plate=${first.plate}`]);
    // A subject typed as people type it, lower case without dashes.
    const bySubject = await audit(`&subject=${encodeURIComponent(first.plate.replace(/-/g, ' ').toLowerCase())}`);
    assert.deepEqual(bySubject.map((entry) => entry.officerId), ['supervisor', officerId]);
    const inPeriod = await audit(`&from=${encodeURIComponent('2027-03-06T22:30:00+01:00')}&to=${encodeURIComponent('2027-03-06T23:30:00+01:00')}`);
    assert.deepEqual(inPeriod.map((entry) => entry.query), [`plate=${second.plate}`]);

    const firstPage = AuditPage.parse(await (await fetch(`${v1}/records/audit?limit=2`, { headers: supervisor })).json());
    assert.equal(firstPage.items.length, 2);
    assert.ok(firstPage.nextCursor);
    const nextPage = AuditPage.parse(await (await fetch(`${v1}/records/audit?limit=2&cursor=${firstPage.nextCursor}`, { headers: supervisor })).json());
    assert.deepEqual(nextPage.items.map((entry) => entry.query), [`plate=${first.plate}`]);
    assert.equal(nextPage.nextCursor, null);
  });
});
