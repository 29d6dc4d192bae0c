import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswers, shownFields } from './check-answers.js';
import type { CheckField, CheckType } from './checks.js';

// The rules the form checks before sending are the server's (the mock server calls the same
// functions): a check that passes here is never refused on arrival for its answers.

const label = { nl: 'x', fr: 'x', de: 'x', en: 'x' };
const field = (name: string, kind: CheckField['kind'], more: Partial<CheckField> = {}): CheckField => ({ name, label, kind, required: true, ...more });
const form: Pick<CheckType, 'fields'> = {
  fields: [
    field('personMet', 'yes_no'),
    field('whyNotMet', 'long_text', { visibleWhen: [{ field: 'personMet', equals: false }], rules: { maxLength: 20 } }),
    field('followUp', 'choice', { visibleWhen: [{ field: 'whyNotMet', equals: 'away' }], options: [{ value: 'revisit', label }] }),
    field('occupants', 'number', { required: false, rules: { min: 0, max: 20 } }),
    field('houseNumber', 'text', { required: false, rules: { pattern: '[0-9]{1,4}[A-Z]?' } }),
    field('photos', 'photo', { required: false, rules: { maxItems: 2 } }),
    field('seenAt', 'time', { required: false }),
    field('attested', 'attestation'),
  ],
};

describe('check answers', () => {
  it('shows a field only while every condition holds on a shown field, through chains of conditions', () => {
    assert.deepEqual([...shownFields(form, { personMet: true })], ['personMet', 'occupants', 'houseNumber', 'photos', 'seenAt', 'attested']);
    assert.ok(shownFields(form, { personMet: false, whyNotMet: 'away' }).has('followUp'));
    // The condition's field is hidden again: what depends on it hides with it.
    assert.ok(!shownFields(form, { personMet: true, whyNotMet: 'away' }).has('followUp'));
  });

  it('asks for shown required fields only and drops answers of hidden fields instead of refusing them', () => {
    const { kept, issues } = checkAnswers(form, { personMet: true, whyNotMet: 'left over from before', attested: true });
    assert.deepEqual(issues, []);
    assert.deepEqual(kept, { personMet: true, attested: true });
    assert.deepEqual(checkAnswers(form, { personMet: false }).issues, [
      { field: 'whyNotMet', problem: { code: 'required' } },
      { field: 'attested', problem: { code: 'required' } },
    ]);
  });

  it('points at each answer that breaks its rule, with the limit, in form order', () => {
    const { issues } = checkAnswers(form, { personMet: false, whyNotMet: 'x'.repeat(21), occupants: 21, houseNumber: '12b', photos: ['a', 'b', 'c'], seenAt: '24:00', attested: false, extra: 'x' });
    assert.deepEqual(issues, [
      { field: 'extra', problem: { code: 'unknown_field' } },
      { field: 'whyNotMet', problem: { code: 'too_long', max: 20 } },
      { field: 'occupants', problem: { code: 'too_large', max: 20 } },
      { field: 'houseNumber', problem: { code: 'pattern' } },
      { field: 'photos', problem: { code: 'too_many_photos', max: 2 } },
      { field: 'seenAt', problem: { code: 'time' } },
      { field: 'attested', problem: { code: 'not_attested' } },
    ]);
    assert.deepEqual(checkAnswers(form, { personMet: 'no' as never, attested: true }).issues, [{ field: 'personMet', problem: { code: 'yes_no' } }]);
    assert.deepEqual(checkAnswers(form, { personMet: true, occupants: -1, attested: true }).issues, [{ field: 'occupants', problem: { code: 'too_small', min: 0 } }]);
  });

  it('lets an answer of a field kind added after this code through, as the server keeps it', () => {
    const later: Pick<CheckType, 'fields'> = { fields: [field('signature', 'signature')] };
    assert.deepEqual(checkAnswers(later, { signature: 'data' }), { kept: { signature: 'data' }, issues: [] });
  });
});
