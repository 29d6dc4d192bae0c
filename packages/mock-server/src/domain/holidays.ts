import type { LocalizedText } from '@blauw/core';
import { addDays } from './zoned-time.js';

// Belgium's ten legal public holidays (wettelijke feestdagen / jours fériés légaux). Three move
// with Easter, so Easter is computed, never tabled: a table runs out, an algorithm does not.

/** A public holiday on a date. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The holiday's Dutch name, as Belgian calendars print it. */
  name: string;
  /** Its name in the four languages, for citizens (e.g. "Easter Monday — closed"). */
  names: LocalizedText;
}

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 *
 * @example easterSunday(2027) // '2027-03-28'
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Easter is computed for Gregorian years from 1583, got ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Belgium's legal public holidays of a year, in date order.
 *
 * @example belgianPublicHolidays(2027).find((holiday) => holiday.name === 'Paasmaandag') // { date: '2027-03-29', … }
 */
export function belgianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const on = (date: string, nl: string, fr: string, de: string, en: string): PublicHoliday => ({ date, name: nl, names: { nl, fr, de, en } });
  const fixed = (monthDay: string, nl: string, fr: string, de: string, en: string) => on(`${year}-${monthDay}`, nl, fr, de, en);
  return [
    fixed('01-01', 'Nieuwjaar', 'Jour de l’An', 'Neujahr', 'New Year’s Day'),
    on(addDays(easter, 1), 'Paasmaandag', 'Lundi de Pâques', 'Ostermontag', 'Easter Monday'),
    fixed('05-01', 'Dag van de Arbeid', 'Fête du Travail', 'Tag der Arbeit', 'Labour Day'),
    on(addDays(easter, 39), 'Onze-Lieve-Heer-Hemelvaart', 'Ascension', 'Christi Himmelfahrt', 'Ascension Day'),
    on(addDays(easter, 50), 'Pinkstermaandag', 'Lundi de Pentecôte', 'Pfingstmontag', 'Whit Monday'),
    fixed('07-21', 'Nationale feestdag', 'Fête nationale', 'Nationalfeiertag', 'National Day'),
    fixed('08-15', 'Onze-Lieve-Vrouw-Hemelvaart', 'Assomption', 'Mariä Himmelfahrt', 'Assumption Day'),
    fixed('11-01', 'Allerheiligen', 'Toussaint', 'Allerheiligen', 'All Saints’ Day'),
    fixed('11-11', 'Wapenstilstand', 'Armistice', 'Waffenstillstand', 'Armistice Day'),
    fixed('12-25', 'Kerstmis', 'Noël', 'Weihnachten', 'Christmas Day'),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const byYear = new Map<number, Map<string, PublicHoliday>>();

/** The Belgian public holiday on a `YYYY-MM-DD` date, if there is one. */
export function publicHolidayOn(date: string): PublicHoliday | undefined {
  const year = Number(/^(\d{4})-/.exec(date)?.[1]);
  // Outside the Gregorian years Easter is computed for there are no holidays to tell, rather
  // than an error: a calendar walking past 9999 or before 1583 must never fail on a holiday.
  if (!(year >= 1583 && year <= 9999)) return undefined;
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = new Map(belgianPublicHolidays(year).map((holiday) => [holiday.date, holiday]));
    byYear.set(year, holidays);
  }
  return holidays.get(date);
}

/** Whether a `YYYY-MM-DD` date is a Belgian public holiday. */
export const isBelgianPublicHoliday = (date: string): boolean => publicHolidayOn(date) !== undefined;
