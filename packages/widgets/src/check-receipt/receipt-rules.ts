import { shownFields as shownFieldNames, type Address, type CheckAnswer, type CheckField, type CheckType, type GeoPoint, type LocalizedText } from '@blauw/core';
import type { MessageKey, MessageParams } from '../shared/define-messages.js';
import type { Formatters } from '../shared/formatters.js';
import type { Language } from '../shared/language.js';
import type { messages } from './messages.js';

// What a receipt says, as plain functions of the form, the answers and the language: which
// fields were shown and answered, and how each answer reads for the person who was checked.
// No DOM here, so every rule is pinned in Node (receipt-rules.node.test.ts).

/**
 * A position as a device measures it: WGS84 coordinates and, when known, how far off they may
 * be, in metres (`GeolocationCoordinates.accuracy`).
 *
 * @category Widgets
 */
export type ReceiptPosition = GeoPoint & { accuracy?: number | undefined };

/** The receipt's strings and the language's formatters; a `LocaleController` is one. */
export interface ReceiptWords {
  readonly language: Language;
  readonly format: Formatters;
  t(key: MessageKey<typeof messages>, params?: MessageParams): string;
}

/** One line of the findings: a field's label and its answer as the person reads it. */
export interface ReceiptRow {
  /** The field's `name`. */
  readonly name: string;
  readonly label: string;
  readonly answer: string;
  /** A `long_text` answer, whose line breaks are kept. */
  readonly long: boolean;
}

/** A text in the language, or in English when a newer backend left that language out. */
export function textIn(text: LocalizedText | undefined, language: Language): string {
  return text?.[language] || text?.en || '';
}

/**
 * The fields the officer saw, in form order: a field is shown when every one of its conditions
 * names a field shown before it whose answer equals the condition's value (the server's rule, so
 * an answer kept for a field hidden again later never reaches the receipt).
 */
export function shownFields(checkType: CheckType, answers: Readonly<Record<string, unknown>>): CheckField[] {
  const shown = shownFieldNames(checkType, answers);
  return checkType.fields.filter((field) => shown.has(field.name));
}

/** Whether a value counts as an answer: not missing, not blank, not an empty list. */
function answered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const isPoint = (value: unknown): value is ReceiptPosition =>
  typeof value === 'object' && value !== null && Number.isFinite((value as GeoPoint).lat) && Number.isFinite((value as GeoPoint).lon);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isInstant = (value: string) => !Number.isNaN(Date.parse(value));

/**
 * A position as coordinates with their accuracy, e.g. `51.05432, 3.72174 (± 12 m)`. Coordinates
 * keep the decimal point in every language: that is how a map or a navigation app takes them.
 */
export function positionText(position: ReceiptPosition, words: ReceiptWords): string {
  const coordinates = `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}`;
  const accuracy = position.accuracy;
  if (typeof accuracy !== 'number' || !Number.isFinite(accuracy) || accuracy < 0) return coordinates;
  return words.t('accuracy', { position: coordinates, m: Math.round(accuracy) });
}

/** An address on one line, as the booking calendar writes it: `Kerkstraat 12 / 3, 9000 Gent`. */
export function addressText(address: Address): string {
  return `${address.street} ${address.houseNumber}${address.box ? ` / ${address.box}` : ''}, ${address.postalCode} ${address.municipality}`;
}

/** A calendar day in the language, e.g. `1 december 2026`; a text of another shape as it came. */
export function dayText(value: string, words: ReceiptWords): string {
  return DAY.test(value) ? words.format.day(value, { dateStyle: 'long' }) : value;
}

// An answer of a kind this release does not know, or of a shape its kind does not expect: a
// text, number or yes/no still reads plainly; anything else (a structure) is left out rather
// than shown as code.
function plainText(value: unknown, words: ReceiptWords): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? words.format.number(value) : undefined;
  if (typeof value === 'boolean') return words.t(value ? 'yes' : 'no');
  return undefined;
}

/**
 * An answer as the person checked reads it, or `undefined` when it is to be left out: yes/no as
 * words, a choice as its option's label, dates and times in the language (instants in
 * `timeZone`), a position as coordinates, an attestation as "attested" (only `true` counts as
 * given), photos as their number only, never the images.
 */
export function answerText(field: CheckField, value: CheckAnswer | undefined, words: ReceiptWords, timeZone: string): string | undefined {
  if (!answered(value)) return undefined;
  switch (field.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? words.t(value ? 'yes' : 'no') : plainText(value, words);
    case 'choice': {
      if (typeof value !== 'string') return plainText(value, words);
      const option = field.options?.find((candidate) => candidate.value === value);
      return option ? textIn(option.label, words.language) || value : value;
    }
    case 'date':
      return typeof value === 'string' ? dayText(value, words) : plainText(value, words);
    case 'time':
      return typeof value === 'string' && WALL_TIME.test(value)
        ? words.format.time(`1970-01-01T${value}:00Z`, 'UTC')
        : plainText(value, words);
    case 'datetime':
      return typeof value === 'string' && isInstant(value) ? words.format.dateTime(value, timeZone) : plainText(value, words);
    case 'number':
      return plainText(value, words);
    case 'position':
      return isPoint(value) ? positionText(value, words) : undefined;
    case 'photo':
      return Array.isArray(value) ? words.t(words.format.plural(value.length) === 'one' ? 'photos.one' : 'photos.other', { n: value.length }) : undefined;
    case 'attestation':
      return value === true ? words.t('attested') : undefined;
    default:
      return plainText(value, words);
  }
}

/** The findings of a receipt: every field shown and answered, in form order. */
export function receiptRows(
  checkType: CheckType,
  answers: Readonly<Record<string, CheckAnswer>>,
  words: ReceiptWords,
  timeZone: string,
): ReceiptRow[] {
  return shownFields(checkType, answers).flatMap((field) => {
    const answer = answerText(field, answers[field.name], words, timeZone);
    return answer === undefined ? [] : [{ name: field.name, label: textIn(field.label, words.language), answer, long: field.kind === 'long_text' }];
  });
}

/** An instant's day and time in `timeZone`, or the text as it came when it is no instant. */
export function completedText(value: string, words: ReceiptWords, timeZone: string): { date: string; time: string } {
  if (!isInstant(value)) return { date: value, time: '' };
  return { date: words.format.date(value, timeZone), time: words.format.time(value, timeZone) };
}
