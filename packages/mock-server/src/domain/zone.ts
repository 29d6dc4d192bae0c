import { seedZone } from '../seed/zone-seed.js';
import { systemClock, type Clock } from './clock.js';
import { IdempotencyStore } from './idempotency.js';
import { ZoneStore } from './zone-store.js';

/** Options of {@link createZone}. */
export interface ZoneOptions {
  /** Seed of the fictional data; the same seed gives the same zone. Default 1. */
  seed?: number | undefined;
  /** Where "now" comes from. Default: the system clock. */
  clock?: Clock | undefined;
}

/** The mock backend's whole state: directory, idempotency keys, clock, and how to start over. */
export interface Zone {
  readonly store: ZoneStore;
  readonly idempotency: IdempotencyStore;
  readonly clock: Clock;
  /** The seed the current data came from. */
  readonly seed: number;
  /** Restores the seeded state (optionally from another seed) and forgets idempotency keys. */
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
  const store = new ZoneStore(seedZone(seed, clock));
  const idempotency = new IdempotencyStore({ clock });
  return {
    store,
    idempotency,
    clock,
    get seed() {
      return seed;
    },
    reset(nextSeed) {
      seed = normalizeSeed(nextSeed ?? seed);
      store.replace(seedZone(seed, clock));
      idempotency.clear();
    },
  };
}

function normalizeSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`A seed is a whole number, got ${seed}.`);
  return seed;
}
