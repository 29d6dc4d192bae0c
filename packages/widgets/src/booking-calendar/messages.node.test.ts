import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formattersFor } from '../shared/formatters.js';
import { sharedMessages } from '../shared/messages.js';
import { messages } from './messages.js';

const french = { ...sharedMessages.fr, ...messages.fr };

describe('the booking calendar’s French', () => {
  it('sets a no-break space before every : ; ? and !, and never a plain one', () => {
    for (const [key, text] of Object.entries(french)) {
      assert.doesNotMatch(text, / [:;?!]/, `${key}: "${text}"`);
      assert.doesNotMatch(text, /[^\s\u202f\u00a0][;?!]/, `${key}: "${text}"`);
      // A colon right after a word is an error too (placeholders such as {f} may stand before it).
      assert.doesNotMatch(text, /[\p{L}]:/u, `${key}: "${text}"`);
    }
  });

  it('uses one apostrophe, the typographic one', () => {
    for (const [key, text] of Object.entries(french)) assert.doesNotMatch(text, /'/, key);
  });

  it('writes the first of the month as "1er", and only the first', () => {
    const format = formattersFor('fr');
    assert.equal(format.day('2026-12-01'), 'mardi 1er décembre 2026');
    assert.equal(format.day('2026-12-11', { day: 'numeric', month: 'long' }), '11 décembre');
    assert.equal(format.dateTime('2027-03-01T09:00:00+01:00', 'Europe/Brussels', { dateStyle: 'full', timeStyle: 'short' }), 'lundi 1er mars 2027 à 09:00');
    assert.equal(formattersFor('nl').day('2026-12-01'), 'dinsdag 1 december 2026');
  });
});

describe('every language', () => {
  it('has every string of the booking calendar, and none empty', () => {
    const keys = Object.keys(messages.nl).sort();
    for (const language of ['fr', 'de', 'en'] as const) assert.deepEqual(Object.keys(messages[language]).sort(), keys);
    for (const catalog of Object.values(messages)) for (const [key, text] of Object.entries(catalog)) assert.ok(text.trim(), key);
  });
});
