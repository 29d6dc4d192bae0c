import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formattersFor } from '../shared/formatters.js';
import { checkCatalogs } from '../testing/catalog-checks.js';
import { messages } from './messages.js';

checkCatalogs('the booking calendar', messages);

describe('the booking calendar’s French dates', () => {
  it('writes the first of the month as "1er", and only the first', () => {
    const format = formattersFor('fr');
    assert.equal(format.day('2026-12-01'), 'mardi 1er décembre 2026');
    assert.equal(format.day('2026-12-11', { day: 'numeric', month: 'long' }), '11 décembre');
    assert.equal(format.dateTime('2027-03-01T09:00:00+01:00', 'Europe/Brussels', { dateStyle: 'full', timeStyle: 'short' }), 'lundi 1er mars 2027 à 09:00');
    assert.equal(formattersFor('nl').day('2026-12-01'), 'dinsdag 1 december 2026');
  });
});
