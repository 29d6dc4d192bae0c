import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createFixedClock } from '../domain/clock.js';
import { createZone } from '../domain/zone.js';
import { createHandlers } from './create-handlers.js';
import { pathParamNames, toOpenApiPath } from './route.js';
import { routes } from './routes.js';

describe('msw handlers generated from the route table', () => {
  const zone = createZone({ seed: 1, clock: createFixedClock('2027-03-01T09:00:00+01:00') });
  const server = setupServer(...createHandlers({ zone, baseUrl: 'https://api.pz-scheldeland.example' }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  it('answer fetch in Node without an HTTP server, on the configured origin', async () => {
    const response = await fetch('https://api.pz-scheldeland.example/v1/topics?limit=2');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    assert.equal(body.items.length, 2);
    assert.ok(body.nextCursor);
  });

  it('answer every declared route (no route is shadowed by the /v1 fallback)', async () => {
    for (const route of routes.filter((item) => item.method === 'get')) {
      const path = route.path.replace(/:[A-Za-z]+/g, 'x');
      const response = await fetch(`https://api.pz-scheldeland.example${path}`);
      assert.notEqual((await response.clone().json() as { code?: string }).code, 'route_not_found', route.path);
    }
  });
});

describe('the route table', () => {
  it('declares each operation once, with unique operationIds and documented responses', () => {
    const ids = routes.map((route) => route.operationId);
    assert.equal(new Set(ids).size, ids.length);
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const route of routes) {
      assert.ok(route.path.startsWith('/v1/'), route.path);
      assert.ok(Object.keys(route.responses).some((status) => status.startsWith('2')), `${route.operationId} has a success response`);
      if (route.method === 'post') assert.equal(route.idempotent, true, `${route.operationId} takes an Idempotency-Key`);
    }
  });

  it('turns msw paths into OpenAPI paths', () => {
    assert.equal(toOpenApiPath('/v1/offices/:officeId/closures/:closureId'), '/v1/offices/{officeId}/closures/{closureId}');
    assert.deepEqual(pathParamNames('/v1/offices/:officeId/closures/:closureId'), ['officeId', 'closureId']);
  });
});

describe('browser safety', () => {
  it('keeps node: modules and express out of domain, seed and handlers', () => {
    const root = new URL('../', import.meta.url);
    for (const folder of ['domain', 'seed', 'handlers']) {
      for (const file of readdirSync(new URL(`${folder}/`, root))) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const source = readFileSync(new URL(`${folder}/${file}`, root), 'utf8');
        assert.doesNotMatch(source, /from '(node:|express|@mswjs\/http-middleware|msw\/node)/, `${folder}/${file}`);
      }
    }
  });
});
