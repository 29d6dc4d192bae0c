import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Briefing } from '@blauw/core';
import { fakeConversation, fakeMessagingClient } from '../testing/fake-messaging-client.js';
import { MessagingFeed, type BriefingStreamEvent } from './messaging-feed.js';

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
