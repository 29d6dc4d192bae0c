import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageIncludes, editDistance, houseNumberValue, nearestStreets, normalizeStreet } from './address-match.js';

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

describe('street matching tolerance, with the seeded street names', () => {
  const same = (typed: string, seeded: string) => assert.equal(normalizeStreet(typed), normalizeStreet(seeded), `${typed} ≡ ${seeded}`);

  it('tolerates case, accents, extra or missing spaces and hyphens', () => {
    same('SINT JANSPLEIN', 'Sint-Jansplein');
    same('sintjansplein', 'Sint-Jansplein');
    same('  Sint -  Jans plein ', 'Sint-Jansplein');
    same('rue des ecoles', 'Rue des Écoles');
    same('Rue-de-l’Eglise', "Rue de l'Église");
    same('avenue des tilleuls', 'Avenue des Tilleuls');
  });

  it('reads str., str, stwg and ln as straat, steenweg and laan', () => {
    same('Meersstr.', 'Meersstraat');
    same('Beekstr', 'Beekstraat');
    same('Kerk str.', 'Kerkstraat');
    same('Populierenln.', 'Populierenlaan');
    same('Linde ln', 'Lindelaan');
    same('Brusselse stwg.', 'Brusselsesteenweg');
  });

  it('does not mind a missing or an extra linking "s"', () => {
    same('Dorpstraat', 'Dorpsstraat');
    same('Dorpstr.', 'Dorpsstraat');
    same('Stationstraat', 'Stationsstraat');
    same('Kerksstraat', 'Kerkstraat');
    same('Lindeslaan', 'Lindelaan');
  });

  it('still tells different seeded streets apart', () => {
    const seeded = ['Kerkstraat', 'Molenstraat', 'Stationsstraat', 'Dorpsstraat', 'Schoolstraat', 'Kapelstraat', 'Beekstraat', 'Lindelaan', 'Sint-Jansplein', 'Veldstraat', 'Kouterweg', 'Scheldedijk', 'Populierenlaan', 'Brugstraat', 'Meersstraat', 'Heirweg', 'Hoogstraat', 'Nieuwstraat'];
    assert.equal(new Set(seeded.map(normalizeStreet)).size, seeded.length);
  });
});

describe('editDistance and nearestStreets', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kerkstraat', 'kerkstraat'), 0);
    assert.equal(editDistance('kerkstraat', 'kerkstrat'), 1);
    assert.equal(editDistance('beekstraat', 'veldstraat'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests up to 3 nearest streets, nearest first, and none for a name like no street', () => {
    const candidates = ['Beekstraat', 'Veldstraat', 'Brugstraat', 'Heirweg', 'Scheldedijk', 'Schoolstraat'].map((street) => ({ street, postalCode: '9667', municipality: 'Wilgendonk' }));
    assert.deepEqual(
      nearestStreets('Bekestraat', candidates).map((candidate) => candidate.street),
      ['Beekstraat', 'Brugstraat', 'Veldstraat'],
    );
    assert.deepEqual(nearestStreets('Schelde dyk', candidates, 1), [{ street: 'Scheldedijk', postalCode: '9667', municipality: 'Wilgendonk' }]);
    assert.deepEqual(nearestStreets('Avenue Louise', candidates), []);
  });
});
