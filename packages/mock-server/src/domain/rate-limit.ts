import type { Clock } from './clock.js';

/** How fast a client may write: a token bucket that refills `perMinute` tokens a minute, up to `burst`. */
export interface RateLimit {
  /** Sustained writes per minute. */
  perMinute: number;
  /** Writes allowed at once after a quiet spell (the bucket's size). */
  burst: number;
}

/**
 * The limit on anonymous writes `blauw-mock-server` applies unless told otherwise: 20 writes a
 * minute with bursts of 10. A citizen booking (hold, book) and then managing (reschedule, cancel)
 * uses a handful; a script hoarding slots is slowed to one write every 3 seconds.
 */
export const DEFAULT_ANONYMOUS_WRITE_LIMIT: Readonly<RateLimit> = { perMinute: 20, burst: 10 };

/** What {@link RateLimiter.take} decided. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  /** Epoch ms of the last refill. */
  at: number;
}

/**
 * Token buckets per client, on the injected clock. Buckets that have refilled completely are
 * forgotten as clients come and go (checked on access, no timer), so memory follows the number
 * of clients active in the last `burst / perMinute` minutes, capped at `maxClients`.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ clock, limit: { perMinute: 20, burst: 10 } });
 * const decision = limiter.take('client:203.0.113.7');
 * if (!decision.allowed) answer429(decision.retryAfterSeconds);
 * ```
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #limit: RateLimit;
  readonly #maxClients: number;
  /** By client, least recently used first. */
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: { clock: Clock; limit: RateLimit; maxClients?: number | undefined }) {
    const { perMinute, burst } = options.limit;
    if (!(perMinute > 0 && Number.isFinite(perMinute))) throw new RangeError(`perMinute must be more than 0, got ${perMinute}.`);
    if (!(burst >= 1 && Number.isFinite(burst))) throw new RangeError(`burst must be 1 or more, got ${burst}.`);
    this.#clock = options.clock;
    this.#limit = { perMinute, burst };
    this.#maxClients = options.maxClients ?? 100_000;
  }

  /** The limit this limiter applies. */
  get limit(): Readonly<RateLimit> {
    return this.#limit;
  }

  /** How many clients are remembered (those whose bucket is not full). */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one token from `client`'s bucket, or says how many seconds until one is there. */
  take(client: string): RateDecision {
    const now = this.#clock.now().getTime();
    const msPerToken = 60_000 / this.#limit.perMinute;
    const bucket = this.#refill(this.#buckets.get(client), now, msPerToken);
    this.#buckets.delete(client);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#buckets.set(client, bucket);
      this.#forget(now, msPerToken);
      return { allowed: true };
    }
    this.#buckets.set(client, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.round((1 - bucket.tokens) * msPerToken) / 1000)) };
  }

  /** Forgets every client (the test-control reset). */
  clear(): void {
    this.#buckets.clear();
  }

  #refill(bucket: Bucket | undefined, now: number, msPerToken: number): Bucket {
    if (!bucket) return { tokens: this.#limit.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.#limit.burst, bucket.tokens + elapsed / msPerToken), at: now };
  }

  // Least recently used first: drop buckets that are full again, and the oldest beyond the cap.
  #forget(now: number, msPerToken: number): void {
    for (const [client, bucket] of this.#buckets) {
      const full = bucket.tokens + Math.max(0, now - bucket.at) / msPerToken >= this.#limit.burst;
      if (!full && this.#buckets.size <= this.#maxClients) break;
      this.#buckets.delete(client);
    }
  }
}
