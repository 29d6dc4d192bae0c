import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setupServer } from 'msw/node';
import { createFixedClock } from '../domain/clock.js';
import { createZone } from '../domain/zone.js';
import { createHandlers } from './create-handlers.js';
import { incidentEventStream } from './incident-stream.js';

// The stream's handler without the Node server, as a service worker runs it: the clock is fixed
// and moved by the test, so what arrives depends on nothing else.

const API = 'https://api.pz-scheldeland.example';

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean, timeoutMs = 2000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = performance.now() + timeoutMs;
  while (!done(text)) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) assert.fail(`timed out after: ${text.slice(0, 200)}`);
    const chunk = await Promise.race([reader.read(), sleep(remaining).then(() => undefined)]);
    if (chunk === undefined) continue;
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

describe('the incident stream handler through msw (as in the Storybook worker)', () => {
  const clock = createFixedClock('2027-03-06T22:00:00+01:00');
  const zone = createZone({ seed: 1, clock, incidents: { eventsPerSecond: 20 } });
  const server = setupServer(...createHandlers({ zone, baseUrl: API, stream: { pollMs: 20, heartbeatMs: 60_000 } }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  it('streams new events as the zone clock moves, and stops polling when the reader cancels', async () => {
    const response = await fetch(`${API}/v1/incidents/stream`, { headers: { Authorization: 'Bearer dev-officer' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body!.getReader();
    assert.equal(await readUntil(reader, (text) => text.length > 0), 'retry: 2000\n\n');
    assert.equal(zone.incidents.openStreams, 1);
    const newest = zone.incidents.board.journal.lastSeq;
    clock.advance(1000);
    const text = await readUntil(reader, (seen) => (seen.match(/^id: /gm) ?? []).length >= 20);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
    assert.deepEqual(ids.slice(0, 20), Array.from({ length: 20 }, (_, i) => newest + 1 + i));
    // msw hands the reader one branch of a tee; the source is cancelled once the other branch (a
    // clone undici cancels when it is garbage collected) goes too. Collect it rather than wait.
    void reader.cancel();
    const collectGarbage = gc();
    for (let attempt = 0; zone.incidents.openStreams > 0 && attempt < 100; attempt++) {
      collectGarbage();
      await sleep(20);
    }
    assert.equal(zone.incidents.openStreams, 0);
  });
});

/** The engine's garbage collection, without starting Node with --expose-gc. */
function gc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('incidentEventStream', () => {
  it('sends a reset, then goes on, when its reader fell further behind than the journal keeps', async () => {
    const clock = createFixedClock('2027-03-06T22:00:00+01:00');
    const zone = createZone({ seed: 1, clock, incidents: { retention: 100 } });
    const stream = incidentEventStream({ simulator: zone.incidents, filter: {}, lastEventId: null, pollMs: 10, heartbeatMs: 60_000 });
    const reader = stream.getReader();
    await readUntil(reader, (text) => text.startsWith('retry:'));
    // 300 new events at once, more than the 100 kept, before the stream polls again.
    zone.incidents.burst(300);
    const text = await readUntil(reader, (seen) => seen.includes('event: reset'));
    assert.match(text, /"reason":"too_old"/);
    zone.incidents.burst(3);
    assert.match(await readUntil(reader, (seen) => (seen.match(/^event: incident$/gm) ?? []).length >= 3), /"kind":"created"/);
    await reader.cancel();
    assert.equal(zone.incidents.openStreams, 0);
  });
});
