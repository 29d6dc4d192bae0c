import type { IncidentEvent, Unit } from '@blauw/core';

/** The most log entries a feed keeps in memory; the oldest go first. A long shift stays well under it. */
export const MAX_FEED_EVENTS = 20_000;

/**
 * The feed's list after `arrived` (oldest first, as the stream delivers them): the new entries on
 * top, newest first, each id once. Entries already held are dropped, so a replay after a reconnect
 * or a history page that overlaps the stream adds nothing twice. Returns the list and what was new.
 */
export function prependNewest(
  held: readonly IncidentEvent[],
  arrived: readonly IncidentEvent[],
  seen: Set<string>,
  max = MAX_FEED_EVENTS,
): { events: readonly IncidentEvent[]; added: IncidentEvent[] } {
  const added: IncidentEvent[] = [];
  for (const entry of arrived) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    added.push(entry);
  }
  if (added.length === 0) return { events: held, added };
  const events = [...added].reverse().concat(held);
  if (events.length > max) for (const dropped of events.splice(max)) seen.delete(dropped.id);
  return { events, added };
}

/**
 * Whether `incoming` should replace `held`: a unit's position travels by several paths (the list,
 * the stream, a replay after a reconnect), and an older report must never move it back.
 */
export function isNewerUnit(held: Unit | undefined, incoming: Unit): boolean {
  return held === undefined || Date.parse(incoming.positionAt) >= Date.parse(held.positionAt);
}

/**
 * An incident's log (oldest first) with live entries appended: each id once, in arrival order.
 */
export function appendToLog(log: readonly IncidentEvent[], entries: readonly IncidentEvent[]): IncidentEvent[] {
  const ids = new Set(log.map((entry) => entry.id));
  return [...log, ...entries.filter((entry) => !ids.has(entry.id) && ids.add(entry.id))];
}
