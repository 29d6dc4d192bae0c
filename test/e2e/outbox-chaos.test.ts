import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CheckAssignment, page as pageOf, type CheckSubmissionInput } from '@blauw/core';
import { EXAMPLE_DOMICILE_ANSWERS, mulberry32 } from '@blauw/mock-server';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';
import { bundlePages } from '../support/page-bundle.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

// 200 completed checks (20 with a photo) from a field app in Chromium, through the officer's
// FieldDevice and its offline outbox, against the real
// mock server failing a tenth of its requests (503 or a dropped connection) and dropping the
// answer of a fifth of its writes after committing them; meanwhile the network is cut and restored
// at random, the page is reloaded 5 times, and a second tab of the same app is open. The server
// must end with exactly 200 checks: none lost, none stored twice. The clocks are pinned (server and
// browser start at NOW); the chaos is seeded.

const NOW = '2027-03-06T21:00:00Z';
const CHECKS = 200;
const BATCH = 20;
/** Every tenth check carries a photo, uploaded in chunks through the same chaos. */
const PHOTO_EVERY = 10;
const ANSWERS = EXAMPLE_DOMICILE_ANSWERS;
const officer = { Authorization: 'Bearer dev-officer' };

/** GET through the server's injected failures: asked again until it answers. */
async function getThrough(url: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { headers: officer });
      if (response.ok) return await response.json();
    } catch (error) {
      if (attempt > 50) throw error;
    }
    if (attempt > 50) assert.fail(`${url} kept failing`);
  }
}

async function assignments(api: string, status: string): Promise<CheckAssignment[]> {
  const all: CheckAssignment[] = [];
  let cursor: string | null = null;
  do {
    const list = pageOf(CheckAssignment).parse(await getThrough(`${api}/check-assignments?status=${status}&limit=200${cursor ? `&cursor=${cursor}` : ''}`));
    all.push(...list.items);
    cursor = list.nextCursor;
  } while (cursor !== null);
  return all;
}

describe('the offline outbox under chaos, against the real mock server', () => {
  let server: MockServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;
  const problems: string[] = [];

  before(async () => {
    server = await startMockServerProcess(['--seed', '4', '--now', NOW, '--check-assignments', '420', '--fail-rate', '0.1', '--drop-after-commit', '0.2']);
    dir = mkdtempSync(join(tmpdir(), 'blauw-outbox-e2e-'));
    await bundlePages({ field: 'test/e2e/pages/field-outbox.ts' }, dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Veldcontroles</title><script type="module" src="field.js"></script></head><body></body></html>');
    site = await serveStatic(dir);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`delivers ${CHECKS} checks exactly once through dropped answers, cut networks, 5 reloads and a second tab`, async () => {
    const started = performance.now();
    const open = (await assignments(server.api, 'open')).filter((assignment) => assignment.type === 'domicile').slice(0, CHECKS);
    assert.equal(open.length, CHECKS);
    const before = (await assignments(server.api, 'submitted')).length;
    const checks: (CheckSubmissionInput & { withPhoto: boolean })[] = open.map((assignment, i) => ({
      withPhoto: i % PHOTO_EVERY === 0,
      clientId: randomUUID(),
      assignmentId: assignment.id,
      type: 'domicile',
      definitionVersion: 2,
      answers: ANSWERS,
      completedAt: '2027-03-06T20:30:00Z',
    }));

    const url = `${site.origin}/?api=${encodeURIComponent(server.api)}`;
    const open_ = async (): Promise<Page> => {
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => 'field' in window);
      return tab;
    };
    const tabs = [await open_(), await open_()];
    const random = mulberry32(11);
    let cuts = 0;
    let reloads = 0;
    for (let batch = 0; batch < CHECKS / BATCH; batch++) {
      const tab = tabs[batch % 2]!;
      await tab.evaluate((items) => (window as unknown as { field: { queue(c: unknown[]): Promise<void> } }).field.queue(items), checks.slice(batch * BATCH, (batch + 1) * BATCH));
      if (random() < 0.6) {
        cuts++;
        await context.setOffline(true);
        await tabs[0]!.waitForTimeout(100 + Math.floor(random() * 400));
        await context.setOffline(false);
      }
      if (batch % 2 === 1) {
        reloads++;
        await tabs[0]!.reload();
        await tabs[0]!.waitForFunction(() => 'field' in window);
      }
      await tabs[1]!.waitForTimeout(Math.floor(random() * 300));
    }
    assert.equal(reloads, 5);

    type Item = { clientId: string; kind: string; state: string; attempts: number };
    const PHOTOS = CHECKS / PHOTO_EVERY;
    const items = () => tabs[1]!.evaluate(() => (window as unknown as { field: { items(): Promise<Item[]> } }).field.items());
    const deadline = performance.now() + 90_000;
    let last: Item[] = [];
    while (performance.now() < deadline) {
      last = await items();
      if (last.length === CHECKS + PHOTOS && last.every((item) => item.state === 'sent' || item.state === 'needs_attention')) break;
      await Promise.all(tabs.map((tab) => tab.evaluate(() => (window as unknown as { field: { poke(): Promise<void> } }).field.poke())));
      await tabs[1]!.waitForTimeout(200);
    }
    const sent = last.filter((item) => item.state === 'sent' && item.kind === 'check-submission').length;
    const photosSent = last.filter((item) => item.state === 'sent' && item.kind === 'check-photo').length;
    const parked = last.filter((item) => item.state === 'needs_attention');
    const attempts = last.reduce((sum, item) => sum + item.attempts, 0);
    const stored = (await assignments(server.api, 'submitted')).length - before;
    console.info(
      `outbox chaos: ${CHECKS} checks (${photosSent} photos), ${cuts} network cuts, ${reloads} reloads, 2 tabs; ${attempts} attempts; ` +
        `${sent} sent, ${parked.length} needing attention; the server holds ${stored} new checks; ${Math.round(performance.now() - started)} ms`,
    );
    assert.deepEqual(parked, [], 'no check refused');
    assert.equal(sent, CHECKS, 'every check delivered');
    // The server accepts a check naming a photo only once it holds the photo complete.
    assert.equal(photosSent, PHOTOS, 'every photo delivered before its check');
    assert.equal(stored, CHECKS, 'the server holds each check once: 0 lost, 0 doubled');
    assert.ok(attempts > CHECKS, 'the chaos made the outbox try again');
    assert.deepEqual(problems.filter((problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(problem)), []);
  });
});
