import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ForbiddenError, ValidationError, createClient, createRecordsClient, parsePlate, type AuditEntry, type BlauwClient } from '@blauw/core';
import { startMockServer, type MockServer } from '@blauw/mock-server/server';

// client.records against the reference backend on loopback, its clock pinned to a Saturday evening.

const NOW = '2027-03-06T22:00:00+01:00';
const purpose = { code: 'incident', text: '2027-000412' };

describe('client.records against the mock server', () => {
  let server: MockServer;
  let officer: BlauwClient;
  let supervisor: BlauwClient;
  before(async () => {
    server = await startMockServer({ port: 0, now: NOW });
    officer = createClient({ baseUrl: `${server.url}/v1`, getToken: () => 'dev-officer', retry: 0 });
    supervisor = createClient({ baseUrl: `${server.url}/v1`, getToken: () => 'dev-supervisor', retry: 0 });
  });
  after(() => server.close());

  it('looks up a vehicle by a plate as typed, a person by name and birth date, and addresses, each answer validated', async () => {
    const { vehicles, persons, addresses } = server.zone.records.register();
    const [vehicle] = vehicles;
    assert.ok(vehicle);
    const found = await officer.records.vehicles({ plate: vehicle.plate.toLowerCase().replace(/-/g, ' '), purpose });
    assert.deepEqual(found.map((item) => item.plate), [vehicle.plate]);
    assert.equal(parsePlate(vehicle.plate).valid, true);

    const person = persons[30];
    assert.ok(person);
    const [record] = await officer.records.persons({ familyName: person.familyName, birthDate: person.birthDate, givenName: person.givenNames, purpose });
    assert.equal(record?.id, person.id);
    assert.equal(record?.nationalNumberMasked, true);

    const address = addresses[0];
    assert.ok(address);
    const atAddress = await createRecordsClient({ baseUrl: `${server.url}/v1`, getToken: () => 'dev-officer' }).records.addresses({ street: address.address.street, houseNumber: address.address.houseNumber, purpose: { code: 'traffic_control' } });
    assert.ok(atAddress.some((item) => item.id === address.id));
  });

  it('answers the one-box search with a person’s dossier, whole national number for a supervisor', async () => {
    const person = server.zone.records.register().persons.find((candidate) => candidate.incidents.length > 0);
    assert.ok(person);
    const result = await supervisor.records.search({ query: person.nationalNumber, purpose: { code: 'investigation' } });
    assert.equal(result.kind, 'national_number');
    assert.equal(result.persons[0]?.person.nationalNumber.replace(/\D/g, ''), person.nationalNumber);
    assert.deepEqual(result.persons[0]?.incidents.map((incident) => incident.number), person.incidents.map((incident) => incident.number));
  });

  it('throws a ValidationError with the code and pointer of a missing purpose or a mistyped national number', async () => {
    await assert.rejects(
      // A JavaScript caller (or a cast) may leave the purpose out; the server refuses it.
      officer.records.vehicles({ plate: '1-ABC-234' } as never),
      (error: unknown) => error instanceof ValidationError && error.code === 'purpose_required' && error.problem?.errors?.[0]?.pointer === '/purpose',
    );
    await assert.rejects(
      officer.records.persons({ nationalNumber: '85.07.30-033.29', purpose }),
      (error: unknown) => error instanceof ValidationError && error.code === 'national_number_invalid' && error.problem?.errors?.[0]?.pointer === '/nationalNumber',
    );
  });

  it('lets a supervisor walk the audit trail of an officer, and refuses it to the officer', async () => {
    await assert.rejects(officer.records.audit(), (error: unknown) => error instanceof ForbiddenError && error.code === 'forbidden');
    const officerId = server.zone.store.listOfficers({}, { limit: 1 }).items[0]?.id;
    const entries: AuditEntry[] = [];
    for await (const entry of supervisor.records.audit.all({ officerId, limit: 2 })) entries.push(entry);
    assert.ok(entries.length >= 5, `${entries.length} entries`);
    assert.ok(entries.every((entry) => entry.officerId === officerId));
    assert.deepEqual(new Set(entries.map((entry) => entry.outcome)), new Set(['ok', 'refused', 'invalid']));
    const plate = server.zone.records.register().vehicles[0]?.plate ?? '';
    const page = await supervisor.records.audit({ subject: plate.toLowerCase(), from: '2027-03-06T21:00:00+01:00', to: '2027-03-07T00:00:00+01:00' });
    assert.ok(page.items.some((entry) => entry.officerId === officerId && entry.query === `plate=${plate}`));
    assert.ok(page.items.every((entry) => entry.source === 'vehicles' && entry.subjects.includes(plate)));
  });
});
