// What the end-to-end tests in Chromium share: Debian's chromium on a pinned clock in a zone that
// is not Brussels, the console watched for errors, and the keyboard moves of a citizen.
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's chromium unless CHROMIUM_PATH says otherwise; nothing downloads a browser. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Starts headless Chromium as root can (no sandbox) on a machine with no outside network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A phone-sized context whose clock starts at `now` and whose zone is Kiritimati (UTC+14), so a
 * test that leaned on the real date or the machine's zone would fail on every run. Console errors
 * and warnings, and page errors (CSP and Trusted Types violations among them), go to `problems`.
 */
export async function pinnedContext(browser: Browser, now: string, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, timezoneId: 'Pacific/Kiritimati' });
  await context.clock.install({ time: now });
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`pageerror: ${error.error().message}`));
  // A step that does not come fails in seconds, not after Playwright's 30 s.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with Tab in ${max} presses`);
}

/**
 * Chooses `target` in a radio group as a keyboard user does: Tab into the group, then arrow keys
 * (which move the selection) until the target is checked.
 */
export async function chooseRadio(page: Page, group: Locator, target: Locator, max = 30): Promise<void> {
  await tabTo(page, group.getByRole('radio').first());
  for (let i = 0; i < max && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
  assert.ok(await target.isChecked(), `could not choose ${target} with the arrow keys`);
}

/** Waits until the date grid has put the focus on the first day with free times, as it does once the month is loaded. */
export async function firstFreeDayFocused(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const active = document.querySelector('blauw-booking-calendar')?.shadowRoot?.activeElement;
    return active?.closest('[role="gridcell"], td') !== null && active?.getAttribute('aria-disabled') !== 'true';
  });
}
