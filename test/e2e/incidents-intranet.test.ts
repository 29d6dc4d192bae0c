import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, pinnedContext, tabTo } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

// The intranet demo page in Chromium against the real mock server, under the demo's strict
// Content-Security-Policy with Trusted Types: the provider signs the timeline and the map in, both
// follow one live stream, a burst of incidents reaches the page, and a choice on the map is the
// timeline's choice too. The server's clock starts at NOW (a Saturday evening, Brussels already
// past midnight in UTC+14 where the browser runs), never the real date.

const NOW = '2027-03-06T22:30:00Z';

describe('an officer follows the incidents live on the intranet page', () => {
  let server: MockServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const timeline = () => page.locator('blauw-incident-timeline');
  const map = () => page.locator('blauw-incident-map');
  const newestEntryId = () => timeline().locator('article[aria-posinset="1"]').getAttribute('data-id');

  before(async () => {
    server = await startMockServerProcess(['--seed', '3', '--now', NOW]);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the day so far, live, in both widgets, signed in by the page', async () => {
    await page.goto(`${server.origin}/demo/incidents.html`);
    await timeline().getByRole('status').filter({ hasText: 'Live' }).waitFor();
    assert.ok((await timeline().locator('article').count()) > 0, 'the timeline shows the history');
    await map().getByRole('region').first().waitFor();
    assert.ok((await map().locator('path').count()) > 10, 'the zone and its streets are drawn');
    assert.ok((await map().getByRole('button', { name: /^Eenheid SCH-/ }).count()) > 0, 'the units are listed');
  });

  it('takes in a burst of new incidents at the top while the officer is not reading further down', async () => {
    const before = await newestEntryId();
    const response = await fetch(`${server.origin}/__blauw/incidents/burst`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"count": 25}' });
    assert.equal(response.status, 200, await response.text());
    await page.waitForFunction(
      (previous) => document.querySelector('blauw-incident-timeline')?.shadowRoot?.querySelector('article[aria-posinset="1"]')?.getAttribute('data-id') !== previous,
      before,
    );
    assert.ok(Number(await newestEntryId()) > Number(before), 'the newest entry is a new one');
  });

  it('selects on the map what the timeline then marks, by keyboard', async () => {
    const first = map().getByRole('list').first().getByRole('button').first();
    // From the map's first control (a keyboard user leaves the timeline's feed with Control+End).
    await map().getByRole('button').first().focus();
    await tabTo(page, first, 60);
    await page.keyboard.press('Enter');
    assert.equal(await first.getAttribute('aria-pressed'), 'true');
    const marked = timeline().locator('article[aria-current="true"]').first();
    await marked.waitFor();
    // "Prioriteit 2, Inbraak, Kerkstraat 12, Scheldegem": the entry marked is at that address.
    const [, type, street] = ((await first.textContent()) ?? '').trim().split(', ');
    const entry = (await marked.textContent()) ?? '';
    assert.ok(street && entry.includes(street), `the marked entry (${entry}) is not at ${street}`);
    assert.ok(type && entry.includes(type), `the marked entry (${entry}) is not a ${type}`);
  });

  it('breaks no rule of the page: no console error, no policy violation', () => {
    assert.deepEqual(problems, []);
  });
});
