import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFixedClock } from './clock.js';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore, canonicalJson, parseIdempotencyKey, type IdempotencyDecision } from './idempotency.js';

const scope = { principal: 'token:dev-supervisor', method: 'post', path: '/v1/offices/o1/closures', key: 'k-1' };
const body = { from: '2027-04-01', to: '2027-04-02', reason: 'Verbouwing' };
const created = { status: 201, headers: { Location: '/v1/offices/o1/closures/closure-2' }, body: { id: 'closure-2' } };

function expectNew(decision: IdempotencyDecision) {
  assert.equal(decision.outcome, 'new');
  if (decision.outcome !== 'new') throw new Error('unreachable');
  return decision;
}

describe('IdempotencyStore', () => {
  it('replays the first response for the same key and body, whatever the key order', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(store.begin(scope, body)).complete(created);
    const again = store.begin(scope, { reason: 'Verbouwing', to: '2027-04-02', from: '2027-04-01' });
    assert.equal(again.outcome, 'replay');
    assert.deepEqual(again.outcome === 'replay' && again.response, created);
  });

  it('refuses the same key with another body (422 idempotency_key_reused)', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(store.begin(scope, body)).complete(created);
    assert.equal(store.begin(scope, { ...body, reason: 'Iets anders' }).outcome, 'mismatch');
  });

  it('answers in_flight while the first request is still running, and replays once it finished', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const first = expectNew(store.begin(scope, body));
    assert.equal(store.begin(scope, body).outcome, 'in_flight');
    first.complete(created);
    assert.equal(store.begin(scope, body).outcome, 'replay');
  });

  it('lets the key be retried when the first request crashed', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(store.begin(scope, body)).abandon();
    expectNew(store.begin(scope, body));
  });

  it('scopes keys by principal, method and path', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    expectNew(store.begin(scope, body)).complete(created);
    expectNew(store.begin({ ...scope, principal: 'anonymous' }, body));
    expectNew(store.begin({ ...scope, path: '/v1/offices/o2/closures' }, body));
    expectNew(store.begin({ ...scope, method: 'put' }, body));
  });

  it('keeps keys 24 hours by the clock, then forgets them', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const store = new IdempotencyStore({ clock });
    expectNew(store.begin(scope, body)).complete(created);
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    assert.equal(store.begin(scope, body).outcome, 'replay');
    clock.advance(1);
    assert.equal(store.size, 0);
    expectNew(store.begin(scope, { ...body, reason: 'Nieuw' }));
  });

  it('hands out copies, so nobody can change what a retry receives', () => {
    const store = new IdempotencyStore({ clock: createFixedClock('2027-03-01T09:00:00Z') });
    const response = structuredClone(created);
    expectNew(store.begin(scope, body)).complete(response);
    (response.body as { id: string }).id = 'changed';
    const replay = store.begin(scope, body);
    assert.deepEqual(replay.outcome === 'replay' && replay.response.body, { id: 'closure-2' });
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
  });
});
