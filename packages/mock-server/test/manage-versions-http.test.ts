import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Availability, Booking, ConflictError, HomeVisitRequest, Managed, Problem, createClient, type Slot } from '@blauw/core';
import { createFixedClock } from '../src/domain/clock.js';
import { startMockServer, type MockServer } from '../src/server.js';

// Seed 1 on 1 March 2027 (see src/domain/bookings.test.ts): office-wilgendonk has officer-03
// and officer-04; the dev officer token stands for officer-01.
const OFFICE = 'office-wilgendonk';
const TOPIC = 'topic-domicile';
const citizen = (n: number) => ({ name: `Burger ${n}`, email: `burger${n}@example.be`, language: 'nl' as const });

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `versions-${++keys}`, ...headers },
    body: JSON.stringify(body),
  });

async function problemOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const document = Problem.parse(await response.json());
  assert.equal(document.code, code);
  return document;
}

describe('manage links over HTTP: versions and whose visit', () => {
  let server: MockServer;
  let v1: string;
  let slots: Slot[];

  before(async () => {
    server = await startMockServer({ port: 0, clock: createFixedClock('2027-03-01T09:00:00+01:00') });
    v1 = `${server.url}/v1`;
    const response = await fetch(`${v1}/availability?topicId=${TOPIC}&officeId=${OFFICE}&from=2027-03-04&to=2027-03-04`);
    slots = Availability.parse(await response.json()).days[0]!.slots;
  });
  after(() => server.close());

  const book = async (slot: Slot, n: number) => {
    const response = await post(`${v1}/bookings`, { slotId: slot.id, topicId: TOPIC, citizen: citizen(n) });
    assert.equal(response.status, 201);
    return Booking.parse(await response.json()).manageToken!;
  };

  it('gives a manage view an ETag that changes with every change, and never lets it be cached', async () => {
    const token = await book(slots[0]!, 1);
    const first = await fetch(`${v1}/manage/${token}`);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[^"]+"$/, 'a strong ETag');
    assert.equal(first.headers.get('cache-control'), 'no-store');
    assert.equal((await fetch(`${v1}/manage/${token}`)).headers.get('etag'), etag, 'the same version reads the same');

    const moved = await post(`${v1}/manage/${token}/reschedule`, { slotId: slots[1]!.id }, { 'If-Match': etag! });
    assert.equal(moved.status, 200);
    const after = moved.headers.get('etag');
    assert.ok(after && after !== etag, 'the answer carries the new version');
    assert.equal((await fetch(`${v1}/manage/${token}`)).headers.get('etag'), after);
  });

  it('refuses a reschedule or cancel with a stale If-Match (412 precondition_failed) and changes nothing', async () => {
    const token = await book(slots[2]!, 2);
    const stale = (await fetch(`${v1}/manage/${token}`)).headers.get('etag')!;
    // Someone else (another tab) moves it first.
    assert.equal((await post(`${v1}/manage/${token}/reschedule`, { slotId: slots[3]!.id })).status, 200);

    const refused = await problemOf(await post(`${v1}/manage/${token}/reschedule`, { slotId: slots[4]!.id }, { 'If-Match': stale }), 412, 'precondition_failed');
    assert.equal(refused.status, 412);
    await problemOf(await post(`${v1}/manage/${token}/cancel`, {}, { 'If-Match': stale }), 412, 'precondition_failed');
    await problemOf(await post(`${v1}/manage/${token}/cancel`, {}, { 'If-Match': `W/${stale}` }), 412, 'precondition_failed');
    const now = await fetch(`${v1}/manage/${token}`);
    const managed = Managed.parse(await now.json());
    assert.ok(managed.kind === 'booking' && managed.booking.status === 'confirmed' && managed.booking.slot.id === slots[3]!.id);

    const current = now.headers.get('etag')!;
    const cancelled = await post(`${v1}/manage/${token}/cancel`, {}, { 'If-Match': `"other", ${current}` });
    assert.equal(cancelled.status, 200);
    const done = Managed.parse(await cancelled.json());
    assert.equal(done.kind === 'booking' && done.booking.status, 'cancelled');
  });

  it('lets If-Match * and a write without If-Match through, and answers 404 before 412 for an unknown link', async () => {
    const token = await book(slots[5]!, 3);
    assert.equal((await post(`${v1}/manage/${token}/reschedule`, { slotId: slots[6]!.id }, { 'If-Match': '*' })).status, 200);
    assert.equal((await post(`${v1}/manage/${token}/cancel`, {})).status, 200);
    await problemOf(await post(`${v1}/manage/${'x'.repeat(43)}/cancel`, {}, { 'If-Match': '"nope"' }), 404, 'manage_link_not_found');
  });

  it('lets the SDK write against the version it read, and tells it precondition_failed when that version is gone', async () => {
    const client = createClient({ baseUrl: v1, retry: { limit: 0 } });
    const token = await book(slots[7]!, 5);
    const seen = await client.booking.manage({ manageToken: token });
    assert.ok(seen.etag);
    const moved = await client.booking.reschedule({ manageToken: token, slotId: slots[8]!.id, ifMatch: seen.etag });
    assert.ok(moved.etag && moved.etag !== seen.etag);
    await assert.rejects(
      client.booking.cancel({ manageToken: token, ifMatch: seen.etag }),
      (error: unknown) => error instanceof ConflictError && error.status === 412 && error.code === 'precondition_failed',
    );
    const cancelled = await client.booking.cancel({ manageToken: token, ifMatch: moved.etag });
    assert.equal(cancelled.kind === 'booking' && cancelled.booking.status, 'cancelled');
  });

  it("answers 404, as for a visit that does not exist, when an officer confirms or declines another officer's home visit; a supervisor may", async () => {
    const officer = server.zone.store.getOfficer('officer-02');
    const coverage = officer.streets[0]!;
    const address = {
      street: coverage.street,
      houseNumber: String(coverage.from ?? (coverage.side === 'even' ? 2 : 1)),
      postalCode: coverage.postalCode,
      municipality: 'x',
    };
    const created = await post(`${v1}/home-visits`, { topicId: TOPIC, address, dayParts: ['evening'], reason: 'Adres', citizen: citizen(4) });
    const visit = HomeVisitRequest.parse(await created.json());
    assert.equal(visit.officerId, 'officer-02');
    const asOfficer01 = { Authorization: 'Bearer dev-officer' };

    const missing = await problemOf(await post(`${v1}/home-visits/visit-999/confirm`, { start: '2027-03-10T18:00:00+01:00' }, asOfficer01), 404, 'home_visit_not_found');
    const others = await problemOf(await post(`${v1}/home-visits/${visit.id}/confirm`, { start: '2027-03-10T18:00:00+01:00' }, asOfficer01), 404, 'home_visit_not_found');
    assert.equal(others.title, missing.title);
    assert.equal(others.detail, missing.detail?.replace('visit-999', visit.id));
    await problemOf(await post(`${v1}/home-visits/${visit.id}/decline`, { message: 'Nee' }, asOfficer01), 404, 'home_visit_not_found');

    const confirmed = await post(`${v1}/home-visits/${visit.id}/confirm`, { start: '2027-03-10T18:00:00+01:00' }, { Authorization: 'Bearer dev-supervisor' });
    assert.equal(confirmed.status, 200);
    assert.equal(HomeVisitRequest.parse(await confirmed.json()).status, 'confirmed');
  });
});
