import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ServerError, UnauthenticatedError } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { sharedMessages } from '../shared/messages.js';
import { FakeFieldDevice, fakeAssignment, OFFICER_WEEK, OFFICER_WEEK_NOW, type FakeFieldDeviceOptions } from '../testing/fake-field-device.js';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';
import { pinnedClock } from '../testing/fake-incidents-client.js';
import './check-list.js';
import type { BlauwCheckList, CheckOpenDetail } from './check-list.js';
import { messages } from './messages.js';

const en = { ...sharedMessages.en, ...messages.en };

// ---- helpers: what a user perceives (roles, names, text), not private state ----

const root = (el: Element) => el.shadowRoot!;
const all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const entries = (el: Element) => all<HTMLButtonElement>(el, 'li > button');
const entryOf = (el: Element, id: string) => entries(el).find((button) => button.dataset['id'] === id)!;
const partText = (entry: Element, part: string) => textOf(entry.querySelector(`[part~="${part}"]`));
const groupHeadings = (el: Element) => all(el, 'h3').map(textOf);
const status = (el: Element) => textOf(all(el, '[role="status"]')[0]);
const alertText = (el: Element) => textOf(all(el, '[role="alert"]')[0]);
const button = (el: Element, name: string) => all(el, 'button').find((node) => textOf(node) === name);
const until = (check: () => unknown, message?: string) => waitUntil(check, message, { timeout: 3000 });

const NOW = pinnedClock(OFFICER_WEEK_NOW); // 10:00 on Wednesday 10 March 2027 in Brussels

async function mount(device: FakeFieldDevice | undefined, { lang = 'en', show, now = NOW, width = '40rem' }: { lang?: string; show?: string; now?: () => number; width?: string } = {}): Promise<BlauwCheckList> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`inline-size: ${width}`}></div>`);
  const el = document.createElement('blauw-check-list');
  el.setAttribute('lang', lang);
  if (show) el.setAttribute('show', show);
  if (device) el.device = device;
  el.now = now;
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Mounted, with the list on screen. */
async function loaded(options: FakeFieldDeviceOptions = {}, mountOptions?: Parameters<typeof mount>[1]): Promise<{ el: BlauwCheckList; device: FakeFieldDevice }> {
  const device = new FakeFieldDevice(options);
  const el = await mount(device, mountOptions);
  await until(() => entries(el).length > 0 || all(el, '[part~="empty"]').length > 0 || all(el, '[role="alert"]').length > 0, 'the list is loaded');
  return { el, device };
}

/** Pretends the browser is offline until the returned function is called (which fires `online`). */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}

describe('<blauw-check-list>', () => {
  failOnConsoleErrors();

  it('lists the open checks overdue first, then due today, then later, soonest due first', async () => {
    const { el } = await loaded();
    expect(textOf(all(el, 'h2')[0])).to.equal(en.heading);
    expect(groupHeadings(el)).to.deep.equal([en['g.overdue'], en['g.today'], en['g.later']]);
    const groups = all(el, 'section').map((section) => [...section.querySelectorAll<HTMLButtonElement>('li > button')].map((b) => b.dataset['id']));
    expect(groups).to.deep.equal([['a-101'], ['a-103', 'a-102'], ['a-104', 'a-105', 'a-106']]);
    // A list per group, named by its heading.
    for (const section of all(el, 'section')) expect(section.getAttribute('aria-labelledby')).to.equal(section.querySelector('h3')!.id);
    expect(all(el, 'ul[role="list"] > li')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('shows names, addresses and notes as the text typed: markup and script in them run nothing', async () => {
    const assignments = XSS_CORPUS.map((text, i) =>
      fakeAssignment({ id: `x-${i}`, person: { givenName: text, familyName: 'Peeters' }, address: { street: text, houseNumber: '1', postalCode: '9000', municipality: 'Gent' }, note: text, type: text }),
    );
    const { el } = await loaded({ assignments, cached: assignments });
    expect(entries(el)).to.have.length(XSS_CORPUS.length);
    for (const [i, text] of XSS_CORPUS.entries()) expect(entryOf(el, `x-${i}`).textContent).to.include(text);
    expect(injected(el.shadowRoot!)).to.deep.equal([]);
  });

  it('shows the type, the person, the address on one line, the due date and the note; a type a zone added by its key', async () => {
    const { el } = await loaded();
    const overdue = entryOf(el, 'a-101');
    expect(partText(overdue, 'type')).to.equal('Domicile check');
    expect(partText(overdue, 'person')).to.equal('Lotte Claes');
    expect(partText(overdue, 'address')).to.equal('Korte Meer 9 box 3, 9000 Gent');
    expect(partText(overdue, 'due')).to.equal('Overdue since yesterday at 17:00');
    expect(overdue.querySelector('time')!.getAttribute('datetime')).to.equal('2027-03-09T16:00:00Z');
    expect(partText(overdue, 'note')).to.equal('Bel aan bij de buren op nr. 11 als niemand opendoet.');
    expect(partText(entryOf(el, 'a-102'), 'type')).to.equal('Electronic monitoring check');
    expect(partText(entryOf(el, 'a-102'), 'due')).to.equal('Due today by 21:00');
    expect(partText(entryOf(el, 'a-103'), 'type')).to.equal('Residence check');
    expect(partText(entryOf(el, 'a-104'), 'due')).to.equal('Due tomorrow by 12:00');
    expect(partText(entryOf(el, 'a-104'), 'address')).to.equal('Turnhoutsebaan 73, 2140 Antwerpen');
    expect(partText(entryOf(el, 'a-105'), 'due')).to.equal('Due Monday, 15 March by 17:00');
    expect(partText(entryOf(el, 'a-106'), 'type')).to.equal('vehicle_registration');
    expect(entryOf(el, 'a-103').querySelector('[part~="note"]')).to.equal(null);
    // The button's name is what it shows, type first.
    expect(textOf(entryOf(el, 'a-103'))).to.equal('Residence check Amina El Idrissi Brugsesteenweg 250, 9000 Gent Due today by 17:30');
  });

  it('lists submitted and cancelled checks after the open ones with show="all"', async () => {
    const { el } = await loaded({}, { show: 'all' });
    expect(groupHeadings(el)).to.deep.equal([en['g.overdue'], en['g.today'], en['g.later'], en['g.done']]);
    const done = all(el, 'section.done li > button');
    expect(done.map((b) => b.dataset['id'])).to.deep.equal(['a-107', 'a-108']);
    expect(partText(done[0]!, 'due')).to.equal('Was due 9 March at 13:00 Submitted');
    expect(partText(done[1]!, 'assignment-status')).to.equal('Cancelled');
    el.show = 'open';
    await until(() => groupHeadings(el).length === 3);
  });

  it('shows due dates in Brussels time at 23:30 UTC, when Brussels is already on the next day', async () => {
    const at = (id: string, dueBy: string) => fakeAssignment({ id, dueBy, person: { givenName: 'Wout', familyName: 'De Backer' } });
    const { el } = await loaded(
      { assignments: [at('late', '2026-11-30T22:30:00Z'), at('today', '2026-12-01T16:00:00Z'), at('tomorrow', '2026-12-02T08:00:00Z'), at('next-year', '2027-01-04T08:00:00Z')] },
      // Monday 30 November 2026, 23:30 UTC: 00:30 on Tuesday 1 December in Brussels.
      { now: pinnedClock('2026-11-30T23:30:00Z') },
    );
    expect(partText(entryOf(el, 'late'), 'due')).to.equal('Overdue since yesterday at 23:30');
    expect(partText(entryOf(el, 'today'), 'due')).to.equal('Due today by 17:00');
    expect(partText(entryOf(el, 'tomorrow'), 'due')).to.equal('Due tomorrow by 09:00');
    expect(partText(entryOf(el, 'next-year'), 'due')).to.equal('Due Monday, 4 January 2027 by 09:00');
    expect(groupHeadings(el)).to.deep.equal([en['g.overdue'], en['g.today'], en['g.later']]);
  });

  it('keeps today and tomorrow right across the night the clocks go forward', async () => {
    const at = (id: string, dueBy: string) => fakeAssignment({ id, dueBy, address: { street: 'Plantin en Moretuslei', houseNumber: '150', postalCode: '2018', municipality: 'Antwerpen' } });
    const { el } = await loaded(
      { assignments: [at('before', '2027-03-27T22:45:00Z'), at('night', '2027-03-28T01:30:00Z'), at('evening', '2027-03-28T21:59:00Z'), at('monday', '2027-03-28T22:30:00Z')] },
      // Saturday 27 March 2027, 23:30 UTC: 00:30 CET on Sunday the 28th; at 02:00 CET it is 03:00 CEST.
      { now: pinnedClock('2027-03-27T23:30:00Z'), lang: 'nl' },
    );
    expect(partText(entryOf(el, 'before'), 'due')).to.equal('Te laat sinds gisteren om 23:45');
    expect(partText(entryOf(el, 'night'), 'due')).to.equal('Vandaag, uiterlijk om 03:30');
    expect(partText(entryOf(el, 'evening'), 'due')).to.equal('Vandaag, uiterlijk om 23:59');
    expect(partText(entryOf(el, 'monday'), 'due')).to.equal('Morgen, uiterlijk om 00:30');
  });

  it('says each sync state in words, with an icon beside them, and nothing for a check not started', async () => {
    const { el } = await loaded({ states: { 'a-101': 'draft', 'a-102': 'waiting', 'a-103': 'sending', 'a-104': 'sent', 'a-105': 'needs_attention' } });
    await until(() => entries(el).some((entry) => entry.querySelector('[part~="sync"]')));
    const words = ['a-101', 'a-102', 'a-103', 'a-104', 'a-105'].map((id) => partText(entryOf(el, id), 'sync'));
    expect(words).to.deep.equal(['Draft saved on this device', 'Waiting for network', 'Sending…', 'Sent', 'Needs your attention']);
    for (const id of ['a-101', 'a-105']) expect(entryOf(el, id).querySelector('[part~="sync"] svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(entryOf(el, 'a-106').querySelector('[part~="sync"]')).to.equal(null);
    // Colour is a second signal, never the only one: the words differ, and so do the colours.
    const colours = new Set(['a-101', 'a-102', 'a-103', 'a-104', 'a-105'].map((id) => getComputedStyle(entryOf(el, id).querySelector('[part~="sync"]')!).color));
    expect(colours.size).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('follows the device: a draft saved or a check sent shows at once, and is announced politely', async () => {
    const { el, device } = await loaded({ states: { 'a-101': 'waiting' } });
    await until(() => partText(entryOf(el, 'a-101'), 'sync') === 'Waiting for network');
    const live = all(el, '[aria-live="polite"]')[0]!;
    expect(textOf(live)).to.equal('');
    device.setState('a-101', 'sent');
    await until(() => partText(entryOf(el, 'a-101'), 'sync') === 'Sent');
    expect(textOf(live)).to.equal('Domicile check for Lotte Claes: Sent');
    device.setState('a-104', 'draft');
    await until(() => partText(entryOf(el, 'a-104'), 'sync') === 'Draft saved on this device');
    expect(textOf(live)).to.equal('Domicile check for Pieter Maes: Draft saved on this device');
    // The list was fetched again for the check sent (it is submitted now), not for the draft.
    expect(device.calls.assignments).to.equal(2);
  });

  it('still lists the checks when what is saved on the device cannot be read, and says so', async () => {
    const { el, device } = await loaded({ statesFailure: new DOMException('The database is blocked.', 'UnknownError') });
    await until(() => textOf(all(el, '.states-unknown')[0]) === en.statesUnknown);
    expect(entries(el)).to.have.length(6);
    device.statesFailure = undefined;
    device.setState('a-101', 'draft');
    await until(() => partText(entryOf(el, 'a-101'), 'sync') === 'Draft saved on this device');
    expect(all(el, '.states-unknown')).to.have.length(0);
  });

  it('says how much of the browser’s storage the device uses, and warns when it is nearly full', async () => {
    const { el, device } = await loaded();
    await until(() => all(el, '[part~="storage"]').length > 0, 'the storage line');
    expect(textOf(all(el, '[part~="storage"]')[0])).to.equal('On this device: 2,4 MB used of 1,2 GB');
    device.storageStatus = { available: true, persisted: false, usage: 1_090_000_000, quota: 1_200_000_000, nearlyFull: true };
    device.dispatchEvent(new Event('change'));
    await until(() => all(el, '[part~="storage"][role="alert"]').length > 0, 'the warning');
    expect(textOf(all(el, '[part~="storage"]')[0])).to.equal('This device is almost full: new work may soon not be kept. Send what is waiting and free up space. On this device: 1,1 GB used of 1,2 GB');
    await expect(el).to.be.accessible();
  });

  it('fetches the list again when a check has been sent, so it moves among the submitted ones', async () => {
    const { el, device } = await loaded({ states: { 'a-101': 'waiting' } }, { show: 'all' });
    const before = device.calls.assignments;
    device.assignmentsList = device.assignmentsList.map((a) => (a.id === 'a-101' ? { ...a, status: 'submitted', submissionId: 's-101' } : a));
    device.setState('a-101', 'sent');
    await until(() => device.calls.assignments > before, 'the list is fetched again');
    await until(() => textOf(entryOf(el, 'a-101')).includes('Submitted'), 'shown as submitted');
  });

  it('marks the assignment open beside the list as current, and moves the mark when another is opened', async () => {
    const { el } = await loaded();
    el.setAttribute('selected', 'a-103');
    await el.updateComplete;
    expect(entries(el).filter((entry) => entry.getAttribute('aria-current') === 'true').map((entry) => entry.dataset['id'])).to.deep.equal(['a-103']);
    el.selected = 'a-101';
    await el.updateComplete;
    expect(entries(el).filter((entry) => entry.getAttribute('aria-current') === 'true').map((entry) => entry.dataset['id'])).to.deep.equal(['a-101']);
    await expect(el).to.be.accessible();
  });

  it('fires blauw-check-open with the assignment on click', async () => {
    const { el } = await loaded();
    const opened = oneEvent(el, 'blauw-check-open') as Promise<CustomEvent<CheckOpenDetail>>;
    entryOf(el, 'a-103').click();
    const event = await opened;
    expect(event.detail.assignment.id).to.equal('a-103');
    expect(event.detail.assignment.person.familyName).to.equal('El Idrissi');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('fires blauw-check-open from the keyboard: Tab to an entry, then Enter or Space', async () => {
    const { el } = await loaded();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect((root(el).activeElement as HTMLElement).dataset['id']).to.equal('a-101');
    let opened = oneEvent(el, 'blauw-check-open') as Promise<CustomEvent<CheckOpenDetail>>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.assignment.id).to.equal('a-101');
    await sendKeys({ press: 'Tab' });
    opened = oneEvent(el, 'blauw-check-open') as Promise<CustomEvent<CheckOpenDetail>>;
    await sendKeys({ press: 'Space' });
    expect((await opened).detail.assignment.id).to.equal('a-103');
    before.remove();
  });

  it('offline: shows the list saved on the device with the time it was saved, and refreshes when back online', async () => {
    const backOnline = goOffline();
    try {
      const cached = OFFICER_WEEK.slice(0, 3);
      const device = new FakeFieldDevice({ mode: 'cache', cached });
      const el = await mount(device);
      await until(() => entries(el).length === 3, 'the cached list');
      expect(status(el)).to.equal('Offline — showing the list saved on this device at 07:45');
      expect(all(el, '[part~="status"]')[0]!.closest('[role="status"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      device.mode = 'network';
      backOnline();
      await until(() => entries(el).length === 6, 'the list from the network');
      expect(status(el)).to.equal('');
      expect(device.calls.assignments).to.equal(2);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('offline: says when the saved list is from another day', async () => {
    const { el } = await loaded({ mode: 'cache', cachedAt: Date.parse('2027-03-08T17:20:00Z') }, { lang: 'fr' });
    expect(status(el)).to.equal('Hors ligne — liste enregistrée sur cet appareil le 8 mars à 18:20');
  });

  it('offline with nothing saved: says so, and loads by itself when back online', async () => {
    const backOnline = goOffline();
    try {
      const device = new FakeFieldDevice({ mode: 'offline' });
      const el = await mount(device);
      await until(() => alertText(el));
      expect(alertText(el)).to.equal(`${en.offlineNoCache} ${en.retry}`);
      await expect(el).to.be.accessible();
      device.mode = 'network';
      backOnline();
      await until(() => entries(el).length === 6, 'loaded without pressing Try again');
      expect(alertText(el)).to.equal('');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('says when no check is assigned, and when none is open', async () => {
    const { el } = await loaded({ assignments: [] });
    expect(textOf(all(el, '[part~="empty"]')[0])).to.equal(en.empty);
    await expect(el).to.be.accessible();
    const { el: done } = await loaded({ assignments: OFFICER_WEEK.filter((a) => a.status !== 'open') });
    expect(textOf(all(done, '[part~="empty"]')[0])).to.equal(en.emptyOpen);
  });

  it('explains a failure, fires blauw-error, and loads on Try again', async () => {
    const device = new FakeFieldDevice({ mode: 'error', failure: new ServerError('Down.', { status: 503 }) });
    const errors: CustomEvent<BlauwErrorDetail>[] = [];
    document.addEventListener('blauw-error', (event) => errors.push(event as CustomEvent<BlauwErrorDetail>), { once: true });
    const el = await mount(device);
    await until(() => alertText(el));
    expect(alertText(el)).to.equal(`${en['error.server']} ${en.retry}`);
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.error.kind).to.equal('server');
    await expect(el).to.be.accessible();
    device.mode = 'network';
    button(el, en.retry)!.click();
    await until(() => entries(el).length === 6);
    expect(alertText(el)).to.equal('');
  });

  it('asks the officer to sign in again when the session has expired', async () => {
    const { el } = await loaded({ mode: 'error', failure: new UnauthenticatedError('Expired.', { status: 401 }) });
    expect(alertText(el)).to.equal(`${sharedMessages.en['error.session_expired']} ${en.retry}`);
  });

  it('without a device, shows the configuration error the other widgets show without a client, with no Try again', async () => {
    const el = await mount(undefined);
    await until(() => alertText(el));
    expect(alertText(el)).to.equal(en['error.configuration']);
    expect(button(el, en.retry)).to.equal(undefined);
    el.device = new FakeFieldDevice();
    await until(() => entries(el).length === 6, 'a device set later is used');
  });

  it('shows a loading state, busy, until the list arrives', async () => {
    const device = new FakeFieldDevice({ manual: true });
    const el = await mount(device);
    expect(status(el)).to.equal(en.loading);
    expect(all(el, '.body')[0]!.getAttribute('aria-busy')).to.equal('true');
    expect(all(el, '[part~="skeleton"]')).to.have.length(1);
    await expect(el).to.be.accessible();
    device.release();
    await until(() => entries(el).length === 6);
    expect(all(el, '.body')[0]!.getAttribute('aria-busy')).to.equal('false');
    expect(status(el)).to.equal('');
  });

  it('speaks Dutch and French, and follows a change of language', async () => {
    const { el } = await loaded({ states: { 'a-101': 'needs_attention' } }, { lang: 'nl' });
    await until(() => entryOf(el, 'a-101').querySelector('[part~="sync"]'));
    expect(textOf(all(el, 'h2')[0])).to.equal('Mijn controles');
    expect(groupHeadings(el)).to.deep.equal(['Te laat', 'Vandaag', 'Later']);
    expect(partText(entryOf(el, 'a-101'), 'type')).to.equal('Domiciliecontrole');
    expect(partText(entryOf(el, 'a-101'), 'address')).to.equal('Korte Meer 9 bus 3, 9000 Gent');
    expect(partText(entryOf(el, 'a-101'), 'due')).to.equal('Te laat sinds gisteren om 17:00');
    expect(partText(entryOf(el, 'a-101'), 'sync')).to.equal('Vraagt uw aandacht');
    expect(partText(entryOf(el, 'a-105'), 'due')).to.equal('Maandag 15 maart, uiterlijk om 17:00');
    el.setAttribute('lang', 'fr');
    await until(() => textOf(all(el, 'h2')[0]) === 'Mes contrôles');
    expect(groupHeadings(el)).to.deep.equal(['En retard', 'Aujourd’hui', 'Plus tard']);
    expect(partText(entryOf(el, 'a-101'), 'type')).to.equal('Contrôle de domicile');
    expect(partText(entryOf(el, 'a-101'), 'address')).to.equal('Korte Meer 9 boîte 3, 9000 Gent');
    expect(partText(entryOf(el, 'a-102'), 'due')).to.equal('Aujourd’hui, au plus tard à 21:00');
    expect(partText(entryOf(el, 'a-101'), 'sync')).to.equal('Requiert votre attention');
    expect(partText(entryOf(el, 'a-104'), 'due')).to.equal('Demain, au plus tard à 12:00');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px, also at 200 % zoom (160 px of layout), without scrolling sideways', async () => {
    for (const width of ['320px', '160px']) {
      const { el } = await loaded({ states: { 'a-101': 'needs_attention' }, assignments: [...OFFICER_WEEK, fakeAssignment({ id: 'long', note: 'Langeafstandsverbindingsnummer'.repeat(4), address: { street: 'Burgemeester Edward Pecherstraat', houseNumber: '1234', box: '56', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-12T10:00:00Z' })] }, { width });
      for (const entry of entries(el)) expect(entry.scrollWidth, `${width} ${entry.dataset['id']}`).to.be.at.most(entry.clientWidth + 1);
      expect(el.scrollWidth).to.be.at.most(parseInt(width, 10));
    }
  });

  it('shows a visible focus ring on the focused entry', async () => {
    const { el } = await loaded();
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = root(el).activeElement as HTMLElement;
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    before.remove();
  });
});
