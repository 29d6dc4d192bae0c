// `npm run bench:availability` (part of `npm run bench`): what availability costs, with an empty agenda and with 10,000 booking records
// (some cancelled), in one run. Starts the mock server in-process on 127.0.0.1 (loopback only, a
// free port) with a fixed clock, so every run asks the same questions. Not part of `npm test`:
// timings depend on the machine; this prints them for a human (and the issue's note) to read.
//
// Goals (issue 8): 31-day availability ≤ 10 ms median at both volumes, ratio 10,000/0 ≤ 1.5,
// ≥ 500 requests/s for 1-day availability with 50 concurrent clients on a 2-core machine.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createFixedClock, mailboxOnlyMailer, type FixedClock, type Zone } from '@blauw/mock-server';
import { startMockServer } from '@blauw/mock-server/server';

const NOW = '2027-03-01T09:00:00+01:00';
const TOPIC = 'topic-domicile';
const BOOKINGS = 10_000;
/** Every third booking is cancelled: records that must cost nothing. */
const CANCEL_EVERY = 3;
const SEQUENTIAL_REQUESTS = 50;
const WARM_UP_REQUESTS = 20;
const CLIENTS = 50;
const THROUGHPUT_MS = 5_000;
const RANGES = [1, 31, 62] as const;

interface Figures {
  medians: Record<number, number>;
  throughput: { requests: number; perSecond: number; errors: number };
}

const clock = createFixedClock(NOW);
const server = await startMockServer({ port: 0, host: '127.0.0.1', clock, mailer: mailboxOnlyMailer });
// A fresh pool per measurement: connections left idle while bookings are made would be closed
// by the server's keep-alive timeout.
let agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
try {
  const { zone } = server;
  const officeId = busiestOffice(zone);
  const from = zone.bookings.availability({ topicId: TOPIC, officeId, from: '2027-03-01', to: '2027-03-01' }).nextFreeDate ?? '2027-03-02';
  console.info(`office ${officeId}, topic ${TOPIC}, clock ${NOW}, ranges from ${from}`);

  const empty = await measure(officeId, from);
  const made = seedBookings(zone, clock, BOOKINGS);
  console.info(`made ${made.records} booking records (${made.cancelled} cancelled) over ${made.officers} officers in ${made.ms.toFixed(0)} ms`);
  const full = await measure(officeId, from);

  const row = (label: string, at0: number, at10k: number, unit: string, digits: number) =>
    `${label.padEnd(34)}${`${at0.toFixed(digits)} ${unit}`.padStart(14)}${`${at10k.toFixed(digits)} ${unit}`.padStart(16)}${(at10k / at0).toFixed(2).padStart(9)}`;
  console.info('');
  console.info(`${''.padEnd(34)}${'0 bookings'.padStart(14)}${'10,000 bookings'.padStart(16)}${'ratio'.padStart(9)}`);
  for (const days of RANGES) {
    console.info(row(`${days}-day availability, median`, empty.medians[days]!, full.medians[days]!, 'ms', 2));
  }
  console.info(row(`1-day, ${CLIENTS} clients, ${THROUGHPUT_MS / 1000} s`, empty.throughput.perSecond, full.throughput.perSecond, 'req/s', 0));
  const errors = empty.throughput.errors + full.throughput.errors;
  if (errors > 0) console.info(`${errors} throughput requests failed`);
  const goals = [
    ['31-day median ≤ 10 ms at both volumes', empty.medians[31]! <= 10 && full.medians[31]! <= 10],
    ['31-day ratio 10,000/0 ≤ 1.5', full.medians[31]! / empty.medians[31]! <= 1.5],
    [`≥ 500 req/s for 1 day with ${CLIENTS} clients at both volumes`, empty.throughput.perSecond >= 500 && full.throughput.perSecond >= 500],
  ] as const;
  console.info('');
  for (const [goal, met] of goals) console.info(`${met ? 'met    ' : 'NOT met'}  ${goal}`);
} finally {
  agent.destroy();
  await server.close();
}

/** The office with the most officers: the most work per availability request. */
function busiestOffice(zone: Zone): string {
  const counts = new Map<string, number>();
  for (const officer of zone.store.listOfficers({}, { limit: 200 }).items) counts.set(officer.officeId, (counts.get(officer.officeId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * Books through the domain (no HTTP) as a zone that has run for most of a year: the clock walks
 * week by week from 47 weeks before {@link NOW}, and each week every officer gets some of the
 * free slots of the four weeks ahead; every `CANCEL_EVERY`th booking is cancelled. So most records lie in the past, a third of them are cancelled, and the weeks
 * after NOW are partly booked, as they would be. The clock ends at NOW.
 */
function seedBookings(zone: Zone, clock: FixedClock, count: number): { records: number; cancelled: number; officers: number; ms: number } {
  const started = performance.now();
  const citizen = { name: 'Bench Citizen', email: 'bench@example.be', language: 'nl' as const };
  const officers = zone.store.listOfficers({}, { limit: 200 }).items;
  const weeks = 48;
  let records = 0;
  let cancelled = 0;
  for (let week = 0; week < weeks && records < count; week++) {
    clock.set(new Date(Date.parse(NOW) - (weeks - 1 - week) * 7 * 86_400_000));
    const quota = Math.ceil((count - records) / (weeks - week));
    const today = clock.now().toISOString().slice(0, 10);
    const free = officers.map((officer) =>
      zone.bookings
        .availability({ topicId: TOPIC, officerId: officer.id, from: addDays(today, 1), to: addDays(today, 28) })
        .days.flatMap((day) => day.slots)
        .filter((_, index) => index % 3 === week % 3),
    );
    let made = 0;
    for (let round = 0; made < quota && free.some((slots) => slots.length > round); round++) {
      for (const slots of free) {
        const slot = slots[round];
        if (slot === undefined || made >= quota || records >= count) continue;
        const booking = zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen });
        records += 1;
        made += 1;
        if (records % CANCEL_EVERY === 0) {
          zone.bookings.cancel(booking.manageToken!);
          cancelled += 1;
        }
      }
    }
  }
  clock.set(NOW);
  return { records, cancelled, officers: officers.length, ms: performance.now() - started };
}

async function measure(officeId: string, from: string): Promise<Figures> {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const medians: Record<number, number> = {};
  for (const days of RANGES) {
    const path = availabilityPath(officeId, from, addDays(from, days - 1));
    // Warm up, so the first volume is not measured with a cold JIT.
    for (let i = 0; i < WARM_UP_REQUESTS; i++) await get(path);
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const start = performance.now();
      await get(path);
      times.push(performance.now() - start);
    }
    medians[days] = median(times);
  }
  return { medians, throughput: await throughput(availabilityPath(officeId, from, from)) };
}

async function throughput(path: string): Promise<Figures['throughput']> {
  const deadline = performance.now() + THROUGHPUT_MS;
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        try {
          await get(path);
          requests += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests, perSecond: requests / seconds, errors };
}

function availabilityPath(officeId: string, from: string, to: string): string {
  return `/v1/availability?${new URLSearchParams({ topicId: TOPIC, officeId, from, to })}`;
}

/** One GET over a kept-alive loopback connection; rejects unless it answers 200. */
function get(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { agent, headers: { accept: 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${path} answered ${response.statusCode}`))));
      response.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`${path} took more than 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
