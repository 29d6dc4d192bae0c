import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { NetworkError, RateLimitedError, ServerError } from '../errors.js';
import { backoffDelay } from './retry-policy.js';
import { Transport, type TransportOptions } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

const Ok = z.object({ ok: z.boolean() });
const transport = (options: Partial<TransportOptions> = {}) =>
  new Transport({ baseUrl: base, retry: { backoffLimit: 5 }, ...options });

/** Answers with `failures` in turn, then `{ ok: true }`; records when each attempt arrived. */
function failThenSucceed(method: 'get' | 'post', failures: (() => Response)[]) {
  const arrivals: number[] = [];
  server.use(
    http[method](`${base}/things`, () => {
      arrivals.push(performance.now());
      return failures[arrivals.length - 1]?.() ?? HttpResponse.json({ ok: true });
    }),
  );
  return arrivals;
}

describe('retries', () => {
  for (const status of [502, 503, 504]) {
    it(`succeeds when the server answers ${status} twice and then recovers`, async () => {
      const failure = () => new HttpResponse(null, { status });
      const arrivals = failThenSucceed('get', [failure, failure]);
      const data = await transport().request({ method: 'GET', path: 'things', schema: Ok });
      assert.deepEqual(data, { ok: true });
      assert.equal(arrivals.length, 3);
    });
  }

  it('succeeds after the connection drops twice', async () => {
    const arrivals = failThenSucceed('get', [() => HttpResponse.error(), () => HttpResponse.error()]);
    const data = await transport().request({ method: 'GET', path: 'things', schema: Ok });
    assert.deepEqual(data, { ok: true });
    assert.equal(arrivals.length, 3);
  });

  it('waits between attempts, up to backoffLimit', async () => {
    const failure = () => new HttpResponse(null, { status: 503 });
    const arrivals = failThenSucceed('get', [failure, failure]);
    await transport({ retry: { backoffLimit: 40 } }).request({ method: 'GET', path: 'things', schema: Ok });
    const [first = 0, second = 0, third = 0] = arrivals;
    assert.ok(second - first >= 35, `first wait was ${second - first} ms`);
    assert.ok(third - second >= 35, `second wait was ${third - second} ms`);
  });

  it('doubles the wait on every attempt', () => {
    assert.deepEqual([1, 2, 3, 4].map(backoffDelay), [300, 600, 1200, 2400]);
  });

  it('retries a POST too, since it carries an Idempotency-Key', async () => {
    const arrivals = failThenSucceed('post', [() => new HttpResponse(null, { status: 503 })]);
    await transport().request({ method: 'POST', path: 'things', body: { a: 1 }, schema: Ok });
    assert.equal(arrivals.length, 2);
  });

  it('gives up after the limit with a ServerError carrying the last status', async () => {
    const arrivals = failThenSucceed('get', Array(5).fill(() => new HttpResponse(null, { status: 503 })));
    const error = await transport({ retry: { limit: 2, backoffLimit: 1 } })
      .request({ method: 'GET', path: 'things', schema: Ok })
      .then(() => assert.fail('expected a rejection'), (error: unknown) => error);
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 503);
    assert.equal(arrivals.length, 3);
  });

  it('gives up on a connection that keeps dropping with a NetworkError', async () => {
    const arrivals = failThenSucceed('get', Array(5).fill(() => HttpResponse.error()));
    await assert.rejects(
      transport({ retry: { limit: 1, backoffLimit: 1 } }).request({ method: 'GET', path: 'things' }),
      (error: unknown) => error instanceof NetworkError && error.kind === 'network' && error.cause instanceof TypeError,
    );
    assert.equal(arrivals.length, 2);
  });

  it('does not retry when the limit is 0', async () => {
    const arrivals = failThenSucceed('get', [() => new HttpResponse(null, { status: 502 })]);
    await assert.rejects(
      transport({ retry: { limit: 0 } }).request({ method: 'GET', path: 'things' }),
      ServerError,
    );
    assert.equal(arrivals.length, 1);
  });

  it('does not retry a 500, which would fail the same way again', async () => {
    const arrivals = failThenSucceed('get', [() => new HttpResponse(null, { status: 500 })]);
    await assert.rejects(transport().request({ method: 'GET', path: 'things' }), ServerError);
    assert.equal(arrivals.length, 1);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const arrivals = failThenSucceed('get', [
      () => HttpResponse.json({ title: 'Slow down', status: 429 }, { status: 429, headers: { 'Retry-After': '1' } }),
    ]);
    await transport().request({ method: 'GET', path: 'things', schema: Ok });
    const [first = 0, second = 0] = arrivals;
    assert.ok(second - first >= 950, `waited only ${second - first} ms`);
  });

  it('waits as long as Retry-After says on 503', async () => {
    const arrivals = failThenSucceed('get', [
      () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } }),
    ]);
    await transport().request({ method: 'GET', path: 'things', schema: Ok });
    const [first = 0, second = 0] = arrivals;
    assert.ok(second - first >= 950, `waited only ${second - first} ms`);
  });

  it('cuts a long Retry-After to maxRetryAfter', async () => {
    const arrivals = failThenSucceed('get', [
      () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3600' } }),
    ]);
    const started = performance.now();
    await transport({ retry: { maxRetryAfter: 20 } }).request({ method: 'GET', path: 'things', schema: Ok });
    assert.equal(arrivals.length, 2);
    assert.ok(performance.now() - started < 1000);
  });

  it('reports a lasting 429 as RateLimitedError with the seconds to wait', async () => {
    failThenSucceed('get', Array(5).fill(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } })));
    await assert.rejects(
      transport({ retry: { limit: 1 } }).request({ method: 'GET', path: 'things' }),
      (error: unknown) => error instanceof RateLimitedError && error.retryAfter === 0 && error.status === 429,
    );
  });
});
