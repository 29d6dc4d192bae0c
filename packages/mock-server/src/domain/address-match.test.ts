import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageIncludes, houseNumberValue, normalizeStreet } from './address-match.js';

describe('normalizeStreet', () => {
  it('treats str., straat, straße and strasse as one', () => {
    const key = normalizeStreet('Kerkstraat');
    for (const variant of ['kerkstr.', 'KERKSTR', 'Kerk straat', 'kerkstrasse']) assert.equal(normalizeStreet(variant), key, variant);
    assert.equal(normalizeStreet('Kirchstraße'), normalizeStreet('kirchstr.'));
  });

  it('ignores accents, apostrophes and hyphens', () => {
    assert.equal(normalizeStreet("Rue de l'Église"), normalizeStreet('rue de l eglise'));
    assert.equal(normalizeStreet('Sint-Jansplein'), normalizeStreet('sint jansplein'));
  });

  it('keeps different streets apart', () => {
    assert.notEqual(normalizeStreet('Kerkstraat'), normalizeStreet('Kerkplein'));
  });
});

describe('houseNumberValue', () => {
  it('reads the numeric part', () => {
    assert.equal(houseNumberValue('12A'), 12);
    assert.equal(houseNumberValue(' 7 bus 3'), 7);
    assert.equal(houseNumberValue('103/2'), 103);
    assert.equal(houseNumberValue('A12'), undefined);
    assert.equal(houseNumberValue('0'), undefined);
  });
});

describe('coverageIncludes', () => {
  const address = (houseNumber: string) => ({ postalCode: '9731', street: 'Molenstraat', houseNumber });
  it('respects ranges and sides together', () => {
    const coverage = { street: 'Molenstraat', postalCode: '9731', from: 10, to: 20, side: 'even' as const };
    assert.equal(coverageIncludes(coverage, address('10')), true);
    assert.equal(coverageIncludes(coverage, address('20B')), true);
    assert.equal(coverageIncludes(coverage, address('11')), false);
    assert.equal(coverageIncludes(coverage, address('8')), false);
    assert.equal(coverageIncludes(coverage, address('22')), false);
  });
  it('needs the postal code to match', () => {
    assert.equal(coverageIncludes({ street: 'Molenstraat', postalCode: '9733', side: 'both' }, address('1')), false);
  });
});
