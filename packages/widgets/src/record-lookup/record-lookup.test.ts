import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ForbiddenError, NetworkError, ValidationError } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { fakeAddress, fakePerson, fakeRecordsClient, fakeRegister, fakeVehicle, type FakeRecordsClient, type FakeRecordsOptions } from '../testing/fake-records-client.js';
import { pinnedClock } from '../testing/fake-incidents-client.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';
import './record-lookup.js';
import type { BlauwRecordLookup, RecordLookupDetail } from './record-lookup.js';
import { sharedMessages } from '../shared/messages.js';
import { messages } from './messages.js';

const en = messages.en;

// ---- helpers: what an officer perceives (roles, names, text), not private state ----

const root = (el: Element) => el.shadowRoot!;
const all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const one = <E extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<E>(selector)!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: Element, name: string) => all<HTMLButtonElement>(el, 'button').find((node) => textOf(node) === name)!;
const tab = (el: Element, name: string) => all<HTMLButtonElement>(el, '[role="tab"]').find((node) => textOf(node) === name)!;
const until = (check: () => unknown, message?: string) => waitUntil(check, message, { timeout: 3000 });
const labelled = (el: Element, label: string) => {
  const found = all<HTMLLabelElement>(el, 'label').find((node) => textOf(node).replace(/ \(optional\)$/, '') === label);
  if (!found) throw new Error(`no field labelled ${label}`);
  return one<HTMLInputElement>(el, `[id="${found.htmlFor}"]`);
};
const summary = (el: Element) => all(el, '[part~="error-summary"] li').map(textOf);
const cards = (el: Element) => all(el, '[part~="record"]');
const announced = (el: Element) => textOf(one(el, '.vh[role="status"]'));

async function type(el: Element, label: string, value: string): Promise<void> {
  const input = labelled(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (el as BlauwRecordLookup).updateComplete;
}

async function choosePurpose(el: Element, code: string, text?: string): Promise<void> {
  const select = one<HTMLSelectElement>(el, 'select');
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await (el as BlauwRecordLookup).updateComplete;
  if (text !== undefined) await type(el, labelFor(code), text);
}

const labelFor = (code: string) => (code === 'incident' ? en['pt.incident'] : code === 'check' ? en['pt.check'] : code === 'other' ? en['pt.other'] : en['pt.note']);

async function search(el: Element): Promise<void> {
  one<HTMLButtonElement>(el, '[part~="primary-button"]').click();
  await (el as BlauwRecordLookup).updateComplete;
}

async function mount(options: FakeRecordsOptions = {}, { lang = 'en', tab: first }: { lang?: string; tab?: string } = {}): Promise<{ el: BlauwRecordLookup; client: FakeRecordsClient }> {
  const client = fakeRecordsClient(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 40rem"></div>`);
  const el = document.createElement('blauw-record-lookup');
  el.setAttribute('lang', lang);
  if (first) el.setAttribute('tab', first);
  el.client = client;
  el.now = pinnedClock('2027-03-10T09:00:00Z');
  wrapper.append(el);
  await el.updateComplete;
  return { el, client };
}

/** Searched, with the results (or a failure) on screen. */
async function searched(el: BlauwRecordLookup): Promise<void> {
  await search(el);
  await until(() => all(el, '[part~="results"], [part~="alert"], [part~="error-summary"]').length > 0, 'the look-up is answered');
}

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}

describe('<blauw-record-lookup>', () => {
  failOnConsoleErrors();

  it('refuses to search without a purpose and sends nothing: the summary names the purpose and links to it', async () => {
    const { el, client } = await mount();
    await type(el, en['f.nationalNumber'], '85.07.30-033.28');
    await search(el);
    expect(client.calls).to.deep.equal([]);
    expect(summary(el)).to.deep.equal([`${en.purposeCode} — ${en['i.purposeCode']}`]);
    expect(root(el).activeElement).to.equal(one(el, '[part~="error-summary"]'));
    one<HTMLAnchorElement>(el, '[part~="error-summary"] a').click();
    expect(root(el).activeElement).to.equal(one(el, 'select'));
    expect(one(el, 'select').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // An incident needs its number, as the server asks.
    await choosePurpose(el, 'incident');
    await search(el);
    expect(client.calls).to.deep.equal([]);
    expect(summary(el)).to.deep.equal([`${en['pt.incident']} — ${en['i.purposeText.incident']}`]);
  });

  it('catches a mistyped national number before sending (mod-97) and takes a valid one of someone born after 2000', async () => {
    const { el, client } = await mount();
    await choosePurpose(el, 'traffic_control');
    await type(el, en['f.nationalNumber'], '85.07.30-033.29');
    expect(textOf(one(el, '#nationalNumber-feedback'))).to.equal(en['i.nationalNumber']);
    await search(el);
    expect(client.calls).to.deep.equal([]);
    expect(summary(el)).to.deep.equal([`${en['f.nationalNumber']} — ${en['i.nationalNumber']}`]);
    expect(labelled(el, en['f.nationalNumber']).getAttribute('aria-describedby')).to.include('nationalNumber-err');

    await type(el, en['f.nationalNumber'], '03.05.14-124.68');
    expect(textOf(one(el, '#nationalNumber-feedback'))).to.equal('Valid number: born 14 May 2003');
    expect(summary(el)).to.deep.equal([]);
    await searched(el);
    expect(client.calls).to.deep.equal([{ method: 'persons', input: { nationalNumber: '03051412468', purpose: { code: 'traffic_control' } } }]);
    expect(textOf(one(el, '[part~="record"] h4'))).to.equal('Claes, Lotte');
  });

  it('normalises a plate as typed and sends 1-ABC-234 for 1abc234', async () => {
    const { el, client } = await mount({}, { tab: 'vehicle' });
    await choosePurpose(el, 'traffic_control');
    await type(el, en['f.plate'], '1abc234');
    expect(textOf(one(el, '#plate-feedback'))).to.equal('Searched as 1-ABC-234');
    await searched(el);
    expect(client.calls).to.deep.equal([{ method: 'vehicles', input: { plate: '1-ABC-234', purpose: { code: 'traffic_control' } } }]);
    expect(textOf(one(el, '[part~="record"] h4'))).to.equal('1-ABC-234');
    expect(announced(el)).to.equal('1 record found');
  });

  it('shows a person’s dossier from the one-box search: warnings first in words, linked vehicles, addresses and prior incidents, and the purpose', async () => {
    const { el, client } = await mount({}, { tab: 'all' });
    await choosePurpose(el, 'incident', '2027-0042');
    await type(el, en['f.query'], 'Verbeke Jan');
    const fired = oneEvent(el, 'blauw-record-lookup');
    await searched(el);
    const { detail } = (await fired) as CustomEvent<RecordLookupDetail>;
    expect(detail).to.deep.equal({ kind: 'all', purpose: { code: 'incident', text: '2027-0042' }, count: 1 });
    expect(client.calls[0]).to.deep.equal({ method: 'search', input: { query: 'Verbeke Jan', purpose: { code: 'incident', text: '2027-0042' } } });
    expect(textOf(one(el, '[part~="purpose-line"]'))).to.equal('Purpose: Incident 2027-0042');
    expect(textOf(one(el, '[part~="results"]'))).to.include(en.logged);
    expect(announced(el)).to.equal('1 record found');
    const [card] = cards(el);
    // The warnings come right after the name, before any other field.
    expect(card!.querySelector('h4')!.nextElementSibling!.classList.contains('flags')).to.equal(true);
    const flags = [...card!.querySelectorAll(':scope > .flags [part~="flag"]')].map(textOf);
    expect(flags).to.deep.equal([
      'Wanted — Aanhoudingsbevel van de onderzoeksrechter te Gent. (Reference AB-2027-0113)',
      'Electronic monitoring — Enkelband; thuis tussen 20:00 en 07:00.',
    ]);
    // Every warning has its icon beside its words: colour is never the only sign.
    for (const flag of card!.querySelectorAll('[part~="flag"]')) expect(flag.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
    const linked = [...card!.querySelectorAll('[part~="linked"]')].map((section) => [textOf(section.querySelector('h5')), ...[...section.querySelectorAll('li')].map(textOf)]);
    expect(linked).to.deep.equal([
      ['Linked vehicles', '1-ABC-234 — Volkswagen Golf, grijs'],
      ['Addresses', 'Kouter 12, 9000 Gent'],
      ['Prior incidents', 'PZ-2026-004211: Burglary, 14 Nov 2026 (suspect)', 'PZ-2025-001870: Traffic accident, 02 Apr 2025 (involved)'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a masked national number as masked, with a note that the role does not see it whole', async () => {
    const { el } = await mount();
    await choosePurpose(el, 'investigation');
    await type(el, en['f.familyName'], 'verbeke');
    await type(el, en['f.birthDate'], '1985-07-30');
    await searched(el);
    const number = one(el, '.nrn');
    expect(textOf(number)).to.equal('85.07.30-***.**');
    expect(textOf(one(el, `[id="${number.getAttribute('aria-describedby')}"]`))).to.equal(en.masked);
    const unmasked = await mount({ masked: false });
    await choosePurpose(unmasked.el, 'investigation');
    await type(unmasked.el, en['f.nationalNumber'], '85073003328');
    await searched(unmasked.el);
    expect(textOf(one(unmasked.el, '.nrn'))).to.equal('85.07.30-033.28');
    expect(all(unmasked.el, '.note')).to.have.length(0);
  });

  it('shows a wanted vehicle, an address with an open domicile check, and "No record found" with the look-up logged', async () => {
    const { el } = await mount({}, { tab: 'all' });
    await choosePurpose(el, 'traffic_control');
    await type(el, en['f.query'], '2 xyz 987');
    await searched(el);
    expect([...cards(el)[0]!.querySelectorAll('[part~="flag"] strong')].map(textOf)).to.deep.equal(['Stolen', 'Wanted vehicle']);
    await type(el, en['f.query'], 'Korte Meer 9');
    await searched(el);
    await until(() => textOf(cards(el)[0]?.querySelector('h4')) === 'Korte Meer 9 box 3, 9000 Gent');
    expect(textOf(cards(el)[0]!.querySelector('[part~="flag"] strong'))).to.equal('Open domicile check');
    await type(el, en['f.query'], '9-ZZZ-999');
    await searched(el);
    await until(() => all(el, '[part~="empty"]').length === 1);
    expect(textOf(one(el, '[part~="empty"]'))).to.equal(en.none);
    expect(textOf(one(el, '[part~="results"]'))).to.include(en.logged);
    expect(announced(el)).to.equal(en.none);
    await expect(el).to.be.accessible();
  });

  it('puts a refusal’s pointers on the fields, linked from the summary, in the officer’s words where it knows the refusal', async () => {
    const refusal = new ValidationError('Invalid plate', { status: 422, problem: { title: 'Invalid', status: 422, code: 'plate_invalid', errors: [{ pointer: '/plate', detail: 'Expected a plate such as 1-ABC-234.' }] } });
    const { el } = await mount({ fail: refusal }, { tab: 'vehicle' });
    await choosePurpose(el, 'traffic_control');
    await type(el, en['f.plate'], 'ABC-123');
    const error = oneEvent(el, 'blauw-error');
    await searched(el);
    expect(((await error) as CustomEvent<BlauwErrorDetail>).detail.error).to.equal(refusal);
    await until(() => summary(el).length === 1);
    expect(summary(el)).to.deep.equal([`${en['f.plate']} — ${en['i.plate']}`]);
    expect(labelled(el, en['f.plate']).getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(one(el, '#plate-err'))).to.equal(en['i.plate']);
    await until(() => root(el).activeElement === one(el, '[part~="error-summary"]'));
    await expect(el).to.be.accessible();
    // Changing the field takes the server's word off it.
    await type(el, en['f.plate'], 'ABC-124');
    expect(summary(el)).to.deep.equal([]);
  });

  it('shows the server’s own detail for a refusal it has no words for, on the field it names', async () => {
    const refusal = new ValidationError('Too vague', { status: 422, problem: { title: 'Invalid', status: 422, code: 'query_too_vague', errors: [{ pointer: '/query', detail: 'Add a given name or a birth date.' }] } });
    const { el } = await mount({ fail: refusal }, { tab: 'all' });
    await choosePurpose(el, 'investigation');
    await type(el, en['f.query'], 'Peeters');
    await searched(el);
    await until(() => summary(el).length === 1);
    expect(summary(el)).to.deep.equal([`${en['f.query']} — The zone does not accept this: Add a given name or a birth date.`]);
  });

  it('says when the officer’s role may not consult the records', async () => {
    const { el } = await mount({ fail: new ForbiddenError('Forbidden', { status: 403, problem: { title: 'Forbidden', status: 403 } }) });
    await choosePurpose(el, 'investigation');
    await type(el, en['f.nationalNumber'], '85073003328');
    await searched(el);
    expect(textOf(one(el, '[part~="alert"]'))).to.equal(en.forbidden);
    expect(all(el, '[part~="alert"] button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offers Try again when the server cannot be reached, which makes the look-up anew', async () => {
    let failures = 1;
    const { el, client } = await mount({ fail: () => (failures-- > 0 ? new NetworkError('down', { offline: false }) : undefined) }, { tab: 'vehicle' });
    await choosePurpose(el, 'traffic_control');
    await type(el, en['f.plate'], '1-ABC-234');
    await searched(el);
    expect(textOf(one(el, '[part~="alert"] p'))).to.equal(en.networkError);
    button(el, sharedMessages.en.retry).click();
    await until(() => cards(el).length === 1);
    expect(client.calls).to.have.length(2);
  });

  it('never queues a look-up offline: it says a look-up needs a network connection and sends nothing', async () => {
    const { el, client } = await mount({}, { tab: 'vehicle' });
    const online = goOffline();
    try {
      await el.updateComplete;
      expect(textOf(one(el, '[part~="notice"]'))).to.equal(en.offlineLookup);
      await choosePurpose(el, 'traffic_control');
      await type(el, en['f.plate'], '1-ABC-234');
      await search(el);
      await el.updateComplete;
      expect(client.calls).to.deep.equal([]);
      await until(() => root(el).activeElement === one(el, '[part~="notice"]'));
      await expect(el).to.be.accessible();
    } finally {
      online();
    }
    await search(el);
    await until(() => cards(el).length === 1);
    expect(all(el, '[part~="notice"]')).to.have.length(0);
  });

  it('moves between tabs with the arrow keys, Home and End, one tab in the tab order, each controlling its panel', async () => {
    const { el } = await mount();
    const tabs = all<HTMLButtonElement>(el, '[role="tab"]');
    expect(tabs.map(textOf)).to.deep.equal([en['tab.person'], en['tab.vehicle'], en['tab.address'], en['tab.all']]);
    const state = () => all(el, '[role="tab"]').map((node) => `${node.getAttribute('aria-selected')}/${node.getAttribute('tabindex')}`);
    const visiblePanel = () => all(el, '[role="tabpanel"]').filter((panel) => !panel.hidden).map((panel) => panel.id);
    for (const node of tabs) expect(one(el, `[id="${node.getAttribute('aria-controls')}"]`).getAttribute('aria-labelledby')).to.equal(node.id);
    expect(state()).to.deep.equal(['true/0', 'false/-1', 'false/-1', 'false/-1']);
    tab(el, en['tab.person']).focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => root(el).activeElement === tab(el, en['tab.vehicle']));
    expect(state()).to.deep.equal(['false/-1', 'true/0', 'false/-1', 'false/-1']);
    expect(visiblePanel()).to.deep.equal(['panel-vehicle']);
    await sendKeys({ press: 'End' });
    await until(() => root(el).activeElement === tab(el, en['tab.all']));
    await sendKeys({ press: 'ArrowRight' });
    await until(() => root(el).activeElement === tab(el, en['tab.person']));
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => root(el).activeElement === tab(el, en['tab.all']));
    await sendKeys({ press: 'Home' });
    await until(() => root(el).activeElement === tab(el, en['tab.person']));
    expect(visiblePanel()).to.deep.equal(['panel-person']);
    // Tab leaves the tab list for the panel's first field.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(labelled(el, en['f.nationalNumber']));
  });

  it('keeps the purpose between look-ups and lists this session’s look-ups newest first; Search again makes a new look-up with the same purpose', async () => {
    const { el, client } = await mount({}, { tab: 'vehicle' });
    await choosePurpose(el, 'check', 'a-101');
    await type(el, en['f.plate'], '1-ABC-234');
    await searched(el);
    tab(el, en['tab.address']).click();
    await el.updateComplete;
    expect(one<HTMLSelectElement>(el, 'select').value).to.equal('check');
    await type(el, en['f.street'], 'Kouter');
    await type(el, en['f.postalCode'], '9000');
    await searched(el);
    await until(() => client.calls.length === 2 && cards(el).length === 1);
    expect(client.calls[1]).to.deep.equal({ method: 'addresses', input: { street: 'Kouter', postalCode: '9000', purpose: { code: 'check', text: 'a-101' } } });
    const recent = () => all(el, '[part~="recent"] li p').map(textOf);
    expect(recent()).to.deep.equal(['Address: Kouter, 9000 Purpose: Check a-101 · at 10:00', 'Vehicle: 1-ABC-234 Purpose: Check a-101 · at 10:00']);
    expect(textOf(one(el, '[part~="recent"]'))).to.include(en.recentNote);

    await choosePurpose(el, 'traffic_control');
    const again = all<HTMLButtonElement>(el, '[part~="recent"] li button')[1]!;
    expect(textOf(again)).to.equal(en.searchAgain);
    expect(textOf(one(el, `[id="${again.getAttribute('aria-describedby')}"]`))).to.include('1-ABC-234');
    again.click();
    await until(() => client.calls.length === 3 && textOf(cards(el)[0]?.querySelector('h4')) === '1-ABC-234');
    expect(client.calls[2]).to.deep.equal({ method: 'vehicles', input: { plate: '1-ABC-234', purpose: { code: 'check', text: 'a-101' } } });
    expect(tab(el, en['tab.vehicle']).getAttribute('aria-selected')).to.equal('true');
    expect(recent()).to.have.length(3);
    expect(recent()[0]).to.equal('Vehicle: 1-ABC-234 Purpose: Check a-101 · at 10:00');
    // Nothing of it is on the device.
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.include('1-ABC-234');
  });

  it('shows names, streets and flags as the text in the records: markup and script in them run nothing', async () => {
    const register = fakeRegister();
    register.persons = XSS_CORPUS.map((text, i) =>
      fakePerson({ id: `x-${i}`, familyName: 'Peeters', givenNames: text, birthDate: '1980-01-01', address: { street: text, houseNumber: '1', postalCode: '9000', municipality: 'Gent' }, flags: [{ code: 'signalled', detail: text, reference: text }, { code: text, detail: text }] }),
    );
    register.vehicles = [fakeVehicle({ plate: '1-XSS-001', make: XSS_CORPUS[0]!, model: XSS_CORPUS[1]!, colour: XSS_CORPUS[2]!, flags: [{ code: 'stolen', detail: XSS_CORPUS[3]! }] })];
    register.addresses = [fakeAddress({ id: 'ad-x', address: { street: XSS_CORPUS[4]!, houseNumber: '1', postalCode: '9000', municipality: XSS_CORPUS[5]! } })];
    const { el } = await mount({ register });
    await choosePurpose(el, 'other', XSS_CORPUS[0]);
    await type(el, en['f.familyName'], 'Peeters');
    await type(el, en['f.birthDate'], '1980-01-01');
    await searched(el);
    expect(cards(el)).to.have.length(XSS_CORPUS.length);
    for (const [i, text] of XSS_CORPUS.entries()) {
      const card = cards(el)[i]!;
      expect(card.textContent).to.include(text);
      expect([...card.querySelectorAll('[part~="flag"] strong')].map((node) => node.textContent)).to.deep.equal(['Signalled', text]);
    }
    expect(textOf(one(el, '[part~="purpose-line"]'))).to.equal(`Purpose: Other ${XSS_CORPUS[0]}`);
    tab(el, en['tab.all']).click();
    await el.updateComplete;
    await type(el, en['f.query'], '1xss001');
    await searched(el);
    await until(() => textOf(cards(el)[0]?.querySelector('h4')) === '1-XSS-001');
    expect(cards(el)[0]!.textContent).to.include(XSS_CORPUS[0]!);
    expect(injected(el.shadowRoot!)).to.deep.equal([]);
  });

  it('speaks Dutch and French: tabs, purposes, the national number’s verdict and the results', async () => {
    const nl = await mount({}, { lang: 'nl' });
    expect(all(nl.el, '[role="tab"]').map(textOf)).to.deep.equal(['Persoon', 'Voertuig', 'Adres', 'Alles']);
    expect([...one<HTMLSelectElement>(nl.el, 'select').options].map((option) => option.textContent!.trim())).to.deep.equal(['Kies een doel…', 'Incident', 'Controle', 'Verkeerscontrole', 'Onderzoek', 'Andere']);
    await type(nl.el, 'Rijksregisternummer', '85.07.30-033.28');
    expect(textOf(one(nl.el, '#nationalNumber-feedback'))).to.equal('Geldig nummer: geboren op 30 juli 1985');
    await search(nl.el);
    expect(summary(nl.el)).to.deep.equal(['Doel — Kies het doel van de opzoeking.']);

    const fr = await mount({}, { lang: 'fr', tab: 'all' });
    expect(all(fr.el, '[role="tab"]').map(textOf)).to.deep.equal(['Personne', 'Véhicule', 'Adresse', 'Tout']);
    const select = one<HTMLSelectElement>(fr.el, 'select');
    select.value = 'incident';
    select.dispatchEvent(new Event('change'));
    await fr.el.updateComplete;
    await type(fr.el, 'Numéro de l’incident', '2027-0042');
    await type(fr.el, 'Nom, numéro de registre national, plaque ou adresse', 'El Idrissi');
    await searched(fr.el);
    expect(one(fr.el, '[part~="purpose-line"]').textContent).to.equal('But\u202f: Incident 2027-0042');
    expect(announced(fr.el)).to.equal('1 fiche trouvée');
    expect([...cards(fr.el)[0]!.querySelectorAll(':scope > .flags [part~="flag"] strong')].map(textOf)).to.deep.equal(['Signalé']);
    // The vehicle linked to her carries its own warnings, in words too.
    expect([...cards(fr.el)[0]!.querySelectorAll('[part~="linked"] [part~="flag"] strong')].map(textOf)).to.deep.equal(['Volé', 'Véhicule recherché']);
    await expect(fr.el).to.be.accessible();
  });

  it('reflows at 320 px: nothing wider than the screen', async () => {
    const { el } = await mount({}, { tab: 'all' });
    (el.parentElement as HTMLElement).style.inlineSize = '320px';
    await choosePurpose(el, 'incident', '2027-0042');
    await type(el, en['f.query'], 'Verbeke');
    await searched(el);
    for (const node of all(el, '*')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 80)).to.be.at.most(el.getBoundingClientRect().right + 1);
  });
});
