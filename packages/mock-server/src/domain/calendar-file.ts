import type { Locale } from '@blauw/core';
import { addDays, instantToZoned, isoWeekday, offsetMinutesAt } from './zoned-time.js';

// RFC 5545 calendar files: CRLF line endings, content lines folded at 75 octets (never inside a
// UTF-8 sequence), TEXT values escaped. Times are local to the office's zone with TZID and a
// VTIMEZONE derived from the zone's own rules via Intl, so the file stays right when a calendar
// app shows it in another zone.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** What goes into one calendar event. */
export interface CalendarEvent {
  /** Globally unique and stable across reschedules, e.g. `0b6f…-…@blauw.example`. */
  uid: string;
  /** Raised by every change; calendar apps replace an event with a higher SEQUENCE. */
  sequence: number;
  /** When this version of the file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  /** IANA zone the event is shown in (the office's). */
  timeZone: string;
  summary: string;
  location: string;
  description: string;
  /** `CANCELLED` turns the file into a cancellation (`METHOD:CANCEL`). */
  status: 'CONFIRMED' | 'CANCELLED';
  organizer?: { name: string; email: string } | undefined;
}

/** The product identifier the files carry. */
export const CALENDAR_PRODID = '-//Blauw//Blauw mock server//EN';

/**
 * Writes an RFC 5545 calendar file with one event: `METHOD:PUBLISH` for a confirmed event,
 * `METHOD:CANCEL` with `STATUS:CANCELLED` for a cancelled one.
 */
export function calendarFile(event: CalendarEvent): string {
  const cancelled = event.status === 'CANCELLED';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    ...vtimezone(event.timeZone, event.start),
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${event.timeZone}:${localStamp(event.start, event.timeZone)}`,
    `DTEND;TZID=${event.timeZone}:${localStamp(event.end, event.timeZone)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `STATUS:${event.status}`,
    'TRANSP:OPAQUE',
    ...(event.organizer ? [`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// RFC 5545 §3.3.11: a TEXT value holds no control characters but the escaped line break; the
// rest (NUL, ESC, DEL, C1) is dropped so no calendar app is handed raw control bytes.
function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/\t/g, ' ');
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
 *
 * @example escapeText('Kerkstraat 12, 9300 Scheldegem') // 'Kerkstraat 12\\, 9300 Scheldegem'
 */
export function escapeText(text: string): string {
  return stripControls(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): continuation
 * lines start with one space, and a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; continuation lines 74 plus the leading space.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * A VTIMEZONE for a zone, derived from the zone's transitions in the year of `around` via Intl:
 * a STANDARD and a DAYLIGHT sub-component with yearly RRULEs (e.g. `BYMONTH=3;BYDAY=-1SU` for the
 * EU rule), or only STANDARD for a zone without daylight-saving time.
 */
export function vtimezone(timeZone: string, around: Date): string[] {
  const year = instantToZoned(around, timeZone).date.slice(0, 4);
  const yearStart = Date.parse(`${year}-01-01T00:00:00Z`);
  const transitions = findTransitions(timeZone, yearStart, yearStart + 366 * DAY_MS);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (transitions.length < 2) {
    const offset = offsetMinutesAt(around, timeZone);
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${icsOffset(offset)}`, `TZOFFSETTO:${icsOffset(offset)}`);
    const name = zoneAbbreviation(around, timeZone);
    if (name) lines.push(`TZNAME:${name}`);
    lines.push('END:STANDARD');
  } else {
    for (const transition of transitions.slice(0, 2)) {
      const kind = transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD';
      // The wall time the change happens at, read on the clock from before it.
      const wall = instantToZoned(transition.at - MINUTE_MS, timeZone);
      const [hours, minutes] = wall.time.split(':').map(Number) as [number, number];
      const changeMinutes = hours * 60 + minutes + 1;
      const date = wall.date;
      const month = Number(date.slice(5, 7));
      const day = Number(date.slice(8, 10));
      const weekday = isoWeekday(date);
      // Within the month's last seven days it is "the last such weekday" (-1SU), else the n-th.
      const week = day + 7 > lastDayOfMonth(date) ? -1 : Math.ceil(day / 7);
      const byDay = `${week}${['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][weekday - 1]}`;
      const first = firstMatchingDay(1970, month, week, weekday);
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${first}T${pad2(Math.floor(changeMinutes / 60))}${pad2(changeMinutes % 60)}00`,
        `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${byDay}`,
        `TZOFFSETFROM:${icsOffset(transition.from)}`,
        `TZOFFSETTO:${icsOffset(transition.to)}`,
      );
      const name = zoneAbbreviation(transition.at + HOUR_MS, timeZone);
      if (name) lines.push(`TZNAME:${name}`);
      lines.push(`END:${kind}`);
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

interface Transition {
  /** Epoch ms of the first instant with the new offset. */
  at: number;
  from: number;
  to: number;
}

function findTransitions(timeZone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let previous = offsetMinutesAt(start, timeZone);
  // Offsets change at most a few times a year; a daily scan then a binary search finds the minute.
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const offset = offsetMinutesAt(day, timeZone);
    if (offset === previous) continue;
    let low = day - DAY_MS;
    let high = day;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetMinutesAt(middle, timeZone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

function lastDayOfMonth(date: string): number {
  const next = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return new Date(next.getTime() - DAY_MS).getUTCDate();
}

/** `YYYYMMDD` of the `week`-th (or last, for -1) ISO `weekday` of a month. */
function firstMatchingDay(year: number, month: number, week: number, weekday: number): string {
  const monthStart = `${year}-${pad2(month)}-01`;
  const candidates: string[] = [];
  for (let date = monthStart; date.slice(0, 7) === monthStart.slice(0, 7); date = addDays(date, 1)) {
    if (isoWeekday(date) === weekday) candidates.push(date);
  }
  const chosen = (week === -1 ? candidates[candidates.length - 1] : candidates[week - 1]) as string;
  return chosen.replace(/-/g, '');
}

function zoneAbbreviation(instant: Date | number, timeZone: string): string | undefined {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((item) => item.type === 'timeZoneName')?.value;
  // "GMT+1" is not a name; leave TZNAME out rather than invent one.
  return part && /^[A-Z]{2,5}$/.test(part) ? part : undefined;
}

function icsOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function localStamp(instant: Date, timeZone: string): string {
  const zoned = instantToZoned(instant, timeZone);
  return `${zoned.date.replace(/-/g, '')}T${zoned.time.replace(':', '')}${pad2(zoned.seconds)}`;
}

function quoteParam(value: string): string {
  // Parameter values cannot hold DQUOTE or control characters; quote them when they contain ':', ';' or ','.
  const clean = stripControls(value).replace(/[\r\n\t]+/g, ' ').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

const EVENT_FILE_NAMES: Record<Locale, string> = { nl: 'afspraak.ics', fr: 'rendez-vous.ics', de: 'termin.ics', en: 'appointment.ics' };
const CANCEL_FILE_NAMES: Record<Locale, string> = { nl: 'annulering.ics', fr: 'annulation.ics', de: 'absage.ics', en: 'cancellation.ics' };

/**
 * The name a calendar file is offered under, in the citizen's language: the same in the e-mail
 * and in the download route.
 *
 * @example calendarFileName('fr', true) // 'annulation.ics'
 */
export function calendarFileName(language: Locale, cancelled: boolean): string {
  return (cancelled ? CANCEL_FILE_NAMES : EVENT_FILE_NAMES)[language];
}
