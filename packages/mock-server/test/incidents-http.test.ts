import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Incident, IncidentChange, IncidentEvent, Problem, StreamReset, Unit, UnitChange, ZoneGeography, page } from '@blauw/core';
import { startMockServer, type MockServer, type MockServerOptions } from '../src/server.js';
import { SseReader, type Frame } from './support/sse-reader.js';

// The incidents API and its live stream over real HTTP, on loopback. Every server's clock is
// pinned with `now` (it runs on in real time from there); no assertion depends on the date the
// tests run on, and every wait is bounded.

const NOW = '2027-03-06T22:00:00+01:00';
const officer = { Authorization: 'Bearer dev-officer' };

async function openStream(server: MockServer, query = '', headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/incidents/stream${query}`, { headers: { ...officer, ...headers }, signal: controller.signal });
  assert.equal(response.status, 200, await (response.status === 200 ? Promise.resolve('') : response.text()));
  return new SseReader(response, controller);
}

/** Waits (bounded) until the server counts no open stream any more. */
async function noOpenStreams(server: MockServer, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (server.zone.incidents.openStreams > 0) {
    if (performance.now() > deadline) assert.fail(`${server.zone.incidents.openStreams} streams still open`);
    await sleep(20);
  }
}

async function problemOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const document = Problem.parse(await response.json());
  assert.equal(document.code, code);
  return document;
}

function parseEvent(frame: Frame) {
  const data: unknown = JSON.parse(frame.data ?? 'null');
  if (frame.event === 'incident') return { type: 'incident' as const, ...IncidentChange.parse(data) };
  if (frame.event === 'unit') return { type: 'unit' as const, ...UnitChange.parse(data) };
  if (frame.event === 'reset') return { type: 'reset' as const, ...StreamReset.parse(data) };
  return assert.fail(`unexpected event ${String(frame.event)}`);
}

const started: MockServer[] = [];
async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, now: NOW, seed: 1, ...options });
  started.push(server);
  return server;
}
after(() => Promise.all(started.map((server) => server.close())));

describe('incident lists over HTTP', () => {
  let server: MockServer;
  before(async () => {
    server = await start();
  });

  it('lists the seeded day’s incidents newest first, pages them and filters by status and priority', async () => {
    const first = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?limit=10`, { headers: officer })).json());
    assert.equal(first.items.length, 10);
    const opened = first.items.map((incident) => Date.parse(incident.openedAt));
    assert.deepEqual(opened, [...opened].sort((a, b) => b - a));
    assert.ok(first.nextCursor);
    const second = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?limit=10&cursor=${first.nextCursor}`, { headers: officer })).json());
    assert.ok(Date.parse(second.items[0]!.openedAt) <= opened.at(-1)!);
    assert.ok(!second.items.some((incident) => first.items.some((seen) => seen.id === incident.id)));

    const open = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?status=open&limit=200`, { headers: officer })).json());
    assert.ok(open.items.length > 0 && open.items.every((incident) => incident.status !== 'closed'));
    const urgent = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?priority=1,2&limit=200`, { headers: officer })).json());
    assert.ok(urgent.items.length > 0 && urgent.items.every((incident) => incident.priority <= 2));
  });

  it('gives one incident with an ETag and its whole log oldest first', async () => {
    const [incident] = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?status=closed&limit=1`, { headers: officer })).json()).items;
    assert.ok(incident);
    const response = await fetch(`${server.url}/v1/incidents/${incident.id}`, { headers: officer });
    assert.equal(Incident.parse(await response.json()).number, incident.number);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    assert.equal((await fetch(`${server.url}/v1/incidents/${incident.id}`, { headers: { ...officer, 'If-None-Match': etag } })).status, 304);
    const log = page(IncidentEvent).parse(await (await fetch(`${server.url}/v1/incidents/${incident.id}/log`, { headers: officer })).json());
    assert.equal(log.items[0]?.kind, 'created');
    assert.equal(log.items.at(-1)?.kind, 'closed');
    await problemOf(await fetch(`${server.url}/v1/incidents/inc-nope`, { headers: officer }), 404, 'not_found');
    await problemOf(await fetch(`${server.url}/v1/incidents/inc-nope/log`, { headers: officer }), 404, 'not_found');
  });

  it('lists log entries of every incident newest first, before an instant, and of one unit', async () => {
    const latest = page(IncidentEvent).parse(await (await fetch(`${server.url}/v1/incident-events?limit=50`, { headers: officer })).json());
    const ids = latest.items.map((entry) => Number(entry.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const before = '2027-03-06T18:00:00+01:00';
    const older = page(IncidentEvent).parse(await (await fetch(`${server.url}/v1/incident-events?before=${encodeURIComponent(before)}&limit=20`, { headers: officer })).json());
    assert.ok(older.items.length > 0 && older.items.every((entry) => Date.parse(entry.at) < Date.parse(before)));
    const byUnit = page(IncidentEvent).parse(await (await fetch(`${server.url}/v1/incident-events?unit=SCH-11&limit=200`, { headers: officer })).json());
    for (const entry of byUnit.items) {
      const incident = Incident.parse(await (await fetch(`${server.url}/v1/incidents/${entry.incidentId}`, { headers: officer })).json());
      assert.ok(incident.units.includes('SCH-11'));
    }
  });

  it('lists the units by call sign, optionally by status', async () => {
    const units = page(Unit).parse(await (await fetch(`${server.url}/v1/units`, { headers: officer })).json());
    const signs = units.items.map((unit) => unit.callSign);
    assert.ok(signs.length >= 6);
    assert.deepEqual(signs, [...signs].sort());
    const available = page(Unit).parse(await (await fetch(`${server.url}/v1/units?status=available`, { headers: officer })).json());
    assert.ok(available.items.every((unit) => unit.status === 'available'));
  });

  it('serves the zone’s map publicly, cacheable, with an ETag', async () => {
    const response = await fetch(`${server.url}/v1/zone/geography`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), null);
    const text = await response.text();
    assert.ok(text.length < 60_000, `${text.length} bytes`);
    ZoneGeography.parse(JSON.parse(text));
    const etag = response.headers.get('etag');
    assert.ok(etag);
    assert.equal((await fetch(`${server.url}/v1/zone/geography`, { headers: { 'If-None-Match': etag } })).status, 304);
  });

  it('refuses bad filters with 400 and pointers, and callers without a token with 401', async () => {
    const list = await problemOf(await fetch(`${server.url}/v1/incidents?status=lost&priority=0,x&unit=%00`, { headers: officer }), 400, 'validation_failed');
    assert.deepEqual(list.errors?.map((error) => error.pointer).sort(), ['/query/priority', '/query/status', '/query/unit']);
    const events = await problemOf(await fetch(`${server.url}/v1/incident-events?before=yesterday`, { headers: officer }), 400, 'validation_failed');
    assert.deepEqual(events.errors?.map((error) => error.pointer), ['/query/before']);
    const stream = await problemOf(await fetch(`${server.url}/v1/incidents/stream?priority=high`, { headers: officer }), 400, 'validation_failed');
    assert.deepEqual(stream.errors?.map((error) => error.pointer), ['/query/priority']);
    await problemOf(await fetch(`${server.url}/v1/units?status=asleep`, { headers: officer }), 400, 'validation_failed');
    await problemOf(await fetch(`${server.url}/v1/incidents/stream?incidentId=inc-nope`, { headers: officer }), 404, 'not_found');
    for (const path of ['/v1/incidents', '/v1/incidents/stream', '/v1/incident-events', '/v1/units']) {
      await problemOf(await fetch(`${server.url}${path}`), 401, 'unauthenticated');
    }
  });
});

describe('the live incident stream over HTTP', () => {
  let server: MockServer;
  before(async () => {
    server = await start({ eventRate: 100, heartbeatMs: 200, devControls: true });
  });

  it('sends retry: first, then only new events, ids strictly increasing, as text/event-stream', async () => {
    const stream = await openStream(server);
    try {
      assert.equal(stream.response.headers.get('content-type'), 'text/event-stream');
      assert.equal(stream.response.headers.get('cache-control'), 'no-store');
      assert.equal(stream.response.headers.get('x-accel-buffering'), 'no');
      const newestBefore = server.zone.incidents.board.journal.lastSeq;
      await stream.until((reader) => reader.events.length >= 40);
      assert.deepEqual(stream.frames[0], { retry: '2000' });
      const ids = stream.events.map((frame) => Number(frame.id));
      assert.ok(ids[0]! > newestBefore - 10, 'no history without Last-Event-ID');
      for (let i = 1; i < ids.length; i++) assert.ok(ids[i]! > ids[i - 1]!, `${ids[i]} after ${ids[i - 1]}`);
      for (const frame of stream.events) {
        const event = parseEvent(frame);
        if (event.type === 'incident') assert.equal(event.entry.id, frame.id);
      }
    } finally {
      await stream.close();
    }
  });

  it('sends a heartbeat comment at the configured interval', async () => {
    const stream = await openStream(server);
    try {
      await stream.until((reader) => reader.frames.filter((frame) => frame.comment === 'heartbeat').length >= 2, 2000);
    } finally {
      await stream.close();
    }
  });

  it('resumes exactly after the Last-Event-ID given, every kept event in order', async () => {
    const first = await openStream(server);
    await first.until((reader) => reader.events.length >= 20);
    await first.close();
    const resumeAfter = first.events[9]!.id!;
    await sleep(300);
    const second = await openStream(server, '', { 'Last-Event-ID': resumeAfter });
    try {
      await second.until((reader) => reader.events.length >= 40);
      const ids = second.events.map((frame) => Number(frame.id));
      // Without filters the journal's ids have no gaps: the next event is the id after.
      assert.deepEqual(ids.slice(0, 10), Array.from({ length: 10 }, (_, i) => Number(resumeAfter) + 1 + i));
      assert.deepEqual(second.events.slice(0, 10), first.events.slice(10, 20));
      for (let i = 1; i < ids.length; i++) assert.equal(ids[i], ids[i - 1]! + 1);
    } finally {
      await second.close();
    }
  });

  it('sends a reset (too_old) first when the Last-Event-ID is older than what it keeps, then goes on', async () => {
    const journal = server.zone.incidents.board.journal;
    const stream = await openStream(server, '', { 'Last-Event-ID': String(journal.oldestKeptSeq! - 5) });
    try {
      await stream.until((reader) => reader.events.length >= 5);
      const [reset, ...rest] = stream.events;
      const event = parseEvent(reset!);
      assert.equal(event.type, 'reset');
      assert.equal(event.type === 'reset' && event.reason, 'too_old');
      assert.ok(rest.every((frame) => frame.event !== 'reset' && Number(frame.id) > Number(reset!.id)));
    } finally {
      await stream.close();
    }
  });

  it('sends a reset (unknown_id) for an id it never gave, e.g. one from before a restart', async () => {
    for (const id of ['12', 'not-an-id', String(server.zone.incidents.board.journal.lastSeq + 1_000)]) {
      const stream = await openStream(server, '', { 'Last-Event-ID': id });
      try {
        await stream.until((reader) => reader.events.length >= 1);
        const event = parseEvent(stream.events[0]!);
        assert.equal(event.type === 'reset' && event.reason, 'unknown_id', id);
      } finally {
        await stream.close();
      }
    }
  });

  it('filters by priority and by incident', async () => {
    const urgent = await openStream(server, '?priority=1');
    const burst = (await (await fetch(`${server.url}/__blauw/incidents/burst`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"count": 60}' })).json()) as { count: number; firstEventId: string; lastEventId: string };
    assert.equal(burst.count, 60);
    const opened = page(Incident).parse(await (await fetch(`${server.url}/v1/incidents?limit=60`, { headers: officer })).json()).items;
    const priorityOne = opened.filter((incident) => incident.priority === 1).map((incident) => incident.id);
    assert.ok(priorityOne.length > 0, 'the burst has urgent incidents');
    try {
      await urgent.until((reader) => priorityOne.every((id) => reader.events.some((frame) => frame.event === 'incident' && frame.data?.includes(`"id":"${id}"`))));
      for (const frame of urgent.events) {
        const event = parseEvent(frame);
        if (event.type === 'incident') assert.equal(event.incident.priority, 1);
        if (event.type === 'unit' && event.unit.incidentId !== undefined) assert.equal(server.zone.incidents.board.find(event.unit.incidentId)?.priority, 1);
      }
      const created = urgent.events.map(parseEvent).filter((event) => event.type === 'incident' && event.entry.kind === 'created');
      assert.equal(created.length, priorityOne.length);
    } finally {
      await urgent.close();
    }

    const target = priorityOne[0]!;
    const one = await openStream(server, `?incidentId=${target}`, { 'Last-Event-ID': String(Number(burst.firstEventId) - 1) });
    try {
      await one.until((reader) => reader.events.length >= 1);
      // Read on for a while: whatever else comes must be about that incident too.
      await one.until(() => false, 500).catch(() => undefined);
      for (const frame of one.events) {
        const event = parseEvent(frame);
        assert.equal(event.type === 'incident' ? event.incident.id : event.type === 'unit' ? event.unit.incidentId : target, target);
      }
    } finally {
      await one.close();
    }
  });

  it('stops the stream’s timers when the client disconnects (no leak)', async () => {
    await noOpenStreams(server);
    const streams = await Promise.all([openStream(server), openStream(server), openStream(server)]);
    await Promise.all(streams.map((stream) => stream.until((reader) => reader.events.length >= 1)));
    assert.equal(server.zone.incidents.openStreams, 3);
    // An abrupt end, as when a phone loses the network: the socket goes, nothing is said.
    streams[0]!.controller.abort();
    await streams[1]!.close();
    await streams[2]!.close();
    await noOpenStreams(server);
  });

  it('ends a HEAD request after the headers', async () => {
    const response = await fetch(`${server.url}/v1/incidents/stream`, { method: 'HEAD', headers: officer, signal: AbortSignal.timeout(2000) });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    await noOpenStreams(server);
  });

  it('refuses a burst that is not 1 to 5000 incidents', async () => {
    for (const body of ['{"count": 0}', '{"count": 5001}', '{"count": "3"}', '{}']) {
      await problemOf(await fetch(`${server.url}/__blauw/incidents/burst`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }), 400, 'validation_failed');
    }
  });
});

describe('the live stream with --stream-chaos', () => {
  it('drops each connection after at most 2N events; resuming with Last-Event-ID loses nothing', async () => {
    const server = await start({ eventRate: 200, streamChaos: 3 });
    const ids: number[] = [];
    let drops = 0;
    let lastEventId: string | undefined;
    while (ids.length < 60) {
      const stream = await openStream(server, '', lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId });
      await stream.until(() => false, 3000).catch(() => undefined);
      assert.ok(stream.ended, 'the server cut the stream off');
      assert.ok(stream.events.length >= 1 && stream.events.length <= 6, `${stream.events.length} events before the cut`);
      drops++;
      ids.push(...stream.events.map((frame) => Number(frame.id)));
      lastEventId = stream.events.at(-1)?.id ?? lastEventId;
      await stream.close();
    }
    assert.ok(drops >= 10);
    // Every event once, in order, none missing: the journal's ids are consecutive.
    for (let i = 1; i < ids.length; i++) assert.equal(ids[i], ids[i - 1]! + 1);
    await noOpenStreams(server);
  });
});

describe('the live stream under load', () => {
  it('keeps up with 1000 events a second', async () => {
    const server = await start({ eventRate: 1000 });
    const stream = await openStream(server);
    try {
      await stream.until((reader) => reader.events.length >= 1);
      const from = performance.now();
      const first = stream.events.length;
      await stream.until(() => performance.now() - from >= 2000, 3000);
      const rate = ((stream.events.length - first) / (performance.now() - from)) * 1000;
      console.info(`incident stream: ${Math.round(rate)} events/s sustained`);
      assert.ok(rate >= 500, `${Math.round(rate)} events/s`);
    } finally {
      await stream.close();
    }
  });
});
