// client.incidents.stream() against the real blauw-mock-server process: forced disconnects while
// events flow, a server restart under 500 clients, and a refused token. Loopback only; durations
// are measured with performance.now(), never with the wall clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createIncidentsClient, UnauthenticatedError, type IncidentStreamEvent, type IncidentsClient } from '@blauw/core';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

const NOW = '2027-03-02T14:00:00+01:00';
const officer = (api: string, extra: Partial<Parameters<typeof createIncidentsClient>[0]> = {}): IncidentsClient =>
  createIncidentsClient({ baseUrl: api, getToken: () => 'dev-officer', ...extra });

/** Counts of `values` in `buckets` equal slices of [0, window); values past the window land in the last one. */
function histogram(values: readonly number[], window: number, buckets = 10): number[] {
  const counts = new Array<number>(buckets).fill(0);
  for (const value of values) counts[Math.min(buckets - 1, Math.max(0, Math.floor((value / window) * buckets)))]! += 1;
  return counts;
}

function printHistogram(title: string, counts: readonly number[], window: number): void {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const width = window / counts.length;
  console.info(title);
  counts.forEach((count, index) => {
    const from = Math.round(index * width);
    const to = Math.round((index + 1) * width);
    console.info(`  ${String(from).padStart(5)}–${String(to).padEnd(5)} ms ${String(count).padStart(4)} ${'#'.repeat(Math.round((count / total) * 100))}`);
  });
}

/** Asks the server (with --dev-controls) to open `count` incidents at once; the id of the last `created` entry. */
async function burst(server: MockServerProcess, count: number): Promise<string> {
  const response = await fetch(`${server.origin}/__blauw/incidents/burst`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const { lastEventId } = (await response.json()) as { lastEventId: string };
  return lastEventId;
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('client.incidents.stream against the real blauw-mock-server process', () => {
  describe('100 forced disconnects while events flow', () => {
    let server: MockServerProcess;
    before(async () => {
      // Each stream is cut after 1 to 20 events (mean 10); a heartbeat every second.
      server = await startMockServerProcess(['--seed', '3', '--now', NOW, '--stream-chaos', '10', '--heartbeat', '1000']);
    });
    after(() => server.stop());

    it('yields every event once and in order, the ids contiguous, as the server journal has them', async () => {
      const started = performance.now();
      const { incidents } = officer(server.api);
      // The server's retry: 2000 is the backoff base; a random drawn from [0, 0.05) keeps each wait
      // under 100 ms so that 100 reconnections fit the test's time. The jitter itself is pinned in
      // the unit tests and in the restart test below.
      const stream = incidents.stream({ backoff: { random: () => Math.random() * 0.05 } });
      let drops = 0;
      let hundredth = 0;
      let previous = stream.state;
      stream.addEventListener('statechange', () => {
        if (previous === 'live' && stream.state === 'reconnecting' && ++drops === 100) hundredth = performance.now();
        previous = stream.state;
      });
      const events: IncidentStreamEvent[] = [];
      const reading = (async () => {
        for await (const event of stream) events.push(event);
      })();
      await until(() => stream.state === 'live', 'the stream to be live', 10_000);
      while (drops < 100) {
        await burst(server, 10);
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.ok(performance.now() - started < 60_000, `only ${drops} disconnects after 60 s`);
      }
      const last = Number(await burst(server, 1));
      await until(() => events.length > 0 && Number(events.at(-1)!.id) >= last, `event ${last}`, 20_000);
      stream.close();
      await reading;
      const elapsed = performance.now() - started;
      console.info(
        `forced disconnects: the 100th ${Math.round(hundredth - started)} ms after the start; ${drops} in all, ` +
          `${events.length} events in ${Math.round(elapsed)} ms, each once and in order`,
      );

      assert.ok(drops >= 100);
      assert.deepEqual(events.filter((event) => event.type === 'reset'), [], 'no reset: every resume was within what the server keeps');
      // One journal, one id sequence, no filter: every id from the first to the last exactly once.
      const ids = events.map((event) => Number(event.id));
      const first = ids[0]!;
      const gaps = ids.flatMap((id, index) => (id === first + index ? [] : [`#${index}: ${id}, expected ${first + index}`]));
      assert.deepEqual(gaps.slice(0, 5), [], `${gaps.length} ids out of sequence`);
      // And the incident entries are the server's own log, as its history lists them (newest first).
      const streamed = events.flatMap((event) => (event.type === 'incident' ? [event.entry] : []));
      const listed = [];
      for await (const entry of incidents.events.all({ limit: 200 })) {
        if (Number(entry.id) < first) break;
        if (Number(entry.id) <= Number(events.at(-1)!.id)) listed.push(entry);
      }
      assert.deepEqual(streamed.map((entry) => entry.id), listed.reverse().map((entry) => entry.id));
      assert.ok(elapsed < 60_000, `${Math.round(elapsed)} ms`);
    });
  });

  describe('a server restart under 500 clients', () => {
    let server: MockServerProcess;
    const args = ['--seed', '4', '--now', NOW];
    before(async () => {
      server = await startMockServerProcess(args);
    });
    after(() => server.stop());

    it('spreads the reconnections over the backoff window, and every client is live again', { timeout: 120_000 }, async () => {
      const clients = 500;
      const window = 2_000; // the server's retry: hint, the first window of the full jitter
      const requests: number[][] = Array.from({ length: clients }, () => []);
      const drops: (number | undefined)[] = new Array<number | undefined>(clients).fill(undefined);
      const received: IncidentStreamEvent[][] = Array.from({ length: clients }, () => []);
      const streams = requests.map((times, index) => {
        const { incidents } = officer(server.api, { hooks: { beforeRequest: [() => void times.push(performance.now())] } });
        const stream = incidents.stream({});
        stream.addEventListener('statechange', () => {
          if (stream.state === 'reconnecting' && drops[index] === undefined) drops[index] = performance.now();
        });
        return stream;
      });
      const reading = streams.map(async (stream, index) => {
        for await (const event of stream) received[index]!.push(event);
      });
      await until(() => streams.every((stream) => stream.state === 'live'), `${clients} streams live`, 60_000);
      // Every client has an event of the old server to resume after.
      const before = await burst(server, 1);
      await until(() => received.every((events) => events.some((event) => event.id === before)), 'the first burst at every client', 30_000);

      const port = new URL(server.origin).port;
      const killed = performance.now();
      await server.stop();
      server = await startMockServerProcess([...args, '--port', port]);
      const restarted = performance.now();
      await until(() => streams.every((stream) => stream.state === 'live'), `${clients} streams live again`, 60_000);
      const allLive = performance.now();

      // Each client's first attempt after its connection dropped: its backoff, measured.
      const waits = requests.map((times, index) => {
        const dropped = drops[index];
        assert.ok(dropped !== undefined, `client ${index} saw no drop`);
        const next = times.find((time) => time >= dropped);
        assert.ok(next !== undefined, `client ${index} never tried again`);
        return next - dropped;
      });
      const sinceKill = requests.map((times) => times.find((time) => time >= killed)! - killed);
      const counts = histogram(waits, window);
      printHistogram(`First reconnection attempt after the drop, ${clients} clients (ms after each client's drop):`, counts, window);
      const stopWindow = Math.ceil(Math.max(...sinceKill) / 500) * 500;
      printHistogram('The same attempts, ms after the server was told to stop:', histogram(sinceKill, stopWindow), stopWindow);
      console.info(
        `restart: server down→up ${Math.round(restarted - killed)} ms, all ${clients} live again ${Math.round(allLive - killed)} ms after the stop; ` +
          `first attempts from ${Math.round(Math.min(...waits))} to ${Math.round(Math.max(...waits))} ms`,
      );

      const largest = Math.max(...counts);
      assert.ok(largest <= clients * 0.25, `a bucket holds ${largest} of ${clients} clients`);
      assert.ok(counts.filter((count) => count > 0).length >= 8, `attempts cover only ${counts.filter((count) => count > 0).length} of 10 buckets`);
      assert.ok(Math.max(...waits) <= window + 250, 'first attempts within the first window');

      // The new server's stream reaches every client, once, even where its ids repeat the old one's.
      const last = await burst(server, 1);
      await until(() => received.every((events) => events.some((event) => event.id === last)), 'the burst at every client', 30_000);
      for (const events of received) {
        const ids = events.filter((event) => event.type !== 'reset').map((event) => event.id);
        assert.equal(new Set(ids).size, ids.length, 'no event twice');
      }
      const resets = received.filter((events) => events.some((event) => event.type === 'reset')).length;
      console.info(`${resets} of ${clients} clients were told to refetch (reset) by the restarted server; its burst had id ${last}, the old one's ${before}`);
      for (const stream of streams) stream.close();
      await Promise.all(reading);
    });
  });

  describe('a refused token', () => {
    let server: MockServerProcess;
    before(async () => {
      server = await startMockServerProcess(['--seed', '5', '--now', NOW]);
    });
    after(() => server.stop());

    it('refreshes once, then stops with UnauthenticatedError: exactly 2 requests', async () => {
      let requests = 0;
      let refreshes = 0;
      const { incidents } = officer(server.api, {
        getToken: () => 'revoked-token',
        onUnauthorized: () => void (refreshes += 1),
        hooks: { beforeRequest: [() => void (requests += 1)] },
      });
      const stream = incidents.stream({ priority: [1, 2] });
      await assert.rejects(async () => {
        for await (const event of stream) assert.fail(`no event expected, got ${event.type}`);
      }, (error: unknown) => error instanceof UnauthenticatedError && error.status === 401);
      assert.equal(requests, 2);
      assert.equal(refreshes, 1);
      assert.equal(stream.state, 'stopped');
    });
  });
});

