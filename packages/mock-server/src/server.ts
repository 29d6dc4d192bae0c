import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMiddleware } from '@mswjs/http-middleware';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DEMO_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { DEFAULT_MANAGE_PAGE } from './domain/bookings.js';
import { createOffsetClock, systemClock, type Clock } from './domain/clock.js';
import type { Mailer } from './domain/mailer.js';
import { mulberry32, type Random } from './domain/random.js';
import { createZone, type Zone } from './domain/zone.js';
import { DomainError } from './domain/domain-error.js';
import { createHandlers } from './handlers/create-handlers.js';
import { problem } from './handlers/problem.js';
import { routes } from './handlers/routes.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { ZONE_NAME } from './seed/zone-seed.js';
import { devMailboxRouter } from './dev-mailbox.js';
import { escapeHtml } from './escape-html.js';
import { createNodeMailer, type ClosableMailer } from './mail-transport.js';
import type { RateLimit } from './domain/rate-limit.js';
import { clientFromHeader, dropAfterCommit, stampClient } from './write-guards.js';
import { releaseBodyOnClose, streamChaos } from './stream-chaos.js';

export { DEMO_CONTENT_SECURITY_POLICY };

/** Headers a browser may send cross-origin: what the SDK sends. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Blauw-Client', 'X-Request-Id', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Last-Event-ID', 'Accept-Language', 'Content-Type', 'Content-Range'];
/** Response headers a cross-origin script may read. */
export const CORS_EXPOSE_HEADERS = ['ETag', 'Retry-After', 'Location', 'X-Request-Id'];
/** The largest request body the server reads, in bytes (64 kB); a larger one gets `413` at once. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 32;
/** The most bytes of request line and headers together (Node's `maxHeaderSize`); more gets `431`. */
export const MAX_HEADER_BYTES = 16 * 1024;
/**
 * Public directory data a shared cache may keep (it carries an `ETag`); every other `/v1` answer
 * is `Cache-Control: no-store`, as it may carry personal data (manage views, calendar files,
 * agendas, home visits, bookings, holds) or change by the second (availability).
 */
const CACHEABLE_API = /^\/v1(\/?|\/(municipalities|topics|offices|officers)(\/[^/]+)?|\/offices\/[^/]+\/closures(\/[^/]+)?|\/zone\/geography)$/;

/** The largest burst of incidents `POST /__blauw/incidents/burst` opens at once. */
export const MAX_BURST = 5000;

/** The sender of the zone's e-mails unless `mailFrom` says otherwise. */
export const DEFAULT_MAIL_FROM = `${ZONE_NAME} <noreply@pz-scheldeland.example>`;

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number | undefined;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
  /** Seed of the fictional zone and of injected failures. Default 1. */
  seed?: number | undefined;
  /** Delay every `/v1` response by this many milliseconds. Default 0. */
  latencyMs?: number | undefined;
  /**
   * Probability (0–1) that a `/v1` request fails: half of the failures answer 503 with
   * `Retry-After: 1`, the other half drop the connection. Deterministic for a seed. Default 0.
   */
  failRate?: number | undefined;
  /** Origins allowed to call cross-origin, or `*` (default) for any. Cookies are never allowed. */
  allowOrigin?: string | readonly string[] | undefined;
  /** Override where static files come from (defaults resolve from this module's location). */
  staticDirs?: { demo?: string | undefined; cdn?: string | undefined } | undefined;
  /**
   * The instant the server's clock starts at (ISO 8601 with offset or `Z`, or a `Date`); from
   * there it runs on in real time. What `--now` sets. Not together with `clock`.
   */
  now?: string | Date | undefined;
  /** Where "now" comes from. Default: the system clock (or an offset clock from `now`). */
  clock?: Clock | undefined;
  /** How long a slot hold lasts, in milliseconds. Default 5 minutes. */
  holdTtlMs?: number | undefined;
  /**
   * SMTP server for the confirmation e-mails, e.g. `smtp://user:pass@mail.example:587` (the CLI's
   * `--smtp` or `BLAUW_SMTP_URL`). Without it they go to the development mailbox at `/dev/mailbox`.
   */
  smtpUrl?: string | undefined;
  /** The From of the e-mails. Default {@link DEFAULT_MAIL_FROM}. */
  mailFrom?: string | undefined;
  /** Sends the e-mails instead of nodemailer (tests). The mailbox pages stay available. */
  mailer?: Mailer | undefined;
  /**
   * Serve the test controls `POST /__blauw/reset`, `POST /__blauw/incidents/burst`, `POST /__blauw/messaging/send` and `GET /__blauw/health` (the CLI's
   * `--dev-controls`). They refuse cross-site requests. Default false: the routes do not exist.
   */
  devControls?: boolean | undefined;
  /**
   * The URL clients reach the server at, e.g. `https://api.pz.example`: the `servers` entry of
   * `/openapi.json` and the base of e-mailed links. Default: the URL the server listens on. The
   * `Host` header is never used for it.
   */
  publicUrl?: string | undefined;
  /**
   * Token bucket per client address for anonymous writes; beyond it, 429 `rate_limited` with
   * `Retry-After`. Default none; the CLI sets 20 a minute with bursts of 10
   * (`DEFAULT_ANONYMOUS_WRITE_LIMIT`), as one citizen never needs more.
   */
  anonymousWriteLimit?: RateLimit | false | undefined;
  /**
   * Probability (0–1) that a `/v1` write is carried out and its answer then lost (the connection
   * is closed): what Idempotency-Key retries exist for. Deterministic for a seed. Default 0.
   */
  dropAfterCommit?: number | undefined;
  /**
   * New incidents per hour the simulated dispatch opens on average (shaped by the time of day and
   * the weekday). Default 6. What `--incident-rate` sets.
   */
  incidentRate?: number | undefined;
  /** How many check assignments the dev officer starts with (the CLI's `--check-assignments`). Default 12. */
  checkAssignments?: number | undefined;
  /**
   * Extra simulated events per second (unit position reports and notes on open incidents), for
   * load tests and the timeline's benchmarks. Default 0. What `--event-rate` sets.
   */
  eventRate?: number | undefined;
  /**
   * Cut each live stream (`GET /v1/incidents/stream`) off abruptly after a number of events drawn
   * between 1 and 2N, deterministic for the seed, so clients must resume with `Last-Event-ID`.
   * Default 0: streams are never cut. What `--stream-chaos` sets.
   */
  streamChaos?: number | undefined;
  /** How often a live stream sends a `: heartbeat` comment, in ms. Default 15 000. What `--heartbeat` sets. */
  heartbeatMs?: number | undefined;
  /** How many journal events are kept for resuming live streams. Default 5000. */
  journalRetention?: number | undefined;
  /** Close the server on SIGINT/SIGTERM and exit. Default false (the CLI turns it on). */
  handleSignals?: boolean | undefined;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://localhost:8787`; the API is under `${url}/v1`. */
  url: string;
  port: number;
  /** The live backend state (for assertions in tests). */
  zone: Zone;
  /** URL of the development mailbox; undefined when e-mails go out over SMTP. */
  mailbox: string | undefined;
  /** Restores the seeded state, optionally with another seed; forgets idempotency keys. */
  reset(seed?: number): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// From src/server.ts (tsx) and from dist/server.js alike, the package root is one level up.
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The package's version, as the OpenAPI document states it. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
}

/**
 * The widgets' CDN files: `dist/cdn/` of the `@blauw/widgets` package this one resolves (the
 * workspace's, or the one installed next to it from npm), else the repository's build.
 */
function widgetsCdnDir(): string {
  const inRepository = `${repoRoot}packages/widgets/dist/cdn`;
  try {
    const dir = fileURLToPath(new URL('dist/cdn', import.meta.resolve('@blauw/widgets/package.json')));
    if (existsSync(dir) || !existsSync(inRepository)) return dir;
  } catch (error) {
    // @blauw/widgets is not installed: only the repository's build is left.
    if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  return inRepository;
}

/** Default locations of the static files the server offers. */
export const DEFAULT_STATIC_DIRS = {
  demo: `${packageRoot}demo`,
  cdn: widgetsCdnDir(),
};

/**
 * Starts the mock backend as a real HTTP server: the API under `/v1`, an index page at `/`,
 * demos under `/demo/`, CDN bundles under `/cdn/`, `/openapi.json`, test controls under
 * `/__blauw/`, and, unless e-mail goes out over SMTP, the development mailbox at `/dev/mailbox`.
 *
 * @example
 * ```ts
 * const server = await startMockServer({ port: 0, seed: 3 });
 * await fetch(`${server.url}/v1/offices`);
 * await server.close();
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const failRate = options.failRate ?? 0;
  if (!(failRate >= 0 && failRate <= 1)) throw new RangeError(`failRate must be between 0 and 1, got ${failRate}.`);
  const dropRate = options.dropAfterCommit ?? 0;
  if (!(dropRate >= 0 && dropRate <= 1)) throw new RangeError(`dropAfterCommit must be between 0 and 1, got ${dropRate}.`);
  const chaos = options.streamChaos ?? 0;
  if (!(Number.isSafeInteger(chaos) && chaos >= 0)) throw new RangeError(`streamChaos must be a whole number from 0, got ${chaos}.`);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  if (!(Number.isFinite(heartbeatMs) && heartbeatMs >= 10)) throw new RangeError(`heartbeatMs must be at least 10, got ${heartbeatMs}.`);
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) throw new RangeError(`latencyMs must be 0 or more, got ${latencyMs}.`);
  const dirs = { ...DEFAULT_STATIC_DIRS, ...definedOnly(options.staticDirs ?? {}) };
  if (options.now !== undefined && options.clock !== undefined) throw new TypeError('Give now or clock, not both.');
  const clock = options.clock ?? (options.now === undefined ? systemClock : createOffsetClock(options.now));
  const smtp = options.smtpUrl !== undefined && options.smtpUrl !== '';
  const nodeMailer: ClosableMailer | undefined = options.mailer ? undefined : createNodeMailer({ from: options.mailFrom ?? DEFAULT_MAIL_FROM, smtpUrl: options.smtpUrl, clock });
  const allowOrigin = options.allowOrigin ?? '*';
  const anyOrigin = allowOrigin === '*' || (Array.isArray(allowOrigin) && allowOrigin.includes('*'));
  // Known once listening; until then (never, in practice) links point at the default port.
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? 'http://localhost:8787';
  if (options.publicUrl !== undefined && !/^https?:\/\/[^\s/?#@]+$/.test(publicUrl)) {
    throw new TypeError(`publicUrl must be an origin such as https://api.pz.example, got "${options.publicUrl}".`);
  }
  const zone = createZone({
    seed: options.seed ?? 1,
    clock,
    holdTtlMs: options.holdTtlMs,
    mailer: options.mailer ?? nodeMailer,
    // The id and the transport's error code only: the record in the mailbox has the rest.
    onMailFailed: (record, error) => {
      const code = (error as { code?: unknown } | undefined)?.code;
      console.warn(`blauw-mock-server: e-mail ${record.id} could not be sent (${typeof code === 'string' ? code : 'see its status'}).`);
    },
    manageUrl: () => new URL(DEFAULT_MANAGE_PAGE, publicUrl).href,
    // An e-mail must never carry a link to a site the zone does not trust.
    manageOrigins: anyOrigin ? undefined : (allowOrigin as readonly string[]),
    incidents: { incidentsPerHour: options.incidentRate, eventsPerSecond: options.eventRate, retention: options.journalRetention },
    checkAssignments: options.checkAssignments,
  });
  let failures = failureRandom(zone.seed);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Every answer: a request id (echoed in 500 problems and the server log) and nosniff.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    response.locals['requestId'] = id;
    response.set({ 'X-Request-Id': id, 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  // A path that does not percent-decode is refused here, before any router trips over it.
  app.use((request: Request, response: Response, next: NextFunction) => {
    try {
      decodeURIComponent(request.path);
    } catch {
      sendProblem(response, problem(400, 'invalid_path', { detail: 'The path is not valid percent-encoded UTF-8.' }));
      return;
    }
    next();
  });
  // Methods the API and the static files know; anything else (TRACE, PROPFIND, …) stops here.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (KNOWN_METHODS.has(request.method)) return next();
    sendProblem(response, problem(405, 'method_not_allowed', { detail: `${request.method} is not served here.`, instance: request.path }), { Allow: [...KNOWN_METHODS].join(', ') });
  });
  app.use(cors(allowOrigin));
  app.use('/v1', releaseBodyOnClose);

  app.use('/v1', (request: Request, response: Response, next: NextFunction) => {
    if (!CACHEABLE_API.test(request.originalUrl.split('?')[0] ?? '')) noStore(response);
    // HEAD is a GET without the body: Node leaves the body out for a HEAD request by itself.
    if (request.method === 'HEAD') request.method = 'GET';
    next();
  });

  app.use('/v1', (request: Request, response: Response, next: NextFunction) => {
    if (failRate === 0 || failures() >= failRate) return next();
    if (failures() < 0.5) {
      response
        .status(503)
        .set({ 'Content-Type': 'application/problem+json', 'Retry-After': '1' })
        .send(JSON.stringify(problem(503, 'service_unavailable', { detail: 'Injected failure (--fail-rate); retry after a second.', instance: request.originalUrl.split('?')[0] })));
      return;
    }
    // A dropped connection, as on a train going into a tunnel.
    request.socket.destroy();
  });
  app.use('/v1', readBody);

  if (options.devControls) {
    app.use('/__blauw', refuseCrossSite, readBody);
    app.post('/__blauw/reset', (request: Request, response: Response) => {
      const body: unknown = request.body;
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
        sendProblem(response, problem(400, 'validation_failed', { detail: 'Send {} or {"seed": N}.', errors: [{ pointer: '', detail: 'Expected an object.' }], instance: '/__blauw/reset' }));
        return;
      }
      const seed: unknown = (body as { seed?: unknown } | undefined)?.seed;
      if (seed !== undefined && !Number.isSafeInteger(seed)) {
        sendProblem(response, problem(400, 'validation_failed', { detail: 'The seed is not valid.', errors: [{ pointer: '/seed', detail: 'Expected a whole number.' }], instance: '/__blauw/reset' }));
        return;
      }
      zone.reset(seed as number | undefined);
      failures = failureRandom(zone.seed);
      response.set('Cache-Control', 'no-store').json({ seed: zone.seed });
    });
    app.post('/__blauw/incidents/burst', (request: Request, response: Response) => {
      const count: unknown = (request.body as { count?: unknown } | undefined)?.count;
      if (!Number.isSafeInteger(count) || (count as number) < 1 || (count as number) > MAX_BURST) {
        sendProblem(
          response,
          problem(400, 'validation_failed', {
            detail: `Send {"count": N}, N from 1 to ${MAX_BURST}.`,
            errors: [{ pointer: '/count', detail: `Expected a whole number from 1 to ${MAX_BURST}.` }],
            instance: '/__blauw/incidents/burst',
          }),
        );
        return;
      }
      const events = zone.incidents.burst(count as number);
      response.set('Cache-Control', 'no-store').json({ count: events.length, firstEventId: events[0]?.id, lastEventId: events.at(-1)?.id });
    });
    // Another participant sends a message, so tests and demos see one arrive live.
    app.post('/__blauw/messaging/send', (request: Request, response: Response) => {
      const body = (request.body ?? {}) as { conversationId?: unknown; senderId?: unknown; text?: unknown; priority?: unknown };
      const text = body.text ?? 'Testbericht';
      if (typeof body.conversationId !== 'string' || typeof body.senderId !== 'string' || typeof text !== 'string' || text.length > 4000 || (body.priority !== undefined && typeof body.priority !== 'boolean')) {
        sendProblem(response, problem(400, 'validation_failed', { detail: 'Send {"conversationId", "senderId", "text"?, "priority"?}.', instance: '/__blauw/messaging/send' }));
        return;
      }
      try {
        const { message } = zone.messaging.send(body.senderId, body.conversationId, { clientId: randomUUID(), text, priority: body.priority === true });
        response.set('Cache-Control', 'no-store').status(201).json(message);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        sendProblem(response, problem(error.kind === 'not_found' ? 404 : 400, error.code, { detail: error.message, instance: '/__blauw/messaging/send' }));
      }
    });
    app.get('/__blauw/health', (_request: Request, response: Response) => {
      response.set('Cache-Control', 'no-store').json({ status: 'ok', seed: zone.seed });
    });
  }

  app.get('/', (_request: Request, response: Response) => {
    response.type('html').send(indexPage(dirs, zone.seed, !smtp));
  });
  if (!smtp) app.use(devMailboxRouter(() => zone.mailbox));
  // Generated from the route table on each request, so it is always the API this server serves;
  // its server URL comes from the configuration, never from the request's Host header.
  app.get('/openapi.json', (_request: Request, response: Response) => {
    response.json(openApiDocument(routes, { version: packageVersion(), serverUrl: publicUrl }));
  });
  // Browsers ask for it on every page; answer quietly instead of with a 404 in the console.
  app.get('/favicon.ico', (_request: Request, response: Response) => {
    response.status(204).end();
  });
  // Demo pages run under the strict policy a municipality's site may have, so they prove the
  // widgets need no inline script or style and no unsafe DOM sinks.
  app.use(
    '/demo',
    express.static(dirs.demo, {
      fallthrough: true,
      setHeaders: (response, path) => {
        if (path.endsWith('.html')) response.setHeader('Content-Security-Policy', DEMO_CONTENT_SECURITY_POLICY);
      },
    }),
  );
  app.use('/cdn', express.static(dirs.cdn, { fallthrough: true }));

  // A stream of its own, so dropping answers does not change the zone or the injected failures.
  const drops = mulberry32(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0);
  app.use('/v1', stampClient, dropAfterCommit(dropRate, drops));
  // Another stream of its own, for cutting live streams off.
  const cuts = mulberry32(((options.seed ?? 1) ^ 0x27d4eb2f) >>> 0);
  app.use('/v1/incidents/stream', streamChaos(chaos, cuts));
  app.use('/v1/messaging/stream', streamChaos(chaos, mulberry32(((options.seed ?? 1) ^ 0x165667b1) >>> 0)));
  // The msw middleware is an async function Express 4 does not await: a rejection (e.g. a method
  // the Fetch API refuses) would crash the process instead of reaching the error handler.
  const api = createMiddleware(
    ...createHandlers({ zone, latencyMs, clientOf: clientFromHeader, anonymousWriteLimit: options.anonymousWriteLimit, stream: { heartbeatMs } }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    void Promise.resolve(api(request, response, next)).catch(next);
  });

  app.use((request: Request, response: Response) => {
    sendProblem(response, problem(404, 'not_found', { detail: `Nothing is served at ${request.path}.`, instance: request.path }));
  });
  // Last in the chain: whatever went wrong becomes a problem document, never Express's HTML page.
  app.use(errorHandler);

  const server = await listen(app, options.port ?? 8787, host);
  const port = (server.address() as AddressInfo).port;
  const displayHost = ['127.0.0.1', 'localhost', '0.0.0.0', '::', '::1'].includes(host) ? 'localhost' : host;
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;
  if (options.publicUrl === undefined) publicUrl = url;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
      nodeMailer?.close();
    });
    return closing;
  };

  if (options.handleSignals) {
    const stop = (signal: NodeJS.Signals) => {
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`blauw-mock-server: could not close cleanly after ${signal}:`, error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }

  return {
    url,
    port,
    mailbox: smtp ? undefined : `${url}/dev/mailbox`,
    zone,
    reset(seed) {
      zone.reset(seed);
      failures = failureRandom(zone.seed);
    },
    close,
  };
}

function failureRandom(seed: number): Random {
  // A stream apart from the data's, so turning failures on does not change the zone.
  return mulberry32((seed ^ 0x9e3779b9) >>> 0);
}

function cors(allowOrigin: string | readonly string[]) {
  const any = allowOrigin === '*' || (Array.isArray(allowOrigin) && allowOrigin.includes('*'));
  const allowed = new Set(typeof allowOrigin === 'string' ? [allowOrigin] : allowOrigin);
  return (request: Request, response: Response, next: NextFunction) => {
    const origin = request.headers.origin;
    const permitted = origin !== undefined && (any || allowed.has(origin));
    if (!any) response.vary('Origin');
    if (permitted) {
      // Never Access-Control-Allow-Credentials: the API works with bearer tokens, not cookies.
      response.set('Access-Control-Allow-Origin', any ? '*' : origin);
      response.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS.join(', '));
    }
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      if (!permitted) {
        sendProblem(response, problem(403, 'forbidden', { detail: `Origin ${origin ?? '(none)'} may not call this API.`, instance: request.path }));
        return;
      }
      response.set({
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS.join(', '),
        'Access-Control-Max-Age': '600',
      });
      response.status(204).end();
      return;
    }
    next();
  };
}

function sendProblem(response: Response, document: ReturnType<typeof problem>, headers: Record<string, string> = {}): void {
  response.status(document.status).set(headers).type('application/problem+json').send(JSON.stringify(document));
}

/** Sets `Cache-Control: no-store` on the answer unless its handler set a policy of its own. */
function noStore(response: Response): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    if (!this.hasHeader('Cache-Control')) this.setHeader('Cache-Control', 'no-store');
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const JSON_TYPE = /^application\/([a-z.+-]*\+)?json\s*(;|$)/i;

/**
 * Reads a request body of at most {@link MAX_BODY_BYTES} (a larger one gets `413` and the
 * connection is closed: the rest is never read), and a JSON one is checked for valid UTF-8 and a
 * nesting depth of at most {@link MAX_JSON_DEPTH} before anything walks it. The parsed value is
 * left in `request.body`, where the msw middleware takes it from.
 */
function readBody(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return next();
  const instance = request.originalUrl.split('?')[0];
  const tooLarge = () =>
    sendProblem(
      response,
      problem(413, 'payload_too_large', { detail: `A request body is at most ${MAX_BODY_BYTES / 1024} kB.`, instance, extensions: { maxBytes: MAX_BODY_BYTES } }),
      { Connection: 'close' },
    );
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    sendProblem(response, problem(415, 'unsupported_media_type', { detail: 'Send the body without Content-Encoding.', instance }), { Connection: 'close' });
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  request.on('data', (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      done = true;
      request.pause();
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  request.on('error', () => {
    done = true;
  });
  request.on('end', () => {
    if (done) return;
    done = true;
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) {
      request.body = undefined;
      return next();
    }
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) {
      request.body = raw;
      return next();
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      sendProblem(response, problem(400, 'invalid_json', { detail: 'The request body is not valid UTF-8.', instance }));
      return;
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      sendProblem(response, problem(400, 'json_too_deep', { detail: `Arrays and objects nest at most ${MAX_JSON_DEPTH} deep.`, instance }));
      return;
    }
    try {
      request.body = JSON.parse(text) as unknown;
    } catch {
      sendProblem(response, problem(400, 'invalid_json', { detail: 'The request body could not be parsed as JSON.', instance }));
      return;
    }
    next();
  });
}

/** The deepest nesting of `[` and `{` in a JSON text, strings skipped; linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * The test controls answer only same-origin requests with a JSON body: a page on another site
 * cannot send `application/json` without a preflight, and browsers name the site they send from.
 */
function refuseCrossSite(request: Request, response: Response, next: NextFunction): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.headers.host ?? ''}`;
  if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== own)) {
    sendProblem(response, problem(403, 'cross_site_refused', { detail: 'The test controls answer same-origin requests only.', instance: request.originalUrl.split('?')[0] }));
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD' && !JSON_TYPE.test(request.headers['content-type'] ?? '')) {
    sendProblem(response, problem(415, 'unsupported_media_type', { detail: 'Send the body as application/json.', instance: request.originalUrl.split('?')[0] }));
    return;
  }
  next();
}

/** Manage tokens are keys: they never reach the log. */
function loggablePath(path: string): string {
  return path.replace(/^\/v1\/manage\/[^/]+/, '/v1/manage/…');
}

/** Turns anything thrown or passed to `next(error)` into a problem document. */
function errorHandler(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  if (response.headersSent) {
    request.socket.destroy();
    return;
  }
  const instance = request.path;
  const status = (error as { status?: unknown; statusCode?: unknown } | undefined)?.status ?? (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (error instanceof URIError) {
    sendProblem(response, problem(400, 'invalid_path', { detail: 'The path is not valid percent-encoded UTF-8.', instance }));
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'bad_request';
    sendProblem(response, problem(status, code, { detail: 'The request could not be read.', instance }));
    return;
  }
  const requestId = String(response.locals['requestId'] ?? randomUUID());
  // The stack goes to the server log only, with the request id to find it; no body, no query.
  console.error(`blauw-mock-server: ${requestId} ${request.method} ${loggablePath(request.path)} failed:`, error instanceof Error ? error.stack : String(error));
  sendProblem(response, problem(500, 'internal_error', { detail: `Something went wrong on the server; quote ${requestId} when reporting it.`, instance, extensions: { requestId } }));
}

/**
 * Answers a request Node refused before Express saw it (headers over {@link MAX_HEADER_BYTES},
 * a malformed request line) with a short problem document instead of a bare status line.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers_too_large', `The request line and headers are at most ${MAX_HEADER_BYTES / 1024} kB together.`]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(problem(status, code, { detail }));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app as (request: IncomingMessage, response: ServerResponse) => void);
    // A slow client cannot hold a connection open by trickling its request in.
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    server.on('clientError', answerClientError);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(port, host);
  });
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function htmlFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .sort();
}

function indexPage(dirs: { demo: string; cdn: string }, seed: number, devMailbox: boolean): string {
  const demos = htmlFiles(dirs.demo, '.html');
  const bundles = htmlFiles(dirs.cdn, '.js');
  const list = (items: string[], prefix: string, empty: string) =>
    items.length === 0
      ? `<p>${empty}</p>`
      : `<ul>${items.map((item) => `<li><a href="${prefix}${encodeURIComponent(item)}">${escapeHtml(item)}</a></li>`).join('')}</ul>`;
  const openapi = '<a href="/openapi.json">OpenAPI 3.1 description (openapi.json)</a>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blauw mock server</title>
<style>
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-inline-size: 48rem; padding: 1rem; color: #1a1a1a; }
  a { color: #1f4e9c; }
  a:focus-visible { outline: 3px solid #1f4e9c; outline-offset: 2px; }
  code { font-size: 0.95em; }
</style>
</head>
<body>
<header><h1>Blauw mock server</h1>
<p>A reference backend playing the fictional ${escapeHtml(ZONE_NAME)} (seed ${seed}). All data is invented.</p></header>
<main>
<section aria-labelledby="api"><h2 id="api">API</h2>
<ul>
<li><a href="/v1">API base <code>/v1</code></a> (lists the routes)</li>
<li>${openapi}</li>
<li><a href="/v1/offices">Example: <code>GET /v1/offices</code></a></li>
</ul>
<p>Dev tokens: <code>Authorization: Bearer dev-officer</code> or <code>Bearer dev-supervisor</code>. Citizens need no token.</p>
</section>
${
  devMailbox
    ? `<section aria-labelledby="mail"><h2 id="mail">E-mail</h2>
<p><a href="/dev/mailbox">Development mailbox</a>: the confirmations the server would have sent (no SMTP server is configured).</p>
</section>
`
    : ''
}<section aria-labelledby="demos"><h2 id="demos">Demos</h2>
<p><a href="/demo/">All demos</a></p>
${list(demos.filter((file) => file !== 'index.html'), '/demo/', 'Widget demos will appear here.')}
</section>
<section aria-labelledby="cdn"><h2 id="cdn">CDN bundles</h2>
${list(bundles, '/cdn/', 'No bundles built yet (run <code>npm run build</code>).')}
</section>
</main>
</body>
</html>
`;
}
