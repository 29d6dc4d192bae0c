import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What {@link FeedController} needs of a live feed the widgets of a page share: its events, and
 * `connect` / `disconnect` to count the widgets using it (it closes its stream when the last one
 * leaves).
 *
 * @category Client context
 */
export interface SharedFeed extends EventTarget {
  connect(): void;
  disconnect(): void;
}

/**
 * Options of {@link FeedController}.
 *
 * @category Client context
 */
export interface FeedControllerOptions<Client, Feed extends SharedFeed> {
  /** The widget's client, usually its `ClientController`; a new client moves the widget to that client's feed. */
  client: { readonly value: Client | undefined };
  /** The page's feed of a client (one per client object). */
  feedOf: (client: Client) => Feed;
  /** Joins the feed (default `feed.connect()`). */
  connect?: (feed: Feed) => void;
  /**
   * The feed's events the widget follows, each re-rendering the widget after its callback (if
   * any) ran; `statechange` is always followed.
   */
  events: Readonly<Record<string, ((event: Event, feed: Feed) => void) | undefined>>;
}

/**
 * Gives a widget the shared feed of its client: joins it while the widget is on the page, moves to
 * another client's feed when the client changes, and re-renders the widget on the feed's events.
 * {@link IncidentFeedController} and {@link MessagingFeedController} are this with their feed's
 * events.
 *
 * @category Client context
 */
export class FeedController<Client, Feed extends SharedFeed> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: FeedControllerOptions<Client, Feed>;
  readonly #listeners: [string, (event: Event) => void][];
  #feed: Feed | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: FeedControllerOptions<Client, Feed>) {
    this.#host = host;
    this.#options = options;
    const events: Record<string, ((event: Event, feed: Feed) => void) | undefined> = { statechange: undefined, ...options.events };
    this.#listeners = Object.entries(events).map(([type, callback]) => [
      type,
      (event: Event) => {
        callback?.(event, this.#feed!);
        this.#host.requestUpdate();
      },
    ]);
    host.addController(this);
  }

  /** The feed of the widget's client, or `undefined` while it has none. */
  get value(): Feed | undefined {
    return this.#feed;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#options.client.value);
  }

  // Before every render: the client may have changed (a provider appeared, `api` was set).
  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#options.client.value);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  #follow(client: Client | undefined): void {
    const next = client === undefined ? undefined : this.#options.feedOf(client);
    if (next === this.#feed) return;
    const previous = this.#feed;
    if (previous) {
      for (const [type, listener] of this.#listeners) previous.removeEventListener(type, listener);
      previous.disconnect();
    }
    this.#feed = next;
    if (next) {
      for (const [type, listener] of this.#listeners) next.addEventListener(type, listener);
      if (this.#options.connect) this.#options.connect(next);
      else next.connect();
    }
    this.#host.requestUpdate();
  }
}
