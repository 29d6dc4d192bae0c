import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CheckAssignment, CheckSubmission, CheckType, Problem, page, type CheckSubmissionInput } from '@blauw/core';
import { z } from 'zod/mini';
import { createFixedClock, type FixedClock } from '../src/domain/clock.js';
import { startMockServer, type MockServer } from '../src/server.js';
import { EXAMPLE_DOMICILE_ANSWERS } from '../src/seed/check-types.js';

// Field checks over real HTTP, on loopback. Every server's clock is pinned: `now` for the one
// that runs on from it, a fixed clock moved by hand for the officer who comes back after 8 days.

const NOW = '2027-03-06T22:00:00+01:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const officer = { Authorization: 'Bearer dev-officer' };
const supervisor = { Authorization: 'Bearer dev-supervisor' };
const AssignmentPage = page(CheckAssignment);

const ANSWERS = EXAMPLE_DOMICILE_ANSWERS;

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `checks-${++keys}`, ...officer, ...headers },
    body: JSON.stringify(body),
  });

async function problemOf(response: Response): Promise<Problem> {
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  return Problem.parse(await response.json());
}

async function openDomicile(v1: string): Promise<CheckAssignment[]> {
  const list = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?status=open&limit=200`, { headers: officer })).json());
  return list.items.filter((item) => item.type === 'domicile');
}

const submission = (assignmentId: string, clientId: string, overrides: Partial<CheckSubmissionInput> = {}): CheckSubmissionInput => ({
  clientId,
  assignmentId,
  type: 'domicile',
  definitionVersion: 2,
  answers: ANSWERS,
  completedAt: '2027-03-06T21:45:00+01:00',
  position: { lat: 51.0342, lon: 4.1021 },
  ...overrides,
});

describe('check types and assignments over HTTP', () => {
  let server: MockServer;
  let v1: string;
  before(async () => {
    server = await startMockServer({ port: 0, now: NOW });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('lists each check type in its latest version, and serves an older version by number', async () => {
    const list = z.object({ items: z.array(CheckType) }).parse(await (await fetch(`${v1}/check-types`, { headers: officer })).json());
    assert.deepEqual(list.items.map((type) => `${type.type}@${type.version}`), ['domicile@2', 'residence@1', 'electronic_monitoring@1']);
    const response = await fetch(`${v1}/check-types/domicile/versions/1`, { headers: officer });
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('etag'));
    const older = CheckType.parse(await response.json());
    assert.equal(older.version, 1);
    assert.ok(!older.fields.some((field) => field.name === 'occupants'));
  });

  it('answers 404 check_type_not_found for a version that does not exist, and 401 without a token', async () => {
    const missing = await fetch(`${v1}/check-types/domicile/versions/9`, { headers: officer });
    assert.equal(missing.status, 404);
    assert.equal((await problemOf(missing)).code, 'check_type_not_found');
    assert.equal((await fetch(`${v1}/check-types`)).status, 401);
  });

  it('pages through the officer’s assignments with a cursor and filters them by status', async () => {
    const first = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?limit=5`, { headers: officer })).json());
    assert.equal(first.items.length, 5);
    assert.ok(first.nextCursor);
    const rest = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?limit=50&cursor=${first.nextCursor}`, { headers: officer })).json());
    assert.equal(rest.nextCursor, null);
    assert.equal(first.items.length + rest.items.length, 12);
    const cancelled = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?status=cancelled`, { headers: officer })).json());
    assert.deepEqual(cancelled.items.map((item) => item.status), ['cancelled']);
    const bad = await fetch(`${v1}/check-assignments?status=done`, { headers: officer });
    assert.equal(bad.status, 400);
    assert.equal((await problemOf(bad)).errors?.[0]?.pointer, '/query/status');
  });

  it('gets one assignment with its person and address, and refuses a supervisor, who has none (403)', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const response = await fetch(`${v1}/check-assignments/${assignment.id}`, { headers: officer });
    assert.equal(response.status, 200);
    assert.deepEqual(CheckAssignment.parse(await response.json()), assignment);
    assert.equal((await fetch(`${v1}/check-assignments`, { headers: supervisor })).status, 403);
    const unknown = await fetch(`${v1}/check-assignments/chk-nobody-01`, { headers: officer });
    assert.equal((await problemOf(unknown)).code, 'check_assignment_not_found');
  });
});

describe('check submissions over HTTP', () => {
  let server: MockServer;
  let v1: string;
  before(async () => {
    server = await startMockServer({ port: 0, now: NOW });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('stores a check (201), answers a resend under a new Idempotency-Key with the original (200), and marks the assignment submitted', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const body = submission(assignment.id, '11111111-1111-4111-8111-111111111111');
    const created = await post(`${v1}/check-submissions`, body);
    assert.equal(created.status, 201);
    const stored = CheckSubmission.parse(await created.json());
    assert.equal(stored.clientId, body.clientId);
    assert.equal(stored.definitionVersion, 2);
    const again = await post(`${v1}/check-submissions`, body);
    assert.equal(again.status, 200);
    assert.deepEqual(CheckSubmission.parse(await again.json()), stored);
    const after = CheckAssignment.parse(await (await fetch(`${v1}/check-assignments/${assignment.id}`, { headers: officer })).json());
    assert.equal(after.status, 'submitted');
    assert.equal(after.submissionId, stored.id);
  });

  it('refuses a changed check under a client id already used (409 client_id_reused) and stores nothing', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const body = submission(assignment.id, '22222222-2222-4222-8222-222222222222');
    const first = CheckSubmission.parse(await (await post(`${v1}/check-submissions`, body)).json());
    const changed = await post(`${v1}/check-submissions`, { ...body, answers: { ...ANSWERS, conclusion: 'undetermined' } });
    assert.equal(changed.status, 409);
    const problem = await problemOf(changed);
    assert.equal(problem.code, 'client_id_reused');
    assert.equal(problem.errors?.[0]?.pointer, '/clientId');
    const resend = await post(`${v1}/check-submissions`, body);
    assert.deepEqual(CheckSubmission.parse(await resend.json()), first);
  });

  it('answers 422 check_answers_invalid with a pointer at each wrong answer, and keeps the assignment open', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const { neighbourStatement: _, ...answers } = ANSWERS;
    const response = await post(`${v1}/check-submissions`, submission(assignment.id, '33333333-3333-4333-8333-333333333333', { answers: { ...answers, occupants: 99, signsOfLiving: 'perhaps' } }));
    assert.equal(response.status, 422);
    const problem = await problemOf(response);
    assert.equal(problem.code, 'check_answers_invalid');
    assert.deepEqual(problem.errors?.map((error) => error.pointer).sort(), ['/answers/neighbourStatement', '/answers/occupants', '/answers/signsOfLiving']);
    const still = CheckAssignment.parse(await (await fetch(`${v1}/check-assignments/${assignment.id}`, { headers: officer })).json());
    assert.equal(still.status, 'open');
  });

  it('answers 404 for an unknown assignment and 409 check_assignment_not_open for a cancelled one', async () => {
    const unknown = await post(`${v1}/check-submissions`, submission('chk-nobody-01', '44444444-4444-4444-8444-444444444444'));
    assert.equal(unknown.status, 404);
    assert.equal((await problemOf(unknown)).code, 'check_assignment_not_found');
    const cancelled = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?status=cancelled`, { headers: officer })).json()).items[0];
    assert.ok(cancelled);
    const refused = await post(`${v1}/check-submissions`, submission(cancelled.id, '55555555-5555-4555-8555-555555555555', { type: cancelled.type }));
    assert.equal(refused.status, 409);
    const problem = await problemOf(refused);
    assert.equal(problem.code, 'check_assignment_not_open');
    assert.equal(problem['assignmentStatus'], 'cancelled');
  });

  it('answers 400 with a pointer for a client id that is not a UUID', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const response = await post(`${v1}/check-submissions`, submission(assignment.id, 'not-a-uuid'));
    assert.equal(response.status, 400);
    assert.ok((await problemOf(response)).errors?.some((error) => error.pointer === '/clientId'));
  });
});

describe('a check resent after 8 days offline', () => {
  let server: MockServer;
  let v1: string;
  let clock: FixedClock;
  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('is recognised by its client id after the Idempotency-Key expired, and answered with the original result, not stored twice', async () => {
    const [assignment] = await openDomicile(v1);
    assert.ok(assignment);
    const body = submission(assignment.id, '66666666-6666-4666-8666-666666666666');
    const headers = { 'Idempotency-Key': 'outbox-item-1' };
    const first = await post(`${v1}/check-submissions`, body, headers);
    assert.equal(first.status, 201);
    const original = CheckSubmission.parse(await first.json());

    // Within the key's 24 hours the idempotency layer replays the first answer itself.
    const retry = await post(`${v1}/check-submissions`, body, headers);
    assert.equal(retry.status, 201);
    assert.deepEqual(CheckSubmission.parse(await retry.json()), original);

    clock.advance(8 * DAY_MS);
    const late = await post(`${v1}/check-submissions`, body, headers);
    assert.equal(late.status, 200, 'the key has expired; the client id still knows the check');
    const replayed = CheckSubmission.parse(await late.json());
    assert.deepEqual(replayed, original);
    assert.equal(replayed.receivedAt, NOW);

    const changed = await post(`${v1}/check-submissions`, { ...body, answers: { ...ANSWERS, nameOnBell: false } }, { 'Idempotency-Key': 'outbox-item-1-edited' });
    assert.equal(changed.status, 409);
    assert.equal((await problemOf(changed)).code, 'client_id_reused');
  });
});
