import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createHandlers, createZone, openApiDocument, routes } from '../src/index.js';
import { startMockServer, type MockServer } from '../src/server.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const generated = openApiDocument(routes, { version, serverUrl: 'http://localhost:8787' });
const documented = (document: Record<string, unknown>) =>
  Object.entries(document['paths'] as Record<string, Record<string, unknown>>)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(generated);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(generated['openapi'], '3.1.0');
  });

  it('is current in docs/openapi.json (run `npm run openapi` after changing a route or schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(committed, JSON.parse(JSON.stringify(generated)));
  });

  it('lists exactly the routes the msw handlers serve', () => {
    const served = createHandlers({ zone: createZone({ seed: 1 }) })
      .map((handler) => handler.info as { method?: unknown; path?: unknown })
      // The catch-all answers unknown /v1 routes with a 404 or 405 problem; it serves no operation.
      .filter((info) => typeof info.method === 'string' && typeof info.path === 'string')
      .map((info) => `${String(info.method).toUpperCase()} ${String(info.path).replace(/^\*/, '').replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    assert.deepEqual(served, documented(generated));
  });

  it('names every response body with a component schema that exists', () => {
    const schemas = (generated['components'] as { schemas: Record<string, unknown> }).schemas;
    const refs = [...JSON.stringify(generated).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    assert.ok(refs.length > 20);
    for (const ref of new Set(refs)) assert.ok(ref in schemas, `missing component ${ref}`);
  });
});

describe('the running server and its OpenAPI description', () => {
  let server: MockServer;
  before(async () => {
    server = await startMockServer({ port: 0 });
  });
  after(() => server.close());

  it('answers every documented operation (no route_not_found, no 405)', async () => {
    for (const operation of documented(generated)) {
      const [method, path] = operation.split(' ') as [string, string];
      const url = `${server.url}${path.replace(/\{\w+\}/g, 'x-unknown')}`;
      const response = await fetch(url, {
        method,
        headers: { authorization: 'Bearer dev-supervisor', 'idempotency-key': `probe-${operation}`, 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      assert.notEqual(response.status, 405, operation);
      if (response.headers.get('content-type') === 'text/event-stream') {
        // A live stream stays open: that it answered is enough here.
        await response.body?.cancel();
        continue;
      }
      const body = (await response.json()) as { code?: string };
      assert.notEqual(body.code, 'route_not_found', operation);
    }
  });

  it('serves the same description at /openapi.json', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    assert.equal(response.status, 200);
    assert.deepEqual(documented((await response.json()) as Record<string, unknown>), documented(generated));
  });
});
