// The page of test/e2e/outbox-chaos.test.ts: what a field app does with completed checks, without
// a widget: queue them in the outbox and let the drain send them. Bundled by the test with esbuild.
import { OutboxDrain, OutboxStore, type CheckSubmissionInput } from '@blauw/core';

const api = new URLSearchParams(location.search).get('api') ?? '';
const name = 'blauw-outbox-e2e';
// Short waits between attempts (the test's chaos fails many of them), and a lease just longer than
// an attempt's 5 s timeout: a reload in the middle of a send leaves one behind.
const store = await OutboxStore.open({ name, backoff: { base: 100, cap: 1000 }, leaseMs: 6000 });
const drain = new OutboxDrain({ store, api: { baseUrl: api, getToken: () => 'dev-officer', timeout: 5000 }, name, probeMs: 300 });
drain.start();

const field = {
  /** Queues the checks (each under its own client id) and nudges the drain. */
  async queue(checks: CheckSubmissionInput[]): Promise<void> {
    for (const check of checks) {
      await store.add({ kind: 'check-submission', clientId: check.clientId, request: { method: 'POST', path: 'check-submissions', body: check } });
    }
    void drain.poke();
  },
  /** Every item's state and attempts. */
  async items(): Promise<{ clientId: string; state: string; attempts: number }[]> {
    return (await store.list()).map(({ clientId, state, attempts }) => ({ clientId, state, attempts }));
  },
  poke: (): Promise<void> => drain.poke(),
};
(window as unknown as { field: typeof field }).field = field;
