// `npm run fuzz`: fires hostile requests at every operation of the mock server's OpenAPI document
// (malformed and wrong-typed bodies, huge strings, deep nesting, bad percent-encoding, invalid
// UTF-8, NUL, wrong content types) and reports every answer that is not a well-formed problem
// document (for 4xx/5xx), any 5xx, any answer leaking a stack or a path, and any answer slower
// than 1 s. Bounded in count and time; exits non-zero on any finding. Not part of `npm test`
// (packages/mock-server/test/fuzz.test.ts runs a short pass so it cannot rot).
//
//   npm run fuzz [-- --requests 3000 --seconds 60 --seed 1]
import { Agent, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Problem } from '../packages/core/src/index.js';
import { createFixedClock } from '../packages/mock-server/src/domain/clock.js';
import { mailboxOnlyMailer } from '../packages/mock-server/src/domain/mailer.js';
import { mulberry32 } from '../packages/mock-server/src/domain/random.js';
import { startMockServer } from '../packages/mock-server/src/server.js';

/** Options of {@link fuzz}. */
export interface FuzzOptions {
  /** At most this many requests. Default 3000. */
  maxRequests?: number;
  /** Stop starting requests after this many milliseconds. Default 60 000. */
  maxMs?: number;
  /** Seed of the case order and of the zone. Default 1. */
  seed?: number;
  /** An answer slower than this is a finding. Default 1000 ms. */
  slowMs?: number;
}

/** One answer that broke the rules. */
export interface FuzzFinding {
  method: string;
  path: string;
  status: number;
  ms: number;
  why: string;
}

/** What a fuzz run found. */
export interface FuzzReport {
  requests: number;
  operations: number;
  maxLatencyMs: number;
  medianLatencyMs: number;
  byStatus: Record<string, number>;
  findings: FuzzFinding[];
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
}

interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/v1/offices/{officeId}`. */
  path: string;
  params: { name: string; in: string }[];
  hasBody: boolean;
  idempotent: boolean;
  auth: boolean;
}

const NOW = '2027-03-01T09:00:00+01:00';

// Path segments and query values, as they go on the wire (already percent-encoded or raw).
const HOSTILE_VALUES = [
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C3%28',
  '%FF%FE',
  '%00',
  'a%00b',
  '%0D%0AX-Injected:%201',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(5000),
  '%F0%9F%92%A9'.repeat(200),
  '1583-01-01',
  '1000-04-01',
  '9999-12-31',
  '2027-02-30',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  '',
];

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const nested = (depth: number) => Buffer.from(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);

/** Bodies that are malformed, wrong-typed, huge or deep, with the content type each goes with. */
function hostileBodies(): { type: string | undefined; body: Buffer }[] {
  const bodies: { type: string | undefined; body: Buffer }[] = [
    { type: 'application/json', body: Buffer.from('{') },
    { type: 'application/json', body: Buffer.from('{"slotId": }') },
    { type: 'application/json', body: Buffer.from('') },
    { type: 'application/json', body: Buffer.from('null') },
    { type: 'application/json', body: Buffer.from('[]') },
    { type: 'application/json', body: Buffer.from('42') },
    { type: 'application/json', body: Buffer.from('"text"') },
    { type: 'application/json', body: json({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }) },
    { type: 'application/json', body: Buffer.from('{"__proto__":{"polluted":true}}') },
    { type: 'application/json', body: nested(31) },
    { type: 'application/json', body: nested(33) },
    { type: 'application/json', body: nested(2022) },
    { type: 'application/json', body: nested(30_000) },
    { type: 'application/json', body: json({ slotId: 'x'.repeat(60_000) }) },
    { type: 'application/json', body: json({ padding: 'x'.repeat(70_000) }) },
    { type: 'application/json', body: json({ reason: 'a\u0000b', message: 'c\u001bd', citizen: { name: 'N\u0000', email: 'a@b.be', language: 'nl' } }) },
    { type: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) },
    { type: 'application/json', body: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) },
    { type: 'application/json', body: Buffer.from('{"durationMinutes":1e309}') },
    { type: 'application/json', body: json({ from: '2027-02-30', to: '9999-12-31', start: '1583-01-01T00:00:00Z', durationMinutes: Number.MAX_VALUE }) },
    { type: 'application/json', body: json({ topicId: 1, slotId: [], holdId: {}, citizen: 'x', address: null, dayParts: 'morning' }) },
    { type: 'application/json; charset=utf-16', body: Buffer.from('{}', 'utf16le') },
    { type: 'application/json', body: Buffer.from(`[${'1,'.repeat(20_000)}1]`) },
    { type: 'text/plain', body: Buffer.from('{"seed":1}') },
    { type: 'application/x-www-form-urlencoded', body: Buffer.from('slotId=x&topicId=y') },
    { type: 'multipart/form-data; boundary=x', body: Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n') },
    { type: undefined, body: Buffer.from('{}') },
    { type: 'application/xml', body: Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>') },
  ];
  return bodies;
}

const HOSTILE_HEADERS: Record<string, string>[] = [
  { Authorization: 'Bearer ' },
  { Authorization: 'Bearer dev-officer' },
  { Authorization: 'Bearer dev-supervisor' },
  { Authorization: `Bearer ${'x'.repeat(4000)}` },
  { Authorization: 'Basic Zm9vOmJhcg==' },
  { 'Idempotency-Key': 'x'.repeat(300) },
  { 'If-Match': '"nope"' },
  { 'If-None-Match': '*' },
  { 'Accept-Language': 'xx;q=NaN' },
  { 'Content-Encoding': 'gzip' },
  { 'X-Request-Id': '<script>' },
];

function operationsOf(document: { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown; security?: unknown[] }>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        params: operation.parameters ?? [],
        hasBody: operation.requestBody !== undefined,
        idempotent: method === 'post',
        auth: (operation.security?.length ?? 0) > 0,
      });
    }
  }
  return operations;
}

const PLAIN_VALUES: Record<string, string> = {
  officeId: 'office-wilgendonk',
  officerId: 'officer-03',
  topicId: 'topic-domicile',
  municipalityId: 'municipality-scheldegem',
  from: '2027-03-02',
  to: '2027-03-05',
  postalCode: '9300',
  street: 'Kerkstraat',
  houseNumber: '1',
  limit: '5',
};

/** Every hostile request for one operation, in a fixed order. */
function casesOf(operation: Operation, next: () => number): Case[] {
  const cases: Case[] = [];
  const pathParams = operation.params.filter((param) => param.in === 'path').map((param) => param.name);
  const queryParams = operation.params.filter((param) => param.in === 'query').map((param) => param.name);
  const plainPath = (override?: [string, string]) =>
    operation.path.replace(/\{([^}]+)\}/g, (_all, name: string) => (override && override[0] === name ? override[1] : encodeURIComponent(PLAIN_VALUES[name] ?? 'x1234567890123456')));
  const plainQuery = (override?: [string, string]) =>
    queryParams.length === 0 && !override
      ? ''
      : `?${[...queryParams.map((name) => (override && override[0] === name ? `${name}=${override[1]}` : `${name}=${encodeURIComponent(PLAIN_VALUES[name] ?? 'x')}`)), ...(override && !queryParams.includes(override[0]) ? [`${override[0]}=${override[1]}`] : [])].join('&')}`;
  const base = (): Record<string, string> => ({
    ...(operation.auth ? { Authorization: 'Bearer dev-supervisor' } : {}),
    ...(operation.idempotent ? { 'Idempotency-Key': `fuzz-${Math.floor(next() * 1e12)}` } : {}),
  });
  const withBody = (headers: Record<string, string>) => (operation.hasBody || operation.idempotent ? { ...headers, 'Content-Type': 'application/json' } : headers);
  const body = operation.hasBody || operation.idempotent ? Buffer.from('{}') : undefined;

  for (const name of pathParams) {
    for (const value of HOSTILE_VALUES) cases.push({ method: operation.method, path: plainPath([name, value]) + plainQuery(), headers: withBody(base()), body });
  }
  for (const name of [...queryParams, 'cursor', 'unknown']) {
    for (const value of HOSTILE_VALUES) cases.push({ method: operation.method, path: plainPath() + plainQuery([name, value]), headers: withBody(base()), body });
  }
  cases.push({ method: operation.method, path: `${plainPath()}${plainQuery()}&from=2027-03-02&from=2027-03-03`, headers: withBody(base()), body });
  if (operation.method !== 'GET') {
    for (const hostile of hostileBodies()) {
      cases.push({ method: operation.method, path: plainPath() + plainQuery(), headers: { ...base(), ...(hostile.type ? { 'Content-Type': hostile.type } : {}) }, body: hostile.body });
    }
  }
  for (const headers of HOSTILE_HEADERS) cases.push({ method: operation.method, path: plainPath() + plainQuery(), headers: withBody({ ...base(), ...headers }), body });
  for (const method of ['HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE', 'TRACE']) {
    if (method !== operation.method) cases.push({ method, path: plainPath() + plainQuery(), headers: base() });
  }
  return cases;
}

/** Shuffles in place, deterministically. */
function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function send(port: number, agent: Agent, item: Case): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...item.headers };
    if (item.body !== undefined) headers['Content-Length'] = item.body.length;
    const request = httpRequest({ host: '127.0.0.1', port, method: item.method, path: item.path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      // A live stream never ends: its first chunk is the answer to judge; then hang up.
      const stream = /^text\/event-stream/.test(String(response.headers['content-type'] ?? ''));
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (stream) {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
          request.destroy();
        }
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    // A 413 closes the connection before the rest of a large body is sent.
    request.end(item.body);
  });
}

/** Why an answer breaks the rules, or undefined when it keeps them. */
function judge(item: Case, status: number, headers: Record<string, string | string[] | undefined>, body: Buffer): string | undefined {
  const text = body.toString('utf8');
  // A stack frame stays inside one JSON string: "at least 1" in one field and a time such as
  // 09:30:00 in the next are not one.
  if (/\bat [^\n"]+:\d+:\d+\)?|\/work\/|\/home\/|node_modules|<html|<!DOCTYPE/i.test(text)) return 'leaks a stack, a path or HTML';
  if (headers['x-content-type-options'] !== 'nosniff') return 'no X-Content-Type-Options: nosniff';
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return undefined;
  if (item.method === 'HEAD') return body.length === 0 ? undefined : 'HEAD with a body';
  if (!/^application\/problem\+json/.test(String(headers['content-type'] ?? ''))) return `${status} as ${String(headers['content-type'])}, not application/problem+json`;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return `${status} whose body is not JSON`;
  }
  const parsed = Problem.safeParse(document);
  if (!parsed.success) return `${status} whose body is not a problem document`;
  if (parsed.data.status !== status) return `problem status ${parsed.data.status} on a ${status} answer`;
  return undefined;
}

/**
 * Starts the mock server in-process on a free port, reads its OpenAPI document and fires hostile
 * requests at every operation, at most `maxRequests` and for at most `maxMs`.
 */
export async function fuzz(options: FuzzOptions = {}): Promise<FuzzReport> {
  const maxRequests = options.maxRequests ?? 3000;
  const maxMs = options.maxMs ?? 60_000;
  const slowMs = options.slowMs ?? 1000;
  const next = mulberry32(options.seed ?? 1);
  const server = await startMockServer({ port: 0, seed: options.seed ?? 1, clock: createFixedClock(NOW), mailer: mailboxOnlyMailer, anonymousWriteLimit: false } as Parameters<typeof startMockServer>[0]);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  try {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(document);
    // Round-robin over the operations, so a short pass still reaches every one of them.
    const perOperation = operations.map((operation) => shuffle(casesOf(operation, next), next));
    const queue: Case[] = [];
    for (let round = 0; queue.length < maxRequests && perOperation.some((cases) => round < cases.length); round++) {
      for (const cases of perOperation) if (round < cases.length && queue.length < maxRequests) queue.push(cases[round] as Case);
    }
    const findings: FuzzFinding[] = [];
    const latencies: number[] = [];
    const byStatus: Record<string, number> = {};
    const started = performance.now();
    let index = 0;
    const worker = async () => {
      while (index < queue.length && performance.now() - started < maxMs) {
        const item = queue[index++] as Case;
        const begin = performance.now();
        let outcome: Awaited<ReturnType<typeof send>> | undefined;
        let failure: string | undefined;
        try {
          outcome = await send(server.port, agent, item);
        } catch (error) {
          // A connection closed after a 413 on a large body is how the limit works; anything else is a finding.
          failure = `no answer (${(error as { code?: string }).code ?? String(error)})`;
        }
        const ms = performance.now() - begin;
        latencies.push(ms);
        const status = outcome?.status ?? 0;
        byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
        const why = failure ?? (outcome ? judge(item, outcome.status, outcome.headers, outcome.body) : undefined) ?? (ms > slowMs ? `took ${ms.toFixed(0)} ms` : undefined);
        if (why !== undefined && !(failure !== undefined && (item.body?.length ?? 0) > 64 * 1024)) {
          findings.push({ method: item.method, path: item.path.length > 120 ? `${item.path.slice(0, 117)}...` : item.path, status, ms: Math.round(ms), why });
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      operations: operations.length,
      maxLatencyMs: Math.round(latencies.at(-1) ?? 0),
      medianLatencyMs: Math.round((latencies[Math.floor(latencies.length / 2)] ?? 0) * 10) / 10,
      byStatus,
      findings,
    };
  } finally {
    agent.destroy();
    await server.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { requests: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' } } });
  const report = await fuzz({
    maxRequests: Number(values.requests ?? 3000),
    maxMs: Number(values.seconds ?? 60) * 1000,
    seed: Number(values.seed ?? 1),
  });
  console.log(`fuzz: ${report.requests} requests over ${report.operations} operations, median ${report.medianLatencyMs} ms, max ${report.maxLatencyMs} ms`);
  console.log(`fuzz: statuses ${Object.entries(report.byStatus).map(([status, count]) => `${status}×${count}`).join(' ')}`);
  console.log(`fuzz: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`);
  for (const finding of report.findings.slice(0, 50)) console.log(`  ${finding.method} ${finding.path} → ${finding.status} in ${finding.ms} ms: ${finding.why}`);
  process.exit(report.findings.length === 0 ? 0 : 1);
}
