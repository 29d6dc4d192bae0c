import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from '@blauw/core';
import { mergeMessages, readMarks, readersOf } from './thread-rules.js';

const message = (sequence: number, overrides: Partial<Message> = {}): Message => ({
  id: `msg-${sequence}`,
  clientId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  conversationId: 'conv-1',
  sequence,
  senderId: 'off-1',
  sentAt: new Date(Date.UTC(2026, 10, 30, 8, sequence)).toISOString(),
  priority: false,
  text: `bericht ${sequence}`,
  attachments: [],
  position: null,
  readBy: [],
  ...overrides,
});

describe('a thread’s messages', () => {
  it('keeps them in order by sequence whatever order they arrive in', () => {
    const { messages, added } = mergeMessages([message(1), message(2)], [message(5), message(3), message(4)]);
    assert.deepEqual(messages.map((m) => m.sequence), [1, 2, 3, 4, 5]);
    assert.deepEqual(added.map((m) => m.sequence), [3, 4, 5]);
  });

  it('shows a message once when the stream replays it after a reconnect or a page overlaps it', () => {
    const held = [message(1), message(2)];
    const { messages, added } = mergeMessages(held, [message(2), message(2), message(3), message(3)]);
    assert.deepEqual(messages.map((m) => m.id), ['msg-1', 'msg-2', 'msg-3']);
    assert.equal(added.length, 1);
    assert.equal(mergeMessages(messages, [message(1)]).messages, messages, 'nothing new: the same array');
  });
});

describe('read receipts', () => {
  it('name who read a message besides its sender, with marks that only move forward', () => {
    const thread = [message(1, { readBy: [{ participantId: 'sup-01', readAt: '2026-11-30T08:05:00Z' }] }), message(2)];
    const marks = readMarks(thread, [{ participantId: 'off-2', readUpTo: 2 }, { participantId: 'sup-01', readUpTo: 0 }]);
    assert.deepEqual(readersOf(thread[0]!, marks).sort(), ['off-2', 'sup-01']);
    assert.deepEqual(readersOf(thread[1]!, marks), ['off-2']);
  });
});
