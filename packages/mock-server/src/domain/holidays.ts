import { addDays } from './zoned-time.js';

// Belgium's ten legal public holidays (wettelijke feestdagen / jours fériés légaux). Three move
// with Easter, so Easter is computed, never tabled: a table runs out, an algorithm does not.

/** A public holiday on a date. */
export interface PublicHoliday {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The holiday's Dutch name, as Belgian calendars print it. */
  name: string;
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
  const fixed = (monthDay: string, name: string) => ({ date: `${year}-${monthDay}`, name });
  return [
    fixed('01-01', 'Nieuwjaar'),
    { date: addDays(easter, 1), name: 'Paasmaandag' },
    fixed('05-01', 'Dag van de Arbeid'),
    { date: addDays(easter, 39), name: 'Onze-Lieve-Heer-Hemelvaart' },
    { date: addDays(easter, 50), name: 'Pinkstermaandag' },
    fixed('07-21', 'Nationale feestdag'),
    fixed('08-15', 'Onze-Lieve-Vrouw-Hemelvaart'),
    fixed('11-01', 'Allerheiligen'),
    fixed('11-11', 'Wapenstilstand'),
    fixed('12-25', 'Kerstmis'),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const byYear = new Map<number, Set<string>>();

/** Whether a `YYYY-MM-DD` date is a Belgian public holiday. */
export function isBelgianPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = byYear.get(year);
  if (!dates) {
    dates = new Set(belgianPublicHolidays(year).map((holiday) => holiday.date));
    byYear.set(year, dates);
  }
  return dates.has(date);
}
