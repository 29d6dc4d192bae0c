import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AddressNotCoveredProblem, OfficeClosure, Problem, page, Office } from '@blauw/core';
import { startMockServer, type MockServer } from '../src/server.js';

async function problemOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const document = Problem.parse(await response.json());
  assert.equal(document.status, status);
  assert.equal(document.code, code);
  return document;
}

const supervisor = { Authorization: 'Bearer dev-supervisor', 'Content-Type': 'application/json' };

describe('mock server over HTTP', () => {
  let server: MockServer;
  let officeId: string;
  before(async () => {
    server = await startMockServer({ port: 0, devControls: true });
    const offices = page(Office).parse(await (await fetch(`${server.url}/v1/offices`)).json());
    officeId = (offices.items[0] as Office).id;
  });
  after(() => server.close());

  it('lists and pages offices as { items, nextCursor }', async () => {
    const first = page(Office).parse(await (await fetch(`${server.url}/v1/offices?limit=2`)).json());
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = page(Office).parse(await (await fetch(`${server.url}/v1/offices?limit=2&cursor=${first.nextCursor}`)).json());
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);
  });

  it('answers unknown ids and unknown routes with problem+json 404', async () => {
    await problemOf(await fetch(`${server.url}/v1/offices/office-nope`), 404, 'office_not_found');
    await problemOf(await fetch(`${server.url}/v1/nothing-here`), 404, 'route_not_found');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await fetch(`${server.url}/v1/topics`, { method: 'DELETE' });
    await problemOf(response, 405, 'method_not_allowed');
    assert.equal(response.headers.get('allow'), 'GET');
  });

  it('answers bad query parameters with 400 and pointers', async () => {
    const document = await problemOf(await fetch(`${server.url}/v1/offices?limit=500`), 400, 'validation_failed');
    assert.deepEqual(document.errors?.map((error) => error.pointer), ['/query/limit']);
    const address = await problemOf(await fetch(`${server.url}/v1/officer-for-address?postalCode=12&street=Kerkstraat`), 400, 'validation_failed');
    assert.deepEqual(address.errors?.map((error) => error.pointer).sort(), ['/query/houseNumber', '/query/postalCode']);
    await problemOf(await fetch(`${server.url}/v1/topics?cursor=forged`), 400, 'invalid_cursor');
  });

  it('answers 404 address_not_covered for an address no officer covers, suggesting the nearest streets', async () => {
    await problemOf(await fetch(`${server.url}/v1/officer-for-address?postalCode=9999&street=Nergensstraat&houseNumber=1`), 404, 'address_not_covered');
    const response = await fetch(`${server.url}/v1/officer-for-address?postalCode=9667&street=Bekestraat&houseNumber=1`);
    const problem = AddressNotCoveredProblem.parse(await response.json());
    assert.equal(problem.status, 404);
    assert.deepEqual(problem.suggestions?.[0], { street: 'Beekstraat', postalCode: '9667', municipality: 'Wilgendonk' });
    const found = await fetch(`${server.url}/v1/officer-for-address?postalCode=9667&street=${encodeURIComponent('beek str.')}&houseNumber=1`);
    assert.equal(found.status, 200);
  });

  it('sends an ETag on single resources and 304 for If-None-Match', async () => {
    const response = await fetch(`${server.url}/v1/offices/${officeId}`);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/v1/offices/${officeId}`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  it('refuses an unknown token (401), a missing token (401) and an officer on a supervisor route (403)', async () => {
    const url = `${server.url}/v1/offices/${officeId}/closures`;
    const body = JSON.stringify({ from: '2027-04-01', to: '2027-04-01', reason: 'x' });
    const unknown = await fetch(`${server.url}/v1/offices`, { headers: { Authorization: 'Bearer nope' } });
    await problemOf(unknown, 401, 'invalid_token');
    assert.match(unknown.headers.get('www-authenticate') ?? '', /^Bearer/);
    await problemOf(await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'a' } }), 401, 'unauthenticated');
    await problemOf(
      await fetch(url, { method: 'POST', body, headers: { Authorization: 'Bearer dev-officer', 'Content-Type': 'application/json', 'Idempotency-Key': 'a' } }),
      403,
      'forbidden',
    );
  });

  it('requires an Idempotency-Key on POST and validates the body with pointers', async () => {
    const url = `${server.url}/v1/offices/${officeId}/closures`;
    await problemOf(await fetch(url, { method: 'POST', headers: supervisor, body: '{}' }), 400, 'idempotency_key_missing');
    const invalid = await problemOf(
      await fetch(url, { method: 'POST', headers: { ...supervisor, 'Idempotency-Key': 'v-1' }, body: JSON.stringify({ from: '2027-04-01', to: 'tomorrow', reason: 'x' }) }),
      400,
      'validation_failed',
    );
    assert.deepEqual(invalid.errors?.map((error) => error.pointer), ['/to']);
    const reversed = await problemOf(
      await fetch(url, { method: 'POST', headers: { ...supervisor, 'Idempotency-Key': 'v-2' }, body: JSON.stringify({ from: '2027-04-02', to: '2027-04-01', reason: 'x' }) }),
      400,
      'validation_failed',
    );
    assert.deepEqual(reversed.errors?.map((error) => error.pointer), ['/to']);
    await problemOf(await fetch(url, { method: 'POST', headers: { ...supervisor, 'Idempotency-Key': 'v-3' }, body: '{oops' }), 400, 'invalid_json');
    await problemOf(await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer dev-supervisor', 'Idempotency-Key': 'v-4', 'Content-Type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type');
  });

  it('creates a closure once per Idempotency-Key: same body replays, another body is 422', async () => {
    const url = `${server.url}/v1/offices/${officeId}/closures`;
    const headers = { ...supervisor, 'Idempotency-Key': crypto.randomUUID() };
    const body = { from: '2027-05-03', to: '2027-05-04', reason: 'Verbouwing van het onthaal' };
    const first = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    assert.equal(first.status, 201);
    const created = OfficeClosure.parse(await first.json());
    assert.equal(first.headers.get('location'), `/v1/offices/${officeId}/closures/${created.id}`);
    const located = await fetch(`${server.url}${first.headers.get('location')}`);
    assert.deepEqual(await located.json(), created);

    const retry = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ reason: body.reason, to: body.to, from: body.from }) });
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), created);
    assert.equal(retry.headers.get('location'), first.headers.get('location'));

    await problemOf(await fetch(url, { method: 'POST', headers, body: JSON.stringify({ ...body, reason: 'Iets anders' }) }), 422, 'idempotency_key_reused');
    const list = page(OfficeClosure).parse(await (await fetch(url)).json());
    assert.equal(list.items.filter((closure) => closure.reason === body.reason).length, 1);
  });

  it('restores the seeded state on POST /__blauw/reset', async () => {
    const url = `${server.url}/v1/offices/${officeId}/closures`;
    assert.equal((await fetch(`${server.url}/__blauw/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, 200);
    const before = await (await fetch(url)).json();
    const created = await fetch(url, {
      method: 'POST',
      headers: { ...supervisor, 'Idempotency-Key': 'reset-test' },
      body: JSON.stringify({ from: '2027-07-01', to: '2027-07-01', reason: 'x' }),
    });
    assert.equal(created.status, 201);
    assert.notDeepEqual(await (await fetch(url)).json(), before);
    const reset = await fetch(`${server.url}/__blauw/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(reset.status, 200);
    assert.deepEqual(await (await fetch(url)).json(), before);
    assert.equal((await fetch(`${server.url}/__blauw/health`)).status, 200);
  });

  it('answers CORS preflights with the headers the SDK needs and no credentials', async () => {
    const response = await fetch(`${server.url}/v1/offices/${officeId}/closures`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.scheldegem.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'idempotency-key', 'if-match', 'last-event-id', 'accept-language', 'content-type', 'content-range']) {
      assert.ok(allowed.includes(header), header);
    }
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    const simple = await fetch(`${server.url}/v1/topics`, { headers: { Origin: 'https://www.scheldegem.example' } });
    assert.match(simple.headers.get('access-control-expose-headers') ?? '', /ETag.*Retry-After.*Location/);
  });

  it('serves an accessible index page linking the demos, the API and openapi.json', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<html lang="en">/);
    for (const link of ['/demo/', '/v1', '/openapi.json']) assert.ok(html.includes(`href="${link}"`), link);
    assert.equal((await fetch(`${server.url}/demo/`)).status, 200);
  });
});

describe('mock server options', () => {
  it('only lets configured origins through a preflight', async () => {
    const server = await startMockServer({ port: 0, allowOrigin: ['https://www.scheldegem.example'] });
    try {
      const preflight = (origin: string) =>
        fetch(`${server.url}/v1/topics`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
      const allowed = await preflight('https://www.scheldegem.example');
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.scheldegem.example');
      const other = await preflight('https://evil.example');
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });

  it('with fail-rate 1 every /v1 request gets a 503 with Retry-After or a dropped connection', async () => {
    const server = await startMockServer({ port: 0, failRate: 1, devControls: true });
    try {
      const outcomes = new Set<string>();
      for (let i = 0; i < 12; i++) {
        try {
          const response = await fetch(`${server.url}/v1/topics`);
          await problemOf(response, 503, 'service_unavailable');
          assert.equal(response.headers.get('retry-after'), '1');
          outcomes.add('503');
        } catch (error) {
          assert.ok(error instanceof TypeError, String(error));
          outcomes.add('dropped');
        }
      }
      assert.deepEqual([...outcomes].sort(), ['503', 'dropped']);
      assert.equal((await fetch(`${server.url}/__blauw/health`)).status, 200, 'test controls never fail');
    } finally {
      await server.close();
    }
  });

  it('delays /v1 responses by the latency, and a racing retry meets idempotency_key_in_flight', async () => {
    const server = await startMockServer({ port: 0, latencyMs: 200 });
    try {
      const started = performance.now();
      assert.equal((await fetch(`${server.url}/v1/topics`)).status, 200);
      assert.ok(performance.now() - started >= 190, 'delayed');
      const officeId = server.zone.store.listOffices().items[0]?.id ?? '';
      const post = () =>
        fetch(`${server.url}/v1/offices/${officeId}/closures`, {
          method: 'POST',
          headers: { ...supervisor, 'Idempotency-Key': 'race' },
          body: JSON.stringify({ from: '2027-08-01', to: '2027-08-01', reason: 'x' }),
        });
      const [first, second] = await Promise.all([post(), new Promise((resolve) => setTimeout(resolve, 50)).then(post)]);
      assert.equal(first.status, 201);
      await problemOf(second, 409, 'idempotency_key_in_flight');
      assert.equal((await post()).status, 201, 'replayed once finished');
    } finally {
      await server.close();
    }
  });

  it('gives the same data for the same seed across servers', async () => {
    const [a, b] = await Promise.all([startMockServer({ port: 0, seed: 9 }), startMockServer({ port: 0, seed: 9 })]);
    try {
      const [left, right] = await Promise.all([a, b].map(async (server) => (await fetch(`${server.url}/v1/officers?limit=200`)).text()));
      assert.equal(left, right);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
