#!/usr/bin/env node
// blauw-mock-server: the mock backend as a command. Prints one line with the URL (the actual
// port when started with --port 0) so scripts and tests can read it from stdout.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IsoDateTime } from '@blauw/core';
import { DEFAULT_ANONYMOUS_WRITE_LIMIT, type RateLimit } from './domain/rate-limit.js';
import { startMockServer } from './server.js';

const USAGE = `Usage: blauw-mock-server [options]

Serves the Blauw API under /v1, demo pages under /demo/, CDN bundles under /cdn/ and
/openapi.json, with a fictional police zone seeded deterministically.

Options:
  --port N            TCP port (default 8787; 0 picks a free port)
  --host HOST         interface to listen on (default 127.0.0.1)
  --seed N            seed of the fictional data (default 1)
  --latency MS        delay every /v1 response by MS milliseconds (default 0)
  --fail-rate P       probability 0..1 that a /v1 request fails with 503 or a dropped
                      connection, deterministic for the seed (default 0)
  --drop-after-commit P
                      probability 0..1 that a /v1 write is carried out and its answer
                      then lost (the connection closed), deterministic for the seed;
                      clients must retry with the same Idempotency-Key (default 0)
  --write-limit N/B   anonymous writes allowed per client address: N a minute, bursts
                      of B; more get 429 with Retry-After (default 20/10; 0 turns it off)
  --now ISO           start the server's clock at this instant, ISO 8601 with offset or Z
                      (e.g. 2027-04-30T21:30:00Z); it then runs on in real time
                      (default: the system clock)
  --allow-origin O    origin allowed to call the API cross-origin; repeatable
                      (default: any origin). Cookies are never allowed. A booking's
                      manageUrl (the e-mailed link) must then be on one of them.
  --smtp URL          send the confirmation e-mails over SMTP, e.g.
                      smtp://user:pass@mail.example:587 or smtps://…:465
                      (default: env BLAUW_SMTP_URL; without either, e-mails go to the
                      development mailbox at /dev/mailbox)
  --mail-from FROM    sender of the e-mails (default: env BLAUW_MAIL_FROM, else
                      "Politiezone Scheldeland <noreply@pz-scheldeland.example>")
  --incident-rate N   new incidents per hour the simulated dispatch opens on average,
                      busier in the evening and in weekend nights (default 6)
  --event-rate N      extra simulated events per second on the live stream (unit position
                      reports, notes on open incidents), for load tests (default 0)
  --stream-chaos N    cut every live stream (incidents, messaging) off abruptly after 1 to 2N events,
                      deterministic for the seed; clients must resume with Last-Event-ID
                      (default 0: never)
  --heartbeat MS      send a heartbeat comment on live streams every MS milliseconds
                      (default 15000)
  --check-assignments N
                      check assignments the dev officer starts with, 0 to 5000
                      (default 12; load tests of the offline outbox ask for hundreds)
  --dev-controls      serve the test controls POST /__blauw/reset,
                      POST /__blauw/incidents/burst, POST /__blauw/messaging/send
                      and GET /__blauw/health
                      (same-origin JSON requests only; default: off, the routes do not exist)
  --public-url URL    the origin clients reach the server at, e.g. https://api.pz.example
                      (the servers entry of /openapi.json and the base of e-mailed links;
                      default: the URL the server listens on)
  --cdn DIR           serve the widgets' CDN files under /cdn/ from DIR (default: dist/cdn
                      of the installed @blauw/widgets package)
  --help              show this help

Dev tokens: Authorization: Bearer dev-officer | Bearer dev-supervisor
Test controls (with --dev-controls): POST /__blauw/reset [{"seed": N}] and
POST /__blauw/incidents/burst {"count": N} (N up to 5000 new incidents at once),
POST /__blauw/messaging/send {"conversationId", "senderId", "text"} (another participant
sends a message) with
Content-Type: application/json, GET /__blauw/health
Development mailbox (without SMTP): GET /dev/mailbox, GET /dev/mailbox.json`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return Number(value);
}

function decimal(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${value}".`);
  }
  return number;
}

/** An ISO 8601 instant with offset or Z, on a date that exists (no 30 February). */
function isInstant(text: string): boolean {
  if (!IsoDateTime.safeParse(text).success) return false;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'drop-after-commit': { type: 'string' },
        'write-limit': { type: 'string' },
        'incident-rate': { type: 'string' },
        'event-rate': { type: 'string' },
        'stream-chaos': { type: 'string' },
        heartbeat: { type: 'string' },
        'check-assignments': { type: 'string' },
        now: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        smtp: { type: 'string' },
        'mail-from': { type: 'string' },
        'dev-controls': { type: 'boolean' },
        'public-url': { type: 'string' },
        cdn: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const failRateText = values['fail-rate'];
  let failRate = 0;
  if (failRateText !== undefined) {
    failRate = Number(failRateText);
    if (failRateText.trim() === '' || !Number.isFinite(failRate) || failRate < 0 || failRate > 1) {
      throw new UsageError(`--fail-rate must be a number from 0 to 1, got "${failRateText}".`);
    }
  }
  const dropText = values['drop-after-commit'];
  const dropAfterCommit = dropText === undefined ? 0 : Number(dropText);
  if (dropText !== undefined && (dropText.trim() === '' || !Number.isFinite(dropAfterCommit) || dropAfterCommit < 0 || dropAfterCommit > 1)) {
    throw new UsageError(`--drop-after-commit must be a number from 0 to 1, got "${dropText}".`);
  }
  const writeLimitText = values['write-limit'] ?? `${DEFAULT_ANONYMOUS_WRITE_LIMIT.perMinute}/${DEFAULT_ANONYMOUS_WRITE_LIMIT.burst}`;
  const writeLimit = /^(\d{1,6})(?:\/(\d{1,6}))?$/.exec(writeLimitText);
  if (!writeLimit || (Number(writeLimit[1]) > 0 && writeLimit[2] !== undefined && Number(writeLimit[2]) < 1)) {
    throw new UsageError(`--write-limit must be writes a minute and a burst, such as 20/10, or 0 for no limit, got "${writeLimitText}".`);
  }
  const anonymousWriteLimit: RateLimit | false =
    Number(writeLimit[1]) === 0 ? false : { perMinute: Number(writeLimit[1]), burst: Number(writeLimit[2] ?? writeLimit[1]) };
  const origins = values['allow-origin'] ?? [];
  for (const origin of origins) {
    if (origin === '*') continue;
    let normalized: string | undefined;
    try {
      normalized = new URL(origin).origin;
    } catch {
      normalized = undefined;
    }
    if (normalized !== origin) {
      throw new UsageError(`--allow-origin must be an origin such as https://www.example.be (scheme, host, optional port, no path), got "${origin}".`);
    }
  }
  const now = values.now;
  if (now !== undefined && !isInstant(now)) {
    throw new UsageError(`--now must be an ISO 8601 instant with offset or Z, such as 2027-04-30T21:30:00Z, got "${now}".`);
  }
  const smtpUrl = values.smtp ?? env['BLAUW_SMTP_URL'];
  if (smtpUrl !== undefined && smtpUrl !== '' && !/^smtps?:\/\/[^\s/?#]+\/?$/.test(smtpUrl)) {
    // Never echo it: the URL may hold a password.
    throw new UsageError('--smtp (or BLAUW_SMTP_URL) must be a URL such as smtp://user:pass@mail.example:587 or smtps://mail.example:465.');
  }
  const mailFrom = values['mail-from'] ?? env['BLAUW_MAIL_FROM'];
  if (mailFrom !== undefined && !/^([^<>\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(mailFrom)) {
    throw new UsageError(`--mail-from (or BLAUW_MAIL_FROM) must be an address, or a name and an address such as "Politiezone Scheldeland <noreply@pz.example>", got "${mailFrom}".`);
  }
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#@]+\/?$/.test(publicUrl)) {
    throw new UsageError(`--public-url must be an origin such as https://api.pz.example, got "${publicUrl}".`);
  }
  const cdn = values.cdn === undefined ? undefined : resolve(values.cdn);
  if (cdn !== undefined && !(existsSync(cdn) && statSync(cdn).isDirectory())) {
    throw new UsageError(`--cdn must be a directory, got "${values.cdn}".`);
  }
  const incidentRate = decimal('incident-rate', values['incident-rate'], 6, 0, 3600);
  const eventRate = decimal('event-rate', values['event-rate'], 0, 0, 10_000);
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must not be empty.');
  return {
    help: values.help === true,
    port: integer('port', values.port, 8787, 0, 65535),
    host,
    seed: integer('seed', values.seed, 1, 0, 2 ** 32 - 1),
    latencyMs: integer('latency', values.latency, 0, 0, 600_000),
    incidentRate,
    eventRate,
    streamChaos: integer('stream-chaos', values['stream-chaos'], 0, 0, 1_000_000),
    heartbeatMs: integer('heartbeat', values.heartbeat, 15_000, 100, 3_600_000),
    checkAssignments: integer('check-assignments', values['check-assignments'], 12, 0, 5000),
    failRate,
    dropAfterCommit,
    anonymousWriteLimit,
    now,
    smtpUrl: smtpUrl === '' ? undefined : smtpUrl,
    mailFrom,
    allowOrigin: origins.length === 0 ? '*' : origins,
    devControls: values['dev-controls'] === true,
    publicUrl,
    staticDirs: cdn === undefined ? undefined : { cdn },
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`blauw-mock-server: ${error.message}\nRun blauw-mock-server --help for the options.`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { help: _help, ...serverOptions } = options;
  const server = await startMockServer({ ...serverOptions, handleSignals: true });
  process.stdout.write(`Blauw mock server on ${server.url} (seed ${options.seed})\n`);
  process.stdout.write(server.mailbox ? `E-mails go to the development mailbox: ${server.mailbox}\n` : 'E-mails go out over SMTP.\n');
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') console.error('blauw-mock-server: the port is already in use; pick another with --port, or --port 0.');
  else console.error('blauw-mock-server: could not start:', error);
  process.exit(1);
});
