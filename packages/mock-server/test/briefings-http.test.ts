import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Briefing, BriefingAcknowledgement, BriefingStatus, Problem, page, type BriefingInput } from '@blauw/core';
import { createFixedClock, type FixedClock } from '../src/domain/clock.js';
import { startMockServer, type MockServer } from '../src/server.js';
import { SseReader } from './support/sse-reader.js';

// Briefings over real HTTP, on loopback, on a fixed clock moved by hand.

const NOW = '2027-03-06T13:30:00+01:00';
const HOUR_MS = 60 * 60 * 1000;
const officer = { Authorization: 'Bearer dev-officer' };
const supervisor = { Authorization: 'Bearer dev-supervisor' };
const BriefingPage = page(Briefing);

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `briefings-${++keys}`, ...headers }, body: body === undefined ? null : JSON.stringify(body) });

async function problemOf(response: Response, status: number, code: string): Promise<Problem> {
  assert.equal(response.status, status);
  const document = Problem.parse(await response.json());
  assert.equal(document.code, code);
  return document;
}

const briefing = (overrides: Partial<BriefingInput> = {}): BriefingInput => ({
  title: 'Controle zwaar vervoer',
  text: 'Vanaf 14 u controle aan de Scheldedijk.\nVesten mee.',
  priority: false,
  audience: { kind: 'team', teamId: 'team-wijk-noord' },
  validFrom: '2027-03-06T14:00:00+01:00',
  validUntil: '2027-03-06T22:00:00+01:00',
  ...overrides,
});

async function openStream(v1: string, headers: Record<string, string>): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(`${v1}/messaging/stream`, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  return new SseReader(response, controller);
}

describe('briefings over HTTP', () => {
  let server: MockServer;
  let clock: FixedClock;
  let v1: string;
  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('round trip: published → the officer sees it live and unread → acknowledges → the publisher sees who did and who did not', async () => {
    const officerStream = await openStream(v1, officer);
    const publisherStream = await openStream(v1, supervisor);
    try {
      const published = await post(`${v1}/briefings`, briefing(), supervisor);
      assert.equal(published.status, 201);
      const created = Briefing.parse(await published.json());
      assert.equal(created.publishedBy.id, 'sup-01');
      await officerStream.until((reader) => reader.events.some((frame) => frame.event === 'briefing.published'));
      const live = Briefing.parse(JSON.parse(officerStream.events.find((frame) => frame.event === 'briefing.published')?.data ?? ''));
      assert.equal(live.id, created.id);
      assert.equal(live.acknowledgedAt, null);

      // Not current before 14:00; then listed first, as it is unread.
      assert.ok(!BriefingPage.parse(await (await fetch(`${v1}/briefings`, { headers: officer })).json()).items.some((item) => item.id === created.id));
      clock.advance(HOUR_MS);
      const listed = BriefingPage.parse(await (await fetch(`${v1}/briefings`, { headers: officer })).json()).items;
      assert.equal(listed[0]?.acknowledgedAt, null);
      assert.ok(listed.some((item) => item.id === created.id));

      const acknowledged = await post(`${v1}/briefings/${created.id}/acknowledgements`, undefined, officer);
      assert.equal(acknowledged.status, 201);
      const acknowledgement = BriefingAcknowledgement.parse(await acknowledged.json());
      assert.deepEqual(acknowledgement, { briefingId: created.id, officerId: 'officer-01', acknowledgedAt: '2027-03-06T14:30:00+01:00' });
      clock.advance(60_000);
      const again = await post(`${v1}/briefings/${created.id}/acknowledgements`, undefined, officer);
      assert.equal(again.status, 200, 'idempotent');
      assert.deepEqual(BriefingAcknowledgement.parse(await again.json()), acknowledgement);

      await publisherStream.until((reader) => reader.events.some((frame) => frame.event === 'briefing.acknowledged'));
      const told = publisherStream.events.filter((frame) => frame.event === 'briefing.acknowledged');
      assert.equal(told.length, 1);
      assert.deepEqual(BriefingAcknowledgement.parse(JSON.parse(told[0]?.data ?? '')), acknowledgement);

      const status = BriefingStatus.parse(await (await fetch(`${v1}/briefings/${created.id}/status`, { headers: supervisor })).json());
      assert.deepEqual(status.teams.map((team) => team.teamId), ['team-wijk-noord']);
      assert.deepEqual(status.teams[0]?.acknowledged.map((entry) => entry.officerId), ['officer-01']);
      assert.deepEqual(status.teams[0]?.pending.map((entry) => entry.officerId).sort(), ['officer-02', 'officer-03', 'officer-04', 'officer-05']);

      const after = BriefingPage.parse(await (await fetch(`${v1}/briefings`, { headers: officer })).json()).items;
      assert.equal(after.find((item) => item.id === created.id)?.acknowledgedAt, acknowledgement.acknowledgedAt);
      assert.equal(after.at(-1)?.id, created.id, 'an acknowledged briefing goes after the unread ones');
    } finally {
      await officerStream.close();
      await publisherStream.close();
    }
  });

  it('groups a shift’s officers by their team in the status', async () => {
    const created = Briefing.parse(await (await post(`${v1}/briefings`, briefing({ audience: { kind: 'shift', shiftId: 'shift-late' }, validUntil: '2027-03-07T06:00:00+01:00' }), supervisor)).json());
    const status = BriefingStatus.parse(await (await fetch(`${v1}/briefings/${created.id}/status`, { headers: supervisor })).json());
    assert.deepEqual(status.teams.map((team) => team.teamId), ['team-wijk-noord', 'team-wijk-zuid']);
    assert.deepEqual(status.teams.flatMap((team) => team.pending.map((entry) => entry.officerId)).sort(), ['officer-02', 'officer-05', 'officer-08']);
    await problemOf(await post(`${v1}/briefings/${created.id}/acknowledgements`, undefined, officer), 404, 'briefing_not_found');
  });

  it('refuses an unknown audience and a validity that ends before it starts, in the past or after 31 days (422)', async () => {
    const audience = await problemOf(await post(`${v1}/briefings`, briefing({ audience: { kind: 'team', teamId: 'team-nergens' } }), supervisor), 422, 'briefing_audience_unknown');
    assert.equal(audience.errors?.[0]?.pointer, '/audience/teamId');
    await problemOf(await post(`${v1}/briefings`, briefing({ validUntil: '2027-03-06T13:00:00+01:00' }), supervisor), 422, 'briefing_validity_invalid');
    await problemOf(await post(`${v1}/briefings`, briefing({ validFrom: '2027-03-01T00:00:00+01:00', validUntil: '2027-03-06T10:00:00+01:00' }), supervisor), 422, 'briefing_validity_invalid');
    await problemOf(await post(`${v1}/briefings`, briefing({ validUntil: '2027-05-06T22:00:00+02:00' }), supervisor), 422, 'briefing_validity_invalid');
    await problemOf(await post(`${v1}/briefings`, briefing({ attachments: [{ title: 'Plan', url: 'http://intranet.example/plan.pdf' }] }), supervisor), 400, 'validation_failed');
  });

  it('lets only supervisors publish and see the status (403 for an officer, 401 without a token), and only officers acknowledge', async () => {
    await problemOf(await post(`${v1}/briefings`, briefing(), officer), 403, 'forbidden');
    const [seeded] = BriefingPage.parse(await (await fetch(`${v1}/briefings`, { headers: supervisor })).json()).items;
    assert.ok(seeded);
    await problemOf(await fetch(`${v1}/briefings/${seeded.id}/status`, { headers: officer }), 403, 'forbidden');
    await problemOf(await post(`${v1}/briefings/${seeded.id}/acknowledgements`, undefined, supervisor), 403, 'forbidden');
    assert.equal((await fetch(`${v1}/briefings`)).status, 401);
    assert.equal((await post(`${v1}/briefings`, briefing(), {})).status, 401);
    await problemOf(await fetch(`${v1}/briefings/brf-99999/status`, { headers: supervisor }), 404, 'briefing_not_found');
  });
});
