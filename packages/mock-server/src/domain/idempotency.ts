import type { Clock } from './clock.js';

// Follows the IETF draft "The Idempotency-Key HTTP Header Field": the first response to a
// (principal, method, path, key) is stored and replayed for a retry with the same body; the same
// key with another body is refused (422), and a retry racing its still-running original is told
// to wait (409). Keys are kept for 24 hours, measured by the injected clock.

/** How long a key and its response are kept: 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The longest Idempotency-Key we accept. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** A response as the store keeps and replays it. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Who sent which key to which operation. Keys never collide across principals or paths. */
export interface IdempotencyScope {
  /** The bearer token or `anonymous`. */
  principal: string;
  method: string;
  path: string;
  key: string;
}

/** What {@link IdempotencyStore.begin} decided about a request. */
export type IdempotencyDecision =
  /** First time: process it, then call `complete` (or `abandon` if processing crashed). */
  | { outcome: 'new'; complete(response: StoredResponse): void; abandon(): void }
  /** A retry of a finished request with the same body: send `response` again. */
  | { outcome: 'replay'; response: StoredResponse }
  /** The key was used before with another body: 422 `idempotency_key_reused`. */
  | { outcome: 'mismatch' }
  /** The first request with this key is still being processed: 409 `idempotency_key_in_flight`. */
  | { outcome: 'in_flight' };

interface Entry {
  fingerprint: string;
  createdAt: number;
  response: StoredResponse | undefined;
}

/**
 * JSON with object keys sorted, so two bodies that differ only in key order or whitespace have
 * the same fingerprint.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
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

/** Remembers idempotent requests and their responses. */
export class IdempotencyStore {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: { clock: Clock; ttlMs?: number }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  }

  /** How many keys are currently remembered (after dropping expired ones). */
  get size(): number {
    this.#expire();
    return this.#entries.size;
  }

  /**
   * Decides what to do with a request carrying an Idempotency-Key.
   *
   * @example
   * ```ts
   * const decision = store.begin(scope, body);
   * if (decision.outcome === 'new') decision.complete({ status: 201, headers: {}, body: closure });
   * ```
   */
  begin(scope: IdempotencyScope, body: unknown): IdempotencyDecision {
    this.#expire();
    const id = JSON.stringify([scope.principal, scope.method.toUpperCase(), scope.path, scope.key]);
    const fingerprint = canonicalJson(body);
    const existing = this.#entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (existing.response === undefined) return { outcome: 'in_flight' };
      return { outcome: 'replay', response: cloneResponse(existing.response) };
    }
    const entry: Entry = { fingerprint, createdAt: this.#clock.now().getTime(), response: undefined };
    this.#entries.set(id, entry);
    let settled = false;
    return {
      outcome: 'new',
      complete: (response) => {
        if (settled) return;
        settled = true;
        entry.response = cloneResponse(response);
      },
      abandon: () => {
        if (settled) return;
        settled = true;
        // A crash is not an answer: let the client retry the same key.
        if (this.#entries.get(id) === entry) this.#entries.delete(id);
      },
    };
  }

  /** Forgets every key (used by the test-control reset). */
  clear(): void {
    this.#entries.clear();
  }

  #expire(): void {
    const now = this.#clock.now().getTime();
    for (const [id, entry] of this.#entries) {
      if (now - entry.createdAt >= this.#ttlMs) this.#entries.delete(id);
    }
  }
}

// Stored responses are copied in and out so no caller can change what a later retry receives.
function cloneResponse(response: StoredResponse): StoredResponse {
  return {
    status: response.status,
    headers: { ...response.headers },
    body: response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body)),
  };
}
