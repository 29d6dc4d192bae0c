import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFixedClock } from './clock.js';
import { DEFAULT_ANONYMOUS_WRITE_LIMIT, RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst of 10, then one write every 3 seconds (20 a minute), per client', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const limiter = new RateLimiter({ clock, limit: DEFAULT_ANONYMOUS_WRITE_LIMIT });
    for (let n = 0; n < 10; n += 1) assert.deepEqual(limiter.take('a'), { allowed: true }, `write ${n + 1}`);
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 3 });
    assert.deepEqual(limiter.take('b'), { allowed: true }, 'another client has its own bucket');
    clock.advance(2_000);
    assert.deepEqual(limiter.take('a'), { allowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    assert.deepEqual(limiter.take('a'), { allowed: true });
  });

  it('a 21st write in a minute is refused, however they are spread', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const limiter = new RateLimiter({ clock, limit: DEFAULT_ANONYMOUS_WRITE_LIMIT });
    let allowed = 0;
    for (let second = 0; second < 60; second += 1) {
      if (limiter.take('a').allowed) allowed += 1;
      clock.advance(1_000);
    }
    assert.ok(allowed <= 30 && allowed >= 20, `${allowed} in the first minute (burst 10 + 20 refilled)`);
    let next = 0;
    for (let second = 0; second < 60; second += 1) {
      if (limiter.take('a').allowed) next += 1;
      clock.advance(1_000);
    }
    assert.equal(next, 20, 'a steady 20 a minute after the burst');
  });

  it('forgets clients whose bucket has filled up again', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const limiter = new RateLimiter({ clock, limit: { perMinute: 60, burst: 2 } });
    for (let n = 0; n < 1_000; n += 1) limiter.take(`client-${n}`);
    assert.equal(limiter.size, 1_000);
    clock.advance(2_000);
    limiter.take('late');
    assert.equal(limiter.size, 1);
  });

  it('caps the clients it remembers', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    const limiter = new RateLimiter({ clock, limit: { perMinute: 1, burst: 1 }, maxClients: 100 });
    for (let n = 0; n < 1_000; n += 1) limiter.take(`client-${n}`);
    assert.ok(limiter.size <= 101, `${limiter.size}`);
  });

  it('refuses a limit that would never allow a write', () => {
    const clock = createFixedClock('2027-03-01T09:00:00Z');
    assert.throws(() => new RateLimiter({ clock, limit: { perMinute: 0, burst: 10 } }), RangeError);
    assert.throws(() => new RateLimiter({ clock, limit: { perMinute: 10, burst: 0 } }), RangeError);
  });
});
