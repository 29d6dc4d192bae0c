import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  createClient,
  type BlauwClient,
  type Officer,
} from '@blauw/core';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

/** A house number an officer's coverage of a street includes. */
function coveredNumber(officer: Officer): { street: string; postalCode: string; houseNumber: string } {
  const coverage = officer.streets[0];
  assert.ok(coverage, `${officer.id} covers no street`);
  let number = coverage.from ?? 1;
  if (coverage.side === 'even' && number % 2 === 1) number += 1;
  if (coverage.side === 'odd' && number % 2 === 0) number += 1;
  return { street: coverage.street, postalCode: coverage.postalCode, houseNumber: String(number) };
}

describe('the SDK against the real blauw-mock-server process', () => {
  let server: MockServerProcess;
  let citizen: BlauwClient;
  const supervisor = () => createClient({ baseUrl: server.api, getToken: () => 'dev-supervisor' });

  before(async () => {
    server = await startMockServerProcess(['--seed', '7']);
    citizen = createClient({ baseUrl: server.api, language: 'fr' });
  });
  after(() => server.stop());

  it('walks the zone directory from municipality to office to officer', async () => {
    const municipalities = await citizen.zone.municipalities();
    assert.ok(municipalities.items.length >= 4 && municipalities.items.length <= 6);
    const first = municipalities.items[0]!;
    assert.deepEqual(await citizen.zone.municipality({ municipalityId: first.id }), first);

    const offices = await citizen.zone.offices({ municipalityId: first.id });
    assert.ok(offices.items.length >= 1);
    assert.ok(offices.items.every((office) => office.municipalityId === first.id && office.timeZone === 'Europe/Brussels'));
    const office = offices.items[0]!;
    assert.ok(office.openingHours.length > 0);

    const officers = await citizen.zone.officers({ officeId: office.id });
    assert.ok(officers.items.length >= 1);
    assert.ok(officers.items.every((officer) => officer.officeId === office.id));

    const topics = await citizen.zone.topics();
    assert.ok(topics.items.length >= 4);
    assert.ok(topics.items.every((topic) => topic.name.nl && topic.name.fr && topic.name.de && topic.name.en));
  });

  it('pages through a list with the cursor the server hands out', async () => {
    const all = await citizen.zone.officers({ limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await citizen.zone.officers({ limit: 3, cursor });
      seen.push(...page.items.map((officer) => officer.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, all.items.map((officer) => officer.id));
  });

  it('finds the neighbourhood officer of an address, and says when no officer covers it', async () => {
    const { items: officers } = await citizen.zone.officers({ limit: 200 });
    for (const officer of officers.slice(0, 3)) {
      const address = coveredNumber(officer);
      const found = await citizen.zone.officerForAddress(address);
      assert.equal(found.officer.id, officer.id, `${address.street} ${address.houseNumber}`);
      assert.equal(found.office.id, officer.officeId);
    }
    await assert.rejects(
      citizen.zone.officerForAddress({ postalCode: '9999', street: 'Nergensstraat', houseNumber: '1' }),
      (error) => error instanceof NotFoundError && error.code === 'address_not_covered',
    );
    // One letter off a street of the zone: the error suggests it.
    const street = officers[0]!.streets[0]!;
    await assert.rejects(
      citizen.zone.officerForAddress({ postalCode: street.postalCode, street: `${street.street}x`, houseNumber: '2' }),
      (error) =>
        error instanceof NotFoundError &&
        error.suggestions.some((suggestion) => suggestion.street === street.street && suggestion.postalCode === street.postalCode),
    );
  });

  it('answers a bad query with field pointers', async () => {
    await assert.rejects(
      citizen.zone.officerForAddress({ postalCode: '12', street: 'Kerkstraat', houseNumber: '1' }),
      (error) => error instanceof ValidationError && error.fieldErrors.some((field) => field.pointer.includes('postalCode')),
    );
  });

  it('lets a supervisor record an office closure, once, and refuses others', async () => {
    const { items: offices } = await citizen.zone.offices();
    const officeId = offices[0]!.id;
    const closure = { from: '2027-02-01', to: '2027-02-03', reason: 'Renovatie van het wijkkantoor' };

    await assert.rejects(citizen.zone.addClosure({ officeId, closure }), UnauthenticatedError);
    const officer = createClient({ baseUrl: server.api, getToken: () => 'dev-officer' });
    await assert.rejects(officer.zone.addClosure({ officeId, closure }), ForbiddenError);
    await assert.rejects(
      supervisor().zone.addClosure({ officeId, closure: { ...closure, from: '2027-02-05' } }),
      (error) => error instanceof ValidationError && error.fieldErrors.length > 0,
    );

    const key = `closure-${crypto.randomUUID()}`;
    const created = await supervisor().zone.addClosure({ officeId, closure, idempotencyKey: key });
    const replayed = await supervisor().zone.addClosure({ officeId, closure, idempotencyKey: key });
    assert.deepEqual(replayed, created, 'the same key and body replay the first answer');
    await assert.rejects(
      supervisor().zone.addClosure({ officeId, closure: { ...closure, reason: 'Iets anders' }, idempotencyKey: key }),
      (error) => error instanceof ValidationError || error instanceof ConflictError,
    );
    const closures = await citizen.zone.closures({ officeId });
    assert.equal(closures.items.filter((item) => item.reason === closure.reason).length, 1);

    await server.reset();
    assert.equal((await citizen.zone.closures({ officeId })).items.some((item) => item.id === created.id), false);
  });
});

describe('the SDK books against blauw-mock-server --now … --allow-origin …, and the confirmation e-mail links back', () => {
  const site = 'https://www.wilgendonk.be';
  let server: MockServerProcess;
  before(async () => {
    server = await startMockServerProcess(['--seed', '1', '--now', '2027-03-01T08:00:00Z', '--allow-origin', site]);
  });
  after(() => server.stop());

  it("puts the booking's manage link on the municipality's page, token in the fragment, and refuses a page elsewhere", async () => {
    const client = createClient({ baseUrl: server.api, language: 'nl' });
    const topicId = 'topic-domicile';
    const month = await client.booking.availability({ topicId, officeId: 'office-wilgendonk', from: '2027-03-02', to: '2027-03-02' });
    const slot = month.days[0]!.slots[0]!;
    const citizen = { name: 'An Peeters', email: 'an@example.be', language: 'nl' as const };
    await assert.rejects(
      client.booking.book({ slotId: slot.id, topicId, citizen, manageUrl: 'https://evil.example/afspraak' }),
      (error) => error instanceof ValidationError && error.fieldErrors.some((field) => field.pointer === '/manageUrl'),
    );
    const booking = await client.booking.book({ slotId: slot.id, topicId, citizen, manageUrl: `${site}/wijkagent` });
    let items: Array<{ subject: string; links: string[]; attachments: string[]; status: string }> = [];
    for (let attempt = 0; attempt < 50 && items[0]?.status !== 'sent'; attempt += 1) {
      ({ items } = (await (await fetch(`${server.origin}/dev/mailbox.json`)).json()) as { items: typeof items });
      if (items[0]?.status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(items.length, 1);
    assert.equal(items[0]?.subject, 'Uw afspraak met de wijkagent op dinsdag 2 maart 2027 om 13:00');
    assert.deepEqual(items[0]?.links, [`${site}/wijkagent#blauw-manage=${booking.manageToken}`]);
    assert.deepEqual(items[0]?.attachments, ['afspraak.ics']);
  });
});

describe('the SDK against a failing blauw-mock-server (--fail-rate 0.5)', () => {
  let server: MockServerProcess;
  before(async () => {
    server = await startMockServerProcess(['--seed', '3', '--fail-rate', '0.5']);
  });
  after(() => server.stop());

  it('gets through 503s and dropped connections by retrying, and never duplicates a write', async () => {
    const client = createClient({
      baseUrl: server.api,
      getToken: () => 'dev-supervisor',
      retry: { limit: 8, backoffLimit: 50, maxRetryAfter: 1_000 },
    });
    const offices = await client.zone.offices();
    const officeId = offices.items[0]!.id;
    for (let i = 0; i < 5; i++) {
      await client.zone.addClosure({ officeId, closure: { from: '2027-05-0' + (i + 1), to: '2027-05-0' + (i + 1), reason: `Chaos ${i}` } });
    }
    const reasons = (await client.zone.closures({ officeId, limit: 200 })).items.map((item) => item.reason).filter((r) => r.startsWith('Chaos'));
    assert.deepEqual(reasons.sort(), ['Chaos 0', 'Chaos 1', 'Chaos 2', 'Chaos 3', 'Chaos 4']);
  });
});
