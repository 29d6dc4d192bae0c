import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Municipality, Office, Officer, Topic } from '@blauw/core';
import { createFixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { createZone } from './zone.js';
import type { ZoneStore } from './zone-store.js';

const clock = () => createFixedClock('2027-03-01T09:00:00+01:00');
const all = <T>(list: (page: { cursor?: string; limit?: number }) => { items: T[] }) => list({ limit: 200 }).items;

function snapshot(store: ZoneStore) {
  return JSON.stringify({
    municipalities: all((p) => store.listMunicipalities(p)),
    offices: all((p) => store.listOffices({}, p)),
    officers: all((p) => store.listOfficers({}, p)),
    topics: all((p) => store.listTopics(p)),
  });
}

/** An address on the odd side of a street split by sides, and the officers of both sides. */
function sideSplit(store: ZoneStore) {
  const officers = all((p) => store.listOfficers({}, p));
  for (const even of officers) {
    const coverage = even.streets.find((item) => item.side === 'even');
    if (!coverage) continue;
    const odd = officers.find((officer) =>
      officer.streets.some((item) => item.street === coverage.street && item.postalCode === coverage.postalCode && item.side === 'odd'),
    );
    if (odd) return { coverage, even, odd };
  }
  throw new Error('the seed has no street split by sides');
}

describe('the seeded zone', () => {
  it('is identical for the same seed', () => {
    assert.equal(snapshot(createZone({ seed: 42, clock: clock() }).store), snapshot(createZone({ seed: 42, clock: clock() }).store));
  });

  it('differs for another seed', () => {
    assert.notEqual(snapshot(createZone({ seed: 1, clock: clock() }).store), snapshot(createZone({ seed: 2, clock: clock() }).store));
  });

  for (const seed of [1, 2, 3, 99, 123456]) {
    it(`has the promised shape and fits the contract schemas (seed ${seed})`, () => {
      const { store } = createZone({ seed, clock: clock() });
      const municipalities = all((p) => store.listMunicipalities(p));
      const offices = all((p) => store.listOffices({}, p));
      const officers = all((p) => store.listOfficers({}, p));
      const topics = all((p) => store.listTopics(p));
      assert.equal(municipalities.length, 5);
      assert.ok(municipalities.some((municipality) => municipality.language !== 'nl'), 'one French- or German-speaking municipality');
      assert.ok(offices.length >= 6 && offices.length <= 7, `6–7 offices, got ${offices.length}`);
      assert.equal(officers.length, 10);
      assert.equal(topics.length, 6);
      for (const item of municipalities) Municipality.parse(item);
      for (const item of offices) {
        Office.parse(item);
        assert.equal(item.timeZone, 'Europe/Brussels');
        assert.ok(item.openingHours.length > 0);
      }
      for (const item of officers) Officer.parse(item);
      for (const item of topics) Topic.parse(item);
      const ids = [...municipalities, ...offices, ...officers, ...topics].map((item) => item.id);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      const covered = new Set(officers.flatMap((officer) => officer.streets.map((street) => street.side)));
      assert.deepEqual([...covered].sort(), ['both', 'even', 'odd']);
      assert.ok(officers.some((officer) => officer.streets.some((street) => street.to !== undefined)), 'some coverage is a number range');
    });
  }
});

describe('zone queries', () => {
  const { store } = createZone({ seed: 1, clock: clock() });

  it('filters offices by municipality and officers by office and municipality', () => {
    const municipality = all((p) => store.listMunicipalities(p))[0] as Municipality;
    const offices = store.listOffices({ municipalityId: municipality.id }).items;
    assert.ok(offices.length >= 1);
    assert.ok(offices.every((office) => office.municipalityId === municipality.id));
    const office = offices[0] as Office;
    const officers = store.listOfficers({ officeId: office.id }).items;
    assert.ok(officers.length >= 1 && officers.every((officer) => officer.officeId === office.id));
    const byMunicipality = store.listOfficers({ municipalityId: municipality.id }).items;
    assert.equal(byMunicipality.length, 2);
    assert.equal(store.listOfficers({ officeId: office.id, municipalityId: 'mun-elsewhere' }).items.length, 0);
  });

  it('gets by id and says which kind of thing is missing', () => {
    const office = store.listOffices().items[0] as Office;
    assert.deepEqual(store.getOffice(office.id), office);
    assert.throws(() => store.getOffice('office-nope'), (error: unknown) => error instanceof DomainError && error.code === 'office_not_found');
    assert.throws(() => store.getOfficer('nope'), { code: 'officer_not_found' });
    assert.throws(() => store.getMunicipality('nope'), { code: 'municipality_not_found' });
  });

  it('pages through a list with opaque cursors and no overlap', () => {
    const everything = store.listOfficers({}, { limit: 200 }).items;
    const seen: Officer[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = store.listOfficers({}, { limit: 3, ...(cursor === undefined ? {} : { cursor }) });
      assert.ok(page.items.length <= 3);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    assert.equal(pages, 4);
    assert.deepEqual(seen, everything);
  });

  it('defaults to 50 items a page, caps at 200 and refuses a forged cursor', () => {
    assert.equal(store.listTopics().nextCursor, null);
    assert.throws(() => store.listTopics({ cursor: 'not-a-cursor' }), { code: 'invalid_cursor' });
    assert.throws(() => store.listTopics({ cursor: btoa('offset=3') }), { code: 'invalid_cursor' });
  });
});

describe('officerForAddress', () => {
  const { store } = createZone({ seed: 1, clock: clock() });
  const { coverage, even, odd } = sideSplit(store);

  it('gives the even side of a street to one officer and the odd side to another', () => {
    assert.equal(store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: '14' }).officer.id, even.id);
    assert.equal(store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: '15' }).officer.id, odd.id);
  });

  it('reads 12A as 12 and 13 bus 2 as 13', () => {
    assert.equal(store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: '12A' }).officer.id, even.id);
    assert.equal(store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: '13 bus 2' }).officer.id, odd.id);
  });

  it('respects number ranges', () => {
    const officers = store.listOfficers({}, { limit: 200 }).items;
    const ranged = officers.flatMap((officer) => officer.streets.map((street) => ({ officer, street }))).find(({ street }) => street.to !== undefined);
    assert.ok(ranged);
    const { street } = ranged;
    const to = street.to as number;
    const address = (houseNumber: string) => ({ postalCode: street.postalCode, street: street.street, houseNumber });
    assert.equal(store.officerForAddress(address(String(to))).officer.id, ranged.officer.id);
    assert.notEqual(store.officerForAddress(address(String(to + 1))).officer.id, ranged.officer.id);
  });

  it('matches street names regardless of case, accents and str./straat spelling', () => {
    const expected = (houseNumber: string) => store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber }).officer.id;
    const sloppy = coverage.street
      .toUpperCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/STRAAT$|STRASSE$|STRASSE$/, 'str.');
    assert.equal(store.officerForAddress({ postalCode: coverage.postalCode, street: `  ${sloppy} `, houseNumber: '20' }).officer.id, expected('20'));
  });

  it('includes the office and municipality', () => {
    const found = store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: '2' });
    assert.equal(found.office.id, even.officeId);
    assert.equal(found.municipality.id, even.municipalityId);
  });

  it('answers address_not_covered for an unknown street, another postal code or no number', () => {
    const notCovered = { code: 'address_not_covered' };
    assert.throws(() => store.officerForAddress({ postalCode: coverage.postalCode, street: 'Nergensstraat', houseNumber: '1' }), notCovered);
    assert.throws(() => store.officerForAddress({ postalCode: '1000', street: coverage.street, houseNumber: '2' }), notCovered);
    assert.throws(() => store.officerForAddress({ postalCode: coverage.postalCode, street: coverage.street, houseNumber: 'A' }), notCovered);
  });
});

describe('officerForAddress: tolerant street names and suggestions (seed 1)', () => {
  const { store } = createZone({ seed: 1, clock: clock() });
  const officerOf = (street: string, postalCode: string, houseNumber = '5') => store.officerForAddress({ postalCode, street, houseNumber }).officer.id;
  const suggestionsFor = (street: string, postalCode: string, houseNumber = '5') => {
    try {
      store.officerForAddress({ postalCode, street, houseNumber });
    } catch (error) {
      assert.ok(error instanceof DomainError && error.code === 'address_not_covered', String(error));
      return error.extensions['suggestions'];
    }
    assert.fail(`${street} ${postalCode} was found`);
  };

  it('finds Dorpsstraat typed as "dorpstr." and Lindelaan as "Linde-ln"', () => {
    assert.equal(officerOf('dorpstr.', '9971'), officerOf('Dorpsstraat', '9971'));
    assert.equal(officerOf('DORP STRAAT', '9731'), officerOf('Dorpsstraat', '9731'));
    assert.equal(officerOf('Linde-ln', '9971'), 'officer-06');
    assert.equal(officerOf('meers str', '9971', '40'), 'officer-06');
  });

  it('suggests the nearest streets of the postal code when a street matches nothing', () => {
    assert.deepEqual(suggestionsFor('Bekestraat', '9667'), [
      { street: 'Beekstraat', postalCode: '9667', municipality: 'Wilgendonk' },
      { street: 'Brugstraat', postalCode: '9667', municipality: 'Wilgendonk' },
      { street: 'Veldstraat', postalCode: '9667', municipality: 'Wilgendonk' },
    ]);
  });

  it('suggests zone-wide when the zone does not have the postal code', () => {
    const suggestions = suggestionsFor('Lindelaan', '1000') as Array<{ street: string; postalCode: string }>;
    assert.deepEqual(suggestions[0], { street: 'Lindelaan', postalCode: '9971', municipality: 'Meersdonk' });
    assert.ok(suggestions.length <= 3);
  });

  it('suggests nothing for a name like no street of the zone', () => {
    assert.deepEqual(suggestionsFor('Avenue Louise', '9667'), []);
  });
});

describe('office closures', () => {
  it('records a closure and lists it, earliest first', () => {
    const { store } = createZone({ seed: 1, clock: clock() });
    const office = store.listOffices().items[1] as Office;
    const before = store.listClosures(office.id).items.length;
    const late = store.addClosure(office.id, { from: '2027-06-10', to: '2027-06-11', reason: 'Verbouwing' });
    const early = store.addClosure(office.id, { from: '2027-04-01', to: '2027-04-01', reason: 'Personeelsdag' });
    const closures = store.listClosures(office.id).items;
    assert.equal(closures.length, before + 2);
    assert.ok(closures.indexOf(early) < closures.indexOf(late));
    assert.notEqual(early.id, late.id);
    assert.deepEqual(store.getClosure(office.id, late.id), late);
  });

  it('refuses a closure that ends before it starts, pointing at /to', () => {
    const { store } = createZone({ seed: 1, clock: clock() });
    const office = store.listOffices().items[0] as Office;
    assert.throws(
      () => store.addClosure(office.id, { from: '2027-04-02', to: '2027-04-01', reason: 'x' }),
      (error: unknown) => error instanceof DomainError && error.kind === 'invalid' && error.errors[0]?.pointer === '/to',
    );
    assert.throws(() => store.addClosure('office-nope', { from: '2027-04-01', to: '2027-04-01', reason: 'x' }), { code: 'office_not_found' });
  });

  it('are forgotten on reset, which restores the seeded data', () => {
    const zone = createZone({ seed: 5, clock: clock() });
    const pristine = snapshot(zone.store);
    const office = zone.store.listOffices().items[0] as Office;
    const before = zone.store.listClosures(office.id).items.length;
    zone.store.addClosure(office.id, { from: '2027-04-01', to: '2027-04-01', reason: 'x' });
    zone.reset();
    assert.equal(zone.store.listClosures(office.id).items.length, before);
    assert.equal(snapshot(zone.store), pristine);
    zone.reset(6);
    assert.equal(zone.seed, 6);
    assert.notEqual(snapshot(zone.store), pristine);
  });
});
