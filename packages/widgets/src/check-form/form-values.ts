// What the check form's inputs hold and what the answers are, both ways, apart from the DOM: a
// number typed with a comma, a date and time in the zone's time (an `<input type="datetime-local">`
// has no zone; the answer is an instant with its offset), and the message of each problem.
import type { CheckAnswer, CheckAnswerProblem, CheckField } from '@blauw/core';

/** A Brussels wall-clock `YYYY-MM-DDTHH:MM` as the instant with its offset, e.g. `2027-03-28T02:30` → `…+02:00`. */
export function wallTimeToInstant(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then at the instant it gives: they differ only around a DST change.
  let offset = offsetMinutes(asUtc, timeZone);
  offset = offsetMinutes(asUtc - offset * 60_000, timeZone);
  return `${local}:00${formatOffset(offset)}`;
}

/** An instant as the wall-clock `YYYY-MM-DDTHH:MM` of `timeZone`, for a `datetime-local` input. */
export function instantToWallTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** An instant `now` (ms) in ISO 8601 with the zone's offset, e.g. `2026-11-30T23:45:00+01:00`. */
export function instantInZone(ms: number, timeZone: string): string {
  return `${instantToWallTime(new Date(ms).toISOString(), timeZone)}:${String(new Date(ms).getUTCSeconds()).padStart(2, '0')}${formatOffset(offsetMinutes(ms, timeZone))}`;
}

function offsetMinutes(ms: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The answer an input's text makes for a field, or `undefined` for nothing typed. A number typed
 * with a decimal comma counts; text that is no number stays text, for the form to point at.
 */
export function answerFromInput(field: Pick<CheckField, 'kind'>, raw: string, timeZone: string): CheckAnswer | undefined {
  if (raw.trim() === '') return undefined;
  switch (field.kind) {
    case 'number': {
      const value = Number(raw.trim().replace(',', '.'));
      return Number.isFinite(value) ? value : raw;
    }
    case 'datetime':
      return wallTimeToInstant(raw, timeZone) ?? raw;
    default:
      return raw;
  }
}

/** What an input shows for an answer (the reverse of {@link answerFromInput}). */
export function inputFromAnswer(field: Pick<CheckField, 'kind'>, answer: CheckAnswer | undefined, timeZone: string): string {
  if (answer === undefined || typeof answer === 'object') return '';
  if (field.kind === 'datetime' && typeof answer === 'string') return instantToWallTime(answer, timeZone) || answer;
  return String(answer);
}

/** The message key and parameters of a problem with an answer. */
export function problemMessage(problem: CheckAnswerProblem): [key: `p.${CheckAnswerProblem['code']}`, params: Record<string, number>] {
  return [`p.${problem.code}`, { ...('max' in problem ? { max: problem.max } : {}), ...('min' in problem ? { min: problem.min } : {}) }];
}

/** The answers without the empty ones: no text, no photos. */
export function withoutEmpty(answers: Readonly<Record<string, CheckAnswer | undefined>>): Record<string, CheckAnswer> {
  const kept: Record<string, CheckAnswer> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    kept[name] = value;
  }
  return kept;
}
