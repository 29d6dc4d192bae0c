import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNationalNumber, parsePlate } from '@blauw/core';
import { createFixedClock } from './clock.js';
import { queryKind, type RecordsDesk } from './records.js';
import { createZone } from './zone.js';

// The register and the audit trail as plain rules, on a fixed clock.

const NOW = '2027-03-06T22:00:00+01:00';
const officer = { officerId: 'off-1', role: 'officer' as const };

describe('records register and audit trail', () => {
  it('seeds the same register for the same seed: ~50 persons with valid national numbers, ~60 vehicles with canonical plates', () => {
    const first = createZone({ seed: 3, clock: createFixedClock(NOW) }).records.register();
    const again = createZone({ seed: 3, clock: createFixedClock(NOW) }).records.register();
    assert.deepEqual(first, again);
    assert.equal(first.persons.length, 50);
    assert.equal(first.vehicles.length, 60);
    for (const person of first.persons) {
      const check = checkNationalNumber(person.nationalNumber);
      assert.ok(check.valid && check.birthDate === person.birthDate && check.sex === person.sex, person.nationalNumber);
    }
    for (const vehicle of first.vehicles) assert.deepEqual(parsePlate(vehicle.plate), { valid: true, plate: vehicle.plate, format: vehicle.plateFormat });
    assert.ok(first.vehicles.some((vehicle) => vehicle.plateFormat !== 'current'));
    assert.ok(first.persons.some((person) => person.birthDate >= '2000'), 'someone born from 2000');
    for (const code of ['wanted', 'signalled', 'electronic_monitoring']) assert.ok(first.persons.some((person) => person.flags.some((flag) => flag.code === code)), code);
    for (const code of ['stolen', 'wanted_vehicle']) assert.ok(first.vehicles.some((vehicle) => vehicle.flags.some((flag) => flag.code === code)), code);
    assert.ok(first.addresses.some((address) => address.flags.some((flag) => flag.code === 'domicile_check_open')));
  });

  it('keeps the trail append-only: what a query hands out cannot change what it holds', () => {
    const zone = createZone({ seed: 1, clock: createFixedClock(NOW) });
    const desk: RecordsDesk = zone.records;
    desk.searchVehicles(officer, { purpose: { code: 'traffic_control' }, plate: '1-ABC-234' });
    const [entry] = desk.audit.query({}).items;
    assert.ok(entry);
    entry.officerId = 'someone-else';
    entry.subjects.push('x');
    assert.deepEqual(desk.audit.query({}).items.map((held) => [held.officerId, held.subjects]), [['off-1', []]]);
    assert.deepEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(desk.audit)).filter((name) => name !== 'constructor').sort(), ['append', 'query', 'size']);
  });

  it('takes a one-box query for a national number, a plate, an address or a name', () => {
    assert.equal(queryKind('85.07.30-033.28'), 'national_number');
    assert.equal(queryKind('85073003329'), 'national_number');
    assert.equal(queryKind('1 abc 234'), 'plate');
    assert.equal(queryKind('Kerkstraat 12'), 'address');
    assert.equal(queryKind('9200 Scheldegem'), 'address');
    assert.equal(queryKind('Verbeke An 30/07/1985'), 'name');
    assert.equal(queryKind('De Smedt'), 'name');
  });
});
