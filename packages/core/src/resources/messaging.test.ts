import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient } from '../client.js';
import { ConflictError, ForbiddenError, NotFoundError, ResponseShapeError, ValidationError } from '../errors.js';
import { createMessagingClient } from '../messaging-client.js';
import type { Briefing, Message } from '../schemas/messaging.js';
import { base, useMockApi } from '../testing/mock-api.js';
import type { MessagingStreamEvent } from './messaging.js';

// client.messaging and client.briefings against msw: the paths and bodies they send, what they
// make of the answers (201/200, problems), and the stream's typed events.

const server = useMockApi();
const client = createClient({ baseUrl: base, getToken: () => 'token', retry: { limit: 0 } });

const CLIENT_ID = '3f2b8c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e';
const message: Message = {
  id: 'msg-1',
  clientId: CLIENT_ID,
  conversationId: 'conv/1',
  sequence: 7,
  senderId: 'officer-01',
  sentAt: '2027-03-06T22:00:00+01:00',
  priority: false,
  text: 'Ter plaatse.',
  attachments: [],
  position: null,
  readBy: [],
};
const briefing: Briefing = {
  id: 'brf-1',
  title: 'Gezocht voertuig',
  text: 'Grijze bestelwagen.',
  priority: true,
  audience: { kind: 'team', teamId: 'team-a' },
  validFrom: '2027-03-06T13:00:00+01:00',
  validUntil: '2027-03-06T22:00:00+01:00',
  publishedAt: '2027-03-06T12:55:00+01:00',
  publishedBy: { id: 'sup-01', displayName: 'Commissaris X', kind: 'supervisor' },
  attachments: [],
  acknowledgedAt: null,
};
const problem = (status: number, code: string) => HttpResponse.json({ title: code, status, code }, { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('client.messaging', () => {
  it('sends a message to its conversation’s path (id encoded) and tells a resend (200) from a new one (201)', async () => {
    const seen: { path: string; body: unknown; key: string | null }[] = [];
    let stored = false;
    server.use(
      http.post(`${base}/conversations/:conversationId/messages`, async ({ request }) => {
        seen.push({ path: new URL(request.url).pathname, body: await request.json(), key: request.headers.get('idempotency-key') });
        const status = stored ? 200 : 201;
        stored = true;
        return HttpResponse.json(message, { status });
      }),
    );
    const first = await client.messaging.send({ conversationId: 'conv/1', clientId: CLIENT_ID, text: 'Ter plaatse.' });
    const again = await client.messaging.send({ conversationId: 'conv/1', clientId: CLIENT_ID, text: 'Ter plaatse.' });
    assert.deepEqual([first.resent, again.resent], [false, true]);
    assert.deepEqual(first.message, message);
    assert.equal(seen[0]?.path, '/v1/conversations/conv%2F1/messages');
    assert.deepEqual(seen[0]?.body, { clientId: CLIENT_ID, text: 'Ter plaatse.' }, 'no undefined members, no conversationId in the body');
    assert.ok(seen[0]?.key, 'an Idempotency-Key goes with it');
  });

  it('gives the outbox the request to queue: POST, the encoded path and the body only', () => {
    const position = { lat: 51.03, lon: 4.1, accuracy: 8, at: '2027-03-06T21:59:00+01:00' };
    assert.deepEqual(client.messaging.sendRequest({ conversationId: 'conv/1', clientId: CLIENT_ID, text: '', attachments: ['a'], position, priority: true }), {
      method: 'POST',
      path: 'conversations/conv%2F1/messages',
      body: { clientId: CLIENT_ID, text: '', attachments: ['a'], position, priority: true },
    });
  });

  it('types the refusals: a reused client id, a conversation not the user’s, an attachment not uploaded', async () => {
    server.use(
      http.post(`${base}/conversations/reused/messages`, () => problem(409, 'client_id_reused')),
      http.post(`${base}/conversations/other/messages`, () => problem(404, 'conversation_not_found')),
      http.post(`${base}/conversations/photo/messages`, () => problem(422, 'message_attachment_invalid')),
    );
    const input = { clientId: CLIENT_ID, text: 'x' };
    await assert.rejects(client.messaging.send({ ...input, conversationId: 'reused' }), (error: unknown) => error instanceof ConflictError && error.code === 'client_id_reused');
    await assert.rejects(client.messaging.send({ ...input, conversationId: 'other' }), (error: unknown) => error instanceof NotFoundError && error.code === 'conversation_not_found');
    await assert.rejects(client.messaging.send({ ...input, conversationId: 'photo' }), (error: unknown) => error instanceof ValidationError && error.code === 'message_attachment_invalid');
  });

  it('marks a conversation read up to a sequence and lists its messages', async () => {
    let body: unknown;
    server.use(
      http.post(`${base}/conversations/conv-1/read`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ conversationId: 'conv-1', participantId: 'officer-01', readUpTo: 7, readAt: '2027-03-06T22:01:00+01:00' });
      }),
      http.get(`${base}/conversations/conv-1/messages`, ({ request }) => {
        assert.equal(new URL(request.url).searchParams.get('limit'), '5');
        return HttpResponse.json({ items: [message], nextCursor: null });
      }),
    );
    assert.equal((await client.messaging.markRead({ conversationId: 'conv-1', sequence: 7 })).readUpTo, 7);
    assert.deepEqual(body, { sequence: 7 });
    assert.deepEqual((await client.messaging.messages({ conversationId: 'conv-1', limit: 5 })).items, [message]);
  });

  it('downloads a message’s photo as a JPEG Blob on its encoded path, signed in, retried after a 503', async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0xff, 0xd9]);
    const seen: { path: string; accept: string | null; auth: string | null }[] = [];
    server.use(
      http.get(`${base}/conversations/:conversationId/messages/:messageId/photos/:photoId`, ({ request }) => {
        seen.push({ path: new URL(request.url).pathname, accept: request.headers.get('accept'), auth: request.headers.get('authorization') });
        if (seen.length === 1) return problem(503, 'service_unavailable');
        return new HttpResponse(jpeg, { headers: { 'Content-Type': 'image/jpeg' } });
      }),
    );
    const retrying = createClient({ baseUrl: base, getToken: () => 'token', retry: { limit: 1, backoffLimit: 1 } });
    const photo = await retrying.messaging.photo({ conversationId: 'conv/1', messageId: 'msg-1', photoId: CLIENT_ID });
    assert.ok(photo instanceof Blob);
    assert.equal(photo.type, 'image/jpeg');
    assert.deepEqual(new Uint8Array(await photo.arrayBuffer()), jpeg, 'byte for byte, not read as text');
    assert.equal(seen.length, 2);
    assert.equal(seen[1]?.path, `/v1/conversations/conv%2F1/messages/msg-1/photos/${CLIENT_ID}`);
    assert.match(seen[1]?.accept ?? '', /^image\/jpeg, application\/problem\+json/);
    assert.equal(seen[1]?.auth, 'Bearer token');
  });

  it('types a photo the user may not see as NotFoundError, and an answer that is no JPEG as ResponseShapeError', async () => {
    server.use(
      http.get(`${base}/conversations/other/messages/msg-1/photos/:photoId`, () => problem(404, 'conversation_not_found')),
      http.get(`${base}/conversations/proxy/messages/msg-1/photos/:photoId`, () => new HttpResponse('<!doctype html><title>Sign in</title>', { headers: { 'Content-Type': 'text/html' } })),
    );
    const ids = { messageId: 'msg-1', photoId: CLIENT_ID };
    await assert.rejects(client.messaging.photo({ conversationId: 'other', ...ids }), (error: unknown) => error instanceof NotFoundError && error.code === 'conversation_not_found');
    await assert.rejects(client.messaging.photo({ conversationId: 'proxy', ...ids }), (error: unknown) => error instanceof ResponseShapeError && /text\/html bytes instead of image\/jpeg/.test(error.message));
  });

  it('streams typed events from messaging/stream, skipping kinds it does not know', async () => {
    const frames = [
      `retry: 10\n\n`,
      `event: message.created\nid: 11\ndata: ${JSON.stringify(message)}\n\n`,
      `event: message.deleted\nid: 12\ndata: {}\n\n`,
      `event: message.read\nid: 13\ndata: ${JSON.stringify({ conversationId: 'conv/1', participantId: 'sup-01', readUpTo: 7, readAt: '2027-03-06T22:02:00+01:00' })}\n\n`,
      `event: briefing.published\nid: 14\ndata: ${JSON.stringify(briefing)}\n\n`,
      `event: briefing.acknowledged\nid: 15\ndata: ${JSON.stringify({ briefingId: 'brf-1', officerId: 'officer-01', acknowledgedAt: '2027-03-06T22:03:00+01:00' })}\n\n`,
    ];
    server.use(http.get(`${base}/messaging/stream`, () => new HttpResponse(frames.join(''), { headers: { 'Content-Type': 'text/event-stream' } })));
    const stream = client.messaging.stream();
    const events: MessagingStreamEvent[] = [];
    for await (const event of stream) {
      events.push(event);
      if (events.length === 4) stream.close();
    }
    assert.deepEqual(
      events.map((event) => `${event.type} ${event.id}`),
      ['message.created 11', 'message.read 13', 'briefing.published 14', 'briefing.acknowledged 15'],
    );
    const [created] = events;
    assert.equal(created?.type === 'message.created' ? created.message.text : undefined, 'Ter plaatse.');
  });

  it('stops the stream with ResponseShapeError on a message it cannot read', async () => {
    server.use(http.get(`${base}/messaging/stream`, () => new HttpResponse(`event: message.created\nid: 1\ndata: {"id":1}\n\n`, { headers: { 'Content-Type': 'text/event-stream' } })));
    await assert.rejects(
      (async () => {
        for await (const event of client.messaging.stream()) assert.fail(`unexpected ${event.type}`);
      })(),
      ResponseShapeError,
    );
  });
});

describe('client.briefings', () => {
  it('lists, acknowledges, publishes and reads the status on their paths', async () => {
    const calls: string[] = [];
    let published: unknown;
    server.use(
      http.get(`${base}/briefings`, () => HttpResponse.json({ items: [briefing], nextCursor: null })),
      http.post(`${base}/briefings/brf-1/acknowledgements`, ({ request }) => {
        calls.push(`ack ${request.headers.get('idempotency-key') === null ? 'without' : 'with'} key`);
        return HttpResponse.json({ briefingId: 'brf-1', officerId: 'officer-01', acknowledgedAt: '2027-03-06T22:03:00+01:00' }, { status: 201 });
      }),
      http.post(`${base}/briefings`, async ({ request }) => {
        published = await request.json();
        return HttpResponse.json(briefing, { status: 201 });
      }),
      http.get(`${base}/briefings/brf-1/status`, () =>
        HttpResponse.json({ briefingId: 'brf-1', teams: [{ teamId: 'team-a', name: 'Team A', acknowledged: [], pending: [{ officerId: 'officer-02', displayName: 'B' }] }] }),
      ),
    );
    const { messaging, briefings } = createMessagingClient({ baseUrl: base, getToken: () => 'token', retry: { limit: 0 } });
    assert.ok(messaging);
    assert.deepEqual((await briefings.list()).items, [briefing]);
    assert.equal((await briefings.acknowledge({ briefingId: 'brf-1' })).officerId, 'officer-01');
    assert.deepEqual(calls, ['ack with key']);
    const { title, text, audience, validFrom, validUntil } = briefing;
    assert.equal((await briefings.publish({ title, text, audience, validFrom, validUntil })).id, 'brf-1');
    assert.deepEqual(published, { title, text, audience, validFrom, validUntil });
    assert.deepEqual((await briefings.status({ briefingId: 'brf-1' })).teams[0]?.pending, [{ officerId: 'officer-02', displayName: 'B' }]);
  });

  it('types a refusal to publish as ForbiddenError', async () => {
    server.use(http.post(`${base}/briefings`, () => problem(403, 'forbidden')));
    const { title, text, audience, validFrom, validUntil } = briefing;
    await assert.rejects(client.briefings.publish({ title, text, audience, validFrom, validUntil }), ForbiddenError);
  });
});
