import { http, matchRequestUrl, type RequestHandler } from 'msw';
import { authenticate, authorize, type Principal } from '../domain/auth.js';
import { DomainError } from '../domain/domain-error.js';
import { parseIdempotencyKey, type IdempotencyDecision, type StoredResponse } from '../domain/idempotency.js';
import { RateLimiter, type RateLimit } from '../domain/rate-limit.js';
import type { Zone } from '../domain/zone.js';
import { etagFor, ifNoneMatchHits } from './etag.js';
import { fieldErrors } from './field-errors.js';
import type { StreamSettings } from './incident-stream.js';
import { PROBLEM_STATUS, problem, problemResponse } from './problem.js';
import type { Route, RouteResult } from './route.js';
import { routes as defaultRoutes } from './routes.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** The backend state the handlers act on. */
  zone: Zone;
  /**
   * Origin the API lives on, e.g. `https://api.pz-scheldeland.example`. Default `*`: any
   * origin, which suits a service worker intercepting a widget's cross-origin calls.
   */
  baseUrl?: string | undefined;
  /** Delay every `/v1` response by this many milliseconds. Default 0. */
  latencyMs?: number | undefined;
  /**
   * Check each response body against the route's schema and answer 500 `response_invalid`
   * when it does not fit. Default true: the mock server must never teach clients a wrong shape.
   */
  validateResponses?: boolean | undefined;
  /** The route table; default the full API. */
  routes?: readonly Route[] | undefined;
  /**
   * Who an anonymous request comes from: scopes its Idempotency-Keys, its write rate limit and
   * its holds. The Node server gives the address the connection came from (see `stampClient`).
   * Default: everyone is `local` (a service worker serves one browser).
   */
  clientOf?: ((request: Request) => string) | undefined;
  /**
   * Token bucket for anonymous writes (POST, PUT, PATCH, DELETE without a bearer token), per
   * client: beyond it, 429 `rate_limited` with `Retry-After` in seconds. Default none (a
   * service worker serves one browser); `blauw-mock-server` sets 20 a minute, bursts of 10.
   */
  anonymousWriteLimit?: RateLimit | false | undefined;
  /** How live streams behave: heartbeat interval, `retry:` hint, how often they poll. */
  stream?: StreamSettings | undefined;
}

/**
 * Generates msw request handlers from the route table. Browser-safe: use them with `setupWorker`
 * (Storybook, static demos), `setupServer` (tests) or the Node server.
 *
 * @example
 * ```ts
 * const zone = createZone({ seed: 1 });
 * const worker = setupWorker(...createHandlers({ zone }));
 * ```
 */
export function createHandlers(options: HandlerOptions): RequestHandler[] {
  const table = options.routes ?? defaultRoutes;
  const base = (options.baseUrl ?? '*').replace(/\/$/, '');
  const settings: Settings = {
    zone: options.zone,
    latencyMs: Math.max(0, options.latencyMs ?? 0),
    validateResponses: options.validateResponses ?? true,
    clientOf: options.clientOf ?? (() => 'local'),
    writeLimiter: options.anonymousWriteLimit ? new RateLimiter({ clock: options.zone.clock, limit: options.anonymousWriteLimit }) : undefined,
    stream: { ...options.stream },
  };
  const handlers: RequestHandler[] = table.map((route) =>
    http[route.method](`${base}${route.path}`, ({ request, params }) => serve(route, request, params, settings)),
  );
  // Everything else under /v1 is answered here, so a typo never falls through to a static file.
  const fallback = async ({ request }: { request: Request }) => {
    await sleep(settings.latencyMs);
    const url = new URL(request.url);
    if (request.method === 'GET' && /^\/v1\/?$/.test(url.pathname)) return json(200, apiIndex(table));
    const allowed = table
      .filter((route) => matchRequestUrl(url, `${base}${route.path}`).matches)
      .map((route) => route.method.toUpperCase());
    if (allowed.length > 0) {
      return problemResponse(
        problem(405, 'method_not_allowed', { detail: `${request.method} is not allowed here; use ${allowed.join(' or ')}.`, instance: url.pathname }),
        { Allow: allowed.join(', ') },
      );
    }
    return problemResponse(
      problem(404, 'route_not_found', { detail: `There is no API route ${request.method} ${url.pathname}.`, instance: url.pathname }),
    );
  };
  handlers.push(http.all(`${base}/v1`, fallback), http.all(`${base}/v1/*`, fallback));
  return handlers;
}

interface Settings {
  zone: Zone;
  latencyMs: number;
  validateResponses: boolean;
  clientOf: (request: Request) => string;
  writeLimiter: RateLimiter | undefined;
  stream: StreamSettings;
}

/**
 * The scope of a caller's Idempotency-Keys: the principal a bearer token stands for (the officer,
 * so a retry after a token refresh still replays; else the token), or the anonymous client.
 */
function idempotencyPrincipal(principal: Principal, client: string): string {
  if (principal.kind !== 'session') return `client:${client}`;
  return principal.session.officerId !== undefined ? `officer:${principal.session.officerId}` : `token:${principal.token}`;
}

async function serve(
  route: Route,
  request: Request,
  rawParams: Record<string, string | readonly string[] | undefined>,
  settings: Settings,
): Promise<Response> {
  const { zone } = settings;
  const url = new URL(request.url);
  const instance = url.pathname;
  // Every response is delayed exactly once; idempotent writes are delayed while their key is
  // held, so a racing retry meets `idempotency_key_in_flight` as it would on a slow backend.
  let delayed = false;
  const pause = async () => {
    if (delayed) return;
    delayed = true;
    await sleep(settings.latencyMs);
  };
  const fail = async (status: number, code: string, init: Parameters<typeof problem>[2] = {}, headers: Record<string, string> = {}) => {
    await pause();
    return problemResponse(problem(status, code, { instance, ...init }), headers);
  };

  const principal = authenticate(zone.store.tokens, request.headers.get('Authorization'));
  const access = authorize(principal, route.auth);
  if (access === 'unauthenticated') {
    const invalid = principal.kind === 'invalid';
    return fail(
      401,
      invalid ? 'invalid_token' : 'unauthenticated',
      { detail: invalid ? 'The bearer token is unknown or expired; sign in again.' : 'Send a bearer token in the Authorization header.' },
      { 'WWW-Authenticate': invalid ? 'Bearer realm="blauw", error="invalid_token"' : 'Bearer realm="blauw"' },
    );
  }
  if (access === 'forbidden') {
    return fail(403, 'forbidden', { detail: `${route.method.toUpperCase()} ${route.path} is for ${route.auth}s only.` });
  }

  const client = settings.clientOf(request);
  if (settings.writeLimiter && principal.kind === 'anonymous' && route.method !== 'get') {
    // Before the body is read: a refused write costs nothing.
    const allowed = settings.writeLimiter.take(client);
    if (!allowed.allowed) {
      const { perMinute, burst } = settings.writeLimiter.limit;
      return fail(
        429,
        'rate_limited',
        { detail: `Too many writes from your address (at most ${perMinute} a minute, ${burst} at once); retry after ${allowed.retryAfterSeconds} s.` },
        { 'Retry-After': String(allowed.retryAfterSeconds) },
      );
    }
  }

  const params = route.params.safeParse(rawParams);
  if (!params.success) return fail(404, 'not_found', { detail: `Nothing is found at ${instance}.` });

  const query = route.query.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    return fail(400, 'validation_failed', { detail: 'A query parameter is not valid.', errors: fieldErrors(query.error, '/query') });
  }

  let key: string | undefined;
  if (route.idempotent) {
    const parsed = parseIdempotencyKey(request.headers.get('Idempotency-Key'));
    if (!parsed.ok) {
      return fail(400, parsed.code, {
        detail:
          parsed.code === 'idempotency_key_missing'
            ? 'Send an Idempotency-Key header (e.g. a UUID) with every POST, and keep it for retries.'
            : 'An Idempotency-Key is 1–255 visible ASCII characters.',
      });
    }
    key = parsed.key;
  }

  let rawBody: unknown;
  let body: unknown;
  if (route.body !== undefined) {
    const contentType = request.headers.get('Content-Type') ?? '';
    if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
      return fail(415, 'unsupported_media_type', { detail: 'Send the body as application/json.' });
    }
    const text = await request.text();
    try {
      rawBody = JSON.parse(text);
    } catch {
      // Malformed JSON is the client's mistake, reported as such; nothing to log here.
      return fail(400, 'invalid_json', { detail: 'The request body could not be parsed as JSON.' });
    }
    const parsedBody = route.body.safeParse(rawBody);
    if (!parsedBody.success) {
      return fail(400, 'validation_failed', { detail: 'The request body is not valid.', errors: fieldErrors(parsedBody.error, '') });
    }
    body = parsedBody.data;
  }

  let decision: IdempotencyDecision | undefined;
  if (key !== undefined) {
    // The fingerprint is of the body as understood (unknown fields dropped by the schema), so
    // what is hashed is bounded by the schema, whatever the caller sent.
    decision = await zone.idempotency.begin({ principal: idempotencyPrincipal(principal, client), method: route.method, path: instance, key }, body ?? null);
    if (decision.outcome === 'replay') {
      await pause();
      return toResponse(decision.response);
    }
    if (decision.outcome === 'mismatch') {
      return fail(422, 'idempotency_key_reused', {
        detail: 'This Idempotency-Key was used before with another request body; use a new key for a new request.',
      });
    }
    if (decision.outcome === 'in_flight') {
      return fail(409, 'idempotency_key_in_flight', { detail: 'The first request with this key is still being processed; retry shortly.' }, { 'Retry-After': '1' });
    }
  }
  const pending = decision?.outcome === 'new' ? decision : undefined;

  await pause();
  let stored: StoredResponse;
  try {
    const result = await route.handle({ zone, params: params.data, query: query.data, body, principal, client, request, url, stream: settings.stream });
    stored = finish(route, result, settings, instance);
    pending?.complete(stored);
  } catch (error) {
    // A refusal changed nothing and a bug is not an answer: neither is kept, so a retry with the
    // same key is evaluated afresh.
    pending?.release();
    if (!(error instanceof DomainError)) throw error;
    stored = domainProblem(error, instance);
  }

  if (route.etag && stored.status === 200 && stored.headers['ETag'] !== undefined) {
    if (ifNoneMatchHits(request.headers.get('If-None-Match'), stored.headers['ETag'])) {
      return new Response(null, { status: 304, headers: { ETag: stored.headers['ETag'] } });
    }
  }
  return toResponse(stored);
}

function finish(route: Route, result: RouteResult, settings: Settings, instance: string): StoredResponse {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body instanceof ReadableStream) {
    // A live stream: sent as it flows, never stored or validated as a whole. no-store and
    // X-Accel-Buffering keep caches and proxies (nginx) from holding events back.
    return {
      status: result.status,
      headers: { ...headers, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
      body: result.body,
    };
  }
  const spec = route.responses[result.status];
  if (settings.validateResponses && spec?.schema !== undefined) {
    const checked = spec.schema.safeParse(result.body);
    if (!checked.success) {
      return {
        status: 500,
        headers: { 'Content-Type': 'application/problem+json' },
        body: problem(500, 'response_invalid', {
          detail: `${route.operationId} answered ${result.status} with a body that breaks its schema.`,
          errors: fieldErrors(checked.error, ''),
          instance,
        }),
      };
    }
  }
  if (spec?.contentType?.startsWith('image/') && result.body instanceof Uint8Array) {
    headers['Content-Type'] ??= spec.contentType;
    return { status: result.status, headers, body: result.body };
  }
  if (spec?.contentType?.startsWith('text/') && typeof result.body === 'string') {
    headers['Content-Type'] ??= `${spec.contentType}; charset=utf-8`;
    return { status: result.status, headers, body: result.body };
  }
  if (result.body !== undefined) headers['Content-Type'] = 'application/json';
  if (route.etag && result.status === 200) headers['ETag'] = etagFor(JSON.stringify(result.body));
  return { status: result.status, headers, body: result.body };
}

const KIND_STATUS: Record<DomainError['kind'], number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 };

function domainProblem(error: DomainError, instance: string): StoredResponse {
  // `unprocessable` wins over the code's usual status: `address_not_covered` is a 404 for a
  // look-up but a 422 for a home-visit request naming that address.
  const status = error.kind === 'unprocessable' ? 422 : (PROBLEM_STATUS[error.code] ?? KIND_STATUS[error.kind]);
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: problem(status, error.code, { detail: error.message, errors: error.errors, instance, extensions: error.extensions }),
  };
}

function toResponse(stored: StoredResponse): Response {
  if (stored.body instanceof ReadableStream) return new Response(stored.body as ReadableStream<Uint8Array>, { status: stored.status, headers: stored.headers });
  // A copy: the Response may hand its buffer on (transfer it), and the store keeps the photo.
  if (stored.body instanceof Uint8Array) return new Response(stored.body.slice(), { status: stored.status, headers: stored.headers });
  const text = typeof stored.body === 'string' && !/json/i.test(stored.headers['Content-Type'] ?? '');
  return new Response(stored.body === undefined ? null : text ? (stored.body as string) : JSON.stringify(stored.body), {
    status: stored.status,
    headers: stored.headers,
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function apiIndex(table: readonly Route[]) {
  return {
    name: 'Blauw mock API',
    openapi: '/openapi.json',
    routes: table.map((route) => ({
      method: route.method.toUpperCase(),
      path: route.path,
      operationId: route.operationId,
      summary: route.summary,
    })),
  };
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
