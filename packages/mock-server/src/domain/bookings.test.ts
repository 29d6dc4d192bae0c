import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { Agenda, Availability, Booking, HomeVisitRequest, Managed, SlotHold, type Citizen, type Officer, type Slot } from '@blauw/core';
import { createFixedClock, type FixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { createZone, type Zone } from './zone.js';

// Seed 1 on 1 March 2027: office-wilgendonk has officer-03 and officer-04, opens weekday
// afternoons 13:00–17:00 (Thursday until 20:00) and Saturday morning, lead time 2 h, horizon 90 days.
const OFFICE = 'office-wilgendonk';
const TOPIC = 'topic-domicile';
const citizen: Citizen = { name: 'Marie Claeys', email: 'marie@example.be', language: 'nl' };
const officer03 = { role: 'officer', officerId: 'officer-03', displayName: 'Officer 3' } as const;
const officer04 = { role: 'officer', officerId: 'officer-04', displayName: 'Officer 4' } as const;
const supervisor = { role: 'supervisor', displayName: 'Commissaris' } as const;

function domainError(fn: () => unknown, code: string, kind?: DomainError['kind']): DomainError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    if (kind) assert.equal(error.kind, kind);
    return error;
  }
  assert.fail(`expected DomainError ${code}`);
}

describe('booking rules', () => {
  let clock: FixedClock;
  let zone: Zone;
  const day = (date: string, officerId?: string, topicId = TOPIC) =>
    Availability.parse(zone.bookings.availability({ topicId, ...(officerId ? { officerId } : { officeId: OFFICE }), from: date, to: date })).days[0]?.slots ?? [];
  const has = (slots: Slot[], slot: Slot) => slots.some((item) => item.id === slot.id);

  beforeEach(() => {
    clock = createFixedClock('2027-03-01T09:00:00+01:00');
    zone = createZone({ seed: 1, clock });
  });

  it('gives every office officers, and topics for home visits and with facts', () => {
    for (const office of zone.store.listOffices({}, { limit: 200 }).items) {
      assert.ok(zone.store.listOfficers({ officeId: office.id }).items.length > 0, office.id);
      const wall = office.openingHours.map((period) => period.opens);
      assert.ok(wall.some((time) => time < '12:00'), `${office.id} opens in the morning`);
      assert.ok(office.openingHours.some((period) => period.closes > '13:00'), `${office.id} opens after noon`);
    }
    const topics = zone.store.listTopics().items;
    assert.ok(topics.some((topic) => topic.homeVisit));
    assert.ok(topics.some((topic) => topic.asksFacts));
  });

  it('lists the office slots of a Tuesday afternoon with the winter offset, one per start', () => {
    const slots = day('2027-03-02');
    assert.equal(slots.length, 16);
    assert.equal(slots[0]?.start, '2027-03-02T13:00:00+01:00');
    assert.equal(slots[0]?.officerId, 'officer-03');
  });

  it('refuses an availability without office or officer, or over more than 62 days', () => {
    const noWho = domainError(() => zone.bookings.availability({ topicId: TOPIC, from: '2027-03-02', to: '2027-03-03' }), 'validation_failed', 'invalid');
    assert.deepEqual(noWho.errors.map((error) => error.pointer), ['/query/officeId']);
    const long = domainError(() => zone.bookings.availability({ topicId: TOPIC, officeId: OFFICE, from: '2027-03-01', to: '2027-05-02' }), 'validation_failed');
    assert.deepEqual(long.errors.map((error) => error.pointer), ['/query/to']);
    assert.equal(zone.bookings.availability({ topicId: TOPIC, officeId: OFFICE, from: '2027-03-01', to: '2027-05-01' }).days.length, 62);
  });

  it('holds a slot for 5 minutes: nobody else gets it, then it is free again', () => {
    const slot = day('2027-03-02', 'officer-03')[0] as Slot;
    const hold = SlotHold.parse(zone.bookings.hold({ slotId: slot.id, topicId: TOPIC }));
    assert.equal(hold.expiresAt, '2027-03-01T09:05:00+01:00');
    assert.equal(has(day('2027-03-02', 'officer-03'), slot), false);
    const taken = domainError(() => zone.bookings.hold({ slotId: slot.id, topicId: TOPIC }), 'slot_taken', 'conflict');
    const next = taken.extensions['nextSlots'] as Slot[];
    assert.ok(next.length > 0 && next.length <= 5);
    assert.equal(next[0]?.start, slot.start, 'the other officer is free at the same time');
    clock.advance(5 * 60_000);
    assert.equal(has(day('2027-03-02', 'officer-03'), slot), true, 'the hold expired');
  });

  it('books a held slot, and an expired hold still books while nobody took the slot', () => {
    const [first, second] = day('2027-03-02', 'officer-03') as [Slot, Slot];
    const hold = zone.bookings.hold({ slotId: first.id, topicId: TOPIC });
    const booking = Booking.parse(zone.bookings.book({ slotId: first.id, holdId: hold.id, topicId: TOPIC, citizen }));
    assert.equal(booking.status, 'confirmed');
    assert.equal(booking.sequence, 0);
    assert.match(booking.manageToken ?? '', /^[A-Za-z0-9_-]{43}$/);
    const late = zone.bookings.hold({ slotId: second.id, topicId: TOPIC });
    clock.advance(20 * 60_000);
    assert.equal(zone.bookings.book({ slotId: second.id, holdId: late.id, topicId: TOPIC, citizen }).slot.id, second.id);
  });

  it('refuses an expired hold whose slot someone else took meanwhile', () => {
    const slot = day('2027-03-02', 'officer-03')[0] as Slot;
    const hold = zone.bookings.hold({ slotId: slot.id, topicId: TOPIC });
    clock.advance(6 * 60_000);
    zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen: { ...citizen, name: 'Someone else' } });
    domainError(() => zone.bookings.book({ slotId: slot.id, holdId: hold.id, topicId: TOPIC, citizen }), 'slot_taken');
  });

  it('asks for the facts when the topic needs them', () => {
    const slot = day('2027-03-02', 'officer-03', 'topic-neighbours')[0] as Slot;
    for (const facts of [undefined, '   ']) {
      const error = domainError(
        () => zone.bookings.book({ slotId: slot.id, topicId: 'topic-neighbours', citizen, ...(facts === undefined ? {} : { facts }) }),
        'validation_failed',
        'invalid',
      );
      assert.deepEqual(error.errors.map((item) => item.pointer), ['/facts']);
    }
    const booking = zone.bookings.book({ slotId: slot.id, topicId: 'topic-neighbours', citizen, facts: 'Lawaai na 22 uur.' });
    assert.equal(booking.facts, 'Lawaai na 22 uur.');
  });

  it('refuses a slot id that is forged, of another topic, or no longer offered', () => {
    const slot = day('2027-03-02', 'officer-03')[0] as Slot;
    assert.deepEqual(domainError(() => zone.bookings.book({ slotId: 'nonsense', topicId: TOPIC, citizen }), 'validation_failed').errors[0]?.pointer, '/slotId');
    domainError(() => zone.bookings.book({ slotId: slot.id, topicId: 'topic-holiday-watch', citizen }), 'validation_failed');
    domainError(() => zone.bookings.book({ slotId: slot.id.replace('T120000Z', 'T120500Z'), topicId: TOPIC, citizen }), 'slot_taken');
    domainError(() => zone.bookings.book({ slotId: 'officer-03.topic-domicile.20270301T090000Z', topicId: TOPIC, citizen }), 'slot_taken', 'conflict');
  });

  it('reschedules to a free slot (same booking, old slot freed, sequence up) and cancels (slot freed, twice is harmless)', () => {
    const [first, second, third] = day('2027-03-02', 'officer-03') as [Slot, Slot, Slot];
    const booking = zone.bookings.book({ slotId: first.id, topicId: TOPIC, citizen });
    const token = booking.manageToken as string;
    zone.bookings.book({ slotId: third.id, topicId: TOPIC, citizen: { ...citizen, name: 'Other' } });
    domainError(() => zone.bookings.reschedule(token, { slotId: third.id }), 'slot_taken');

    const moved = Managed.parse(zone.bookings.reschedule(token, { slotId: second.id }));
    assert.equal(moved.kind, 'booking');
    if (moved.kind !== 'booking') return;
    assert.equal(moved.booking.id, booking.id);
    assert.equal(moved.booking.slot.id, second.id);
    assert.equal(moved.booking.sequence, 1);
    assert.equal(moved.officer.id, 'officer-03');
    assert.equal(has(day('2027-03-02', 'officer-03'), first), true, 'old slot free again');
    assert.equal(has(day('2027-03-02', 'officer-03'), second), false);

    const cancelled = zone.bookings.cancel(token);
    assert.equal(cancelled.kind === 'booking' && cancelled.booking.status, 'cancelled');
    assert.equal(cancelled.kind === 'booking' && cancelled.booking.sequence, 2);
    assert.equal(has(day('2027-03-02', 'officer-03'), second), true, 'cancelled slot free again');
    assert.deepEqual(zone.bookings.cancel(token), cancelled, 'cancelling twice changes nothing');
    domainError(() => zone.bookings.reschedule(token, { slotId: first.id }), 'booking_cancelled', 'conflict');
    domainError(() => zone.bookings.manage('unknown-token-unknown-token'), 'manage_link_not_found', 'not_found');
  });

  it('takes an officer out of the availability during an absence, and only they or a supervisor may record it', () => {
    assert.equal(day('2027-03-02', 'officer-03').length, 16);
    domainError(() => zone.bookings.addAbsence(officer04, 'officer-03', { from: '2027-03-02T14:00:00+01:00', to: '2027-03-02T15:00:00+01:00', reason: 'x' }), 'forbidden', 'forbidden');
    const reversed = domainError(
      () => zone.bookings.addAbsence(officer03, 'officer-03', { from: '2027-03-02T15:00:00+01:00', to: '2027-03-02T14:00:00+01:00', reason: 'x' }),
      'validation_failed',
    );
    assert.deepEqual(reversed.errors.map((error) => error.pointer), ['/to']);
    const absence = zone.bookings.addAbsence(officer03, 'officer-03', { from: '2027-03-02T13:00:00Z', to: '2027-03-02T14:00:00Z', reason: 'Rechtbank' });
    assert.equal(absence.from, '2027-03-02T14:00:00+01:00', 'stored with the office offset');
    assert.deepEqual(
      day('2027-03-02', 'officer-03').filter((slot) => slot.start >= '2027-03-02T14' && slot.start < '2027-03-02T15').length,
      0,
    );
    assert.equal(day('2027-03-02', 'officer-03').length, 12);
    zone.bookings.addAbsence(supervisor, 'officer-04', { from: '2027-03-02T12:00:00Z', to: '2027-03-02T16:00:00Z', reason: 'Verlof' });
    assert.equal(day('2027-03-02', 'officer-04').length, 0);
    assert.equal(day('2027-03-02').length, 12, 'the office shows what either officer can still do');
  });

  it('seeds a training day for the second officer ten days ahead', () => {
    const agenda = zone.bookings.agenda(supervisor, 'officer-02', { from: '2027-03-11', to: '2027-03-11' });
    assert.deepEqual(agenda.absences.map((absence) => [absence.from, absence.to]), [['2027-03-11T08:00:00+01:00', '2027-03-11T18:00:00+01:00']]);
  });
});

describe('home visits', () => {
  let clock: FixedClock;
  let zone: Zone;
  const addressOf = (officer: Officer) => {
    const coverage = officer.streets[0]!;
    const houseNumber = coverage.from ?? (coverage.side === 'even' ? 2 : 1);
    const municipality = zone.store.getMunicipality(officer.municipalityId).name;
    return { street: coverage.street, houseNumber: String(houseNumber), postalCode: coverage.postalCode, municipality };
  };
  const request = (topicId = 'topic-domicile') =>
    zone.bookings.requestHomeVisit({
      topicId,
      address: addressOf(zone.store.getOfficer('officer-03')),
      dayParts: ['morning'],
      reason: 'Nieuw adres bevestigen',
      citizen,
    });

  beforeEach(() => {
    clock = createFixedClock('2027-03-01T09:00:00+01:00');
    zone = createZone({ seed: 1, clock });
  });

  it('goes to the officer of the address, refuses uncovered addresses (422) and office-only topics', () => {
    const visit = HomeVisitRequest.parse(request());
    assert.equal(visit.status, 'requested');
    assert.equal(visit.officerId, 'officer-03');
    assert.equal(visit.officeId, OFFICE);
    const uncovered = domainError(
      () =>
        zone.bookings.requestHomeVisit({
          topicId: TOPIC,
          address: { street: 'Nergensstraat', houseNumber: '1', postalCode: '9999', municipality: 'Nergens' },
          dayParts: ['evening'],
          reason: 'x',
          citizen,
        }),
      'address_not_covered',
      'unprocessable',
    );
    assert.deepEqual(uncovered.errors.map((error) => error.pointer), ['/address']);
    assert.deepEqual(domainError(() => request('topic-holiday-watch'), 'validation_failed').errors[0]?.pointer, '/topicId');
  });

  it('is confirmed by its officer with a time, once, and the citizen sees it and can cancel it', () => {
    const visit = request();
    // Another officer learns nothing: the same 404 as for a visit that does not exist.
    const unknown = domainError(() => zone.bookings.confirmHomeVisit(officer03, 'visit-999', { start: '2027-03-03T10:00:00+01:00' }), 'home_visit_not_found', 'not_found');
    const others = domainError(() => zone.bookings.confirmHomeVisit(officer04, visit.id, { start: '2027-03-03T10:00:00+01:00' }), 'home_visit_not_found', 'not_found');
    assert.equal(others.message, unknown.message.replace('visit-999', visit.id));
    domainError(() => zone.bookings.declineHomeVisit(officer04, visit.id, { message: 'Nee' }), 'home_visit_not_found', 'not_found');
    const past = domainError(() => zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-02-28T10:00:00+01:00' }), 'validation_failed');
    assert.deepEqual(past.errors.map((error) => error.pointer), ['/start']);
    const confirmed = zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-03-03T09:00:00Z', message: 'Tot dan!' });
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.confirmedStart, '2027-03-03T10:00:00+01:00');
    assert.equal(confirmed.confirmedEnd, '2027-03-03T10:15:00+01:00', 'the topic duration');
    assert.equal(confirmed.sequence, 1);
    assert.equal(confirmed.manageToken, undefined, 'the officer does not see the citizen token');
    domainError(() => zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-03-04T10:00:00+01:00' }), 'visit_not_open', 'conflict');
    domainError(() => zone.bookings.declineHomeVisit(officer03, visit.id, { message: 'Nee' }), 'visit_not_open');

    const seen = zone.bookings.manage(visit.manageToken as string);
    assert.equal(seen.kind, 'home_visit');
    assert.equal(seen.kind === 'home_visit' && seen.visit.officerMessage, 'Tot dan!');
    const cancelled = zone.bookings.cancel(visit.manageToken as string);
    assert.equal(cancelled.kind === 'home_visit' && cancelled.visit.status, 'cancelled');
    domainError(() => zone.bookings.reschedule(visit.manageToken as string, { slotId: 'x.y.20270303T090000Z' }), 'visit_not_reschedulable');
  });

  it('is declined with a message, and then cannot be cancelled or confirmed', () => {
    const visit = request();
    const declined = zone.bookings.declineHomeVisit(supervisor, visit.id, { message: 'Kom liever naar het wijkkantoor.' });
    assert.equal(declined.status, 'declined');
    domainError(() => zone.bookings.cancel(visit.manageToken as string), 'visit_not_open');
    domainError(() => zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-03-04T10:00:00+01:00' }), 'visit_not_open');
  });

  it("blocks the officer's slots while a confirmed visit lasts, and refuses one over a booking", () => {
    const visit = request();
    const slot = zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-03', from: '2027-03-02', to: '2027-03-02' }).days[0]!.slots[0]!;
    zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen });
    domainError(() => zone.bookings.confirmHomeVisit(officer03, visit.id, { start: slot.start }), 'officer_busy', 'conflict');
    zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-03-02T14:00:00+01:00', durationMinutes: 60 });
    const after = zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-03', from: '2027-03-02', to: '2027-03-02' }).days[0]!.slots;
    assert.ok(!after.some((item) => item.start >= '2027-03-02T14:00' && item.start < '2027-03-02T15:00'));
  });
});

describe("an officer's agenda", () => {
  it('holds the confirmed bookings and visits in range, open requests and overlapping absences; only for them or a supervisor', () => {
    const clock = createFixedClock('2027-03-01T09:00:00+01:00');
    const zone = createZone({ seed: 1, clock });
    const officer = zone.store.getOfficer('officer-03');
    const slots = zone.bookings.availability({ topicId: TOPIC, officerId: officer.id, from: '2027-03-02', to: '2027-03-09' }).days.flatMap((d) => d.slots);
    const inRange = zone.bookings.book({ slotId: slots[0]!.id, topicId: TOPIC, citizen });
    const cancelled = zone.bookings.book({ slotId: slots[1]!.id, topicId: TOPIC, citizen });
    zone.bookings.cancel(cancelled.manageToken as string);
    const later = zone.bookings.book({ slotId: slots[slots.length - 1]!.id, topicId: TOPIC, citizen });
    const coverage = officer.streets[0]!;
    const address = {
      street: coverage.street,
      houseNumber: String(coverage.from ?? (coverage.side === 'even' ? 2 : 1)),
      postalCode: coverage.postalCode,
      municipality: 'x',
    };
    const open = zone.bookings.requestHomeVisit({ topicId: TOPIC, address, dayParts: ['afternoon'], reason: 'a', citizen });
    zone.bookings.addAbsence(officer03, officer.id, { from: '2027-03-02T23:00:00+01:00', to: '2027-03-04T08:00:00+01:00', reason: 'Verlof' });

    const agenda = Agenda.parse(zone.bookings.agenda(officer03, officer.id, { from: '2027-03-02', to: '2027-03-03' }));
    assert.equal(agenda.timeZone, 'Europe/Brussels');
    assert.deepEqual(agenda.bookings.map((booking) => booking.id), [inRange.id]);
    assert.ok(!agenda.bookings.some((booking) => booking.id === later.id));
    assert.equal(agenda.bookings[0]?.manageToken, undefined);
    assert.deepEqual(agenda.homeVisits.map((visit) => visit.id), [open.id]);
    assert.equal(agenda.absences.length, 1);
    domainError(() => zone.bookings.agenda(officer04, officer.id, { from: '2027-03-02', to: '2027-03-03' }), 'forbidden', 'forbidden');
    assert.equal(zone.bookings.agenda(supervisor, officer.id, { from: '2027-03-02', to: '2027-03-03' }).bookings.length, 1);
  });
});
