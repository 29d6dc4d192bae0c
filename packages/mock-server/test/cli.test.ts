import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startMockServerProcess } from '../../../test/support/mock-server-process.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=blauw-source', 'packages/mock-server/src/cli.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('blauw-mock-server bin', () => {
  it('starts on a free port, prints its URL and serves /v1/offices', async () => {
    const server = await startMockServerProcess(['--seed', '3']);
    try {
      const response = await fetch(`${server.api}/offices`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { items: unknown[] };
      assert.ok(body.items.length >= 6);
    } finally {
      await server.stop();
    }
  });

  it('runs on Brussels time from --now: at 00:30 on 1 May in Brussels (30 April in UTC) a booking is made on 1 May', async () => {
    const server = await startMockServerProcess(['--seed', '3', '--now', '2027-04-30T22:30:00Z']);
    try {
      const offices = (await (await fetch(`${server.api}/offices`)).json()) as { items: Array<{ id: string }> };
      const officeId = offices.items[0]!.id;
      const response = await fetch(`${server.api}/availability?topicId=topic-domicile&officeId=${officeId}&from=2027-04-30&to=2027-05-31`);
      const month = (await response.json()) as { days: Array<{ date: string; slots: Array<{ id: string }> }> };
      const firstFree = month.days.find((day) => day.slots.length > 0);
      assert.ok(firstFree && firstFree.date > '2027-04-30', `first free day ${firstFree?.date}`);
      const booked = await fetch(`${server.api}/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'cli-now-1' },
        body: JSON.stringify({
          slotId: firstFree.slots[0]!.id,
          topicId: 'topic-domicile',
          citizen: { name: 'An Peeters', email: 'an@example.be', language: 'nl' },
        }),
      });
      assert.equal(booked.status, 201);
      const { createdAt } = (await booked.json()) as { createdAt: string };
      // Started 0.5 s to a few seconds ago: the clock runs on from --now.
      assert.match(createdAt, /^2027-05-01T00:3\d:\d\d\+02:00$/);
    } finally {
      await server.stop();
    }
  });

  it('refuses a --now that is not an instant with an offset, with exit code 2', async () => {
    for (const value of ['2027-04-30T21:30:00', '30/04/2027', '2027-02-30T10:00:00Z']) {
      const child = run(['--now', value]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 2, value);
      assert.match(stderr, /--now must be an ISO 8601 instant with offset or Z/);
    }
  });

  it('runs the live incident stream with --event-rate, --heartbeat and --stream-chaos', async () => {
    const server = await startMockServerProcess(['--seed', '3', '--now', '2027-03-06T22:00:00+01:00', '--event-rate', '100', '--heartbeat', '200', '--stream-chaos', '2', '--incident-rate', '12']);
    try {
      const response = await fetch(`${server.api}/incidents/stream`, { headers: { Authorization: 'Bearer dev-officer' }, signal: AbortSignal.timeout(5000) });
      assert.equal(response.headers.get('content-type'), 'text/event-stream');
      // The server cuts the stream after 1 to 4 events: reading it to the end fails.
      const text = await response.text().then(
        () => assert.fail('the stream was not cut off'),
        (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
      );
      assert.doesNotMatch(text, /TimeoutError|aborted/i);
      const burst = await fetch(`${server.origin}/__blauw/incidents/burst`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"count": 3}' });
      assert.equal(((await burst.json()) as { count: number }).count, 3);
    } finally {
      await server.stop();
    }
  });

  it('refuses incident flags out of range with exit code 2', async () => {
    for (const [flag, value, message] of [
      ['--incident-rate', '-1', /--incident-rate must be a number from 0 to 3600/],
      ['--event-rate', 'fast', /--event-rate must be a number from 0 to 10000/],
      ['--stream-chaos', '1.5', /--stream-chaos must be a whole number/],
      ['--heartbeat', '5', /--heartbeat must be a whole number from 100/],
    ] as const) {
      const child = run([`${flag}=${value}`]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 2, flag);
      assert.match(stderr, message);
    }
  });

  it('rejects a bad flag with a clear message and exit code 2', async () => {
    const child = run(['--fail-rate', '2']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--fail-rate must be a number from 0 to 1/);
  });
});
