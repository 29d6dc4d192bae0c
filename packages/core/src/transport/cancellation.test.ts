import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { AbortedError, TimeoutError } from '../errors.js';
import { Transport } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

describe('cancellation and timeouts', () => {
  it('rejects with AbortedError when the caller aborts a request in flight', async () => {
    server.use(
      http.get(`${base}/slow`, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(
      new Transport({ baseUrl: base }).request({ method: 'GET', path: 'slow', call: { signal: controller.signal } }),
      (error: unknown) => error instanceof AbortedError && error.kind === 'aborted' && error.request === 'GET /v1/slow',
    );
    assert.ok(performance.now() - started < 400);
  });

  it('rejects with AbortedError when the caller aborts while waiting to retry', async () => {
    server.use(http.get(`${base}/busy`, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '30' } })));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    await assert.rejects(
      new Transport({ baseUrl: base }).request({ method: 'GET', path: 'busy', call: { signal: controller.signal } }),
      AbortedError,
    );
    assert.ok(performance.now() - started < 1000);
  });

  it('does not send a request whose signal is already aborted', async () => {
    let attempts = 0;
    server.use(
      http.get(`${base}/slow`, () => {
        attempts += 1;
        return HttpResponse.json({});
      }),
    );
    await assert.rejects(
      new Transport({ baseUrl: base }).request({ method: 'GET', path: 'slow', call: { signal: AbortSignal.abort() } }),
      AbortedError,
    );
    assert.equal(attempts, 0);
  });

  it('rejects with TimeoutError when an attempt takes longer than the per-call timeout', async () => {
    server.use(
      http.get(`${base}/slow`, async () => {
        await delay(300);
        return HttpResponse.json({});
      }),
    );
    await assert.rejects(
      new Transport({ baseUrl: base, timeout: 5_000 }).request({
        method: 'GET',
        path: 'slow',
        query: { street: 'Veldstraat' },
        call: { timeout: 30 },
      }),
      (error: unknown) =>
        error instanceof TimeoutError &&
        error.kind === 'timeout' &&
        error.message.includes('30 ms') &&
        // ky's own error keeps the URL in its message; the query must be gone from it as well.
        error.cause instanceof Error &&
        !error.cause.message.includes('Veldstraat') &&
        !String(error.cause.stack).includes('Veldstraat'),
    );
  });
});
