import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditEntry, Problem, page } from '@blauw/core';
import { createFixedClock } from '../src/domain/clock.js';
import { routes } from '../src/handlers/routes.js';
import { DEV_CITIZEN_TOKEN, DEV_OFFICER_TOKEN, DEV_SUPERVISOR_TOKEN } from '../src/seed/zone-seed.js';
import { startMockServer, type MockServer } from '../src/server.js';

// Roles over real HTTP, for every route of the table at once: a signed-in citizen may go where
// anyone may and nowhere else (403, not 401: the token is good, the role is wrong).

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const police = routes.filter((route) => route.auth !== 'none');
const open = routes.filter((route) => route.auth === 'none');

function send(server: MockServer, route: (typeof routes)[number], headers: Record<string, string>): Promise<Response> {
  const path = route.path.replace(/:\w+/g, 'x');
  const body = route.method === 'get' || route.method === 'delete' ? undefined : JSON.stringify({ purpose: { code: 'incident', text: '2027-000412' }, query: 'Peeters' });
  return fetch(`${server.url}${path}`, {
    method: route.method.toUpperCase(),
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Idempotency-Key': `roles-${route.method}-${path}` }) },
    ...(body === undefined ? {} : { body }),
  });
}

describe('roles on every route', () => {
  let server: MockServer;
  before(async () => {
    server = await startMockServer({ port: 0, clock: createFixedClock('2027-03-06T22:00:00+01:00') });
  });
  after(() => server.close());

  it('has police routes and open routes to check', () => {
    assert.ok(police.length >= 20, `${police.length} police routes`);
    assert.ok(open.length >= 5, `${open.length} open routes`);
    assert.ok(police.some((route) => route.path.startsWith('/v1/records/')));
    assert.ok(police.some((route) => route.path.startsWith('/v1/conversations')));
    assert.ok(police.some((route) => route.path.startsWith('/v1/briefings')));
  });

  it('refuses a citizen token with 403 forbidden on every police route, records, messaging and briefings included', async () => {
    for (const route of police) {
      const response = await send(server, route, bearer(DEV_CITIZEN_TOKEN));
      const label = `${route.method.toUpperCase()} ${route.path}`;
      assert.equal(response.status, 403, label);
      const problem = Problem.parse(await response.json());
      assert.equal(problem.code, 'forbidden', label);
    }
  });

  it('asks for a token (401) on every police route when none is sent', async () => {
    for (const route of police) {
      const response = await send(server, route, {});
      assert.equal(response.status, 401, `${route.method.toUpperCase()} ${route.path}`);
      await response.body?.cancel();
    }
  });

  it('lets a citizen token through on every open route, as if it were not there', async () => {
    for (const route of open) {
      const withToken = await send(server, route, bearer(DEV_CITIZEN_TOKEN));
      const label = `${route.method.toUpperCase()} ${route.path}`;
      assert.notEqual(withToken.status, 401, label);
      assert.notEqual(withToken.status, 403, label);
      await withToken.body?.cancel();
    }
  });

  it('leaves no trace of a refused citizen look-up in the audit trail, and an officer is not refused on the same look-up', async () => {
    const search = police.find((route) => route.path === '/v1/records/search');
    assert.ok(search);
    assert.equal((await send(server, search, bearer(DEV_CITIZEN_TOKEN))).status, 403);
    const audit = await fetch(`${server.url}/v1/records/audit?limit=200`, { headers: bearer(DEV_SUPERVISOR_TOKEN) });
    assert.deepEqual(page(AuditEntry).parse(await audit.json()).items, []);
    const asOfficer = await send(server, search, bearer(DEV_OFFICER_TOKEN));
    assert.equal(asOfficer.status, 200);
    await asOfficer.body?.cancel();
  });
});
