import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

// A bounded reader of Server-Sent Events for the HTTP tests of the live streams (incidents,
// messaging, briefings).

/** One SSE frame as the wire carried it. */
export interface Frame {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads an event stream frame by frame, with bounded waits. */
export class SseReader {
  readonly frames: Frame[] = [];
  ended = false;
  failure: unknown;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #pending: Promise<void> | undefined;

  constructor(readonly response: Response, readonly controller: AbortController) {
    assert.ok(response.body);
    this.#reader = response.body.getReader();
  }

  /** The frames that are events (they carry an id). */
  get events(): Frame[] {
    return this.frames.filter((frame) => frame.id !== undefined);
  }

  /** Waits until `done(frames)` holds, the stream ends or `timeoutMs` passes (then it throws). */
  async until(done: (reader: SseReader) => boolean, timeoutMs = 3000): Promise<this> {
    const deadline = performance.now() + timeoutMs;
    while (!done(this)) {
      if (this.ended) return this;
      const remaining = deadline - performance.now();
      if (remaining <= 0) assert.fail(`timed out with ${this.frames.length} frames`);
      this.#pending ??= this.#reader.read().then(
        ({ value, done: finished }) => {
          this.#pending = undefined;
          if (finished) this.ended = true;
          else this.#take(this.#decoder.decode(value, { stream: true }));
        },
        (error: unknown) => {
          this.#pending = undefined;
          this.ended = true;
          this.failure = error;
        },
      );
      await Promise.race([this.#pending, sleep(remaining)]);
    }
    return this;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.#reader.cancel().catch(() => undefined);
  }

  #take(text: string): void {
    this.#buffer += text;
    for (let end = this.#buffer.indexOf('\n\n'); end !== -1; end = this.#buffer.indexOf('\n\n')) {
      const frame: Frame = {};
      for (const line of this.#buffer.slice(0, end).split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const colon = line.indexOf(':');
          const field = line.slice(0, colon) as keyof Frame;
          frame[field] = line.slice(colon + 1).replace(/^ /, '');
        }
      }
      this.frames.push(frame);
      this.#buffer = this.#buffer.slice(end + 2);
    }
  }
}

