import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { UnauthenticatedError } from '../errors.js';
import { Transport } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

const Ok = z.object({ ok: z.boolean() });
const unauthorized = () =>
  HttpResponse.json({ title: 'Token expired', status: 401 }, { status: 401, headers: { 'content-type': 'application/problem+json' } });

/** A token store whose refresh hands out the next token, counting refreshes. */
function tokens() {
  const store = { current: 'old', refreshes: 0 };
  return {
    store,
    getToken: () => store.current,
    onUnauthorized: async () => {
      store.refreshes += 1;
      store.current = `new-${store.refreshes}`;
    },
  };
}

describe('authentication', () => {
  it('sends the token from getToken as a bearer token', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${base}/me`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ ok: true });
      }),
    );
    await new Transport({ baseUrl: base, getToken: async () => 'abc' }).request({ method: 'GET', path: 'me', schema: Ok });
    assert.equal(authorization, 'Bearer abc');
  });

  it('sends no Authorization header for an anonymous citizen', async () => {
    let sent = true;
    server.use(
      http.get(`${base}/me`, ({ request }) => {
        sent = request.headers.has('authorization');
        return HttpResponse.json({ ok: true });
      }),
    );
    await new Transport({ baseUrl: base }).request({ method: 'GET', path: 'me', schema: Ok });
    assert.equal(sent, false);
  });

  it('refreshes once on 401 and retries once with the new token', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${base}/me`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return request.headers.get('authorization') === 'Bearer old' ? unauthorized() : HttpResponse.json({ ok: true });
      }),
    );
    const { store, ...auth } = tokens();
    const data = await new Transport({ baseUrl: base, ...auth }).request({ method: 'GET', path: 'me', schema: Ok });
    assert.deepEqual(data, { ok: true });
    assert.equal(store.refreshes, 1);
    assert.deepEqual(seen, ['Bearer old', 'Bearer new-1']);
  });

  it('throws UnauthenticatedError when the refreshed token is refused too, refreshing only once', async () => {
    let attempts = 0;
    server.use(
      http.get(`${base}/me`, () => {
        attempts += 1;
        return unauthorized();
      }),
    );
    const { store, ...auth } = tokens();
    await assert.rejects(
      new Transport({ baseUrl: base, ...auth }).request({ method: 'GET', path: 'me', schema: Ok }),
      (error: unknown) =>
        error instanceof UnauthenticatedError && error.status === 401 && error.problem?.title === 'Token expired',
    );
    assert.equal(store.refreshes, 1);
    assert.equal(attempts, 2);
  });

  it('throws UnauthenticatedError at once on 401 when there is no way to refresh', async () => {
    let attempts = 0;
    server.use(
      http.get(`${base}/me`, () => {
        attempts += 1;
        return unauthorized();
      }),
    );
    await assert.rejects(
      new Transport({ baseUrl: base, getToken: () => 'x' }).request({ method: 'GET', path: 'me' }),
      UnauthenticatedError,
    );
    assert.equal(attempts, 1);
  });

  it('shares one refresh between requests that meet an expired token together', async () => {
    server.use(
      http.get(`${base}/me`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer old' ? unauthorized() : HttpResponse.json({ ok: true }),
      ),
    );
    const { store, getToken } = tokens();
    const transport = new Transport({
      baseUrl: base,
      getToken,
      onUnauthorized: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        store.refreshes += 1;
        store.current = 'new';
      },
    });
    const results = await Promise.all([1, 2, 3].map(() => transport.request({ method: 'GET', path: 'me', schema: Ok })));
    assert.equal(results.length, 3);
    assert.equal(store.refreshes, 1);
  });

  it('reports a failing refresh as UnauthenticatedError with the cause kept', async () => {
    server.use(http.get(`${base}/me`, unauthorized));
    const failure = new Error('refresh token revoked');
    await assert.rejects(
      new Transport({
        baseUrl: base,
        getToken: () => 'old',
        onUnauthorized: () => Promise.reject(failure),
      }).request({ method: 'GET', path: 'me' }),
      (error: unknown) => error instanceof UnauthenticatedError && error.cause === failure,
    );
  });

  it('reports a failing getToken as UnauthenticatedError without sending the request', async () => {
    let attempts = 0;
    server.use(
      http.get(`${base}/me`, () => {
        attempts += 1;
        return HttpResponse.json({ ok: true });
      }),
    );
    const failure = new Error('no session');
    await assert.rejects(
      new Transport({ baseUrl: base, getToken: () => Promise.reject(failure) }).request({ method: 'GET', path: 'me' }),
      (error: unknown) => error instanceof UnauthenticatedError && error.cause === failure,
    );
    assert.equal(attempts, 0);
  });
});
