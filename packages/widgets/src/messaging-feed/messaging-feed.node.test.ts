import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Briefing } from '@blauw/core';
import type { ReactiveController } from 'lit';
import { fakeConversation, fakeMessagingClient } from '../testing/fake-messaging-client.js';
import { MessagingFeed, type BriefingStreamEvent } from './messaging-feed.js';
import { MessagingFeedController } from './messaging-feed-controller.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup() {
  const fake = fakeMessagingClient([
    { conversation: fakeConversation({ id: 'conv-1', updatedAt: '2026-11-29T07:00:00Z' }), messages: [] },
    { conversation: fakeConversation({ id: 'conv-2', updatedAt: '2026-11-29T06:00:00Z' }), messages: [] },
  ]);
  const feed = new MessagingFeed(fake, { schedule: (flush) => queueMicrotask(flush), graceMs: 0 });
  feed.connect();
  return { fake, feed };
}

describe('the messaging feed', () => {
  it('keeps a thread’s live messages once and in order, and counts others’ as unread', async () => {
    const { fake, feed } = setup();
    await tick();
    assert.equal([...feed.conversations.keys()][0], 'conv-1');
    await feed.load('conv-2');
    const first = fake.receive('conv-2', 'svc-fire', 'een');
    const second = fake.receive('conv-2', 'svc-fire', 'twee');
    // A replay after a reconnect, out of order.
    fake.streams[0]!.push({ type: 'message.created', id: '1', message: second }, { type: 'message.created', id: '2', message: first });
    await tick();
    assert.deepEqual(feed.thread('conv-2').map((message) => message.text), ['een', 'twee']);
    assert.equal(feed.conversations.get('conv-2')!.unreadCount, 2);
    assert.equal([...feed.conversations.keys()][0], 'conv-2', 'the most recently active first');
    feed.disconnect();
  });

  it('passes the stream’s briefing events on, for the briefings widget', async () => {
    const { fake, feed } = setup();
    const seen: BriefingStreamEvent[] = [];
    feed.addEventListener('briefing', (event) => seen.push(event.detail));
    await tick();
    const briefing = { id: 'b-1' } as Briefing;
    fake.streams[0]!.push({ type: 'briefing.published', id: '7', briefing });
    await tick();
    assert.deepEqual(seen, [{ type: 'briefing.published', id: '7', briefing }]);
    feed.disconnect();
  });

  it('says where it stands and stops with an error the person can retry', async () => {
    const { fake, feed } = setup();
    fake.offline = true;
    feed.retry();
    await tick();
    assert.equal(feed.state, 'error');
    fake.offline = false;
    feed.retry();
    await tick();
    assert.equal(feed.state, 'live');
    feed.disconnect();
  });
});

/** A widget as far as a controller sees it: counts its re-renders, connects and leaves on demand. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host = {
    updates: 0,
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => void (host.updates += 1),
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((controller) => controller.hostConnected?.()),
    leave: () => controllers.forEach((controller) => controller.hostDisconnected?.()),
  };
  return host;
}

/** The fake client, counting how often the conversations are listed. */
function countingClient() {
  const fake = fakeMessagingClient([{ conversation: fakeConversation({ id: 'conv-1' }), messages: [] }]);
  const conversations = fake.messaging.conversations as unknown as { all: (options: object) => AsyncIterable<unknown> };
  const all = conversations.all;
  const counted = { fake, conversationLoads: 0 };
  conversations.all = (options) => ((counted.conversationLoads += 1), all(options));
  // The feed of this client batches with a microtask and closes at once when left (node has no animation frames).
  MessagingFeed.for(fake, { schedule: (flush) => queueMicrotask(flush), graceMs: 0 });
  return counted;
}

describe('the messaging feed shared by the chat and the briefings', () => {
  it('opens one stream for a chat and a briefings list on one client', async () => {
    const { fake } = countingClient();
    const chat = fakeHost();
    const briefings = fakeHost();
    const chatFeed = new MessagingFeedController(chat, { client: { value: fake } });
    const briefingsFeed = new MessagingFeedController(briefings, { client: { value: fake }, conversations: false });
    chat.connect();
    briefings.connect();
    await tick();
    assert.equal(chatFeed.value, briefingsFeed.value);
    assert.equal(fake.streams.length, 1, 'one stream request for both widgets');
    assert.equal(chatFeed.value!.state, 'live');
    chat.leave();
    briefings.leave();
    await tick();
    assert.equal(fake.streams[0]!.closed, true, 'closed once both left');
  });

  it('loads no conversations for a briefings list alone, and loads them when a chat joins the live stream', async () => {
    const counted = countingClient();
    const briefings = fakeHost();
    const feed = new MessagingFeedController(briefings, { client: { value: counted.fake }, conversations: false });
    briefings.connect();
    await tick();
    assert.equal(counted.conversationLoads, 0);
    assert.equal(feed.value!.connection, 'live');
    const chat = fakeHost();
    new MessagingFeedController(chat, { client: { value: counted.fake } }).hostConnected();
    await tick();
    assert.equal(counted.conversationLoads, 1);
    assert.deepEqual([...feed.value!.conversations.keys()], ['conv-1']);
    assert.equal(counted.fake.streams.length, 1, 'the chat joined the stream that was open');
    briefings.leave();
  });

  it('tells its users to refetch when the stream first goes live and on a reset, not on a reconnect it resumes', async () => {
    const { fake } = countingClient();
    const briefings = fakeHost();
    const reasons: string[] = [];
    new MessagingFeedController(briefings, { client: { value: fake }, conversations: false, onRefetch: ({ reason }) => reasons.push(reason) });
    briefings.connect();
    await tick();
    assert.deepEqual(reasons, ['live']);
    const stream = fake.streams[0]!;
    stream.setState('reconnecting');
    stream.setState('live');
    assert.deepEqual(reasons, ['live'], 'a resumed stream misses nothing');
    stream.push({ type: 'reset', id: '9', reason: 'too_old', detail: '' });
    await tick();
    assert.deepEqual(reasons, ['live', 'reset']);
    briefings.leave();
  });

  it('says where the stream stands for a briefings list, apart from the conversations, and stopped when it fails', async () => {
    const { fake } = countingClient();
    const briefings = fakeHost();
    const feed = new MessagingFeedController(briefings, { client: { value: fake }, conversations: false });
    briefings.connect();
    await tick();
    const before = briefings.updates;
    fake.streams[0]!.setState('reconnecting');
    assert.equal(feed.value!.connection, 'reconnecting');
    assert.ok(briefings.updates > before, 'the widget re-renders');
    fake.streams[0]!.setState('offline');
    assert.equal(feed.value!.connection, 'offline');
    fake.streams[0]!.close();
    await tick();
    assert.equal(feed.value!.state, 'error');
    assert.equal(feed.value!.connection, 'stopped');
    feed.value!.retry();
    await tick();
    assert.equal(feed.value!.connection, 'live');
    assert.equal(fake.streams.length, 2);
    briefings.leave();
  });
});
