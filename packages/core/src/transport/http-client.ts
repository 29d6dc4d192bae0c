// The only file that sends requests. It was built on ky; ky 1.x alone is 4.8 kB min+gzip, a sixth
// of the booking widget's whole 30 kB budget, for the retry loop below and a timeout. Written on
// fetch it is a fraction of that, with the same behaviour (the transport tests pin it).
import { AbortedError, NetworkError, TimeoutError } from '../errors.js';
import { parseRetryAfter } from './problem-to-error.js';
import { redactQuery } from './request-label.js';
import type { HookContext, Hooks, LogFields, Logger, RetryState } from './hooks.js';
import { backoffDelay, retryAfterStatuses, retryStatuses, type RetryPolicy } from './retry-policy.js';

/**
 * Query parameters; `undefined` values are left out.
 *
 * @category Client
 */
export type Query = Record<string, string | number | boolean | undefined>;

/** Settings shared by every request of one client. */
export interface HttpClientOptions {
  /** Absolute base URL ending in `/`. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  hooks?: Hooks | undefined;
  logger?: Logger | undefined;
}

/** One logical request; retries of it are made here, invisibly to the caller. */
export interface HttpRequest {
  method: string;
  /** Relative to the base URL, no leading slash. */
  path: string;
  /** `METHOD /path` without query, ids as `*`: used in error messages, hooks and logs. */
  label: string;
  query?: Query | undefined;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is instead of `body` (a photo's bytes), with the `content-type` the caller put in `headers`. */
  rawBody?: Blob | ArrayBuffer | undefined;
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt may take. */
  timeout: number;
  retry: RetryPolicy;
}

// Jitter spreads apart clients that failed together, so they do not come back in the same
// instant, while keeping the exponential growth of the delay; the cap applies after it.
const backoff = (attempt: number, retry: RetryPolicy): number =>
  Math.min(backoffDelay(attempt) * (0.5 + Math.random() * 0.5), retry.backoffLimit);

/** A log line's fields for one answer. */
export const answerFields = (label: string, attempt: number, started: number, response: Response): LogFields => ({
  request: label,
  attempt,
  status: response.status,
  ms: Math.round(performance.now() - started),
  requestId: response.headers.get('x-request-id') ?? undefined,
});

/**
 * Sends requests with retries, backoff and `Retry-After`, running the hooks around each attempt;
 * resolves every status with its `Response`.
 */
export class HttpClient {
  readonly #options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.#options = options;
  }

  /**
   * Sends `request`, retrying what may pass. Resolves with the final response whatever its status;
   * rejects with {@link TimeoutError}, {@link AbortedError} or {@link NetworkError} when no response
   * came.
   */
  async send(request: HttpRequest): Promise<Response> {
    const { signal, label, retry } = request;
    const { fetch = globalThis.fetch, hooks = {}, logger } = this.#options;
    const url = new URL(request.path, this.#options.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.append(name, String(value));
    }
    const headers = { ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.rawBody ?? (request.body === undefined ? null : JSON.stringify(request.body));

    for (let attempt = 1; ; attempt++) {
      let wait: number;
      let retryState: Pick<RetryState, 'response' | 'error'>;
      const context: HookContext = { request: label, attempt };
      const attemptSignal = withTimeout(signal, request.timeout, label);
      let sent = new Request(url, { method: request.method, headers, body, signal: attemptSignal.signal });
      const started = performance.now();
      try {
        let response: Response | undefined;
        for (const hook of hooks.beforeRequest ?? []) {
          const replaced = await hook(sent, context);
          if (replaced instanceof Response) {
            response = replaced;
            break;
          }
          if (replaced instanceof Request) sent = replaced;
        }
        response ??= await fetch(sent);
        for (const hook of hooks.afterResponse ?? []) {
          // As in ky, only a Response replaces the answer; any other return value is ignored.
          const replaced: unknown = await hook(sent, context, response);
          if (replaced instanceof Response) response = replaced;
        }
        const fields = answerFields(label, attempt, started, response);
        if (attempt > retry.limit || !retryStatuses.includes(response.status)) {
          logger?.debug(`${label} → ${response.status} (${fields.ms} ms)`, fields);
          return response;
        }
        logger?.warn(`${label} → ${response.status} (${fields.ms} ms), retrying`, fields);
        const retryAfter = retryAfterStatuses.includes(response.status)
          ? parseRetryAfter(response.headers.get('retry-after'))
          : undefined;
        wait = retryAfter === undefined ? backoff(attempt, retry) : Math.min(retryAfter * 1000, retry.maxRetryAfter);
        // Free the connection of the refused answer. Not awaited: cancelling a teed stream (as msw
        // hands out) may never settle, and nothing depends on it.
        response.body?.cancel().catch(ignoreCancelFailure);
        retryState = { response, error: undefined };
      } catch (error) {
        const stopped = failure(error, label, request.timeout, signal, attemptSignal.timedOut(), attempt);
        // Only a failed connection is tried again; an abort, a timeout or our own bug is final.
        if (!(stopped instanceof NetworkError) || attempt > retry.limit) throw stopped;
        logger?.warn(`${label} failed (${stopped.kind}), retrying`, { request: label, attempt, ms: Math.round(performance.now() - started), kind: stopped.kind });
        wait = backoff(attempt, retry);
        retryState = { response: undefined, error: stopped };
      } finally {
        attemptSignal.clear();
      }
      await sleep(wait, signal, label);
      for (const hook of hooks.beforeRetry ?? []) await hook({ request: sent, context, retryCount: attempt, ...retryState });
    }
  }

  /**
   * Reads a response body as text, or as bytes (`blob`, a photo); a drop or an abort while reading
   * fails like one while sending.
   */
  async readText(response: Response, label: string, signal: AbortSignal | undefined, blob?: boolean): Promise<string | Blob> {
    try {
      return await (blob ? response.blob() : response.text());
    } catch (error) {
      throw failure(error, label, undefined, signal, false, 1);
    }
  }
}

// A body we no longer want failed to cancel: the connection is gone either way.
const ignoreCancelFailure = (): void => undefined;

/** A signal that aborts with the caller's, or by itself after `timeout` ms. */
function withTimeout(
  outer: AbortSignal | undefined,
  timeout: number,
  label: string,
): { signal: AbortSignal; timedOut(): boolean; clear(): void } {
  const controller = new AbortController();
  // Named after the request without its query, so the cause never carries personal data.
  const expired = new DOMException(`${label} timed out`, 'TimeoutError');
  const abort = () => controller.abort(outer?.reason);
  if (outer?.aborted) abort();
  outer?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(() => controller.abort(expired), timeout);
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.reason === expired,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    },
  };
}

/** Waits between attempts; the caller's abort ends the wait at once. */
function sleep(ms: number, signal: AbortSignal | undefined, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      done();
      reject(failure(undefined, label, undefined, signal, false, 1));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** The error for a request that got no (complete) response. Unknown errors pass through unchanged. */
function failure(
  error: unknown,
  label: string,
  timeout: number | undefined,
  signal: AbortSignal | undefined,
  isTimeout: boolean,
  attempt: number,
): unknown {
  // The caller's AbortSignal.timeout() aborts with a TimeoutError: a timeout, not a cancellation.
  const callerTimedOut = signal?.aborted === true && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
  if (signal?.aborted === true && !callerTimedOut) {
    return new AbortedError(`${label} was cancelled by the caller.`, { request: label, cause: signal.reason });
  }
  if (isTimeout || callerTimedOut) {
    const within = callerTimedOut ? "within the caller's time limit" : timeout === undefined ? 'in time' : `within ${timeout} ms`;
    return new TimeoutError(
      `${label} got no answer ${within}. Try again; if it keeps happening, the server or the connection is slow.`,
      // The abort reason: ours is named after the request without its query.
      { request: label, cause: callerTimedOut ? signal?.reason : error },
    );
  }
  if (error instanceof TypeError) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return new NetworkError(
      offline
        ? `${label} could not be sent: the device is offline. Try again when the connection is back.`
        : `${label} could not reach the server${attempt > 1 ? `, also after ${attempt - 1} ${attempt > 2 ? 'retries' : 'retry'}` : ''}. Check the connection and try again.`,
      { request: label, cause: redactQuery(error), offline },
    );
  }
  return error;
}
