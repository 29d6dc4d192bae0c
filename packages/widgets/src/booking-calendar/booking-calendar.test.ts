import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, NotFoundError, ServerError, ValidationError } from '@blauw/core';
import '../provider/provider.js';
import { sharedMessages } from '../shared/messages.js';
import { bookingSlot, fakeBookingClient, managedBooking, managedVisit, pinnedClock, slotTaken, type FakeBookingClient } from '../testing/fake-booking-client.js';
import './booking-calendar.js';
import type { BlauwBookingCalendar, BookedDetail, CancelledDetail, RescheduledDetail, VisitRequestedDetail } from './booking-calendar.js';
import { addDays, monthRange } from './calendar-days.js';
import { messages } from './messages.js';

const en = { ...sharedMessages.en, ...messages.en };

// ---- helpers: what a user perceives (roles, names, focus), not private state ----

const root = (el: Element) => el.shadowRoot!;
const all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const one = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector);
// Collapses only the layout whitespace: French no-break spaces stay as they are, so tests see them.
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const heading = (el: Element) => textOf(one(el, 'h2'));
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;
const nameOf = (node: Element) => (node.getAttribute('aria-label') ?? textOf(node)).trim();
const button = (el: Element, name: string) => all(el, 'button, a').find((node) => nameOf(node) === name);
const radio = (el: Element, label: string) =>
  all<HTMLLabelElement>(el, 'label').find((node) => textOf(node) === label)?.control as HTMLInputElement | undefined;
const field = (el: Element, label: string) => radio(el, label) as HTMLInputElement;
const alertText = (el: Element) => all(el, '[role="alert"]').map(textOf).join(' ');
const press = (key: string) => sendKeys({ press: key });
const type = (text: string) => sendKeys({ type: text });
const until = (check: () => unknown, message?: string) => waitUntil(check, message, { timeout: 3000 });

// Every test runs on a pinned clock (Monday 1 March 2027, 09:00 in Brussels): never the real date.
const NOW = pinnedClock('2027-03-01T08:00:00Z');

async function mount(client: FakeBookingClient, attributes = '', lang = 'en', now = NOW): Promise<BlauwBookingCalendar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('blauw-booking-calendar');
  el.setAttribute('lang', lang);
  for (const [, name, value] of attributes.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  el.client = client;
  el.now = now;
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

// The first weekday after the pinned Monday.
const firstFree = () => '2027-03-02';
const manageTokenOf = (href: string) => new URLSearchParams(new URL(href).hash.slice(1)).get('blauw-manage');

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function submit(el: Element, name: string): void {
  button(el, name)!.click();
}

/** Clicks through topic, office and time, to the details step. */
async function toDetails(el: BlauwBookingCalendar, topic = 'Domicile'): Promise<void> {
  await until(() => radio(el, topic));
  radio(el, topic)!.click();
  submit(el, en.next);
  await until(() => radio(el, 'Office Centre'));
  radio(el, 'Office Centre')!.click();
  submit(el, en.next);
  await until(() => focused(el)?.dataset['day']);
  focused(el)!.click();
  await until(() => radio(el, '09:30'));
  radio(el, '09:30')!.click();
  submit(el, en.next);
  await until(() => heading(el).endsWith(en.detailsH));
}

async function fillDetails(el: BlauwBookingCalendar): Promise<void> {
  typeInto(field(el, en.name), 'An Peeters');
  typeInto(field(el, en.email), 'an@example.be');
  await el.updateComplete;
}

describe('<blauw-booking-calendar>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
  });

  it('books a meeting in four steps by keyboard alone', async () => {
    const client = fakeBookingClient();
    const el = await mount(client);
    await until(() => radio(el, 'Domicile'));
    expect(heading(el)).to.equal(`Step 1 of 4 ${en.topicH}`);
    const booked = oneEvent(el, 'blauw-booked') as Promise<CustomEvent<BookedDetail>>;

    // Step 1: Tab into the radio group, Space picks, Enter continues.
    el.focus();
    radio(el, 'Domicile')!.focus();
    await press('Space');
    await press('Tab');
    expect(textOf(focused(el))).to.equal(en.next);
    await press('Enter');

    // Step 2: the heading gets focus; the office list follows it.
    await until(() => heading(el) === `Step 2 of 4 ${en.whereH}`);
    await until(() => radio(el, 'Office Centre'));
    expect(focused(el)?.tagName).to.equal('H2');
    await press('Tab');
    expect(focused(el)?.id).to.equal('office');
    await press('Space');
    await press('Tab');
    await press('Enter');

    // Step 3: the first day with free times gets focus; Enter picks it; times follow.
    await until(() => focused(el)?.dataset['day'] === firstFree(), 'the first free day is focused');
    expect(heading(el)).to.equal(`Step 3 of 4 ${en.whenH}`);
    await press('Enter');
    await until(() => radio(el, '09:00'));
    await press('Tab');
    expect(focused(el)?.getAttribute('name')).to.equal('slot');
    await press('ArrowDown');
    await press('Tab');
    await press('Enter');

    // Step 4: details; the slot is held meanwhile.
    await until(() => heading(el) === `Step 4 of 4 ${en.detailsH}`);
    expect(client.callsOf('hold')).to.deep.equal([{ slotId: `s-${firstFree()}-09:30`, topicId: 't-1' }]);
    await press('Tab');
    expect(focused(el)?.id).to.equal('name');
    await type('An Peeters');
    await press('Tab');
    await type('an@example.be');
    await press('Enter');

    const { detail } = await booked;
    expect(detail.booking.slot.id).to.equal(`s-${firstFree()}-09:30`);
    expect(detail.topic.id).to.equal('t-1');
    expect(detail.office?.name).to.equal('Office Centre');
    expect(client.callsOf('book')[0]).to.deep.include({ holdId: 'h-1', topicId: 't-1' });
    expect(client.callsOf('book')[0]?.['citizen']).to.deep.equal({ name: 'An Peeters', email: 'an@example.be', language: 'en' });

    await until(() => heading(el) === en.bookedH);
    const summary = textOf(one(el, '[part="confirmation"]'));
    expect(summary).to.contain('Domicile').and.contain('09:30').and.contain('Office Centre').and.contain('Marktplein 1, 9000 Gent').and.contain(`${en.bring}identity card`);
    const ics = button(el, en.ics) as HTMLAnchorElement;
    expect(ics.href).to.equal('https://api.zone.test/v1/manage/tok-booked/calendar.ics');
    expect(ics.hasAttribute('download')).to.equal(true);
    const manage = all<HTMLAnchorElement>(el, 'a').find((a) => a.href.includes('blauw-manage'))!;
    expect(manageTokenOf(manage.href)).to.equal('tok-booked');
    expect(new URL(manage.href).searchParams.has('blauw-manage'), 'never in the query, so it never reaches a server').to.equal(false);
    expect(manageTokenOf(location.href), 'the page address carries it, so a reload shows the booking').to.equal('tok-booked');
    expect(textOf(one(el, '[part="step"]'))).to.contain(en.sentTo.replace('{email}', 'a…@example.be'));
    expect(summary).to.contain('An Peeters').and.contain('an@example.be').and.contain('Inspecteur Jansens');
    expect(button(el, en.back), 'a finished booking offers no Back button (the browser’s Back still leaves it)').to.equal(undefined);
  });

  it('writes nothing to cookies or storage while booking', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const el = await mount(fakeBookingClient());
    await toDetails(el);
    await fillDetails(el);
    submit(el, en.book);
    await until(() => heading(el) === en.bookedH);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('keeps the page’s query parameters in the manage link, and the token in its fragment', async () => {
    history.replaceState(null, '', `${location.pathname}?page=afspraak&x=1`);
    const el = await mount(fakeBookingClient());
    await toDetails(el);
    await fillDetails(el);
    submit(el, en.book);
    await until(() => heading(el) === en.bookedH);
    const manage = new URL(all<HTMLAnchorElement>(el, 'a').find((a) => a.href.includes('blauw-manage'))!.href);
    expect(manage.searchParams.get('page')).to.equal('afspraak');
    expect(manage.searchParams.get('x')).to.equal('1');
    expect(manage.searchParams.has('blauw-manage')).to.equal(false);
    expect(manageTokenOf(manage.href)).to.equal('tok-booked');
  });

  it('skips the steps a webmaster preselected', async () => {
    const client = fakeBookingClient();
    const el = await mount(client, 'topic="t-2" office="o-2"');
    await until(() => one(el, '[data-day][tabindex="0"]') && client.callsOf('availability').length);
    expect(heading(el)).to.equal(`Step 1 of 2 ${en.whenH}`);
    expect(client.callsOf('availability')[0]).to.include({ topicId: 't-2', officeId: 'o-2' });
    // It does not take the focus from the page on load.
    expect(focused(el)).to.equal(null);
  });

  describe('date grid', () => {
    async function toGrid(client = fakeBookingClient()) {
      const el = await mount(client, 'topic="t-1"');
      await until(() => radio(el, 'Office Centre'));
      radio(el, 'Office Centre')!.click();
      submit(el, en.next);
      return el;
    }

    it('is a grid with localized weekday headers, Monday first', async () => {
      const el = await toGrid();
      await until(() => focused(el)?.dataset['day']);
      const grid = one(el, '[role="grid"]')!;
      expect(all(el, 'th').map(textOf)).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
      expect(one(el, 'th')!.getAttribute('abbr')).to.equal('Monday');
      expect(grid.getAttribute('aria-labelledby')).to.equal('mh');
      expect(all(el, '[data-day][tabindex="0"]')).to.have.length(1);
    });

    it('moves by day and week with the arrows, Home/End within the week, PageUp/PageDown by month', async () => {
      const client = fakeBookingClient();
      const el = await toGrid(client);
      const start = firstFree();
      await until(() => focused(el)?.dataset['day'] === start);
      const at = () => focused(el)?.dataset['day'];
      await press('ArrowRight');
      expect(at()).to.equal(addDays(start, 1));
      await press('ArrowLeft');
      await press('ArrowDown');
      expect(at()).to.equal(addDays(start, 7));
      await press('ArrowUp');
      expect(at()).to.equal(start);
      await press('Home');
      expect(new Date(`${at()}T12:00:00Z`).getUTCDay()).to.equal(1);
      await press('End');
      expect(new Date(`${at()}T12:00:00Z`).getUTCDay()).to.equal(0);
      expect(all(el, '[data-day][tabindex="0"]').map((b) => b.dataset['day'])).to.deep.equal([at()]);

      const before = at()!;
      await press('PageDown');
      await until(() => at()?.slice(0, 7) !== before.slice(0, 7));
      const [from, to] = monthRange(at()!.slice(0, 7));
      await until(() => client.callsOf('availability').some((call) => call['from'] === from && call['to'] === to), 'one request for the whole new month');
      await press('PageUp');
      await until(() => at()?.slice(0, 7) === before.slice(0, 7));
    });

    it('announces days without free times and does not select them', async () => {
      const el = await toGrid();
      await until(() => focused(el)?.dataset['day']);
      const weekend = all(el, '[data-day]').find((b) => [0, 6].includes(new Date(`${b.dataset['day']}T12:00:00Z`).getUTCDay()))!;
      expect(weekend.getAttribute('aria-disabled')).to.equal('true');
      expect(weekend.getAttribute('aria-label')).to.match(/, no free times$/);
      weekend.click();
      await el.updateComplete;
      expect(one(el, '[role="radiogroup"]')).to.equal(null);
      expect(weekend.closest('td')!.getAttribute('aria-selected')).to.equal('false');
    });

    it('says why a day is closed: a holiday by its name, a closure plainly', async () => {
      const easterMonday = { reason: 'holiday', name: { nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' } } as const;
      const client = fakeBookingClient({ closed: { '2027-03-29': easterMonday, '2027-03-31': { reason: 'closure' } } });
      const el = await toGrid(client);
      await until(() => one(el, '.closed'));
      expect(one(el, '[data-day="2027-03-29"]')!.getAttribute('aria-label')).to.equal(`Monday, 29 March 2027, Easter Monday — ${en.closed}`);
      expect(one(el, '[data-day="2027-03-29"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(all(el, '.closed li').map(textOf)).to.deep.equal([`Monday, 29 March: Easter Monday — ${en.closed}`, `Wednesday, 31 March: ${en.closed}`]);
      await expect(el).to.be.accessible();
    });

    it('says when the next free day is in an empty month, and goes there in one key press', async () => {
      // Free days only from 4 May: March is empty; the widget opens on March and offers the way there.
      const later = '2027-05-04';
      const client = fakeBookingClient({ isFree: (date) => date >= later, now: NOW });
      const el = await toGrid(client);
      await until(() => focused(el)?.dataset['day'] === later, 'opens on the month of the first free day');
      expect(client.callsOf('availability').map((call) => call['from'])).to.deep.equal(['2027-03-01', '2027-05-01']);
      button(el, en.prev)!.click();
      await until(() => textOf(one(el, '#next-free')).length);
      expect(textOf(one(el, '[part="status"]'))).to.equal(en.emptyMonth);
      one<HTMLButtonElement>(el, '#next-free')!.focus();
      const nextFree = client.callsOf('availability').length;
      await press('Enter');
      await until(() => client.callsOf('availability').length > nextFree);
      await until(() => focused(el)?.dataset['day'] === later, 'the next free day is focused');
    });

    it('aborts the previous month’s request when the month changes', async () => {
      const client = fakeBookingClient({ manual: ['availability'] });
      const el = await toGrid(client);
      await until(() => client.calls.some((call) => call.method === 'availability'));
      button(el, en.nextMonth)!.click();
      await until(() => client.callsOf('availability').length === 2);
      const signals = client.calls.filter((call) => call.method === 'availability').map((call) => call.signal);
      expect(signals[0]?.aborted).to.equal(true);
      expect(signals[1]?.aborted).to.equal(false);
      expect(one(el, '[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
      client.release();
    });

    it('gives the held slot back when the citizen goes back and chooses another time', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      button(el, en.back)!.click();
      await until(() => heading(el) === `Step 3 of 4 ${en.whenH}`);
      expect(client.callsOf('releaseHold'), 'going back alone keeps the slot').to.have.length(0);
      await until(() => radio(el, '14:00'));
      expect(radio(el, '09:30')?.checked, 'the held time is still offered, and still chosen').to.equal(true);
      radio(el, '14:00')!.click();
      submit(el, en.next);
      await until(() => client.callsOf('releaseHold').length === 1);
      expect(client.callsOf('releaseHold')[0]).to.deep.equal({ holdId: 'h-1' });
      expect(client.callsOf('hold').map((call) => call['slotId'])).to.deep.equal([`s-${firstFree()}-09:30`, `s-${firstFree()}-14:00`]);
    });
  });

  describe('details form', () => {
    it('lists what to correct at the top, and each link moves focus to its field', async () => {
      const el = await mount(fakeBookingClient());
      await toDetails(el);
      typeInto(field(el, en.email), 'not-an-address');
      submit(el, en.book);
      await until(() => one(el, '[part="error-summary"]'));
      const summary = one(el, '[part="error-summary"]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(focused(el)).to.equal(summary);
      const links = all<HTMLAnchorElement>(el, '[part="error-summary"] a');
      expect(links.map(textOf)).to.deep.equal([en['e.req'].replace('{f}', en.name), en['e.email']]);
      links[1]!.click();
      expect(focused(el)?.id).to.equal('email');
      const email = field(el, en.email);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(one(el, `#${email.getAttribute('aria-describedby')}`))).to.equal(en['e.email']);
      expect(field(el, en.email).value).to.equal('not-an-address');
    });

    it('a topic that asks for the facts does not submit without them', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el, 'Neighbour dispute');
      await fillDetails(el);
      const facts = field(el, en.facts);
      expect(facts.required, 'the facts are required').to.equal(true);
      expect(textOf(facts.labels?.[0])).to.equal(en.facts);
      submit(el, en.book);
      await until(() => one(el, '[part="error-summary"]'));
      expect(client.callsOf('book')).to.have.length(0);
      const links = all<HTMLAnchorElement>(el, '[part="error-summary"] a');
      expect(links.map(textOf)).to.deep.equal([en['e.facts']]);
      links[0]!.click();
      expect(focused(el)?.id).to.equal('facts');
      expect(facts.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(one(el, `#${facts.getAttribute('aria-describedby')}`))).to.equal(en['e.facts']);

      typeInto(facts, 'Loud music every night');
      submit(el, en.book);
      await until(() => heading(el) === en.bookedH);
      expect(client.callsOf('book')[0]).to.deep.include({ facts: 'Loud music every night' });
    });

    it('shows the server’s field errors at those fields', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      await fillDetails(el);
      client.failNext('book', new ValidationError('bad', { problem: { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ pointer: '/citizen/email', detail: 'Unknown domain' }] } }));
      submit(el, en.book);
      await until(() => one(el, '[part="error-summary"]'));
      expect(textOf(one(el, '[part="error-summary"] a'))).to.equal(en['e.email']);
      expect(field(el, en.email).getAttribute('aria-invalid')).to.equal('true');
    });

    it('keeps the citizen’s details when the chosen slot is taken meanwhile, and offers the next free times', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el, 'Neighbour dispute');
      await fillDetails(el);
      typeInto(field(el, en.facts), 'Loud music every night');
      const next = [bookingSlot(firstFree(), '14:00'), bookingSlot(addDays(firstFree(), 1), '09:00')];
      client.failNext('book', slotTaken(next));
      submit(el, en.book);
      await until(() => alertText(el).includes(en.taken));
      expect(field(el, en.name).value).to.equal('An Peeters');
      expect(field(el, en.email).value).to.equal('an@example.be');
      expect(field(el, en.facts).value).to.equal('Loud music every night');
      const offered = all<HTMLInputElement>(el, 'input[name="slot"]');
      expect(offered).to.have.length(2);
      expect(textOf(offered[0]!.closest('label'))).to.contain('14:00');

      const booked = oneEvent(el, 'blauw-booked') as Promise<CustomEvent<BookedDetail>>;
      offered[0]!.click();
      submit(el, en.book);
      const { detail } = await booked;
      expect(detail.booking.slot.id).to.equal(next[0]!.id);
      expect(client.callsOf('book')[1]).to.deep.include({ facts: 'Loud music every night' });
      expect(client.callsOf('book')[1]?.['citizen']).to.deep.include({ name: 'An Peeters' });
    });

    it('reports an unexpected failure with a blauw-error event and keeps the form', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      await fillDetails(el);
      client.failNext('book', new ServerError('boom', { status: 500 }));
      const failed = oneEvent(el, 'blauw-error') as Promise<CustomEvent<{ error: Error & { kind: string } }>>;
      submit(el, en.book);
      expect((await failed).detail.error.kind).to.equal('server');
      await until(() => alertText(el).includes(en['error.server']));
      expect(field(el, en.name).value).to.equal('An Peeters');
      await expect(el).to.be.accessible();
    });
  });

  describe('where', () => {
    /** Types an address into the "find your officer" fields, once they are there. */
    const typeAddress = async (el: BlauwBookingCalendar, postalCode: string, street: string, houseNumber: string) => {
      await until(() => field(el, en.street));
      typeInto(field(el, en.postalCode), postalCode);
      typeInto(field(el, en.street), street);
      typeInto(field(el, en.houseNumber), houseNumber);
      typeInto(field(el, en.municipality), 'Gent');
    };

    it('finds the citizen’s own officer from their address', async () => {
      const client = fakeBookingClient();
      const el = await mount(client, 'topic="t-1"');
      await typeAddress(el, '9000', 'Kerkstraat', '4');
      submit(el, en.find);
      await until(() => client.callsOf('availability').length);
      expect(client.callsOf('officerForAddress')[0]).to.deep.equal({ postalCode: '9000', street: 'Kerkstraat', houseNumber: '4' });
      expect(client.callsOf('availability')[0]).to.include({ officerId: 'p-1' });
    });

    it('says so when no officer covers the address', async () => {
      const el = await mount(fakeBookingClient(), 'topic="t-1"');
      await typeAddress(el, '9000', 'Elders', '1');
      submit(el, en.find);
      await until(() => alertText(el).includes(en.notCovered));
      await expect(el).to.be.accessible();
    });

    it('asks for a home visit with the address the citizen typed', async () => {
      const client = fakeBookingClient();
      const el = await mount(client, 'topic="t-1"');
      await typeAddress(el, '9000', 'Kerkstraat', '4');
      button(el, en.visit)!.click();
      // The same count of steps as a booking: the visit takes the place of the date.
      await until(() => heading(el) === `Step 2 of 3 ${en.visitH}`);
      expect(field(el, en.street).value).to.equal('Kerkstraat');
      expect(button(el, en.back)!.compareDocumentPosition(one(el, 'h2')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'Back sits above the heading').to.not.equal(0);
      await expect(el).to.be.accessible();

      submit(el, en.next);
      await until(() => one(el, '[part="error-summary"]'));
      expect(all(el, '[part="error-summary"] a').map(textOf)).to.include(en['e.dayParts']);

      typeInto(field(el, en.municipality), 'Gent');
      field(el, en.morning).click();
      field(el, en.evening).click();
      // Domicile asks no facts: the question fits a conversation.
      typeInto(field(el, en.talk) as unknown as HTMLTextAreaElement, 'Domicile check');
      submit(el, en.next);
      await until(() => heading(el) === `Step 3 of 3 ${en.detailsH}`);
      expect(textOf(one(el, '.recap'))).to.contain('Kerkstraat 4, 9000 Gent');
      await fillDetails(el);
      const requested = oneEvent(el, 'blauw-visit-requested') as Promise<CustomEvent<VisitRequestedDetail>>;
      submit(el, en.send);
      const { detail } = await requested;
      expect(detail.visit.manageToken).to.equal('tok-visit');
      expect(client.callsOf('requestHomeVisit')[0]).to.deep.include({
        topicId: 't-1',
        address: { street: 'Kerkstraat', houseNumber: '4', postalCode: '9000', municipality: 'Gent' },
        dayParts: ['morning', 'evening'],
        reason: 'Domicile check',
      });
      await until(() => heading(el) === en.requestedH && one(el, '[part="confirmation"]'));
      const shown = textOf(one(el, '[part="step"]'));
      expect(shown).to.contain(en.contact).and.contain(en.requested).and.contain('Domicile check').and.contain(`${en.dayParts} morning and evening`);
      expect(all<HTMLAnchorElement>(el, 'a').some((a) => manageTokenOf(a.href) === 'tok-visit')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('manage mode', () => {
    const date = () => addDays(firstFree(), 7);

    it('shows the booking of a manage-token and moves it to another time', async () => {
      const client = fakeBookingClient({ managed: managedBooking(date()) });
      const el = await mount(client, 'manage-token="tok-9"');
      await until(() => heading(el) === en.manageH && one(el, '[part="confirmation"]'));
      expect(textOf(one(el, '[part="confirmation"]'))).to.contain('Inspecteur Jansens').and.contain('09:00');
      await expect(el).to.be.accessible();

      button(el, en.reschedule)!.click();
      await until(() => focused(el)?.dataset['day']);
      expect(client.callsOf('availability')[0]).to.include({ topicId: 't-1', officerId: 'p-1' });
      focused(el)!.click();
      await until(() => radio(el, '14:00'));
      radio(el, '14:00')!.click();
      const moved = oneEvent(el, 'blauw-rescheduled') as Promise<CustomEvent<RescheduledDetail>>;
      submit(el, en.reschedule);
      // Nothing moves before the citizen sees both times and confirms.
      await until(() => heading(el) === en.confirmMoveH);
      expect(client.callsOf('reschedule')).to.have.length(0);
      expect(textOf(one(el, '[part="confirmation"]'))).to.contain('09:00').and.contain('14:00');
      await expect(el).to.be.accessible();
      button(el, en.moveYes)!.click();
      const { detail } = await moved;
      expect(client.callsOf('reschedule')[0]).to.deep.equal({ manageToken: 'tok-9', slotId: `s-${firstFree()}-14:00@o-2` });
      expect(detail.managed.kind).to.equal('booking');
      await until(() => textOf(one(el, '[role="status"]')) === en.moved);
      expect(textOf(one(el, '[part="confirmation"]'))).to.contain('14:00');
      expect(all<HTMLAnchorElement>(el, 'a').find((a) => textOf(a) === en.ics)?.getAttribute('download'), 'the updated calendar file').to.equal(en.icsFile);
    });

    it('cancels a booking from the #blauw-manage= link after asking, then offers the cancellation file and a new booking', async () => {
      history.replaceState(null, '', `${location.pathname}#blauw-manage=tok-url`);
      const client = fakeBookingClient({ managed: managedBooking(date()) });
      const el = await mount(client);
      await until(() => button(el, en.cancel));
      expect(client.callsOf('manage')[0]).to.deep.equal({ manageToken: 'tok-url' });
      button(el, en.cancel)!.click();
      await until(() => heading(el) === en.cancelH);
      await expect(el).to.be.accessible();
      const cancelled = oneEvent(el, 'blauw-cancelled') as Promise<CustomEvent<CancelledDetail>>;
      button(el, en.cancelYes)!.click();
      const { detail } = await cancelled;
      expect(detail.managed.kind === 'booking' && detail.managed.booking.status).to.equal('cancelled');
      await until(() => textOf(one(el, '[role="status"]')) === en.gone);
      expect(textOf(one(el, '[part="step"]'))).to.contain(en.status.replace("{s}", en.cancelled));
      expect(button(el, en.cancel)).to.equal(undefined);
      expect(textOf(one(el, '[part="confirmation"]')), 'nothing to bring to a cancelled meeting').to.not.contain(en.bring);
      const file = all<HTMLAnchorElement>(el, 'a').find((a) => textOf(a) === en.cancelIcs)!;
      expect(file.getAttribute('download')).to.equal(en.cancelFile);
      await expect(el).to.be.accessible();
      button(el, en.bookAnother)!.click();
      await until(() => radio(el, 'Domicile'));
      expect(heading(el)).to.equal(`Step 1 of 4 ${en.topicH}`);
      expect(location.hash, 'the old manage link is gone from the address').to.equal('');
    });

    it('shows a home visit as requested, confirmed with its time, or declined with the officer’s message', async () => {
      const requested = await mount(fakeBookingClient({ managed: managedVisit('requested') }), 'manage-token="v"');
      await until(() => textOf(one(requested, '[part="step"]')).includes(en.contact));
      expect(textOf(one(requested, '[part="step"]'))).to.contain(en.requested);

      const confirmed = await mount(fakeBookingClient({ managed: managedVisit('confirmed', { confirmedStart: '2027-03-09T10:00:00+01:00', officerMessage: 'Tot dan!' }) }), 'manage-token="v"');
      await until(() => textOf(one(confirmed, '[part="step"]')).includes('Tot dan!'));
      expect(textOf(one(confirmed, '[part="confirmation"]'))).to.contain('Tuesday, 9 March 2027 at 10:00');
      // A confirmed visit has a time, so it goes in the citizen's calendar like a booking.
      const calendar = all<HTMLAnchorElement>(confirmed, 'a').find((link) => textOf(link) === en.ics);
      expect(calendar?.href).to.equal('https://api.zone.test/v1/manage/v/calendar.ics');
      expect(all<HTMLAnchorElement>(requested, 'a').some((link) => textOf(link) === en.ics)).to.equal(false);

      const declined = await mount(fakeBookingClient({ managed: managedVisit('declined', { officerMessage: 'Please come to the office.' }) }), 'manage-token="v"');
      await until(() => textOf(one(declined, '[part="step"]')).includes('Please come to the office.'));
      expect(textOf(one(declined, '[part="step"]'))).to.contain(en.declined);
      expect(button(declined, en.cancel)).to.equal(undefined);
      await expect(declined).to.be.accessible();
    });
  });

  describe('states', () => {
    it('shows placeholders while loading, marked busy', async () => {
      const client = fakeBookingClient({ manual: ['topics'] });
      const el = await mount(client);
      expect(one(el, '[part="step"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(all(el, '[part="skeleton"]')).to.have.length(3);
      expect(textOf(one(el, '[role="status"]'))).to.equal(en.loading);
      await expect(el).to.be.accessible();
      client.release();
      await until(() => radio(el, 'Domicile'));
      expect(one(el, '[part="step"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('says so when there is nothing to book', async () => {
      const el = await mount(fakeBookingClient({ topics: [] }));
      await until(() => textOf(one(el, '[part="step"]')).includes(en.noTopics));
      await expect(el).to.be.accessible();
    });

    it('explains a failure by its kind and tries again on request', async () => {
      const client = fakeBookingClient();
      client.failNext('topics', new ServerError('down', { status: 503 }));
      const el = await mount(client);
      await until(() => alertText(el).includes(en['error.server']));
      await expect(el).to.be.accessible();
      button(el, en.retry)!.click();
      await until(() => radio(el, 'Domicile'));
    });

    it('shows an offline banner and tries again when the network returns', async () => {
      const client = fakeBookingClient();
      client.failNext('topics', new NetworkError('offline', { offline: true }));
      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const el = await mount(client);
        dispatchEvent(new Event('offline'));
        await until(() => one(el, '[part="offline"]'));
        expect(textOf(one(el, '[part="offline"]'))).to.equal(en.offline);
        await until(() => alertText(el).includes(en['error.offline']));
        await expect(el).to.be.accessible();
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
        dispatchEvent(new Event('online'));
        await until(() => radio(el, 'Domicile'));
        expect(one(el, '[part="offline"]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        Object.defineProperty(Navigator.prototype, 'onLine', onLine);
      }
    });

    it('is accessible at every step', async () => {
      const el = await mount(fakeBookingClient());
      await until(() => radio(el, 'Domicile'));
      await expect(el).to.be.accessible();
      radio(el, 'Domicile')!.click();
      submit(el, en.next);
      await until(() => radio(el, 'Office Centre'));
      await expect(el).to.be.accessible();
      submit(el, en.next);
      await until(() => one(el, '[part="error-summary"]'));
      await expect(el).to.be.accessible();
      radio(el, 'Office Centre')!.click();
      submit(el, en.next);
      await until(() => focused(el)?.dataset['day']);
      focused(el)!.click();
      await until(() => radio(el, '09:00'));
      await expect(el).to.be.accessible();
      radio(el, '09:00')!.click();
      submit(el, en.next);
      await until(() => heading(el).endsWith(en.detailsH));
      await expect(el).to.be.accessible();
      await fillDetails(el);
      submit(el, en.book);
      await until(() => heading(el) === en.bookedH);
      await expect(el).to.be.accessible();
    });
  });

  it('fits a 320 px wide screen at every step, without scrolling sideways', async () => {
    const el = await mount(fakeBookingClient(), '', 'de');
    el.parentElement!.style.inlineSize = '320px';
    const de = messages.de;
    const fits = (step: string) => expect(el.scrollWidth, step).to.be.at.most(320);
    await until(() => radio(el, 'Domicile'));
    fits('topic');
    radio(el, 'Domicile')!.click();
    submit(el, de.next);
    await until(() => radio(el, 'Office Centre'));
    fits('where');
    radio(el, 'Office Centre')!.click();
    submit(el, de.next);
    await until(() => focused(el)?.dataset['day']);
    fits('when');
    const day = focused(el)!.getBoundingClientRect();
    expect(day.width, 'day cells shrink but stay large enough to tap').to.be.at.least(40);
    focused(el)!.click();
    await until(() => radio(el, '09:00'));
    radio(el, '09:00')!.click();
    submit(el, de.next);
    await until(() => heading(el).endsWith(de.detailsH));
    fits('details');
  });

  it('keeps each label of the summary on the row of its value, at every width', async () => {
    const el = await mount(fakeBookingClient({ managed: managedBooking(firstFree()) }), 'manage-token="m"');
    await until(() => el.shadowRoot!.querySelector('dl dd'));
    for (const width of ['320px', '640px', '1280px']) {
      el.parentElement!.style.inlineSize = width;
      const labels = all<HTMLElement>(el, 'dl dt');
      expect(labels.length, width).to.be.at.least(4);
      for (const label of labels) {
        const value = label.nextElementSibling as HTMLElement;
        expect(value.tagName, width).to.equal('DD');
        expect(value.getBoundingClientRect().top, `${textOf(label)} at ${width}`).to.equal(label.getBoundingClientRect().top);
        expect(value.getBoundingClientRect().left, `${textOf(label)} at ${width}`).to.be.greaterThan(label.getBoundingClientRect().left);
      }
    }
  });

  describe('on any day of the year', () => {
    // Instant → Brussels today → the first free weekday, whose month the grid opens on.
    const cases = [
      ['the last weekday of a month, after hours', '2027-04-30T16:00:00Z', '2027-05-03'],
      ['23:30 UTC, when Brussels is already on the next day', '2027-04-30T23:30:00Z', '2027-05-03'],
      ['31 December', '2027-12-31T10:00:00Z', '2028-01-03'],
      ['the day before summer time', '2027-03-27T10:00:00Z', '2027-03-29'],
      ['the day summer time starts', '2027-03-28T10:00:00Z', '2027-03-29'],
      ['the day after summer time starts', '2027-03-29T10:00:00Z', '2027-03-30'],
      ['the day before winter time', '2027-10-30T10:00:00Z', '2027-11-01'],
      ['the day winter time starts', '2027-10-31T10:00:00Z', '2027-11-01'],
      ['the day after winter time starts', '2027-11-01T10:00:00Z', '2027-11-02'],
    ] as const;
    for (const [when, instant, first] of cases) {
      it(`opens on the month of the first free day on ${when}`, async () => {
        const now = pinnedClock(instant);
        const client = fakeBookingClient({ now });
        const el = await mount(client, 'topic="t-1" office="o-1"', 'en', now);
        // On load the page keeps the focus; the first free day is the grid's one tab stop.
        await until(() => one(el, '[data-day][tabindex="0"]')?.dataset['day'] === first && one(el, '[role="grid"]')?.getAttribute('aria-busy') === 'false', `${first} is the grid's tab stop`);
        expect(textOf(one(el, '#mh'))).to.equal(new Intl.DateTimeFormat('en-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${first}T12:00:00Z`)));
        const free = all(el, '[data-day]').filter((day) => !day.hasAttribute('aria-disabled')).map((day) => day.dataset['day']!);
        expect(free[0]).to.equal(first);
      });
    }

    it('explains a month beyond the booking horizon, and when it opens', async () => {
      const el = await mount(fakeBookingClient(), 'topic="t-1" office="o-1"');
      await until(() => one(el, '[data-day][tabindex="0"]')?.dataset['day'] === '2027-03-02');
      // A horizon of 90 days from 1 March reaches 30 May; June opens on 3 March... of the next view.
      for (let i = 0; i < 4; i++) {
        button(el, en.nextMonth)!.click();
        await el.updateComplete;
      }
      await until(() => textOf(one(el, '#mh')) === 'July 2027' && one(el, '[part="status"]'));
      expect(textOf(one(el, '[part="status"]'))).to.equal(en.horizon.replace('{n}', '90').replace('{date}', '2 April'));
      expect(one(el, '#next-free')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reads the clock from a surrounding provider when it has none of its own', async () => {
      const client = fakeBookingClient({ now: pinnedClock('2027-12-31T10:00:00Z') });
      const wrapper = await fixture<HTMLElement & { now: () => number; updateComplete: Promise<boolean> }>(html`<blauw-provider></blauw-provider>`);
      wrapper.now = pinnedClock('2027-12-31T10:00:00Z');
      await wrapper.updateComplete;
      const el = document.createElement('blauw-booking-calendar');
      el.setAttribute('lang', 'en');
      el.setAttribute('topic', 't-1');
      el.setAttribute('office', 'o-1');
      el.client = client;
      wrapper.append(el);
      await until(() => one(el, '[data-day][tabindex="0"]')?.dataset['day'] === '2028-01-03');
    });
  });

  describe('Back, Forward and reload', () => {
    it('goes back one step with the browser’s Back and returns with Forward, keeping what was typed', async () => {
      const el = await mount(fakeBookingClient());
      await toDetails(el);
      typeInto(field(el, en.name), 'An Peeters');
      history.back();
      await until(() => heading(el) === `Step 3 of 4 ${en.whenH}`);
      history.back();
      await until(() => heading(el) === `Step 2 of 4 ${en.whereH}`);
      expect(radio(el, 'Office Centre')!.checked).to.equal(true);
      history.forward();
      await until(() => heading(el) === `Step 3 of 4 ${en.whenH}`);
      history.forward();
      await until(() => heading(el) === `Step 4 of 4 ${en.detailsH}`);
      expect(field(el, en.name).value).to.equal('An Peeters');
      expect(focused(el)?.tagName, 'the heading of the step takes the focus').to.equal('H2');
    });

    it('shows the booking again after a reload, from the address alone', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      await fillDetails(el);
      submit(el, en.book);
      await until(() => heading(el) === en.bookedH);
      el.remove();
      // What a reload does: a new element on the same address.
      const again = await mount(client);
      await until(() => heading(again) === en.manageH && one(again, '[part="confirmation"]'));
      expect(client.callsOf('manage').at(-1)).to.deep.equal({ manageToken: 'tok-booked' });
    });

    it('leaves a finished booking with Back, and Forward shows it again', async () => {
      const el = await mount(fakeBookingClient());
      await toDetails(el);
      await fillDetails(el);
      submit(el, en.book);
      await until(() => heading(el) === en.bookedH);
      history.back();
      await until(() => heading(el) === `Step 1 of 4 ${en.topicH}`);
      expect(location.hash).to.equal('');
      history.forward();
      await until(() => heading(el) === en.manageH && one(el, '[part="confirmation"]'));
    });

    it('shows the booking when its manage link is followed on the page that shows the widget', async () => {
      const el = await mount(fakeBookingClient({ managed: managedBooking('2027-03-09') }));
      await until(() => radio(el, 'Domicile'));
      location.hash = 'blauw-manage=tok-mail';
      await until(() => heading(el) === en.manageH && one(el, '[part="confirmation"]'));
    });

    it('opens a manage link only in the widget it names, or else in the first', async () => {
      history.replaceState(null, '', `${location.pathname}#blauw-manage=tok-2&blauw-widget=second`);
      const first = await mount(fakeBookingClient({ managed: managedBooking('2027-03-09') }));
      const second = await mount(fakeBookingClient({ managed: managedBooking('2027-03-09') }), 'id="second"');
      await until(() => heading(second) === en.manageH);
      await until(() => radio(first, 'Domicile'));
      expect(heading(first)).to.equal(`Step 1 of 4 ${en.topicH}`);
      history.replaceState(null, '', `${location.pathname}#blauw-manage=tok-1`);
      first.remove();
      second.remove();
      const a = await mount(fakeBookingClient({ managed: managedBooking('2027-03-09') }));
      const b = await mount(fakeBookingClient({ managed: managedBooking('2027-03-09') }));
      await until(() => heading(a) === en.manageH);
      await until(() => radio(b, 'Domicile'));
    });
  });

  describe('messages that say what is wrong', () => {
    it('renders only patterns that compile under the v flag browsers use', async () => {
      const el = await mount(fakeBookingClient());
      await toDetails(el);
      const patterns = all<HTMLInputElement>(el, '[pattern]').map((input) => input.pattern);
      expect(patterns.length).to.be.at.least(1);
      for (const pattern of patterns) expect(() => new RegExp(pattern, 'v'), pattern).to.not.throw();
      typeInto(field(el, en.phone), 'call me');
      expect(field(el, en.phone).validity.patternMismatch, 'the browser checks the phone number').to.equal(true);
    });

    it('carries the contract’s limits, and shows the server’s refusal with its real reason', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      expect(field(el, en.name).maxLength).to.equal(200);
      await fillDetails(el);
      // Typed past the limit by a script or an old browser: the server refuses it, and says why.
      field(el, en.name).removeAttribute('maxlength');
      typeInto(field(el, en.name), 'x'.repeat(201));
      client.failNext('book', new ValidationError('bad', { problem: { type: 'about:blank', title: 'Invalid', status: 400, errors: [{ pointer: '/citizen/name', detail: 'Too long' }] } }));
      submit(el, en.book);
      await until(() => one(el, '[part="error-summary"]'));
      expect(textOf(one(el, '[part="error-summary"] a'))).to.equal(en['e.long'].replace('{f}', en.name).replace('{n}', '200'));
    });

    it('suggests the zone’s streets when no officer covers a misspelt address', async () => {
      const client = fakeBookingClient();
      const suggestions = [{ street: 'Dorpsstraat', postalCode: '9000', municipality: 'Gent' }];
      const el = await mount(client, 'topic="t-1"');
      await until(() => field(el, en.street));
      typeInto(field(el, en.street), 'Dorpstraat');
      typeInto(field(el, en.houseNumber), '3');
      typeInto(field(el, en.postalCode), '9000');
      typeInto(field(el, en.municipality), 'Gent');
      client.failNext('officerForAddress', new NotFoundError('Not covered', { problem: { type: 'about:blank', title: 'Not covered', status: 404, code: 'address_not_covered', suggestions } }));
      submit(el, en.find);
      await until(() => alertText(el).includes(en.notCovered));
      button(el, 'Dorpsstraat, 9000 Gent')!.click();
      await el.updateComplete;
      expect(field(el, en.street).value).to.equal('Dorpsstraat');
      await expect(el).to.be.accessible();
    });

    it('clears a slot someone else took and never offers it again', async () => {
      const client = fakeBookingClient();
      const el = await mount(client);
      await toDetails(el);
      await fillDetails(el);
      const next = [bookingSlot(firstFree(), '14:00'), bookingSlot('2027-03-03', '09:00')];
      client.failNext('book', slotTaken(next));
      submit(el, en.book);
      await until(() => alertText(el).includes(en.taken));
      const offered = all<HTMLInputElement>(el, 'input[name="slot"]');
      expect(offered.map((input) => textOf(input.closest('label')))).to.deep.equal(['Tuesday, 2 March 2027 at 14:00', 'Wednesday, 3 March 2027 at 09:00']);
      expect(offered.every((input) => !input.checked)).to.equal(true);
      button(el, en.back)!.click();
      await until(() => radio(el, '09:00'));
      expect(radio(el, '09:30'), 'the taken time is no longer offered').to.equal(undefined);
    });
  });

  describe('in French', () => {
    it('is accessible at every step, with French typography', async () => {
      const fr = { ...sharedMessages.fr, ...messages.fr };
      const client = fakeBookingClient();
      const el = await mount(client, '', 'fr');
      await until(() => radio(el, 'Domicile'));
      await expect(el).to.be.accessible();
      radio(el, 'Domicile')!.click();
      submit(el, fr.next);
      await until(() => radio(el, 'Office Centre'));
      await expect(el).to.be.accessible();
      radio(el, 'Office Centre')!.click();
      submit(el, fr.next);
      await until(() => focused(el)?.dataset['day']);
      focused(el)!.click();
      await until(() => radio(el, '09:00'));
      await expect(el).to.be.accessible();
      radio(el, '09:00')!.click();
      submit(el, fr.next);
      await until(() => heading(el).endsWith(fr.detailsH));
      await expect(el).to.be.accessible();
      typeInto(field(el, fr.name), 'Anne Dupont');
      typeInto(field(el, fr.email), 'anne@example.be');
      submit(el, fr.book);
      await until(() => heading(el) === fr.bookedH && one(el, '[part="confirmation"]'));
      await expect(el).to.be.accessible();
      expect(textOf(one(el, '[part="confirmation"]'))).to.match(/mardi 2 mars 2027/);
      expect(textOf(one(el, '[part="step"]'))).to.not.match(/ [:;?!]/);
    });
  });

  describe('languages', () => {
    const expected = {
      nl: { step: 'Stap 1 van 4', monday: 'ma' },
      fr: { step: 'Étape 1 sur 4', monday: 'lun.' },
      de: { step: 'Schritt 1 von 4', monday: 'Mo' },
      en: { step: 'Step 1 of 4', monday: 'Mon' },
    } as const;
    for (const [lang, { step, monday }] of Object.entries(expected)) {
      it(`speaks ${lang}`, async () => {
        const el = await mount(fakeBookingClient(), '', lang);
        await until(() => radio(el, 'Domicile'));
        const catalog = messages[lang as keyof typeof messages];
        expect(heading(el)).to.equal(`${step} ${catalog.topicH}`);
        expect(textOf(one(el, '#topic-d'))).to.contain(catalog.min.replace('{n}', '15'));

        const dated = await mount(fakeBookingClient(), 'topic="t-1" office="o-1"', lang);
        await until(() => one(dated, 'th'));
        expect(textOf(one(dated, 'th'))).to.equal(monday);
      });
    }
  });
});
