import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CONTENT_SECURITY_POLICY } from '../../packages/mock-server/src/content-security-policy.js';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

// Every Blauw CDN file on one CMS page, each in its own script tag as webmasters paste them, under
// the demo's strict Content-Security-Policy: Trusted Types required, and only the `lit-html` and
// `blauw` policies allowed, each once (no 'allow-duplicates'). The files share one lit, so lit's
// policy is created once; a file that carried its own lit would make Chromium refuse the second
// `lit-html` policy, and the page would break. New widgets are picked up from dist/cdn by name.

const NOW = '2027-04-30T21:30:00Z';
const cdnDir = new URL('../../packages/widgets/dist/cdn/', import.meta.url);
const entries = readdirSync(cdnDir).filter((file) => file.endsWith('.js')).sort();

describe('all Blauw CDN files on one page under Trusted Types', () => {
  let server: MockServerProcess;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requested: string[] = [];

  before(async () => {
    server = await startMockServerProcess(['--seed', '5', '--now', NOW]);
    browser = await launchChromium();
    const context = await pinnedContext(browser, NOW, problems);
    // Counts the Trusted Types policies the page creates, by name, before any script runs.
    await context.addInitScript(() => {
      const created: string[] = [];
      (window as unknown as { blauwPolicies: string[] }).blauwPolicies = created;
      const factory = window.trustedTypes;
      if (factory === undefined) return;
      const createPolicy = factory.createPolicy.bind(factory);
      factory.createPolicy = ((name: string, rules: object) => {
        created.push(name);
        return createPolicy(name, rules);
      }) as typeof factory.createPolicy;
    });
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    // A page of the mock server's origin, served with the demo's policy: the provider, a booking
    // calendar inside it, and a script tag per CDN file (the provider's first, the rest after).
    await page.route(`${server.origin}/cms-page.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DEMO_CONTENT_SECURITY_POLICY },
        body: `<!doctype html><html lang="nl"><head><title>Gemeente</title>
${entries.map((file) => `<script type="module" src="/cdn/${file}"></script>`).join('\n')}
</head><body><main><blauw-provider api="/v1"><blauw-booking-calendar></blauw-booking-calendar></blauw-provider></main></body></html>`,
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`loads ${entries.length} files (${entries.join(', ')}), and every widget renders without a violation`, async () => {
    assert.ok(entries.includes('blauw-booking-calendar.js') && entries.includes('blauw-provider.js'), `dist/cdn has ${entries.join(', ')}`);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Trusted Type|Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${server.origin}/cms-page.html`);
    for (const file of entries) {
      const tag = file.replace(/\.js$/, '');
      assert.equal(await page.evaluate((name) => customElements.get(name) !== undefined, tag), true, `<${tag}> is not defined`);
    }
    // The calendar got its client from the provider and shows its first step, from the server.
    await page.getByRole('heading', { name: 'Waarover gaat uw afspraak?' }).waitFor();
    await page.getByRole('radio', { name: /Adreswijziging en woonstcontrole/ }).waitFor();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });

  it('downloads the strings of a language when a widget is switched to it', async () => {
    const before = requested.filter((url) => url.includes('/strings-'));
    assert.ok(before.length > 0 && before.every((url) => /strings-nl-/.test(url)), `a Dutch page loaded ${before.join(', ')}`);
    await page.locator('blauw-booking-calendar').evaluate((calendar) => calendar.setAttribute('lang', 'fr'));
    await page.getByRole('heading', { name: 'Quel est l’objet du rendez-vous\u202f?' }).waitFor();
    assert.ok(requested.some((url) => url.includes('/strings-fr-')), 'no French strings were downloaded');
    assert.ok(!requested.some((url) => /strings-(de|en)-/.test(url)), 'strings of a language no widget speaks were downloaded');
    assert.deepEqual(problems, []);
  });

  it('creates the lit-html policy once for all the files', async () => {
    const policies = await page.evaluate(() => (window as unknown as { blauwPolicies: string[] }).blauwPolicies);
    assert.equal(policies.filter((name) => name === 'lit-html').length, 1, `policies created: ${policies.join(', ')}`);
  });

  it('loads one copy of lit: every entry imports the shared chunks instead of bundling its own', () => {
    const chunkFiles = readdirSync(new URL('chunks/', cdnDir));
    const withLit = [...entries.map((file) => new URL(file, cdnDir)), ...chunkFiles.map((file) => new URL(`chunks/${file}`, cdnDir))]
      // lit-html's marker for its template parts: present once per copy of lit.
      .filter((url) => readFileSync(url, 'utf8').includes('lit$'))
      .map((url) => url.pathname.replace(/.*\/cdn\//, ''));
    assert.equal(withLit.length, 1, `lit is in ${withLit.join(', ')}`);
  });
});
