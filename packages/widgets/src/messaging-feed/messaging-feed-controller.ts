import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessagingClient } from '@blauw/core';
import { MessagingFeed, type BriefingStreamEvent, type MessagingFeedChangeDetail, type MessagingFeedRefetchDetail } from './messaging-feed.js';

/**
 * Options of {@link MessagingFeedController}.
 *
 * @category Messaging feed
 */
export interface MessagingFeedControllerOptions {
  /** The widget's client, usually its `ClientController`; a new client moves the widget to that client's feed. */
  client: { readonly value: Pick<MessagingClient, 'messaging'> | undefined };
  /** Called on every batched `change`, before the host re-renders (e.g. to count new entries). */
  onChange?: (detail: MessagingFeedChangeDetail, feed: MessagingFeed) => void;
  /** Called for every briefing event of the stream (`briefing.published`, `briefing.acknowledged`). */
  onBriefing?: (event: BriefingStreamEvent, feed: MessagingFeed) => void;
  /**
   * Called when what the widget fetched apart from the stream (its briefings) may miss events: the
   * stream went live for the first time, or the server could not resume it (`reset`).
   */
  onRefetch?: (detail: MessagingFeedRefetchDetail, feed: MessagingFeed) => void;
  /** Whether the widget shows conversations (default `true`); a briefings list says `false`, and a page with only it loads none. */
  conversations?: boolean;
}

/**
 * Gives a widget the {@link MessagingFeed} of its client: connects to it while the widget is on the
 * page, follows a change of client, and re-renders the widget on `change` and `statechange`.
 *
 * @example
 * ```ts
 * readonly #client = new ClientController<MessagingClient>(this, { create: createMessagingClient });
 * readonly #feed = new MessagingFeedController(this, { client: this.#client });
 * render() { return html`${this.#feed.value?.state}`; }
 * ```
 *
 * @category Messaging feed
 */
export class MessagingFeedController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: MessagingFeedControllerOptions;
  #feed: MessagingFeed | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: MessagingFeedControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The feed of the widget's client, or `undefined` while it has none. */
  get value(): MessagingFeed | undefined {
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

  #follow(client: Pick<MessagingClient, 'messaging'> | undefined): void {
    const next = client === undefined ? undefined : MessagingFeed.for(client);
    if (next === this.#feed) return;
    const previous = this.#feed;
    if (previous) {
      previous.removeEventListener('change', this.#changed);
      previous.removeEventListener('briefing', this.#briefing);
      previous.removeEventListener('refetch', this.#refetch);
      previous.removeEventListener('statechange', this.#update);
      previous.disconnect();
    }
    this.#feed = next;
    if (next) {
      next.addEventListener('change', this.#changed);
      next.addEventListener('briefing', this.#briefing);
      next.addEventListener('refetch', this.#refetch);
      next.addEventListener('statechange', this.#update);
      next.connect({ conversations: this.#options.conversations !== false });
    }
    this.#host.requestUpdate();
  }

  readonly #changed = (event: CustomEvent<MessagingFeedChangeDetail>): void => {
    this.#options.onChange?.(event.detail, this.#feed!);
    this.#host.requestUpdate();
  };

  readonly #briefing = (event: CustomEvent<BriefingStreamEvent>): void => {
    this.#options.onBriefing?.(event.detail, this.#feed!);
    this.#host.requestUpdate();
  };

  readonly #refetch = (event: CustomEvent<MessagingFeedRefetchDetail>): void => {
    this.#options.onRefetch?.(event.detail, this.#feed!);
    this.#host.requestUpdate();
  };

  readonly #update = (): void => this.#host.requestUpdate();
}
