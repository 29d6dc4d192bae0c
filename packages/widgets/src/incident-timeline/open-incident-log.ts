import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BlauwError, IncidentEvent } from '@blauw/core';
import type { FeedChangeDetail, IncidentFeed } from '../incident-feed/incident-feed.js';
import { toBlauwError } from '../shared/to-blauw-error.js';

/**
 * The incident whose whole log the reader opened: which one, the entry it was opened from (focus
 * returns there), and its log as it loads. A live entry of that incident loads the log again; the
 * request in flight is cancelled when the log closes or the element leaves the page.
 *
 * @example
 * ```ts
 * #openLog = new OpenIncidentLog(this, { feed: () => this.#feed.value });
 * this.#openLog.open(incidentId, entryId); await this.updateComplete; dialog.showModal(); await this.#openLog.load();
 * ```
 */
export class OpenIncidentLog implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #feed: () => IncidentFeed | undefined;
  #incidentId: string | undefined;
  #openerId: string | undefined;
  #entries: IncidentEvent[] | undefined;
  #error: BlauwError | undefined;
  #aborter: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: { feed: () => IncidentFeed | undefined }) {
    this.#host = host;
    this.#feed = options.feed;
    host.addController(this);
  }

  /** The open incident's id, or `undefined` while no log is open. */
  get incidentId(): string | undefined {
    return this.#incidentId;
  }

  /** The whole log, newest first, once loaded. */
  get entries(): readonly IncidentEvent[] | undefined {
    return this.#entries;
  }

  /** Why the log could not load. */
  get error(): BlauwError | undefined {
    return this.#error;
  }

  /** Opens an incident's log (still to load), from the entry `openerId`. */
  open(incidentId: string, openerId: string): void {
    this.#incidentId = incidentId;
    this.#openerId = openerId;
    this.#entries = this.#error = undefined;
    this.#host.requestUpdate();
  }

  /** Loads the open incident's log, cancelling a load in flight. */
  async load(): Promise<void> {
    const feed = this.#feed();
    const incidentId = this.#incidentId;
    if (!feed || incidentId === undefined) return;
    this.#aborter?.abort();
    const aborter = (this.#aborter = new AbortController());
    try {
      const entries = await feed.log(incidentId, aborter.signal);
      if (this.#incidentId === incidentId) this.#entries = entries;
    } catch (caught) {
      if (aborter.signal.aborted) return;
      if (this.#incidentId === incidentId) this.#error = toBlauwError(caught);
    }
    this.#host.requestUpdate();
  }

  /** The feed has news: new entries of the open incident load its log again. */
  feedChanged(detail: FeedChangeDetail): void {
    const incidentId = this.#incidentId;
    if (incidentId !== undefined && detail.added.some((entry) => entry.incidentId === incidentId)) void this.load();
  }

  /** Closes the log; returns the id of the entry it was opened from. */
  close(): string | undefined {
    this.#aborter?.abort();
    const openerId = this.#openerId;
    this.#incidentId = this.#openerId = this.#entries = this.#error = undefined;
    this.#host.requestUpdate();
    return openerId;
  }

  hostDisconnected(): void {
    this.#aborter?.abort();
  }
}
