import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { CheckAssignment } from '@blauw/core';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

// The field officer's tablet page (/demo/checks.html) in Chromium against the real mock server,
// with the widgets' CDN files under the demo's strict policy: the officer opens a domicile check
// from the list, starts filling it in, loses the network, goes on typing, reloads the page, finds
// the draft, completes the check offline and sees it wait, then sent once the network is back.
// The server must hold exactly one submission for the assignment. The server's clock starts at
// NOW (a Monday morning in Brussels, already evening in UTC+14 where the browser runs).
//
// The reload happens online: the demo's files are served `max-age=0` (revalidated on each load)
// and the page has no service worker, so a tablet offline cannot load the page itself; what must
// survive is the draft on the device, which the form reads back with the network gone again.

const NOW = '2027-03-08T07:45:00Z';
const officer = { Authorization: 'Bearer dev-officer' };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Chromium logs every request an offline page makes as a failed resource: expected here.
const offlineNoise = /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/;

/** What axe-core (run in the page, into the widgets' shadow roots) finds wrong, one line a rule. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => JSON.stringify(target)).join(', ')}`);
  });
}

describe('a field officer completes a domicile check on the tablet page, offline', () => {
  let server: MockServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let assignmentId: string;
  const problems: string[] = [];
  const stored: Response[] = [];
  const list = () => page.locator('blauw-check-list');
  const form = () => page.locator('blauw-check-form');
  const group = (name: string) => form().getByRole('group', { name });
  const remarks = () => form().getByRole('textbox', { name: /^Opmerkingen/ });
  const saved = () => form().getByRole('status').filter({ hasText: /^Opgeslagen op dit toestel om \d\d:\d\d$/ });

  before(async () => {
    server = await startMockServerProcess(['--seed', '7', '--now', NOW]);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    // When the form last saved a draft on the device (its blauw-check-saved event), by the page's clock.
    await context.addInitScript(() =>
      addEventListener('blauw-check-saved', (event) => {
        (window as unknown as { lastDraftSave?: number }).lastDraftSave = (event as CustomEvent<{ savedAt: number }>).detail.savedAt;
      }),
    );
    page = await context.newPage();
    // A tablet held in landscape: the list beside the form.
    await page.setViewportSize({ width: 1280, height: 800 });
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/v1/check-submissions' && response.status() === 201) stored.push(response);
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the officer’s checks and opens the one picked, keeping it in the address', async () => {
    await page.goto(`${server.origin}/demo/checks.html`);
    await list().getByRole('heading', { name: 'Mijn controles' }).waitFor();
    await form().getByText('Kies een opdracht.').waitFor();
    const entry = list().getByRole('button', { name: /^Domiciliecontrole/ }).first();
    assignmentId = (await entry.getAttribute('data-id')) ?? '';
    assert.match(assignmentId, /\S/, 'the entry names its assignment');
    await entry.click();
    const opened = form().getByRole('heading', { name: /^Domiciliecontrole: / });
    await opened.or(form().getByRole('alert')).first().waitFor();
    if (!(await opened.isVisible())) assert.fail(`the form did not open; it says: ${await form().getByRole('alert').textContent()}`);
    assert.equal(new URL(page.url()).searchParams.get('assignment'), assignmentId);
    // Back closes it again, Forward reopens it.
    await page.goBack();
    await form().getByText('Kies een opdracht.').waitFor();
    await page.goForward();
    await form().getByRole('heading', { name: /^Domiciliecontrole: / }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the list and the form break no rule axe knows');
  });

  it('keeps what is typed on the device while the network is gone, through a reload', async () => {
    await group('Persoon aangetroffen?').getByRole('radio', { name: 'Ja' }).check();
    await group('Identiteit gecontroleerd (identiteitskaart)?').getByRole('radio', { name: 'Ja' }).check();
    await group('Naam op de brievenbus?').getByRole('radio', { name: 'Ja' }).check();
    await saved().waitFor();

    await context.setOffline(true);
    await form().getByRole('status').filter({ hasText: /^Geen netwerk\./ }).waitFor();
    await group('Naam aan de deurbel?').getByRole('radio', { name: 'Nee' }).check();
    await group('Tekenen van bewoning').getByRole('radio', { name: 'Enkele' }).check();
    await remarks().pressSequentially('Naam enkel op de brievenbus; de buurvrouw zag hem gisteren.');
    // The draft is saved 0.4 s after the last keystroke: the reload waits for that save.
    const typed = await page.evaluate(() => Date.now());
    await page.waitForFunction((after) => (window as unknown as { lastDraftSave?: number }).lastDraftSave! > after, typed);

    await context.setOffline(false);
    await page.reload();
    await context.setOffline(true);
    await form().getByRole('heading', { name: /^Domiciliecontrole: / }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('assignment'), assignmentId, 'the reload reopens the same assignment');
    await saved().waitFor();
    assert.equal(await group('Persoon aangetroffen?').getByRole('radio', { name: 'Ja' }).isChecked(), true);
    assert.equal(await group('Naam aan de deurbel?').getByRole('radio', { name: 'Nee' }).isChecked(), true);
    assert.equal(await group('Tekenen van bewoning').getByRole('radio', { name: 'Enkele' }).isChecked(), true);
    assert.equal(await remarks().inputValue(), 'Naam enkel op de brievenbus; de buurvrouw zag hem gisteren.');
  });

  it('completes the check offline: it waits for the network, and is sent once it is back', async () => {
    await group('Buren gehoord?').getByRole('radio', { name: 'Nee' }).check();
    await group('Besluit').getByRole('radio', { name: 'Verblijft er werkelijk' }).check();
    await form().getByRole('checkbox', { name: 'Ik heb deze controle zelf ter plaatse uitgevoerd.' }).check();
    await form().getByRole('button', { name: 'Controle afronden' }).click();
    await form().getByRole('heading', { name: 'Controle afgerond' }).waitFor();
    await form().getByRole('status').filter({ hasText: 'Wacht op netwerk: wordt verzonden zodra er verbinding is' }).waitFor();
    assert.equal(stored.length, 0, 'nothing reached the server while offline');

    await context.setOffline(false);
    await form().getByRole('status').filter({ hasText: 'Verzonden naar de zone' }).waitFor({ timeout: 20_000 });
    // The list follows the device: the check is submitted now, so it leaves the open ones.
    await list().locator(`[data-id="${assignmentId}"]`).waitFor({ state: 'detached' });
  });

  it('leaves exactly one submission for the assignment on the server', async () => {
    const response = await fetch(`${server.api}/check-assignments/${assignmentId}`, { headers: officer });
    assert.equal(response.status, 200);
    const assignment = (await response.json()) as CheckAssignment;
    assert.equal(assignment.status, 'submitted');
    assert.equal(stored.length, 1, 'one check was stored (201), once');
    const submission = (await stored[0]!.json()) as { id: string; assignmentId: string; answers: Record<string, unknown> };
    assert.equal(assignment.submissionId, submission.id);
    assert.equal(submission.assignmentId, assignmentId);
    assert.equal(submission.answers['remarks'], 'Naam enkel op de brievenbus; de buurvrouw zag hem gisteren.');
    assert.equal(submission.answers['nameOnBell'], false);
  });

  it('has no accessibility violation axe can find, with the receipt shown, and no console error', async () => {
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.filter((problem) => !offlineNoise.test(problem)), []);
  });
});
