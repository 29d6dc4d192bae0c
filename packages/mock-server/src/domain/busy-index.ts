import type { Interval } from './slots.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When each officer is busy, filed by officer and by UTC day, so a question about one day reads
 * that day's entries only: the cost of availability does not grow with the number of bookings
 * ever made, and a cancelled booking is simply not in here. Entries have a key (a booking or
 * visit id) so a reschedule moves one and a cancellation removes it.
 *
 * UTC days, not the office's dates, keep the index free of time zones: a date in any zone spans
 * at most two UTC days, and {@link BusyIndex.during} reads every UTC day a span touches.
 *
 * @example
 * ```ts
 * const index = new BusyIndex();
 * index.set('booking-1', 'officer-01', { start: Date.parse('2027-03-29T07:30:00Z'), end: Date.parse('2027-03-29T08:00:00Z') });
 * index.during('officer-01', { start: Date.parse('2027-03-29T00:00:00Z'), end: Date.parse('2027-03-30T00:00:00Z') });
 * ```
 */
export class BusyIndex {
  /** officerId → UTC day number → key → interval. */
  readonly #byOfficer = new Map<string, Map<number, Map<string, Interval>>>();
  /** key → where it is filed, to move or remove it. */
  readonly #placed = new Map<string, { officerId: string; interval: Interval }>();

  /** How many entries there are. */
  get size(): number {
    return this.#placed.size;
  }

  /** Files `interval` for `officerId` under `key`, replacing what the key held before. */
  set(key: string, officerId: string, interval: Interval): void {
    this.delete(key);
    if (!(interval.end > interval.start)) return;
    let days = this.#byOfficer.get(officerId);
    if (!days) this.#byOfficer.set(officerId, (days = new Map()));
    for (let day = dayOf(interval.start); day <= dayOf(interval.end - 1); day++) {
      let entries = days.get(day);
      if (!entries) days.set(day, (entries = new Map()));
      entries.set(key, interval);
    }
    this.#placed.set(key, { officerId, interval });
  }

  /** Removes the entry `key`, if there is one. */
  delete(key: string): void {
    const placed = this.#placed.get(key);
    if (!placed) return;
    this.#placed.delete(key);
    const days = this.#byOfficer.get(placed.officerId);
    if (!days) return;
    for (let day = dayOf(placed.interval.start); day <= dayOf(placed.interval.end - 1); day++) {
      const entries = days.get(day);
      if (!entries) continue;
      entries.delete(key);
      if (entries.size === 0) days.delete(day);
    }
  }

  /**
   * The keys and intervals of an officer that overlap `span`, each once, except the key
   * `exceptKey` (the caller's own booking when it moves). Reads only the UTC days `span` touches.
   */
  during(officerId: string, span: Interval, exceptKey?: string): Array<{ key: string; interval: Interval }> {
    const days = this.#byOfficer.get(officerId);
    const found: Array<{ key: string; interval: Interval }> = [];
    if (!days || !(span.end > span.start)) return found;
    const seen = new Set<string>();
    const last = dayOf(span.end - 1);
    for (let day = dayOf(span.start); day <= last; day++) {
      const entries = days.get(day);
      if (!entries) continue;
      for (const [key, interval] of entries) {
        if (key === exceptKey || seen.has(key) || !(interval.start < span.end && span.start < interval.end)) continue;
        seen.add(key);
        found.push({ key, interval });
      }
    }
    return found;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#byOfficer.clear();
    this.#placed.clear();
  }
}

function dayOf(instant: number): number {
  return Math.floor(instant / DAY_MS);
}
