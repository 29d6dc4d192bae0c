/**
 * How the transport retries a request that failed for a reason that may pass.
 *
 * @category Client
 */
export interface RetryOptions {
  /** Retries after the first attempt. `0` turns retrying off. Default `2`. */
  limit?: number;
  /** Longest wait between two attempts in milliseconds, before jitter. Default `10_000`. */
  backoffLimit?: number;
  /**
   * Longest wait a server's `Retry-After` may impose, in milliseconds. A longer `Retry-After` is
   * cut to this. Default `60_000`.
   */
  maxRetryAfter?: number;
}

/** The retry settings with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Fills in the defaults of {@link RetryOptions}. */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    limit: options.limit ?? 2,
    backoffLimit: options.backoffLimit ?? 10_000,
    maxRetryAfter: options.maxRetryAfter ?? 60_000,
  };
}

// Writes retry too: every write carries an Idempotency-Key, so a replay cannot duplicate it.
export const retryMethods = ['get', 'head', 'options', 'post', 'put', 'patch', 'delete'];

// Statuses that say "try again": the gateway or the server is briefly unavailable, or we are too
// fast. A 500 is a bug on the server and is not retried: the same request would fail the same way.
export const retryStatuses = [429, 502, 503, 504];

/** Statuses whose `Retry-After` header sets the wait before the next attempt. */
export const retryAfterStatuses = [429, 503];

/** Exponential backoff: 300 ms, 600 ms, 1.2 s, … for attempt 1, 2, 3, … (before cap and jitter). */
export const backoffDelay = (attempt: number): number => 300 * 2 ** (attempt - 1);
