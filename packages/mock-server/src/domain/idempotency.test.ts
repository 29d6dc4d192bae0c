import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFixedClock } from './clock.js';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore, canonicalJson, parseIdempotencyKey, requestFingerprint, type IdempotencyDecision } from './idempotency.js';

const scope = { principal: 'token:dev-supervisor', method: 'post', path: '/v1/offices/o1/closures', key: 'k-1' };
const body = { from: '2027-04-01', to: '2027-04-02', reason: 'Verbouwing' };
const created = { status: 201, headers: { Location: '/v1/offices/o1/closures/closure-2' }, body: { id: 'closure-2' } };

function expectNew(decision: IdempotencyDecision) {
  assert.equal(decision.outcome, 'new');
  if (decision.outcome !== 'new') throw new Error('unreachable');
  return decision;
}

describe('IdempotencyStore', () => {
  it('replays the first response for the same key and body, whatever the key order', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(await store.begin(scope, body)).complete(created);
    const again = await store.begin(scope, { reason: 'Verbouwing', to: '2027-04-02', from: '2027-04-01' });
    assert.equal(again.outcome, 'replay');
    assert.deepEqual(again.outcome === 'replay' && again.response, created);
  });

  it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(await store.begin(scope, body)).complete(created);
    assert.equal((await store.begin(scope, { ...body, reason: 'Iets anders' })).outcome, 'mismatch');
  });

  it('answers in_flight while the first request is still running, and replays once it finished', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const first = expectNew(await store.begin(scope, body));
    assert.equal((await store.begin(scope, body)).outcome, 'in_flight');
    first.complete(created);
    assert.equal((await store.begin(scope, body)).outcome, 'replay');
  });

  it('gives exactly one of many concurrent first requests with one key the go-ahead', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const decisions = await Promise.all(Array.from({ length: 20 }, () => store.begin(scope, body)));
    assert.equal(decisions.filter((decision) => decision.outcome === 'new').length, 1);
    assert.equal(decisions.filter((decision) => decision.outcome === 'in_flight').length, 19);
  });

  it('lets the key be retried when the first request changed nothing (a refusal or a crash)', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(await store.begin(scope, body)).release();
    assert.equal(store.size, 0);
    expectNew(await store.begin(scope, body));
  });

  it('scopes keys by principal, method and path', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(await store.begin(scope, body)).complete(created);
    expectNew(await store.begin({ ...scope, principal: 'client:203.0.113.9' }, body));
    expectNew(await store.begin({ ...scope, path: '/v1/offices/o2/closures' }, body));
    expectNew(await store.begin({ ...scope, method: 'put' }, body));
  });

  it('keeps keys 24 hours by the clock, then forgets them', async () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const store = new IdempotencyStore({ clock });
    expectNew(await store.begin(scope, body)).complete(created);
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    assert.equal((await store.begin(scope, body)).outcome, 'replay');
    clock.advance(1);
    assert.equal(store.size, 0);
    assert.equal(store.bytes, 0);
    expectNew(await store.begin(scope, { ...body, reason: 'Nieuw' }));
  });

  it('hands out copies, so nobody can change what a retry receives', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const response = structuredClone(created);
    expectNew(await store.begin(scope, body)).complete(response);
    (response.body as { id: string }).id = 'changed';
    const replay = await store.begin(scope, body);
    assert.deepEqual(replay.outcome === 'replay' && replay.response.body, { id: 'closure-2' });
  });

  it('keeps a fingerprint of the request, never the body: a 1 MB body costs what a small one does', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const huge = { ...body, padding: 'x'.repeat(1024 * 1024) };
    expectNew(await store.begin(scope, huge)).complete(created);
    assert.ok(store.bytes < 1_000, `${store.bytes} bytes`);
    assert.equal((await store.begin(scope, huge)).outcome, 'replay');
  });

  it('evicts the oldest keys beyond the entry cap, and a caller beyond its own cap evicts only its own', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z'), limits: { maxEntries: 5, maxEntriesPerScope: 3 } });
    expectNew(await store.begin({ ...scope, principal: 'officer:a', key: 'a1' }, body)).complete(created);
    for (let n = 1; n <= 4; n += 1) expectNew(await store.begin({ ...scope, principal: 'client:flood', key: `f${n}` }, body)).complete(created);
    assert.equal(store.size, 4);
    assert.equal((await store.begin({ ...scope, principal: 'officer:a', key: 'a1' }, body)).outcome, 'replay', 'the flood evicted its own first key, not a1');
    expectNew(await store.begin({ ...scope, principal: 'client:flood', key: 'f1' }, body)).release();
    for (let n = 1; n <= 3; n += 1) expectNew(await store.begin({ ...scope, principal: `client:${n}`, key: 'k' }, body)).complete(created);
    assert.equal(store.size, 5);
    expectNew(await store.begin({ ...scope, principal: 'officer:a', key: 'a1' }, body));
  });

  it('evicts the oldest keys beyond the byte cap and never keeps an answer bigger than a tenth of it', async () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z'), limits: { maxBytes: 4_000 } });
    const answer = { status: 201, headers: {}, body: { text: 'y'.repeat(200) } };
    for (let n = 0; n < 20; n += 1) expectNew(await store.begin({ ...scope, key: `k${n}` }, body)).complete(answer);
    assert.ok(store.bytes <= 4_000, `${store.bytes} bytes`);
    assert.ok(store.size >= 8 && store.size < 20, `${store.size} keys`);
    assert.equal((await store.begin({ ...scope, key: 'k19' }, body)).outcome, 'replay');
    expectNew(await store.begin({ ...scope, key: 'k0' }, body)).complete({ status: 201, headers: {}, body: 'z'.repeat(500) });
    expectNew(await store.begin({ ...scope, key: 'k0' }, body));
  });
});

describe('requestFingerprint', () => {
  it('is a SHA-256 of method, path and canonical body', async () => {
    const a = await requestFingerprint('post', '/v1/holds', { b: 1, a: 2 });
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(await requestFingerprint('POST', '/v1/holds', { a: 2, b: 1 }), a);
    assert.notEqual(await requestFingerprint('POST', '/v1/bookings', { a: 2, b: 1 }), a);
    assert.notEqual(await requestFingerprint('POST', '/v1/holds', { a: 2, b: 2 }), a);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts bare and structured-field keys and rejects missing or odd ones', () => {
    assert.deepEqual(parseIdempotencyKey('abc-123'), { ok: true, key: 'abc-123' });
    assert.deepEqual(parseIdempotencyKey('"abc-123"'), { ok: true, key: 'abc-123' });
    assert.deepEqual(parseIdempotencyKey(null), { ok: false, code: 'idempotency_key_missing' });
    assert.deepEqual(parseIdempotencyKey('  '), { ok: false, code: 'idempotency_key_missing' });
    assert.deepEqual(parseIdempotencyKey('a'.repeat(256)), { ok: false, code: 'idempotency_key_invalid' });
    assert.deepEqual(parseIdempotencyKey('with space'), { ok: false, code: 'idempotency_key_invalid' });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    assert.equal(canonicalJson({ b: [2, { d: 1, c: 0 }], a: null }), '{"a":null,"b":[2,{"c":0,"d":1}]}');
    assert.equal(canonicalJson([]), '[]');
    assert.equal(canonicalJson({ a: undefined, b: [] }), '{"b":[]}');
  });

  it('writes JSON nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let n = 0; n < 100_000; n += 1) deep = [deep];
    assert.equal(canonicalJson(deep).length, 200_001);
  });
});
