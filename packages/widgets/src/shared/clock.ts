import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';

/**
 * Where a widget reads the time: milliseconds since the epoch, like `Date.now`. Widgets never
 * read the clock any other way, so a test (or a demo of next month's agenda) pins any instant.
 */
export type Now = () => number;

/**
 * The clock `<blauw-provider>` gives nested widgets (its `now` property). Registered globally, like
 * the client context, so a provider from one CDN bundle serves the widgets of another.
 */
export const clockContext = createContext<Now | undefined>(Symbol.for('blauw-clock'));

/**
 * A widget's clock: its own `now` property, else its provider's, else `Date.now`.
 *
 * @example
 * ```ts
 * readonly #clock = new ClockController(this);
 * todayIn('Europe/Brussels', this.#clock.now);
 * ```
 */
export class ClockController {
  readonly #host: { now?: Now | undefined };
  readonly #provided: ContextConsumer<typeof clockContext, ReactiveControllerHost & HTMLElement>;

  constructor(host: ReactiveControllerHost & HTMLElement & { now?: Now | undefined }) {
    this.#host = host;
    this.#provided = new ContextConsumer(host, { context: clockContext, subscribe: true });
  }

  /** The clock in force. */
  get now(): Now {
    return this.#host.now ?? this.#provided.value ?? Date.now;
  }
}

/** The date (`YYYY-MM-DD`) it is in a time zone at `now`: Brussels may be a day ahead of UTC. */
export const todayIn = (timeZone: string, now: Now): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(now());
