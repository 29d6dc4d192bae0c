import type { Clock } from './clock.js';

// Follows the IETF draft "The Idempotency-Key HTTP Header Field": the first answer to a
// (caller, method, path, key) is stored and replayed for a retry of the same request; the same
// key with another request is refused (422), and a retry racing its still-running original is
// told to wait (409). Keys are kept for 24 hours, measured by the injected clock, unless the caps
// below push them out earlier.
//
// What is kept of a request is a SHA-256 fingerprint, never the request body itself: the store's
// memory depends on the answers it keeps and its caps, not on what callers send.

/** How long a key and its answer are kept: 24 hours, as the IETF draft asks at least. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The longest Idempotency-Key we accept. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * How much the store may hold. When a cap is reached the oldest keys go first (of the caller, for
 * the per-caller cap; of everyone, for the others), even before their 24 hours are up: a retry of
 * an evicted key then runs again as a new request.
 */
export interface IdempotencyLimits {
  /** Keys kept in all. Default 10,000. */
  maxEntries: number;
  /**
   * Bytes kept in all, counted as the UTF-16 length of each stored answer as JSON plus the key
   * and its fingerprint. Default 16 MiB. An answer bigger than a tenth of this is not kept.
   */
  maxBytes: number;
  /**
   * Keys kept per caller, so one caller's flood evicts its own old keys, not everyone's.
   * Default 1,000 (a citizen at 20 writes a minute fills it in 50 minutes; an officer's day
   * fits easily).
   */
  maxEntriesPerScope: number;
}

/** The caps used when none are given. */
export const DEFAULT_IDEMPOTENCY_LIMITS: Readonly<IdempotencyLimits> = {
  maxEntries: 10_000,
  maxBytes: 16 * 1024 * 1024,
  maxEntriesPerScope: 1_000,
};

/** A response as the store keeps and replays it. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Who sent which key to which operation. Keys never collide across callers, methods or paths.
 *
 * The caller (`principal`) is what the server knows of who is asking:
 * - with a bearer token, the principal the token stands for (`officer:<id>`, else `token:<token>`),
 *   so a retry after a token refresh still replays;
 * - without one, the client: `client:<address>`, the address the connection came from. Two
 *   anonymous citizens never share a scope unless they share an address, so one who learns
 *   another's key and body does not get that citizen's answer (and its `manageToken`) back;
 *   behind the same address they would also need the other's key, which is a random UUID.
 */
export interface IdempotencyScope {
  principal: string;
  method: string;
  path: string;
  key: string;
}

/** What {@link IdempotencyStore.begin} decided about a request. */
export type IdempotencyDecision =
  /**
   * First time: process it, then call `complete` with the answer, or `release` when it changed
   * nothing (a refusal, a crash) so a retry with the key is evaluated afresh.
   */
  | { outcome: 'new'; complete(response: StoredResponse): void; release(): void }
  /** A retry of a finished request with the same body: send `response` again. */
  | { outcome: 'replay'; response: StoredResponse }
  /** The key was used before with another body: 422 `idempotency_key_reused`. */
  | { outcome: 'mismatch' }
  /** The first request with this key is still being processed: 409 `idempotency_key_in_flight`. */
  | { outcome: 'in_flight' };

interface Entry {
  scope: string;
  fingerprint: string;
  createdAt: number;
  /** The answer as JSON, or undefined while the first request runs. */
  answer: string | undefined;
  bytes: number;
}

/**
 * JSON with object keys sorted, so two bodies that differ only in key order or whitespace have
 * the same fingerprint. Iterative, so a deeply nested value cannot overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // A stack of things still to write: values, or literal text (commas, closing brackets).
  const stack: Array<{ value: unknown } | string> = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const current = item.value;
    if (current === null || typeof current !== 'object') {
      out.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const parts: Array<{ value: unknown } | string> = [];
    if (Array.isArray(current)) {
      parts.push('[');
      current.forEach((element: unknown, index) => {
        if (index > 0) parts.push(',');
        parts.push({ value: element });
      });
      parts.push(']');
    } else {
      const entries = Object.entries(current as Record<string, unknown>)
        .filter(([, element]) => element !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      parts.push('{');
      entries.forEach(([key, element], index) => {
        parts.push(`${index > 0 ? ',' : ''}${JSON.stringify(key)}:`, { value: element });
      });
      parts.push('}');
    }
    for (let index = parts.length - 1; index >= 0; index -= 1) stack.push(parts[index]!);
  }
  return out.join('');
}

/**
 * The fingerprint of a request: SHA-256 (hex) of its canonical form, method, path and body.
 * Web Crypto, so it runs in Node and in a (secure-context) service worker alike.
 */
export async function requestFingerprint(method: string, path: string, body: unknown): Promise<string> {
  const canonical = `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads an `Idempotency-Key` header. The draft makes it a structured-field string
 * (`"8e03978e-…"`); we also accept it bare, as most clients send it.
 */
export function parseIdempotencyKey(
  header: string | null,
): { ok: true; key: string } | { ok: false; code: 'idempotency_key_missing' | 'idempotency_key_invalid' } {
  if (header === null || header.trim() === '') return { ok: false, code: 'idempotency_key_missing' };
  let key = header.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    return { ok: false, code: 'idempotency_key_invalid' };
  }
  return { ok: true, key };
}

/**
 * Remembers idempotent requests and their answers.
 *
 * - **Scope**: per caller, see {@link IdempotencyScope}.
 * - **What is kept**: the SHA-256 fingerprint of the request (method, path, canonical body) and
 *   the answer; never the body.
 * - **Which answers**: those of requests that ran, success or not, except refusals that changed
 *   nothing (the handler's 4xx problems): the caller calls `release` for those, and a retry with
 *   the same key is evaluated again. A refusal has no effect to duplicate, and a flood of bad
 *   requests then costs no memory.
 * - **How long**: 24 hours ({@link IDEMPOTENCY_TTL_MS}), unless a cap of
 *   {@link IdempotencyLimits} pushes the oldest out first. Expired keys are dropped as requests
 *   come in, without a timer.
 */
export class IdempotencyStore {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #limits: IdempotencyLimits;
  /** By id, in insertion (= creation) order, so the oldest is always first. */
  readonly #entries = new Map<string, Entry>();
  /** The ids of each scope, oldest first. */
  readonly #byScope = new Map<string, Set<string>>();
  #bytes = 0;

  constructor(options: { clock: Clock; ttlMs?: number | undefined; limits?: Partial<IdempotencyLimits> | undefined }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.#limits = { ...DEFAULT_IDEMPOTENCY_LIMITS, ...definedOnly(options.limits ?? {}) };
  }

  /** How many keys are currently remembered (after dropping expired ones). */
  get size(): number {
    this.#expire();
    return this.#entries.size;
  }

  /** How many bytes the remembered answers take, as counted against {@link IdempotencyLimits.maxBytes}. */
  get bytes(): number {
    this.#expire();
    return this.#bytes;
  }

  /**
   * Decides what to do with a request carrying an Idempotency-Key. `body` is the request body
   * as the server understood it (`null` when there is none); only its fingerprint is kept.
   *
   * @example
   * ```ts
   * const decision = await store.begin(scope, body);
   * if (decision.outcome === 'new') decision.complete({ status: 201, headers: {}, body: closure });
   * ```
   */
  async begin(scope: IdempotencyScope, body: unknown): Promise<IdempotencyDecision> {
    const fingerprint = await requestFingerprint(scope.method, scope.path, body);
    // From here on nothing awaits, so checking and claiming the key is one step.
    this.#expire();
    const id = JSON.stringify([scope.principal, scope.method.toUpperCase(), scope.path, scope.key]);
    const existing = this.#entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (existing.answer === undefined) return { outcome: 'in_flight' };
      return { outcome: 'replay', response: JSON.parse(existing.answer) as StoredResponse };
    }
    const entry: Entry = {
      scope: scope.principal,
      fingerprint,
      createdAt: this.#clock.now().getTime(),
      answer: undefined,
      bytes: id.length + fingerprint.length,
    };
    this.#insert(id, entry);
    let settled = false;
    return {
      outcome: 'new',
      complete: (response) => {
        if (settled || this.#entries.get(id) !== entry) return;
        settled = true;
        const answer = JSON.stringify({ status: response.status, headers: response.headers, body: response.body });
        if (answer.length > this.#limits.maxBytes / 10) {
          this.#delete(id);
          return;
        }
        entry.answer = answer;
        entry.bytes += answer.length;
        this.#bytes += answer.length;
        this.#evict();
      },
      release: () => {
        if (settled) return;
        settled = true;
        if (this.#entries.get(id) === entry) this.#delete(id);
      },
    };
  }

  /** Forgets every key (used by the test-control reset). */
  clear(): void {
    this.#entries.clear();
    this.#byScope.clear();
    this.#bytes = 0;
  }

  #insert(id: string, entry: Entry): void {
    this.#entries.set(id, entry);
    this.#bytes += entry.bytes;
    let ids = this.#byScope.get(entry.scope);
    if (!ids) this.#byScope.set(entry.scope, (ids = new Set()));
    ids.add(id);
    // The caller's own oldest keys make room first; the newest (this one) is never the victim.
    while (ids.size > this.#limits.maxEntriesPerScope) this.#delete(ids.values().next().value as string);
    this.#evict();
  }

  #evict(): void {
    const { maxEntries, maxBytes } = this.#limits;
    while (this.#entries.size > 1 && (this.#entries.size > maxEntries || this.#bytes > maxBytes)) {
      this.#delete(this.#entries.keys().next().value as string);
    }
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
    const ids = this.#byScope.get(entry.scope);
    ids?.delete(id);
    if (ids?.size === 0) this.#byScope.delete(entry.scope);
  }

  // Entries are in creation order, so expired ones are at the front: the cost is the number of
  // keys that expired, not the number kept.
  #expire(): void {
    const now = this.#clock.now().getTime();
    for (const [id, entry] of this.#entries) {
      if (now - entry.createdAt < this.#ttlMs) break;
      this.#delete(id);
    }
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
