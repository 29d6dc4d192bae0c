import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMiddleware } from '@mswjs/http-middleware';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DEMO_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { DEFAULT_MANAGE_PAGE } from './domain/bookings.js';
import { createOffsetClock, systemClock, type Clock } from './domain/clock.js';
import type { Mailer } from './domain/mailer.js';
import { mulberry32, type Random } from './domain/random.js';
import { createZone, type Zone } from './domain/zone.js';
import { createHandlers } from './handlers/create-handlers.js';
import { problem } from './handlers/problem.js';
import { routes } from './handlers/routes.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { ZONE_NAME } from './seed/zone-seed.js';
import { devMailboxRouter } from './dev-mailbox.js';
import { escapeHtml } from './escape-html.js';
import { createNodeMailer, type ClosableMailer } from './mail-transport.js';

export { DEMO_CONTENT_SECURITY_POLICY };

/** Headers a browser may send cross-origin: what the SDK sends. */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Last-Event-ID', 'Accept-Language', 'Content-Type'];
/** Response headers a cross-origin script may read. */
export const CORS_EXPOSE_HEADERS = ['ETag', 'Retry-After', 'Location'];
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

/** Default locations of the static files the server offers. */
export const DEFAULT_STATIC_DIRS = {
  demo: `${packageRoot}demo`,
  cdn: `${repoRoot}packages/widgets/dist/cdn`,
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
  let publicUrl = 'http://localhost:8787';
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
  });
  let failures = failureRandom(zone.seed);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(cors(allowOrigin));

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

  app.post('/__blauw/reset', express.json({ strict: false }), (request: Request, response: Response) => {
    const seed: unknown = (request.body as { seed?: unknown } | undefined)?.seed;
    if (seed !== undefined && !Number.isSafeInteger(seed)) {
      sendProblem(response, problem(400, 'validation_failed', { errors: [{ pointer: '/seed', detail: 'Expected a whole number.' }], instance: '/__blauw/reset' }));
      return;
    }
    zone.reset(seed as number | undefined);
    failures = failureRandom(zone.seed);
    response.json({ seed: zone.seed });
  });
  app.get('/__blauw/health', (_request: Request, response: Response) => {
    response.json({ status: 'ok', seed: zone.seed });
  });

  app.get('/', (_request: Request, response: Response) => {
    response.type('html').send(indexPage(dirs, zone.seed, !smtp));
  });
  if (!smtp) app.use(devMailboxRouter(() => zone.mailbox));
  // Generated from the route table on each request, so it is always the API this server serves.
  app.get('/openapi.json', (request: Request, response: Response) => {
    response.json(openApiDocument(routes, { version: packageVersion(), serverUrl: `${request.protocol}://${request.get('host') ?? 'localhost'}` }));
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

  app.use(createMiddleware(...createHandlers({ zone, latencyMs })));

  app.use((request: Request, response: Response) => {
    sendProblem(response, problem(404, 'not_found', { detail: `Nothing is served at ${request.path}.`, instance: request.path }));
  });

  const server = await listen(app, options.port ?? 8787, host);
  const port = (server.address() as AddressInfo).port;
  const displayHost = ['127.0.0.1', 'localhost', '0.0.0.0', '::', '::1'].includes(host) ? 'localhost' : host;
  const url = `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${port}`;
  publicUrl = url;

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

function sendProblem(response: Response, document: ReturnType<typeof problem>): void {
  response.status(document.status).type('application/problem+json').send(JSON.stringify(document));
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
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
