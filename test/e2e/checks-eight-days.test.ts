import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CheckAssignment, CheckSubmission, page as pageOf, type CheckSubmissionInput } from '@blauw/core';
import { EXAMPLE_DOMICILE_ANSWERS, IDEMPOTENCY_TTL_MS, createFixedClock, type FixedClock } from '@blauw/mock-server';
import { startMockServer, type MockServer } from '@blauw/mock-server/server';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { bundlePages } from '../support/page-bundle.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

// An officer completes a domicile check in a field app (FieldDevice in Chromium). The server
// stores it, but its answer is lost on the way back: the device must take the check for unsent.
// The tablet stays offline for 8 days (the Idempotency-Key's 24 hours are long gone), then comes
// back: it sends the check again, with the same client id and key, and the server must answer with
// the first result and still hold the check once. Both clocks are pinned and moved by hand: the
// server's (a fixed clock in this process) and the browser's (Playwright's).

const NOW = '2027-03-01T10:00:00+01:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const DAYS_OFFLINE = 8;
const COMPLETED_AT = '2027-03-01T09:55:00+01:00';
const ANSWERS = EXAMPLE_DOMICILE_ANSWERS;
const officer = { Authorization: 'Bearer dev-officer' };

interface Field {
  now(): number;
  complete(assignmentId: string, answers: Record<string, unknown>, completedAt: string): Promise<CheckSubmissionInput>;
  standing(assignmentId: string): Promise<Standing>;
  poke(): Promise<void>;
  resendChanged(input: CheckSubmissionInput): Promise<{ standing: Standing; body: CheckSubmissionInput | undefined }>;
  copyStandingAfterPoke(assignmentId: string): Promise<Standing>;
}
interface Standing {
  syncState?: string;
  clientId?: string;
  idempotencyKey?: string;
  state?: string;
  attempts?: number;
  lastFailure?: { reason: string; status?: number; code?: string };
}
type FieldWindow = Window & { field: Field };

/** A POST /check-submissions as it passed the network between the tab and the server. */
interface Passed {
  key: string | undefined;
  body: CheckSubmissionInput;
  status?: number;
  answer?: unknown;
}

describe('a check whose answer was lost, resent after 8 days offline', () => {
  let server: MockServer;
  let clock: FixedClock;
  let api: string;
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;
  const problems: string[] = [];
  /** What the network between the tab and the server does with a submission. */
  let network: 'cut-after-commit' | 'down' | 'up' = 'cut-after-commit';
  const passed: Passed[] = [];

  before(async () => {
    clock = createFixedClock(NOW);
    server = await startMockServer({ port: 0, clock });
    api = `${server.url}/v1/`;
    dir = mkdtempSync(join(tmpdir(), 'blauw-eight-days-'));
    await bundlePages({ field: 'test/e2e/pages/field-device.ts' }, dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Veldcontroles</title><script type="module" src="field.js"></script></head><body></body></html>');
    site = await serveStatic(dir);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    await context.route(`${api}check-submissions`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const seen: Passed = { key: (await request.allHeaders())['idempotency-key'], body: request.postDataJSON() as CheckSubmissionInput };
      passed.push(seen);
      if (network === 'down') return route.abort('internetdisconnected');
      const response = await route.fetch();
      seen.status = response.status();
      seen.answer = await response.json();
      if (network === 'cut-after-commit') {
        // The server has committed the check; the tablet loses its signal before the answer arrives.
        network = 'down';
        return route.abort('internetdisconnected');
      }
      return route.fulfill({ response });
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${api}${path}`, { headers: officer });
    assert.equal(response.status, 200, path);
    return response.json();
  };
  const submitted = async () => pageOf(CheckAssignment).parse(await get('check-assignments?status=submitted&limit=200')).items;
  const openTab = async (): Promise<Page> => {
    const tab = await context.newPage();
    await tab.goto(`${site.origin}/?api=${encodeURIComponent(api)}`);
    await tab.waitForFunction(() => 'field' in window);
    return tab;
  };
  const until = async (tab: Page, assignmentId: string, done: (standing: Standing) => boolean): Promise<Standing> => {
    const deadline = performance.now() + 10_000;
    for (;;) {
      const standing = await tab.evaluate((id) => (window as FieldWindow).field.standing(id), assignmentId);
      if (done(standing)) return standing;
      if (performance.now() > deadline) assert.fail(`the check stayed ${JSON.stringify(standing)}`);
      await tab.waitForTimeout(50);
    }
  };

  it(`is answered with the first result and stored once; a changed copy under its client id is parked, never stored`, async (t) => {
    assert.ok(DAYS_OFFLINE * DAY_MS > IDEMPOTENCY_TTL_MS, 'the Idempotency-Key has expired when the tablet comes back');
    const [assignment] = pageOf(CheckAssignment)
      .parse(await get('check-assignments?status=open&limit=200'))
      .items.filter((item) => item.type === 'domicile');
    assert.ok(assignment, 'the dev officer has an open domicile check');
    const submittedBefore = (await submitted()).length;

    // Day 0: completed and sent; the server stores it, the answer is lost.
    const day0 = await openTab();
    const day0Now = await day0.evaluate(() => (window as FieldWindow).field.now());
    assert.ok(day0Now >= Date.parse(NOW) && day0Now < Date.parse(NOW) + 60_000, 'the tab runs on the pinned clock');
    const input = await day0.evaluate(([id, answers, at]) => (window as FieldWindow).field.complete(id, answers, at), [assignment.id, ANSWERS, COMPLETED_AT] as const);
    const waiting = await until(day0, assignment.id, (standing) => standing.attempts === 1 && standing.state === 'queued');
    assert.equal(waiting.syncState, 'waiting');
    assert.deepEqual(waiting.lastFailure, { reason: 'network' });
    assert.equal(passed.length, 1);
    assert.equal(passed[0]!.status, 201, 'the server stored the check on day 0');
    const first = CheckSubmission.parse(passed[0]!.answer);
    const onServer = CheckAssignment.parse(await get(`check-assignments/${assignment.id}`));
    assert.equal(onServer.status, 'submitted');
    assert.equal(onServer.submissionId, first.id);
    await day0.close();

    // Day 8: the tablet is back in coverage; the app is opened again in the same browser.
    clock.advance(DAYS_OFFLINE * DAY_MS);
    await context.clock.setSystemTime(Date.parse(NOW) + DAYS_OFFLINE * DAY_MS);
    network = 'up';
    const day8 = await openTab();
    const tabNow = await day8.evaluate(() => (window as FieldWindow).field.now());
    assert.ok(tabNow >= Date.parse(NOW) + DAYS_OFFLINE * DAY_MS && tabNow < Date.parse(NOW) + DAYS_OFFLINE * DAY_MS + 60_000, 'the tab is 8 days on');
    const sent = await until(day8, assignment.id, (standing) => standing.state === 'sent');
    assert.equal(sent.syncState, 'sent');
    assert.equal(sent.attempts, 2);
    assert.equal(passed.length, 2);
    assert.equal(passed[1]!.key, passed[0]!.key, 'the same Idempotency-Key');
    assert.equal(passed[1]!.body.clientId, input.clientId, 'the same client id');
    assert.deepEqual(passed[1]!.body, passed[0]!.body, 'the same body');
    assert.equal(passed[1]!.status, 200, 'recognised as a resend');
    assert.deepEqual(CheckSubmission.parse(passed[1]!.answer), first, 'answered with the first result');
    const afterResend = CheckAssignment.parse(await get(`check-assignments/${assignment.id}`));
    assert.equal(afterResend.submissionId, first.id);
    assert.equal((await submitted()).length, submittedBefore + 1, 'the server holds the check once');

    // The check again under its client id with one answer changed (a copy edited elsewhere): refused and parked.
    const changed: CheckSubmissionInput = { ...input, answers: { ...input.answers, nameOnBell: false } };
    const copy = await day8.evaluate((body) => (window as FieldWindow).field.resendChanged(body), changed);
    assert.equal(passed.length, 3);
    assert.equal(passed[2]!.body.clientId, input.clientId);
    assert.notEqual(passed[2]!.key, passed[0]!.key);
    assert.equal(passed[2]!.status, 409);
    assert.equal((passed[2]!.answer as { code?: string }).code, 'client_id_reused');
    assert.equal(copy.body?.answers['nameOnBell'], false, 'the copy queued the changed check');
    assert.equal(copy.standing.syncState, 'needs_attention');
    assert.deepEqual(copy.standing.lastFailure, { reason: 'refused', status: 409, code: 'client_id_reused' });
    const later = await day8.evaluate((id) => (window as FieldWindow).field.copyStandingAfterPoke(id), assignment.id);
    assert.equal(later.state, 'needs_attention');
    assert.equal(later.attempts, 1, 'not sent again by itself');
    assert.equal(passed.length, 3);
    assert.equal(CheckAssignment.parse(await get(`check-assignments/${assignment.id}`)).submissionId, first.id);
    assert.equal((await submitted()).length, submittedBefore + 1, 'the changed copy was not stored');
    // What the server keeps is the first check: the original body is still its resend.
    const original = await fetch(`${api}check-submissions`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': 'eight-days-verify' },
      body: JSON.stringify(input),
    });
    assert.equal(original.status, 200);
    assert.deepEqual(CheckSubmission.parse(await original.json()), first);

    t.diagnostic(
      `${DAYS_OFFLINE} days offline (Idempotency-Key TTL ${IDEMPOTENCY_TTL_MS / 3_600_000} h): ${sent.attempts} attempts ` +
        `(201 lost on day 0, ${passed[1]!.status} on day ${DAYS_OFFLINE}); final state ${sent.state}; ` +
        `the server holds 1 submission (${first.id}) for ${assignment.id}; the changed copy: ${later.state} after ${later.attempts} attempt (${passed[2]!.status} client_id_reused)`,
    );
    assert.deepEqual(
      problems.filter((problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(problem)),
      [],
    );
  });
});
