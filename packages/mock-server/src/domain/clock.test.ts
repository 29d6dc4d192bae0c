import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOffsetClock } from './clock.js';

describe('createOffsetClock', () => {
  it('starts at the given instant and runs on as the elapsed time grows', () => {
    let elapsed = 5_000;
    const clock = createOffsetClock('2027-04-30T21:30:00Z', () => elapsed);
    assert.equal(clock.now().toISOString(), '2027-04-30T21:30:00.000Z');
    elapsed += 90 * 60_000;
    assert.equal(clock.now().toISOString(), '2027-04-30T23:00:00.000Z');
  });

  it('reads an instant with an offset as that instant', () => {
    const clock = createOffsetClock('2027-05-01T00:30:00+02:00', () => 0);
    assert.equal(clock.now().toISOString(), '2027-04-30T22:30:00.000Z');
  });

  it('refuses a start that is not an instant', () => {
    assert.throws(() => createOffsetClock('tomorrow', () => 0), RangeError);
  });
});
