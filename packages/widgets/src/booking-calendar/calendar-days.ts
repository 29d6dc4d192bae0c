// The calendar rules of the date grid, as pure functions on `YYYY-MM-DD` strings (no DOM: they are
// tested in Node). Calendar days
// have no time zone, so all arithmetic happens in UTC and never shifts across DST changes.

const at = (day: string): Date => new Date(`${day}T00:00:00Z`);
const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  const date = at(day);
  date.setUTCDate(date.getUTCDate() + count);
  return iso(date);
}

/** The same day of the month `count` months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, count: number): string {
  const date = at(day);
  const target = date.getUTCMonth() + count;
  const last = new Date(Date.UTC(date.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(date.getUTCFullYear(), target, Math.min(date.getUTCDate(), last))));
}

/** The weekday of a day, 0 = Monday … 6 = Sunday (Belgian weeks start on Monday). */
export const weekday = (day: string): number => (at(day).getUTCDay() + 6) % 7;

/** The first and last day of a month given as `YYYY-MM`. */
export function monthRange(month: string): [from: string, to: string] {
  const from = `${month}-01`;
  return [from, addDays(addMonths(from, 1), -1)];
}

/** The weeks of a month as rows of seven cells, Monday first; cells outside the month are `null`. */
export function monthWeeks(month: string): (string | null)[][] {
  const [from, to] = monthRange(month);
  const cells: (string | null)[] = Array<null>(weekday(from)).fill(null);
  for (let day = from; day <= to; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Where a key moves the focus in the grid, following the WAI-ARIA date picker pattern: arrows by
 * day and week, Home/End to the start/end of the week, PageUp/PageDown by month (with Shift by
 * year). `undefined` for any other key.
 */
export function dayForKey(day: string, key: string, shift = false): string | undefined {
  const months = shift ? 12 : 1;
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -weekday(day));
    case 'End':
      return addDays(day, 6 - weekday(day));
    case 'PageUp':
      return addMonths(day, -months);
    case 'PageDown':
      return addMonths(day, months);
  }
  return undefined;
}

/**
 * The day a month's first day comes within reach of a booking horizon of `horizonDays` days: the
 * day from which its days can be booked.
 */
export const monthOpensOn = (month: string, horizonDays: number): string => addDays(`${month}-01`, -horizonDays);
