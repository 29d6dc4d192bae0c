import type { Slot } from '@blauw/core';
import type { Clock } from './clock.js';
import type { Interval } from './slots.js';
import { randomToken } from './tokens.js';

/** How long a slot stays held while the citizen fills in the form: 5 minutes. */
export const HOLD_TTL_MS = 5 * 60 * 1000;

/** A hold as the server keeps it. */
export interface HoldRecord {
  id: string;
  slot: Slot;
  topicId: string;
  /** Epoch ms; the hold stops counting at this instant. */
  expiresAt: number;
  /** Released by DELETE or used by a booking. */
  released: boolean;
}

/**
 * Short reservations of slots. A hold counts until it expires by the injected clock or is
 * released; expired holds are kept (a booking may still name one) but no longer block the slot.
 */
export class SlotHolds {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #holds = new Map<string, HoldRecord>();

  constructor(options: { clock: Clock; ttlMs?: number | undefined }) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs ?? HOLD_TTL_MS;
  }

  /** Records a hold on a slot the caller has checked is free. The id is unguessable. */
  add(slot: Slot, topicId: string): HoldRecord {
    const hold: HoldRecord = {
      id: `hold-${randomToken(16)}`,
      slot,
      topicId,
      expiresAt: this.#clock.now().getTime() + this.#ttlMs,
      released: false,
    };
    this.#holds.set(hold.id, hold);
    return hold;
  }

  /** A hold by id, live or not; `undefined` when unknown (never made, pruned, or reset). */
  get(holdId: string): HoldRecord | undefined {
    return this.#holds.get(holdId);
  }

  /** Whether a hold still blocks its slot. */
  isLive(hold: HoldRecord): boolean {
    return !hold.released && this.#clock.now().getTime() < hold.expiresAt;
  }

  /** Stops a hold from blocking its slot (idempotent). */
  release(holdId: string): void {
    const hold = this.#holds.get(holdId);
    if (hold) hold.released = true;
  }

  /** The spans an officer's live holds block, except the hold `exceptId`. */
  busy(officerId: string, exceptId?: string): Interval[] {
    const now = this.#clock.now().getTime();
    const spans: Interval[] = [];
    for (const hold of this.#holds.values()) {
      if (hold.id === exceptId || hold.slot.officerId !== officerId || hold.released || now >= hold.expiresAt) continue;
      spans.push({ start: Date.parse(hold.slot.start), end: Date.parse(hold.slot.end) });
    }
    return spans;
  }

  /** Forgets every hold. */
  clear(): void {
    this.#holds.clear();
  }

  /** Drops holds that expired more than a day ago, so a long-running server does not grow. */
  prune(): void {
    const cutoff = this.#clock.now().getTime() - 24 * 60 * 60 * 1000;
    for (const [id, hold] of this.#holds) if (hold.expiresAt < cutoff) this.#holds.delete(id);
  }
}
