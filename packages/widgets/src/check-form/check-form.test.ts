import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FieldDevice, type CheckAssignment, type CheckField, type CheckType } from '@blauw/core';
import { DOMICILE, DOMICILE_ASSIGNMENT, ELECTRONIC_MONITORING } from '../check-receipt/receipt-fixtures.js';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { fakeChecks, type FakeChecks } from '../testing/fake-checks.js';
import './check-form.js';
import type { BlauwCheckForm, CheckFailedDetail, CheckSavedDetail, CheckSubmittedDetail } from './check-form.js';

// The form over a real FieldDevice (its drafts and outbox encrypted in this browser's IndexedDB)
// and a fake server whose answers each test decides. The browser runs in Pacific/Kiritimati
// (web-test-runner.config.mjs): times written in the device's zone would be 13 hours off.

const NOW = Date.parse('2026-11-30T23:30:00Z'); // already 1 December in Brussels
const ASSIGNMENT: CheckAssignment = { ...DOMICILE_ASSIGNMENT, status: 'open' };
const root = (el: Element) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const q = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);

failOnConsoleErrors();
let devices: FieldDevice[] = [];
let names = 0;

afterEach(async () => {
  for (const device of devices) await device.logout({ force: true });
  devices = [];
});

interface Setup {
  el: BlauwCheckForm;
  fake: FakeChecks;
  device: FieldDevice;
}

async function openDevice(fake: FakeChecks, name: string): Promise<FieldDevice> {
  const device = await FieldDevice.open(fake.client.checks, { name, now: () => NOW, backoff: { base: 10, cap: 10, random: () => 0 } });
  devices.push(device);
  return device;
}

async function mount(options: { lang?: string; types?: CheckType[]; assignment?: CheckAssignment; fake?: FakeChecks; name?: string; geolocation?: Pick<Geolocation, 'getCurrentPosition'> } = {}): Promise<Setup> {
  const assignment = options.assignment ?? ASSIGNMENT;
  const fake = options.fake ?? fakeChecks([assignment], options.types ?? [DOMICILE, ELECTRONIC_MONITORING]);
  const device = await openDevice(fake, options.name ?? `form-test-${++names}`);
  const el = await fixture<BlauwCheckForm>(html`<blauw-check-form
    lang=${options.lang ?? 'nl'}
    assignment=${assignment.id}
    officer-number="40718"
    zone-name="Politiezone Gent"
    .client=${fake.client}
    .device=${device}
    .now=${() => NOW}
    .geolocation=${options.geolocation}
  ></blauw-check-form>`);
  await waitUntil(() => q(el, 'form') || q(el, '[part~="done"]') || q(el, '[part~="alert"]'), 'the form loads');
  return { el, fake, device };
}

const field = (el: Element, name: string) => q(el, `[id="${name}"]`)?.closest('[part~="field"]');
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((node) => textOf(node) === name);
const labels = (el: Element) => [...root(el).querySelectorAll('form [part~="field"] > label, form [part~="field"] > legend, form .attestation label')].map((node) => textOf(node));

async function choose(el: BlauwCheckForm, name: string, index: number): Promise<void> {
  const radios = field(el, name)!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
  radios[index]!.click();
  await el.updateComplete;
}

async function type(el: BlauwCheckForm, name: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `[id="${name}"]`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Fills in the seeded domicile form as an officer who met the person. */
async function fillDomicile(el: BlauwCheckForm): Promise<void> {
  await choose(el, 'personMet', 0);
  await choose(el, 'identityVerified', 0);
  await choose(el, 'nameOnLetterbox', 0);
  await choose(el, 'nameOnBell', 1);
  await choose(el, 'signsOfLiving', 0);
  await type(el, 'occupants', '2');
  await choose(el, 'neighboursHeard', 1);
  await choose(el, 'conclusion', 0);
  q<HTMLInputElement>(el, '[id="attestation"]')!.click();
  await el.updateComplete;
}

async function complete(el: BlauwCheckForm): Promise<void> {
  q<HTMLButtonElement>(el, 'button.primary')!.click();
  await el.updateComplete;
  await waitUntil(() => q(el, '[part~="done"]') || q(el, '[part~="error-summary"]'), 'the check is completed or refused');
}

describe('<blauw-check-form>', () => {
  it('renders the zone’s form with its labels, hints and optional marks, and shows a field when its condition holds', async () => {
    const { el } = await mount();
    expect(textOf(q(el, 'h2'))).to.equal(`Domiciliecontrole: ${ASSIGNMENT.person.givenName} ${ASSIGNMENT.person.familyName}`);
    // Due by 2026-12-04T23:00Z: midnight in Brussels whatever the device's zone.
    expect(textOf(q(el, 'header'))).to.include('Uiterlijk zaterdag 5 december 2026 om 00:00');
    expect(labels(el)).to.include('Persoon aangetroffen?');
    expect(labels(el)).not.to.include('Waarom niet aangetroffen?');
    expect(labels(el)).to.include('Aantal bewoners (optioneel)');
    await choose(el, 'personMet', 1);
    expect(labels(el)).to.include('Waarom niet aangetroffen?');
    expect(labels(el)).not.to.include('Identiteit gecontroleerd (identiteitskaart)?');
    await expect(el).to.be.accessible();
  });

  it('opens a check never opened before with no network, once the list was loaded online', async () => {
    const fake = fakeChecks([ASSIGNMENT], [DOMICILE]);
    const device = await openDevice(fake, `form-test-${++names}`);
    await device.assignments(); // what the check list does while the network is there
    fake.offline = true;
    const el = await fixture<BlauwCheckForm>(html`<blauw-check-form lang="nl" assignment=${ASSIGNMENT.id} .client=${fake.client} .device=${device} .now=${() => NOW}></blauw-check-form>`);
    await waitUntil(() => q(el, 'form') || q(el, '[part~="alert"]'), 'the form or an error');
    expect(q(el, '[part~="alert"]'), 'no error offline').to.equal(null);
    expect(labels(el)).to.include('Persoon aangetroffen?');
  });

  it('lists what to correct, each linked to its field, and follows each correction', async () => {
    const { el } = await mount();
    await choose(el, 'personMet', 0);
    await type(el, 'occupants', '40');
    q<HTMLButtonElement>(el, 'button.primary')!.click();
    await waitUntil(() => q(el, '[part~="error-summary"]'));
    const summary = q(el, '[part~="error-summary"]')!;
    expect(root(el).activeElement).to.equal(summary);
    const items = [...summary.querySelectorAll('a')].map((a) => textOf(a));
    expect(items).to.include('Identiteit gecontroleerd (identiteitskaart)? — Vul dit in.');
    expect(items).to.include('Aantal bewoners — Ten hoogste 30.');
    expect(q(el, '[id="occupants"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(q(el, '[id="occupants-err"]'))).to.equal('Ten hoogste 30.');
    await expect(el).to.be.accessible();
    // The link takes the officer to the field.
    summary.querySelector<HTMLAnchorElement>('a[href="#occupants"]')!.click();
    expect(root(el).activeElement).to.equal(q(el, '[id="occupants"]'));
    await type(el, 'occupants', '3');
    expect([...q(el, '[part~="error-summary"]')!.querySelectorAll('a')].map((a) => textOf(a))).not.to.include('Aantal bewoners — Ten hoogste 30.');
  });

  it('keeps every answer on the device as the officer types, and gives it back after a reload', async () => {
    const { el, fake } = await mount({ name: 'form-reload' });
    await choose(el, 'personMet', 1);
    await type(el, 'notMetReason', 'Niemand thuis, rolluiken dicht.');
    const saved = (await oneEvent(el, 'blauw-check-saved')) as CustomEvent<CheckSavedDetail>;
    expect(saved.detail).to.deep.equal({ assignmentId: ASSIGNMENT.id, savedAt: NOW });
    await el.updateComplete;
    expect(textOf(q(el, '[part~="status"]'))).to.equal('Opgeslagen op dit toestel om 00:30');
    el.remove();
    // The page again: another device object on the same databases, as after a reload.
    const again = await mount({ fake, name: 'form-reload' });
    expect(q<HTMLInputElement>(again.el, '[id="notMetReason"]')!.value).to.equal('Niemand thuis, rolluiken dicht.');
    expect(field(again.el, 'personMet')!.querySelectorAll<HTMLInputElement>('input')[1]!.checked).to.equal(true);
  });

  it('saves what was just typed when the page is left, before the autosave pause is over', async () => {
    const { el, fake } = await mount({ name: 'form-leave' });
    await choose(el, 'personMet', 1);
    await type(el, 'notMetReason', 'Buurman zegt: verhuisd in oktober.');
    const saved = oneEvent(el, 'blauw-check-saved');
    // What the browser does on a reload: the page is hidden, then hidden for good.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await saved;
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    el.remove();
    const again = await mount({ fake, name: 'form-leave' });
    expect(q<HTMLInputElement>(again.el, '[id="notMetReason"]')!.value).to.equal('Buurman zegt: verhuisd in oktober.');
  });

  it('after a logout opens a fresh device of its client and shows nothing of the draft before', async () => {
    const fake = fakeChecks([ASSIGNMENT], [DOMICILE]);
    const el = await fixture<BlauwCheckForm>(html`<blauw-check-form lang="nl" assignment=${ASSIGNMENT.id} .client=${fake.client} .now=${() => NOW}></blauw-check-form>`);
    await waitUntil(() => q(el, 'form'), 'the form loads');
    await choose(el, 'personMet', 1);
    await type(el, 'notMetReason', 'Niemand thuis.');
    await oneEvent(el, 'blauw-check-saved');
    const before = await FieldDevice.for(fake.client.checks);
    expect((await before.logout({ force: true })).wiped).to.equal(true);
    // The form follows: a new device, empty, and no error from the one that was closed.
    await waitUntil(async () => (await FieldDevice.for(fake.client.checks)) !== before, 'a new device');
    devices.push(await FieldDevice.for(fake.client.checks));
    await waitUntil(() => q<HTMLInputElement>(el, '[id="personMet-0"]') && !q(el, '[id="notMetReason"]'), 'the form without the draft');
    expect(q(el, '[part~="alert"]')).to.equal(null);
  });

  it('completes a check with no network: it waits on the device, then goes once, and the receipt shows its reference', async () => {
    const { el, fake, device } = await mount();
    fake.answer = 'offline';
    await fillDomicile(el);
    const submitted = oneEvent(el, 'blauw-check-submitted') as Promise<CustomEvent<CheckSubmittedDetail>>;
    await complete(el);
    const { detail } = await submitted;
    expect(detail.reference).to.match(/^CHK-[0-9A-F]{8}$/);
    await waitUntil(() => textOf(q(el, '.sync')).startsWith('Wacht op netwerk'), 'waiting for the network');
    expect(root(el).activeElement).to.equal(q(el, '#done'));
    expect(textOf(q(el, '.reference'))).to.equal(`Referentie ${detail.reference}`);
    const receipt = q(el, 'blauw-check-receipt')!;
    expect(textOf(receipt.shadowRoot!.querySelector('[part~="zone"]'))).to.equal('Politiezone Gent');
    await expect(el).to.be.accessible();
    expect(fake.received).to.deep.equal([]);
    fake.answer = 'accept';
    await device.drain.poke();
    await waitUntil(() => textOf(q(el, '.sync')) === 'Verzonden naar de zone', 'sent');
    expect(fake.received.map((write) => write.id)).to.deep.equal([detail.clientId]);
    expect(fake.received[0]!.body!.completedAt).to.equal('2026-12-01T00:30:00+01:00');
    expect(fake.received[0]!.body!.answers).to.include({ personMet: true, occupants: 2, conclusion: 'lives_there', attestation: true });
  });

  it('tells the officer when the zone refuses a check, keeps it, and sends it again when asked', async () => {
    const { el, fake } = await mount();
    fake.answer = 'refuse';
    await fillDomicile(el);
    const failed = oneEvent(el, 'blauw-check-failed') as Promise<CustomEvent<CheckFailedDetail>>;
    await complete(el);
    expect((await failed).detail).to.deep.include({ assignmentId: ASSIGNMENT.id, reason: 'refused', code: 'check_answers_invalid' });
    await waitUntil(() => q(el, '[part~="done"] [role="alert"]'));
    expect(textOf(q(el, '.sync'))).to.equal('Vraagt uw aandacht: niet aanvaard');
    expect(textOf(q(el, '[part~="done"] [role="alert"] p.muted'))).to.equal('Code voor uw dienst: check_answers_invalid');
    await expect(el).to.be.accessible();
    fake.answer = 'accept';
    q<HTMLButtonElement>(el, '[part~="done"] [role="alert"] button')!.click();
    await waitUntil(() => textOf(q(el, '.sync')) === 'Verzonden naar de zone', 'sent after the officer asked');
    expect(fake.received).to.have.length(1);
  });

  it('lets the officer correct the answers of a refused check and complete it again, delivered under a new client id', async () => {
    const { el, fake, device } = await mount();
    fake.answer = 'refuse';
    await fillDomicile(el);
    const submitted = oneEvent(el, 'blauw-check-submitted') as Promise<CustomEvent<CheckSubmittedDetail>>;
    await complete(el);
    const { detail: refused } = await submitted;
    await waitUntil(() => q(el, '[part~="done"] [role="alert"]'), 'the refusal is shown');
    const correct = button(el, 'Antwoorden verbeteren');
    expect(correct, 'Correct the answers').not.to.equal(undefined);
    expect(correct!.previousElementSibling, 'next to Send again').to.equal(button(el, 'Opnieuw verzenden'));
    await expect(el).to.be.accessible();

    fake.answer = 'accept';
    correct!.click();
    await waitUntil(() => q(el, 'form'), 'the form is shown again');
    expect(root(el).activeElement, 'focus on the form’s heading').to.equal(q(el, '#title'));
    expect(textOf(q(el, '[part~="notice"][role="note"]'))).to.equal(
      'De zone aanvaardde deze controle niet. Verbeter de antwoorden en rond de controle opnieuw af. Code voor uw dienst: check_answers_invalid',
    );
    expect(q<HTMLInputElement>(el, '[id="occupants"]')!.value, 'the answers are back').to.equal('2');
    expect(field(el, 'personMet')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!.checked).to.equal(true);
    expect(q<HTMLInputElement>(el, '[id="attestation"]')!.checked).to.equal(true);
    expect((await device.syncStates()).get(ASSIGNMENT.id), 'a draft again, for the check list too').to.equal('draft');
    await expect(el).to.be.accessible();

    await type(el, 'occupants', '3');
    const resubmitted = oneEvent(el, 'blauw-check-submitted') as Promise<CustomEvent<CheckSubmittedDetail>>;
    await complete(el);
    const { detail: corrected } = await resubmitted;
    await waitUntil(() => textOf(q(el, '.sync')) === 'Verzonden naar de zone', 'the corrected check is sent');
    expect(corrected.clientId).not.to.equal(refused.clientId);
    expect(fake.received.map((write) => write.id)).to.deep.equal([corrected.clientId]);
    expect(fake.received[0]!.body!.answers).to.include({ occupants: 3, personMet: true });
    expect(q(el, '[part~="notice"][role="note"]'), 'the refusal is history once sent').to.equal(null);
  });

  it('keeps why a check was refused above the answers being corrected after a reload', async () => {
    const name = `form-test-${++names}`;
    const { el, fake } = await mount({ name });
    fake.answer = 'refuse';
    await fillDomicile(el);
    await complete(el);
    await waitUntil(() => button(el, 'Antwoorden verbeteren'), 'the refusal is shown');
    button(el, 'Antwoorden verbeteren')!.click();
    await waitUntil(() => q(el, 'form'), 'the form is shown again');
    el.remove();

    const { el: reloaded } = await mount({ name, fake, lang: 'fr' });
    expect(textOf(q(reloaded, '[part~="notice"][role="note"] p'))).to.equal('La zone n’a pas accepté ce contrôle. Corrigez les réponses et terminez à nouveau le contrôle.');
    expect(q(reloaded, '[part~="notice"][role="note"] p.muted')!.textContent, 'a narrow no-break space before the colon').to.equal('Code pour votre service\u202f: check_answers_invalid');
    expect(q<HTMLInputElement>(reloaded, '[id="occupants"]')!.value).to.equal('2');
  });

  it('records the position with its accuracy, and says why when the browser gives none', async () => {
    const position = { coords: { latitude: 51.054311, longitude: 3.721732, accuracy: 12.4 } } as GeolocationPosition;
    let answer: 'give' | 'deny' = 'deny';
    const geolocation = {
      getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
        if (answer === 'give') setTimeout(() => success(position));
        else setTimeout(() => failure?.({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' } as GeolocationPositionError));
      },
    };
    const monitoring: CheckAssignment = { ...ASSIGNMENT, id: 'a-em-1', type: 'electronic_monitoring' };
    const { el } = await mount({ assignment: monitoring, geolocation, lang: 'fr' });
    const locate = q<HTMLButtonElement>(el, '[id$="-locate"]')!;
    locate.click();
    await waitUntil(() => q(el, '.field .err'));
    expect(textOf(q(el, '.field .err'))).to.equal('Pas d’autorisation de localisation. Autorisez-la pour ce site et réessayez.');
    answer = 'give';
    locate.click();
    await waitUntil(() => textOf(q(el, '.row .value')).includes('51.05431'));
    expect(textOf(q(el, '.row .value'))).to.equal('51.05431, 3.72173 (à 12 m près)');
    await expect(el).to.be.accessible();
  });

  it('keeps a photo small and on the device, and sends it before the check that names it', async () => {
    const { el, fake, device } = await mount();
    const canvas = new OffscreenCanvas(3200, 2400);
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg' });
    const chooser = q<HTMLInputElement>(el, '[id="photos-file"]')!;
    const files = new DataTransfer();
    files.items.add(new File([jpeg], 'IMG_0042.jpg', { type: 'image/jpeg' }));
    chooser.files = files.files;
    chooser.dispatchEvent(new Event('change'));
    await waitUntil(() => q(el, '[part~="photos"] li'), 'the photo is listed');
    expect(textOf(q(el, '[part~="photos"] li span'))).to.match(/^Foto 1: 1600 × 1200, \d+ kB$/);
    await fillDomicile(el);
    await complete(el);
    await waitUntil(() => fake.received.length === 2, 'the photo and the check arrive').catch(async (error) => {
      throw new Error(`${error} ${JSON.stringify(fake.received)} ${JSON.stringify(await device.outbox.list())}`);
    });
    expect(fake.received.map((write) => write.kind)).to.deep.equal(['photo', 'check']);
    expect(fake.received[1]!.body!.answers.photos).to.deep.equal([fake.received[0]!.id]);
  });

  it('says a check is being sent, with the photo’s progress, while its photo uploads on a slow line', async () => {
    const { el, fake } = await mount();
    let release = () => {};
    fake.photoHeld = new Promise<void>((resolve) => (release = resolve));
    const canvas = new OffscreenCanvas(400, 300);
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const files = new DataTransfer();
    files.items.add(new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'IMG_0043.jpg', { type: 'image/jpeg' }));
    const chooser = q<HTMLInputElement>(el, '[id="photos-file"]')!;
    chooser.files = files.files;
    chooser.dispatchEvent(new Event('change'));
    await waitUntil(() => q(el, '[part~="photos"] li'), 'the photo is listed');
    try {
      await fillDomicile(el);
      await complete(el);
      await waitUntil(() => q(el, 'progress'), 'the upload shows its progress');
      await waitUntil(() => textOf(q(el, '.sync')) === 'Wordt verzonden…', `sending, not "${textOf(q(el, '.sync'))}"`);
      expect(textOf(q(el, 'label[for="upload"]'))).to.equal('Foto’s verzenden: 0 %');
    } finally {
      release();
    }
    await waitUntil(() => textOf(q(el, '.sync')) === 'Verzonden naar de zone', 'sent');
    expect(q(el, 'progress'), 'no progress once sent').to.equal(null);
  });

  it('refuses to offer a form with a field this page cannot show, and says what to do', async () => {
    const signature: CheckField = { name: 'signature', kind: 'signature', label: { nl: 'Handtekening', fr: 'Signature', de: 'Unterschrift', en: 'Signature' }, required: true };
    const { el } = await mount({ types: [{ ...DOMICILE, fields: [...DOMICILE.fields, signature] }] });
    expect(textOf(field(el, 'signature'))).to.include('Dit formulier heeft een veld dat deze pagina niet kan tonen (signature)');
    expect(textOf(q(el, '[part~="notice"]'))).to.match(/^Dit formulier kan hier niet ingevuld worden/);
    expect(q<HTMLButtonElement>(el, 'button.primary')!.disabled).to.equal(true);
  });

  it('says so when the assignment is not the officer’s, and points to the list rather than Try again', async () => {
    const { el } = await mount({ fake: fakeChecks([], [DOMICILE]) });
    expect(textOf(q(el, '[part~="alert"] p'))).to.equal('Deze opdracht staat niet (meer) op uw lijst. Kies er een in de lijst.');
    expect(q(el, '[part~="alert"] button'), 'trying again cannot help').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('works by keyboard alone at 320 px: Tab reaches each answer, Space picks it', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { el } = await mount({ lang: 'en' });
      q<HTMLInputElement>(el, '[id="personMet-0"]')!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(q<HTMLInputElement>(el, '[id="personMet-0"]')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.closest('[part~="field"]')).to.equal(field(el, 'identityVerified'));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await aTimeout(0);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
