import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { CheckAnswer, CheckAssignment, CheckType } from '@blauw/core';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';
import './check-receipt.js';
import type { BlauwCheckReceipt } from './check-receipt.js';
import { messages } from './messages.js';
import {
  COMPLETED_LATE,
  DOMICILE,
  DOMICILE_ANSWERS,
  DOMICILE_ASSIGNMENT,
  ELECTRONIC_MONITORING,
  LONG_REMARK,
  MONITORING_ANSWERS,
  MONITORING_ASSIGNMENT,
} from './receipt-fixtures.js';
import type { ReceiptPosition } from './receipt-rules.js';

// The browser runs in Pacific/Kiritimati (web-test-runner.config.mjs), a day ahead of Brussels
// most of the time: a receipt that used the device's zone would show 13:30, not 00:30.

// ---- helpers: what a reader perceives, not private state ----

const root = (el: Element) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const rowsOf = (el: Element, list: 'details' | 'findings') =>
  [...root(el).querySelectorAll(`dl[part~="${list}"] > [part~="row"]`)].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]);
const printButton = (el: Element) => root(el).querySelector<HTMLButtonElement>('button[part~="print-button"]');

interface Receipt {
  lang: string;
  checkType: CheckType;
  assignment: CheckAssignment;
  answers: Record<string, CheckAnswer>;
  completedAt?: string;
  reference?: string;
  position?: ReceiptPosition;
  width?: string;
  noPrintButton?: boolean;
}

async function mount(receipt: Receipt): Promise<BlauwCheckReceipt> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${receipt.lang} style=${`inline-size: ${receipt.width ?? '40rem'}`}>
      <p id="page-text">Text of the page around the receipt.</p>
      <blauw-check-receipt
        .checkType=${receipt.checkType}
        .assignment=${receipt.assignment}
        .answers=${receipt.answers}
        .position=${receipt.position}
        completed-at=${receipt.completedAt ?? COMPLETED_LATE}
        reference=${receipt.reference ?? 'CHK-3F2A9C1B'}
        officer-number="40718"
        zone-name="Politiezone Gent"
        ?no-print-button=${receipt.noPrintButton ?? false}
      ></blauw-check-receipt>
    </div>
  `);
  const el = wrapper.querySelector('blauw-check-receipt')!;
  await el.updateComplete;
  return el;
}

const domicile = (lang: string, extra: Partial<Receipt> = {}) => mount({ lang, checkType: DOMICILE, assignment: DOMICILE_ASSIGNMENT, answers: DOMICILE_ANSWERS, ...extra });
const monitoring = (lang: string, extra: Partial<Receipt> = {}) =>
  mount({
    lang,
    checkType: ELECTRONIC_MONITORING,
    assignment: MONITORING_ASSIGNMENT,
    answers: MONITORING_ANSWERS,
    completedAt: '2026-11-30T21:55:00Z',
    reference: 'CHK-9B0D41E7',
    position: { lat: 51.054311, lon: 3.721732, accuracy: 8 },
    ...extra,
  });

// Any error the page reports fails the test that caused it.
failOnConsoleErrors();

describe('<blauw-check-receipt>', () => {
  it('prints names, addresses and answers as the text typed: markup and script in them run nothing', async () => {
    for (const text of XSS_CORPUS) {
      const el = await domicile('nl', {
        assignment: { ...DOMICILE_ASSIGNMENT, person: { givenName: text, familyName: text }, address: { ...DOMICILE_ASSIGNMENT.address, street: text } },
        answers: { ...DOMICILE_ANSWERS, remarks: text, neighbourStatement: text },
      });
      const shown = root(el).textContent ?? '';
      expect(shown, text).to.include(text);
      expect(injected(root(el)), text).to.deep.equal([]);
    }
  });

  it('shows a domicile check for the person in Dutch: who, where, when in Brussels, and every answer shown', async () => {
    const el = await domicile('nl');
    expect(textOf(root(el).querySelector('[part~="zone"]'))).to.equal('Politiezone Gent');
    expect(textOf(root(el).querySelector('h2'))).to.equal('Ontvangstbewijs Domiciliecontrole');
    expect(rowsOf(el, 'details')).to.deep.equal([
      ['Referentie', 'CHK-3F2A9C1B'],
      ['Datum', 'dinsdag 1 december 2026'],
      ['Uur', '00:30'],
      ['Stamnummer agent', '40718'],
      ['Persoon', 'An Peeters'],
      ['Geboren op', '12 april 1988'],
      ['Adres', 'Korenlei 7 / 3, 9000 Gent'],
    ]);
    expect(textOf(root(el).querySelector('h3'))).to.equal('Vaststellingen');
    expect(rowsOf(el, 'findings')).to.deep.equal([
      ['Persoon aangetroffen?', 'Ja'],
      ['Identiteit gecontroleerd (identiteitskaart)?', 'Ja'],
      ['Naam op de brievenbus?', 'Ja'],
      ['Naam aan de deurbel?', 'Ja'],
      ['Tekenen van bewoning', 'Duidelijk'],
      ['Aantal bewoners', '2'],
      ['Buren gehoord?', 'Ja'],
      ['Verklaring van de buren', 'De buren zien haar elke ochtend vertrekken.'],
      ['Foto’s (brievenbus, deurbel)', '2 foto’s'],
      ['Besluit', 'Verblijft er werkelijk'],
      ['Ik heb deze controle zelf ter plaatse uitgevoerd.', 'Bevestigd'],
    ]);
    expect(textOf(root(el).querySelector('[part~="notice"]'))).to.equal(messages.nl.notice);
    expect(textOf(printButton(el))).to.equal('Ontvangstbewijs afdrukken');
    await expect(el).to.be.accessible();
  });

  it('shows an electronic monitoring check in French, with the visit’s time and positions', async () => {
    const el = await monitoring('fr');
    expect(textOf(root(el).querySelector('h2'))).to.equal('Récépissé Contrôle de surveillance électronique');
    expect(rowsOf(el, 'details')).to.deep.equal([
      ['Référence', 'CHK-9B0D41E7'],
      ['Date', 'lundi 30 novembre 2026'],
      ['Heure', '22:55'],
      ['Matricule de l’agent', '40718'],
      ['Personne', 'Tom Wouters'],
      ['Adresse', 'Sint-Pietersnieuwstraat 120, 9000 Gent'],
      ['Position', '51.05431, 3.72173 (± 8 m)'],
    ]);
    expect(textOf(root(el).querySelector('h3'))).to.equal('Constatations');
    expect(rowsOf(el, 'findings')).to.deep.equal([
      ['Début des heures d’assignation', '21:00'],
      ['Fin des heures d’assignation', '07:00'],
      ['Heure de la visite', '30 novembre 2026 à 22:47'],
      ['Personne présente ?', 'Oui'],
      ['Bracelet visible ?', 'Oui'],
      ['Bracelet intact ?', 'Oui'],
      ['Unité domestique branchée et allumée ?', 'Oui'],
      ['Position lors de la visite', '51.05432, 3.72174 (± 12 m)'],
      ['J’ai effectué ce contrôle moi-même sur place.', 'Attesté'],
    ]);
    expect(textOf(root(el).querySelector('[part~="notice"]'))).to.equal(messages.fr.notice);
    expect(textOf(printButton(el))).to.equal('Imprimer le récépissé');
    await expect(el).to.be.accessible();
  });

  it('shows a domicile check in French, the first of the month written “1er”', async () => {
    const el = await domicile('fr');
    expect(rowsOf(el, 'details').slice(0, 3)).to.deep.equal([
      ['Référence', 'CHK-3F2A9C1B'],
      ['Date', 'mardi 1er décembre 2026'],
      ['Heure', '00:30'],
    ]);
    expect(rowsOf(el, 'findings')).to.deep.equal([
      ['Personne rencontrée ?', 'Oui'],
      ['Identité vérifiée (carte d’identité) ?', 'Oui'],
      ['Nom sur la boîte aux lettres ?', 'Oui'],
      ['Nom à la sonnette ?', 'Oui'],
      ['Signes d’occupation', 'Évidents'],
      ['Nombre d’occupants', '2'],
      ['Voisins entendus ?', 'Oui'],
      ['Déclaration des voisins', 'De buren zien haar elke ochtend vertrekken.'],
      ['Photos (boîte aux lettres, sonnette)', '2 photos'],
      ['Conclusion', 'Y réside effectivement'],
      ['J’ai effectué ce contrôle moi-même sur place.', 'Attesté'],
    ]);
  });

  it('speaks German and English too', async () => {
    const de = await monitoring('de', { answers: { ...MONITORING_ANSWERS, personPresent: false, absenceExplanation: 'Niemand öffnet; Heimeinheit leuchtet.' } });
    expect(rowsOf(de, 'details').slice(1, 4)).to.deep.equal([
      ['Datum', 'Montag, 30. November 2026'],
      ['Uhrzeit', '22:55'],
      ['Dienstnummer', '40718'],
    ]);
    expect(rowsOf(de, 'findings')).to.deep.equal([
      ['Beginn der Ausgangssperre', '21:00'],
      ['Ende der Ausgangssperre', '07:00'],
      ['Zeitpunkt des Besuchs', '30. November 2026 um 22:47'],
      ['Person anwesend?', 'Nein'],
      ['Feststellungen bei Abwesenheit', 'Niemand öffnet; Heimeinheit leuchtet.'],
      ['Heimeinheit angeschlossen und eingeschaltet?', 'Ja'],
      ['Position beim Besuch', '51.05432, 3.72174 (± 12 m)'],
      ['Ich habe diese Kontrolle selbst vor Ort durchgeführt.', 'Bestätigt'],
    ]);
    expect(textOf(printButton(de))).to.equal('Beleg drucken');
    await expect(de).to.be.accessible();

    const en = await domicile('en');
    expect(textOf(root(en).querySelector('h2'))).to.equal('Receipt Domicile check');
    expect(rowsOf(en, 'details').slice(1, 3)).to.deep.equal([
      ['Date', 'Tuesday, 1 December 2026'],
      ['Time', '00:30'],
    ]);
    expect(rowsOf(en, 'findings').slice(-4)).to.deep.equal([
      ['What the neighbours said', 'De buren zien haar elke ochtend vertrekken.'],
      ['Photos (letterbox, doorbell)', '2 photos'],
      ['Conclusion', 'Really lives there'],
      ['I carried out this check in person, on site.', 'Attested'],
    ]);
    expect(textOf(root(en).querySelector('[part~="notice"]'))).to.equal(messages.en.notice);
  });

  it('leaves out fields hidden by an earlier answer and fields left unanswered', async () => {
    const el = await domicile('en', {
      answers: { ...DOMICILE_ANSWERS, personMet: false, notMetReason: 'Nobody home; notice left.', neighboursHeard: false, occupants: undefined as never, remarks: '   ', photos: [] },
    });
    const labels = rowsOf(el, 'findings').map(([label]) => label);
    expect(labels).to.deep.equal([
      'Person met?',
      'Why not met?',
      'Name on the letterbox?',
      'Name on the doorbell?',
      'Signs of living there',
      'Neighbours heard?',
      'Conclusion',
      'I carried out this check in person, on site.',
    ]);
    // Identity verified (hidden: person not met), the neighbours' statement (hidden), the number
    // of occupants, the photos and the remarks (not answered) are nowhere on the receipt.
    expect(textOf(root(el).querySelector('article'))).not.to.include('De buren zien haar');
  });

  it('shows Brussels time for an instant late in the UTC evening, already the next day there', async () => {
    const el = await domicile('nl', { completedAt: '2026-11-30T23:30:00Z' });
    const details = Object.fromEntries(rowsOf(el, 'details'));
    expect(details['Datum']).to.equal('dinsdag 1 december 2026');
    expect(details['Uur']).to.equal('00:30');
  });

  it('counts photos and never shows them', async () => {
    const el = await domicile('nl', { answers: { ...DOMICILE_ANSWERS, photos: ['ph-1', 'ph-2', 'ph-3'] } });
    expect(Object.fromEntries(rowsOf(el, 'findings'))['Foto’s (brievenbus, deurbel)']).to.equal('3 foto’s');
    expect(root(el).querySelectorAll('img, picture, canvas, svg')).to.have.length(0);
    expect(textOf(root(el).querySelector('article'))).not.to.include('ph-1');
  });

  it('prints only the receipt: adopts the print sheet, marks itself, and undoes both after printing', async () => {
    const el = await domicile('en');
    const before = [...document.adoptedStyleSheets];
    const styleElements = document.querySelectorAll('style').length;
    const printing: { marked: boolean; sheet: string }[] = [];
    const originalPrint = window.print;
    window.print = () => {
      const added = document.adoptedStyleSheets.filter((sheet) => !before.includes(sheet));
      printing.push({ marked: el.hasAttribute('data-printing'), sheet: added.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n') });
    };
    try {
      printButton(el)!.click();
    } finally {
      window.print = originalPrint;
    }
    expect(printing).to.have.length(1);
    expect(printing[0]!.marked).to.equal(true);
    expect(printing[0]!.sheet).to.include('@media print');
    expect(printing[0]!.sheet).to.include('[data-printing]');
    // Still printing until the browser says it is done.
    expect(document.adoptedStyleSheets.length).to.equal(before.length + 1);
    expect(el.hasAttribute('data-printing')).to.equal(true);

    window.dispatchEvent(new Event('afterprint'));
    expect(document.adoptedStyleSheets).to.deep.equal(before);
    expect(el.hasAttribute('data-printing')).to.equal(false);
    // No <style> element was added (a strict CSP would refuse it).
    expect(document.querySelectorAll('style').length).to.equal(styleElements);
  });

  it('in print, leaves out the page around the receipt (no room kept, so no blank pages) and the print button', async () => {
    const el = await domicile('en');
    // A long page before and after the receipt: invisible, it would still push the receipt down
    // and print blank pages.
    const before = Object.assign(document.createElement('div'), { id: 'long-before' });
    before.append(...Array.from({ length: 200 }, (_, i) => Object.assign(document.createElement('p'), { textContent: `Line ${i}` })));
    el.parentElement!.prepend(before);
    const originalPrint = window.print;
    window.print = () => undefined;
    try {
      el.print();
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(document.getElementById('page-text')!).display).to.equal('none');
      expect(getComputedStyle(before).display).to.equal('none');
      expect(el.getBoundingClientRect().top, 'the receipt starts the first page').to.be.below(20);
      expect(document.documentElement.scrollHeight, 'the printed page is the receipt').to.be.below(el.getBoundingClientRect().height + 40);
      expect(getComputedStyle(root(el).querySelector('dd')!).display).to.not.equal('none');
      expect(getComputedStyle(printButton(el)!).display).to.equal('none');
      expect(getComputedStyle(root(el).querySelector('[part~="row"]')!).breakInside).to.equal('avoid');
      expect(getComputedStyle(el).color).to.equal('rgb(0, 0, 0)');
    } finally {
      window.dispatchEvent(new Event('afterprint'));
      window.print = originalPrint;
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle(document.getElementById('page-text')!).display).to.equal('block');
    expect(document.querySelectorAll('[data-printing-path]').length, 'the marks are gone after printing').to.equal(0);
  });

  it('prints alone from inside another widget’s shadow root (as the check form shows it), leaving that widget’s other content out', async () => {
    const el = await domicile('en');
    // The receipt moves into a host's shadow root, after a form-like block of that host.
    const host = document.createElement('div');
    el.parentElement!.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const formPart = Object.assign(document.createElement('form'), { id: 'form-part' });
    formPart.append(...Array.from({ length: 80 }, (_, i) => Object.assign(document.createElement('p'), { textContent: `Question ${i}` })));
    shadow.append(formPart, el);
    await el.updateComplete;
    const originalPrint = window.print;
    window.print = () => undefined;
    try {
      el.print();
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(formPart).display).to.equal('none');
      expect(getComputedStyle(document.getElementById('page-text')!).display).to.equal('none');
      expect(getComputedStyle(host).display).to.not.equal('none');
      expect(el.getBoundingClientRect().top).to.be.below(20);
    } finally {
      window.dispatchEvent(new Event('afterprint'));
      window.print = originalPrint;
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle(formPart).display).to.equal('block');
    expect(shadow.adoptedStyleSheets).to.deep.equal([]);
  });

  it('leaves the print button out with no-print-button', async () => {
    const el = await domicile('en', { noPrintButton: true });
    expect(printButton(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('wraps a long answer at 320 px without scrolling sideways, and stays accessible', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await domicile('nl', { width: '100%', answers: { ...DOMICILE_ANSWERS, remarks: LONG_REMARK } });
      const article = root(el).querySelector('article')!;
      expect(Object.fromEntries(rowsOf(el, 'findings'))['Opmerkingen']).to.include('GENT-2026-0000');
      expect(article.scrollWidth).to.be.at.most(article.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
