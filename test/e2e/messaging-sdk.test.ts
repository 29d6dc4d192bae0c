// client.messaging and client.briefings against the real blauw-mock-server process: 100 messages
// sent while requests fail, answers are lost after the server committed and the receiving stream
// is cut off at random; and the briefing acknowledgement round trip. Loopback only; waits are
// measured with performance.now(), never with the wall clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { NetworkError, ServerError, createMessagingClient, type Message, type MessagingClient, type MessagingStreamEvent, type SendMessageInput } from '@blauw/core';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

const NOW = '2027-03-06T13:30:00+01:00';
const TEAM = 'conv-team-noord';

const clientFor = (api: string, token: string): MessagingClient => createMessagingClient({ baseUrl: api, getToken: () => token, retry: 0 });

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sends as a field device does: the same message (same clientId) again after a failure with no
 * answer (dropped connection, lost answer, 503), each time under a new Idempotency-Key, so only
 * the client id can keep it from being stored twice. Counts the attempts that were resends.
 */
async function sendUntilAnswered(client: MessagingClient, input: SendMessageInput): Promise<{ message: Message; attempts: number; resent: boolean }> {
  for (let attempts = 1; attempts <= 30; attempts++) {
    try {
      const { message, resent } = await client.messaging.send({ ...input, idempotencyKey: randomUUID() });
      return { message, attempts, resent };
    } catch (error) {
      if (!(error instanceof NetworkError || error instanceof ServerError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  assert.fail(`message ${input.clientId} was never answered`);
}

describe('client.messaging against the real blauw-mock-server process', () => {
  describe('100 messages while connections drop', () => {
    let server: MockServerProcess;
    before(async () => {
      // 10 % of requests fail (503 or a dropped connection), 10 % of writes lose their answer after
      // the commit, and every stream is cut after 1 to 10 events.
      server = await startMockServerProcess(['--seed', '5', '--now', NOW, '--stream-chaos', '5', '--fail-rate', '0.1', '--drop-after-commit', '0.1', '--heartbeat', '1000']);
    });
    after(() => server.stop());

    it('a second participant’s stream gets each message exactly once, in order of sequence', async () => {
      const sender = clientFor(server.api, 'dev-officer');
      const receiver = clientFor(server.api, 'dev-supervisor');
      // The server's retry: 2000 is the backoff base; a random below 0.05 keeps each wait under 100 ms.
      const stream = receiver.messaging.stream({ backoff: { random: () => Math.random() * 0.05 } });
      let drops = 0;
      let previous = stream.state;
      stream.addEventListener('statechange', () => {
        if (previous === 'live' && stream.state === 'reconnecting') drops++;
        previous = stream.state;
      });
      const received: Message[] = [];
      const reading = (async () => {
        for await (const event of stream) if (event.type === 'message.created' && event.message.conversationId === TEAM) received.push(event.message);
      })();
      await until(() => stream.state === 'live', 'the stream to be live', 10_000);

      const sent: Message[] = [];
      let resends = 0;
      for (let index = 0; index < 100; index++) {
        const outcome = await sendUntilAnswered(sender, { conversationId: TEAM, clientId: randomUUID(), text: `Bericht ${index}`, priority: index % 10 === 0 });
        sent.push(outcome.message);
        if (outcome.attempts > 1) resends++;
      }
      await until(() => received.length >= sent.length, `100 messages on the stream (${received.length} so far)`, 60_000);
      // Anything late would be a duplicate: give it a moment to show up.
      await new Promise((resolve) => setTimeout(resolve, 300));
      stream.close();
      await reading;

      assert.ok(resends > 0, 'some sends were resent after a failure');
      assert.ok(drops > 5, `the stream was cut off and resumed (${drops} drops)`);
      assert.deepEqual(received.map((message) => message.text), sent.map((message) => message.text), 'each once, in the order sent');
      assert.equal(new Set(received.map((message) => message.clientId)).size, 100);
      const sequences = received.map((message) => message.sequence);
      assert.deepEqual(sequences, sequences.map((_, index) => (sequences[0] ?? 0) + index), 'consecutive sequences');
      // And the server stored each once (read with retries: the server still fails one request in ten).
      const reader = createMessagingClient({ baseUrl: server.api, getToken: () => 'dev-supervisor', retry: { limit: 10, backoffLimit: 200 } });
      const stored: Message[] = [];
      for await (const message of reader.messaging.messages.all({ conversationId: TEAM, limit: 200 })) stored.push(message);
      assert.equal(stored.filter((message) => message.text.startsWith('Bericht ')).length, 100);
    });
  });

  describe('live messages from others and the briefing acknowledgement round trip', () => {
    let server: MockServerProcess;
    before(async () => {
      server = await startMockServerProcess(['--seed', '5', '--now', NOW]);
    });
    after(() => server.stop());

    it('shows a message another participant sends (the dev control) live, then marks it read', async () => {
      const officer = clientFor(server.api, 'dev-officer');
      const [direct] = (await officer.messaging.conversations()).items.filter((conversation) => conversation.kind === 'direct');
      assert.ok(direct);
      const other = direct.participants.find((participant) => participant.id !== 'officer-01');
      assert.ok(other);
      const stream = officer.messaging.stream();
      const events: MessagingStreamEvent[] = [];
      const reading = (async () => {
        for await (const event of stream) events.push(event);
      })();
      await until(() => stream.state === 'live', 'the stream to be live', 10_000);
      const response = await fetch(`${server.origin}/__blauw/messaging/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: direct.id, senderId: other.id, text: 'Kom je naar de markt?', priority: true }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      await until(() => events.some((event) => event.type === 'message.created'), 'the message on the stream', 5000);
      const created = events.find((event) => event.type === 'message.created');
      assert.ok(created?.type === 'message.created');
      assert.deepEqual([created.message.senderId, created.message.text, created.message.priority], [other.id, 'Kom je naar de markt?', true]);
      assert.equal((await officer.messaging.conversation({ conversationId: direct.id })).unreadCount, 1);
      const receipt = await officer.messaging.markRead({ conversationId: direct.id, sequence: created.message.sequence });
      await until(() => events.some((event) => event.type === 'message.read'), 'the read receipt on the stream', 5000);
      assert.equal(receipt.readUpTo, created.message.sequence);
      assert.equal((await officer.messaging.conversation({ conversationId: direct.id })).unreadCount, 0);
      stream.close();
      await reading;
    });

    it('publish → the officer sees it live and unread → acknowledges → the publisher sees who did and who did not', async () => {
      const officer = clientFor(server.api, 'dev-officer');
      const supervisor = clientFor(server.api, 'dev-supervisor');
      const officerEvents: MessagingStreamEvent[] = [];
      const publisherEvents: MessagingStreamEvent[] = [];
      const officerStream = officer.messaging.stream();
      const publisherStream = supervisor.messaging.stream();
      const reading = Promise.all([
        (async () => {
          for await (const event of officerStream) officerEvents.push(event);
        })(),
        (async () => {
          for await (const event of publisherStream) publisherEvents.push(event);
        })(),
      ]);
      await until(() => officerStream.state === 'live' && publisherStream.state === 'live', 'both streams to be live', 10_000);

      const briefing = await supervisor.briefings.publish({
        title: 'Gezocht voertuig',
        text: 'Grijze bestelwagen, plaat 1-ABC-234. Niet zelf tegenhouden; melden aan de dispatching.',
        priority: true,
        audience: { kind: 'team', teamId: 'team-wijk-noord' },
        validFrom: '2027-03-06T13:00:00+01:00',
        validUntil: '2027-03-06T22:00:00+01:00',
      });
      await until(() => officerEvents.some((event) => event.type === 'briefing.published' && event.briefing.id === briefing.id), 'the briefing on the officer’s stream', 5000);
      const { items } = await officer.briefings.list();
      assert.equal(items[0]?.id, briefing.id, 'unread and urgent: first');
      assert.equal(items[0]?.acknowledgedAt, null);

      const acknowledgement = await officer.briefings.acknowledge({ briefingId: briefing.id });
      assert.equal((await officer.briefings.acknowledge({ briefingId: briefing.id })).acknowledgedAt, acknowledgement.acknowledgedAt, 'idempotent');
      await until(() => publisherEvents.some((event) => event.type === 'briefing.acknowledged' && event.acknowledgement.briefingId === briefing.id), 'the acknowledgement on the publisher’s stream', 5000);
      const status = await supervisor.briefings.status({ briefingId: briefing.id });
      const team = status.teams.find((entry) => entry.teamId === 'team-wijk-noord');
      assert.deepEqual(team?.acknowledged.map((entry) => entry.officerId), [acknowledgement.officerId]);
      assert.equal(team?.pending.length, 4);
      assert.ok(!team?.pending.some((entry) => entry.officerId === acknowledgement.officerId));
      officerStream.close();
      publisherStream.close();
      await reading;
    });
  });
});
