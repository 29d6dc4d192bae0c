import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Incident, IncidentEvent } from '@blauw/core';
import type { FeedChangeDetail, IncidentFeed } from '../incident-feed/incident-feed.js';
import { toAnnounce, waitingCount, type TimelineFilters } from './timeline-rules.js';

// How far from the top the reader may be and still count as "at the top" (px).
const TOP_SLACK = 8;

/** What {@link ReadingPosition} needs of the timeline. */
export interface ReadingPositionOptions {
  /** The feed the timeline follows. */
  feed: () => IncidentFeed | undefined;
  /** The scrolling list, when it is in the page. */
  list: () => HTMLElement | null;
  /** The words a screen reader hears for a new priority-1 incident. */
  announce: (incident: Incident) => string;
}

/**
 * Keeps the reader's place in a live feed. The entries on screen are the feed's list as it was
 * when the reader last was at the top with focus outside the list; newer ones wait (behind the
 * "N new events" button) until the reader scrolls back up, leaves the list, or asks for them. A
 * new priority-1 incident is announced once, whatever the reader is doing.
 *
 * @example
 * ```ts
 * #reading = new ReadingPosition(this, { feed: () => this.#feed.value, list: () => this.renderRoot.querySelector('[role="feed"]'), announce: (incident) => … });
 * // the feed's onChange: this.#reading.feedChanged(detail, feed)
 * // render: this.#reading.shown, this.#reading.waiting(filters, typeText), this.#reading.announcement
 * ```
 */
export class ReadingPosition implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ReadingPositionOptions;
  #shown: readonly IncidentEvent[] = [];
  #shownFeed: IncidentFeed | undefined;
  #atTop = true;
  #focusInList = false;
  readonly #announced = new Set<string>();
  #announcement = '';

  constructor(host: ReactiveControllerHost, options: ReadingPositionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The entries on screen, newest first. */
  get shown(): readonly IncidentEvent[] {
    return this.#shown;
  }

  /** What the live region says: the latest priority-1 incidents, or nothing yet. */
  get announcement(): string {
    return this.#announcement;
  }

  // Before every render: another feed (another client) shows its entries from the start.
  hostUpdate(): void {
    const feed = this.#options.feed();
    if (feed === this.#shownFeed) return;
    this.#shownFeed = feed;
    this.#shown = feed?.events ?? [];
  }

  /** How many entries wait behind the "N new events" button that pass the filters. */
  waiting(filters: TimelineFilters, typeText: (type: string) => string): number {
    const feed = this.#options.feed();
    return feed ? waitingCount(feed.events, this.#shown, feed.incidents, filters, typeText) : 0;
  }

  /** The feed has news: follow it while the reader is at the top and not reading in the list. */
  feedChanged(detail: FeedChangeDetail, feed: IncidentFeed): void {
    if (detail.reset || (this.#atTop && !this.#focusInList)) this.#shown = feed.events;
    const announce = detail.reset ? [] : toAnnounce(detail.added, feed.incidents, this.#announced);
    if (announce.length > 0) this.#announcement = announce.map(this.#options.announce).join(' ');
  }

  /**
   * The reader asked for the waiting entries: they come in, and the list goes back to its top.
   * Resolves to whether there was a feed to show.
   */
  async showWaiting(): Promise<boolean> {
    const feed = this.#options.feed();
    if (!feed) return false;
    this.#shown = feed.events;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const list = this.#options.list();
    if (list) list.scrollTop = 0;
    this.#atTop = true;
    return true;
  }

  /** The list scrolled. */
  scrolled(): void {
    const list = this.#options.list();
    this.#atTop = !list || list.scrollTop <= TOP_SLACK;
    this.#catchUp();
  }

  /** Focus moved into the list. */
  focusIn(): void {
    this.#focusInList = true;
  }

  /** Focus left something in the list, to `relatedTarget`. */
  focusOut(relatedTarget: EventTarget | null): void {
    const list = this.#options.list();
    this.#focusInList = !!list && list.contains(relatedTarget as Node | null);
    this.#catchUp();
  }

  // Back at the top with focus elsewhere: the waiting entries come in.
  #catchUp(): void {
    const feed = this.#options.feed();
    if (feed && this.#atTop && !this.#focusInList && feed.events !== this.#shown) {
      this.#shown = feed.events;
      this.#host.requestUpdate();
    }
  }
}
