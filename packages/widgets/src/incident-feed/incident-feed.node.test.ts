import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { NotFoundError, UnauthenticatedError } from '@blauw/core';
import { fakeEntry, fakeIncidentsClient, fakeUnit, incidentDay, incidentMessage, resetMessage, unitMessage } from '../testing/fake-incidents-client.js';
import { isNewerUnit, prependNewest } from './feed-rules.js';
import { IncidentFeed, type FeedChangeDetail } from './incident-feed.js';

/** A feed whose frames run when the test says so. */
function setUp(client = fakeIncidentsClient(), graceMs = 0) {
  const frames: (() => void)[] = [];
  const feed = new IncidentFeed(client, { schedule: (flush) => frames.push(flush), graceMs });
  const changes: FeedChangeDetail[] = [];
  feed.addEventListener('change', (event) => changes.push(event.detail));
  const frame = () => {
    for (const flush of frames.splice(0)) flush();
  };
  return { client, feed, changes, frame };
}

async function until(check: () => unknown, message = 'condition'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await (i < 100 ? tick() : new Promise((resolve) => setTimeout(resolve, 2)));
  }
  assert.fail(`timed out waiting for ${message}`);
}

describe('the incident feed', () => {
  it('loads history, incidents and units in parallel, then streams from the newest entry it holds', async () => {
    const { client, feed, changes, frame } = setUp(fakeIncidentsClient({ ...incidentDay({ count: 12 }), manual: ['events', 'list', 'units'] }));
    feed.connect();
    assert.equal(feed.state, 'loading');
    await until(() => client.callsOf('units').length === 1, 'the three lists asked at once');
    assert.equal(client.callsOf('events').length, 1);
    assert.equal(client.callsOf('list').length, 1);
    assert.equal(client.streams.length, 0, 'no stream before the lists');
    client.release({ stop: true });
    await until(() => client.streams.length === 1, 'the stream');
    assert.equal(client.streams[0]!.options.lastEventId, '1011', 'resumes after the newest history entry');
    assert.equal(feed.state, 'live');
    assert.deepEqual(changes, [{ added: [], reset: true }], 'the first lists are shown without waiting for a frame');
    frame();
    assert.deepEqual(changes, [{ added: [], reset: true }]);
    assert.equal(feed.events.length, 12);
    assert.equal(feed.events[0]!.id, '1011', 'newest first');
    assert.equal(feed.incidents.size, 2);
    assert.equal(feed.units.get('SCH-11')?.callSign, 'SCH-11');
    feed.disconnect();
  });

  it('with no history to resume after, fetches the lists again once live, so nothing before the connection is missed', async () => {
    const client = fakeIncidentsClient({ incidents: [], events: [], units: [], streamState: 'connecting' });
    const { feed, frame } = setUp(client);
    feed.connect();
    await until(() => client.streams.length === 1, 'the stream');
    assert.equal(client.streams[0]!.options.lastEventId, undefined);
    // An incident opened after the first fetch, before the stream was connected.
    const day = incidentDay({ count: 1 });
    client.day.incidents.push(...day.incidents);
    client.day.events.push(...day.events);
    client.streams[0]!.setState('live');
    await until(() => client.callsOf('events').length === 2, 'the lists fetched again');
    await until(() => (frame(), feed.events.length === 1), 'the entry from before the connection');
    assert.equal(feed.incidents.size, 1);
    feed.disconnect();
  });

  it('stops loading history at its limit', async () => {
    const client = fakeIncidentsClient(incidentDay({ count: 450 }));
    const feed = new IncidentFeed(client, { schedule: () => undefined, historyLimit: 300 });
    feed.connect();
    await until(() => client.streams.length === 1);
    assert.equal(feed.events.length, 300);
    assert.deepEqual(client.callsOf('events').map((call) => call['limit']), [200, 200]);
    feed.disconnect();
  });

  it('batches a burst into one change per frame and adds every entry once', async () => {
    const { client, feed, changes, frame } = setUp();
    feed.connect();
    await until(() => client.streams.length === 1);
    frame();
    const incident = client.day.incidents[0]!;
    const burst = Array.from({ length: 50 }, (_, i) => incidentMessage(incident, { at: `2027-03-28T09:01:${String(i).padStart(2, '0')}Z`, kind: 'update', text: `note ${i}` }));
    client.emit(...burst);
    client.emit(burst[3]!, burst[49]!); // a replay after a reconnect
    await tick();
    assert.equal(changes.length, 1, 'nothing before the frame');
    frame();
    assert.equal(changes.length, 2);
    assert.equal(changes[1]!.added.length, 50);
    assert.equal(changes[1]!.added[0]!.text, 'note 49', 'newest first');
    assert.equal(feed.events[0]!.text, 'note 49');
    assert.equal(feed.events.length, 40 + 50);
    assert.equal(feed.incidents.get(incident.id)?.updatedAt, '2027-03-28T09:01:49Z');
    feed.disconnect();
  });

  it('keeps the newer position of a unit when an older report arrives late', async () => {
    const { client, feed, frame } = setUp();
    feed.connect();
    await until(() => client.streams.length === 1);
    client.emit(unitMessage(fakeUnit({ callSign: 'SCH-11', positionAt: '2027-03-28T09:05:00Z', position: { lat: 51.1, lon: 4.1 } })));
    client.emit(unitMessage(fakeUnit({ callSign: 'SCH-11', positionAt: '2027-03-28T09:04:00Z', position: { lat: 50, lon: 4 } })));
    await tick();
    frame();
    assert.deepEqual(feed.units.get('SCH-11')?.position, { lat: 51.1, lon: 4.1 });
    feed.disconnect();
  });

  it('loads everything again after a reset, and keeps the selection', async () => {
    const { client, feed, changes, frame } = setUp();
    feed.connect();
    await until(() => client.streams.length === 1);
    frame();
    feed.select('i-2');
    client.day.events.unshift(fakeEntry({ id: '5000', incidentId: 'i-2', at: '2027-03-28T10:00:00Z' }));
    client.emit(resetMessage());
    await until(() => client.callsOf('list').length === 2, 'a second load');
    await until(() => feed.events[0]?.id === '5000');
    frame();
    assert.deepEqual(changes.at(-1), { added: [], reset: true });
    assert.equal(feed.selectedIncidentId, 'i-2');
    assert.equal(client.streams.length, 1, 'the stream goes on');
    feed.disconnect();
  });

  it('stops with the error when the stream is refused, and starts again on retry', async () => {
    const { client, feed } = setUp();
    const states: string[] = [];
    feed.addEventListener('statechange', () => states.push(feed.state));
    feed.connect();
    await until(() => client.streams.length === 1);
    client.streams[0]!.fail(new UnauthenticatedError('Sign in again.'));
    await until(() => feed.state === 'error');
    assert.equal(feed.error?.kind, 'unauthenticated');
    feed.retry();
    assert.equal(feed.state, 'loading');
    await until(() => feed.state === 'live');
    assert.equal(client.streams.length, 2);
    assert.deepEqual(states, ['live', 'error', 'loading', 'live']);
    feed.disconnect();
  });

  it('reports a list that cannot load as an error', async () => {
    const client = fakeIncidentsClient();
    client.failNext('units', new NotFoundError('No such zone.'));
    const { feed } = setUp(client);
    feed.connect();
    await until(() => feed.state === 'error');
    assert.equal(feed.error?.kind, 'not_found');
    assert.equal(client.streams.length, 0);
    feed.disconnect();
  });

  it('follows the stream through reconnecting and offline', async () => {
    const { client, feed } = setUp();
    feed.connect();
    await until(() => client.streams.length === 1);
    const stream = client.streams[0]!;
    stream.setState('reconnecting');
    assert.equal(feed.state, 'reconnecting');
    stream.setState('offline');
    assert.equal(feed.state, 'offline');
    stream.setState('live');
    assert.equal(feed.state, 'live');
    feed.disconnect();
  });

  it('is one feed per client, open while anyone uses it', async () => {
    const client = fakeIncidentsClient();
    assert.equal(IncidentFeed.for(client), IncidentFeed.for(client));
    assert.notEqual(IncidentFeed.for(client), IncidentFeed.for(fakeIncidentsClient()));
    const { feed } = setUp(client, 5);
    feed.connect();
    feed.connect();
    await until(() => client.streams.length === 1);
    feed.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(client.streams[0]!.closed, false, 'one user is left');
    feed.disconnect();
    feed.connect(); // back within the grace: the same stream
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(client.streams.length, 1);
    feed.disconnect();
    await until(() => client.streams[0]!.closed, 'closed after the grace');
  });

  it('gives the whole log of an incident oldest first, and keeps it up to date', async () => {
    const { client, feed, frame } = setUp();
    feed.connect();
    await until(() => client.streams.length === 1);
    const log = await feed.log('i-1');
    assert.deepEqual(log.map((entry) => entry.kind), ['created', 'unit_assigned', 'en_route', 'on_scene', 'update', 'closed']);
    assert.equal(await feed.log('i-1'), log, 'cached');
    client.emit(incidentMessage(client.day.incidents.find((incident) => incident.id === 'i-1')!, { at: '2027-03-28T09:30:00Z', kind: 'update', text: 'Reopened' }));
    await tick();
    frame();
    const updated = await feed.log('i-1');
    assert.equal(updated.length, 7);
    assert.equal(updated.at(-1)!.text, 'Reopened');
    assert.equal(client.callsOf('log').length, 1);
    feed.disconnect();
  });

  it('fires select when the selection changes, and only then', () => {
    const feed = new IncidentFeed(fakeIncidentsClient());
    let count = 0;
    feed.addEventListener('select', () => count++);
    feed.select('i-1');
    feed.select('i-1');
    feed.select(undefined);
    assert.equal(count, 2);
  });
});

describe('the feed rules', () => {
  const entry = (id: string) => fakeEntry({ id, incidentId: 'i-1' });

  it('puts arrivals on top, newest first, each id once, within the cap', () => {
    const seen = new Set(['1', '2']);
    const { events, added } = prependNewest([entry('2'), entry('1')], [entry('2'), entry('3'), entry('4'), entry('3')], seen, 3);
    assert.deepEqual(events.map((e) => e.id), ['4', '3', '2']);
    assert.deepEqual(added.map((e) => e.id), ['3', '4']);
    assert.equal(seen.has('1'), false, 'a dropped entry may come back');
  });

  it('orders unit reports by when the position was taken', () => {
    const held = fakeUnit({ callSign: 'A', positionAt: '2027-03-28T01:30:00+01:00' });
    assert.equal(isNewerUnit(held, fakeUnit({ callSign: 'A', positionAt: '2027-03-28T00:29:59Z' })), false);
    assert.equal(isNewerUnit(held, fakeUnit({ callSign: 'A', positionAt: '2027-03-28T03:00:00+02:00' })), true);
    assert.equal(isNewerUnit(undefined, held), true);
  });
});
