// Server-Sent Events read through the transport's fetch rather than the browser's EventSource:
// EventSource cannot send an Authorization header, retries on its own without jitter, and cannot
// tell a 401 from a dropped connection. eventsource-parser does the line framing.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ZodMiniType } from 'zod/mini';
import { ConfigurationError, isBlauwError, NetworkError, ResponseShapeError, TimeoutError, type BlauwError } from '../errors.js';
import type { RequestPath } from '../transport/path.js';
import { parseRetryAfter, problemToError, readProblem } from '../transport/problem-to-error.js';
import { requestLabel } from '../transport/request-label.js';
import type { HeaderValues, Query, Transport } from '../transport/transport.js';

/**
 * Where a live stream stands; read it as `stream.state` when the stream fires `statechange`.
 *
 * - `connecting`: not receiving yet: the first connection, or waiting for the page to be visible
 *   again (`pauseWhenHidden`) and connecting then. Nothing is wrong.
 * - `live`: connected; events arrive as they happen.
 * - `reconnecting`: the connection dropped (or the server was busy); waiting a moment, then resuming
 *   where it stopped. Events may be late, none is lost.
 * - `offline`: the browser says it is offline; the stream reconnects as soon as it is back.
 * - `stopped`: for good: closed by you, or ended by an error the iterator throws (`stream.error`).
 *
 * @category Resources
 */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'stopped';

/**
 * How long a stream waits before reconnecting: a delay drawn uniformly between 0 and
 * `min(cap, base × 2^attempt)` ("full jitter"), so that clients cut off together (a server restart)
 * do not all come back in the same instant. The attempt counter starts again once a connection
 * delivers an event or stays open 10 s.
 *
 * @example
 * ```ts
 * client.incidents.stream({ backoff: { cap: 10_000 } }); // never wait more than 10 s
 * ```
 *
 * @category Resources
 */
export interface BackoffOptions {
  /** Milliseconds of the first window. The server's `retry:` hint wins over it when it sends one. Default `1_000`. */
  base?: number | undefined;
  /** The longest window, in milliseconds. Default `30_000`. */
  cap?: number | undefined;
  /** A number in [0, 1), like `Math.random` (the default); tests pass their own. */
  random?: (() => number) | undefined;
}

/**
 * The timer functions a stream waits with; tests pass their own to run fast and to check that
 * none is left behind. Default: the global `setTimeout` and `clearTimeout`.
 *
 * @category Resources
 */
export interface StreamTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Options every live stream takes, besides its filters.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const stream = client.incidents.stream({ signal: controller.signal, pauseWhenHidden: true, lastEventId: saved });
 * ```
 *
 * @category Resources
 */
export interface StreamOptions {
  /** Resume after this event id (one a previous stream's `lastEventId` gave you); without it only new events come. */
  lastEventId?: string | undefined;
  /** Ends the stream: the `for await` loop exits without an error, as after `close()`. */
  signal?: AbortSignal | undefined;
  /** In a browser, close the connection while the page is hidden and resume when it is visible again. Default `false`. */
  pauseWhenHidden?: boolean | undefined;
  /** How long to wait before reconnecting: see {@link BackoffOptions}. */
  backoff?: BackoffOptions | undefined;
  /**
   * Milliseconds without any byte from the server (not even a heartbeat) after which the connection
   * counts as dropped and is made again. Default `45_000` (the server sends a heartbeat every 15 s).
   */
  idleTimeout?: number | undefined;
  /** Extra request headers for this stream, over the client's; `undefined` removes one. */
  headers?: HeaderValues | undefined;
  /** Timers to wait with, for tests. */
  timers?: StreamTimers | undefined;
}

/**
 * One Server-Sent Event as it came: its name (`event:`), id (`id:`) and raw `data`.
 *
 * @category Resources
 */
export interface SseMessage {
  /** The `event:` field; `undefined` when the server sent none. */
  event: string | undefined;
  /** The `id:` field; `undefined` when the event carries none. */
  id: string | undefined;
  /** The `data:` lines, joined by `\n`. */
  data: string;
}

/**
 * What a stream's `parse` function uses to read an event's data: `json(schema)` parses the data
 * as JSON and validates it, throwing {@link ResponseShapeError}; `shapeError(detail)` builds one
 * for any other mismatch.
 *
 * @category Resources
 */
export interface SseDecoder {
  json<D>(schema: ZodMiniType<D>): D;
  shapeError(detail: string): ResponseShapeError;
}

/**
 * Turns one event into the value a stream yields, or `undefined` to skip it (an event name this
 * SDK does not know: a newer server may send more kinds). Throwing stops the stream with that error.
 *
 * @example
 * ```ts
 * const parse: SseParse<Note> = (message, decode) => (message.event === 'note' ? decode.json(Note) : undefined);
 * ```
 *
 * @category Resources
 */
export type SseParse<T> = (message: SseMessage, decode: SseDecoder) => T | undefined;

/**
 * What {@link EventStream} needs: the transport, the stream's path and query, how to parse an event,
 * and the {@link StreamOptions}.
 *
 * @category Resources
 */
export interface EventStreamInit<T> extends StreamOptions {
  transport: Transport;
  /** Relative to the base URL, e.g. `incidents/stream`. */
  path: string | RequestPath;
  query?: Query | undefined;
  parse: SseParse<T>;
  /** Events waiting for the consumer before the stream stops reading (the server then holds the rest). Default `1_000`. */
  bufferSize?: number | undefined;
  /** How many recent event ids are remembered to drop an event sent twice (a replay after resuming). Default `10_000`. */
  dedupeSize?: number | undefined;
  /**
   * The name of the event by which the server says it cannot resume (it restarted, or the id is too
   * old), e.g. `reset`. Ids start over after a restart, so on this event the stream forgets the ids
   * it has seen: a new event is never mistaken for a replay.
   */
  resetEvent?: string | undefined;
}

const defaultTimers: StreamTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// A connection that stayed open this long was a good one: the next drop backs off from the start.
const stableAfter = 10_000;

/** Why the stream closed a connection itself. */
type Interruption = 'hidden' | 'offline' | 'idle';

/** What to do after a connection ended. */
type Next = { then: 'backoff'; floor: number } | { then: 'now' } | { then: 'stop' };

/** Ids recently seen, oldest forgotten first. */
class RecentIds {
  readonly #ids = new Set<string>();
  readonly #order: string[];
  #next = 0;
  constructor(size: number) {
    this.#order = new Array<string>(Math.max(1, size));
  }
  /** Remembers `id`; `false` when it was already known. */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    const evicted = this.#order[this.#next];
    if (evicted !== undefined) this.#ids.delete(evicted);
    this.#order[this.#next] = id;
    this.#next = (this.#next + 1) % this.#order.length;
    this.#ids.add(id);
    return true;
  }
  clear(): void {
    this.#ids.clear();
    this.#order.fill(undefined as unknown as string);
  }
}

/**
 * A live stream of Server-Sent Events, read through the client's transport (so the bearer token
 * travels in a header, and hooks and the logger apply), that resumes by itself after a drop.
 *
 * Iterate it once with `for await`; listen to `statechange` for {@link StreamState}. It connects
 * at once; events that arrive while nobody iterates wait in a buffer, and once `bufferSize` wait
 * the stream stops reading (TCP holds back the server) until you take some: none is dropped.
 *
 * - After a drop (network error, end of the response, idle watchdog, a 429 or 5xx answer) it waits
 *   a full-jitter backoff ({@link BackoffOptions}; `Retry-After` is a floor on 429/503) and resumes
 *   with `Last-Event-ID`; events it has already seen (by id) are not yielded again.
 * - A 401 refreshes the token once through the client's `onUnauthorized` and reconnects; a second
 *   401 (or no way to refresh) stops it with {@link UnauthenticatedError}. A successful connection
 *   allows one refresh again.
 * - Any other 4xx (400, 403, 404, 410, …) stops it with the matching {@link BlauwError}; a success
 *   that is not `text/event-stream`, or an event whose data does not match, with
 *   {@link ResponseShapeError}. The iterator throws the error after the events still buffered.
 * - `close()` or the `signal` ends the `for await` loop without an error.
 *
 * @example
 * ```ts
 * const stream = new EventStream({ transport, path: 'messages/stream', parse: (message, decode) =>
 *   message.event === 'message' ? decode.json(Message) : undefined });
 * stream.addEventListener('statechange', () => status.textContent = stream.state);
 * for await (const message of stream) show(message);
 * ```
 *
 * @category Resources
 */
export class EventStream<T> extends EventTarget implements AsyncIterable<T> {
  readonly #init: EventStreamInit<T>;
  readonly #label: string;
  readonly #timers: StreamTimers;
  readonly #random: () => number;
  readonly #cap: number;
  readonly #idleTimeout: number;
  readonly #bufferSize: number;
  readonly #seen: RecentIds;
  readonly #stop = new AbortController();
  readonly #queue: { value: T; id: string | undefined }[] = [];
  #state: StreamState = 'connecting';
  #error: unknown;
  #errorThrown = false;
  #iterated = false;
  /** The last id handed to the consumer: what `lastEventId` tells. */
  #delivered: string | undefined;
  /** The last id received: what a reconnection resumes after. */
  #received: string | undefined;
  #serverRetry: number | undefined;
  #attempt = 0;
  #mayRefresh = true;
  #connection: AbortController | undefined;
  /** Resolves the producer's current wait for a condition (room in the buffer, online, visible). */
  #wake: (() => void) | undefined;
  /** Resolves the consumer's wait for an event or the end. */
  #consumerWake: (() => void) | undefined;
  readonly #detach: (() => void)[] = [];

  constructor(init: EventStreamInit<T>) {
    super();
    this.#init = init;
    this.#label = requestLabel('GET', new URL(typeof init.path === 'string' ? init.path : init.path.label, init.transport.baseUrl));
    this.#timers = init.timers ?? defaultTimers;
    this.#random = init.backoff?.random ?? Math.random;
    this.#cap = init.backoff?.cap ?? 30_000;
    this.#idleTimeout = init.idleTimeout ?? 45_000;
    this.#bufferSize = Math.max(1, init.bufferSize ?? 1_000);
    this.#seen = new RecentIds(init.dedupeSize ?? 10_000);
    this.#delivered = init.lastEventId;
    this.#received = init.lastEventId;

    const { signal } = init;
    if (signal?.aborted) {
      this.close();
      return;
    }
    if (signal !== undefined) this.#listen(signal, 'abort', () => this.close());
    if (typeof globalThis.addEventListener === 'function') {
      // Reconnect at once when the network is back; drop the connection at once when it goes.
      this.#listen(globalThis as unknown as EventTarget, 'online', () => this.#nudge());
      this.#listen(globalThis as unknown as EventTarget, 'offline', () => this.#interrupt('offline'));
    }
    if (init.pauseWhenHidden === true && typeof document !== 'undefined') {
      this.#listen(document, 'visibilitychange', () => (document.visibilityState === 'hidden' ? this.#interrupt('hidden') : this.#nudge()));
    }
    void this.#run();
  }

  /** Where the stream stands; `statechange` fires when it changes. */
  get state(): StreamState {
    return this.#state;
  }

  /**
   * The id of the last event the stream handed to you (or the `lastEventId` it started from). Keep
   * it to resume a later stream where this one stopped.
   */
  get lastEventId(): string | undefined {
    return this.#delivered;
  }

  /**
   * What stopped the stream, once `state` is `stopped` because of an error (the iterator throws it
   * too): a {@link BlauwError}, unless a `parse` function threw something else.
   */
  get error(): unknown {
    return this.#error;
  }

  /** Ends the stream: closes the connection, cancels any wait, and ends the `for await` loop without an error. */
  close(): void {
    if (this.#state === 'stopped') return;
    this.#stop.abort();
    for (const detach of this.#detach.splice(0)) detach();
    this.#setState('stopped');
    this.#consumerWake?.();
  }

  /**
   * The one iterator over the stream's events.
   *
   * @throws {ConfigurationError} when the stream is iterated a second time: each stream has one consumer.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#iterated) {
      throw new ConfigurationError('This stream is already being iterated. Each stream has one consumer: open another stream for a second one.');
    }
    this.#iterated = true;
    return {
      next: () => this.#next(),
      // `break` out of `for await` lands here.
      return: () => {
        this.close();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  async #next(): Promise<IteratorResult<T>> {
    for (;;) {
      const item = this.#queue.shift();
      if (item !== undefined) {
        if (item.id !== undefined) this.#delivered = item.id;
        this.#nudge();
        return { done: false, value: item.value };
      }
      if (this.#error !== undefined && !this.#errorThrown) {
        this.#errorThrown = true;
        // The client's beforeError hooks see a stream's failure as they see a request's.
        if (isBlauwError(this.#error)) this.#error = await this.#init.transport.beforeError(this.#error);
        throw this.#error;
      }
      if (this.#state === 'stopped') return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.#consumerWake = resolve));
      this.#consumerWake = undefined;
    }
  }

  get #stopped(): boolean {
    return this.#stop.signal.aborted;
  }

  #listen(target: EventTarget, type: string, listener: () => void): void {
    target.addEventListener(type, listener);
    this.#detach.push(() => target.removeEventListener(type, listener));
  }

  #setState(state: StreamState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#init.transport.logger?.debug(`${this.#label} stream ${state}`, { request: this.#label, attempt: this.#attempt, ms: 0 });
    this.dispatchEvent(new Event('statechange'));
  }

  #fail(error: unknown): void {
    if (this.#stopped) return;
    this.#error = error;
    const known = isBlauwError(error) ? error : undefined;
    this.#init.transport.logger?.warn(`${this.#label} stream stopped: ${known?.kind ?? 'error'}${known?.status === undefined ? '' : ` ${known.status}`}`, {
      request: this.#label,
      attempt: this.#attempt,
      status: known?.status,
      ms: 0,
      requestId: known?.requestId,
      kind: known?.kind,
    });
    this.close();
  }

  #nudge(): void {
    this.#wake?.();
  }

  #interrupt(reason: Interruption): void {
    this.#connection?.abort(reason);
    // A read held back for a slow consumer must notice too.
    this.#nudge();
  }

  get #offline(): boolean {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  get #hidden(): boolean {
    return this.#init.pauseWhenHidden === true && typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  /**
   * Waits `ms` (when given), or until nudged (when `wakeable`), or until the stream stops;
   * leaves no timer or listener behind.
   */
  #wait(ms: number | undefined, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (this.#stopped) return resolve();
      let handle: unknown;
      const done = () => {
        if (handle !== undefined) this.#timers.clearTimeout(handle);
        this.#stop.signal.removeEventListener('abort', done);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      this.#stop.signal.addEventListener('abort', done);
      if (ms !== undefined) handle = this.#timers.setTimeout(done, ms);
      if (wakeable) this.#wake = done;
    });
  }

  async #run(): Promise<void> {
    let fresh = true;
    try {
      while (!this.#stopped) {
        // Nothing to gain from connecting while the page is hidden or the device offline.
        while (!this.#stopped && (this.#hidden || this.#offline)) {
          fresh = fresh || this.#hidden;
          this.#setState(this.#hidden ? 'connecting' : 'offline');
          await this.#wait(undefined, true);
        }
        if (this.#stopped) break;
        this.#setState(fresh ? 'connecting' : 'reconnecting');
        fresh = false;
        const next = await this.#connect();
        if (next.then === 'stop') break;
        if (next.then === 'now' || this.#offline) continue;
        const base = this.#serverRetry ?? this.#init.backoff?.base ?? 1_000;
        const delay = next.floor + this.#random() * Math.min(this.#cap, base * 2 ** this.#attempt);
        this.#attempt += 1;
        this.#setState('reconnecting');
        this.#init.transport.logger?.debug(`${this.#label} stream reconnecting in ${Math.round(delay)} ms`, {
          request: this.#label,
          attempt: this.#attempt,
          ms: 0,
        });
        await this.#wait(delay, false);
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Makes one connection and reads it until it ends; says what to do next, or throws what stops the stream. */
  async #connect(): Promise<Next> {
    const { transport, path } = this.#init;
    const connection = new AbortController();
    this.#connection = connection;
    const stop = () => connection.abort();
    this.#stop.signal.addEventListener('abort', stop);
    try {
      let response: Response;
      try {
        response = await transport.open({
          path,
          query: this.#init.query,
          accept: 'text/event-stream',
          extraHeaders: this.#received === undefined || this.#received === '' ? {} : { 'last-event-id': this.#received },
          call: { signal: connection.signal, headers: this.#init.headers },
        });
      } catch (error) {
        if (this.#stopped) return { then: 'stop' };
        if (connection.signal.aborted) return this.#afterInterruption(connection);
        if (error instanceof NetworkError || error instanceof TimeoutError) return { then: 'backoff', floor: 0 };
        throw error;
      }
      return await this.#answer(response, connection);
    } finally {
      this.#stop.signal.removeEventListener('abort', stop);
      if (this.#connection === connection) this.#connection = undefined;
    }
  }

  #afterInterruption(connection: AbortController): Next {
    const reason = connection.signal.reason as unknown;
    // Hidden or offline: the loop waits for the page or the network, then connects at once.
    return reason === 'idle' ? { then: 'backoff', floor: 0 } : { then: 'now' };
  }

  async #answer(response: Response, connection: AbortController): Promise<Next> {
    const { status } = response;
    if (status === 401) {
      const refused = await this.#problemError(response, connection);
      if (!this.#mayRefresh) throw refused;
      this.#mayRefresh = false;
      if (!(await this.#init.transport.refreshToken(this.#init.path))) throw refused;
      return { then: 'now' };
    }
    if (status === 429 || status >= 500) {
      // A busy or failing server: back off, no sooner than it asked.
      const retryAfter = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      await this.#problemError(response, connection);
      return { then: 'backoff', floor: (retryAfter ?? 0) * 1000 };
    }
    if (!response.ok) throw await this.#problemError(response, connection);
    if (status === 204) {
      // As for EventSource, 204 No Content is the server's "do not reconnect": the stream ends.
      this.close();
      return { then: 'stop' };
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/event-stream\b/i.test(type) || response.body === null) {
      response.body?.cancel().catch(ignoreCancelFailure);
      throw new ResponseShapeError(
        `${this.#label} answered ${status} with ${type === '' ? 'no content type' : type} instead of text/event-stream. Check the base URL (a proxy or a login page may answer), or report it to the zone's API team.`,
        { status, request: this.#label, requestId: response.headers.get('x-request-id') ?? undefined },
      );
    }
    this.#mayRefresh = true;
    this.#setState('live');
    return this.#read(response, response.body, connection);
  }

  async #problemError(response: Response, connection: AbortController): Promise<BlauwError> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (connection.signal.aborted) throw error;
      // The problem body was lost with the connection; the status alone still says what happened.
      text = '';
    }
    const { problem, cause } = readProblem(response.status, response.statusText, text);
    return problemToError(problem, {
      status: response.status,
      request: this.#label,
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryAfter: parseRetryAfter(response.headers.get('retry-after')),
      cause,
    });
  }

  async #read(response: Response, body: ReadableStream<Uint8Array>, connection: AbortController): Promise<Next> {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    // Aborting the fetch does not end every body (msw's, a hook's Response): cancel the read too.
    // Not awaited: cancelling a teed stream may never settle.
    const cancel = () => void reader.cancel().catch(ignoreCancelFailure);
    connection.signal.addEventListener('abort', cancel);
    let idle: unknown;
    const disarm = () => {
      if (idle !== undefined) this.#timers.clearTimeout(idle);
      idle = undefined;
    };
    const arm = () => {
      disarm();
      idle = this.#timers.setTimeout(() => this.#interrupt('idle'), this.#idleTimeout);
    };
    const stable = this.#timers.setTimeout(() => (this.#attempt = 0), stableAfter);
    const parser = createParser({
      onEvent: (message) => this.#accept(message, response.status, requestId),
      onRetry: (ms) => (this.#serverRetry = ms),
    });
    let done = false;
    try {
      while (!connection.signal.aborted) {
        arm();
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          // The connection dropped (or we aborted it): what follows depends on why, below.
          break;
        } finally {
          disarm();
        }
        if (chunk.done) {
          done = true;
          break;
        }
        parser.feed(decoder.decode(chunk.value, { stream: true }));
        // Backpressure: a consumer that falls behind holds the reading (and the watchdog) back.
        while (this.#queue.length >= this.#bufferSize && !connection.signal.aborted) await this.#wait(undefined, true);
      }
    } finally {
      disarm();
      this.#timers.clearTimeout(stable);
      connection.signal.removeEventListener('abort', cancel);
      if (!done) cancel();
    }
    if (this.#stopped) return { then: 'stop' };
    if (connection.signal.aborted) return this.#afterInterruption(connection);
    return { then: 'backoff', floor: 0 };
  }

  #accept(message: EventSourceMessage, status: number, requestId: string | undefined): void {
    if (message.event !== undefined && message.event === this.#init.resetEvent) this.#seen.clear();
    const id = message.id === '' ? undefined : message.id;
    if (message.id === '') this.#received = undefined; // an empty id: the server resets the position
    if (id !== undefined) {
      if (!this.#seen.add(id)) return; // a replay of an event already yielded
      this.#received = id;
    }
    const sse: SseMessage = { event: message.event, id, data: message.data };
    const shapeError = (detail: string, cause?: unknown, issues: ResponseShapeError['issues'] = []) =>
      new ResponseShapeError(
        `${this.#label} sent ${detail}. The server and the SDK disagree on the API version; update the SDK or report it to the zone's API team.`,
        { status, request: this.#label, requestId, cause, issues },
      );
    const decoder: SseDecoder = {
      json: <D>(schema: ZodMiniType<D>): D => {
        let body: unknown;
        try {
          body = JSON.parse(message.data);
        } catch (error) {
          throw shapeError(`a "${message.event ?? 'message'}" event whose data is not JSON`, error);
        }
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        const issues = parsed.error.issues.map(({ path, message: text }) => ({ path, message: text }));
        const first = issues[0];
        const where = first === undefined ? '' : ` (at /${first.path.map(String).join('/')}: ${first.message})`;
        throw shapeError(`a "${message.event ?? 'message'}" event the SDK does not understand${where}`, parsed.error, issues);
      },
      shapeError: (detail) => shapeError(detail),
    };
    const value = this.#init.parse(sse, decoder);
    if (value === undefined) return;
    this.#queue.push({ value, id });
    // A connection that delivers was a good one: the next drop backs off from the start.
    this.#attempt = 0;
    this.#consumerWake?.();
  }
}

// A body we no longer want failed to cancel: the connection is gone either way.
const ignoreCancelFailure = (): void => undefined;
