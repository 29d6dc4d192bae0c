import type { Slot } from '@blauw/core';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import type { Interval } from './slots.js';
import { randomToken } from './tokens.js';

/** How long a slot stays held while the citizen fills in the form: 5 minutes. */
export const HOLD_TTL_MS = 5 * 60 * 1000;

/**
 * What one client may hold. A client is who the server says is asking (the Node server: the
 * address the connection came from); in-process callers that name no client are not limited.
 */
export interface HoldLimits {
  /** Live holds one client may have at once. Default 3. */
  maxPerClient: number;
  /**
   * How long one client may keep one slot held, however often it holds it again after a hold
   * lapsed or was released. Default 15 minutes (three holds' worth). After that the client may
   * hold that slot again only once as long again has passed: a script cannot keep a slot forever.
   */
  maxLifetimeMs: number;
}

/** The limits used when none are given. */
export const DEFAULT_HOLD_LIMITS: Readonly<HoldLimits> = { maxPerClient: 3, maxLifetimeMs: 3 * HOLD_TTL_MS };

/** Released and lapsed holds remembered (so a late DELETE or booking still finds them), at most. */
const MAX_ENDED = 10_000;
/** How long an ended hold is remembered after it ended. */
const ENDED_KEPT_MS = 60 * 60 * 1000;

/** A hold as the server keeps it. */
export interface HoldRecord {
  id: string;
  slot: Slot;
  topicId: string;
  /** Epoch ms; the hold stops counting at this instant. */
  expiresAt: number;
  /** Released by DELETE or used by a booking. */
  released: boolean;
  /** Who made it; undefined for an in-process caller. */
  client?: string | undefined;
}

/**
 * Short reservations of slots. A hold counts until it expires by the injected clock or is
 * released. Only live holds are in the structures availability reads (by officer); released and
 * lapsed ones move, on the next access (no timer), to a small bounded memory of ended holds, so a
 * booking or a second DELETE naming one still finds it, and thousands of hold/release cycles
 * cost availability nothing.
 *
 * Limits per client ({@link HoldLimits}): at most 3 live holds; at most one live hold per slot
 * window (two held slots may not overlap in time: a citizen is at one appointment at a time);
 * one slot no longer than 15 minutes in a row, however often it is held again.
 */
export class SlotHolds {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #limits: HoldLimits;
  /** Live holds by id, in the order they were made (≈ the order they lapse). */
  readonly #live = new Map<string, HoldRecord>();
  /** Live holds by officer. */
  readonly #byOfficer = new Map<string, Map<string, HoldRecord>>();
  /** Live holds by client. */
  readonly #byClient = new Map<string, Map<string, HoldRecord>>();
  /** Released or lapsed holds, oldest first, with when to forget them. */
  readonly #ended = new Map<string, { hold: HoldRecord; forgetAt: number }>();
  /** `client slotId` → when the client first held that slot, oldest first. */
  readonly #firstHeld = new Map<string, number>();

  constructor(options: { clock: Clock; ttlMs?: number | undefined; limits?: Partial<HoldLimits> | undefined }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs ?? HOLD_TTL_MS;
    this.#limits = {
      maxPerClient: options.limits?.maxPerClient ?? DEFAULT_HOLD_LIMITS.maxPerClient,
      maxLifetimeMs: options.limits?.maxLifetimeMs ?? Math.max(DEFAULT_HOLD_LIMITS.maxLifetimeMs, this.#ttlMs),
    };
  }

  /** How many holds are kept in memory, live or ended (after purging what is due). */
  get size(): { live: number; ended: number } {
    this.prune();
    return { live: this.#live.size, ended: this.#ended.size };
  }

  /**
   * Records a hold on a slot the caller has checked is free, made by `client` (the caller's
   * address over HTTP; `undefined` for in-process callers, which are not limited). The id is
   * unguessable.
   *
   * @throws DomainError 409 `hold_limit_reached` when the acting client holds 3 slots already,
   *   holds another slot at an overlapping time, or has held this one for 15 minutes.
   */
  add(slot: Slot, topicId: string, client?: string): HoldRecord {
    this.prune();
    const now = this.#clock.now().getTime();
    let expiresAt = now + this.#ttlMs;
    if (client !== undefined) expiresAt = Math.min(expiresAt, this.#checkClient(client, slot, now));
    const hold: HoldRecord = { id: `hold-${randomToken(16)}`, slot, topicId, expiresAt, released: false, client };
    this.#live.set(hold.id, hold);
    index(this.#byOfficer, slot.officerId, hold);
    if (client !== undefined) index(this.#byClient, client, hold);
    return hold;
  }

  /** A hold by id, live or ended; `undefined` when unknown (never made, forgotten, or reset). */
  get(holdId: string): HoldRecord | undefined {
    this.prune();
    return this.#live.get(holdId) ?? this.#ended.get(holdId)?.hold;
  }

  /** Whether a hold still blocks its slot. */
  isLive(hold: HoldRecord): boolean {
    return !hold.released && this.#clock.now().getTime() < hold.expiresAt;
  }

  /** Stops a hold from blocking its slot (idempotent). */
  release(holdId: string): void {
    const hold = this.#live.get(holdId);
    if (hold) {
      hold.released = true;
      this.#end(hold, this.#clock.now().getTime());
    }
  }

  /** The spans an officer's live holds block, except the hold `exceptId`. */
  busy(officerId: string, exceptId?: string): Interval[] {
    this.prune();
    const now = this.#clock.now().getTime();
    const spans: Interval[] = [];
    for (const hold of this.#byOfficer.get(officerId)?.values() ?? []) {
      if (hold.id === exceptId || now >= hold.expiresAt) continue;
      spans.push({ start: Date.parse(hold.slot.start), end: Date.parse(hold.slot.end) });
    }
    return spans;
  }

  /** Forgets every hold. */
  clear(): void {
    this.#live.clear();
    this.#byOfficer.clear();
    this.#byClient.clear();
    this.#ended.clear();
    this.#firstHeld.clear();
  }

  /**
   * Moves lapsed holds out of the live structures and forgets what is old enough. Costs the
   * number of holds that ended since the last call, not the number ever made. Called on every
   * access, so no timer is needed.
   */
  prune(): void {
    const now = this.#clock.now().getTime();
    // Holds lapse in roughly the order they were made (a shortened renewal may wait behind a
    // longer hold, for at most one hold's time; `busy` checks the time anyway).
    for (const hold of this.#live.values()) {
      if (now < hold.expiresAt) break;
      this.#end(hold, now);
    }
    for (const [id, ended] of this.#ended) {
      if (ended.forgetAt > now && this.#ended.size <= MAX_ENDED) break;
      this.#ended.delete(id);
    }
    for (const [pair, firstAt] of this.#firstHeld) {
      if (now < firstAt + 2 * this.#limits.maxLifetimeMs) break;
      this.#firstHeld.delete(pair);
    }
  }

  /** Refuses a hold the client may not make; else when it must end at the latest. */
  #checkClient(client: string, slot: Slot, now: number): number {
    const mine = [...(this.#byClient.get(client)?.values() ?? [])].filter((hold) => now < hold.expiresAt);
    if (mine.length >= this.#limits.maxPerClient) {
      throw limitReached(`You hold ${mine.length} slots already; book or release one before holding another.`);
    }
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    if (mine.some((hold) => Date.parse(hold.slot.start) < end && start < Date.parse(hold.slot.end))) {
      throw limitReached('You hold another slot at that time already; release it before holding this one.');
    }
    const pair = `${client} ${slot.id}`;
    const firstAt = this.#firstHeld.get(pair);
    if (firstAt === undefined) {
      this.#firstHeld.set(pair, now);
      return now + this.#limits.maxLifetimeMs;
    }
    const until = firstAt + this.#limits.maxLifetimeMs;
    if (until <= now) {
      throw limitReached('You have held this slot long enough; book it without a hold, or choose another.');
    }
    return until;
  }

  #end(hold: HoldRecord, now: number): void {
    if (!this.#live.delete(hold.id)) return;
    unindex(this.#byOfficer, hold.slot.officerId, hold.id);
    if (hold.client !== undefined) unindex(this.#byClient, hold.client, hold.id);
    this.#ended.set(hold.id, { hold, forgetAt: Math.max(now, hold.expiresAt) + ENDED_KEPT_MS });
  }
}

function limitReached(detail: string): DomainError {
  return new DomainError('conflict', 'hold_limit_reached', detail);
}

function index(map: Map<string, Map<string, HoldRecord>>, key: string, hold: HoldRecord): void {
  let holds = map.get(key);
  if (!holds) map.set(key, (holds = new Map()));
  holds.set(hold.id, hold);
}

function unindex(map: Map<string, Map<string, HoldRecord>>, key: string, id: string): void {
  const holds = map.get(key);
  holds?.delete(id);
  if (holds?.size === 0) map.delete(key);
}
