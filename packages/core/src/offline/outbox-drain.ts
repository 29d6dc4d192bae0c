import { isBlauwError } from '../errors.js';
import { Transport, type RequestOptions, type TransportOptions } from '../transport/transport.js';
import type { AttemptResult, OutboxItem } from './outbox-rules.js';
import type { OutboxStore } from './outbox-store.js';

/** While writes flow, progress is told at most this often (ms); always at the end of a round. */
const PROGRESS_EVERY_MS = 100;

/**
 * The one JSON request of an item, through a transport of its own.
 *
 * @internal
 */
function sendThrough(api: TransportOptions | undefined): (item: OutboxItem) => Promise<number> {
  if (api === undefined) throw new TypeError('An OutboxDrain needs `api` (how to reach the API) or `send`.');
  const transport = new Transport(api);
  return async (item) => (await transport.requestWithMeta(queuedRequest(item))).status;
}

/**
 * The request options of one attempt at an item: its request, its Idempotency-Key, and no retries
 * of the transport's own (the outbox waits between attempts itself, for as long as it takes).
 *
 * @internal
 */
export function queuedRequest(item: OutboxItem): RequestOptions<undefined> {
  return { method: item.request.method, path: item.request.path, body: item.request.body, idempotencyKey: item.idempotencyKey, call: { retry: 0 } };
}

/**
 * What a failed attempt tells the outbox's rules: no answer (network, timeout) or the status and
 * problem code of the answer. An abort is not an attempt: it is thrown on.
 *
 * @category Offline
 */
export function attemptOf(error: unknown): AttemptResult {
  if (!isBlauwError(error) || error.kind === 'aborted') throw error;
  if (error.kind === 'network') return { answered: false, reason: 'network' };
  if (error.kind === 'timeout') return { answered: false, reason: 'timeout' };
  const retryAfter = (error as { retryAfter?: number | undefined }).retryAfter;
  return { answered: true, status: error.status ?? 500, code: error.code, retryAfterSeconds: retryAfter };
}

/**
 * How many items of the outbox stand where, for a sync status a person understands ("3 waiting
 * for the network", "1 needs your attention").
 *
 * @category Offline
 */
export interface OutboxProgress {
  queued: number;
  sending: number;
  sent: number;
  needsAttention: number;
}

/**
 * Options of {@link OutboxDrain}.
 *
 * @category Offline
 */
export interface OutboxDrainOptions {
  /** The outbox to drain. */
  store: OutboxStore;
  /**
   * How to reach the API: the same options as the app's client (`createClient`), so its token,
   * refresh, language, headers and hooks apply to every write the outbox sends. Give either this
   * or `send`.
   */
  api?: TransportOptions | undefined;
  /**
   * Sends one item once and resolves with the HTTP status of a 2xx, or throws the `BlauwError`
   * of the failure: for writes that are more than one JSON request (a photo uploaded in chunks),
   * or to send through a client the app already has (`client.checks.sendQueued`).
   */
  send?: ((item: OutboxItem) => Promise<number>) | undefined;
  /**
   * Names the lock and the channel the tabs of one outbox share; the same for every tab of the
   * officer (e.g. the outbox's database name). Default `blauw-outbox`.
   */
  name?: string | undefined;
  /** Who this drain is in the leases it takes (default a random id per drain). */
  holder?: string | undefined;
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: (() => number) | undefined;
  /** Looks again this often while items wait for the network (ms): probing, besides `online` events. Default 30 s. */
  probeMs?: number | undefined;
  /** Timers, injected in tests. */
  setTimeout?: ((run: () => void, ms: number) => unknown) | undefined;
  clearTimeout?: ((handle: unknown) => void) | undefined;
}

/**
 * Sends the outbox's items, oldest first, one tab at a time: the tab that holds the Web Lock
 * `blauw-outbox:<name>` drains, the others hear its progress on a `BroadcastChannel` and take
 * over when it is gone. An item leaves the outbox only after a 2xx; what is refused for good is
 * parked for the officer. It drains when started, when told (`poke()`, e.g. after a new item),
 * on the browser's `online` event, and by probing while items wait.
 *
 * @fires progress - The counts changed (here, or in another tab): read {@link OutboxDrain.progress}.
 *
 * @example
 * ```ts
 * const drain = new OutboxDrain({ store, api: { baseUrl, getToken }, name: `blauw-outbox-${officerId}` });
 * drain.addEventListener('progress', () => render(drain.progress));
 * drain.start();
 * ```
 *
 * @category Offline
 */
export class OutboxDrain extends EventTarget {
  readonly #store: OutboxStore;
  readonly #deliver: (item: OutboxItem) => Promise<number>;
  readonly #name: string;
  readonly #holder: string;
  readonly #now: () => number;
  readonly #probeMs: number;
  readonly #setTimeout: (run: () => void, ms: number) => unknown;
  readonly #clearTimeout: (handle: unknown) => void;
  #channel: BroadcastChannel | undefined;
  #timer: unknown;
  #running: Promise<void> | undefined;
  #again = false;
  // When progress was last told, and whether writes settled since.
  #toldAt = -Infinity;
  #untold = false;
  #started = false;
  #progress: OutboxProgress = { queued: 0, sending: 0, sent: 0, needsAttention: 0 };

  constructor(options: OutboxDrainOptions) {
    super();
    this.#store = options.store;
    this.#deliver = options.send ?? sendThrough(options.api);
    this.#name = options.name ?? 'blauw-outbox';
    this.#holder = options.holder ?? crypto.randomUUID();
    this.#now = options.now ?? Date.now;
    this.#probeMs = options.probeMs ?? 30_000;
    this.#setTimeout = options.setTimeout ?? ((run, ms) => globalThis.setTimeout(run, ms));
    this.#clearTimeout = options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** The counts as last read. */
  get progress(): OutboxProgress {
    return this.#progress;
  }

  /** Starts draining, and listening for `online` and for the other tabs. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    globalThis.addEventListener?.('online', this.poke);
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`blauw-outbox:${this.#name}`);
      this.#channel.onmessage = () => {
        if (this.#started) void this.#readProgress();
      };
    }
    this.poke();
  }

  /** Stops: no more attempts from this tab; resolves once an attempt under way has finished. */
  async stop(): Promise<void> {
    this.#started = false;
    globalThis.removeEventListener?.('online', this.poke);
    this.#channel?.close();
    this.#channel = undefined;
    this.#clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** Drains now (a new item, the network back); returns when this round is over. */
  readonly poke = (): Promise<void> => {
    if (!this.#started) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#round().finally(() => {
      this.#running = undefined;
      if (this.#again && this.#started) {
        this.#again = false;
        void this.poke();
      }
    });
    return this.#running;
  };

  async #round(): Promise<void> {
    this.#clearTimeout(this.#timer);
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    // One tab drains; a tab that finds the lock taken leaves it to that one and listens.
    // Holding the lock, it is the only tab sending: a lease a reloaded page left is taken over.
    if (locks) await locks.request(`blauw-outbox:${this.#name}`, { ifAvailable: true }, (lock) => (lock ? this.#drain(true) : undefined));
    else await this.#drain(false);
    if (!this.#started) return;
    if (this.#untold) await this.#changed();
    else await this.#readProgress();
    this.#schedule(await this.#store.nextWake());
  }

  async #drain(alone: boolean): Promise<void> {
    while (this.#started) {
      const item = await this.#store.claimNext(this.#holder, alone);
      if (item === undefined) return;
      const result = await this.#send(item);
      const settled = await this.#store.settle(item.clientId, this.#holder, result);
      // Progress is told when a write settles, at most every PROGRESS_EVERY_MS while writes flow
      // and at the end of the round: counting the outbox after every one of 1,000 writes took a
      // read transaction and a message to each tab per write.
      this.#untold = true;
      if (performance.now() - this.#toldAt >= PROGRESS_EVERY_MS) await this.#changed();
      // Not delivered and not parked: it goes first again once its backoff is over (no network:
      // after `online` or the next probe), and the items after it wait for it.
      if (settled?.state === 'queued') return;
    }
  }

  async #send(item: OutboxItem): Promise<AttemptResult> {
    try {
      const status = await this.#deliver(item);
      return { answered: true, status };
    } catch (error) {
      return attemptOf(error);
    }
  }

  #schedule(wake: number | undefined): void {
    if (!this.#started) return;
    this.#clearTimeout(this.#timer);
    const waiting = this.#progress.queued + this.#progress.sending > 0;
    const delay = wake === undefined ? (waiting ? this.#probeMs : undefined) : Math.min(Math.max(0, wake - this.#now()), this.#probeMs);
    if (delay !== undefined) this.#timer = this.#setTimeout(() => void this.poke(), delay);
  }

  async #changed(): Promise<void> {
    this.#toldAt = performance.now();
    this.#untold = false;
    // The other tabs first: a listener of `progress` here may stop this drain and close the channel.
    this.#channel?.postMessage('progress');
    await this.#readProgress();
  }

  async #readProgress(): Promise<void> {
    if (!this.#started) return;
    const { queued, sending, sent, needs_attention: needsAttention } = await this.#store.counts();
    this.#progress = { queued, sending, sent, needsAttention };
    this.dispatchEvent(new Event('progress'));
  }
}
