import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chooseRadio, firstFreeDayFocused, launchChromium, pinnedContext, tabTo } from '../support/keyboard-browser.js';
import { startMockServerProcess, type MockServerProcess } from '../support/mock-server-process.js';
import type { DevMailboxItem } from '../../packages/mock-server/src/dev-mailbox.js';

// The whole journey of one citizen in Chromium against the real mock server, by keyboard where a
// citizen would use it: book a meeting, wander Back and Forward through the steps, reload the
// confirmation, open the confirmation e-mail (the development mailbox), follow its manage link,
// move the meeting, cancel it, and start a new booking. The e-mails and their calendar files are
// checked as they arrive.
//
// Neither the real date nor the machine's zone matters: the server's clock starts at NOW, the
// browser's clock is set to the same instant, and the browser runs in Kiritimati (UTC+14).

const NOW = '2027-04-30T21:30:00Z';
const NAME = 'An Peeters';
const EMAIL = 'an.peeters@example.be';


/** Tabs to the button named `name` and presses Enter on it. */
async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}



/** The step heading, exactly (the progress "Stap n van 4" is part of it for a new booking's steps). */
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, exact: true, level: 2 });

/** The manage token in the page address: in its fragment, never in its query. */
function tokenInAddress(page: Page): string | null {
  const url = new URL(page.url());
  assert.equal(url.search, '', `the manage token must not reach a server: ${url.href}`);
  return new URLSearchParams(url.hash.slice(1)).get('blauw-manage');
}


describe('a citizen books, reloads, follows the e-mail, moves and cancels', () => {
  let server: MockServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  /** The messages of the development mailbox to our citizen, oldest first. */
  async function mailsToCitizen(count: number): Promise<DevMailboxItem[]> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${server.origin}/dev/mailbox.json`);
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: DevMailboxItem[] };
      const ours = items.filter((item) => item.to.address === EMAIL).sort((a, b) => Number(a.id.slice(5)) - Number(b.id.slice(5)));
      if ((ours.length >= count && ours.every((item) => item.status !== 'sending')) || attempt === 50) {
        assert.equal(ours.length, count, `messages to ${EMAIL}: ${ours.map((item) => item.subject).join(' | ')}`);
        for (const item of ours) assert.equal(item.status, 'sent', `${item.subject}: ${item.status}`);
        return ours;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The text of attachment `n` of a message in the mailbox. */
  async function attachment(mail: DevMailboxItem, n = 0): Promise<string> {
    const response = await fetch(`${server.origin}/dev/mailbox/${encodeURIComponent(mail.id)}/attachments/${n}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    return response.text();
  }

  const uidOf = (ics: string) => /^UID:(.+)$/m.exec(ics)?.[1]?.trim();
  const startOf = (ics: string) => /^DTSTART[;:](.+)$/m.exec(ics.slice(ics.indexOf('BEGIN:VEVENT')))?.[1]?.trim();

  before(async () => {
    server = await startMockServerProcess(['--seed', '7', '--now', NOW]);
    browser = await launchChromium();
    context = await pinnedContext(browser, NOW, problems);
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  let token = '';
  let firstUid: string | undefined;
  let firstStart: string | undefined;
  let timeStillChosen: boolean | undefined;
  let manageLink = '';

  it('books a meeting, going Back twice and Forward once on the way without losing what was typed', async () => {
    await page.goto(`${server.origin}/demo/municipality.html`);
    await heading(page, 'Stap 1 van 4 Waarover gaat uw afspraak?').waitFor();
    const topics = page.getByRole('radiogroup', { name: 'Waarover gaat uw afspraak?' });
    await chooseRadio(page, topics, topics.getByRole('radio', { name: /Adreswijziging en woonstcontrole/ }));
    await press(page, 'Verder');

    await heading(page, 'Stap 2 van 4 Waar wilt u de wijkagent spreken?').waitFor();
    const offices = page.getByRole('radiogroup', { name: 'Kies een wijkkantoor' });
    const office = offices.getByRole('radio', { name: /^Wijkkantoor Brakelvoorde(?!-)/ });
    await chooseRadio(page, offices, office);
    await press(page, 'Verder');

    await heading(page, 'Stap 3 van 4 Kies een dag en uur').waitFor();
    await firstFreeDayFocused(page);
    await page.keyboard.press('Enter');
    const times = page.getByRole('radiogroup', { name: /^Vrije uren op / });
    const time = times.getByRole('radio').first();
    await chooseRadio(page, times, time);
    await press(page, 'Verder');

    await heading(page, 'Stap 4 van 4 Uw gegevens').waitFor();
    const name = page.getByRole('textbox', { name: 'Naam' });
    await tabTo(page, name);
    await page.keyboard.type(NAME);

    // The browser's Back: the time step, on the chosen day; Back again: the place step.
    await page.goBack();
    await heading(page, 'Stap 3 van 4 Kies een dag en uur').waitFor();
    await time.waitFor();
    timeStillChosen = await time.isChecked();
    await page.goBack();
    await heading(page, 'Stap 2 van 4 Waar wilt u de wijkagent spreken?').waitFor();
    assert.ok(await office.isChecked(), 'the chosen office is still chosen after Back');
    // Forward: the time step again; on to the details, where the name is as typed.
    await page.goForward();
    await heading(page, 'Stap 3 van 4 Kies een dag en uur').waitFor();
    await time.waitFor();
    await press(page, 'Verder');
    await heading(page, 'Stap 4 van 4 Uw gegevens').waitFor();
    assert.equal(await name.inputValue(), NAME);

    await tabTo(page, page.getByRole('textbox', { name: 'E-mailadres' }));
    await page.keyboard.type(EMAIL);
    await press(page, 'Afspraak bevestigen');

    await heading(page, 'Uw afspraak is bevestigd').waitFor();
    // "We sent the confirmation and the link to a…@example.be.": masked, enough to recognise.
    await page.getByText(/ a…@example\.be\.$/).waitFor();
    assert.equal(await page.getByText(EMAIL).count(), 1, 'the address in full only in the summary');
    token = tokenInAddress(page) ?? '';
    assert.ok(token, `no manage token in ${page.url()}`);
    assert.equal(await page.getByRole('link', { name: 'Zet in mijn agenda' }).getAttribute('download'), 'afspraak.ics');
  });

  it('shows the time the citizen chose (and holds) still chosen after Back', () => {
    assert.equal(timeStillChosen, true);
  });

  it('shows the booking again after a reload of the confirmation', async () => {
    await page.reload();
    await heading(page, 'Uw afspraak').waitFor();
    assert.equal(tokenInAddress(page), token);
    await page.getByText(`Status: Bevestigd`).waitFor();
    await page.getByText(NAME).waitFor();
  });

  it('e-mailed the confirmation in Dutch, with the calendar file and the manage link', async () => {
    const [mail] = await mailsToCitizen(1);
    assert.ok(mail);
    assert.equal(mail.to.name, NAME);
    assert.match(mail.subject, /^Uw afspraak met de wijkagent op \S+dag \d+ mei 2027 om \d\d:\d\d$/);
    assert.match(mail.text, /^Beste An Peeters,/);
    assert.match(mail.text, /Uw afspraak met de wijkagent is bevestigd\./);
    assert.deepEqual(mail.attachments, ['afspraak.ics']);
    const ics = await attachment(mail);
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(ics, /^STATUS:CONFIRMED/m);
    firstUid = uidOf(ics);
    firstStart = startOf(ics);
    assert.ok(firstStart, 'the calendar file has a DTSTART');
    assert.ok(firstUid, 'the calendar file has a UID');

    const link = mail.links.find((href) => href.includes('#blauw-manage='));
    assert.ok(link, `no manage link in ${mail.links.join(', ')}`);
    const url = new URL(link);
    assert.equal(url.search, '', 'the token is in the fragment only');
    assert.equal(new URLSearchParams(url.hash.slice(1)).get('blauw-manage'), token);
    assert.equal(url.origin, server.origin);
    assert.equal(url.pathname, '/demo/municipality.html');

    manageLink = link;

    // Followed from the e-mail, which opens it in a new tab: the page opens on the booking.
    const tab = await context.newPage();
    await tab.goto(link);
    await page.close();
    page = tab;
    await heading(page, 'Uw afspraak').waitFor();
    assert.equal(tokenInAddress(page), token);
    await page.getByText('Status: Bevestigd').waitFor();
  });

  it('moves the meeting after a confirm step; the new calendar file is e-mailed', async () => {
    await press(page, 'Verplaatsen');
    await heading(page, 'Kies een nieuw tijdstip').waitFor();
    await firstFreeDayFocused(page);
    await page.keyboard.press('Enter');
    const times = page.getByRole('radiogroup', { name: /^Vrije uren op / });
    await chooseRadio(page, times, times.getByRole('radio').last());
    await press(page, 'Verplaatsen');
    await heading(page, 'Nieuw tijdstip bevestigen?').waitFor();
    await press(page, 'Ja, verplaatsen');
    await page.getByRole('status').filter({ hasText: 'Uw afspraak is verplaatst.' }).waitFor();
    await heading(page, 'Uw afspraak').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Zet in mijn agenda' }).getAttribute('download'), 'afspraak.ics');
    assert.equal(tokenInAddress(page), token);

    const [booked, moved] = await mailsToCitizen(2);
    assert.ok(booked && moved);
    assert.match(moved.subject, /^Uw afspraak met de wijkagent is verplaatst naar \S+dag \d+ mei 2027 om \d\d:\d\d$/);
    assert.notEqual(moved.subject, booked.subject);
    assert.deepEqual(moved.attachments, ['afspraak.ics']);
    const ics = await attachment(moved);
    assert.equal(uidOf(ics), firstUid, 'the same event, updated');
    assert.notEqual(startOf(ics), firstStart, 'at another time');
    assert.match(ics, /^SEQUENCE:1\r?$/m);
    assert.match(ics, /^STATUS:CONFIRMED/m);
  });

  it('cancels the meeting; the cancellation is e-mailed with METHOD:CANCEL', async () => {
    await press(page, 'Annuleren');
    await heading(page, 'Afspraak annuleren?').waitFor();
    await press(page, 'Ja, annuleren');
    await page.getByRole('status').filter({ hasText: 'Uw afspraak is geannuleerd.' }).waitFor();
    // "Haal uit mijn agenda" (remove from my calendar): the cancellation file.
    assert.equal(await page.getByRole('link', { name: /uit mijn agenda/i }).getAttribute('download'), 'annulering.ics');

    const [, , cancelled] = await mailsToCitizen(3);
    assert.ok(cancelled);
    assert.match(cancelled.subject, /^Uw afspraak met de wijkagent op .+ is geannuleerd$/);
    assert.deepEqual(cancelled.attachments, ['annulering.ics']);
    const ics = await attachment(cancelled);
    assert.match(ics, /^METHOD:CANCEL/m);
    assert.match(ics, /^STATUS:CANCELLED/m);
    assert.equal(uidOf(ics), firstUid, 'the same event, cancelled');
  });

  it('starts a new booking from "Nieuwe afspraak maken"', async () => {
    await press(page, 'Nieuwe afspraak maken');
    await heading(page, 'Stap 1 van 4 Waarover gaat uw afspraak?').waitFor();
    assert.equal(tokenInAddress(page), null, 'the old manage link left the address');
    await page.getByRole('radiogroup', { name: 'Waarover gaat uw afspraak?' }).getByRole('radio').first().waitFor();
  });

  // Following a manage link in the tab that already shows the page (the link on the confirmation
  // itself, or the e-mail's link opened there) is a same-document navigation: popstate, no load.
  it(
    'shows the booking when its manage link is followed in the tab that shows the page',
    async () => {
      const tab = await context.newPage();
      try {
        await tab.goto(manageLink);
        await heading(tab, 'Uw afspraak').waitFor();
        await tab.goto(manageLink);
        await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.equal((await tab.getByRole('heading', { level: 2 }).textContent())?.replace(/\s+/g, ' ').trim(), 'Uw afspraak');
      } finally {
        await tab.close();
      }
    },
  );

  it('logged no console errors, CSP or Trusted Types violations along the way', () => {
    assert.deepEqual(problems, []);
  });
});
