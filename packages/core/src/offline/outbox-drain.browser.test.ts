import { expect } from '@open-wc/testing';
import { OutboxDrain } from './outbox-drain.js';
import { OutboxStore } from './outbox-store.js';

// In Chromium, on its own IndexedDB, Web Locks and BroadcastChannel, against a scripted fetch.
// The clock is a number the test moves; timers are recorded, never waited for.
const T0 = Date.parse('2027-03-01T08:00:00Z');
let counter = 0;

interface Sent {
  clientId: string;
  key: string | null;
}

/** A server answering `script(n)` to the n-th request (from 0), and what it received. */
function server(script: (n: number, body: { clientId: string }) => Response | 'drop') {
  const received: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = (await request.json()) as { clientId: string };
    const answer = script(received.length, body);
    received.push({ clientId: body.clientId, key: request.headers.get('idempotency-key') });
    if (answer === 'drop') throw new TypeError('Failed to fetch');
    return answer;
  };
  return { fetch, received };
}

const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), { status, headers: { 'content-type': 'application/problem+json' } });
const created = () => new Response(JSON.stringify({}), { status: 201, headers: { 'content-type': 'application/json' } });

async function setUp(script: Parameters<typeof server>[0], tabs = 1) {
  const name = `blauw-drain-test-${++counter}`;
  const clock = { now: T0 };
  const api = server(script);
  const timers: number[] = [];
  const apiOptions = { baseUrl: 'https://api.zone.test/v1/', fetch: api.fetch, getToken: () => 'officer' };
  const stores: OutboxStore[] = [];
  const drains: OutboxDrain[] = [];
  for (let tab = 0; tab < tabs; tab++) {
    const store = await OutboxStore.open({ name, now: () => clock.now, backoff: { base: 1000, random: () => 0.5 } });
    stores.push(store);
    drains.push(new OutboxDrain({ store, api: apiOptions, name, holder: `tab-${tab}`, now: () => clock.now, setTimeout: (_, ms) => timers.push(ms), clearTimeout: () => undefined }));
  }
  await stores[0]!.clear();
  const queue = async (n: number) => {
    for (let i = 1; i <= n; i++) {
      await stores[0]!.add({ kind: 'check-submission', clientId: `c-${String(i).padStart(3, '0')}`, request: { method: 'POST', path: 'check-submissions', body: { clientId: `c-${String(i).padStart(3, '0')}` } } });
      clock.now += 1;
    }
  };
  const close = async () => {
    await Promise.all(drains.map((drain) => drain.stop()));
    for (const store of stores) store.close();
  };
  return { api, clock, timers, stores, drains, queue, close };
}

describe('the outbox drain', () => {
  it('sends queued writes in order, each with its own Idempotency-Key, and keeps them through a 5xx storm until a 2xx', async () => {
    // The first 6 attempts meet 500, 502, 503, a dropped connection, 504 and 500.
    const storm = [500, 502, 503, 'drop', 504, 500] as const;
    const { api, clock, stores, drains, queue, close } = await setUp((n) => (n < storm.length ? (storm[n] === 'drop' ? 'drop' : problem(storm[n]!, 'server_error')) : created()));
    await queue(3);
    const [drain] = drains;
    drain!.start();
    for (let round = 0; round < 20 && (await stores[0]!.list()).some((item) => item.state !== 'sent'); round++) {
      clock.now += 60_000;
      await drain!.poke();
    }
    const items = await stores[0]!.list();
    expect(items.map((item) => item.state)).to.deep.equal(['sent', 'sent', 'sent']);
    // Every attempt at one write carries the same key; nothing was taken for delivered before its 2xx.
    const keys = new Map<string, Set<string | null>>();
    for (const sent of api.received) keys.set(sent.clientId, (keys.get(sent.clientId) ?? new Set()).add(sent.key));
    expect([...keys.values()].every((set) => set.size === 1)).to.equal(true);
    // The storm hit the first write six times; the others went after it, in order, once each.
    expect(api.received.map((sent) => sent.clientId)).to.deep.equal([...Array(7).fill('c-001'), 'c-002', 'c-003']);
    expect(drain!.progress).to.deep.equal({ queued: 0, sending: 0, sent: 3, needsAttention: 0 });
    await close();
  });

  it('parks a refused write for the officer and goes on with the next', async () => {
    const { api, stores, drains, queue, close } = await setUp((_, body) => (body.clientId === 'c-001' ? problem(409, 'client_id_reused') : created()));
    await queue(2);
    drains[0]!.start();
    await drains[0]!.poke();
    const items = await stores[0]!.list();
    expect(items.map((item) => [item.clientId, item.state])).to.deep.equal([
      ['c-001', 'needs_attention'],
      ['c-002', 'sent'],
    ]);
    expect(items[0]!.lastFailure).to.deep.equal({ reason: 'refused', status: 409, code: 'client_id_reused' });
    expect(api.received.map((sent) => sent.clientId)).to.deep.equal(['c-001', 'c-002']);
    expect(drains[0]!.progress.needsAttention).to.equal(1);
    await close();
  });

  it('waits for the network after a dropped connection instead of trying every item, and probes again', async () => {
    const { api, timers, stores, drains, queue, close } = await setUp(() => 'drop');
    await queue(5);
    drains[0]!.start();
    await drains[0]!.poke();
    expect(api.received).to.have.length(1);
    expect((await stores[0]!.list()).every((item) => item.state === 'queued')).to.equal(true);
    expect(timers.at(-1), 'a probe is scheduled').to.be.lessThanOrEqual(30_000);
    await close();
  });

  it('lets only one of two tabs send, so no write goes twice, and tells the other tab its progress', async () => {
    const { api, stores, drains, queue, close } = await setUp(() => created(), 2);
    await queue(20);
    let heard = 0;
    drains[1]!.addEventListener('progress', () => heard++);
    drains[0]!.start();
    drains[1]!.start();
    await Promise.all([drains[0]!.poke(), drains[1]!.poke()]);
    await Promise.all([drains[0]!.poke(), drains[1]!.poke()]);
    const perItem = new Map<string, number>();
    for (const sent of api.received) perItem.set(sent.clientId, (perItem.get(sent.clientId) ?? 0) + 1);
    expect(perItem.size).to.equal(20);
    expect([...perItem.values()].every((count) => count === 1), 'each write sent once').to.equal(true);
    expect((await stores[1]!.list()).every((item) => item.state === 'sent')).to.equal(true);
    expect(heard).to.be.greaterThan(0);
    await close();
  });

  it('sends at once, in order, a write a reloaded page was sending, instead of waiting out its lease', async () => {
    const { api, stores, drains, queue, close } = await setUp(() => created());
    await queue(2);
    // The page before the reload took the first write and went (its lease runs 30 s more).
    expect((await stores[0]!.claimNext('page-before-reload'))?.clientId).to.equal('c-001');
    drains[0]!.start();
    await drains[0]!.poke();
    expect(api.received.map((sent) => sent.clientId)).to.deep.equal(['c-001', 'c-002']);
    expect((await stores[0]!.list()).map((item) => [item.state, item.attempts])).to.deep.equal([['sent', 2], ['sent', 1]]);
    await close();
  });
});
