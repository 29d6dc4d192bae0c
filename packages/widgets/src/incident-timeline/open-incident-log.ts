import type { ReactiveControllerHost } from 'lit';
import type { BlauwError, IncidentEvent } from '@blauw/core';
import type { FeedChangeDetail, IncidentFeed } from '../incident-feed/incident-feed.js';
import { ClientTask } from '../shared/client-task.js';

/**
 * The incident whose whole log the reader opened: which one, the entry it was opened from (focus
 * returns there), and its log as it loads — through {@link ClientTask}, the widgets' one
 * loading-state controller, with the feed as its client. A live entry of that incident loads the
 * log again; the request in flight is cancelled when the log closes or the element leaves the page.
 *
 * @example
 * ```ts
 * #openLog = new OpenIncidentLog(this, { feed: () => this.#feed.value });
 * this.#openLog.open(incidentId, entryId); // the log loads on the next update
 * ```
 */
export class OpenIncidentLog {
  #incidentId: string | undefined;
  #openerId: string | undefined;
  // Counts the live entries of the open incident: a new one is a new input, so the log loads again.
  #version = 0;
  readonly #host: ReactiveControllerHost;
  // The result names its incident: while another incident's log loads, the last one is not shown.
  readonly #log: ClientTask<readonly [string, number], { incidentId: string; entries: IncidentEvent[] }, IncidentFeed>;

  constructor(host: ReactiveControllerHost, options: { feed: () => IncidentFeed | undefined }) {
    this.#host = host;
    this.#log = new ClientTask(host, {
      client: {
        get value() {
          return options.feed();
        },
      },
      args: () => (this.#incidentId === undefined ? undefined : ([this.#incidentId, this.#version] as const)),
      task: async (feed, [incidentId], { signal }) => ({ incidentId, entries: await feed.log(incidentId, signal) }),
    });
  }

  /** The open incident's id, or `undefined` while no log is open. */
  get incidentId(): string | undefined {
    return this.#incidentId;
  }

  /** The whole log, oldest first, once loaded (the previous one while it loads again). */
  get entries(): readonly IncidentEvent[] | undefined {
    const loaded = this.#log.value;
    return loaded !== undefined && loaded.incidentId === this.#incidentId ? loaded.entries : undefined;
  }

  /** Why the log could not load. */
  get error(): BlauwError | undefined {
    return this.#incidentId === undefined ? undefined : this.#log.error;
  }

  /** Resolves once the open log has loaded (or failed). */
  get loaded(): Promise<unknown> {
    return this.#log.complete.catch(() => undefined);
  }

  /** Opens an incident's log from the entry `openerId`; it loads on the next update. */
  open(incidentId: string, openerId: string): void {
    this.#incidentId = incidentId;
    this.#openerId = openerId;
    this.#host.requestUpdate();
  }

  /** The feed has news: new entries of the open incident load its log again. */
  feedChanged(detail: FeedChangeDetail): void {
    const incidentId = this.#incidentId;
    if (incidentId === undefined || !detail.added.some((entry) => entry.incidentId === incidentId)) return;
    this.#version += 1;
    this.#host.requestUpdate();
  }

  /** Closes the log (cancelling its load); returns the id of the entry it was opened from. */
  close(): string | undefined {
    const openerId = this.#openerId;
    this.#incidentId = this.#openerId = undefined;
    this.#host.requestUpdate();
    return openerId;
  }
}
