// The outbox's rules, apart from IndexedDB and the network: what state an item is in, when it may
// be sent, who may send it, and what an answer does to it. Pure functions of the item, the answer
// and `now`, so every path (a crash mid-send, a 5xx storm, a refusal) is a plain unit test.
//
// What the rules guarantee: an item leaves the outbox only after a 2xx; a network error, a
// timeout or any 5xx is not delivery (unlike Workbox's queue, which deletes before sending and
// counts a 5xx as delivered); a refusal that sending again cannot fix parks the item for the
// officer, never retried forever and never dropped; a crash while sending leaves a lease that
// runs out, after which the item is sent again with the same client id and Idempotency-Key.

/**
 * Where an outbox item stands: waiting to be sent (`queued`), being sent by one tab under a lease
 * (`sending`), delivered (`sent`, kept only until the caller has seen it), or refused in a way
 * only the officer can fix (`needs_attention`).
 *
 * @category Offline
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'needs_attention';

/**
 * One write waiting in the outbox. Its `clientId` and `idempotencyKey` never change: every attempt,
 * after any reload or crash, sends the same ones, so the server recognises a resend.
 *
 * @category Offline
 */
export interface OutboxItem {
  /** The write's own id, made on the device (a UUID); the server keeps it for good. */
  clientId: string;
  /** The Idempotency-Key of every attempt. */
  idempotencyKey: string;
  /** What the write is, for lists and messages, e.g. `check-submission`. */
  kind: string;
  /**
   * What the write belongs to, to find it without opening its body (e.g. the assignment id of a
   * check and of its photos). Stored as plain text: never personal data.
   */
  ref?: string | undefined;
  /** The request: method and path relative to the API base, and the JSON body. */
  request: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body: unknown };
  state: OutboxState;
  /** When it was queued (ms since the epoch, from the injected clock); the drain goes in this order. */
  queuedAt: number;
  /** Attempts made so far. */
  attempts: number;
  /** When it was delivered (ms), once `sent`. */
  sentAt?: number | undefined;
  /** Not to be sent before this instant (ms): the backoff after a failed attempt. */
  notBefore: number;
  /** While `sending`: who holds the lease, and until when (ms). An expired lease is anyone's. */
  lease?: { holder: string; until: number } | undefined;
  /** Why the last attempt did not deliver, for the officer and for logs (no personal data). */
  lastFailure?: OutboxFailure | undefined;
}

/**
 * Why an attempt did not deliver.
 *
 * @category Offline
 */
export interface OutboxFailure {
  /** `network`, `timeout`, `server` (5xx), `busy` (429, 409 in flight), `refused` (a 4xx sending again cannot fix), `unauthenticated`. */
  reason: 'network' | 'timeout' | 'server' | 'busy' | 'refused' | 'unauthenticated';
  /** The HTTP status, when there was an answer. */
  status?: number | undefined;
  /** The problem's `code`, when the server gave one (e.g. `client_id_reused`). */
  code?: string | undefined;
}

/**
 * What came of one attempt: an answer with its status (and problem code, and `Retry-After` in
 * seconds), or no answer at all.
 *
 * @category Offline
 */
export type AttemptResult =
  | { answered: true; status: number; code?: string | undefined; retryAfterSeconds?: number | undefined }
  | { answered: false; reason: 'network' | 'timeout' };

/**
 * How the outbox waits between attempts of one item: full jitter over an exponential window, so
 * a zone's tablets that come back online together do not all send in the same second.
 *
 * @category Offline
 */
export interface OutboxBackoff {
  /** The first window, in ms. Default 2,000. */
  base?: number | undefined;
  /** The largest window, in ms. Default 5 minutes. */
  cap?: number | undefined;
  /** A number in [0, 1), like `Math.random` (injected in tests). */
  random?: (() => number) | undefined;
}

/**
 * How long a tab may hold an item it is sending before another may take it over (ms). Longer than
 * one attempt may take (the transport's timeout, 10 s by default), short enough that a write left
 * by a closed or crashed tab does not hold the ones after it for long.
 */
export const DEFAULT_LEASE_MS = 30_000;

/**
 * A new item, queued now.
 *
 * @category Offline
 */
export function queued(
  init: Pick<OutboxItem, 'clientId' | 'idempotencyKey' | 'kind' | 'request' | 'ref'>,
  now: number,
): OutboxItem {
  return { ...init, state: 'queued', queuedAt: now, attempts: 0, notBefore: now };
}

/**
 * Whether `holder` may start sending `item` now: it is queued and its backoff is over, or it is
 * `sending` under a lease that has run out (the tab that held it crashed or was closed).
 *
 * `alone`: the caller holds the outbox's exclusive lock (Web Locks), which a tab holds for as long
 * as it sends and the browser releases when the tab goes. Then no other tab can be sending, and a
 * lease still running is one a reloaded or closed page left: it is taken over at once instead of
 * holding every write after it for the rest of the lease. (Its request may still reach the server;
 * the same Idempotency-Key makes the second one answer the first.)
 *
 * @category Offline
 */
export function isDue(item: OutboxItem, now: number, alone = false): boolean {
  if (item.state === 'queued') return item.notBefore <= now;
  if (item.state === 'sending') return alone || item.lease === undefined || item.lease.until <= now;
  return false;
}

/**
 * The item as `holder` takes it to send: `sending` under a lease until `now + leaseMs`, one
 * attempt more. Throws if it is not due, so two tabs can never hold one item (`alone`: see
 * {@link isDue}).
 *
 * @category Offline
 */
export function claim(item: OutboxItem, holder: string, now: number, leaseMs = DEFAULT_LEASE_MS, alone = false): OutboxItem {
  if (!isDue(item, now, alone)) throw new Error(`Outbox item ${item.clientId} is not due (${item.state}).`);
  return { ...item, state: 'sending', attempts: item.attempts + 1, lease: { holder, until: now + leaseMs } };
}

/**
 * What an attempt's result means for the item: delivered, worth trying again later, or refused
 * for good (the officer must look at it).
 *
 * - 2xx: delivered (a replayed answer for a client id the server already has counts too).
 * - No answer, a timeout, any 5xx, 429, 408, 425, or 409 `idempotency_key_in_flight`: not
 *   delivered, try again.
 * - 401: the sign-in ran out; the item waits for a new one (try again, it is not the item's fault).
 * - Any other 4xx (400, 403, 404, 409 `client_id_reused`, 410, 413, 422, …): sending the same bytes
 *   again cannot succeed.
 *
 * @category Offline
 */
export function classify(result: AttemptResult): { outcome: 'delivered' } | { outcome: 'retry' | 'park'; failure: OutboxFailure } {
  if (!result.answered) return { outcome: 'retry', failure: { reason: result.reason } };
  const { status, code } = result;
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status >= 500) return { outcome: 'retry', failure: { reason: 'server', status, code } };
  if (status === 429 || status === 408 || status === 425 || (status === 409 && code === 'idempotency_key_in_flight')) {
    return { outcome: 'retry', failure: { reason: 'busy', status, code } };
  }
  if (status === 401) return { outcome: 'retry', failure: { reason: 'unauthenticated', status, code } };
  return { outcome: 'park', failure: { reason: 'refused', status, code } };
}

/**
 * The item after an attempt by `holder`: `sent`, back to `queued` with a backoff (no sooner than a
 * `Retry-After`), or `needs_attention`. An answer for an attempt whose lease was taken over by
 * another tab changes nothing: that tab's attempt decides.
 *
 * @category Offline
 */
export function settle(item: OutboxItem, holder: string, result: AttemptResult, now: number, backoff: OutboxBackoff = {}): OutboxItem {
  if (item.state !== 'sending' || item.lease?.holder !== holder) return item;
  const verdict = classify(result);
  const rest = { ...item, lease: undefined };
  if (verdict.outcome === 'delivered') return { ...rest, state: 'sent', sentAt: now, lastFailure: undefined };
  if (verdict.outcome === 'park') return { ...rest, state: 'needs_attention', lastFailure: verdict.failure };
  const floor = result.answered && result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : 0;
  return { ...rest, state: 'queued', lastFailure: verdict.failure, notBefore: now + floor + backoffDelay(item.attempts, backoff) };
}

/**
 * The wait before the next attempt after `attempts` failed ones: full jitter, `random() × min(cap,
 * base × 2^(attempts − 1))`.
 *
 * @category Offline
 */
export function backoffDelay(attempts: number, backoff: OutboxBackoff = {}): number {
  const base = backoff.base ?? 2_000;
  const cap = backoff.cap ?? 300_000;
  const random = backoff.random ?? Math.random;
  return Math.round(random() * Math.min(cap, base * 2 ** Math.max(0, attempts - 1)));
}

/**
 * The officer sends a parked item again (after fixing what was refused, or after signing in):
 * queued now, its failure kept until the next attempt tells more.
 *
 * @category Offline
 */
export function requeue(item: OutboxItem, now: number): OutboxItem {
  if (item.state !== 'needs_attention') return item;
  return { ...item, state: 'queued', notBefore: now, lease: undefined };
}

/**
 * The item to send next: the oldest one still to deliver, if it is due. Writes go in the order
 * they were queued (a later one may build on an earlier one), so one waiting out its backoff holds
 * the others back; a parked item does not, as only the officer can move it (`alone`: see
 * {@link isDue}).
 *
 * @category Offline
 */
export function nextDue(items: readonly OutboxItem[], now: number, alone = false): OutboxItem | undefined {
  const head = oldestPending(items);
  return head !== undefined && isDue(head, now, alone) ? head : undefined;
}

function oldestPending(items: readonly OutboxItem[]): OutboxItem | undefined {
  let head: OutboxItem | undefined;
  for (const item of items) {
    if (item.state !== 'queued' && item.state !== 'sending') continue;
    if (head === undefined || item.queuedAt < head.queuedAt || (item.queuedAt === head.queuedAt && item.clientId < head.clientId)) head = item;
  }
  return head;
}

/**
 * When the drain should look again (ms), or `undefined` when nothing is waiting for time: when
 * the oldest item still to deliver is due (its backoff or its lease runs out).
 *
 * @category Offline
 */
export function nextWake(items: readonly OutboxItem[]): number | undefined {
  const head = oldestPending(items);
  if (head === undefined) return undefined;
  return head.state === 'queued' ? head.notBefore : (head.lease?.until ?? 0);
}
