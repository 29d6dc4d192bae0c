import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createClient, type BlauwClient } from '@blauw/core';
import { chooseRadio, firstFreeDayFocused, launchChromium, pinnedContext, tabTo } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';

// A citizen books on the municipality's demo page (served with a strict CSP and Trusted Types)
// using the keyboard alone, then reschedules and cancels through the manage link; the SDK checks
// each step on the server. Playwright's role locators pierce the widget's shadow root.
//
// Neither the real date nor the machine's zone matters: the server's clock starts at NOW, the
// browser's clock is set to the same instant, and the browser runs in Kiritimati (UTC+14), where
// it is already 1 May while in Brussels, the offices' zone, it is still 30 April.

const NOW = '2027-04-30T21:30:00Z';




/** The manage token in the link the confirmation shows: in its fragment, never its query. */
async function manageToken(page: Page): Promise<string> {
  const href = await page.getByRole('link', { name: /blauw-manage=/ }).getAttribute('href');
  const url = new URL(href ?? '', page.url());
  assert.equal(url.search, '', `the manage token must not reach a server: ${href}`);
  const token = new URLSearchParams(url.hash.slice(1)).get('blauw-manage');
  assert.ok(token, `no manage link in ${href}`);
  return token;
}

describe('a citizen books by keyboard on the municipality page', () => {
  let server: MockServerProcess;
  let browser: Browser;
  let page: Page;
  let sdk: BlauwClient;
  const problems: string[] = [];

  before(async () => {
    server = await startMockServerProcess(['--seed', '5', '--now', NOW]);
    sdk = createClient({ baseUrl: server.api });
    browser = await launchChromium();
    page = await (await pinnedContext(browser, NOW, problems)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the demo page with the strict Content-Security-Policy', async () => {
    const response = await page.goto(`${server.origin}/demo/municipality.html`);
    assert.equal(response?.status(), 200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /default-src 'self'/);
    await page.getByRole('heading', { name: 'Waarover gaat uw afspraak?' }).waitFor();
  });

  let token = '';
  let firstSlot = '';

  it('books a meeting with the keyboard alone, and the SDK finds it', async () => {
    const topics = page.getByRole('radiogroup', { name: 'Waarover gaat uw afspraak?' });
    await chooseRadio(page, topics, topics.getByRole('radio', { name: /Adreswijziging en woonstcontrole/ }));
    await tabTo(page, page.getByRole('button', { name: 'Verder' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Waar wilt u de wijkagent spreken?' }).waitFor();
    const offices = page.getByRole('radiogroup', { name: 'Kies een wijkkantoor' });
    await chooseRadio(page, offices, offices.getByRole('radio', { name: /^Wijkkantoor Brakelvoorde(?!-)/ }));
    await tabTo(page, page.getByRole('button', { name: 'Verder' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Kies een dag en uur' }).waitFor();
    await firstFreeDayFocused(page);
    // Today is 30 April in Brussels (1 May in the browser's zone, a holiday): the first free day is in May 2027.
    await page.getByRole('heading', { name: 'mei 2027' }).waitFor();
    await page.keyboard.press('Enter');
    const times = page.getByRole('radiogroup', { name: /^Vrije uren op / });
    await chooseRadio(page, times, times.getByRole('radio').first());
    await tabTo(page, page.getByRole('button', { name: 'Verder' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Uw gegevens' }).waitFor();
    await tabTo(page, page.getByRole('textbox', { name: 'Naam' }));
    await page.keyboard.type('An Peeters');
    await tabTo(page, page.getByRole('textbox', { name: 'E-mailadres' }));
    await page.keyboard.type('an.peeters@example.org');
    await tabTo(page, page.getByRole('button', { name: 'Afspraak bevestigen' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Uw afspraak is bevestigd' }).waitFor();
    // "We sent the confirmation and the link to a…@example.org.": masked, enough to recognise.
    await page.getByText(/ a…@example\.org\.$/).waitFor();
    token = await manageToken(page);
    // The page address carries the manage link too, in its fragment, so a reload shows the booking.
    assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('blauw-manage'), token);
    assert.equal(new URL(page.url()).search, '');
    const managed = await sdk.booking.manage({ manageToken: token });
    assert.equal(managed.kind, 'booking');
    assert.ok(managed.kind === 'booking');
    assert.equal(managed.booking.status, 'confirmed');
    assert.equal(managed.booking.citizen.name, 'An Peeters');
    assert.equal(managed.booking.topicId, 'topic-domicile');
    firstSlot = managed.booking.slot.id;
    const calendar = page.getByRole('link', { name: 'Zet in mijn agenda' });
    assert.equal(await calendar.getAttribute('href'), sdk.booking.calendarUrl({ manageToken: token }));
  });

  it('reschedules through the manage link: same booking, another time, old slot freed', async () => {
    const before = await sdk.booking.manage({ manageToken: token });
    // A fresh load of the manage link (not a jump within the page that shows the confirmation).
    await page.goto('about:blank');
    await page.goto(`${server.origin}/demo/municipality.html#blauw-manage=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Uw afspraak', exact: true }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Verplaatsen' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Kies een nieuw tijdstip' }).waitFor();
    await firstFreeDayFocused(page);
    await page.keyboard.press('Enter');
    // The first time of the first free day is the one we booked (now ours again only after the move):
    // pick the last time of the day, which is another slot.
    const times = page.getByRole('radiogroup', { name: /^Vrije uren op / });
    await chooseRadio(page, times, times.getByRole('radio').last());
    await tabTo(page, page.getByRole('button', { name: 'Verplaatsen' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nieuw tijdstip bevestigen?' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Ja, verplaatsen' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Uw afspraak is verplaatst.' }).waitFor();
    await page.getByRole('heading', { name: 'Uw afspraak', exact: true }).waitFor();

    const after = await sdk.booking.manage({ manageToken: token });
    assert.ok(before.kind === 'booking' && after.kind === 'booking');
    assert.equal(after.booking.id, before.booking.id);
    assert.notEqual(after.booking.slot.id, firstSlot);
    assert.equal(after.booking.sequence, before.booking.sequence + 1);
    // The first time is free again for the next citizen.
    const date = before.booking.slot.start.slice(0, 10);
    const free = await sdk.booking.availability({ topicId: before.booking.topicId, officeId: before.booking.slot.officeId, from: date, to: date });
    assert.ok(free.days[0]?.slots.some((slot) => slot.start === before.booking.slot.start), 'the old time is offered again');
  });

  it('cancels through the manage link, and the SDK sees it cancelled', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Annuleren' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Afspraak annuleren?' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Ja, annuleren' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Uw afspraak is geannuleerd.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /uit mijn agenda/i }).getAttribute('download'), 'annulering.ics');
    const managed = await sdk.booking.manage({ manageToken: token });
    assert.ok(managed.kind === 'booking');
    assert.equal(managed.booking.status, 'cancelled');
    const ics = await sdk.booking.calendar({ manageToken: token });
    assert.match(ics, /METHOD:CANCEL/);
  });

  it('logged no console errors, CSP or Trusted Types violations along the way', () => {
    assert.deepEqual(problems, []);
  });
});
