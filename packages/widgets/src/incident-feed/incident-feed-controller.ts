import type { ReactiveControllerHost } from 'lit';
import type { IncidentsClient } from '@blauw/core';
import { FeedController } from '../shared/feed-controller.js';
import { IncidentFeed, type FeedChangeDetail } from './incident-feed.js';

/**
 * Options of {@link IncidentFeedController}.
 *
 * @category Incident feed
 */
export interface IncidentFeedControllerOptions {
  /** The widget's client, usually its `ClientController`; a new client moves the widget to that client's feed. */
  client: { readonly value: IncidentsClient | undefined };
  /** Called on every batched `change`, before the host re-renders (e.g. to count new entries). */
  onChange?: (detail: FeedChangeDetail, feed: IncidentFeed) => void;
  /** Called when the selection changes, from this widget or another one sharing the feed. */
  onSelect?: (feed: IncidentFeed) => void;
}

/**
 * Gives a widget the {@link IncidentFeed} of its client: connects to it while the widget is on the
 * page, follows a change of client, and re-renders the widget on `change`, `select` and
 * `statechange`.
 *
 * @example
 * ```ts
 * readonly #client = new ClientController<IncidentsClient>(this, { create: createIncidentsClient });
 * readonly #feed = new IncidentFeedController(this, { client: this.#client });
 * render() { return html`${this.#feed.value?.state}`; }
 * ```
 *
 * @category Incident feed
 */
export class IncidentFeedController extends FeedController<IncidentsClient, IncidentFeed> {
  constructor(host: ReactiveControllerHost, options: IncidentFeedControllerOptions) {
    super(host, {
      client: options.client,
      feedOf: (client) => IncidentFeed.for(client),
      events: {
        change: (event, feed) => options.onChange?.((event as CustomEvent<FeedChangeDetail>).detail, feed),
        select: (_, feed) => options.onSelect?.(feed),
      },
    });
  }
}
