import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient } from '../client.js';
import { NotFoundError } from '../errors.js';
import type { OutboxItem } from '../offline/outbox-rules.js';
import { base, useMockApi } from '../testing/mock-api.js';

// client.briefings' acknowledgement as the offline outbox sends it: the request it queues, and
// that request sent the way the field device's drain sends it (checks.sendQueued).

const server = useMockApi();
const client = createClient({ baseUrl: base, getToken: () => 'token', retry: { limit: 0 } });
const acknowledgement = { briefingId: 'brf/1', officerId: 'officer-01', acknowledgedAt: '2027-03-06T22:03:00+01:00' };

/** An outbox item as the store hands it to the drain. */
const queuedItem = (request: OutboxItem['request'], idempotencyKey: string): OutboxItem => ({
  clientId: '0b6f7c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
  idempotencyKey,
  kind: 'briefing-ack',
  ref: 'brf/1',
  request,
  state: 'sending',
  queuedAt: 0,
  attempts: 1,
  notBefore: 0,
});

describe('client.briefings.acknowledgeRequest', () => {
  it('gives the outbox the request to queue: POST, the briefing’s path with its id encoded, and an empty JSON body', () => {
    assert.deepEqual(client.briefings.acknowledgeRequest({ briefingId: 'brf/1' }), { method: 'POST', path: 'briefings/brf%2F1/acknowledgements', body: {} });
  });

  it('is delivered once however often the outbox sends it: the same Idempotency-Key each time, the first acknowledgement (201) then the same one (200)', async () => {
    const seen: { path: string; key: string | null; body: string }[] = [];
    server.use(
      http.post(`${base}/briefings/:briefingId/acknowledgements`, async ({ request }) => {
        seen.push({ path: new URL(request.url).pathname, key: request.headers.get('idempotency-key'), body: await request.text() });
        return HttpResponse.json(acknowledgement, { status: seen.length === 1 ? 201 : 200 });
      }),
    );
    const item = queuedItem(client.briefings.acknowledgeRequest({ briefingId: 'brf/1' }), 'ack-key-1');
    assert.deepEqual([await client.checks.sendQueued(item), await client.checks.sendQueued(item)], [201, 200]);
    assert.deepEqual(
      seen.map((request) => [request.path, request.key, request.body]),
      [
        ['/v1/briefings/brf%2F1/acknowledgements', 'ack-key-1', '{}'],
        ['/v1/briefings/brf%2F1/acknowledgements', 'ack-key-1', '{}'],
      ],
    );
  });

  it('sends what acknowledge sends when it goes at once, so queued and direct acknowledgements are the same request', async () => {
    const bodies: string[] = [];
    server.use(
      http.post(`${base}/briefings/:briefingId/acknowledgements`, async ({ request }) => {
        bodies.push(`${new URL(request.url).pathname} ${await request.text()}`);
        return HttpResponse.json(acknowledgement, { status: 201 });
      }),
    );
    assert.deepEqual(await client.briefings.acknowledge({ briefingId: 'brf/1' }), acknowledgement);
    await client.checks.sendQueued(queuedItem(client.briefings.acknowledgeRequest({ briefingId: 'brf/1' }), 'ack-key-2'));
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0], bodies[1]);
  });

  it('throws the refusal of a briefing not for the officer as NotFoundError, for the outbox to park it', async () => {
    server.use(http.post(`${base}/briefings/:briefingId/acknowledgements`, () => HttpResponse.json({ title: 'Not found', status: 404, code: 'briefing_not_found' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } })));
    await assert.rejects(client.checks.sendQueued(queuedItem(client.briefings.acknowledgeRequest({ briefingId: 'brf/1' }), 'ack-key-3')), (error: unknown) => error instanceof NotFoundError && error.code === 'briefing_not_found');
  });
});
