import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { MessagingJournal } from './messaging-journal.js';
import { createZone } from './zone.js';

// The messaging rules without HTTP, on a fixed clock: client ids kept for good, sequences, read
// marks, and the journal the live streams resume from.

const NOW = '2027-03-06T22:00:00+01:00';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const refusedWith = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

function zone() {
  const clock = createFixedClock(NOW);
  return { clock, zone: createZone({ seed: 1, clock }) };
}

describe('the messaging desk', () => {
  it('numbers a conversation’s messages 1, 2, 3 … and journals each for its participants only', () => {
    const { zone: z } = zone();
    const before = z.messaging.journal.lastSeq;
    const first = z.messaging.send('officer-01', 'conv-direct-1', { clientId: uuid(1), text: 'Eén' }).message;
    const second = z.messaging.send('officer-02', 'conv-direct-1', { clientId: uuid(2), text: 'Twee' }).message;
    assert.deepEqual([first.sequence, second.sequence], [4, 5], 'after the three seeded messages');
    const events = z.messaging.journal.since(before) ?? [];
    // officer-02 answering counts as reading up to it: their read mark moves past officer-01's message.
    assert.deepEqual(events.map((event) => event.type), ['message.created', 'message.created', 'message.read']);
    assert.deepEqual([...(events[0]?.recipients ?? [])].sort(), ['officer-01', 'officer-02']);
  });

  it('answers a resend with the first message, even days later, and refuses a changed body, another sender or another conversation', () => {
    const { zone: z, clock } = zone();
    const input = { clientId: uuid(3), text: 'Ter plaatse', priority: true };
    const first = z.messaging.send('officer-01', 'conv-team-noord', input);
    clock.advance(30 * 24 * 60 * 60 * 1000);
    const again = z.messaging.send('officer-01', 'conv-team-noord', { ...input });
    assert.deepEqual([first.replayed, again.replayed], [false, true]);
    assert.equal(again.message.id, first.message.id);
    assert.throws(() => z.messaging.send('officer-01', 'conv-team-noord', { ...input, text: 'Anders' }), refusedWith('client_id_reused'));
    assert.throws(() => z.messaging.send('officer-02', 'conv-team-noord', input), refusedWith('client_id_reused'));
    assert.throws(() => z.messaging.send('officer-01', 'conv-direct-1', input), refusedWith('client_id_reused'));
    assert.throws(() => z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(3), text: 'Ter plaatse' }), refusedWith('client_id_reused'), 'priority is part of the body');
    assert.equal(z.messaging.listMessages('officer-01', 'conv-team-noord', { limit: 200 }).items.filter((message) => message.clientId === input.clientId).length, 1);
  });

  it('hides another’s conversation as not found', () => {
    const { zone: z } = zone();
    assert.throws(() => z.messaging.getConversation('officer-01', 'conv-direct-2'), refusedWith('conversation_not_found'));
    assert.throws(() => z.messaging.send('officer-01', 'conv-direct-2', { clientId: uuid(4), text: 'x' }), refusedWith('conversation_not_found'));
  });

  it('moves a read mark forward only, shows the reader on the messages, and counts what is unread', () => {
    const { zone: z, clock } = zone();
    z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(5), text: 'a' });
    z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(6), text: 'b' });
    assert.equal(z.messaging.getConversation('officer-02', 'conv-team-noord').unreadCount, 3);
    clock.advance(60_000);
    const receipt = z.messaging.markRead('officer-02', 'conv-team-noord', 2);
    assert.equal(receipt.readAt, '2027-03-06T22:01:00+01:00');
    assert.equal(z.messaging.getConversation('officer-02', 'conv-team-noord').unreadCount, 1);
    clock.advance(60_000);
    assert.deepEqual(z.messaging.markRead('officer-02', 'conv-team-noord', 1), receipt, 'a lower mark changes nothing');
    const messages = z.messaging.listMessages('officer-01', 'conv-team-noord', {}).items;
    assert.deepEqual(
      messages.map((message) => message.readBy.map((reader) => reader.participantId)),
      [['officer-01', 'officer-02'], ['officer-02'], []],
    );
    assert.throws(() => z.messaging.markRead('officer-02', 'conv-team-noord', 9), refusedWith('read_sequence_unknown'));
  });

  it('refuses an empty message and photos the sender did not upload completely', () => {
    const { zone: z } = zone();
    assert.throws(() => z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(7), text: ' \n' }), refusedWith('validation_failed'));
    z.checks.photos.putChunk('officer-01', uuid(8), { start: 0, total: 10, mediaType: 'image/jpeg', data: Uint8Array.from([0xff, 0xd8, 0xff, 1]) });
    assert.throws(() => z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(9), text: '', attachments: [uuid(8)] }), refusedWith('message_attachment_invalid'));
    assert.throws(() => z.messaging.send('officer-02', 'conv-team-noord', { clientId: uuid(10), text: '', attachments: [uuid(8)] }), refusedWith('message_attachment_invalid'));
    assert.equal(z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(11), text: '', position: { lat: 51, lon: 4, accuracy: 5, at: NOW } }).replayed, false);
  });

  it('starts over on a reset, keeping the journal’s ids increasing', () => {
    const { zone: z } = zone();
    z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(12), text: 'voor de reset' });
    const last = z.messaging.journal.lastSeq;
    z.reset();
    assert.equal(z.messaging.listMessages('officer-01', 'conv-team-noord', {}).items.length, 1);
    assert.equal(z.messaging.send('officer-01', 'conv-team-noord', { clientId: uuid(12), text: 'na de reset' }).replayed, false);
    assert.ok(z.messaging.journal.lastSeq > last);
    assert.deepEqual(z.messaging.journal.resume(String(last)), { ok: false, refusal: { reason: 'too_old', detail: `Event ${last} is no longer kept; fetch the conversations again.` } });
  });
});

describe('the messaging journal', () => {
  it('resumes after an id it gave, refuses one it never gave or no longer keeps', () => {
    const journal = new MessagingJournal({ base: 1000, retention: 3 });
    for (let index = 0; index < 5; index++) journal.append('message.created', ['a'], { index });
    const resumed = journal.resume('1003');
    assert.deepEqual(resumed.ok ? resumed.events.map((event) => event.id) : [], ['1004', '1005']);
    assert.equal(journal.resume('1005').ok, true);
    assert.deepEqual(journal.resume('1001'), { ok: false, refusal: { reason: 'too_old', detail: 'Event 1001 is no longer kept; fetch the conversations again.' } });
    for (const id of ['999', '1006', 'abc']) assert.equal((journal.resume(id) as { refusal?: { reason: string } }).refusal?.reason, 'unknown_id');
  });
});
