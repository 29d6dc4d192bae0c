import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, formatZoned, instantToZoned, isoWeekday, offsetMinutesAt, zonedTimeToInstant } from './zoned-time.js';

const BRUSSELS = 'Europe/Brussels';

describe('wall time in a time zone', () => {
  it('formats instants with the office offset, winter and summer', () => {
    assert.equal(formatZoned(new Date('2027-01-15T08:30:00Z'), BRUSSELS), '2027-01-15T09:30:00+01:00');
    assert.equal(formatZoned(new Date('2027-03-29T07:30:00Z'), BRUSSELS), '2027-03-29T09:30:00+02:00');
    assert.deepEqual(instantToZoned(new Date('2027-03-29T07:30:00Z'), BRUSSELS), {
      date: '2027-03-29',
      time: '09:30',
      offset: '+02:00',
      offsetMinutes: 120,
      seconds: 0,
    });
  });

  it('turns a wall time into the right instant on both sides of each change', () => {
    for (const [date, time, utc] of [
      ['2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'],
      ['2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
      ['2026-10-24', '09:00', '2026-10-24T07:00:00.000Z'],
      ['2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
      ['2027-03-28', '01:59', '2027-03-28T00:59:00.000Z'],
      ['2027-03-28', '03:00', '2027-03-28T01:00:00.000Z'],
      ['2027-10-31', '03:00', '2027-10-31T02:00:00.000Z'],
    ] as const) {
      assert.equal(zonedTimeToInstant(date, time, BRUSSELS).toISOString(), utc, `${date} ${time}`);
    }
  });

  it('moves a wall time skipped in spring forward by the gap, or rejects it when asked', () => {
    assert.equal(formatZoned(zonedTimeToInstant('2026-03-29', '02:30', BRUSSELS), BRUSSELS), '2026-03-29T03:30:00+02:00');
    assert.equal(zonedTimeToInstant('2027-03-28', '02:00', BRUSSELS, 'reject'), undefined);
  });

  it('reads a wall time repeated in autumn as its first occurrence', () => {
    const first = zonedTimeToInstant('2026-10-25', '02:30', BRUSSELS);
    assert.equal(first.toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(formatZoned(first, BRUSSELS), '2026-10-25T02:30:00+02:00');
    assert.equal(formatZoned(first.getTime() + 3600_000, BRUSSELS), '2026-10-25T02:30:00+01:00', 'an hour later the clock reads the same');
  });

  it('knows offsets, weekdays and calendar days without a time zone library', () => {
    assert.equal(offsetMinutesAt(new Date('2027-07-01T00:00:00Z'), BRUSSELS), 120);
    assert.equal(offsetMinutesAt(new Date('2027-12-01T00:00:00Z'), 'America/New_York'), -300);
    assert.equal(isoWeekday('2027-03-28'), 7);
    assert.equal(isoWeekday('2027-03-29'), 1);
    assert.equal(addDays('2027-03-27', 2), '2027-03-29');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });
});
