import type { StreamState } from '@blauw/core';

/**
 * A live stream the test drives, as the SDK's streams behave for a widget: events in order, each
 * its id as `lastEventId`, a connection state with `statechange`, closed by `close()` or its
 * signal, and an error to end it with (`fail`). The incident and messaging fakes open these.
 */
export interface FakeLiveStream<T extends { id: string }> extends EventTarget, AsyncIterable<T> {
  readonly state: StreamState;
  readonly lastEventId: string | undefined;
  /** Whether it was closed (by `close()` or its signal). */
  readonly closed: boolean;
  close(): void;
  /** Sets its connection state and fires `statechange`. */
  setState(state: StreamState): void;
  /** Delivers events in order. */
  push(...events: T[]): void;
  /** Ends the iteration with this error (as the SDK's stream does on 401 or 404). */
  fail(error: Error): void;
}

/** Opens a {@link FakeLiveStream}: in `state` (default `live`), with `replay` first, closed when `signal` aborts. */
export function fakeLiveStream<T extends { id: string }>(init: { state?: StreamState | undefined; lastEventId?: string | undefined; replay?: T[] | undefined; signal?: AbortSignal | undefined } = {}): FakeLiveStream<T> {
  const queue: T[] = [...(init.replay ?? [])];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let failWaiting: ((error: Error) => void) | undefined;
  let failure: Error | undefined;
  let state: StreamState = init.state ?? 'live';
  let closed = false;
  let lastEventId = init.lastEventId;
  const target = new EventTarget();
  const wake = () => {
    if (!waiting || (queue.length === 0 && !failure && !closed)) return;
    const [resolve, reject] = [waiting, failWaiting!];
    waiting = failWaiting = undefined;
    if (queue.length > 0) {
      const event = queue.shift()!;
      lastEventId = event.id;
      resolve({ done: false, value: event });
    } else if (failure) reject(failure);
    else resolve({ done: true, value: undefined });
  };
  // Getters stay getters (Object.assign would copy their values once).
  const stream = Object.defineProperties(
    target,
    Object.getOwnPropertyDescriptors({
      get state() {
        return state;
      },
      get lastEventId() {
        return lastEventId;
      },
      get closed() {
        return closed;
      },
      close() {
        if (closed) return;
        closed = true;
        queue.length = 0;
        stream.setState('stopped');
        wake();
      },
      setState(next: StreamState) {
        if (next === state) return;
        state = next;
        target.dispatchEvent(new Event('statechange'));
      },
      push(...events: T[]) {
        if (closed) return;
        queue.push(...events);
        wake();
      },
      fail(error: Error) {
        failure = error;
        closed = true;
        state = 'stopped';
        wake();
      },
      [Symbol.asyncIterator]() {
        return {
          next: () =>
            new Promise<IteratorResult<T>>((resolve, reject) => {
              waiting = resolve;
              failWaiting = reject;
              wake();
            }),
          return: () => {
            stream.close();
            return Promise.resolve({ done: true as const, value: undefined });
          },
        };
      },
    }),
  ) as unknown as FakeLiveStream<T>;
  init.signal?.addEventListener('abort', () => stream.close(), { once: true });
  return stream;
}
