// The rules of the briefings widget, apart from the DOM: which briefings are current, in which
// order they are read, how their validity is worded, which attachment links are safe to show and
// how a live acknowledgement moves an officer in a publisher's status, and where an acknowledgement
// queued on the officer's device stands.
import type { Briefing, BriefingAcknowledgement, BriefingStatus, OutboxItem } from '@blauw/core';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`2027-03-10`) of an instant in a time zone. */
export function dayIn(instant: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return format.format(instant);
}

/** The day after a calendar day (`2027-03-10` → `2027-03-11`). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Whether a briefing applies at `now`: from `validFrom` (inclusive) until `validUntil` (exclusive). */
export function isCurrent(briefing: Pick<Briefing, 'validFrom' | 'validUntil'>, now: number): boolean {
  return Date.parse(briefing.validFrom) <= now && now < Date.parse(briefing.validUntil);
}

/**
 * The order an officer reads briefings in, as the server lists them: those not acknowledged
 * first, then the urgent ones, then the newest. Returns a new array.
 */
export function orderBriefings<B extends Pick<Briefing, 'acknowledgedAt' | 'priority' | 'publishedAt' | 'id'>>(briefings: readonly B[]): B[] {
  return [...briefings].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      Number(b.priority) - Number(a.priority) ||
      Date.parse(b.publishedAt) - Date.parse(a.publishedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The message key of a validity, to fill with `time` (and `date` for `until.later`). */
export type ValidityKey = 'until.today' | 'until.tomorrow' | 'until.later';

/**
 * How a briefing's end is worded, read in the zone's time zone: "valid until 06:00 tomorrow".
 * An end at midnight reads as 00:00 of the day it falls on.
 */
export function validityWords(validUntil: string, now: number, timeZone: string): ValidityKey {
  const today = dayIn(now, timeZone);
  const day = dayIn(Date.parse(validUntil), timeZone);
  if (day === today) return 'until.today';
  if (day === nextDay(today)) return 'until.tomorrow';
  return 'until.later';
}

/**
 * An attachment link to show: only `https` URLs, with the host to show beside the title (the
 * reader sees where a link goes before following it). Anything else (`javascript:`, `http:`, a
 * malformed URL) is `undefined`, shown as a title without a link.
 */
export function safeLink(url: string): { href: string; host: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  if (parsed.protocol !== 'https:' || parsed.host === '') return undefined;
  return { href: parsed.href, host: parsed.host };
}

/** The list with `briefing` in it: replaced where its id is, else added. */
export function upsert(briefings: readonly Briefing[], briefing: Briefing): Briefing[] {
  const index = briefings.findIndex((item) => item.id === briefing.id);
  if (index === -1) return [...briefings, briefing];
  const next = [...briefings];
  next[index] = briefing;
  return next;
}

/**
 * A publisher's status after a live acknowledgement: the officer moves from `pending` to
 * `acknowledged` (earliest first) in their team. Unchanged (the same object) when the
 * acknowledgement is of another briefing, already counted, or of an officer not listed.
 */
export function withAcknowledgement(status: BriefingStatus, acknowledgement: BriefingAcknowledgement): BriefingStatus {
  if (status.briefingId !== acknowledgement.briefingId) return status;
  const { officerId, acknowledgedAt } = acknowledgement;
  let changed = false;
  const teams = status.teams.map((team) => {
    const officer = team.pending.find((item) => item.officerId === officerId);
    if (!officer) return team;
    changed = true;
    const acknowledged = [...team.acknowledged, { officerId, displayName: officer.displayName, acknowledgedAt }].sort(
      (a, b) => Date.parse(a.acknowledgedAt) - Date.parse(b.acknowledgedAt),
    );
    return { ...team, acknowledged, pending: team.pending.filter((item) => item.officerId !== officerId) };
  });
  return changed ? { ...status, teams } : status;
}

/** The name of an officer still pending in a status, to announce their acknowledgement. */
export function pendingName(status: BriefingStatus, officerId: string): string | undefined {
  for (const team of status.teams) {
    const officer = team.pending.find((item) => item.officerId === officerId);
    if (officer) return officer.displayName;
  }
  return undefined;
}

/** The outbox kind of an acknowledgement, and its `ref` the briefing id. */
export const ACK_KIND = 'briefing-ack';

/**
 * Where an acknowledgement made on this device stands: `sending` (the outbox sends it now),
 * `waiting` (offline: it is kept and sent when the network returns), `sent` (the server has it;
 * its time comes with the stream or the list), `failed` (refused: the officer may try again).
 */
export type AckState = 'sending' | 'waiting' | 'sent' | 'failed';

/**
 * The acknowledgements in the device's outbox, by briefing id: the last one queued for a
 * briefing speaks. A write waiting in the outbox is `waiting` while the browser is offline or
 * its last attempt found no network (a connection that is up but reaches nothing), else
 * `sending`, and `sending` while it is being sent; one that needs attention is `failed`.
 */
export function ackStates(items: readonly Pick<OutboxItem, 'kind' | 'ref' | 'state' | 'lastFailure'>[], online: boolean): Map<string, AckState> {
  const states = new Map<string, AckState>();
  for (const item of items) {
    if (item.kind !== ACK_KIND || item.ref === undefined) continue;
    const unreachable = !online || item.lastFailure?.reason === 'network' || item.lastFailure?.reason === 'timeout';
    states.set(item.ref, item.state === 'sent' ? 'sent' : item.state === 'needs_attention' ? 'failed' : item.state === 'sending' || !unreachable ? 'sending' : 'waiting');
  }
  return states;
}
