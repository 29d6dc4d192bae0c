import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, dayForKey, monthOpensOn, monthRange, monthWeeks, weekday } from './calendar-days.js';

describe('date grid rules', () => {
  it('starts weeks on Monday and pads the month with empty cells', () => {
    const weeks = monthWeeks('2026-03');
    // 1 March 2026 is a Sunday: six empty cells before it; 31 March is a Tuesday.
    assert.deepEqual(weeks[0], [null, null, null, null, null, null, '2026-03-01']);
    assert.deepEqual(weeks.at(-1), ['2026-03-30', '2026-03-31', null, null, null, null, null]);
    assert.equal(weekday('2026-03-30'), 0);
  });

  it('knows the last day of each month, also in a leap year', () => {
    assert.deepEqual(monthRange('2028-02'), ['2028-02-01', '2028-02-29']);
    assert.deepEqual(monthRange('2026-12'), ['2026-12-01', '2026-12-31']);
  });

  it('moves by month to the same day, or the month’s last day', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
  });

  it('maps keys to days as the WAI-ARIA date picker does', () => {
    const wednesday = '2026-03-25';
    assert.equal(dayForKey(wednesday, 'ArrowLeft'), '2026-03-24');
    assert.equal(dayForKey(wednesday, 'ArrowRight'), '2026-03-26');
    assert.equal(dayForKey(wednesday, 'ArrowUp'), '2026-03-18');
    assert.equal(dayForKey(wednesday, 'ArrowDown'), '2026-04-01');
    assert.equal(dayForKey(wednesday, 'Home'), '2026-03-23');
    assert.equal(dayForKey(wednesday, 'End'), '2026-03-29');
    assert.equal(dayForKey(wednesday, 'PageUp'), '2026-02-25');
    assert.equal(dayForKey(wednesday, 'PageDown', true), '2027-03-25');
    assert.equal(dayForKey(wednesday, 'a'), undefined);
  });

  it('does not shift days across the change to summer time', () => {
    assert.equal(dayForKey('2026-03-28', 'ArrowRight'), '2026-03-29');
    assert.equal(dayForKey('2026-03-29', 'ArrowRight'), '2026-03-30');
  });

  it('says when a month beyond the booking horizon opens, across a year end', () => {
    assert.equal(monthOpensOn('2027-01', 28), '2026-12-04');
    assert.equal(monthOpensOn('2028-03', 30), '2028-01-31');
  });
});
