import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Briefing, BriefingAcknowledgement, BlauwError, MessagingClient, MessagingStreamEvent, StreamState } from '@blauw/core';
import { toBlauwError } from '../shared/to-blauw-error.js';

/**
 * What {@link BriefingStream} tells its widget.
 *
 * @category Briefings
 */
export interface BriefingStreamOptions {
  /** The widget's client, read before every render: a new one opens a new stream. */
  client: () => Pick<MessagingClient, 'messaging'> | undefined;
  /** A briefing for the user's team or shift (or one they published) was published. */
  published: (briefing: Briefing) => void;
  /** An officer acknowledged a briefing (the user, on any device, or one of the publisher's officers). */
  acknowledged: (acknowledgement: BriefingAcknowledgement) => void;
  /**
   * The lists may be missing events: the server could not resume the stream (`reset`), or the
   * stream went live after the lists were fetched (what was published in between would be lost).
   * Fetch the briefings again.
   */
  refetch: () => void;
}

/**
 * Follows the signed-in user's messaging stream for briefings: `briefing.published` and
 * `briefing.acknowledged`, with the stream's connection state (`connecting`, `live`,
 * `reconnecting`, `offline`, `stopped`) for the widget's status line. Other events (messages, read
 * receipts) are not its business. Opens the stream when the widget has a client and is on the
 * page, closes it when it leaves.
 *
 * When a shared messaging feed exists (one stream per client for chat and briefings alike), this
 * controller is what it replaces: the widget then subscribes to that feed's briefing events.
 *
 * @category Briefings
 */
export class BriefingStream implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: BriefingStreamOptions;
  #client: Pick<MessagingClient, 'messaging'> | undefined;
  #session: AbortController | undefined;
  #state: StreamState = 'connecting';
  #error: BlauwError | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: BriefingStreamOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Where the stream stands; `stopped` with {@link error} when it ended for good. */
  get state(): StreamState {
    return this.#state;
  }

  /** Why the stream stopped, when `state` is `stopped`. */
  get error(): BlauwError | undefined {
    return this.#error;
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostUpdate(): void {
    const client = this.#connected ? this.#options.client() : undefined;
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (client) this.#start(client);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
    this.#client = undefined;
  }

  /** Opens the stream again after it stopped (the Try again of the status line). */
  retry(): void {
    const client = this.#client;
    this.#stop();
    if (client) this.#start(client);
  }

  #stop(): void {
    this.#session?.abort();
    this.#session = undefined;
  }

  #setState(state: StreamState, error?: BlauwError): void {
    if (state === this.#state && error === this.#error) return;
    this.#state = state;
    this.#error = error;
    this.#host.requestUpdate();
  }

  #start(client: Pick<MessagingClient, 'messaging'>): void {
    const session = (this.#session = new AbortController());
    this.#state = 'connecting';
    this.#error = undefined;
    void this.#run(client, session.signal);
  }

  async #run(client: Pick<MessagingClient, 'messaging'>, signal: AbortSignal): Promise<void> {
    // Without an event id to resume after, the stream brings only what happens once connected:
    // the first time it is live, the lists are fetched again so nothing in between is missed.
    let firstLive = true;
    try {
      const stream = client.messaging.stream({ signal, pauseWhenHidden: true });
      const follow = () => {
        if (signal.aborted || stream.state === 'stopped') return;
        this.#setState(stream.state);
        if (firstLive && stream.state === 'live') {
          firstLive = false;
          this.#options.refetch();
        }
      };
      stream.addEventListener('statechange', follow);
      follow();
      for await (const event of stream as AsyncIterable<MessagingStreamEvent>) {
        if (signal.aborted) return;
        if (event.type === 'briefing.published') this.#options.published(event.briefing);
        else if (event.type === 'briefing.acknowledged') this.#options.acknowledged(event.acknowledgement);
        else if (event.type === 'reset') this.#options.refetch();
      }
      if (!signal.aborted) this.#setState('stopped');
    } catch (caught) {
      if (signal.aborted) return;
      this.#setState('stopped', toBlauwError(caught));
    }
  }
}
