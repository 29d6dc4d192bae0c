import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckField } from '@blauw/core';
import { interpolate } from '../shared/define-messages.js';
import { formattersFor } from '../shared/formatters.js';
import type { Language } from '../shared/language.js';
import { messages } from './messages.js';
import { DOMICILE, DOMICILE_ANSWERS, ELECTRONIC_MONITORING, MONITORING_ANSWERS } from './receipt-fixtures.js';
import { addressText, answerText, completedText, receiptRows, shownFields, type ReceiptWords } from './receipt-rules.js';

const BRUSSELS = 'Europe/Brussels';
const wordsIn = (language: Language): ReceiptWords => {
  const format = formattersFor(language);
  return { language, format, t: (key, params) => interpolate(messages[language][key], params, (value) => format.number(value)) };
};
const field = (kind: string, extra: Partial<CheckField> = {}): CheckField => ({ name: 'f', kind, label: { nl: 'F', fr: 'F', de: 'F', en: 'F' }, required: false, ...extra });

describe('which fields a receipt lists', () => {
  it('leaves out a field whose condition does not hold, even with an answer kept from before', () => {
    const names = shownFields(DOMICILE, DOMICILE_ANSWERS).map((f) => f.name);
    assert.ok(names.includes('identityVerified'));
    assert.ok(!names.includes('notMetReason'));
  });

  it('leaves out a field whose condition names a hidden field, whatever that field’s answer', () => {
    // tagIntact depends on tagVisible, which is hidden when the person was not present.
    const names = shownFields(ELECTRONIC_MONITORING, { personPresent: false, tagVisible: true, tagIntact: true }).map((f) => f.name);
    assert.ok(names.includes('absenceExplanation'));
    assert.ok(!names.includes('tagVisible'));
    assert.ok(!names.includes('tagIntact'));
  });

  it('lists shown and answered fields in form order, and skips blank texts and false attestations', () => {
    const rows = receiptRows(DOMICILE, { ...DOMICILE_ANSWERS, attestation: false }, wordsIn('en'), BRUSSELS);
    assert.deepEqual(rows.map((row) => row.name), ['personMet', 'identityVerified', 'nameOnLetterbox', 'nameOnBell', 'signsOfLiving', 'occupants', 'neighboursHeard', 'neighbourStatement', 'photos', 'conclusion']);
  });
});

describe('how an answer reads', () => {
  it('writes yes/no, choices, numbers and photos as words in each language', () => {
    const rows = (language: Language) => Object.fromEntries(receiptRows(DOMICILE, { ...DOMICILE_ANSWERS, occupants: 1200 }, wordsIn(language), BRUSSELS).map((row) => [row.name, row.answer]));
    assert.deepEqual([rows('nl')['personMet'], rows('nl')['signsOfLiving'], rows('nl')['photos'], rows('nl')['occupants'], rows('nl')['conclusion']], ['Ja', 'Duidelijk', '2 foto’s', '1.200', 'Verblijft er werkelijk']);
    assert.deepEqual([rows('fr')['personMet'], rows('fr')['signsOfLiving'], rows('fr')['photos'], rows('fr')['conclusion'], rows('fr')['attestation']], ['Oui', 'Évidents', '2 photos', 'Y réside effectivement', 'Attesté']);
    assert.equal(rows('de')['nameOnBell'], 'Ja');
    assert.equal(rows('en')['attestation'], 'Attested');
    assert.equal(answerText(field('photo'), ['p-1'], wordsIn('nl'), BRUSSELS), '1 foto');
    assert.equal(answerText(field('yes_no'), false, wordsIn('de'), BRUSSELS), 'Nein');
  });

  it('shows an instant in Brussels time, a day and a wall-clock time as they are', () => {
    assert.equal(answerText(field('datetime'), '2026-11-30T23:30:00Z', wordsIn('fr'), BRUSSELS), '1er décembre 2026 à 00:30');
    assert.equal(answerText(field('date'), '2027-03-01', wordsIn('nl'), BRUSSELS), '1 maart 2027');
    assert.equal(answerText(field('time'), '21:00', wordsIn('en'), BRUSSELS), '21:00');
    assert.deepEqual(completedText('2026-11-30T23:30:00Z', wordsIn('nl'), BRUSSELS), { date: 'dinsdag 1 december 2026', time: '00:30' });
  });

  it('writes a position as coordinates with its accuracy in metres', () => {
    const rows = receiptRows(ELECTRONIC_MONITORING, MONITORING_ANSWERS, wordsIn('nl'), BRUSSELS);
    assert.equal(rows.find((row) => row.name === 'position')?.answer, '51.05432, 3.72174 (± 12 m)');
    assert.equal(answerText(field('position'), { lat: 50.8467, lon: 4.3525 }, wordsIn('en'), BRUSSELS), '50.84670, 4.35250');
  });

  it('reads an answer of a kind added later as plain text, and leaves out what is no text', () => {
    assert.equal(answerText(field('signature'), 'signed', wordsIn('en'), BRUSSELS), 'signed');
    assert.equal(answerText(field('rating'), 4.5, wordsIn('fr'), BRUSSELS), '4,5');
    assert.equal(answerText(field('consent'), true, wordsIn('fr'), BRUSSELS), 'Oui');
    assert.equal(answerText(field('sketch'), { lat: 'x' } as never, wordsIn('en'), BRUSSELS), undefined);
    assert.equal(answerText(field('photo'), [], wordsIn('en'), BRUSSELS), undefined);
  });

  it('keeps a choice the form does not list as it came, and an unreadable instant as text', () => {
    assert.equal(answerText(field('choice', { options: [] }), 'moved_abroad', wordsIn('en'), BRUSSELS), 'moved_abroad');
    assert.equal(answerText(field('datetime'), 'yesterday evening', wordsIn('en'), BRUSSELS), 'yesterday evening');
  });

  it('writes an address on one line, with the box after a slash', () => {
    assert.equal(addressText({ street: 'Korenlei', houseNumber: '7', box: '3', postalCode: '9000', municipality: 'Gent' }), 'Korenlei 7 / 3, 9000 Gent');
  });
});
