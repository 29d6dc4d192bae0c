import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { idempotencyKeyFor } from './idempotency.js';
import { Transport } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

/** Records the Idempotency-Key of every request; answers the first `failures` with `fail()`. */
function recordKeys(failures: number, fail: () => Response = () => new HttpResponse(null, { status: 503 })) {
  const keys: (string | null)[] = [];
  const handler = ({ request }: { request: Request }) => {
    keys.push(request.headers.get('idempotency-key'));
    return keys.length <= failures ? fail() : new HttpResponse(null, { status: 204 });
  };
  server.use(http.post(`${base}/things`, handler), http.get(`${base}/things`, handler), http.delete(`${base}/things`, handler));
  return keys;
}

const transport = () => new Transport({ baseUrl: base, retry: { limit: 3, backoffLimit: 1 } });

describe('idempotency keys', () => {
  it('sends the same key on every retry of one POST', async () => {
    const keys = recordKeys(2);
    await transport().request({ method: 'POST', path: 'things', body: { a: 1 } });
    assert.equal(keys.length, 3);
    assert.match(keys[0] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(new Set(keys).size, 1);
  });

  it('keeps the key across a dropped connection and the retry after a token refresh', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${base}/things`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (keys.length === 1) return HttpResponse.error();
        if (keys.length === 2) return new HttpResponse(null, { status: 401 });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await new Transport({ baseUrl: base, retry: { backoffLimit: 1 }, onUnauthorized: () => {} }).request({
      method: 'POST',
      path: 'things',
      body: {},
    });
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1);
  });

  it('gives two separate POSTs different keys', async () => {
    const keys = recordKeys(0);
    const client = transport();
    await client.request({ method: 'POST', path: 'things', body: { a: 1 } });
    await client.request({ method: 'POST', path: 'things', body: { a: 1 } });
    assert.equal(keys.length, 2);
    assert.notEqual(keys[0], keys[1]);
  });

  it("uses the caller's key when given, so an outbox can repeat a write after a reload", async () => {
    const keys = recordKeys(1);
    await transport().request({ method: 'POST', path: 'things', body: {}, idempotencyKey: 'outbox-42' });
    assert.deepEqual(keys, ['outbox-42', 'outbox-42']);
  });

  it('sends a key with DELETE and none with GET', async () => {
    const keys = recordKeys(0);
    await transport().request({ method: 'DELETE', path: 'things' });
    await transport().request({ method: 'GET', path: 'things' });
    assert.notEqual(keys[0], null);
    assert.equal(keys[1], null);
  });

  it('still makes a UUID v4 key where crypto.randomUUID is missing (a page on plain http)', () => {
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID');
    assert.ok(original);
    Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', { ...original, value: undefined });
    try {
      const key = idempotencyKeyFor('POST', undefined);
      assert.match(key ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.notEqual(idempotencyKeyFor('POST', undefined), key);
    } finally {
      Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', original);
    }
  });
});
