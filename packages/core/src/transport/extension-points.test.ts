import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { BlauwError, isBlauwError, NotFoundError, RateLimitedError, ServerError, TimeoutError } from '../errors.js';
import type * as Errors from '../errors.js';
import { VERSION } from '../version.js';
import type { LogFields } from './hooks.js';
import { path } from './path.js';
import { Transport, type TransportOptions } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();
const Ok = z.object({ ok: z.boolean() });
const transport = (options: Partial<TransportOptions> = {}) => new Transport({ baseUrl: base, retry: { backoffLimit: 5 }, ...options });

describe('hooks', () => {
  it('run in ky’s order around a retried request, and beforeError sees the final failure', async () => {
    const calls: string[] = [];
    let attempts = 0;
    server.use(
      http.get(`${base}/things`, () => {
        attempts += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const client = transport({
      retry: { limit: 1, backoffLimit: 5 },
      hooks: {
        beforeRequest: [(_request, { attempt }) => void calls.push(`beforeRequest ${attempt}`)],
        afterResponse: [(_request, { attempt }, response) => void calls.push(`afterResponse ${attempt} ${response.status}`)],
        beforeRetry: [({ retryCount, response }) => void calls.push(`beforeRetry ${retryCount} ${response?.status}`)],
        beforeError: [(error) => (calls.push(`beforeError ${error.kind}`), error)],
      },
    });
    await assert.rejects(client.request({ method: 'GET', path: 'things', schema: Ok }), ServerError);
    assert.equal(attempts, 2);
    assert.deepEqual(calls, [
      'beforeRequest 1',
      'afterResponse 1 503',
      'beforeRetry 1 503',
      'beforeRequest 2',
      'afterResponse 2 503',
      'beforeError server',
    ]);
  });

  it('let beforeRequest add a header, or answer without the network', async () => {
    let seen: string | null = null;
    server.use(
      http.get(`${base}/things`, ({ request }) => {
        seen = request.headers.get('x-trace-id');
        return HttpResponse.json({ ok: true });
      }),
    );
    const traced = transport({ hooks: { beforeRequest: [(request) => request.headers.set('X-Trace-Id', 't-1')] } });
    assert.deepEqual(await traced.request({ method: 'GET', path: 'things', schema: Ok }), { ok: true });
    assert.equal(seen, 't-1');

    // No handler for /cached: reaching the network would fail the test (onUnhandledRequest: 'error').
    const cached = transport({ hooks: { beforeRequest: [() => Response.json({ ok: false })] } });
    assert.deepEqual(await cached.request({ method: 'GET', path: 'cached', schema: Ok }), { ok: false });
  });

  it('let afterResponse replace the answer and beforeError replace the error', async () => {
    server.use(http.get(`${base}/things`, () => HttpResponse.json({ ok: 'not a boolean' })));
    // A hook that returns something else (a metric call's result) changes nothing.
    const fixed = transport({ hooks: { afterResponse: [() => Response.json({ ok: true }), () => 42 as unknown as void] } });
    assert.deepEqual(await fixed.request({ method: 'GET', path: 'things', schema: Ok }), { ok: true });

    server.use(http.get(`${base}/gone`, () => HttpResponse.json({ title: 'Gone' }, { status: 404 })));
    const replaced = new NotFoundError('the office closed for good');
    const mapped = transport({ hooks: { beforeError: [() => replaced] } });
    await assert.rejects(mapped.request({ method: 'GET', path: 'gone' }), (error) => error === replaced);
  });
});

describe('headers', () => {
  it('send the client’s headers, the call’s over them, and drop the ones set to undefined', async () => {
    let received: Headers | undefined;
    server.use(
      http.get(`${base}/things`, ({ request }) => {
        received = request.headers;
        return HttpResponse.json({ ok: true });
      }),
    );
    const client = transport({ headers: { 'X-Zone': 'pz-5415', 'X-Team': 'intake' }, language: 'nl-BE' });
    await client.request({
      method: 'GET',
      path: 'things',
      schema: Ok,
      call: { headers: { 'x-team': 'wijk', 'Accept-Language': undefined } },
    });
    assert.equal(received?.get('x-zone'), 'pz-5415');
    assert.equal(received?.get('x-team'), 'wijk');
    assert.equal(received?.get('accept-language'), null);
  });

  it('name the SDK and its version in Blauw-Client, unless turned off', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${base}/things`, ({ request }) => {
        seen.push(request.headers.get('blauw-client'));
        return HttpResponse.json({ ok: true });
      }),
    );
    await transport().request({ method: 'GET', path: 'things', schema: Ok });
    await transport({ clientHeader: false }).request({ method: 'GET', path: 'things', schema: Ok });
    assert.deepEqual(seen, [`core/${VERSION}`, null]);
    assert.match(VERSION, /^\d+\.\d+\.\d+/);
  });
});

describe('per-call retry and timeout', () => {
  it('a call with retry 0 fails at the first 503, and its message does not claim a retry', async () => {
    let attempts = 0;
    server.use(
      http.get(`${base}/things`, () => {
        attempts += 1;
        return attempts === 1 ? HttpResponse.error() : HttpResponse.json({ ok: true });
      }),
    );
    await assert.rejects(transport().request({ method: 'GET', path: 'things', schema: Ok, call: { retry: 0 } }), (error: unknown) => {
      assert.ok(isBlauwError(error) && error.kind === 'network');
      assert.doesNotMatch(error.message, /retr/);
      return true;
    });
    assert.equal(attempts, 1);
  });

  it('says how many retries a connection failure got', async () => {
    server.use(http.get(`${base}/things`, () => HttpResponse.error()));
    await assert.rejects(transport().request({ method: 'GET', path: 'things', call: { retry: { limit: 2 } } }), /also after 2 retries/);
  });

  it('reads the caller’s AbortSignal.timeout() as a TimeoutError, not a cancellation', async () => {
    server.use(
      http.get(`${base}/slow`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return HttpResponse.json({ ok: true });
      }),
    );
    await assert.rejects(
      transport().request({ method: 'GET', path: 'slow', call: { signal: AbortSignal.timeout(20) } }),
      (error: unknown) => error instanceof TimeoutError && error.kind === 'timeout' && /caller's time limit/.test(error.message),
    );
  });
});

describe('errors', () => {
  it('keep the server’s request id, and print it in toString()', async () => {
    server.use(
      http.get(`${base}/busy`, () =>
        HttpResponse.json({ title: 'Too many requests', code: 'rate_limited' }, { status: 429, headers: { 'X-Request-Id': 'req-7f3a', 'Retry-After': '9' } }),
      ),
    );
    await assert.rejects(transport({ retry: 0 }).request({ method: 'GET', path: 'busy' }), (error: unknown) => {
      assert.ok(error instanceof BlauwError);
      assert.equal(error.kind, 'rate_limited');
      if (error.kind !== 'rate_limited') return false;
      assert.equal(error.retryAfter, 9);
      assert.equal(error.requestId, 'req-7f3a');
      assert.equal(error.code, 'rate_limited');
      assert.match(String(error), /^RateLimitedError: GET \/v1\/busy 429 .*\(request id req-7f3a\)$/);
      return error instanceof RateLimitedError;
    });
  });

  it('are recognised by isBlauwError and instanceof BlauwError when they come from another copy of the package', async () => {
    // A second, separately evaluated copy of the module, as a page with two bundles has.
    const secondCopy: string = '../errors.ts?copy=second';
    const copy = (await import(secondCopy)) as typeof Errors;
    assert.notEqual(copy.NotFoundError, NotFoundError);
    const foreign = new copy.NotFoundError('from the other bundle');
    assert.equal(foreign instanceof NotFoundError, false, 'a subclass check stays per copy');
    assert.equal(isBlauwError(foreign), true);
    assert.equal(foreign instanceof BlauwError, true);
    assert.equal(isBlauwError(new Error('plain')), false);
    assert.equal(isBlauwError({ kind: 'not_found', message: 'looks like one' }), false);
  });
});

describe('the logger', () => {
  it('hears every answer, retry and failure, without query, ids, tokens or bodies', async () => {
    const lines: [string, string, LogFields][] = [];
    const logger = {
      debug: (message: string, fields: LogFields) => void lines.push(['debug', message, fields]),
      warn: (message: string, fields: LogFields) => void lines.push(['warn', message, fields]),
    };
    let attempts = 0;
    server.use(
      http.post(`${base}/manage/:token/cancel`, () => {
        attempts += 1;
        return attempts === 1
          ? new HttpResponse(null, { status: 502 })
          : HttpResponse.json({ title: 'Unknown manage link', code: 'manage_link_not_found' }, { status: 404, headers: { 'X-Request-Id': 'req-1' } });
      }),
    );
    const token = 'tok_5ecret-Manage-L1nk';
    const client = transport({ logger, getToken: () => 'bearer-secret' });
    await assert.rejects(
      client.request({ method: 'POST', path: path`manage/${token}/cancel`, query: { street: 'Veldstraat' }, body: { name: 'Jan Peeters' } }),
      (error: unknown) => error instanceof NotFoundError && error.request === 'POST /v1/manage/*/cancel' && !error.message.includes(token),
    );
    assert.deepEqual(
      lines.map(([level, message]) => `${level} ${message.replace(/\d+ ms/, 'N ms')}`),
      [
        'warn POST /v1/manage/*/cancel → 502 (N ms), retrying',
        'debug POST /v1/manage/*/cancel → 404 (N ms)',
        'warn POST /v1/manage/*/cancel failed: not_found 404',
      ],
    );
    assert.equal(lines[2]?.[2].requestId, 'req-1');
    const logged = JSON.stringify(lines);
    for (const secret of [token, 'bearer-secret', 'Veldstraat', 'Jan Peeters']) assert.ok(!logged.includes(secret), `${secret} was logged`);
  });
});
