import type { StreamReset } from '@blauw/core';

// The journal of the messaging stream: every message, read receipt, briefing and acknowledgement
// gets the next id, with the participants it is for. One sequence for the whole server, so a
// user's stream resumes after `Last-Event-ID` whichever kinds came since. Pure TS: no HTTP, no
// timers; the same resume rules as the incident journal (see incidents.ts).

/** The kinds of event the messaging stream carries. */
export type MessagingEventType = 'message.created' | 'message.read' | 'briefing.published' | 'briefing.acknowledged';

/** One event of the journal. */
export interface MessagingEvent {
  /** The id as sent (`id:`), the decimal form of `seq`. */
  id: string;
  seq: number;
  type: MessagingEventType;
  /** The participant ids whose stream carries it. */
  recipients: ReadonlySet<string>;
  /** The frame's data (a snapshot, never mutated afterwards). */
  data: unknown;
}

/** Why a stream cannot resume after the `Last-Event-ID` it was given. */
export type MessagingResume = { ok: true; events: MessagingEvent[] } | { ok: false; refusal: { reason: StreamReset['reason']; detail: string } };

/** How many events the journal keeps for resuming streams, unless told otherwise. */
export const DEFAULT_MESSAGING_RETENTION = 10_000;

/**
 * Every messaging event in order, the last `retention` kept. Ids start above `base` (derived by
 * the owner from the instant the server started, so a restarted server's ids are unknown to
 * clients of the previous one) and go on increasing across {@link MessagingJournal.clear}.
 */
export class MessagingJournal {
  readonly retention: number;
  readonly base: number;
  #events: MessagingEvent[] = [];
  #last: number;
  #floor: number;
  #cleared = false;

  constructor(options: { retention?: number | undefined; base?: number | undefined } = {}) {
    this.retention = options.retention ?? DEFAULT_MESSAGING_RETENTION;
    this.base = options.base ?? 0;
    if (!Number.isSafeInteger(this.retention) || this.retention < 1) throw new RangeError(`retention must be a whole number from 1, got ${this.retention}.`);
    if (!Number.isSafeInteger(this.base) || this.base < 0) throw new RangeError(`base must be a whole number from 0, got ${this.base}.`);
    this.#last = this.base;
    this.#floor = this.base;
  }

  #openStreams = 0;

  /** How many live streams read the journal now (for tests that check a closed stream stops). */
  get openStreams(): number {
    return this.#openStreams;
  }

  /** Counts a stream in; call the function it returns (once) when the stream ends. */
  streamOpened(): () => void {
    this.#openStreams++;
    let open = true;
    return () => {
      if (open) this.#openStreams--;
      open = false;
    };
  }

  /** The newest id given (or `base` before the first event). */
  get lastSeq(): number {
    return this.#last;
  }

  /** Keeps an event for `recipients` under the next id. */
  append(type: MessagingEventType, recipients: Iterable<string>, data: unknown): MessagingEvent {
    const seq = ++this.#last;
    const event: MessagingEvent = { id: String(seq), seq, type, recipients: new Set(recipients), data: structuredClone(data) };
    this.#events.push(event);
    if (this.#events.length > this.retention + 1024) this.#events.splice(0, this.#events.length - this.retention);
    return event;
  }

  /** Forgets every event (a reset of the zone); ids go on from where they were, and those given before are `too_old`. */
  clear(): void {
    this.#events = [];
    this.#floor = this.#last;
    this.#cleared = true;
  }

  /** The kept events after `seq`, at most `limit`; `undefined` when one after it is no longer kept. */
  since(seq: number, limit = Number.POSITIVE_INFINITY): MessagingEvent[] | undefined {
    if (seq >= this.#last) return [];
    const kept = Math.min(this.retention, this.#events.length);
    // An id from before a reset belongs to a discarded history: the client must fetch again.
    if (seq < this.#last - kept || (this.#cleared && seq <= this.#floor)) return undefined;
    const start = this.#events.length - (this.#last - seq);
    return this.#events.slice(start, start + Math.min(limit, this.#last - seq));
  }

  /** Where a stream resumes after `lastEventId`: the kept events after it, or why it cannot. */
  resume(lastEventId: string): MessagingResume {
    const refuse = (reason: StreamReset['reason'], detail: string): MessagingResume => ({ ok: false, refusal: { reason, detail } });
    if (!/^\d{1,16}$/.test(lastEventId)) return refuse('unknown_id', 'The Last-Event-ID is not an id this server gives; fetch the conversations again.');
    const seq = Number(lastEventId);
    if (seq === this.#last) return { ok: true, events: [] };
    if (seq > this.#last || seq < this.base) return refuse('unknown_id', `Event ${lastEventId} was never sent by this server (it may have restarted); fetch the conversations again.`);
    const events = this.since(seq);
    if (events === undefined) return refuse('too_old', `Event ${lastEventId} is no longer kept; fetch the conversations again.`);
    return { ok: true, events };
  }
}
