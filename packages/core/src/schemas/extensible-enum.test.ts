import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod/mini';
import { office, officer, topic } from '../testing/zone-fixtures.js';
import { AuditEntry, Availability, Booking, CheckField, ClosedDay, Citizen, Incident, IncidentEvent, Municipality, Officer, Session, StreetCoverage } from './index.js';

// A value the server adds to an extensible enum tomorrow must not break today's client; a closed
// enum's new value must, because a client acts on every one of them (packages/core/README.md, "Enums that grow").

const slot = { id: 's-1', start: '2027-03-29T09:30:00+02:00', end: '2027-03-29T09:45:00+02:00', officeId: office.id, officerId: officer.id };
const citizen = { name: 'An Peeters', email: 'an.peeters@example.be', language: 'nl' };
const booking = { id: 'b-1', status: 'confirmed', topicId: topic.id, slot, citizen, sequence: 0, createdAt: slot.start, updatedAt: slot.start };
const address = { street: 'Veldstraat', houseNumber: '1', postalCode: '9000', municipality: 'Gent' };
const incident = { id: 'i-1', number: '2027-0042', type: 'theft', priority: 2, status: 'open', address, position: { lat: 51.05, lon: 3.72 }, openedAt: slot.start, updatedAt: slot.start, units: [] };

describe('extensible enums', () => {
  it('parse an availability whose closed day has a reason added after this client', () => {
    const month = { officeId: office.id, officerId: null, topicId: topic.id, timeZone: 'Europe/Brussels', from: '2027-05-01', to: '2027-05-01', nextFreeDate: null };
    const parsed = Availability.parse({ ...month, days: [{ date: '2027-05-01', slots: [], closed: { reason: 'election' } }] });
    assert.equal(parsed.days[0]?.closed?.reason, 'election');
  });

  it('parse every extensible field with a value this client does not know', () => {
    assert.deepEqual(Officer.parse({ ...officer, languages: ['nl', 'tr'] }).languages, ['nl', 'tr']);
    assert.equal(CheckField.parse({ name: 'signed', label: { nl: 'x', fr: 'x', de: 'x', en: 'x' }, kind: 'signature', required: true }).kind, 'signature');
    const newer = Incident.parse({ ...incident, priority: 5, status: 'transferred' });
    assert.deepEqual([newer.priority, newer.status], [5, 'transferred']);
    assert.equal(IncidentEvent.parse({ id: 'e-1', incidentId: 'i-1', at: slot.start, kind: 'backup_requested' }).kind, 'backup_requested');
    const entry = AuditEntry.parse({
      ...{ id: 'a-1', lookupId: 'l-1', at: slot.start, officerId: officer.id, query: 'X', resultCount: 0, subjects: [] },
      ...{ source: 'documents', outcome: 'postponed', purpose: { code: 'border_control' } },
    });
    assert.deepEqual([entry.source, entry.outcome, entry.purpose?.code], ['documents', 'postponed', 'border_control']);
  });

  it('still refuse what is not a value at all', () => {
    assert.equal(Officer.safeParse({ ...officer, languages: [3] }).success, false);
    assert.equal(Incident.safeParse({ ...incident, priority: 0 }).success, false);
    assert.equal(Incident.safeParse({ ...incident, priority: 1.5 }).success, false);
    assert.equal(Incident.safeParse({ ...incident, status: null }).success, false);
  });

  it('are an anyOf of the known values and any string in JSON Schema, so the OpenAPI document lists both', () => {
    const reason = (z.toJSONSchema(ClosedDay) as unknown as { properties: { reason: unknown } }).properties.reason;
    assert.deepEqual(reason, { anyOf: [{ type: 'string', enum: ['holiday', 'closure'] }, { type: 'string' }] });
  });
});

describe('closed enums', () => {
  it('refuse a value the client would not know how to act on', () => {
    assert.equal(Booking.safeParse(booking).success, true);
    assert.equal(Booking.safeParse({ ...booking, status: 'tentative' }).success, false);
    assert.equal(Session.safeParse({ role: 'dispatcher', displayName: 'X' }).success, false);
    assert.equal(Municipality.safeParse({ id: 'm-1', name: 'Gent', postalCodes: ['9000'], language: 'en' }).success, false);
    assert.equal(Citizen.safeParse({ ...citizen, language: 'es' }).success, false);
    assert.equal(StreetCoverage.safeParse({ street: 'Veldstraat', postalCode: '9000', side: 'north' }).success, false);
  });
});
