import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FieldDevice } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { DOMICILE, DOMICILE_ASSIGNMENT } from '../check-receipt/receipt-fixtures.js';
import { OnlineOnlyDevice } from '../shared/field-device.js';
import { fakeChecks, type FakeChecks } from '../testing/fake-checks.js';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import './field-logout.js';
import type { BlauwFieldLogout, FieldLogoutDevice, LoggedOutDetail } from './field-logout.js';
import { messages } from './messages.js';

// The logout over a real FieldDevice (its drafts and outbox encrypted in this browser's IndexedDB)
// and a fake server without a network, so a completed check stays unsent.

const NOW = Date.parse('2026-11-30T09:30:00Z');
const root = (el: Element) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((button) => textOf(button) === name);
const dialog = (el: Element) => root(el).querySelector('dialog')!;
const focused = (el: Element) => root(el).activeElement;
const alertText = (el: Element) => textOf(root(el).querySelector('[role="alert"]'));
const statusText = (el: Element) => textOf(root(el).querySelector('[role="status"]'));

let devices: FieldDevice[] = [];
let names = 0;
failOnConsoleErrors();
afterEach(async () => {
  for (const device of devices) await device.logout({ force: true });
  devices = [];
});

function offlineServer(): FakeChecks {
  const fake = fakeChecks([{ ...DOMICILE_ASSIGNMENT, status: 'open' }], [DOMICILE]);
  fake.answer = 'offline';
  return fake;
}

async function openDevice(fake: FakeChecks, name: string): Promise<FieldDevice> {
  const device = await FieldDevice.open(fake.client.checks, { name, now: () => NOW, backoff: { base: 10, cap: 10, random: () => 0 } });
  devices.push(device);
  return device;
}

/** A draft of one assignment and a completed check of another, queued without a network. */
async function leaveWork(device: FieldDevice): Promise<void> {
  await device.saveDraft({ assignmentId: 'a-draft', type: 'domicile', definitionVersion: DOMICILE.version, answers: { occupants: 2 }, savedAt: NOW });
  await device.submit(DOMICILE, { assignmentId: 'a-done', type: 'domicile', definitionVersion: DOMICILE.version, answers: { occupants: 1 }, completedAt: '2026-11-30T10:30:00+01:00' });
}

async function mount(device: FieldLogoutDevice | undefined, { lang = 'en', client }: { lang?: string; client?: FakeChecks['client'] } = {}): Promise<BlauwFieldLogout> {
  return fixture<BlauwFieldLogout>(html`<blauw-field-logout lang=${lang} .device=${device} .client=${client}></blauw-field-logout>`);
}

/** Clicks "Log out of this device" and waits for the dialog. */
async function askToLogOut(el: BlauwFieldLogout): Promise<void> {
  buttonNamed(el, messages[langOf(el)].logout)!.click();
  await waitUntil(() => dialog(el).open, 'the dialog opens');
}

const langOf = (el: Element) => el.getAttribute('lang') as keyof typeof messages;
const databases = async () => (await indexedDB.databases()).map((database) => database.name);

describe('<blauw-field-logout>', () => {
  it('wipes a device with nothing unsent at once, and fires blauw-logged-out', async () => {
    const name = `logout-test-${++names}`;
    const device = await openDevice(offlineServer(), name);
    expect(await databases()).to.include.members([`${name}-drafts`, `${name}-outbox`]);
    const el = await mount(device);
    await expect(el).to.be.accessible();
    const button = buttonNamed(el, 'Log out of this device')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'blauw-logged-out')) as CustomEvent<LoggedOutDetail>;
    expect(event.detail).to.deep.equal({ wiped: true });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(dialog(el).open).to.equal(false);
    await waitUntil(async () => !(await databases()).some((database) => database?.startsWith(name)), 'the device’s databases are deleted');
    await el.updateComplete;
    expect(statusText(el)).to.equal(messages.en.done);
  });

  it('warns about a draft and a queued check in a modal dialog, in Dutch, with Stay signed in focused', async () => {
    const device = await openDevice(offlineServer(), `logout-test-${++names}`);
    await leaveWork(device);
    const el = await mount(device, { lang: 'nl' });
    let fired = false;
    el.addEventListener('blauw-logged-out', () => (fired = true));
    await askToLogOut(el);
    const open = dialog(el);
    expect(open.matches(':modal')).to.equal(true);
    expect(textOf(root(el).getElementById(open.getAttribute('aria-labelledby')!))).to.equal('Niet-verzonden werk op dit toestel');
    const description = textOf(root(el).getElementById(open.getAttribute('aria-describedby')!));
    expect(description).to.contain('1 controle is nog niet verzonden.');
    expect(description).to.contain('1 concept is nog niet afgewerkt.');
    expect(description).to.contain('wacht u tot alles verzonden is');
    expect(focused(el)).to.equal(buttonNamed(el, 'Aangemeld blijven'));
    expect(buttonNamed(el, 'Afmelden en alles wissen')!.getAttribute('part')).to.equal('danger-button');
    await expect(el).to.be.accessible();
    expect(fired).to.equal(false);
  });

  it('counts in French, in the plural', async () => {
    const device = await openDevice(offlineServer(), `logout-test-${++names}`);
    await leaveWork(device);
    await device.saveDraft({ assignmentId: 'a-other', type: 'domicile', definitionVersion: DOMICILE.version, answers: {}, savedAt: NOW });
    const el = await mount(device, { lang: 'fr' });
    await askToLogOut(el);
    const description = textOf(root(el).querySelector('[part~="dialog-text"]'));
    expect(description).to.contain('1 contrôle n’a pas encore été envoyé.');
    expect(description).to.contain('2 brouillons ne sont pas encore terminés.');
    expect(textOf(root(el).querySelector('h2'))).to.equal('Travail non envoyé sur cet appareil');
    expect(buttonNamed(el, 'Rester connecté')).to.be.instanceOf(HTMLButtonElement);
    expect(buttonNamed(el, 'Se déconnecter et tout effacer')).to.be.instanceOf(HTMLButtonElement);
  });

  it('keeps everything with Stay signed in, and returns focus to the button', async () => {
    const device = await openDevice(offlineServer(), `logout-test-${++names}`);
    await leaveWork(device);
    const el = await mount(device);
    let fired = false;
    el.addEventListener('blauw-logged-out', () => (fired = true));
    await askToLogOut(el);
    buttonNamed(el, 'Stay signed in')!.click();
    await waitUntil(() => focused(el) === buttonNamed(el, 'Log out of this device'), 'the dialog closes, and focus returns to the button');
    expect(dialog(el).open).to.equal(false);
    expect(fired).to.equal(false);
    expect((await device.loadDraft('a-draft'))?.answers).to.deep.equal({ occupants: 2 });
    expect(await device.unsent()).to.deep.equal({ unsentChecks: 1, unsentOther: 0, drafts: 1 });
  });

  it('keeps everything with Escape, and returns focus to the button', async () => {
    const device = await openDevice(offlineServer(), `logout-test-${++names}`);
    await leaveWork(device);
    const el = await mount(device);
    let fired = false;
    el.addEventListener('blauw-logged-out', () => (fired = true));
    await askToLogOut(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el) === buttonNamed(el, 'Log out of this device'), 'Escape closes the dialog, and focus returns to the button');
    expect(dialog(el).open).to.equal(false);
    expect(fired).to.equal(false);
    expect((await device.loadDraft('a-draft'))?.answers).to.deep.equal({ occupants: 2 });
    expect(await device.unsent()).to.deep.equal({ unsentChecks: 1, unsentOther: 0, drafts: 1 });
  });

  it('wipes everything with Log out and delete it all, and says how much was deleted', async () => {
    const fake = offlineServer();
    const name = `logout-test-${++names}`;
    const device = await openDevice(fake, name);
    await leaveWork(device);
    const el = await mount(device);
    await askToLogOut(el);
    setTimeout(() => buttonNamed(el, 'Log out and delete it all')!.click());
    const event = (await oneEvent(el, 'blauw-logged-out')) as CustomEvent<LoggedOutDetail>;
    expect(event.detail).to.deep.equal({ wiped: true, unsentChecks: 1, unsentOther: 0, drafts: 1 });
    await waitUntil(() => focused(el) === buttonNamed(el, 'Log out of this device'), 'the dialog closes, and focus returns to the button');
    expect(dialog(el).open).to.equal(false);
    // The next officer's device on this tablet finds nothing.
    const next = await openDevice(fake, name);
    expect(await next.loadDraft('a-draft')).to.equal(undefined);
    expect(await next.outbox.list()).to.deep.equal([]);
    expect(await next.unsent()).to.deep.equal({ unsentChecks: 0, unsentOther: 0, drafts: 0 });
    expect(fake.received).to.deep.equal([]);
  });

  it('logs out the page’s shared device of its client when no device is set', async () => {
    const fake = offlineServer();
    const shared = await FieldDevice.for(fake.client.checks);
    devices.push(shared);
    await shared.saveDraft({ assignmentId: 'a-draft', type: 'domicile', definitionVersion: DOMICILE.version, answers: {}, savedAt: NOW });
    const el = await mount(undefined, { client: fake.client });
    await askToLogOut(el);
    expect(textOf(root(el).querySelector('[part~="dialog-text"]'))).to.contain('1 draft has not been completed yet.');
    setTimeout(() => buttonNamed(el, 'Log out and delete it all')!.click());
    const event = (await oneEvent(el, 'blauw-logged-out')) as CustomEvent<LoggedOutDetail>;
    expect(event.detail).to.deep.equal({ wiped: true, unsentChecks: 0, unsentOther: 0, drafts: 1 });
    // The page's next widget gets a new, empty device.
    const next = await FieldDevice.for(fake.client.checks);
    devices.push(next);
    expect(next).not.to.equal(shared);
    expect(await next.unsent()).to.deep.equal({ unsentChecks: 0, unsentOther: 0, drafts: 0 });
  });

  it('fires blauw-logged-out at once for an online-only device, which keeps nothing', async () => {
    const el = await mount(new OnlineOnlyDevice(offlineServer().client.checks));
    setTimeout(() => buttonNamed(el, 'Log out of this device')!.click());
    const event = (await oneEvent(el, 'blauw-logged-out')) as CustomEvent<LoggedOutDetail>;
    expect(event.detail).to.deep.equal({ wiped: true });
    expect(dialog(el).open).to.equal(false);
  });

  it('says so in an alert and fires blauw-error when the device cannot be wiped', async () => {
    const failing: FieldLogoutDevice = {
      logout: async () => {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      },
    };
    const el = await mount(failing);
    let loggedOut = false;
    el.addEventListener('blauw-logged-out', () => (loggedOut = true));
    setTimeout(() => buttonNamed(el, 'Log out of this device')!.click());
    const event = (await oneEvent(el, 'blauw-error')) as CustomEvent<BlauwErrorDetail>;
    expect(event.detail.error.cause).to.be.instanceOf(DOMException);
    await el.updateComplete;
    expect(alertText(el)).to.equal(messages.en.failed);
    expect(loggedOut).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says it has no device when it has neither a device nor a client', async () => {
    const el = await mount(undefined);
    setTimeout(() => buttonNamed(el, 'Log out of this device')!.click());
    const event = (await oneEvent(el, 'blauw-error')) as CustomEvent<BlauwErrorDetail>;
    expect(event.detail.error.kind).to.equal('configuration');
    await el.updateComplete;
    expect(alertText(el)).to.equal('Not available. Contact the website administrator.');
  });

  it('fits its dialog in 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const device = await openDevice(offlineServer(), `logout-test-${++names}`);
      await leaveWork(device);
      const el = await mount(device, { lang: 'de' });
      await askToLogOut(el);
      const box = dialog(el).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
      for (const button of root(el).querySelectorAll('dialog button')) expect(button.getBoundingClientRect().right).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
