import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, claim, classify, isDue, nextDue, nextWake, queued, requeue, settle, type AttemptResult, type OutboxItem } from './outbox-rules.js';

// Instants are plain numbers from a pinned start: no test reads the clock.
const T0 = Date.parse('2027-03-01T08:00:00Z');
const SECOND = 1000;

const item = (clientId = 'c-1', at = T0): OutboxItem =>
  queued({ clientId, idempotencyKey: `key-${clientId}`, kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: { clientId } } }, at);

const ok = { answered: true, status: 201 } as const;
const half = { random: () => 0.5 };

describe('the outbox rules', () => {
  it('keeps an item through a storm of 5xx answers, dropped connections and timeouts, and lets it go only on a 2xx', () => {
    let current = item();
    let now = T0;
    const failures: AttemptResult[] = [
      ...[500, 502, 503, 504, 500].map((status) => ({ answered: true, status }) as const),
      { answered: false, reason: 'network' },
      { answered: false, reason: 'timeout' },
    ];
    for (const failure of failures) {
      now = Math.max(now, current.notBefore);
      current = settle(claim(current, 'tab-a', now), 'tab-a', failure, now, half);
      assert.equal(current.state, 'queued', `after ${JSON.stringify(failure)}`);
    }
    assert.equal(current.attempts, failures.length);
    now = Math.max(now, current.notBefore);
    current = settle(claim(current, 'tab-a', now), 'tab-a', ok, now, half);
    assert.equal(current.state, 'sent');
    assert.equal(current.sentAt, now, 'delivered when the 2xx came, not when queued');
    assert.equal(current.lastFailure, undefined);
  });

  it('sends an item again with the same client id and key when the tab sending it crashed and its lease ran out', () => {
    const sending = claim(item(), 'tab-a', T0, 60 * SECOND);
    assert.equal(isDue(sending, T0 + 59 * SECOND), false, 'another tab waits while the lease holds');
    assert.throws(() => claim(sending, 'tab-b', T0 + 59 * SECOND), /not due/);
    const retaken = claim(sending, 'tab-b', T0 + 60 * SECOND);
    assert.equal(retaken.lease?.holder, 'tab-b');
    assert.equal(retaken.attempts, 2);
    assert.equal(retaken.clientId, 'c-1');
    assert.equal(retaken.idempotencyKey, 'key-c-1');
    // The crashed tab's late answer (had it come back) changes nothing: the new holder decides.
    assert.deepEqual(settle(retaken, 'tab-a', ok, T0 + 61 * SECOND), retaken);
    assert.equal(settle(retaken, 'tab-b', ok, T0 + 61 * SECOND).state, 'sent');
  });

  it('takes over at once a lease a reloaded page left, when the caller holds the outbox lock alone', () => {
    const left = claim(item(), 'page-before-reload', T0, 30 * SECOND);
    assert.equal(isDue(left, T0 + SECOND), false, 'without the lock, the lease is waited out');
    assert.equal(isDue(left, T0 + SECOND, true), true);
    assert.equal(nextDue([left], T0 + SECOND, true)?.clientId, 'c-1');
    const retaken = claim(left, 'page-after-reload', T0 + SECOND, 30 * SECOND, true);
    assert.deepEqual([retaken.lease?.holder, retaken.attempts, retaken.idempotencyKey], ['page-after-reload', 2, 'key-c-1']);
    assert.equal(isDue(settle(claim(item(), 'a', T0), 'a', { answered: true, status: 422 }, T0), T0, true), false, 'a parked item stays parked');
  });

  for (const [status, code] of [
    [400, 'validation_failed'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'client_id_reused'],
    [410, 'gone'],
    [413, 'payload_too_large'],
    [422, 'definition_changed'],
  ] as const) {
    it(`parks an item refused with ${status} ${code} for the officer, never sending it again by itself`, () => {
      const parked = settle(claim(item(), 'tab-a', T0), 'tab-a', { answered: true, status, code }, T0);
      assert.equal(parked.state, 'needs_attention');
      assert.deepEqual(parked.lastFailure, { reason: 'refused', status, code });
      assert.equal(isDue(parked, T0 + 365 * 24 * 3600 * SECOND), false);
      assert.equal(nextWake([parked]), undefined);
      const again = requeue(parked, T0 + 10 * SECOND);
      assert.equal(again.state, 'queued');
      assert.equal(isDue(again, T0 + 10 * SECOND), true);
    });
  }

  it('tries again after a 429, a 409 still in flight, a 408 or 425, and after a refused sign-in', () => {
    for (const [status, code, reason] of [
      [429, undefined, 'busy'],
      [409, 'idempotency_key_in_flight', 'busy'],
      [408, undefined, 'busy'],
      [425, undefined, 'busy'],
      [401, 'invalid_token', 'unauthenticated'],
    ] as const) {
      const verdict = classify({ answered: true, status, code });
      assert.equal(verdict.outcome, 'retry', `${status}`);
      assert.equal(verdict.outcome === 'retry' && verdict.failure.reason, reason);
    }
  });

  it('waits a full-jitter backoff that doubles up to its cap, and no less than a Retry-After', () => {
    const windows = [1, 2, 3, 4, 5, 12].map((attempts) => backoffDelay(attempts, { base: 1000, cap: 10_000, random: () => 0.999 }));
    assert.deepEqual(windows, [999, 1998, 3996, 7992, 9990, 9990]);
    assert.equal(backoffDelay(3, { base: 1000, random: () => 0 }), 0, 'full jitter reaches down to no wait at all');
    const waited = settle(claim(item(), 'tab-a', T0), 'tab-a', { answered: true, status: 503, retryAfterSeconds: 30 }, T0, { base: 1000, random: () => 0.5 });
    assert.equal(waited.notBefore, T0 + 30 * SECOND + 500);
  });

  it('drains in the order the items were queued: past parked items, never past one waiting out its backoff', () => {
    const first = item('c-1', T0);
    const second = item('c-2', T0 + SECOND);
    const third = item('c-3', T0 + 2 * SECOND);
    const parked = settle(claim(first, 'tab-a', T0), 'tab-a', { answered: true, status: 422 }, T0);
    assert.equal(nextDue([third, second, parked], T0 + 3 * SECOND)?.clientId, 'c-2', 'the parked first holds nothing back');
    const waiting = settle(claim(second, 'tab-a', T0 + SECOND), 'tab-a', { answered: true, status: 500 }, T0 + SECOND, { base: 10_000, random: () => 0.5 });
    assert.equal(nextDue([third, waiting, parked], T0 + 3 * SECOND), undefined, 'the third waits for the second');
    assert.equal(nextWake([third, waiting, parked]), waiting.notBefore);
    assert.equal(nextDue([third, waiting, parked], waiting.notBefore)?.clientId, 'c-2');
    const sending = claim(waiting, 'tab-a', waiting.notBefore);
    assert.equal(nextWake([third, sending, parked]), sending.lease?.until, 'a send under way holds the rest until it settles or its lease runs out');
    assert.equal(nextWake([parked]), undefined);
  });

  it('counts a replayed answer for a check the server already holds as delivered', () => {
    assert.equal(classify({ answered: true, status: 200 }).outcome, 'delivered');
  });
});
