import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Managed, Slot } from '@blauw/core';
import { seedZone } from '../seed/zone-seed.js';
import { BusyIndex } from './busy-index.js';
import { createFixedClock } from './clock.js';
import { mulberry32, pick, randomInt } from './random.js';
import { availabilityDays, type Interval, type SlotContext } from './slots.js';
import { createZone } from './zone.js';
import { addDays } from './zoned-time.js';

const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });

describe('busy index', () => {
  it('finds an interval from every UTC day it touches, once, and forgets it when moved or removed', () => {
    const index = new BusyIndex();
    // 23:30–00:30 UTC: on two UTC days.
    index.set('a', 'officer-01', span('2027-03-02T23:30:00Z', '2027-03-03T00:30:00Z'));
    index.set('b', 'officer-02', span('2027-03-03T10:00:00Z', '2027-03-03T10:30:00Z'));
    assert.deepEqual(index.during('officer-01', span('2027-03-02T00:00:00Z', '2027-03-04T00:00:00Z')).map((entry) => entry.key), ['a']);
    assert.equal(index.during('officer-01', span('2027-03-03T00:00:00Z', '2027-03-03T01:00:00Z')).length, 1);
    assert.equal(index.during('officer-01', span('2027-03-03T00:30:00Z', '2027-03-03T01:00:00Z')).length, 0, 'half-open: touching is not overlapping');
    assert.equal(index.during('officer-01', span('2027-03-02T00:00:00Z', '2027-03-04T00:00:00Z'), 'a').length, 0, 'the caller’s own entry left out');

    index.set('a', 'officer-02', span('2027-03-05T09:00:00Z', '2027-03-05T09:30:00Z'));
    assert.equal(index.during('officer-01', span('2027-03-01T00:00:00Z', '2027-03-10T00:00:00Z')).length, 0, 'moved away from officer-01');
    assert.deepEqual(index.during('officer-02', span('2027-03-01T00:00:00Z', '2027-03-10T00:00:00Z')).map((entry) => entry.key).sort(), ['a', 'b']);
    index.delete('b');
    index.delete('b');
    assert.equal(index.size, 1);
    index.clear();
    assert.equal(index.size, 0);
  });

  // The index is an optimisation: whatever happens, availability must be what a plain scan of
  // every confirmed booking gives. Random book/reschedule/cancel sequences (seeded, bounded)
  // compare the two over every office, across a daylight-saving change (28 March 2027).
  for (const seed of [1, 2, 3]) {
    it(`gives the same free slots as a scan of every booking after 250 random books, reschedules and cancels (seed ${seed})`, () => {
      const clock = createFixedClock('2027-03-20T09:00:00+01:00');
      const zone = createZone({ seed: 1, clock });
      const random = mulberry32(seed);
      const topicId = 'topic-domicile';
      const topic = zone.store.getTopic(topicId);
      const offices = zone.store.listOffices({}, { limit: 200 }).items;
      const officers = zone.store.listOfficers({}, { limit: 200 }).items;
      const { absences } = seedZone(1, clock);
      const first = '2027-03-22';
      const last = '2027-04-04';
      const citizen = { name: 'Test', email: 'test@example.be', language: 'nl' as const };
      // What the scan reads: every booking ever made, by manage token, cancelled ones included.
      const records = new Map<string, { status: string; slot: Slot }>();
      const remember = (token: string, managed: Managed) => {
        if (managed.kind === 'booking') records.set(token, { status: managed.booking.status, slot: managed.booking.slot });
      };
      const freeSlot = (): Slot | undefined => {
        const officer = pick(random, officers);
        const date = addDays(first, randomInt(random, 0, 13));
        return zone.bookings.availability({ topicId, officerId: officer.id, from: date, to: date }).days[0]?.slots[0 + randomInt(random, 0, 3)];
      };

      for (let step = 0; step < 250; step++) {
        const tokens = [...records.keys()];
        const choice = random();
        if (choice < 0.5 || tokens.length === 0) {
          const slot = freeSlot();
          if (!slot) continue;
          const booking = zone.bookings.book({ slotId: slot.id, topicId, citizen });
          records.set(booking.manageToken!, { status: booking.status, slot: booking.slot });
        } else if (choice < 0.75) {
          const token = pick(random, tokens);
          const slot = freeSlot();
          if (!slot || records.get(token)!.status === 'cancelled') continue;
          remember(token, zone.bookings.reschedule(token, { slotId: slot.id }));
        } else {
          const token = pick(random, tokens);
          remember(token, zone.bookings.cancel(token));
        }
      }
      assert.ok([...records.values()].some((record) => record.status === 'cancelled'), 'some bookings were cancelled');

      const scan = (officerId: string): Interval[] => [
        ...absences.filter((absence) => absence.officerId === officerId).map((absence) => span(absence.from, absence.to)),
        ...[...records.values()]
          .filter((record) => record.status === 'confirmed' && record.slot.officerId === officerId)
          .map((record) => span(record.slot.start, record.slot.end)),
      ];
      for (const office of offices) {
        const officerIds = officers.filter((officer) => officer.officeId === office.id).map((officer) => officer.id).sort();
        const naive: SlotContext = {
          office,
          topic,
          officerIds,
          closures: zone.store.listClosures(office.id, { limit: 200 }).items,
          busy: (officerId) => scan(officerId),
          now: clock.now(),
        };
        const indexed = zone.bookings.availability({ topicId, officeId: office.id, from: first, to: last });
        const expected = availabilityDays(naive, first, last);
        assert.deepEqual(indexed.days, expected.days, office.id);
        assert.equal(indexed.nextFreeDate, expected.nextFreeDate, office.id);
      }
    });
  }
});
