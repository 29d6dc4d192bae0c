import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Conversation, Message, Problem, ReadReceipt, page, type MessageInput } from '@blauw/core';
import { createFixedClock, type FixedClock } from '../src/domain/clock.js';
import { startMockServer, type MockServer } from '../src/server.js';
import { SseReader } from './support/sse-reader.js';

// Messaging over real HTTP, on loopback. Every server runs on a fixed clock moved by hand, so a
// resend "eight days later" is eight days on the server's clock, not in the test's time.

const NOW = '2027-03-06T22:00:00+01:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const officer = { Authorization: 'Bearer dev-officer' };
const supervisor = { Authorization: 'Bearer dev-supervisor' };
const ConversationPage = page(Conversation);
const MessagePage = page(Message);
const TEAM = 'conv-team-noord';

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string> = officer) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `messaging-${++keys}`, ...headers }, body: JSON.stringify(body) });

async function problemOf(response: Response, status: number, code: string): Promise<Problem> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  const document = Problem.parse(await response.json());
  assert.equal(document.code, code);
  return document;
}

/** A UUID (version 4 shape) numbered `n`, so tests read which message is which. */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function openStream(v1: string, headers: Record<string, string>): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(`${v1}/messaging/stream`, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  return new SseReader(response, controller);
}

describe('conversations and messages over HTTP', () => {
  let server: MockServer;
  let clock: FixedClock;
  let v1: string;
  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('lists only the signed-in officer’s conversations, names a one-to-one by the other, and hides another’s (404)', async () => {
    const list = ConversationPage.parse(await (await fetch(`${v1}/conversations`, { headers: officer })).json());
    assert.deepEqual(list.items.map((conversation) => conversation.id).sort(), ['conv-direct-1', 'conv-services-feesten', 'conv-team-noord']);
    const direct = list.items.find((conversation) => conversation.id === 'conv-direct-1');
    assert.equal(direct?.kind, 'direct');
    assert.equal(direct?.title, direct?.participants.find((participant) => participant.id !== 'officer-01')?.displayName);
    assert.equal(direct?.unreadCount, 0, 'the officer answered the last message');
    assert.ok(list.items.find((conversation) => conversation.id === 'conv-services-feesten')?.participants.some((participant) => participant.kind === 'service'));
    await problemOf(await fetch(`${v1}/conversations/conv-direct-2`, { headers: officer }), 404, 'conversation_not_found');
    await problemOf(await fetch(`${v1}/conversations/conv-direct-2/messages`, { headers: officer }), 404, 'conversation_not_found');
    await problemOf(await post(`${v1}/conversations/conv-direct-2/messages`, { clientId: uuid(1), text: 'Hallo' }), 404, 'conversation_not_found');
  });

  it('stores a message (201) with id, sentAt and the next sequence; a resend answers the first (200), also 8 days later; a changed body is refused (409)', async () => {
    const before = Conversation.parse(await (await fetch(`${v1}/conversations/${TEAM}`, { headers: officer })).json());
    const input: MessageInput = { clientId: uuid(10), text: 'Ter plaatse aan de markt.\nAlles rustig.', priority: true, position: { lat: 51.03, lon: 4.1, accuracy: 12, at: '2027-03-06T21:59:30+01:00' } };
    const created = await post(`${v1}/conversations/${TEAM}/messages`, input);
    assert.equal(created.status, 201);
    const message = Message.parse(await created.json());
    assert.equal(message.sequence, before.lastSequence + 1);
    assert.equal(message.senderId, 'officer-01');
    assert.equal(message.sentAt, NOW);
    assert.equal(message.priority, true);
    assert.deepEqual(message.position, input.position);

    const again = await post(`${v1}/conversations/${TEAM}/messages`, input);
    assert.equal(again.status, 200);
    assert.deepEqual(Message.parse(await again.json()), message);
    clock.advance(8 * DAY_MS);
    const late = await post(`${v1}/conversations/${TEAM}/messages`, input);
    assert.equal(late.status, 200, 'the client id outlives the Idempotency-Key’s 24 hours');
    assert.equal(Message.parse(await late.json()).id, message.id);

    const changed = await problemOf(await post(`${v1}/conversations/${TEAM}/messages`, { ...input, text: 'Anders' }), 409, 'client_id_reused');
    assert.equal(changed.errors?.[0]?.pointer, '/clientId');
    await problemOf(await post(`${v1}/conversations/conv-direct-1/messages`, input), 409, 'client_id_reused');
    const all = MessagePage.parse(await (await fetch(`${v1}/conversations/${TEAM}/messages?limit=200`, { headers: officer })).json());
    assert.equal(all.items.filter((item) => item.clientId === input.clientId).length, 1, 'never stored twice');
  });

  it('keeps the messages in order of sequence, 1, 2, 3 … without gaps, across pages', async () => {
    for (let index = 0; index < 5; index++) assert.equal((await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(100 + index), text: `Bericht ${index}` })).status, 201);
    const first = MessagePage.parse(await (await fetch(`${v1}/conversations/${TEAM}/messages?limit=3`, { headers: officer })).json());
    assert.ok(first.nextCursor);
    const rest = MessagePage.parse(await (await fetch(`${v1}/conversations/${TEAM}/messages?limit=200&cursor=${first.nextCursor}`, { headers: officer })).json());
    const all = [...first.items, ...rest.items];
    assert.deepEqual(all.map((item) => item.sequence), all.map((_, index) => index + 1));
    assert.deepEqual(all.slice(-5).map((item) => item.text), ['Bericht 0', 'Bericht 1', 'Bericht 2', 'Bericht 3', 'Bericht 4']);
  });

  it('refuses a text over 4000 characters, control characters and an empty message (400), and photos not uploaded (422)', async () => {
    const tooLong = await problemOf(await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(200), text: 'x'.repeat(4001) }), 400, 'validation_failed');
    assert.equal(tooLong.errors?.[0]?.pointer, '/text');
    await problemOf(await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(201), text: 'bel\u0007' }), 400, 'validation_failed');
    await problemOf(await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(202), text: '  ' }), 400, 'validation_failed');
    const photo = await problemOf(await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(203), text: 'Foto', attachments: [uuid(9000)] }), 422, 'message_attachment_invalid');
    assert.equal(photo.errors?.[0]?.pointer, '/attachments/0');
    assert.equal((await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(204), text: 'Tab\tem regel\nok' })).status, 201, 'line breaks and tabs are text');
  });

  it('carries a photo uploaded in chunks like a check photo', async () => {
    const photoId = uuid(300);
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => [0xff, 0xd8, 0xff][index] ?? index % 251);
    const put = await fetch(`${v1}/check-photos/${photoId}`, { method: 'PUT', headers: { ...officer, 'Content-Type': 'image/jpeg', 'Content-Range': 'bytes 0-999/1000' }, body: bytes });
    assert.equal(put.status, 201);
    const created = await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(301), text: '', attachments: [photoId] });
    assert.equal(created.status, 201);
    assert.deepEqual(Message.parse(await created.json()).attachments, [{ photoId, size: 1000, mediaType: 'image/jpeg' }]);
  });

  it('gives a message’s photo, byte for byte as a JPEG kept privately for good, to the conversation’s participants only (others 404, anonymous 401)', async () => {
    const upload = async (photoId: string, bytes: Uint8Array<ArrayBuffer>) => {
      const range = `bytes 0-${bytes.length - 1}/${bytes.length}`;
      const put = await fetch(`${v1}/check-photos/${photoId}`, { method: 'PUT', headers: { ...officer, 'Content-Type': 'image/jpeg', 'Content-Range': range }, body: bytes });
      assert.equal(put.status, 201);
    };
    const jpeg = Uint8Array.from({ length: 600 }, (_, index) => [0xff, 0xd8, 0xff][index] ?? (index * 7) % 256);
    const teamPhoto = uuid(310);
    await upload(teamPhoto, jpeg);
    const team = Message.parse(await (await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(311), text: 'Schade aan de gevel', attachments: [teamPhoto] })).json());
    const url = `${v1}/conversations/${TEAM}/messages/${team.id}/photos/${teamPhoto}`;

    for (const headers of [officer, supervisor]) {
      const response = await fetch(url, { headers });
      assert.equal(response.status, 200, 'the sender and another participant');
      assert.equal(response.headers.get('content-type'), 'image/jpeg');
      assert.equal(response.headers.get('cache-control'), 'private, max-age=31536000, immutable');
      assert.match(response.headers.get('vary') ?? '', /authorization/i, 'one sign-in’s cached photo is not another’s');
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), jpeg);
    }

    // The supervisor is not in the one-to-one: its photo does not exist for them, nor its conversation.
    const directPhoto = uuid(312);
    await upload(directPhoto, jpeg);
    const direct = Message.parse(await (await post(`${v1}/conversations/conv-direct-1/messages`, { clientId: uuid(313), text: '', attachments: [directPhoto] })).json());
    await problemOf(await fetch(`${v1}/conversations/conv-direct-1/messages/${direct.id}/photos/${directPhoto}`, { headers: supervisor }), 404, 'conversation_not_found');
    // A photo named under a message that does not carry it, or under a conversation it is not in.
    await problemOf(await fetch(`${v1}/conversations/${TEAM}/messages/${team.id}/photos/${directPhoto}`, { headers: officer }), 404, 'not_found');
    await problemOf(await fetch(`${v1}/conversations/${TEAM}/messages/${direct.id}/photos/${directPhoto}`, { headers: officer }), 404, 'not_found');
    await problemOf(await fetch(`${v1}/conversations/${TEAM}/messages/${team.id}/photos/not-a-uuid`, { headers: officer }), 404, 'not_found');
    const anonymous = await fetch(url);
    assert.equal(anonymous.status, 401);
  });

  it('seeds the one-to-one conversation with a photo its participants can download as a JPEG, and nobody else', async () => {
    const messages = MessagePage.parse(await (await fetch(`${v1}/conversations/conv-direct-1/messages`, { headers: officer })).json()).items;
    const withPhoto = messages.find((message) => message.attachments.length > 0);
    assert.ok(withPhoto, 'a seeded message carries a photo');
    const [attachment] = withPhoto.attachments;
    assert.equal(attachment?.mediaType, 'image/jpeg');
    const url = `${v1}/conversations/conv-direct-1/messages/${withPhoto.id}/photos/${attachment?.photoId}`;
    const response = await fetch(url, { headers: officer });
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(bytes.length, attachment?.size);
    assert.deepEqual([...bytes.slice(0, 3)], [0xff, 0xd8, 0xff]);
    await problemOf(await fetch(url, { headers: supervisor }), 404, 'conversation_not_found');
  });

  it('marks read up to a message: the messages show who read them, a lower mark changes nothing, beyond the last is refused', async () => {
    const sent = Message.parse(await (await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(400), text: 'Lees je mee?' })).json());
    const supervisorView = Conversation.parse(await (await fetch(`${v1}/conversations/${TEAM}`, { headers: supervisor })).json());
    assert.ok(supervisorView.unreadCount > 0);
    clock.advance(60_000);
    const receipt = await post(`${v1}/conversations/${TEAM}/read`, { sequence: sent.sequence }, supervisor);
    assert.equal(receipt.status, 200);
    const read = ReadReceipt.parse(await receipt.json());
    assert.deepEqual({ participantId: read.participantId, readUpTo: read.readUpTo }, { participantId: 'sup-01', readUpTo: sent.sequence });
    const messages = MessagePage.parse(await (await fetch(`${v1}/conversations/${TEAM}/messages?limit=200`, { headers: officer })).json()).items;
    assert.deepEqual(messages.find((message) => message.id === sent.id)?.readBy, [{ participantId: 'sup-01', readAt: read.readAt }]);
    assert.ok(messages.filter((message) => message.senderId !== 'sup-01').every((message) => message.readBy.some((reader) => reader.participantId === 'sup-01')));
    assert.equal(Conversation.parse(await (await fetch(`${v1}/conversations/${TEAM}`, { headers: supervisor })).json()).unreadCount, 0);
    const lower = ReadReceipt.parse(await (await post(`${v1}/conversations/${TEAM}/read`, { sequence: 1 }, supervisor)).json());
    assert.equal(lower.readUpTo, sent.sequence);
    await problemOf(await post(`${v1}/conversations/${TEAM}/read`, { sequence: sent.sequence + 50 }, supervisor), 422, 'read_sequence_unknown');
  });

  it('lets another participant send through the dev control, and refuses a bad request or a conversation they are not in', async () => {
    const devServer = await startMockServer({ port: 0, clock: createFixedClock(NOW), devControls: true });
    try {
      const send = (body: unknown) => fetch(`${devServer.url}/__blauw/messaging/send`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const sent = await send({ conversationId: 'conv-direct-1', senderId: 'officer-02', text: 'Ben onderweg', priority: true });
      assert.equal(sent.status, 201);
      assert.deepEqual(Message.parse(await sent.json()).senderId, 'officer-02');
      await problemOf(await send({ conversationId: 'conv-direct-1' }), 400, 'validation_failed');
      await problemOf(await send({ conversationId: 'conv-direct-2', senderId: 'officer-01', text: 'x' }), 404, 'conversation_not_found');
    } finally {
      await devServer.close();
    }
    assert.equal((await fetch(`${server.url}/__blauw/messaging/send`, { method: 'POST' })).status, 404, 'no dev controls unless asked for');
  });

  it('refuses anonymous callers (401), as a citizen has no token', async () => {
    for (const path of ['/conversations', `/conversations/${TEAM}/messages`, '/messaging/stream']) assert.equal((await fetch(`${v1}${path}`)).status, 401);
    const write = await fetch(`${v1}/conversations/${TEAM}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'anon-1' }, body: JSON.stringify({ clientId: uuid(500), text: 'x' }) });
    assert.equal(write.status, 401);
  });
});

describe('the messaging stream over HTTP', () => {
  let server: MockServer;
  let v1: string;
  before(async () => {
    server = await startMockServer({ port: 0, clock: createFixedClock(NOW), heartbeatMs: 50 });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('sends retry: first, then message.created and message.read to the participants, and heartbeats', async () => {
    const stream = await openStream(v1, supervisor);
    try {
      const sent = Message.parse(await (await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(600), text: 'Live' })).json());
      await post(`${v1}/conversations/${TEAM}/read`, { sequence: sent.sequence }, supervisor);
      const receiptOf = (frame: { event?: string; data?: string }) => (frame.event === 'message.read' ? ReadReceipt.parse(JSON.parse(frame.data ?? '')) : undefined);
      await stream.until((reader) => reader.events.some((frame) => receiptOf(frame)?.participantId === 'sup-01') && reader.frames.some((frame) => frame.comment === 'heartbeat'));
      assert.deepEqual(stream.frames[0], { retry: '2000' });
      const [created, ...rest] = stream.events;
      assert.equal(created?.event, 'message.created');
      assert.deepEqual(Message.parse(JSON.parse(created?.data ?? '')), sent);
      // Sending counts as reading what came before: the sender's mark moved (officer-01), then the supervisor read.
      assert.deepEqual(rest.map((frame) => `${frame.event} ${receiptOf(frame)?.participantId}`), ['message.read officer-01', 'message.read sup-01']);
      assert.ok(rest.every((frame) => Number(frame.id) > Number(created?.id)));
    } finally {
      await stream.close();
    }
  });

  it('stops reading the journal once the client goes away', async () => {
    const stream = await openStream(v1, officer);
    await stream.until((reader) => reader.frames.length >= 1);
    assert.ok(server.zone.messaging.journal.openStreams >= 1);
    await stream.close();
    const deadline = performance.now() + 2000;
    while (server.zone.messaging.journal.openStreams > 0) {
      if (performance.now() > deadline) assert.fail(`${server.zone.messaging.journal.openStreams} streams still open`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('does not carry messages of conversations the user is not in', async () => {
    const stream = await openStream(v1, officer);
    try {
      // The dev control's path, in-process: a participant of conv-direct-2 writes in it.
      server.zone.messaging.send('officer-04', 'conv-direct-2', { clientId: uuid(700), text: 'Niet voor jou' });
      server.zone.messaging.send('officer-02', 'conv-direct-1', { clientId: uuid(701), text: 'Voor jou' });
      await stream.until((reader) => reader.events.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const created = stream.events.filter((frame) => frame.event === 'message.created');
      assert.deepEqual(created.map((frame) => JSON.parse(frame.data ?? '').text), ['Voor jou']);
      assert.ok(stream.events.every((frame) => JSON.parse(frame.data ?? '').conversationId === 'conv-direct-1'));
    } finally {
      await stream.close();
    }
  });

  it('replays every event after Last-Event-ID, in order, and resets for an id it never gave', async () => {
    const first = await openStream(v1, supervisor);
    let lastId: string;
    try {
      await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(800), text: 'Eén' });
      await first.until((reader) => reader.events.length >= 1);
      lastId = first.events.at(-1)?.id ?? '';
    } finally {
      await first.close();
    }
    // While nobody listens:
    for (let index = 1; index <= 3; index++) await post(`${v1}/conversations/${TEAM}/messages`, { clientId: uuid(800 + index), text: `Gemist ${index}` });
    const controller = new AbortController();
    const resumed = new SseReader(await fetch(`${v1}/messaging/stream`, { headers: { ...supervisor, 'Last-Event-ID': lastId }, signal: controller.signal }), controller);
    try {
      await resumed.until((reader) => reader.events.length >= 3);
      assert.deepEqual(resumed.events.map((frame) => JSON.parse(frame.data ?? '').text), ['Gemist 1', 'Gemist 2', 'Gemist 3']);
      const sequences = resumed.events.map((frame) => Message.parse(JSON.parse(frame.data ?? '')).sequence);
      assert.deepEqual(sequences, [sequences[0]!, sequences[0]! + 1, sequences[0]! + 2]);
    } finally {
      await resumed.close();
    }
    const unknownController = new AbortController();
    const unknown = new SseReader(await fetch(`${v1}/messaging/stream`, { headers: { ...supervisor, 'Last-Event-ID': '42' }, signal: unknownController.signal }), unknownController);
    try {
      await unknown.until((reader) => reader.events.length >= 1);
      assert.equal(unknown.events[0]?.event, 'reset');
      assert.equal(JSON.parse(unknown.events[0]?.data ?? '').reason, 'unknown_id');
    } finally {
      await unknown.close();
    }
  });
});
