import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IncidentsClient } from '@blauw/core';
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
export class IncidentFeedController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: IncidentFeedControllerOptions;
  #feed: IncidentFeed | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: IncidentFeedControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The feed of the widget's client, or `undefined` while it has none. */
  get value(): IncidentFeed | undefined {
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

  #follow(client: IncidentsClient | undefined): void {
    const next = client === undefined ? undefined : IncidentFeed.for(client);
    if (next === this.#feed) return;
    const previous = this.#feed;
    if (previous) {
      previous.removeEventListener('change', this.#changed);
      previous.removeEventListener('select', this.#selected);
      previous.removeEventListener('statechange', this.#update);
      previous.disconnect();
    }
    this.#feed = next;
    if (next) {
      next.addEventListener('change', this.#changed);
      next.addEventListener('select', this.#selected);
      next.addEventListener('statechange', this.#update);
      next.connect();
    }
    this.#host.requestUpdate();
  }

  readonly #changed = (event: CustomEvent<FeedChangeDetail>): void => {
    this.#options.onChange?.(event.detail, this.#feed!);
    this.#host.requestUpdate();
  };

  readonly #selected = (): void => {
    this.#options.onSelect?.(this.#feed!);
    this.#host.requestUpdate();
  };

  readonly #update = (): void => this.#host.requestUpdate();
}
