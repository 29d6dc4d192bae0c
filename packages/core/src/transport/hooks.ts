import type { BlauwError, ErrorKind } from '../errors.js';

/**
 * What a hook knows about the call besides the `Request`: its label (`METHOD /path`, ids as `*`)
 * and which attempt this is (1 for the first).
 *
 * @category Client
 */
export interface HookContext {
  /** `METHOD /path` without query, path ids as `*`: safe to log. */
  readonly request: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/**
 * Runs before every attempt, retries included, with the `Request` about to be sent. Change its
 * headers in place, return another `Request` to send instead, or a `Response` to answer without
 * the network (a cache, a test).
 *
 * @category Client
 */
export type BeforeRequestHook = (request: Request, context: HookContext) => Request | Response | void | Promise<Request | Response | void>;

/**
 * Runs after every response, before the SDK reads it; return another `Response` to use instead.
 *
 * @category Client
 */
export type AfterResponseHook = (request: Request, context: HookContext, response: Response) => Response | void | Promise<Response | void>;

/**
 * What a retry follows: the response that asked for it (429, 502, 503, 504) or the connection error.
 *
 * @category Client
 */
export interface RetryState {
  /** The request that will be sent again. */
  readonly request: Request;
  readonly context: HookContext;
  /** The answer that asked for a retry, when one came. */
  readonly response: Response | undefined;
  /** The error of the attempt, when no answer came (a `NetworkError`). */
  readonly error: BlauwError | undefined;
  /** 1 before the first retry, 2 before the second, … */
  readonly retryCount: number;
}

/**
 * Runs before each retry, after the wait. Throwing stops retrying with that error.
 *
 * @category Client
 */
export type BeforeRetryHook = (state: RetryState) => void | Promise<void>;

/**
 * Runs on every error the call is about to throw; return the error to throw (the same one, changed,
 * or another `BlauwError`).
 *
 * @category Client
 */
export type BeforeErrorHook = (error: BlauwError) => BlauwError | Promise<BlauwError>;

/**
 * Functions the client calls around each request, with ky's names, arguments and order:
 * `beforeRequest` → fetch → `afterResponse` → (`beforeRetry` → `beforeRequest` → fetch →
 * `afterResponse`)… → `beforeError` when the call fails. Hooks of one kind run in array order.
 *
 * @example
 * ```ts
 * const client = createClient({
 *   baseUrl,
 *   hooks: {
 *     beforeRequest: [(request) => request.headers.set('X-Trace-Id', traceId())],
 *     beforeError: [(error) => { metrics.count(error.kind); return error; }],
 *   },
 * });
 * ```
 *
 * @category Client
 */
export interface Hooks {
  beforeRequest?: readonly BeforeRequestHook[] | undefined;
  afterResponse?: readonly AfterResponseHook[] | undefined;
  beforeRetry?: readonly BeforeRetryHook[] | undefined;
  beforeError?: readonly BeforeErrorHook[] | undefined;
}

/**
 * What the client tells a {@link Logger} about one exchange. It never holds personal data or
 * secrets: no query, no headers, no bodies, and ids in the path as `*`.
 *
 * @category Client
 */
export interface LogFields {
  /** `METHOD /path`, ids as `*`, e.g. `POST /v1/manage/*\/cancel`. */
  request: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** HTTP status, when an answer came. */
  status?: number | undefined;
  /** Milliseconds from sending to the answer (or the failure). */
  ms: number;
  /** The server's `X-Request-Id`. */
  requestId?: string | undefined;
  /** The kind of error, when the exchange failed. */
  kind?: ErrorKind | undefined;
}

/**
 * Where the client reports its requests; `console` fits. `debug` gets every answer, `warn` every
 * retry and failure.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, logger: console });
 * // debug: "GET /v1/offices → 200 (43 ms)" { request: 'GET /v1/offices', attempt: 1, status: 200, ms: 43, requestId: '…' }
 * ```
 *
 * @category Client
 */
export interface Logger {
  debug(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
}
