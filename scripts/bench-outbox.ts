// `npm run bench:outbox`: how fast the offline outbox queues and drains, in headless Chromium
// (IndexedDB, Web Locks and BroadcastChannel are the browser's own). 1,000 check submissions are
// queued in a fresh outbox (queueing rate), then drained by one OutboxDrain through the SDK's
// Transport until all are `sent` (drain rate); then 1,000 more, in another fresh outbox, are
// drained by two tabs of one browser at once, each with its own OutboxDrain on the same database
// name, and the server counts what reached it per client id: every write exactly once.
//
// The writes go to a loopback server written here, not to the mock server: each open check
// assignment of the mock server accepts one submission (a second client id answers 409
// check_assignment_not_open, which parks the item), and its seed has far fewer than 1,000. This
// server reads each body and answers 201 (with the CORS headers the page's origin needs), so the
// figures are the outbox's and the transport's, not a backend's. 100 real submissions against
// the mock server are not measured: the script asks the mock server how many open assignments
// its seed gives (12 assignments, 11 open) and prints why it skips them.
//
// Goal: 1,000 writes drained in < 10 s locally. The clock is the real one: a benchmark, not a
// test. Each drain gives up after 60 s and says how far it got; slowness is printed as NOT MET,
// while a write that reached the server twice exits 1. BENCH_OUTBOX_WRITES=200 runs a smaller
// load (the drain's cost per write grows with the outbox's size). Not part of `npm test`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@blauw/mock-server/server';
import { chromium, type Page } from 'playwright-core';
import { bundlePages } from '../test/support/page-bundle.js';
import { serveStatic } from '../test/support/static-server.js';
import type { DrainFigures, OutboxBenchPage } from './bench/outbox-page.js';

const WRITES = Number(process.env['BENCH_OUTBOX_WRITES'] ?? 1_000);
const GOAL_MS = 10_000;
const TIMEOUT_MS = 60_000;
const REAL_WRITES = 100;

const dir = mkdtempSync(join(tmpdir(), 'blauw-bench-outbox-'));
await bundlePages({ outbox: 'scripts/bench/outbox-page.ts' }, dir);
writeFileSync(join(dir, 'outbox.html'), '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>outbox</title></head><body><script type="module" src="outbox.js"></script></body></html>');

/** What reached the loopback server: requests per client id, and anything it refused. */
const received = new Map<string, number>();
const refused: string[] = [];
const api = createServer((request: IncomingMessage, response: ServerResponse) => {
  const headers = {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-methods': 'POST, PUT, PATCH, DELETE',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
    'access-control-expose-headers': 'ETag, Retry-After, Location, X-Request-Id',
    'access-control-max-age': '600',
  };
  if (request.method === 'OPTIONS') return void response.writeHead(204, headers).end();
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let clientId: unknown;
    try {
      clientId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { clientId?: unknown }).clientId;
    } catch {
      clientId = undefined;
    }
    const fault =
      request.method !== 'POST' || request.url !== '/v1/check-submissions' ? `${request.method} ${request.url}`
      : request.headers.authorization !== 'Bearer dev-officer' ? 'no officer token'
      : !request.headers['idempotency-key'] ? 'no Idempotency-Key'
      : typeof clientId !== 'string' ? 'no clientId in the body'
      : undefined;
    if (fault !== undefined) {
      refused.push(fault);
      return void response.writeHead(400, { ...headers, 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: fault, status: 400 }));
    }
    received.set(clientId as string, (received.get(clientId as string) ?? 0) + 1);
    response.writeHead(201, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify({ clientId }));
  });
});
await new Promise<void>((resolve, reject) => {
  api.once('error', reject);
  api.listen(0, '127.0.0.1', resolve);
});
const baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`;

const site = await serveStatic(dir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

const bench = <K extends keyof OutboxBenchPage>(tab: Page, method: K, ...args: Parameters<OutboxBenchPage[K]>) =>
  tab.evaluate(([m, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[m]!(...a), [method, args] as const) as ReturnType<OutboxBenchPage[K]>;

/** Each client id that did not reach the server exactly once, with how often it did; and ids nobody queued. */
function delivery(clientIds: readonly string[]): { missing: number; twice: string[]; strangers: number } {
  const queued = new Set(clientIds);
  const twice = clientIds.filter((id) => (received.get(id) ?? 0) > 1).map((id) => `${id} ×${received.get(id)}`);
  return { missing: clientIds.filter((id) => !received.has(id)).length, twice, strangers: [...received.keys()].filter((id) => !queued.has(id)).length };
}

const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000)} writes/s`;
const outcome = (figures: DrainFigures) =>
  figures.done
    ? `${figures.ms.toFixed(0)} ms`
    : `GAVE UP after ${TIMEOUT_MS / 1000} s with ${figures.progress.sent} sent (${rate(figures.progress.sent, figures.ms)}; ${JSON.stringify(figures.progress)})`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let failed = false;
try {
  console.info(`${WRITES} check submissions through the outbox to a loopback server; Chromium ${browser.version()}`);
  const context = await browser.newContext();
  const tabs = [await context.newPage(), await context.newPage()] as const;
  for (const [i, tab] of tabs.entries()) {
    tab.on('pageerror', (error) => console.error(`tab ${i + 1}: ${error.message}`));
    await tab.goto(`${site.origin}/outbox.html`);
    await tab.waitForFunction(() => 'bench' in window);
  }
  const run = `${Date.now()}`;

  // One tab, one drain.
  const one = await bench(tabs[0], 'queue', `blauw-bench-outbox-${run}-one`, WRITES);
  const drained = await bench(tabs[0], 'drain', `blauw-bench-outbox-${run}-one`, baseUrl, WRITES, TIMEOUT_MS);
  const single = delivery(one.clientIds);
  console.info(`queue ${WRITES}: ${one.ms.toFixed(0)} ms (${rate(WRITES, one.ms)})`);
  console.info(`drain ${WRITES} (one tab): ${outcome(drained)}${drained.done ? ` (${rate(WRITES, drained.ms)})` : ''}`);
  console.info(`  server: ${received.size} client ids, ${[...received.values()].reduce((a, b) => a + b, 0)} requests, ${single.missing} missing, ${single.twice.length} more than once, ${single.strangers} not queued, ${refused.length} refused`);
  for (const id of single.twice.slice(0, 10)) console.info(`  sent more than once: ${id}`);

  // Two tabs, one outbox.
  const refusedOne = refused.length;
  received.clear();
  refused.length = 0;
  const name = `blauw-bench-outbox-${run}-two`;
  const two = await bench(tabs[0], 'queue', name, WRITES);
  const [first, second] = await Promise.all(tabs.map((tab) => bench(tab, 'drain', name, baseUrl, WRITES, TIMEOUT_MS)));
  const both = delivery(two.clientIds);
  const requests = [...received.values()].reduce((a, b) => a + b, 0);
  const slowest = Math.max(first!.ms, second!.ms);
  console.info(`drain ${WRITES} (two tabs, same outbox): tab 1 ${outcome(first!)}, tab 2 ${outcome(second!)}${first!.done && second!.done ? ` (${rate(WRITES, slowest)})` : ''}`);
  console.info(`  server: ${received.size} client ids, ${requests} requests, ${both.missing} missing, ${both.twice.length} more than once, ${both.strangers} not queued, ${refused.length} refused`);
  for (const id of both.twice.slice(0, 10)) console.info(`  sent more than once: ${id}`);
  for (const fault of new Set(refused)) console.info(`  refused: ${fault}`);
  const exactlyOnce = both.missing === 0 && both.twice.length === 0 && both.strangers === 0 && requests === WRITES && refused.length === 0;
  await context.close();

  // 100 real check submissions need as many open assignments; the mock server's seed is asked.
  const mock = await startMockServer({ port: 0, host: '127.0.0.1' });
  try {
    const open = (await (await fetch(`${mock.url}/v1/check-assignments?status=open&limit=200`, { headers: { Authorization: 'Bearer dev-officer' } })).json()) as { items: unknown[]; nextCursor: string | null };
    const count = open.nextCursor === null ? `${open.items.length}` : `more than ${open.items.length}`;
    const why = open.items.length < REAL_WRITES ? `fewer than ${REAL_WRITES}` : 'this script does not submit real checks yet';
    console.info(`${REAL_WRITES} real submissions to the mock server: skipped, its seed has ${count} open check assignments (each takes one submission): ${why}`);
  } finally {
    await mock.close();
  }

  const goals = [
    [`${WRITES} writes drained in < ${seconds(GOAL_MS)} (one tab)`, drained.done && drained.ms < GOAL_MS],
    [`${WRITES} writes drained in < ${seconds(GOAL_MS)} (two tabs)`, first!.done && second!.done && slowest < GOAL_MS],
    ['no write reached the server more than once (one tab, two tabs)', single.twice.length + both.twice.length === 0],
    ['two tabs: every write reached the server exactly once', exactlyOnce],
  ] as const;
  for (const [goal, met] of goals) console.info(`${met ? 'met' : 'NOT MET'}: ${goal}`);
  // Slow is a figure (NOT MET above); a write sent twice, refused or never queued is a fault.
  failed = single.twice.length + both.twice.length + both.strangers + single.strangers + refusedOne + refused.length > 0;
} finally {
  await browser.close();
  await site.close();
  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
  if (process.env['BENCH_KEEP']) console.info(dir);
  else rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
