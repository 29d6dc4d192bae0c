import { seedZone } from '../seed/zone-seed.js';
import { BookingDesk } from './bookings.js';
import { systemClock, type Clock } from './clock.js';
import { IdempotencyStore } from './idempotency.js';
import { ZoneStore } from './zone-store.js';

/** Options of {@link createZone}. */
export interface ZoneOptions {
  /** Seed of the fictional data; the same seed gives the same zone. Default 1. */
  seed?: number | undefined;
  /** Where "now" comes from. Default: the system clock. */
  clock?: Clock | undefined;
  /** How long a slot hold lasts, in milliseconds. Default 5 minutes. */
  holdTtlMs?: number | undefined;
}

/** The mock backend's whole state: directory, idempotency keys, clock, and how to start over. */
export interface Zone {
  readonly store: ZoneStore;
  /** Availability, holds, bookings, manage links, home visits, absences and agendas. */
  readonly bookings: BookingDesk;
  readonly idempotency: IdempotencyStore;
  readonly clock: Clock;
  /** The seed the current data came from. */
  readonly seed: number;
  /** Restores the seeded state (optionally from another seed), drops bookings and forgets idempotency keys. */
  reset(seed?: number): void;
}

/**
 * Creates the mock backend's state, seeded deterministically. Runs anywhere: Node, a browser,
 * a service worker.
 *
 * @example
 * ```ts
 * const zone = createZone({ seed: 7, clock: createFixedClock('2027-03-01T09:00:00+01:00') });
 * const { officer } = zone.store.officerForAddress({ postalCode, street: 'kerkstr.', houseNumber: '12A' });
 * ```
 */
export function createZone(options: ZoneOptions = {}): Zone {
  const clock = options.clock ?? systemClock;
  let seed = normalizeSeed(options.seed ?? 1);
  const data = seedZone(seed, clock);
  const store = new ZoneStore(data);
  const bookings = new BookingDesk({ directory: store, clock, absences: data.absences, holdTtlMs: options.holdTtlMs });
  const idempotency = new IdempotencyStore({ clock });
  return {
    store,
    bookings,
    idempotency,
    clock,
    get seed() {
      return seed;
    },
    reset(nextSeed) {
      seed = normalizeSeed(nextSeed ?? seed);
      const next = seedZone(seed, clock);
      store.replace(next);
      bookings.replace(next.absences);
      idempotency.clear();
    },
  };
}

function normalizeSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`A seed is a whole number, got ${seed}.`);
  return seed;
}
