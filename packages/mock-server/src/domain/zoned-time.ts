// Time zones are data (an office carries `Europe/Brussels`), so wall time ⇄ instant is computed
// with Intl.DateTimeFormat, which every browser and Node ship with the IANA database; no
// time-zone library. Dates are `YYYY-MM-DD`, wall times `HH:MM`, both meant in the given zone.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A wall-clock reading in a time zone. */
export interface ZonedTime {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:MM` in the zone (24 h). */
  time: string;
  /** The zone's UTC offset at that instant, `+02:00`. */
  offset: string;
  /** The same offset in minutes east of UTC (`120`). */
  offsetMinutes: number;
  /** Seconds of the minute (`0`–`59`), for formatting instants that are not on a minute. */
  seconds: number;
}

/**
 * How to read a wall time that does not exist (the hour skipped in spring) or exists twice (the
 * hour repeated in autumn):
 * - `compatible` (default): the earlier of two; for a skipped time, the offset from before the
 *   gap, which moves it forward by the gap (02:30 → 03:30 on the last Sunday of March). This is
 *   what RFC 5545 (§3.3.5) and Temporal's `compatible` do.
 * - `reject`: `undefined` for a skipped time, the earlier of two for a repeated one. Slots use
 *   this: a slot that does not exist on the wall clock is not offered, rather than moved onto
 *   another slot.
 */
export type Disambiguation = 'compatible' | 'reject';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a caller passing one deserves.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallFields(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] as number,
    month: fields['month'] as number,
    day: fields['day'] as number,
    hour: fields['hour'] as number,
    minute: fields['minute'] as number,
    second: fields['second'] as number,
  };
}

/** The zone's offset from UTC at an instant, in minutes east (`Europe/Brussels` in July: 120). */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wall = wallFields(ms, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
}

/** `120` → `+02:00`, `-330` → `-05:30`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * Reads an instant on the wall clock of a time zone.
 *
 * @example instantToZoned(new Date('2027-03-29T07:30:00Z'), 'Europe/Brussels')
 *   // { date: '2027-03-29', time: '09:30', offset: '+02:00', offsetMinutes: 120, seconds: 0 }
 */
export function instantToZoned(instant: Date | number, timeZone: string): ZonedTime {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wall = wallFields(ms, timeZone);
  const offsetMinutes = offsetMinutesAt(ms, timeZone);
  return {
    date: `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)}`,
    time: `${pad2(wall.hour)}:${pad2(wall.minute)}`,
    offset: formatOffset(offsetMinutes),
    offsetMinutes,
    seconds: wall.second,
  };
}

/**
 * The instant a wall time in a time zone stands for. See {@link Disambiguation} for the hour
 * skipped in spring and the hour repeated in autumn.
 *
 * @example zonedTimeToInstant('2027-03-29', '09:30', 'Europe/Brussels').toISOString() // '2027-03-29T07:30:00.000Z'
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date;
export function zonedTimeToInstant(date: string, time: string, timeZone: string, disambiguation: 'compatible'): Date;
export function zonedTimeToInstant(date: string, time: string, timeZone: string, disambiguation: Disambiguation): Date | undefined;
export function zonedTimeToInstant(
  date: string,
  time: string,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): Date | undefined {
  const wall = wallAsUtc(date, time);
  // Offsets a day either side cover every transition (they are hours apart, never days).
  const before = offsetMinutesAt(wall - DAY_MS, timeZone);
  const after = offsetMinutesAt(wall + DAY_MS, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((candidate) => {
      const back = instantToZoned(candidate, timeZone);
      return back.date === date && back.time === time;
    })
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first !== undefined) return new Date(first);
  if (disambiguation === 'reject') return undefined;
  return new Date(wall - before * MINUTE_MS);
}

/**
 * An instant as ISO 8601 with the zone's offset, to the second.
 *
 * @example formatZoned(new Date('2027-03-29T07:30:00Z'), 'Europe/Brussels') // '2027-03-29T09:30:00+02:00'
 */
export function formatZoned(instant: Date | number, timeZone: string): string {
  const zoned = instantToZoned(instant, timeZone);
  return `${zoned.date}T${zoned.time}:${pad2(zoned.seconds)}${zoned.offset}`;
}

/** Today's date in a time zone at an instant. */
export function dateInZone(instant: Date | number, timeZone: string): string {
  return instantToZoned(instant, timeZone).date;
}

/** Adds whole days to a `YYYY-MM-DD` date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`2027-03-01`, `2027-03-03` → 2). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `HH:MM` → minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Minutes after midnight → `HH:MM`. */
export function timeOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function wallAsUtc(date: string, time: string): number {
  const ms = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  return ms;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
