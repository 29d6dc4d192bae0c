import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { Availability, type Slot } from '@blauw/core';
import { createFixedClock, type FixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { HOLD_TTL_MS, SlotHolds } from './holds.js';
import { createZone, type Zone } from './zone.js';

// Seed 1 on 1 March 2027 (see bookings.test.ts): officer-03 of office-wilgendonk has 16 slots on
// Tuesday 2 March, 13:00–17:00.
const TOPIC = 'topic-domicile';
const ALICE = 'client:203.0.113.1';
const BOB = 'client:203.0.113.2';

function refusedWith(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected DomainError ${code}`);
}

describe('slot holds per client', () => {
  let clock: FixedClock;
  let zone: Zone;
  let slots: Slot[];
  const free = (date = '2027-03-02') =>
    Availability.parse(zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-03', from: date, to: date })).days[0]?.slots ?? [];
  const hold = (client: string | undefined, slot: Slot) => zone.bookings.hold({ slotId: slot.id, topicId: TOPIC }, client);

  beforeEach(() => {
    clock = createFixedClock('2027-03-01T09:00:00+01:00');
    zone = createZone({ seed: 1, clock });
    slots = free();
    assert.ok(slots.length >= 8);
  });

  it('an anonymous client cannot hold more than 3 slots at once', () => {
    for (const slot of slots.slice(0, 3)) hold(ALICE, slot);
    const refused = refusedWith(() => hold(ALICE, slots[4]!), 'hold_limit_reached');
    assert.equal(refused.kind, 'conflict');
    assert.equal(free().length, slots.length - 3, 'only three slots are held');
    hold(BOB, slots[4]!);
  });

  it('lets the client hold another once one of its holds is released, booked or lapsed', () => {
    const held = slots.slice(0, 3).map((slot) => hold(ALICE, slot));
    zone.bookings.releaseHold(held[0]!.id);
    hold(ALICE, slots[4]!);
    zone.bookings.book({ slotId: slots[1]!.id, holdId: held[1]!.id, topicId: TOPIC, citizen: { name: 'Alice', email: 'alice@example.be', language: 'nl' } });
    hold(ALICE, slots[5]!);
    refusedWith(() => hold(ALICE, slots[6]!), 'hold_limit_reached');
    clock.advance(HOLD_TTL_MS);
    hold(ALICE, slots[6]!);
  });

  it('refuses a second held slot at an overlapping time (one slot window at a time)', () => {
    const other = (Availability.parse(zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-04', from: '2027-03-02', to: '2027-03-02' })).days[0]?.slots ?? []).find(
      (slot) => slot.start === slots[0]!.start,
    );
    assert.ok(other, 'officer-04 has a slot at the same time');
    hold(ALICE, slots[0]!);
    refusedWith(() => hold(ALICE, other), 'hold_limit_reached');
    hold(BOB, other);
  });

  it('does not let a client renew a hold on one slot beyond 15 minutes', () => {
    let current = hold(ALICE, slots[0]!);
    assert.equal(current.expiresAt, '2027-03-01T09:05:00+01:00');
    clock.advance(4 * 60_000);
    zone.bookings.releaseHold(current.id);
    current = hold(ALICE, slots[0]!);
    assert.equal(current.expiresAt, '2027-03-01T09:09:00+01:00');
    clock.advance(8 * 60_000);
    current = hold(ALICE, slots[0]!);
    assert.equal(current.expiresAt, '2027-03-01T09:15:00+01:00', 'cut to 15 minutes after the first hold');
    clock.advance(3 * 60_000);
    refusedWith(() => hold(ALICE, slots[0]!), 'hold_limit_reached');
    hold(BOB, slots[0]!);
    clock.advance(30 * 60_000);
    const again = hold(ALICE, slots[0]!);
    assert.equal(again.expiresAt, '2027-03-01T09:50:00+01:00', 'a slot not held for half an hour may be held again for the full 5 minutes');
  });

  it('does not limit an in-process caller that names no client', () => {
    for (const slot of slots.slice(0, 8)) hold(undefined, slot);
    assert.equal(free().length, slots.length - 8);
  });

  it('keeps working after 10,000 hold/release cycles of one client', () => {
    for (let n = 0; n < 10_000; n += 1) {
      const held = hold(ALICE, slots[n % 2]!);
      zone.bookings.releaseHold(held.id);
      if (n % 1000 === 999) clock.advance(60 * 60_000);
    }
    assert.equal(free().length, slots.length);
    for (const slot of slots.slice(0, 3)) hold(ALICE, slot);
    assert.equal(free().length, slots.length - 3);
  });
});

describe('SlotHolds memory', () => {
  const slot = (n: number): Slot => ({
    id: `slot-${n}`,
    officerId: 'officer-01',
    officeId: 'office-1',
    start: new Date(Date.UTC(2027, 2, 2, 12, n)).toISOString(),
    end: new Date(Date.UTC(2027, 2, 2, 12, n + 1)).toISOString(),
  });

  it('released holds are purged from what availability reads, and ended ones are forgotten after an hour', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const holds = new SlotHolds({ clock });
    const ids = Array.from({ length: 500 }, (_, n) => holds.add(slot(n), TOPIC).id);
    assert.equal(holds.busy('officer-01').length, 500);
    for (const id of ids) holds.release(id);
    assert.equal(holds.busy('officer-01').length, 0);
    assert.deepEqual(holds.size, { live: 0, ended: 500 });
    assert.equal(holds.get(ids[0]!)?.released, true, 'a late DELETE or booking still finds a released hold');
    clock.advance(HOLD_TTL_MS + 60 * 60_000);
    assert.deepEqual(holds.size, { live: 0, ended: 0 });
  });

  it('moves lapsed holds out on the next access, without a timer', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const holds = new SlotHolds({ clock });
    for (let n = 0; n < 100; n += 1) holds.add(slot(n), TOPIC);
    clock.advance(HOLD_TTL_MS);
    assert.deepEqual(holds.size, { live: 0, ended: 100 });
    assert.equal(holds.busy('officer-01').length, 0);
  });
});
