import { expect } from '@open-wc/testing';
import { OutboxStore } from './outbox-store.js';

// In Chromium, on its own IndexedDB. The clock is a number the test moves; no test reads the real one.
const T0 = Date.parse('2027-03-01T08:00:00Z');
let counter = 0;

async function fresh(): Promise<{ outbox: OutboxStore; clock: { now: number }; name: string }> {
  const clock = { now: T0 };
  const name = `blauw-outbox-test-${++counter}`;
  const outbox = await OutboxStore.open({ name, now: () => clock.now, leaseMs: 60_000, backoff: { base: 1000, random: () => 0.5 } });
  await outbox.clear();
  return { outbox, clock, name };
}

const body = (n: number) => ({ assignmentId: `a-${n}`, answers: { note: `answer ${n}` } });

describe('the outbox in IndexedDB', () => {
  it('keeps queued writes across a reopen (a reload), in the order they were queued, with their ids', async () => {
    const { outbox, clock, name } = await fresh();
    const first = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    clock.now += 1;
    const second = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(2) } });
    outbox.close();

    const reopened = await OutboxStore.open({ name, now: () => clock.now });
    const items = await reopened.list();
    expect(items.map((item) => item.clientId)).to.deep.equal([first.clientId, second.clientId]);
    expect(items[0]!.idempotencyKey).to.equal(first.idempotencyKey);
    expect(items[1]!.request.body).to.deep.equal(body(2));
    reopened.close();
  });

  it('lets only one of two tabs claim an item, and the other take it over once the lease runs out', async () => {
    const { outbox, clock, name } = await fresh();
    const other = await OutboxStore.open({ name, now: () => clock.now, leaseMs: 60_000 });
    const item = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    const [a, b] = await Promise.all([outbox.claimNext('tab-a'), other.claimNext('tab-b')]);
    expect([a, b].filter((claimed) => claimed !== undefined)).to.have.length(1);
    clock.now += 60_000;
    const retaken = await other.claimNext('tab-b');
    expect(retaken?.clientId).to.equal(item.clientId);
    expect(retaken?.attempts).to.equal(2);
    other.close();
    outbox.close();
  });

  it('lets an item go only after a 2xx: a 503 puts it back with a backoff, then a 201 marks it sent, and only then may it be removed', async () => {
    const { outbox, clock } = await fresh();
    const item = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    await outbox.claimNext('tab-a');
    let after = await outbox.settle(item.clientId, 'tab-a', { answered: true, status: 503 });
    expect(after?.state).to.equal('queued');
    expect(await outbox.claimNext('tab-a'), 'not before the backoff').to.equal(undefined);
    expect(await outbox.nextWake()).to.equal(T0 + 500);
    let removalRefused = false;
    await outbox.remove(item.clientId).catch(() => (removalRefused = true));
    expect(removalRefused, 'an undelivered item cannot be removed').to.equal(true);

    clock.now = T0 + 500;
    await outbox.claimNext('tab-a');
    after = await outbox.settle(item.clientId, 'tab-a', { answered: true, status: 201 });
    expect(after?.state).to.equal('sent');
    await outbox.remove(item.clientId);
    expect(await outbox.list()).to.deep.equal([]);
    outbox.close();
  });

  it('parks a refused write for the officer and sends it again only when asked', async () => {
    const { outbox } = await fresh();
    const item = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    await outbox.claimNext('tab-a');
    const parked = await outbox.settle(item.clientId, 'tab-a', { answered: true, status: 409, code: 'client_id_reused' });
    expect(parked?.state).to.equal('needs_attention');
    expect(await outbox.claimNext('tab-a')).to.equal(undefined);
    await outbox.requeue(item.clientId);
    expect((await outbox.claimNext('tab-a'))?.clientId).to.equal(item.clientId);
    outbox.close();
  });

  it('counts unsent writes for the logout warning, and a wipe leaves the next sign-in nothing', async () => {
    const { outbox, name } = await fresh();
    await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(2) } });
    const claimed = await outbox.claimNext('tab-a');
    await outbox.settle(claimed!.clientId, 'tab-a', { answered: true, status: 201 });
    expect(await outbox.unsent()).to.equal(1);
    expect(await outbox.counts()).to.deep.equal({ queued: 1, sending: 0, sent: 1, needs_attention: 0 });
    await outbox.wipe();
    const next = await OutboxStore.open({ name });
    expect(await next.list()).to.deep.equal([]);
    next.close();
  });

  it('refuses to queue one client id twice, and empties on clear', async () => {
    const { outbox } = await fresh();
    const item = await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body: body(1) } });
    let refused = false;
    await outbox.add({ kind: 'check-submission', clientId: item.clientId, request: { method: 'POST', path: 'check-submissions', body: body(2) } }).catch(() => (refused = true));
    expect(refused).to.equal(true);
    expect((await outbox.get(item.clientId))?.request.body).to.deep.equal(body(1));
    await outbox.clear();
    expect(await outbox.list()).to.deep.equal([]);
    outbox.close();
  });
});
