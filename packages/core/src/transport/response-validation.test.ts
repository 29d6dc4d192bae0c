import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { z } from 'zod/mini';
import { ResponseShapeError } from '../errors.js';
import { Transport } from './transport.js';
import { base, useMockApi } from '../testing/mock-api.js';

const server = useMockApi();

const Thing = z.object({ id: z.string(), count: z.number() });
const transport = new Transport({ baseUrl: base });

describe('response validation', () => {
  it('returns the parsed body, ignoring fields a newer server adds', async () => {
    server.use(http.get(`${base}/things/1`, () => HttpResponse.json({ id: '1', count: 2, addedLater: true })));
    const data = await transport.request({ method: 'GET', path: 'things/1', schema: Thing });
    assert.deepEqual(data, { id: '1', count: 2 });
  });

  it('throws ResponseShapeError with zod issues for a body of the wrong shape', async () => {
    server.use(http.get(`${base}/things/1`, () => HttpResponse.json({ id: 1 })));
    await assert.rejects(transport.request({ method: 'GET', path: 'things/1', schema: Thing }), (error: unknown) => {
      assert.ok(error instanceof ResponseShapeError);
      assert.equal(error.kind, 'response_shape');
      assert.equal(error.status, 200);
      assert.deepEqual(
        error.issues.map((issue) => issue.path),
        [['id'], ['count']],
      );
      assert.ok(error.message.includes('GET /v1/things/1'));
      assert.ok(error.cause instanceof Error);
      return true;
    });
  });

  it('throws ResponseShapeError for a success body that is not JSON', async () => {
    server.use(http.get(`${base}/things/1`, () => HttpResponse.html('<p>hello</p>')));
    await assert.rejects(
      transport.request({ method: 'GET', path: 'things/1', schema: Thing }),
      (error: unknown) => error instanceof ResponseShapeError && error.cause instanceof SyntaxError,
    );
  });

  it('returns undefined for 204 No Content', async () => {
    server.use(http.delete(`${base}/things/1`, () => new HttpResponse(null, { status: 204 })));
    assert.equal(await transport.request({ method: 'DELETE', path: 'things/1' }), undefined);
  });

  it('returns ETag and Location with requestWithMeta', async () => {
    server.use(
      http.post(`${base}/things`, () =>
        HttpResponse.json({ id: '9', count: 0 }, { status: 201, headers: { Location: '/v1/things/9', ETag: '"v1"' } }),
      ),
    );
    const result = await transport.requestWithMeta({ method: 'POST', path: 'things', body: {}, schema: Thing });
    assert.deepEqual(result, { data: { id: '9', count: 0 }, status: 201, etag: '"v1"', location: '/v1/things/9' });
  });

  it('sends If-Match when asked', async () => {
    let ifMatch: string | null = null;
    server.use(
      http.put(`${base}/things/1`, ({ request }) => {
        ifMatch = request.headers.get('if-match');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await transport.request({ method: 'PUT', path: 'things/1', body: {}, ifMatch: '"v1"' });
    assert.equal(ifMatch, '"v1"');
  });
});

describe('Accept-Language', () => {
  it('sends the configured language', async () => {
    let language: string | null = null;
    server.use(
      http.get(`${base}/things/1`, ({ request }) => {
        language = request.headers.get('accept-language');
        return HttpResponse.json({ id: '1', count: 1 });
      }),
    );
    await new Transport({ baseUrl: base, language: 'fr-BE' }).request({ method: 'GET', path: 'things/1', schema: Thing });
    assert.equal(language, 'fr-BE');
  });

  it('reads a language function on every request, so a language switch applies at once', async () => {
    const languages: (string | null)[] = [];
    server.use(
      http.get(`${base}/things/1`, ({ request }) => {
        languages.push(request.headers.get('accept-language'));
        return HttpResponse.json({ id: '1', count: 1 });
      }),
    );
    let current = 'nl';
    const client = new Transport({ baseUrl: base, language: () => current });
    await client.request({ method: 'GET', path: 'things/1', schema: Thing });
    current = 'de';
    await client.request({ method: 'GET', path: 'things/1', schema: Thing });
    assert.deepEqual(languages, ['nl', 'de']);
  });
});
