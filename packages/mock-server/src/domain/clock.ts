/** Where "now" comes from. Injected everywhere so tests can freeze or move time. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told otherwise; for tests and reproducible demos. */
export interface FixedClock extends Clock {
  /** Moves the clock to `instant`. */
  set(instant: Date | string): void;
  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void;
}

/**
 * Creates a clock frozen at `start`.
 *
 * @example
 * ```ts
 * const clock = createFixedClock('2027-03-01T09:00:00+01:00');
 * clock.advance(24 * 60 * 60 * 1000);
 * ```
 */
export function createFixedClock(start: Date | string): FixedClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new RangeError(`Not a valid instant: ${String(start)}`);
  return {
    // A fresh Date each time, so a caller mutating it cannot move the clock.
    now: () => new Date(current),
    set(instant) {
      const next = new Date(instant).getTime();
      if (Number.isNaN(next)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
      current = next;
    },
    advance(ms) {
      current += ms;
    },
  };
}

/**
 * A clock that starts at `start` and then runs on in real time: `start + (elapsed() - t0)`.
 * What `blauw-mock-server --now` uses, so a demo can be set on a month end or a DST day and
 * still see holds lapse. `elapsed` is a monotonic millisecond counter (default
 * `performance.now`, which a change of the system time does not move); tests inject their own.
 *
 * @example
 * ```ts
 * const clock = createOffsetClock('2027-04-30T21:30:00Z');
 * clock.now(); // 2027-04-30T21:30:00.000Z, a little later on each call
 * ```
 */
export function createOffsetClock(start: Date | string, elapsed: () => number = () => performance.now()): Clock {
  const startMs = new Date(start).getTime();
  if (Number.isNaN(startMs)) throw new RangeError(`Not a valid instant: ${String(start)}`);
  const origin = elapsed();
  return { now: () => new Date(startMs + (elapsed() - origin)) };
}
