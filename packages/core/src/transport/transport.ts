import type { ZodMiniType } from 'zod/mini';
import { ConfigurationError, isBlauwError, ResponseShapeError, UnauthenticatedError, type BlauwError } from '../errors.js';
import { VERSION } from '../version.js';
import type { Hooks, Logger } from './hooks.js';
import { HttpClient, type Query } from './http-client.js';
import type { RequestPath } from './path.js';
import { idempotencyKeyFor } from './idempotency.js';
import { parseRetryAfter, problemToError, readProblem } from './problem-to-error.js';
import { requestLabel } from './request-label.js';
import { retryPolicy, type RetryOptions } from './retry-policy.js';

export type { Query } from './http-client.js';

/**
 * The language answers should be in: a BCP 47 tag (`nl-BE`), or a function read on every request.
 *
 * @category Client
 */
export type LanguageOption = string | (() => string | undefined);

/**
 * How the client reaches the API.
 *
 * @category Client
 */
export interface TransportOptions {
  /** Base URL of the API including its version, e.g. `https://api.zone.example/v1`. */
  baseUrl: string;
  /** Returns the bearer token for the next request, or `undefined` to send none (citizens). */
  getToken?: (() => Promise<string | undefined> | string | undefined) | undefined;
  /**
   * Called once when the API answers 401, to refresh the token; the request is then sent once more
   * with what `getToken` returns next. Concurrent 401s share one refresh.
   */
  onUnauthorized?: (() => Promise<void> | void) | undefined;
  /** Sent as `Accept-Language`. */
  language?: LanguageOption | undefined;
  /** Milliseconds each attempt may take before it fails with `TimeoutError`. Default `10_000`. */
  timeout?: number | undefined;
  /** Retries on dropped connections, 429, 502, 503 and 504; a number sets `limit`. */
  retry?: RetryOptions | number | undefined;
  /** Headers sent with every request (a call's `headers` add to them); `undefined` removes one. */
  headers?: HeaderValues | undefined;
  /** Functions run around each request: see {@link Hooks}. */
  hooks?: Hooks | undefined;
  /** Where to report requests, retries and failures (e.g. `console`); never given personal data or tokens. */
  logger?: Logger | undefined;
  /**
   * Whether to send `Blauw-Client: core/<version>`. Default: always, except from a browser page to
   * another origin, where a non-standard header would cost a CORS preflight before every new URL.
   */
  clientHeader?: boolean | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
 * Options every call accepts, besides its own parameters.
 *
 * @example
 * ```ts
 * await client.zone.offices({ signal: AbortSignal.timeout(3_000), headers: { 'X-Trace': trace }, retry: { limit: 0 } });
 * ```
 *
 * @category Client
 */
export interface CallOptions {
  /** Cancels the call; it then rejects with `AbortedError` (or `TimeoutError` for `AbortSignal.timeout()`). */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call, over the client's `headers`; `undefined` removes one. */
  headers?: HeaderValues | undefined;
  /** Milliseconds each attempt of this call may take; overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries for this call; overrides the client's `retry` field by field. `0` turns them off. */
  retry?: RetryOptions | number | undefined;
}

/**
 * Request headers by name; an `undefined` value removes a header set by the client.
 *
 * @category Client
 */
export type HeaderValues = Record<string, string | undefined>;

/**
 * One call to the API, as a resource describes it.
 *
 * @category Client
 */
export interface RequestOptions<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the base URL: a fixed path such as `offices`, or one built with `path` (ids encoded, and `*` in logs). */
  path: string | RequestPath;
  query?: Query | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is instead of `body`, e.g. a chunk of a photo: the bytes and their media type (`Content-Type`). */
  rawBody?: { data: Blob | ArrayBuffer; contentType: string } | undefined;
  /** Validates the success body; without one the body is ignored and the result is `undefined`. */
  schema?: ZodMiniType<T> | undefined;
  /**
   * How the success body reaches `schema`: parsed as JSON (default), or as the raw text for
   * non-JSON answers such as an `.ics` file (then give a string schema, e.g. `z.string()`).
   * `blob`: the bytes as a `Blob` (a photo), with no `schema`; its media type must be `accept`'s,
   * else the call throws {@link ResponseShapeError}.
   */
  responseType?: 'json' | 'text' | 'blob' | undefined;
  /**
   * The media type of the success body, sent as `Accept`, e.g. `text/calendar`; error answers are
   * always asked for as problem+json too. Default `application/json`.
   */
  accept?: string | undefined;
  /** The caller's per-call options: `signal`, `headers`, `timeout`, `retry`. */
  call?: CallOptions | undefined;
  /** For writes: the key to reuse (an outbox keeps it across reloads). Generated when absent. */
  idempotencyKey?: string | undefined;
  /** Sent as `If-Match`, for updates that must not overwrite a newer version. */
  ifMatch?: string | undefined;
}

/**
 * A parsed body with the response headers callers sometimes need.
 *
 * @category Client
 */
export interface ResponseWithMeta<T> {
  data: T;
  status: number;
  /** `ETag` of the returned representation, for a later `ifMatch`. */
  etag: string | undefined;
  /** `Location` of a created resource. */
  location: string | undefined;
}

/**
 * The SDK's one HTTP path: authentication with one refresh on 401, `Accept-Language`,
 * `Idempotency-Key` on writes, retries with backoff and `Retry-After`, timeouts and cancellation,
 * problem+json errors mapped to {@link BlauwError} kinds, and every success body validated.
 * Resources receive a transport; applications normally use `createClient` instead.
 */
export class Transport {
  readonly #http: HttpClient;
  readonly #base: URL;
  readonly #options: TransportOptions;
  readonly #sendClientHeader: boolean;
  #refreshing: Promise<void> | undefined;

  /** @throws {ConfigurationError} when `baseUrl` is missing or not an http(s) URL. */
  constructor(options: TransportOptions) {
    this.#base = parseBaseUrl(options.baseUrl);
    this.#options = options;
    this.#sendClientHeader = options.clientHeader ?? (typeof document === 'undefined' || this.#base.origin === globalThis.location?.origin);
    this.#http = new HttpClient({ baseUrl: this.#base.href, fetch: options.fetch, hooks: options.hooks, logger: options.logger });
  }

  /** The base URL requests are resolved against, always ending in `/`. */
  get baseUrl(): string {
    return this.#base.href;
  }

  /** The client's logger, for callers that report beside the requests, such as an event stream's states. */
  get logger(): Logger | undefined {
    return this.#options.logger;
  }

  /**
   * Sends one request and returns its validated body (`undefined` for 204 or without `schema`).
   *
   * @throws {BlauwError} a subclass naming what went wrong.
   */
  async request<T = undefined>(options: RequestOptions<T>): Promise<T> {
    return (await this.requestWithMeta(options)).data;
  }

  /** Like {@link Transport.request}, also returning status, `ETag` and `Location`. */
  async requestWithMeta<T = undefined>(options: RequestOptions<T>): Promise<ResponseWithMeta<T>> {
    const { path, call = {} } = options;
    const href = typeof path === 'string' ? path : path.href;
    const label = requestLabel(options.method, new URL(typeof path === 'string' ? path : path.label, this.#base));
    try {
      return await this.#exchange(options, href, label, call);
    } catch (error) {
      if (!isBlauwError(error)) throw error;
      const final = await this.beforeError(error);
      this.#options.logger?.warn(`${label} failed: ${final.kind}${final.status === undefined ? '' : ` ${final.status}`}`, {
        request: label,
        attempt: 0,
        status: final.status,
        ms: 0,
        requestId: final.requestId,
        kind: final.kind,
      });
      throw final;
    }
  }

  /**
   * Runs the client's `beforeError` hooks on a failure and returns what they make of it: what
   * {@link Transport.request} does with every error, for failures met elsewhere (an event stream
   * that stops).
   */
  async beforeError(error: BlauwError): Promise<BlauwError> {
    let final = error;
    for (const hook of this.#options.hooks?.beforeError ?? []) final = await hook(final);
    return final;
  }

  /**
   * Opens a long-lived `GET`, such as an event stream, and resolves with the response as it comes,
   * whatever its status, its body unread: the caller reads it and reconnects by itself, so nothing
   * here retries. The headers are the client's (token, language, `Blauw-Client`, hooks run) plus
   * `extraHeaders` (e.g. `Last-Event-ID`). `timeout` bounds the wait for the response headers only.
   *
   * @throws {NetworkError} when no answer came; {@link TimeoutError}, {@link AbortedError}.
   */
  async open(options: {
    path: string | RequestPath;
    query?: Query | undefined;
    accept: string;
    extraHeaders?: Record<string, string> | undefined;
    call?: CallOptions | undefined;
  }): Promise<Response> {
    const { path, call = {} } = options;
    const href = typeof path === 'string' ? path : path.href;
    const label = requestLabel('GET', new URL(typeof path === 'string' ? path : path.label, this.#base));
    const headers = await this.#headers({ method: 'GET', path, accept: options.accept, call }, undefined, label);
    for (const [name, value] of Object.entries(options.extraHeaders ?? {})) headers[name.toLowerCase()] = value;
    return this.#http.send({
      method: 'GET',
      path: href,
      label,
      query: options.query,
      headers,
      body: undefined,
      signal: call.signal,
      timeout: call.timeout ?? this.#options.timeout ?? 10_000,
      retry: retryPolicy({ limit: 0 }),
    });
  }

  /**
   * Refreshes the token through `onUnauthorized` (concurrent callers share one refresh) and
   * resolves `true`, or `false` when the client has no `onUnauthorized`. For callers that meet a
   * 401 outside {@link Transport.request}, such as an event stream.
   *
   * @throws {UnauthenticatedError} when the refresh fails.
   */
  async refreshToken(path: string | RequestPath): Promise<boolean> {
    if (this.#options.onUnauthorized === undefined) return false;
    await this.#refresh(requestLabel('GET', new URL(typeof path === 'string' ? path : path.label, this.#base)));
    return true;
  }

  async #exchange<T>(options: RequestOptions<T>, href: string, label: string, call: CallOptions): Promise<ResponseWithMeta<T>> {
    const { signal } = call;
    // One key for the logical write, shared by the HTTP client's retries and by the retry after a refresh.
    const idempotencyKey = idempotencyKeyFor(options.method, options.idempotencyKey);
    const perCall = typeof call.retry === 'number' ? { limit: call.retry } : call.retry;
    const base = typeof this.#options.retry === 'number' ? { limit: this.#options.retry } : this.#options.retry;
    const send = async (): Promise<Response> =>
      this.#http.send({
        method: options.method,
        path: href,
        label,
        query: options.query,
        headers: await this.#headers(options, idempotencyKey, label),
        body: options.body,
        rawBody: options.rawBody?.data,
        signal,
        timeout: call.timeout ?? this.#options.timeout ?? 10_000,
        retry: retryPolicy({ ...base, ...perCall }),
      });

    let response = await send();
    if (response.status === 401 && this.#options.onUnauthorized !== undefined) {
      // Drain the refused body (awaiting cancel() can hang on a teed stream).
      await this.#http.readText(response, label, signal);
      await this.#refresh(label);
      response = await send();
    }
    const body = await this.#http.readText(response, label, signal, response.ok && options.responseType === 'blob');
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.ok) {
      const { problem, cause } = readProblem(response.status, response.statusText, body as string);
      throw problemToError(problem, {
        status: response.status,
        request: label,
        requestId,
        retryAfter: parseRetryAfter(response.headers.get('retry-after')),
        cause,
      });
    }
    return {
      data: this.#parse(response.status, body, options, label, requestId),
      status: response.status,
      etag: response.headers.get('etag') ?? undefined,
      location: response.headers.get('location') ?? undefined,
    };
  }

  async #headers(options: RequestOptions<unknown>, idempotencyKey: string | undefined, label: string) {
    const headers: Record<string, string> = { accept: `${options.accept ?? 'application/json'}, application/problem+json` };
    const token = await this.#token(label);
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const { language } = this.#options;
    const lang = typeof language === 'function' ? language() : language;
    if (lang !== undefined && lang !== '') headers['accept-language'] = lang;
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.rawBody !== undefined) headers['content-type'] = options.rawBody.contentType;
    if (this.#sendClientHeader) headers['blauw-client'] = `core/${VERSION}`;
    // The client's headers, then the call's, over ours; names compared without case, `undefined` removes.
    for (const extra of [this.#options.headers, options.call?.headers]) {
      for (const [name, value] of Object.entries(extra ?? {})) {
        if (value === undefined) delete headers[name.toLowerCase()];
        else headers[name.toLowerCase()] = value;
      }
    }
    return headers;
  }

  async #token(label: string): Promise<string | undefined> {
    try {
      return (await this.#options.getToken?.()) ?? undefined;
    } catch (error) {
      throw new UnauthenticatedError(`${label} was not sent: getToken failed. Sign in again.`, { request: label, cause: error });
    }
  }

  // Several requests can meet an expired token at once; they wait for one refresh together.
  async #refresh(label: string): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        await this.#options.onUnauthorized?.();
      } finally {
        this.#refreshing = undefined;
      }
    })();
    try {
      await this.#refreshing;
    } catch (error) {
      throw new UnauthenticatedError(`${label} was refused and refreshing the token failed. Sign in again.`, {
        status: 401,
        request: label,
        cause: error,
      });
    }
  }

  #parse<T>(status: number, text: string | Blob, options: RequestOptions<T>, label: string, requestId: string | undefined): T {
    const { schema } = options;
    const shapeError = (detail: string, cause: unknown, issues: ResponseShapeError['issues'] = []) =>
      new ResponseShapeError(
        `${label} answered with ${detail}. The server and the SDK disagree on the API version; update the SDK or report it to the zone's API team.`,
        { status, request: label, requestId, cause, issues },
      );
    // Bytes have no schema: they must be what was asked for (a JPEG, not a proxy's HTML page).
    if (text instanceof Blob) {
      if (text.type === options.accept) return text as T;
      throw shapeError(`${text.type || 'untyped'} bytes instead of ${options.accept}`, undefined);
    }
    // Without a schema the caller expects nothing (204, or a write whose answer it ignores).
    if (schema === undefined || status === 204) return undefined as T;
    let body: unknown = text;
    if (options.responseType !== 'text') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw shapeError('a body that is not JSON', error);
      }
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map(({ path, message }) => ({ path, message }));
    const first = issues[0];
    const where = first === undefined ? '' : ` (at /${first.path.map(String).join('/')}: ${first.message})`;
    throw shapeError(`data the SDK does not understand${where}`, parsed.error, issues);
  }
}

/**
 * Checks an API base URL as every client does when it is made: present, a URL (a path such as
 * `/v1` counts, resolved against the page), http or https. For a page element that passes the
 * URL on without making a client itself (`<blauw-provider api="…">`).
 *
 * @throws {ConfigurationError} when it is missing, not a URL, or not http(s).
 * @category Client
 */
export function checkBaseUrl(baseUrl: string | undefined): void {
  parseBaseUrl(baseUrl);
}

function parseBaseUrl(baseUrl: string | undefined): URL {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new ConfigurationError('No baseUrl given. Pass the API base URL, e.g. createClient({ baseUrl: "https://api.zone.example/v1" }).');
  }
  let url: URL;
  try {
    // In a browser a path such as `/v1` is resolved against the page; in Node it must be absolute.
    url = new URL(baseUrl, globalThis.location?.href);
  } catch (error) {
    throw new ConfigurationError(`baseUrl "${baseUrl}" is not a URL. Pass an absolute http(s) URL such as "https://api.zone.example/v1".`, {
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`baseUrl "${baseUrl}" must use http or https.`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}
