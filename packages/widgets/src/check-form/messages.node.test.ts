import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswers, type CheckAnswerProblem, type CheckField } from '@blauw/core';
import { interpolate } from '../shared/define-messages.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { problemMessage } from './form-values.js';
import { messages } from './messages.js';

checkCatalogs('the check form', messages);

const CODES: CheckAnswerProblem['code'][] = [
  'required', 'pattern', 'not_an_option', 'date', 'time', 'datetime', 'yes_no', 'not_attested', 'number', 'position', 'photos', 'text',
  'unknown_field', 'too_long', 'too_large', 'too_many_photos', 'too_small',
];

describe('the check form’s words', () => {
  it('word every problem the answer rules can find with its limit, after the field’s name in the summary, in every language', () => {
    for (const [language, catalog] of Object.entries(messages)) {
      for (const code of CODES) {
        const problem = { code, max: 30, min: 1 } as CheckAnswerProblem;
        const [key, params] = problemMessage(problem);
        const text = interpolate(catalog.issue, { label: 'Aantal bewoners', problem: interpolate(catalog[key], params) });
        assert.ok(text.startsWith('Aantal bewoners — '), `${language} ${code}: ${text}`);
        assert.doesNotMatch(text, /\{\w+\}/, `${language} ${code} leaves a placeholder: ${text}`);
      }
    }
  });

  it('points at a number over its maximum as the officer reads it, in Dutch and French', () => {
    const field: CheckField = { name: 'occupants', kind: 'number', required: true, rules: { max: 30 }, label: { nl: 'Aantal bewoners', fr: 'Nombre d’occupants', de: 'Anzahl', en: 'Occupants' } };
    const [issue] = checkAnswers({ fields: [field] }, { occupants: 31 }).issues;
    const [key, params] = problemMessage(issue!.problem);
    assert.equal(interpolate(messages.nl.issue, { label: field.label.nl, problem: interpolate(messages.nl[key], params) }), 'Aantal bewoners — Ten hoogste 30.');
    assert.equal(interpolate(messages.fr[key], params), 'Au plus 30.');
  });

  it('give every sync state its own words', () => {
    for (const catalog of Object.values(messages)) {
      const words = (['draft', 'waiting', 'sending', 'sent', 'needs_attention'] as const).map((state) => catalog[`sync.${state}`]);
      assert.equal(new Set(words).size, words.length);
    }
  });
});
