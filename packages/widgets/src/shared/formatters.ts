import { BELGIAN_LOCALES, type Language } from './language.js';

/**
 * An instant as the API sends it (ISO 8601 with offset), a `Date`, or epoch milliseconds.
 * Plain dates (`2026-04-06`) are days, not instants: format them with {@link Formatters.day}.
 *
 * @category Localization
 */
export type Instant = Date | string | number;

/**
 * `Intl` formatting in one language's Belgian locale. Every date and time formatter takes the
 * time zone explicitly: the zone's time zone is data from the API (`office.timeZone`), and the
 * browser's own zone is never assumed — a citizen abroad still books in Brussels time.
 *
 * @category Localization
 */
export interface Formatters {
  /** The BCP 47 locale in use, e.g. `fr-BE`. */
  readonly locale: string;
  /** Date and time of an instant, e.g. `6 april 2026 om 14:30`. */
  dateTime(value: Instant, timeZone: string, options?: Intl.DateTimeFormatOptions): string;
  /** Date of an instant, e.g. `maandag 6 april 2026`. */
  date(value: Instant, timeZone: string, options?: Intl.DateTimeFormatOptions): string;
  /** Time of an instant, e.g. `14:30`. */
  time(value: Instant, timeZone: string, options?: Intl.DateTimeFormatOptions): string;
  /** A calendar day (`2026-04-06`), independent of any time zone, e.g. `maandag 6 april 2026`. */
  day(isoDate: string, options?: Intl.DateTimeFormatOptions): string;
  /** A number, e.g. `1.234,5` in nl-BE. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A list, e.g. `a, b en c`. */
  list(values: readonly string[], options?: Intl.ListFormatOptions): string;
  /** The plural category of a count, to pick a message key, e.g. `one` or `other`. */
  plural(count: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule;
}

// Building Intl formatters is costly next to using them; a page renders many dates.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.PluralRules>(
  kind: string,
  locale: string,
  options: object | undefined,
  make: () => T,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options ?? {})}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * An `Intl.DateTimeFormat` for a locale, a time zone and options, built once per page: building one
 * costs far more than formatting with it, and a list of 10,000 entries formats 10,000 times.
 *
 * @category Localization
 */
export function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const all = { ...options, timeZone };
  return cached('dt', locale, all, () => new Intl.DateTimeFormat(locale, all));
}

// French writes the first of the month as an ordinal, "1er décembre", which Intl leaves as "1".
const firstOfMonth = (text: string): string => text.replace(/(^|\D)1 (?=\p{L})/gu, '$11er ');

/**
 * The formatters for one language, in its Belgian locale (`nl-BE`, `fr-BE`, `de-BE`, `en-BE`).
 *
 * @example
 * ```ts
 * const format = formattersFor('fr');
 * format.time(slot.start, office.timeZone); // '14:30'
 * ```
 *
 * @category Localization
 */
export function formattersFor(language: Language): Formatters {
  const locale = BELGIAN_LOCALES[language];
  const dates = language === 'fr' ? firstOfMonth : (text: string) => text;
  return {
    locale,
    dateTime: (value, timeZone, options = { dateStyle: 'long', timeStyle: 'short' }) =>
      dates(dateTimeFormat(locale, timeZone, options).format(toDate(value))),
    date: (value, timeZone, options = { dateStyle: 'full' }) =>
      dates(dateTimeFormat(locale, timeZone, options).format(toDate(value))),
    time: (value, timeZone, options = { timeStyle: 'short' }) =>
      dateTimeFormat(locale, timeZone, options).format(toDate(value)),
    // A calendar day has no zone: read it as noon UTC and format it in UTC, so it never shifts.
    day: (isoDate, options = { dateStyle: 'full' }) =>
      dates(dateTimeFormat(locale, 'UTC', options).format(new Date(`${isoDate}T12:00:00Z`))),
    number: (value, options) => cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value),
    list: (values, options = { type: 'conjunction' }) =>
      cached('l', locale, options, () => new Intl.ListFormat(locale, options)).format(values),
    plural: (count, options) => cached('p', locale, options, () => new Intl.PluralRules(locale, options)).select(count),
  };
}
