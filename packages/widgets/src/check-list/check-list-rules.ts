// The check list's rules, apart from any DOM: which day an instant falls on in the zone, how soon
// an assignment is due, and in which group and order the officer sees it.
import type { CheckAssignment } from '@blauw/core';

/** How soon an assignment is due, seen from `now` in the zone's time zone. */
export type DueWhen = 'overdue' | 'today' | 'tomorrow' | 'later';

/** The groups of the list, in the order shown: open ones by due date, then the rest. */
export type CheckGroup = 'overdue' | 'today' | 'later' | 'done';

/** Which assignments the list shows: the open ones (default) or all of them. */
export type CheckListShow = 'open' | 'all';

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export const dayIn = (instant: string | number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(typeof instant === 'number' ? instant : Date.parse(instant));

/** The calendar day `days` after `day` (both `YYYY-MM-DD`); a day has no zone, so DST never shifts it. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/**
 * How soon `dueBy` is: past `now` it is overdue, whatever day it is; else today, tomorrow or later,
 * by the calendar of `timeZone` (at 00:30 in Brussels it is already tomorrow there, while UTC is
 * still on the day before).
 */
export function dueWhen(dueBy: string, now: number, timeZone: string): DueWhen {
  if (Date.parse(dueBy) < now) return 'overdue';
  const day = dayIn(dueBy, timeZone);
  const today = dayIn(now, timeZone);
  if (day === today) return 'today';
  return day === addDays(today, 1) ? 'tomorrow' : 'later';
}

/** The group an assignment is listed in; anything not `open` (submitted, cancelled, a status added later) is done. */
export function groupOf(assignment: CheckAssignment, now: number, timeZone: string): CheckGroup {
  if (assignment.status !== 'open') return 'done';
  const when = dueWhen(assignment.dueBy, now, timeZone);
  return when === 'tomorrow' ? 'later' : when;
}

const GROUPS: readonly CheckGroup[] = ['overdue', 'today', 'later', 'done'];

/** Soonest due first; on the same instant by family name, then id, so the order never wobbles. */
function byDue(a: CheckAssignment, b: CheckAssignment): number {
  return Date.parse(a.dueBy) - Date.parse(b.dueBy) || a.person.familyName.localeCompare(b.person.familyName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The list the officer sees: the groups that have assignments, in order (overdue, due today,
 * later, then submitted or cancelled when `show` is `all`), each soonest due first.
 *
 * @example groupAssignments(snapshot.items, now(), 'Europe/Brussels', 'open')
 */
export function groupAssignments(
  items: readonly CheckAssignment[],
  now: number,
  timeZone: string,
  show: CheckListShow,
): { group: CheckGroup; items: CheckAssignment[] }[] {
  const sorted = [...items].sort(byDue);
  return GROUPS.filter((group) => show === 'all' || group !== 'done')
    .map((group) => ({ group, items: sorted.filter((assignment) => groupOf(assignment, now, timeZone) === group) }))
    .filter(({ items: inGroup }) => inGroup.length > 0);
}

/** `show` from its attribute: `all`, else the default `open`. */
export const toShow = (value: string | undefined | null): CheckListShow => (value?.trim().toLowerCase() === 'all' ? 'all' : 'open');

/**
 * The assignments whose sync state changed between two readings (a new entry, or another state),
 * for the announcement to screen readers. The first reading (`before` undefined) changes nothing.
 */
export function changedStates<S extends string>(before: ReadonlyMap<string, S> | undefined, after: ReadonlyMap<string, S>): string[] {
  if (before === undefined) return [];
  return [...after].filter(([id, state]) => before.get(id) !== state).map(([id]) => id);
}
