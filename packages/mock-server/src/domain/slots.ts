import type { AvailabilityDay, ClosedDay, Office, OfficeClosure, Slot, Topic } from '@blauw/core';
import { publicHolidayOn } from './holidays.js';
import { addDays, dateInZone, formatZoned, isoWeekday, zonedTimeToInstant } from './zoned-time.js';

// Which slots are free: the office's weekly opening periods cut into pieces of the topic's
// length, for each officer of the office, minus public holidays, office closures, the officer's
// absences, bookings and live holds, minus what is too soon (lead time) or too far (horizon).
// Pure: the caller passes "now" and who is busy when.

const MINUTE_MS = 60_000;

/** A half-open span of time `[start, end)` in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Everything the slot rules need to know about one office and one topic. */
export interface SlotContext {
  office: Office;
  topic: Topic;
  /** The officers whose slots count, in the order an office's availability prefers them. */
  officerIds: readonly string[];
  /** Closures of this office (dates inclusive, in the office's zone). */
  closures: readonly OfficeClosure[];
  /**
   * When an officer is not free (absences, bookings, live holds, confirmed home visits), at
   * least every span that overlaps `span`; more does no harm. The rules ask once per officer and
   * date, for that date's opening hours, so an index by day answers without reading the rest.
   */
  busy(officerId: string, span: Interval): readonly Interval[];
  now: Date;
}

/** What a slot id says: whose slot, for which topic, starting when. */
export interface SlotReference {
  officerId: string;
  topicId: string;
  start: Date;
}

/**
 * A slot's id: `${officerId}.${topicId}.${start as UTC, compact}`, e.g.
 * `officer-01.topic-domicile.20270329T073000Z`. Opaque to clients but self-describing, so the
 * server can re-check a slot it never stored (ids and topics never contain a dot).
 */
export function slotId(reference: SlotReference): string {
  const compact = reference.start.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${reference.officerId}.${reference.topicId}.${compact}`;
}

/** Reads a slot id back; `undefined` when it is not one this server made. */
export function parseSlotId(id: string): SlotReference | undefined {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(id);
  if (!match) return undefined;
  const [, officerId, topicId, year, month, day, hour, minute, second] = match as unknown as string[];
  const start = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  if (Number.isNaN(start.getTime()) || slotId({ officerId: officerId!, topicId: topicId!, start }) !== id) return undefined;
  return { officerId: officerId!, topicId: topicId!, start };
}

/**
 * The slot times an office's opening hours give on one date, for a meeting of `durationMinutes`.
 *
 * Each opening period becomes a span of real time: its `opens` and `closes` wall times are
 * converted to instants (a boundary in the hour skipped in spring moves forward with the clock;
 * one in the hour repeated in autumn takes the first occurrence). Slots start at `opens` and
 * step by the duration in elapsed time; the last one ends at or before `closes`. So on the
 * daylight-saving days no slot is missing, doubled or overlapping, and each start's offset is
 * the one in force at that instant.
 */
export function openingSlotTimes(office: Office, durationMinutes: number, date: string): Interval[] {
  // Converting wall times costs several Intl calls each; a date's slot times never change for
  // an office object (a reset brings new objects), so each is worked out once.
  let byDate = slotTimesCache.get(office);
  if (!byDate || byDate.size >= CACHE_LIMIT) slotTimesCache.set(office, (byDate = new Map()));
  const key = `${durationMinutes}|${date}`;
  let times = byDate.get(key);
  if (!times) byDate.set(key, (times = computeSlotTimes(office, durationMinutes, date)));
  return times.map((time) => ({ ...time }));
}

const CACHE_LIMIT = 4096;
const slotTimesCache = new WeakMap<Office, Map<string, Interval[]>>();

function computeSlotTimes(office: Office, durationMinutes: number, date: string): Interval[] {
  const weekday = isoWeekday(date);
  const step = durationMinutes * MINUTE_MS;
  const times: Interval[] = [];
  for (const period of office.openingHours) {
    if (period.weekday !== weekday) continue;
    const opens = zonedTimeToInstant(date, period.opens, office.timeZone).getTime();
    const closes = zonedTimeToInstant(date, period.closes, office.timeZone).getTime();
    for (let start = opens; start + step <= closes; start += step) times.push({ start, end: start + step });
  }
  return times.sort((a, b) => a.start - b.start);
}

/**
 * Why an office takes no bookings on a date (a public holiday with its name, or a recorded
 * closure, whose internal reason stays internal), or `undefined` when it may.
 */
export function dateClosedReason(office: Office, closures: readonly OfficeClosure[], date: string): ClosedDay | undefined {
  const holiday = publicHolidayOn(date);
  if (holiday) return { reason: 'holiday', name: holiday.names };
  if (closures.some((closure) => closure.officeId === office.id && closure.from <= date && date <= closure.to)) return { reason: 'closure' };
  return undefined;
}

/** The last date a citizen may book at an office, counted from today in the office's zone. */
export function horizonEnd(office: Office, now: Date): string {
  return addDays(dateInZone(now, office.timeZone), office.horizonDays);
}

/** Whether two spans share any time. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every free slot on a date, for every officer in `context.officerIds`, earliest first (and in
 * officer order for the same start).
 */
export function freeSlotsOn(context: SlotContext, date: string): Slot[] {
  return freeTimesOn(context, date).map(({ officerId, time }) => toSlot(context.office, context.topic.id, officerId, time));
}

/** Whether a date has any free slot: {@link freeSlotsOn} without formatting the slots. */
export function hasFreeSlotOn(context: SlotContext, date: string): boolean {
  return freeTimesOn(context, date, 1).length > 0;
}

/** The free (officer, time) pairs of a date, in slot order; at most `limit`. */
function freeTimesOn(context: SlotContext, date: string, limit = Infinity): Array<{ officerId: string; time: Interval }> {
  const { office, topic, now } = context;
  const earliest = now.getTime() + office.minLeadMinutes * MINUTE_MS;
  if (date < zonedDate(earliest, office.timeZone) || date > addDays(zonedDate(now.getTime(), office.timeZone), office.horizonDays)) return [];
  if (dateClosedReason(office, context.closures, date) !== undefined) return [];
  const times = openingSlotTimes(office, topic.durationMinutes, date).filter((time) => time.start >= earliest);
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  // One question per officer for the whole day, not one per slot.
  const day = { start: first.start, end: last.end };
  const busyOf = new Map(context.officerIds.map((officerId) => [officerId, context.busy(officerId, day)] as const));
  const free: Array<{ officerId: string; time: Interval }> = [];
  for (const time of times) {
    for (const officerId of context.officerIds) {
      if ((busyOf.get(officerId) ?? []).some((busy) => overlaps(busy, time))) continue;
      free.push({ officerId, time });
      if (free.length >= limit) return free;
    }
  }
  return free;
}

/** One slot per start time: the first free officer in the context's order. */
export function onePerStart(slots: readonly Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => {
    if (seen.has(slot.start)) return false;
    seen.add(slot.start);
    return true;
  });
}

/**
 * Free slots of a date as a client sees them: one per start time (for an office, the first free
 * officer; for one officer, simply theirs).
 */
export function offeredSlotsOn(context: SlotContext, date: string): Slot[] {
  return onePerStart(freeSlotsOn(context, date));
}

/**
 * Availability from `from` to `to` (inclusive): every date, with its free slots (maybe none),
 * and the first later date with a free slot within the horizon.
 */
export function availabilityDays(context: SlotContext, from: string, to: string): { days: AvailabilityDay[]; nextFreeDate: string | null } {
  const days: AvailabilityDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const closed = dateClosedReason(context.office, context.closures, date);
    days.push({ date, slots: offeredSlotsOn(context, date), ...(closed ? { closed } : {}) });
  }
  // Bounded by the horizon whatever the range: no day before today has a free slot, so the
  // search starts at today at the earliest (a range far in the past must not walk the centuries).
  const last = horizonEnd(context.office, context.now);
  const today = dateInZone(context.now, context.office.timeZone);
  const after = addDays(to, 1);
  let nextFreeDate: string | null = null;
  for (let date = after < today ? today : after; date <= last; date = addDays(date, 1)) {
    if (hasFreeSlotOn(context, date)) {
      nextFreeDate = date;
      break;
    }
  }
  return { days, nextFreeDate };
}

/**
 * Up to `limit` offered slots starting at or after `after`, closest first, other than the slot
 * `excludeId`: the alternatives a `409 slot_taken` proposes.
 */
export function slotsAfter(context: SlotContext, after: Date, limit: number, excludeId?: string): Slot[] {
  const found: Slot[] = [];
  const last = horizonEnd(context.office, context.now);
  const today = dateInZone(context.now, context.office.timeZone);
  const first = dateInZone(after, context.office.timeZone);
  for (let date = first < today ? today : first; date <= last && found.length < limit; date = addDays(date, 1)) {
    for (const slot of offeredSlotsOn(context, date)) {
      if (slot.id === excludeId || Date.parse(slot.start) < after.getTime()) continue;
      found.push(slot);
      if (found.length === limit) break;
    }
  }
  return found;
}

/** Whether the referenced slot is offered right now (free, within lead time and horizon). */
export function isFree(context: SlotContext, reference: SlotReference): Slot | undefined {
  if (!context.officerIds.includes(reference.officerId) || reference.topicId !== context.topic.id) return undefined;
  const date = dateInZone(reference.start, context.office.timeZone);
  const start = reference.start.getTime();
  const free = freeTimesOn({ ...context, officerIds: [reference.officerId] }, date).find(({ time }) => time.start === start);
  return free ? toSlot(context.office, context.topic.id, reference.officerId, free.time) : undefined;
}

function toSlot(office: Office, topicId: string, officerId: string, time: Interval): Slot {
  const start = new Date(time.start);
  return {
    id: slotId({ officerId, topicId, start }),
    start: zonedText(time.start, office.timeZone),
    end: zonedText(time.end, office.timeZone),
    officeId: office.id,
    officerId,
  };
}

// Formatting an instant in a zone takes Intl calls; the same slot starts and ends come back in
// every availability request, so their texts and dates are kept (bounded; started over when full).
const zonedTexts = new Map<string, Map<number, string>>();
const zonedDates = new Map<string, Map<number, string>>();

function remembered(cache: Map<string, Map<number, string>>, instant: number, timeZone: string, compute: () => string): string {
  let byInstant = cache.get(timeZone);
  if (!byInstant || byInstant.size >= CACHE_LIMIT * 4) cache.set(timeZone, (byInstant = new Map()));
  let text = byInstant.get(instant);
  if (text === undefined) byInstant.set(instant, (text = compute()));
  return text;
}

function zonedText(instant: number, timeZone: string): string {
  return remembered(zonedTexts, instant, timeZone, () => formatZoned(instant, timeZone));
}

function zonedDate(instant: number, timeZone: string): string {
  return remembered(zonedDates, instant, timeZone, () => dateInZone(instant, timeZone));
}
