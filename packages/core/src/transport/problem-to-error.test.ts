import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import {
  BlauwError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SlotTakenError,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';
import { parseRetryAfter } from './problem-to-error.js';
import { Transport } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

const problemJson = { 'content-type': 'application/problem+json' };

/** Makes `POST /things?name=Jan%20Peeters` answer `response`, and returns what the transport threw. */
async function failureFor(response: () => Response): Promise<BlauwError> {
  server.use(http.post(`${base}/things`, response));
  const transport = new Transport({ baseUrl: base, retry: { limit: 0 } });
  try {
    await transport.request({ method: 'POST', path: 'things', query: { name: 'Jan Peeters' }, body: { secret: 'x' } });
  } catch (error) {
    assert.ok(error instanceof BlauwError, `expected a BlauwError, got ${String(error)}`);
    assert.equal(error.request, 'POST /v1/things');
    assert.ok(error.message.includes('POST /v1/things'), error.message);
    assert.ok(!/Jan|Peeters|name=|\?|secret/.test(error.message), `message leaks the query or body: ${error.message}`);
    return error;
  }
  return assert.fail('expected the request to fail');
}

describe('problem+json to typed errors', () => {
  for (const status of [400, 422]) {
    it(`maps ${status} to ValidationError with the field pointers`, async () => {
      const errors = [{ pointer: '/from', detail: 'Must not be in the past.' }];
      const error = await failureFor(() =>
        HttpResponse.json({ type: 'https://blauw.example/problems/invalid', title: 'Invalid closure', status, errors }, { status, headers: problemJson }),
      );
      assert.ok(error instanceof ValidationError);
      assert.equal(error.kind, 'validation');
      assert.equal(error.status, status);
      assert.deepEqual(error.fieldErrors, errors);
      assert.equal(error.problem?.type, 'https://blauw.example/problems/invalid');
    });
  }

  const kinds: [number, new (...args: never[]) => BlauwError, string][] = [
    [401, UnauthenticatedError, 'unauthenticated'],
    [403, ForbiddenError, 'forbidden'],
    [404, NotFoundError, 'not_found'],
    [410, NotFoundError, 'not_found'],
    [412, ConflictError, 'conflict'],
    [500, ServerError, 'server'],
  ];
  for (const [status, kind, name] of kinds) {
    it(`maps ${status} to ${kind.name}`, async () => {
      const error = await failureFor(() => HttpResponse.json({ title: 'Nope', status }, { status, headers: problemJson }));
      assert.ok(error instanceof kind);
      assert.equal(error.kind, name);
      assert.equal(error.status, status);
      assert.equal(error.problem?.title, 'Nope');
    });
  }

  it('maps 409 slot_taken to SlotTakenError, keeping the raw extension when its slots are unreadable', async () => {
    const nextSlots = [{ id: 's-2' }];
    const error = await failureFor(() =>
      HttpResponse.json({ title: 'Slot taken', status: 409, code: 'slot_taken', nextSlots }, { status: 409, headers: problemJson }),
    );
    assert.ok(error instanceof SlotTakenError);
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, 'slot_taken');
    assert.deepEqual(error.nextSlots, []);
    assert.deepEqual(error.problem?.['nextSlots'], nextSlots);
  });

  it('gives a 404 address_not_covered the suggested streets on NotFoundError, and none when they are unreadable', async () => {
    const suggestions = [{ street: 'Dorpsstraat', postalCode: '9667', municipality: 'Wilgendonk' }];
    const error = await failureFor(() =>
      HttpResponse.json({ title: 'Not covered', status: 404, code: 'address_not_covered', suggestions }, { status: 404, headers: problemJson }),
    );
    assert.ok(error instanceof NotFoundError);
    assert.deepEqual(error.suggestions, suggestions);
    const spoiled = await failureFor(() =>
      HttpResponse.json({ title: 'Not covered', status: 404, code: 'address_not_covered', suggestions: [{ street: 1 }] }, { status: 404, headers: problemJson }),
    );
    assert.ok(spoiled instanceof NotFoundError);
    assert.deepEqual(spoiled.suggestions, []);
    assert.deepEqual(spoiled.problem?.['suggestions'], [{ street: 1 }]);
  });

  it('maps 429 to RateLimitedError with the seconds from Retry-After', async () => {
    const error = await failureFor(() =>
      HttpResponse.json({ title: 'Too many', status: 429 }, { status: 429, headers: { ...problemJson, 'Retry-After': '7' } }),
    );
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfter, 7);
    assert.ok(error.message.includes('7 s'));
  });

  it('maps a bare 502 HTML page to ServerError with a synthesized problem', async () => {
    const error = await failureFor(
      () => new HttpResponse('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 502);
    assert.deepEqual(error.problem, { type: 'about:blank', title: 'Bad Gateway', status: 502 });
    assert.ok(error.cause instanceof SyntaxError, 'the unreadable body is kept as the cause');
  });

  it('maps an empty 404 to NotFoundError with a synthesized problem', async () => {
    const error = await failureFor(() => new HttpResponse(null, { status: 404 }));
    assert.ok(error instanceof NotFoundError);
    assert.deepEqual(error.problem, { type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('keeps code and field errors from a problem that lacks title and status', async () => {
    const error = await failureFor(() => HttpResponse.json({ code: 'too_early' }, { status: 422 }));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.code, 'too_early');
    assert.equal(error.problem?.status, 422);
  });

  it('maps a status the SDK does not expect to ServerError', async () => {
    const error = await failureFor(() => new HttpResponse(null, { status: 418 }));
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 418);
  });
});

describe('Retry-After', () => {
  it('reads delay seconds', () => assert.equal(parseRetryAfter('120'), 120));
  it('reads an HTTP date', () => {
    const now = Date.parse('2026-10-21T07:28:00Z');
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now), 30);
  });
  it('reads a date in the past as no wait', () => {
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT'), 0);
  });
  it('ignores what it cannot read', () => {
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });
});
