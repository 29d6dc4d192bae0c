// The page of `npm run bench:outbox`: an OutboxStore in this tab's IndexedDB (its bodies sealed
// with a DraftStore's key, as a FieldDevice's are), filled with check
// submissions (as client.checks.submissionRequest builds them) and drained by an OutboxDrain whose
// API options point at the benchmark's loopback server. Each tab of the run is one of these pages.
import { OutboxDrain, type OutboxProgress } from '../../packages/core/src/offline/outbox-drain.js';
import { DraftStore } from '../../packages/core/src/offline/draft-store.js';
import { OutboxStore } from '../../packages/core/src/offline/outbox-store.js';
import { ChecksResource } from '../../packages/core/src/resources/checks.js';
import { Transport } from '../../packages/core/src/transport/transport.js';
import { EXAMPLE_DOMICILE_ANSWERS } from '@blauw/mock-server';

/** What a drain came to: how long until every write was `sent`, or how far it got in the time allowed. */
export interface DrainFigures {
  ms: number;
  done: boolean;
  progress: OutboxProgress;
}

/** What the page offers the benchmark script, under `window.bench`. */
export interface OutboxBenchPage {
  /** Queues `count` check submissions in the outbox `name`; resolves with their client ids and the ms it took. */
  queue(name: string, count: number): Promise<{ ms: number; clientIds: string[] }>;
  /** Drains the outbox `name` to `baseUrl` until `count` items are `sent`, or `timeoutMs` passes. */
  drain(name: string, baseUrl: string, count: number, timeoutMs: number): Promise<DrainFigures>;
}

const answers = EXAMPLE_DOMICILE_ANSWERS;

const stores = new Map<string, Promise<OutboxStore>>();
const storeFor = (name: string) => {
  // Sealed as the field widgets' outbox is (FieldDevice): every body encrypted when queued and
  // decrypted when claimed, under the drafts' non-extractable key.
  if (!stores.has(name)) stores.set(name, DraftStore.open({ name: `${name}-drafts` }).then((drafts) => OutboxStore.open({ name, sealer: drafts })));
  return stores.get(name)!;
};

const page: OutboxBenchPage = {
  async queue(name, count) {
    const store = await storeFor(name);
    // Only the request's shape is wanted here; this transport never sends.
    const checks = new ChecksResource(new Transport({ baseUrl: location.origin }));
    const clientIds: string[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const clientId = crypto.randomUUID();
      const request = checks.submissionRequest({
        clientId,
        assignmentId: `chk-bench-${i}`,
        type: 'domicile',
        definitionVersion: 2,
        answers,
        completedAt: '2027-03-06T21:45:00+01:00',
        position: { lat: 51.0342, lon: 4.1021 },
      });
      await store.add({ kind: 'check-submission', clientId, request });
      clientIds.push(clientId);
    }
    return { ms: performance.now() - started, clientIds };
  },
  async drain(name, baseUrl, count, timeoutMs) {
    const store = await storeFor(name);
    const drain = new OutboxDrain({ store, api: { baseUrl, getToken: () => 'dev-officer' }, name });
    const started = performance.now();
    const done = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      drain.addEventListener('progress', () => {
        if (drain.progress.sent < count) return;
        clearTimeout(timer);
        resolve(true);
      });
      drain.start();
    });
    const ms = performance.now() - started;
    // The progress event comes before the drain tells the other tabs; stopping at once would close
    // its channel first, and they would hear of the last write only at their next probe (30 s).
    await new Promise((resolve) => setTimeout(resolve, 0));
    drain.stop();
    const progress: OutboxProgress = { queued: 0, sending: 0, sent: 0, needsAttention: 0 };
    for (const item of await store.list()) {
      if (item.state === 'needs_attention') progress.needsAttention += 1;
      else progress[item.state] += 1;
    }
    return { ms, done, progress };
  },
};
(window as unknown as { bench: OutboxBenchPage }).bench = page;
