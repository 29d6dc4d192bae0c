// The only file that knows ky. Everything ky-specific (its options, hooks and error classes) stays
// here, so moving to another ky major or to plain fetch touches this file alone.
import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import { AbortedError, NetworkError, TimeoutError } from '../errors.js';
import { redactQuery } from './request-label.js';
import { backoffDelay, retryAfterStatuses, retryMethods, retryStatuses, type RetryPolicy } from './retry-policy.js';

/** Query parameters; `undefined` values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** Settings shared by every request of one client. */
export interface HttpClientOptions {
  /** Absolute base URL ending in `/`. */
  baseUrl: string;
  retry: RetryPolicy;
  fetch?: typeof globalThis.fetch | undefined;
}

/** One logical request; retries of it are made here, invisibly to the caller. */
export interface HttpRequest {
  method: string;
  /** Relative to the base URL, no leading slash. */
  path: string;
  /** `METHOD /path`, used in error messages. */
  label: string;
  query?: Query | undefined;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt may take. */
  timeout: number;
}

// Spreads apart clients that failed together, so they do not come back in the same instant,
// while keeping the exponential growth of the delay.
const jitter = (delay: number): number => delay * (0.5 + Math.random() * 0.5);

/** Sends requests with retries, backoff and `Retry-After`; resolves every status with its `Response`. */
export class HttpClient {
  readonly #ky: KyInstance;

  constructor(options: HttpClientOptions) {
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      retry: {
        limit: options.retry.limit,
        methods: retryMethods,
        statusCodes: retryStatuses,
        afterStatusCodes: retryAfterStatuses,
        maxRetryAfter: options.retry.maxRetryAfter,
        backoffLimit: options.retry.backoffLimit,
        delay: backoffDelay,
        jitter,
      },
    });
  }

  /**
   * Sends `request`, retrying what may pass. Resolves with the final response whatever its status;
   * rejects with {@link TimeoutError}, {@link AbortedError} or {@link NetworkError} when no response
   * came.
   */
  async send(request: HttpRequest): Promise<Response> {
    const { signal } = request;
    const query = searchParams(request.query);
    try {
      return await this.#ky(request.path, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { json: request.body }),
        ...(query === undefined ? {} : { searchParams: query }),
        ...(signal === undefined ? {} : { signal }),
        timeout: request.timeout,
        retry: {
          // Only a failed connection or a retryable status is tried again; an abort, a timeout
          // or an error thrown by our own code is final. `undefined` lets ky apply the status
          // list and Retry-After.
          shouldRetry: ({ error }) =>
            signal?.aborted !== true && (error instanceof HTTPError || error instanceof TypeError) ? undefined : false,
        },
      });
    } catch (error) {
      if (error instanceof HTTPError) return error.response;
      throw failure(error, request.label, request.timeout, signal);
    }
  }

  /** Reads a response body as text; a drop or an abort while reading fails like one while sending. */
  async readText(response: Response, label: string, signal: AbortSignal | undefined): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw failure(error, label, undefined, signal);
    }
  }
}

// Leaves out unset parameters, and the `?` itself when none is left.
function searchParams(query: Query | undefined): URLSearchParams | undefined {
  const entries = Object.entries(query ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]));
  return entries.length === 0 ? undefined : new URLSearchParams(entries);
}

/** The error for a request that got no (complete) response. Unknown errors pass through unchanged. */
function failure(error: unknown, label: string, timeout: number | undefined, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted === true) {
    return new AbortedError(`${label} was cancelled by the caller.`, { request: label, cause: signal.reason });
  }
  if (error instanceof KyTimeoutError) {
    const within = timeout === undefined ? 'in time' : `within ${timeout} ms`;
    return new TimeoutError(
      `${label} got no answer ${within}. Try again; if it keeps happening, the server or the connection is slow.`,
      { request: label, cause: redactQuery(error) },
    );
  }
  if (error instanceof TypeError) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return new NetworkError(
      offline
        ? `${label} could not be sent: the device is offline. Try again when the connection is back.`
        : `${label} could not reach the server, also after retrying. Check the connection and try again.`,
      { request: label, cause: redactQuery(error), offline },
    );
  }
  return error;
}
