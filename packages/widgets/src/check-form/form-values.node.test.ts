import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFromInput, inputFromAnswer, instantInZone, instantToWallTime, problemMessage, wallTimeToInstant, withoutEmpty } from './form-values.js';

const BXL = 'Europe/Brussels';

describe('the check form’s values', () => {
  it('writes a Brussels wall-clock time as an instant with the offset of that day, across both DST changes', () => {
    assert.equal(wallTimeToInstant('2026-11-30T22:15', BXL), '2026-11-30T22:15:00+01:00');
    assert.equal(wallTimeToInstant('2027-07-01T08:00', BXL), '2027-07-01T08:00:00+02:00');
    // The last Sunday of March: 02:00 becomes 03:00; the day's evening is summer time.
    assert.equal(wallTimeToInstant('2027-03-28T01:30', BXL), '2027-03-28T01:30:00+01:00');
    assert.equal(wallTimeToInstant('2027-03-28T20:00', BXL), '2027-03-28T20:00:00+02:00');
    // The last Sunday of October: the morning is still summer time, the evening winter time.
    assert.equal(wallTimeToInstant('2027-10-31T01:00', BXL), '2027-10-31T01:00:00+02:00');
    assert.equal(wallTimeToInstant('2027-10-31T21:00', BXL), '2027-10-31T21:00:00+01:00');
    assert.equal(wallTimeToInstant('31/10/2027 21:00', BXL), undefined);
  });

  it('shows an instant as Brussels wall-clock time, also at 23:30 UTC on New Year’s Eve, already next year in Brussels', () => {
    assert.equal(instantToWallTime('2026-12-31T23:30:00Z', BXL), '2027-01-01T00:30');
    assert.equal(instantToWallTime('2027-03-31T22:30:00Z', BXL), '2027-04-01T00:30');
    assert.equal(instantInZone(Date.parse('2026-12-31T23:30:05Z'), BXL), '2027-01-01T00:30:05+01:00');
    assert.equal(instantToWallTime('not a time', BXL), '');
  });

  it('reads a number typed with a decimal comma, keeps text that is no number for the form to point at, and leaves nothing typed unanswered', () => {
    assert.equal(answerFromInput({ kind: 'number' }, '2,5', BXL), 2.5);
    assert.equal(answerFromInput({ kind: 'number' }, 'twee', BXL), 'twee');
    assert.equal(answerFromInput({ kind: 'text' }, '   ', BXL), undefined);
    assert.equal(answerFromInput({ kind: 'datetime' }, '2027-03-06T22:15', BXL), '2027-03-06T22:15:00+01:00');
    assert.equal(inputFromAnswer({ kind: 'datetime' }, '2027-03-06T21:15:00Z', BXL), '2027-03-06T22:15');
    assert.equal(inputFromAnswer({ kind: 'number' }, 3, BXL), '3');
  });

  it('names each problem’s message with its limit, and drops empty answers', () => {
    assert.deepEqual(problemMessage({ code: 'too_long', max: 500 }), ['p.too_long', { max: 500 }]);
    assert.deepEqual(problemMessage({ code: 'too_small', min: 0 }), ['p.too_small', { min: 0 }]);
    assert.deepEqual(problemMessage({ code: 'required' }), ['p.required', {}]);
    assert.deepEqual(withoutEmpty({ a: '', b: [], c: false, d: 0, e: undefined, f: ['p'] }), { c: false, d: 0, f: ['p'] });
  });
});
