import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod/mini';
import { BlauwError, ConfigurationError, ForbiddenError, NotFoundError, ResponseShapeError, UnauthenticatedError, ValidationError } from '../errors.js';
import { IncidentsResource, type IncidentStreamEvent } from '../resources/incidents.js';
import { Transport, type TransportOptions } from '../transport/transport.js';
import { EventStream, type StreamOptions, type StreamState, type StreamTimers } from './event-stream.js';

const base = 'http://api.test/v1';
const Note = z.object({ text: z.string() });
type Note = { id: string | undefined; text: string };

/** Timers that fire only when the test says, so every delay the stream asks for can be read exactly. */
class ManualTimers implements StreamTimers {
  readonly pending = new Map<number, { ms: number; callback: () => void }>();
  readonly asked: number[] = [];
  #next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.#next++;
    this.pending.set(handle, { ms, callback });
    this.asked.push(ms);
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs the pending timers of `ms`. */
  fire(ms: number): void {
    for (const [handle, timer] of [...this.pending]) {
      if (timer.ms !== ms) continue;
      this.pending.delete(handle);
      timer.callback();
    }
  }
  /** The pending backoff wait: any timer but the idle watchdog (`idle` ms) and the 10 s stability timer. */
  backoff(idle = 45_000): number | undefined {
    return [...this.pending.values()].map(({ ms }) => ms).find((ms) => ms !== idle && ms !== 10_000);
  }
}

/** An SSE body the test writes to, ends or breaks. */
function sseBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      cancelled = true;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: (headers: Record<string, string> = {}) => new Response(body, { headers: { 'content-type': 'text/event-stream', ...headers } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    drop: () => controller.error(new TypeError('terminated')),
    get cancelled() {
      return cancelled;
    },
  };
}

const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ title, status }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

/** A fetch the test scripts answer by answer, keeping every request. */
function fakeApi() {
  const requests: Request[] = [];
  const answers: ((request: Request) => Response)[] = [];
  let arrived: (() => void) | undefined;
  return {
    requests,
    /** The next answers, in order. */
    answer(...next: (Response | ((request: Request) => Response))[]) {
      answers.push(...next.map((answer) => (answer instanceof Response ? () => answer : answer)));
    },
    fetch: async (input: RequestInfo | URL): Promise<Response> => {
      const request = input as Request;
      requests.push(request);
      arrived?.();
      const answer = answers.shift();
      if (answer === undefined) throw new TypeError('fetch failed: no answer scripted');
      return answer(request);
    },
    /** Resolves once `count` requests have been made. */
    async requestsMade(count: number) {
      while (requests.length < count) await new Promise<void>((resolve) => (arrived = resolve));
    },
  };
}

/** Lets the stream's promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await settle();
  }
  assert.fail(`timed out waiting for ${what}`);
}

function setup(options: Partial<StreamOptions> & { transport?: Partial<TransportOptions>; random?: number[] } = {}) {
  const { transport: transportOptions, random = [], ...streamOptions } = options;
  const api = fakeApi();
  const timers = new ManualTimers();
  const transport = new Transport({ baseUrl: base, fetch: api.fetch, getToken: () => 'token', ...transportOptions });
  const stream = new EventStream<Note>({
    transport,
    path: 'notes/stream',
    parse: (message, decode) => (message.event === 'note' ? { id: message.id, ...decode.json(Note) } : undefined),
    timers,
    ...streamOptions,
    backoff: { random: () => random.shift() ?? 0.5, ...streamOptions.backoff },
  });
  const states: StreamState[] = [stream.state];
  stream.addEventListener('statechange', () => states.push(stream.state));
  return { api, timers, stream, states };
}

/** Collects what the stream yields until it ends, and how it ended. */
function collect<T>(stream: AsyncIterable<T>) {
  const items: T[] = [];
  const done = (async () => {
    for await (const item of stream) items.push(item);
  })();
  return { items, done };
}

const note = (id: string, text = `n${id}`) => `event: note\nid: ${id}\ndata: ${JSON.stringify({ text })}\n\n`;

describe('EventStream', () => {
  it('resumes after a drop with Last-Event-ID of the last event received', async () => {
    const { api, timers, stream } = setup();
    const first = sseBody();
    const second = sseBody();
    api.answer(first.response(), second.response());
    const { items, done } = collect(stream);
    first.send(note('1') + note('2'));
    await until(() => items.length === 2, 'two events');
    first.drop();
    await until(() => timers.backoff() !== undefined, 'the backoff');
    timers.fire(timers.backoff()!);
    await api.requestsMade(2);
    assert.equal(api.requests[0]?.headers.get('last-event-id'), null);
    assert.equal(api.requests[1]?.headers.get('last-event-id'), '2');
    second.send(note('3'));
    await until(() => items.length === 3, 'the third event');
    assert.equal(stream.lastEventId, '3');
    stream.close();
    await done;
    assert.deepEqual(items.map((item) => item.text), ['n1', 'n2', 'n3']);
  });

  it('yields an event the server replays after resuming only once', async () => {
    const { api, timers, stream } = setup();
    const first = sseBody();
    const second = sseBody();
    api.answer(first.response(), second.response());
    const { items, done } = collect(stream);
    first.send(note('1') + note('2'));
    await until(() => items.length === 2, 'two events');
    first.end();
    await until(() => timers.backoff() !== undefined, 'the backoff');
    timers.fire(timers.backoff()!);
    await api.requestsMade(2);
    second.send(note('1') + note('2') + note('3') + note('2'));
    await until(() => items.length >= 3, 'the new event');
    await settle();
    stream.close();
    await done;
    assert.deepEqual(items.map((item) => item.id), ['1', '2', '3']);
  });

  it('starts after the lastEventId it is given, and passes events without an id through', async () => {
    const { api, stream } = setup({ lastEventId: '41' });
    const body = sseBody();
    api.answer(body.response());
    const { items, done } = collect(stream);
    body.send(`event: note\ndata: {"text":"no id"}\n\n` + note('42'));
    await until(() => items.length === 2, 'two events');
    assert.equal(api.requests[0]?.headers.get('last-event-id'), '41');
    assert.equal(api.requests[0]?.headers.get('accept'), 'text/event-stream, application/problem+json');
    assert.equal(api.requests[0]?.headers.get('authorization'), 'Bearer token');
    stream.close();
    await done;
    assert.deepEqual(items, [{ id: undefined, text: 'no id' }, { id: '42', text: 'n42' }]);
  });

  it('skips event names it does not know and comments, keeping their ids for the resume', async () => {
    const { api, timers, stream } = setup();
    const first = sseBody();
    api.answer(first.response(), sseBody().response());
    const { items, done } = collect(stream);
    first.send(': heartbeat\n\n' + note('1') + 'event: poll\nid: 2\ndata: {}\n\n');
    await until(() => items.length === 1, 'the known event');
    first.end();
    await until(() => timers.backoff() !== undefined, 'the backoff');
    timers.fire(timers.backoff()!);
    await api.requestsMade(2);
    assert.equal(api.requests[1]?.headers.get('last-event-id'), '2');
    stream.close();
    await done;
    assert.deepEqual(items.map((item) => item.id), ['1']);
  });

  it('waits full-jitter delays drawn from random, the window doubling up to the cap', async () => {
    const { api, timers, stream } = setup({ random: [0.5, 0.25, 0.75, 0.5], backoff: { cap: 3_000 } });
    api.answer(problem(503, 'Busy'), problem(502, 'Bad gateway'), problem(500, 'Oops'), problem(429, 'Slow down'), sseBody().response());
    const delays: number[] = [];
    for (let request = 1; request <= 4; request++) {
      await until(() => timers.backoff() !== undefined, `backoff ${request}`);
      delays.push(timers.backoff()!);
      timers.fire(timers.backoff()!);
      await api.requestsMade(request + 1);
    }
    // random × min(cap, 1000 × 2^attempt): 0.5 × 1000, 0.25 × 2000, 0.75 × 3000 (capped), 0.5 × 3000.
    assert.deepEqual(delays, [500, 500, 2_250, 1_500]);
    await until(() => stream.state === 'live', 'live');
    stream.close();
  });

  it("takes the server's retry: hint as the backoff base, and starts over once a connection delivers", async () => {
    const { api, timers, stream } = setup({ random: [0.5, 0.5, 0.5] });
    const first = sseBody();
    const third = sseBody();
    api.answer(first.response(), problem(503, 'Busy'), third.response(), sseBody().response());
    const { items } = collect(stream);
    first.send('retry: 3000\n\n');
    await until(() => stream.state === 'live', 'live');
    first.end();
    await until(() => timers.backoff() !== undefined, 'backoff 1');
    assert.equal(timers.backoff(), 1_500); // 0.5 × 3000
    timers.fire(1_500);
    await until(() => timers.backoff() !== undefined, 'backoff 2');
    assert.equal(timers.backoff(), 3_000); // 0.5 × 6000
    timers.fire(3_000);
    await api.requestsMade(3);
    third.send(note('1'));
    await until(() => items.length === 1, 'an event');
    third.drop();
    await until(() => timers.backoff() !== undefined, 'backoff 3');
    assert.equal(timers.backoff(), 1_500); // attempt counter back at 0
    stream.close();
  });

  it('waits at least Retry-After on 429 and 503, plus its jitter', async () => {
    const { api, timers, stream } = setup({ random: [0.5] });
    api.answer(problem(503, 'Maintenance', { 'retry-after': '5' }));
    await until(() => timers.backoff() !== undefined, 'the backoff');
    assert.equal(timers.backoff(), 5_500);
    assert.equal(stream.state, 'reconnecting');
    stream.close();
    assert.equal(timers.pending.size, 0);
  });

  it('refreshes the token once on 401, then stops with UnauthenticatedError when it is refused again: 2 requests', async () => {
    let refreshes = 0;
    const { api, stream, states } = setup({ transport: { onUnauthorized: () => void (refreshes += 1) } });
    api.answer(problem(401, 'Token expired'), problem(401, 'Token expired'), sseBody().response());
    const { done } = collect(stream);
    await assert.rejects(done, (error: unknown) => error instanceof UnauthenticatedError && error.status === 401);
    assert.equal(refreshes, 1);
    assert.equal(api.requests.length, 2);
    assert.equal(stream.state, 'stopped');
    assert.ok(stream.error instanceof UnauthenticatedError);
    assert.equal(states.at(-1), 'stopped');
  });

  it('stops at the first 401 when the client cannot refresh, or the refresh fails', async () => {
    const cannot = setup();
    cannot.api.answer(problem(401, 'Token expired'));
    await assert.rejects(collect(cannot.stream).done, UnauthenticatedError);
    assert.equal(cannot.api.requests.length, 1);

    const failing = setup({
      transport: {
        onUnauthorized: () => {
          throw new Error('refresh token revoked');
        },
      },
    });
    failing.api.answer(problem(401, 'Token expired'));
    await assert.rejects(collect(failing.stream).done, UnauthenticatedError);
    assert.equal(failing.api.requests.length, 1);
  });

  it('allows one refresh again after a successful connection', async () => {
    let token = 'a';
    let refreshes = 0;
    const { api, timers, stream } = setup({
      transport: { getToken: () => token, onUnauthorized: () => void ((refreshes += 1), (token = `t${refreshes}`)) },
    });
    const first = sseBody();
    api.answer(problem(401, 'Expired'), first.response(), problem(401, 'Expired'), sseBody().response());
    collect(stream);
    await until(() => stream.state === 'live', 'live');
    first.drop();
    await until(() => timers.backoff() !== undefined, 'the backoff');
    timers.fire(timers.backoff()!);
    await until(() => api.requests.length === 4 && stream.state === 'live', 'live again');
    assert.equal(refreshes, 2);
    assert.deepEqual(
      api.requests.map((request) => request.headers.get('authorization')),
      ['Bearer a', 'Bearer t1', 'Bearer t1', 'Bearer t2'],
    );
    stream.close();
  });

  for (const [status, type, title] of [
    [404, NotFoundError, 'No such incident'],
    [410, NotFoundError, 'Gone'],
    [400, ValidationError, 'Bad filter'],
    [403, ForbiddenError, 'Not your zone'],
  ] as const) {
    it(`stops on ${status} with ${type.name}, without reconnecting`, async () => {
      const { api, stream, timers } = setup();
      api.answer(problem(status, title));
      await assert.rejects(collect(stream).done, (error: unknown) => {
        assert.ok(error instanceof BlauwError);
        assert.equal(error.constructor, type);
        assert.equal(error.status, status);
        assert.equal(error.problem?.title, title);
        return true;
      });
      assert.equal(api.requests.length, 1);
      assert.equal(stream.state, 'stopped');
      assert.equal(timers.pending.size, 0);
    });
  }

  it('lets the client’s beforeError hooks see and replace the error that stops it', async () => {
    const seen: BlauwError[] = [];
    const { api, stream } = setup({
      transport: {
        hooks: {
          beforeError: [
            (error) => {
              seen.push(error);
              return new ForbiddenError('Your role may not follow this zone.', { status: error.status, cause: error });
            },
          ],
        },
      },
    });
    api.answer(problem(404, 'No such incident'));
    await assert.rejects(collect(stream).done, (error: unknown) => error instanceof ForbiddenError && error.cause === seen[0]);
    assert.ok(seen[0] instanceof NotFoundError);
    assert.ok(stream.error instanceof ForbiddenError, 'stream.error is what the hooks made of it');
  });

  it('ends without an error on 204 No Content, the server’s “do not reconnect”', async () => {
    const { api, stream, timers } = setup();
    api.answer(new Response(null, { status: 204 }));
    const { items, done } = collect(stream);
    await done;
    assert.deepEqual(items, []);
    assert.equal(stream.state, 'stopped');
    assert.equal(stream.error, undefined);
    assert.equal(api.requests.length, 1);
    assert.equal(timers.pending.size, 0);
  });

  it('stops with ResponseShapeError on a 200 that is not text/event-stream', async () => {
    const { api, stream } = setup();
    api.answer(new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } }));
    await assert.rejects(collect(stream).done, (error: unknown) => error instanceof ResponseShapeError && /text\/html/.test(error.message));
    assert.equal(api.requests.length, 1);
  });

  it('stops with ResponseShapeError on event data it cannot read, after yielding the events before it', async () => {
    const { api, stream } = setup();
    const body = sseBody();
    api.answer(body.response());
    const { items, done } = collect(stream);
    body.send(note('1') + 'event: note\nid: 2\ndata: {"text":42}\n\n' + note('3'));
    await assert.rejects(done, (error: unknown) => error instanceof ResponseShapeError && error.issues[0]?.path[0] === 'text');
    assert.deepEqual(items.map((item) => item.id), ['1']);
    assert.ok(body.cancelled);

    const broken = setup();
    const brokenBody = sseBody();
    broken.api.answer(brokenBody.response());
    const brokenRun = collect(broken.stream);
    brokenBody.send('event: note\nid: 1\ndata: {not json\n\n');
    await assert.rejects(brokenRun.done, (error: unknown) => error instanceof ResponseShapeError && /not JSON/.test(error.message));
  });

  it('goes connecting → live → reconnecting → live → stopped', async () => {
    const { api, timers, stream, states } = setup();
    const first = sseBody();
    api.answer(first.response(), sseBody().response());
    const { done } = collect(stream);
    await until(() => stream.state === 'live', 'live');
    first.drop();
    await until(() => timers.backoff() !== undefined, 'the backoff');
    timers.fire(timers.backoff()!);
    await until(() => stream.state === 'live', 'live again');
    stream.close();
    await done;
    assert.deepEqual(states, ['connecting', 'live', 'reconnecting', 'live', 'stopped']);
  });

  it('ends the loop without an error and leaves no timer or open body when the signal aborts', async () => {
    const controller = new AbortController();
    const { api, timers, stream } = setup({ signal: controller.signal });
    const body = sseBody();
    api.answer(body.response());
    const { items, done } = collect(stream);
    body.send(note('1'));
    await until(() => items.length === 1, 'an event');
    assert.ok(timers.pending.size > 0); // the watchdog, while live
    controller.abort();
    await done;
    assert.equal(stream.state, 'stopped');
    assert.equal(timers.pending.size, 0);
    await until(() => body.cancelled, 'the body cancelled');
  });

  it('cancels a backoff wait on close(), and a break out of the loop closes the stream', async () => {
    const waiting = setup();
    waiting.api.answer(problem(503, 'Busy'));
    await until(() => waiting.timers.backoff() !== undefined, 'the backoff');
    waiting.stream.close();
    assert.equal(waiting.timers.pending.size, 0);
    await settle();
    assert.equal(waiting.api.requests.length, 1);

    const breaking = setup();
    const body = sseBody();
    breaking.api.answer(body.response());
    body.send(note('1') + note('2'));
    for await (const item of breaking.stream) {
      assert.equal(item.id, '1');
      break;
    }
    assert.equal(breaking.stream.state, 'stopped');
    assert.equal(breaking.timers.pending.size, 0);
  });

  it('reconnects when nothing, not even a heartbeat, arrives for idleTimeout', async () => {
    const { api, timers, stream } = setup({ idleTimeout: 20_000 });
    const first = sseBody();
    api.answer(first.response(), sseBody().response());
    const { items } = collect(stream);
    first.send(note('7'));
    await until(() => items.length === 1, 'an event');
    first.send(': heartbeat\n\n');
    await settle();
    assert.equal(api.requests.length, 1);
    timers.fire(20_000);
    await until(() => timers.backoff(20_000) !== undefined, 'the backoff');
    timers.fire(timers.backoff(20_000)!);
    await api.requestsMade(2);
    assert.equal(api.requests[1]?.headers.get('last-event-id'), '7');
    assert.ok(first.cancelled);
    stream.close();
  });

  it('holds reading back while the consumer lags, losing nothing', async () => {
    const { api, stream } = setup({ bufferSize: 2 } as Partial<StreamOptions>);
    const body = sseBody();
    api.answer(body.response());
    for (let id = 1; id <= 20; id++) body.send(note(String(id)));
    body.end();
    const seen: string[] = [];
    for await (const item of stream) {
      seen.push(item.id!);
      await settle();
      if (seen.length === 20) break;
    }
    assert.deepEqual(seen, Array.from({ length: 20 }, (_, index) => String(index + 1)));
  });

  it('closes the connection while the page is hidden and resumes when it is visible again (pauseWhenHidden)', async (t) => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    Object.defineProperty(globalThis, 'document', { value: page, configurable: true });
    t.after(() => Reflect.deleteProperty(globalThis, 'document'));
    const { api, timers, stream, states } = setup({ pauseWhenHidden: true });
    const first = sseBody();
    api.answer(first.response(), sseBody().response());
    const { items } = collect(stream);
    first.send(note('5'));
    await until(() => items.length === 1, 'an event');
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    await until(() => first.cancelled, 'the connection closed');
    await settle();
    assert.equal(stream.state, 'connecting');
    assert.equal(api.requests.length, 1);
    assert.equal(timers.backoff(), undefined);
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    await until(() => stream.state === 'live', 'live again');
    assert.equal(api.requests[1]?.headers.get('last-event-id'), '5');
    assert.deepEqual(states, ['connecting', 'live', 'connecting', 'live']);
    stream.close();
  });

  it('waits for the online event instead of retrying while the browser is offline', async (t) => {
    const network = new EventTarget();
    const navigatorState = { onLine: true };
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: navigatorState, configurable: true });
    Object.assign(globalThis, { addEventListener: network.addEventListener.bind(network), removeEventListener: network.removeEventListener.bind(network) });
    t.after(() => {
      if (saved === undefined) Reflect.deleteProperty(globalThis, 'navigator');
      else Object.defineProperty(globalThis, 'navigator', saved);
      Reflect.deleteProperty(globalThis, 'addEventListener');
      Reflect.deleteProperty(globalThis, 'removeEventListener');
    });
    const { api, timers, stream } = setup();
    const first = sseBody();
    api.answer(first.response(), sseBody().response());
    collect(stream);
    await until(() => stream.state === 'live', 'live');
    navigatorState.onLine = false;
    network.dispatchEvent(new Event('offline'));
    await until(() => stream.state === 'offline', 'offline');
    assert.ok(first.cancelled);
    assert.equal(timers.backoff(), undefined);
    assert.equal(api.requests.length, 1);
    navigatorState.onLine = true;
    network.dispatchEvent(new Event('online'));
    await until(() => stream.state === 'live', 'live again');
    assert.equal(api.requests.length, 2);
    stream.close();
  });

  it('has one consumer: a second iteration throws ConfigurationError', () => {
    const { api, stream } = setup();
    api.answer(sseBody().response());
    stream[Symbol.asyncIterator]();
    assert.throws(() => stream[Symbol.asyncIterator](), ConfigurationError);
    stream.close();
  });
});

describe('client.incidents.stream', () => {
  const incident = {
    id: 'i-1',
    number: '2027-000001',
    type: 'traffic_accident',
    priority: 1,
    status: 'assigned',
    address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9000', municipality: 'Gent' },
    position: { lat: 51.05, lon: 3.72 },
    openedAt: '2027-03-01T10:00:00+01:00',
    updatedAt: '2027-03-01T10:02:00+01:00',
    units: ['SCH-21'],
  };
  const entry = { id: '12', incidentId: 'i-1', at: '2027-03-01T10:02:00+01:00', kind: 'unit_assigned', unit: 'SCH-21' };
  const unit = { id: 'u-1', callSign: 'SCH-21', kind: 'car', status: 'dispatched', position: { lat: 51.05, lon: 3.72 }, positionAt: '2027-03-01T10:02:00+01:00', incidentId: 'i-1' };

  it('sends the filters and yields typed incident, unit and reset events', async () => {
    const api = fakeApi();
    const body = sseBody();
    api.answer(body.response());
    const incidents = new IncidentsResource(new Transport({ baseUrl: base, fetch: api.fetch, getToken: () => 'officer' }));
    const stream = incidents.stream({ priority: [1, 2], unit: 'SCH-21', incidentId: 'i-1' });
    const { items, done } = collect(stream);
    body.send(
      'retry: 2000\n\n' +
        `event: incident\nid: 12\ndata: ${JSON.stringify({ incident, entry })}\n\n` +
        `event: unit\nid: 13\ndata: ${JSON.stringify({ unit })}\n\n` +
        `event: reset\nid: 13\ndata: ${JSON.stringify({ reason: 'unknown_id', detail: 'restarted' })}\n\n` +
        `event: reset\nid: 14\ndata: ${JSON.stringify({ reason: 'too_old', detail: 'old' })}\n\n`,
    );
    await until(() => items.length === 4, 'four events');
    stream.close();
    await done;
    const url = new URL(api.requests[0]!.url);
    assert.equal(url.pathname, '/v1/incidents/stream');
    assert.deepEqual(Object.fromEntries(url.searchParams), { incidentId: 'i-1', priority: '1,2', unit: 'SCH-21' });
    assert.deepEqual(items, [
      { type: 'incident', id: '12', incident, entry },
      { type: 'unit', id: '13', unit },
      // After a restart the server's ids start over: a reset makes the stream forget those it saw.
      { type: 'reset', id: '13', reason: 'unknown_id', detail: 'restarted' },
      { type: 'reset', id: '14', reason: 'too_old', detail: 'old' },
    ] satisfies IncidentStreamEvent[]);
  });

  it('stops with ResponseShapeError on an incident event without an id', async () => {
    const api = fakeApi();
    const body = sseBody();
    api.answer(body.response());
    const stream = new IncidentsResource(new Transport({ baseUrl: base, fetch: api.fetch })).stream();
    const { done } = collect(stream);
    body.send(`event: unit\ndata: ${JSON.stringify({ unit })}\n\n`);
    await assert.rejects(done, (error: unknown) => error instanceof ResponseShapeError && /without an id/.test(error.message));
  });
});
