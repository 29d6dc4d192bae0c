// The rules of the publish form, apart from the DOM: the form's times are wall-clock times in the
// zone (what a supervisor in Brussels means by "until 06:00"), and the server's refusals point at
// the form's fields.
import type { BlauwError } from '@blauw/core';

/** The fields of the publish form, by name. */
export type PublishField = 'title' | 'text' | 'audienceId' | 'validFrom' | 'validUntil';

/** What the supervisor typed. */
export interface PublishDraft {
  title: string;
  text: string;
  priority: boolean;
  audienceKind: 'team' | 'shift';
  audienceId: string;
  /** `2027-03-10T07:00` in the zone's time zone, as a `datetime-local` input gives it. */
  validFrom: string;
  validUntil: string;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

// The zone's offset from UTC at an instant, in ms (e.g. +3 600 000 for Brussels in winter).
function offsetAt(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a time zone (`2027-03-11T06:00` in Brussels →
 * `2027-03-11T05:00:00.000Z`), or `undefined` for what is not such a time. A time skipped by the
 * change to summer time reads as the hour after.
 */
export function zonedToInstant(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== day) return undefined;
  // Two passes: the offset at the guess, then at the result (they differ around a change of time).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant as a `datetime-local` value in a time zone (`2027-03-10T07:00`). */
export function instantToZoned(instant: number, timeZone: string): string {
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 16);
}

/** The fields a draft leaves empty or wrong before it is sent, in the form's order. */
export function draftProblems(draft: PublishDraft, timeZone: string): PublishField[] {
  const problems: PublishField[] = [];
  if (!draft.title.trim()) problems.push('title');
  if (!draft.text.trim()) problems.push('text');
  if (!draft.audienceId.trim()) problems.push('audienceId');
  const from = zonedToInstant(draft.validFrom, timeZone);
  const until = zonedToInstant(draft.validUntil, timeZone);
  if (!from) problems.push('validFrom');
  if (!until || (from && Date.parse(until) <= Date.parse(from))) problems.push('validUntil');
  return problems;
}

/**
 * The fields a refusal of the server points at: its codes (`briefing_audience_unknown`,
 * `briefing_validity_invalid`) and the JSON pointers of `validation_failed`. Empty when it names
 * none (then the form shows the error as a whole).
 */
export function refusedFields(error: BlauwError): PublishField[] {
  if (error.kind !== 'validation') return [];
  if (error.code === 'briefing_audience_unknown') return ['audienceId'];
  if (error.code === 'briefing_validity_invalid') return ['validUntil'];
  const fields = new Set<PublishField>();
  for (const { pointer } of 'fieldErrors' in error ? error.fieldErrors : []) {
    const head = pointer.split('/')[1];
    if (head === 'title' || head === 'text' || head === 'validFrom' || head === 'validUntil') fields.add(head);
    else if (head === 'audience') fields.add('audienceId');
  }
  return [...fields];
}
