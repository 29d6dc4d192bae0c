import type { ReactiveControllerHost } from 'lit';
import type { MessagingClient } from '@blauw/core';
import { FeedController } from '../shared/feed-controller.js';
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
export class MessagingFeedController extends FeedController<Pick<MessagingClient, 'messaging'>, MessagingFeed> {
  constructor(host: ReactiveControllerHost, options: MessagingFeedControllerOptions) {
    super(host, {
      client: options.client,
      feedOf: (client) => MessagingFeed.for(client),
      connect: (feed) => feed.connect({ conversations: options.conversations !== false }),
      events: {
        change: (event, feed) => options.onChange?.((event as CustomEvent<MessagingFeedChangeDetail>).detail, feed),
        briefing: (event, feed) => options.onBriefing?.((event as CustomEvent<BriefingStreamEvent>).detail, feed),
        refetch: (event, feed) => options.onRefetch?.((event as CustomEvent<MessagingFeedRefetchDetail>).detail, feed),
      },
    });
  }
}
