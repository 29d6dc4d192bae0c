// <blauw-briefings> in Chromium against the real blauw-mock-server process: the supervisor
// publishes a briefing through the publisher view's form, the officer's widget on the same page
// shows it live (no reload) and announces it, the officer acknowledges it, and the publisher's
// widget moves the officer from pending to acknowledged live. Then the same offline: the
// acknowledgement waits in the officer's device outbox, survives a reload, and reaches the server
// once when the network returns.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';
import { bundlePages } from '../support/page-bundle.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

const NOW = '2027-03-06T13:30:00+01:00';

describe('the briefings on the intranet, against the real mock server', () => {
  let server: MockServerProcess;
  let site: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  before(async () => {
    server = await startMockServerProcess(['--seed', '5', '--now', NOW, '--heartbeat', '1000']);
    dir = mkdtempSync(join(tmpdir(), 'blauw-briefings-'));
    await bundlePages({ briefings: 'test/e2e/pages/briefings.ts' }, dir);
    // A site has an icon; without one Chromium's request for /favicon.ico is a 404 in the console.
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#1f4e9c"/></svg>\n');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Briefings</title><link rel="icon" href="/favicon.svg"><script type="module" src="briefings.js"></script></head><body></body></html>');
    site = await serveStatic(dir);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a supervisor publishes, the officer sees it live and acknowledges, the publisher sees it acknowledged', async () => {
    await page.goto(`${site.origin}/?api=${encodeURIComponent(server.api)}`);
    const publisher = page.locator('#publisher');
    const officer = page.locator('#officer');
    // Both lists loaded and both streams live.
    await publisher.locator('[part~="status"].live').waitFor();
    await officer.locator('[part~="status"].live').waitFor();

    const title = 'Betoging Markt: verkeersomleiding';
    await publisher.getByLabel('Titel').fill(title);
    await publisher.getByLabel('Tekst').fill('Om 15:00 vertrekt de stoet.\nOmleiding via de Kouter.');
    await publisher.getByLabel('Dringend').check();
    await publisher.getByLabel('Code van het team of de shift').fill('team-wijk-noord');
    await publisher.getByRole('button', { name: 'Publiceren' }).click();
    await publisher.getByText(`Gepubliceerd: ${title}`).waitFor();
    const published = publisher.getByRole('article', { name: title });
    await published.locator('[part~="count"]', { hasText: 'van' }).waitFor();
    const before = await published.locator('[part~="count"]').textContent();
    assert.match(before ?? '', /^0 van \d+ bevestigd$/);

    // Live in the officer's widget, first (urgent, not acknowledged), and announced.
    const arrived = officer.getByRole('article', { name: title });
    await arrived.waitFor();
    assert.equal(await officer.locator('article h3').first().textContent(), title);
    assert.equal((await officer.locator('[aria-live="polite"]').textContent())?.trim(), `Nieuwe dringende briefing: ${title}`);
    assert.equal(await arrived.locator('[part~="text"]').textContent(), 'Om 15:00 vertrekt de stoet.\nOmleiding via de Kouter.');

    await arrived.getByRole('button', { name: 'Gelezen en begrepen' }).click();
    // Through the officer's device outbox: "sending…" first, then the server's time.
    await arrived.locator('[part~="acknowledged"]', { hasText: /^Bevestigd om \d\d:\d\d$/ }).waitFor();

    // The publisher's widget counts the acknowledgement live.
    const total = Number(/van (\d+)/.exec(before ?? '')?.[1]);
    await published.locator('[part~="count"]', { hasText: `1 van ${total} bevestigd` }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('an acknowledgement made without a network waits on the device, survives a reload, and reaches the server once', async () => {
    const title = 'Voetbalwedstrijd: parkeerverbod Stadionlaan';
    const validFrom = '2027-03-06T13:00:00+01:00';
    const published = await fetch(`${server.api}/briefings`, {
      method: 'POST',
      headers: { Authorization: 'Bearer dev-supervisor', 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-offline-briefing' },
      body: JSON.stringify({ title, text: 'Vanaf 18:00 geen parkeren.', audience: { kind: 'team', teamId: 'team-wijk-noord' }, validFrom, validUntil: '2027-03-07T06:00:00+01:00' }),
    });
    assert.equal(published.status, 201);
    const briefingId = ((await published.json()) as { id: string }).id;

    await page.goto(`${site.origin}/?api=${encodeURIComponent(server.api)}`);
    const officer = page.locator('#officer');
    const briefing = officer.getByRole('article', { name: title });
    await briefing.waitFor();

    await context.setOffline(true);
    await briefing.getByRole('button', { name: 'Gelezen en begrepen' }).click();
    await briefing.getByText('Bevestigd — wacht op netwerk, wordt daarna verzonden.').waitFor();

    // The page reloads while the zone stays out of reach (the page's own files still load): the
    // acknowledgement is read back from the device, still waiting.
    await context.setOffline(false);
    await context.route(`${server.api}/briefings/**`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
    await page.reload();
    const reloaded = page.locator('#officer').getByRole('article', { name: title });
    await reloaded.getByText(/^Bevestigd — (wacht op netwerk, wordt daarna verzonden\.|wordt verzonden…)$/).waitFor();

    // The zone is back: the device sends it, once, and the widget shows the server's time.
    await context.unroute(`${server.api}/briefings/**`);
    await context.setOffline(true);
    await context.setOffline(false);
    await reloaded.locator('[part~="acknowledged"]', { hasText: /^Bevestigd om \d\d:\d\d$/ }).waitFor({ timeout: 20_000 });
    const status = await fetch(`${server.api}/briefings/${briefingId}/status`, { headers: { Authorization: 'Bearer dev-supervisor' } });
    const teams = ((await status.json()) as { teams: { acknowledged: { officerId: string }[] }[] }).teams;
    assert.equal(teams.flatMap((team) => team.acknowledged).length, 1);
    assert.deepEqual(problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(problem)), []);
  });
});
