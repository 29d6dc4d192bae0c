import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Availability, Booking, Problem, SlotHold, type Slot } from '@blauw/core';
import { createFixedClock, type FixedClock } from '../src/domain/clock.js';
import { DEFAULT_ANONYMOUS_WRITE_LIMIT } from '../src/domain/rate-limit.js';
import { startMockServer, type MockServer } from '../src/server.js';

// Per-client limits over real connections (issue 8): anonymous Idempotency-Keys, holds and the
// write rate are scoped by the address a connection comes from. Two citizens are two loopback
// addresses here: 127.0.0.1 and 127.0.0.2 both reach a server on 127.0.0.1 on Linux.
// Seed 1 on 1 March 2027: officer-03 of office-wilgendonk has slots on Tuesday 2 March.
const TOPIC = 'topic-domicile';
const NOW = '2027-03-01T09:00:00+01:00';
const citizen = { name: 'An Peeters', email: 'an@example.be', language: 'nl' as const };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let keys = 0;

/** A request from the loopback address `from`, with a fresh Idempotency-Key unless one is given. */
function send(server: MockServer, from: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        localAddress: from,
        method,
        path,
        headers: {
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(method === 'GET' ? {} : { 'Idempotency-Key': `c-${++keys}` }),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

function problemOf(answer: Answer, status: number, code: string) {
  assert.equal(answer.status, status, answer.text);
  assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
  const document = Problem.parse(JSON.parse(answer.text));
  assert.equal(document.code, code);
  return document;
}

describe('per-client limits over HTTP', () => {
  let server: MockServer;
  let clock: FixedClock;
  let slots: Slot[];
  const A = '127.0.0.1';
  const B = '127.0.0.2';

  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock, anonymousWriteLimit: DEFAULT_ANONYMOUS_WRITE_LIMIT });
    const answer = await send(server, A, 'GET', `/v1/availability?topicId=${TOPIC}&officerId=officer-03&from=2027-03-02&to=2027-03-02`);
    slots = Availability.parse(JSON.parse(answer.text)).days[0]?.slots ?? [];
    assert.ok(slots.length >= 8);
  });
  after(() => server.close());

  it("another anonymous client replaying a key and body does not get the first client's answer", async () => {
    const body = { slotId: slots[7]!.id, topicId: TOPIC, citizen };
    const first = await send(server, A, 'POST', '/v1/bookings', body, { 'Idempotency-Key': 'shared-key' });
    assert.equal(first.status, 201, first.text);
    const booking = Booking.parse(JSON.parse(first.text));

    const replay = await send(server, A, 'POST', '/v1/bookings', body, { 'Idempotency-Key': 'shared-key' });
    assert.equal(replay.status, 201, 'the same client gets its answer again');
    assert.equal(Booking.parse(JSON.parse(replay.text)).manageToken, booking.manageToken);

    const other = await send(server, B, 'POST', '/v1/bookings', body, { 'Idempotency-Key': 'shared-key' });
    assert.ok(!other.text.includes(booking.manageToken ?? '(none)'), 'no manage token of the first citizen');
    problemOf(other, 409, 'slot_taken');
    clock.advance(61_000);
  });

  it('an anonymous client cannot hold more than 3 slots at once', async () => {
    const held = [];
    for (const slot of slots.slice(0, 3)) {
      const answer = await send(server, A, 'POST', '/v1/holds', { slotId: slot.id, topicId: TOPIC });
      assert.equal(answer.status, 201, answer.text);
      held.push(SlotHold.parse(JSON.parse(answer.text)));
    }
    problemOf(await send(server, A, 'POST', '/v1/holds', { slotId: slots[4]!.id, topicId: TOPIC }), 409, 'hold_limit_reached');
    assert.equal((await send(server, B, 'POST', '/v1/holds', { slotId: slots[4]!.id, topicId: TOPIC })).status, 201, 'another client may');
    assert.equal((await send(server, A, 'DELETE', `/v1/holds/${held[0]!.id}`)).status, 204);
    assert.equal((await send(server, A, 'POST', '/v1/holds', { slotId: slots[5]!.id, topicId: TOPIC })).status, 201, 'after releasing one');
    clock.advance(10 * 60_000);
  });

  it('a 21st anonymous write in a minute answers 429 with Retry-After', async () => {
    // The bucket is full again (the clock moved on). Refused writes count too: a hold of an
    // unknown slot is as cheap as it gets, and a flood of them must be slowed as well.
    const write = (from = A) => send(server, from, 'POST', '/v1/holds', { slotId: 'slot-unknown', topicId: TOPIC });
    for (let n = 1; n <= 10; n += 1) assert.notEqual((await write()).status, 429, `write ${n}`);
    clock.advance(30_000);
    for (let n = 11; n <= 20; n += 1) assert.notEqual((await write()).status, 429, `write ${n}`);
    const refused = await write();
    problemOf(refused, 429, 'rate_limited');
    assert.equal(refused.headers['retry-after'], '3');
    assert.notEqual((await write(B)).status, 429, 'another address has its own allowance');
    const officer = await send(server, A, 'POST', '/v1/offices/office-wilgendonk/closures', { from: '2027-04-01', to: '2027-04-01', reason: 'Opleiding' }, {
      Authorization: 'Bearer dev-supervisor',
    });
    assert.notEqual(officer.status, 429, 'signed-in staff are not limited');
    clock.advance(3_000);
    assert.notEqual((await write()).status, 429, 'one more after Retry-After');
  });

  it('ignores a client header a caller sends: the address is what counts', async () => {
    clock.advance(10 * 60_000);
    const forged = { 'X-Blauw-Client': '198.51.100.7' };
    for (let n = 0; n < 10; n += 1) await send(server, A, 'POST', '/v1/holds', { slotId: 'slot-unknown', topicId: TOPIC }, forged);
    problemOf(await send(server, A, 'POST', '/v1/holds', { slotId: 'slot-unknown', topicId: TOPIC }, { 'X-Blauw-Client': '198.51.100.8' }), 429, 'rate_limited');
  });
});

describe('the idempotency store over HTTP', () => {
  let server: MockServer;
  let clock: FixedClock;
  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
  });
  after(() => server.close());

  it('does not keep refusals: the same key is evaluated again once the slot is free', async () => {
    const answer = await send(server, '127.0.0.1', 'GET', `/v1/availability?topicId=${TOPIC}&officerId=officer-03&from=2027-03-02&to=2027-03-02`);
    const slot = Availability.parse(JSON.parse(answer.text)).days[0]!.slots[0]!;
    const taken = SlotHold.parse(JSON.parse((await send(server, '127.0.0.2', 'POST', '/v1/holds', { slotId: slot.id, topicId: TOPIC })).text));
    const body = { slotId: slot.id, topicId: TOPIC };
    problemOf(await send(server, '127.0.0.1', 'POST', '/v1/holds', body, { 'Idempotency-Key': 'wait-for-it' }), 409, 'slot_taken');
    assert.equal((await send(server, '127.0.0.2', 'DELETE', `/v1/holds/${taken.id}`)).status, 204);
    assert.equal((await send(server, '127.0.0.1', 'POST', '/v1/holds', body, { 'Idempotency-Key': 'wait-for-it' })).status, 201);
  });

  it('keeps nothing of a large request body: 200 bodies of 60 kB add a few kB to the store', async () => {
    const before = server.zone.idempotency.bytes;
    const padding = 'x'.repeat(60 * 1024);
    for (let n = 0; n < 200; n += 1) {
      const answer = await send(server, '127.0.0.1', 'POST', '/v1/holds', { slotId: `slot-${n}`, topicId: TOPIC, padding });
      assert.ok(answer.status >= 400 && answer.status < 500, answer.text);
    }
    assert.ok(server.zone.idempotency.bytes - before < 5_000, `${server.zone.idempotency.bytes - before} bytes`);
  });
});
