import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BlauwError, Briefing, BriefingAcknowledgement, MessagingClient, StreamState } from '@blauw/core';
import { fieldMessagingClient } from '../messaging-feed/field-messaging-client.js';
import { MessagingFeedController } from '../messaging-feed/messaging-feed-controller.js';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { ClientController } from '../shared/client-context.js';
import { ClientTask } from '../shared/client-task.js';
import { ClockController, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { officerErrorKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { AcknowledgementOutbox, type AcknowledgementDevice } from './acknowledgement-outbox.js';
import { isCurrent, orderBriefings, pendingName, upsert, withAcknowledgement, type AckState } from './briefing-rules.js';
import { draftProblems, instantToZoned, refusedFields, zonedToInstant, type PublishDraft, type PublishField } from './publish-rules.js';
import { styles } from './briefings.styles.js';
import { messages } from './messages.js';
import { domId, type BriefingsUi } from './views/briefing-parts.js';
import { officerList } from './views/officer-list.js';
import { publishForm } from './views/publish-form.js';
import { publisherList, type StatusEntry } from './views/publisher-list.js';

const TAG = 'blauw-briefings';
const PAGE = 100;

/**
 * Detail of `blauw-briefing-acknowledged`: the briefing the officer acknowledged, and the server's
 * acknowledgement (with its time).
 *
 * @category Widget events
 */
export interface BriefingAcknowledgedDetail {
  briefing: Briefing;
  acknowledgement: BriefingAcknowledgement;
}

/**
 * The events `<blauw-briefings>` fires, by name. Both bubble and are composed.
 *
 * @category Widget events
 */
export interface BriefingsEventMap {
  /** The officer acknowledged a briefing, and the server recorded it (for one queued offline: once it was delivered and its time came back). */
  'blauw-briefing-acknowledged': CustomEvent<BriefingAcknowledgedDetail>;
  /** The briefings could not be loaded, an acknowledgement failed, or the live stream stopped. */
  'blauw-error': CustomEvent<BlauwErrorDetail>;
}

/**
 * Operational briefings of a shift or a team. In the officer's view (the default) the current
 * briefings of their team or shift, those not yet acknowledged first, then the urgent ones, then
 * the newest; each with its title, priority (an icon and a word), until when it applies in the
 * zone's time zone ("Valid until 06:00 tomorrow"), its text (as text, line breaks kept), its
 * attachments (https links, with their host) and an Acknowledge button ("Acknowledged at 07:12"
 * once done). A briefing published while the widget is open appears at once and is announced
 * politely; one that runs out drops out within the minute. An acknowledgement goes through the
 * officer's device (the field checks' outbox, as the chat's messages do): it shows at once, reads
 * "waiting for network — will be sent" while offline (also after a reload), turns into the
 * server's time once delivered, and "not sent — try again" when refused. Without a device (a
 * messaging-only client) it is sent at once, and offline the widget says it needs the network.
 *
 * In the publisher's view (`view="publisher"`, for supervisors) the briefings they published that
 * have not ended, each with, per team, who acknowledged it (and when) and who has not yet, updated
 * live as officers acknowledge; above them a form to publish one (title, text, urgency, a team or a
 * shift by its code, validity in the zone's time), with an error summary linking to the fields the
 * server refuses.
 *
 * Both follow the user's messaging stream through the page's shared messaging feed, so a page
 * with `<blauw-chat>` and `<blauw-briefings>` on one client opens one stream; the status line says
 * whether it is live, reconnecting or offline. A page with only briefings loads no conversations.
 *
 * @example
 * ```html
 * <blauw-provider api="https://api.zone.example/v1"><blauw-briefings></blauw-briefings></blauw-provider>
 * <blauw-briefings view="publisher" api="https://api.zone.example/v1"></blauw-briefings>
 * ```
 *
 * @tag blauw-briefings
 * @summary Shift and team briefings to acknowledge (officers) or follow up (supervisors), live.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 * @attribute view - `officer` (default) or `publisher`.
 *
 * @fires {CustomEvent<BriefingAcknowledgedDetail>} blauw-briefing-acknowledged - The officer acknowledged a briefing, and the server recorded it (for one queued offline: once it was delivered and its time came back).
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The briefings could not be loaded, an acknowledgement failed, or the live stream stopped.
 *
 * @csspart heading - The widget's heading.
 * @csspart status - The live line ("Live: new briefings appear at once", "Connection lost, reconnecting…") and the offline banner.
 * @csspart list - The list of briefings.
 * @csspart briefing - One briefing (`article`); also has class `urgent` or `acknowledged`.
 * @csspart title - A briefing's title.
 * @csspart priority - Its priority: an icon and "Urgent" or "Normal".
 * @csspart validity - Until when it applies ("Valid until 06:00 tomorrow").
 * @csspart publisher - Who published it, and when.
 * @csspart text - Its text.
 * @csspart attachments - The list of its attachments.
 * @csspart attachment - One attachment link (or its title, when its address is not https).
 * @csspart acknowledge - The Acknowledge button.
 * @csspart acknowledged - "Acknowledged at 07:12", or, on its way, "Acknowledged — waiting for network, will be sent" (also part `ack-waiting`).
 * @csspart ack-waiting - An acknowledgement on its way: kept on the device, sent when the network returns.
 * @csspart ack-error - Why an acknowledgement did not go through ("Not sent — try again.", "Acknowledging needs a network connection.").
 * @csspart publish-form - In the publisher's view: the form to publish a briefing (title, text, urgency, team or shift, validity in the zone's time).
 * @csspart error-summary - What to correct in the publish form, each a link to its field.
 * @csspart publish - The Publish button.
 * @csspart published - "Published: …", after a briefing was published.
 * @csspart count - In the publisher's view: "2 of 3 acknowledged".
 * @csspart team - In the publisher's view: one team, who acknowledged and who has not.
 * @csspart empty - "No briefings for your shift." / "You have published no current briefings."
 * @csspart alert - A failure message with its Try again button.
 * @csspart retry - The Try again button.
 *
 * @cssprop [--blauw-briefing-urgent=var(--blauw-danger)] - The mark and priority word of an urgent briefing.
 * @cssprop [--blauw-offline-background=#fff4d6] - Background of the offline banner.
 * @cssprop [--blauw-accent=#1f4e9c] - The Acknowledge button, links.
 * @cssprop [--blauw-on-accent=#ffffff] - Text on the Acknowledge button.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Validity, publisher, hosts.
 * @cssprop [--blauw-surface=#ffffff] - Background of briefings.
 * @cssprop [--blauw-border=#767676] - Borders of briefings.
 * @cssprop [--blauw-danger=#b3261e] - Failures, urgent briefings.
 * @cssprop [--blauw-success=#1e6b34] - Acknowledged, the live dot.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwBriefings extends LitElement {
  /** The widget's shadow styles: the design tokens, focus ring and reduced motion, then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    api: {},
    client: { attribute: false },
    device: { attribute: false },
    view: {},
    timeZone: { attribute: 'time-zone' },
    now: { attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createMessagingClient`, with an officer's or supervisor's token); wins over `api` and a provider. */
  client?: MessagingClient;
  /**
   * The officer's device, whose outbox sends the acknowledgements (`await FieldDevice.for(client.checks)`);
   * by default the page's shared one of a client with `checks` (`createClient`, or from `api` or a
   * provider). Without one (a messaging-only client), an acknowledgement is sent at once.
   */
  device?: AcknowledgementDevice;
  /** `officer` (default): the briefings to read and acknowledge; `publisher`: the supervisor's briefings with who acknowledged them. */
  view = 'officer';
  /** The zone's time zone, in which validity and times are shown and "today" is read. */
  timeZone = 'Europe/Brussels';
  /** The clock, as milliseconds since the epoch (default: the provider's, else `Date.now`). */
  now?: Now;

  readonly #locale = new LocaleController(this, messages);
  readonly #clock = new ClockController(this);
  readonly #client = new ClientController<MessagingClient>(this, { language: () => this.#locale.language, create: fieldMessagingClient });
  readonly #list = new ClientTask<[boolean], Briefing[], MessagingClient>(this, {
    client: this.#client,
    args: () => [this.#publisher],
    task: async (client, _, { signal }) => {
      const items: Briefing[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.briefings.list({ limit: PAGE, signal, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
  // The page's one messaging stream, shared with a chat on the same client; no conversations here.
  readonly #feed = new MessagingFeedController(this, {
    client: this.#client,
    conversations: false,
    onBriefing: (event) => (event.type === 'briefing.published' ? this.#published(event.briefing) : this.#acknowledged(event.acknowledgement)),
    onRefetch: () => this.#refetch(),
  });
  readonly #outbox = new AcknowledgementOutbox(this, {
    client: this.#client,
    online: () => this.#network.online,
    onRead: (before, after) => this.#outboxRead(before, after),
  });
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      const kind = this.#list.error?.kind;
      if (kind === 'network' || kind === 'timeout') void this.#list.retry();
      this.#failures.clear();
      void this.#outbox.read();
    },
  });

  // What arrived live on top of the fetched list, and acknowledgements made since.
  #live: Briefing[] = [];
  #acks = new Map<string, string>();
  #acknowledging = new Set<string>();
  #failures = new Map<string, string>();
  #statuses = new Map<string, StatusEntry>();
  #statusesOf: Briefing[] | undefined;
  #announcement = '';
  #reported = new WeakSet<BlauwError>();
  #focusAfterAck: string | undefined;
  // The publish form (publisher's view).
  #draft: PublishDraft | undefined;
  #problems: readonly PublishField[] = [];
  #publishFailure: string | undefined;
  #publishBusy = false;
  #publishedTitle: string | undefined;
  #focusSummary = false;

  // A briefing runs out at its end without a reload: the list is read again every minute.
  #tick: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#tick ??= setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
    this.#tick = undefined;
  }

  get #publisher(): boolean {
    return this.view === 'publisher';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.hasUpdated) {
      this.#statuses.clear();
      this.#statusesOf = undefined;
    }
    // The publisher's view loads who acknowledged each briefing once the list is there (again).
    const list = this.#list.value;
    if (this.#publisher && list !== undefined && list !== this.#statusesOf) {
      this.#statusesOf = list;
      for (const briefing of list) this.#loadStatus(briefing.id);
    }
  }

  protected override updated(): void {
    if (this.#list.status === 'error' && this.#list.error) this.#report(this.#list.error);
    const feed = this.#feed.value;
    if (feed?.state === 'error' && feed.error) this.#report(feed.error);
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
    }
    if (this.#focusAfterAck !== undefined) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#ack-${this.#focusAfterAck}`);
      this.#focusAfterAck = undefined;
      target?.focus();
    }
  }

  #report(error: BlauwError): void {
    if (this.#reported.has(error)) return;
    this.#reported.add(error);
    this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error }, bubbles: true, composed: true }));
  }

  protected override render(): unknown {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const list = this.#list;
    const loading = list.value === undefined && (list.status === 'loading' || list.status === 'idle');
    const ui: BriefingsUi = { locale: this.#locale, timeZone: this.timeZone, now: this.#clock.now() };
    return html`
      <h2 part="heading">${t(this.#publisher ? 'publisherHeading' : 'heading')}</h2>
      <div role="status">${this.#offline ? html`<p part="status" class="offline">${t('live.offline')}</p>` : loading ? html`<p part="status">${t('loading')}</p>` : nothing}</div>
      ${this.#liveLine()}
      <div class="vh" aria-live="polite">${this.#announcement}</div>
      ${this.#publisher && list.value !== undefined ? this.#form(ui) : nothing}
      <div class="body" aria-busy=${loading ? 'true' : 'false'}>
        ${list.status === 'error' && list.error && list.value === undefined
          ? this.#alert(list.error)
          : list.value === undefined
            ? nothing
            : this.#publisher
              ? publisherList(ui, this.#briefings(ui.now), this.#statuses, this.#loadStatus)
              : officerList(ui, this.#briefings(ui.now), { acknowledging: this.#acknowledging, failures: this.#failures, queued: this.#queuedStates(), acknowledge: this.#acknowledge, retry: this.#retryAck })}
      </div>
    `;
  }

  #form(ui: BriefingsUi): TemplateResult {
    this.#draft ??= this.#freshDraft(ui.now);
    return publishForm(ui, {
      draft: this.#draft,
      problems: this.#problems,
      failure: this.#publishFailure,
      busy: this.#publishBusy,
      published: this.#publishedTitle,
      input: (field, value) => {
        this.#draft = { ...this.#draft!, [field]: value };
        this.#publishedTitle = undefined;
      },
      submit: (event) => {
        event.preventDefault();
        void this.#publish();
      },
    });
  }

  // From now, for twelve hours: a shift's length, the usual briefing.
  #freshDraft(now: number): PublishDraft {
    return { title: '', text: '', priority: false, audienceKind: 'team', audienceId: '', validFrom: instantToZoned(now, this.timeZone), validUntil: instantToZoned(now + 12 * 3_600_000, this.timeZone) };
  }

  async #publish(): Promise<void> {
    const { t } = this.#locale;
    const client = this.#client.value;
    const draft = this.#draft;
    if (!client || !draft || this.#publishBusy) return;
    this.#publishedTitle = undefined;
    this.#publishFailure = undefined;
    this.#problems = draftProblems(draft, this.timeZone);
    if (this.#problems.length > 0) {
      this.#focusSummary = true;
      this.requestUpdate();
      return;
    }
    this.#publishBusy = true;
    this.requestUpdate();
    try {
      const id = draft.audienceId.trim();
      const briefing = await client.briefings.publish({
        title: draft.title.trim(),
        text: draft.text,
        priority: draft.priority,
        audience: draft.audienceKind === 'team' ? { kind: 'team', teamId: id } : { kind: 'shift', shiftId: id },
        validFrom: zonedToInstant(draft.validFrom, this.timeZone)!,
        validUntil: zonedToInstant(draft.validUntil, this.timeZone)!,
      });
      this.#published(briefing);
      this.#publishedTitle = briefing.title;
      this.#draft = this.#freshDraft(this.#clock.now());
    } catch (caught) {
      const error = toBlauwError(caught);
      const fields = refusedFields(error);
      if (fields.length > 0) {
        this.#problems = fields;
        this.#focusSummary = true;
      } else {
        this.#publishFailure = `${t('publishFailed')} ${error.kind === 'forbidden' ? t('forbidden.publisher') : t(officerErrorKey(error))}`;
      }
      this.#report(error);
    } finally {
      this.#publishBusy = false;
      this.requestUpdate();
    }
  }

  // The shared stream's own state (not whether a chat's conversations load), `stopped` when it failed.
  get #streamState(): StreamState {
    return this.#feed.value?.connection ?? 'connecting';
  }

  get #offline(): boolean {
    return !this.#network.online || this.#streamState === 'offline';
  }

  // The stream's state, quietly: a sighted officer sees whether new briefings arrive by themselves.
  #liveLine(): unknown {
    const { t } = this.#locale;
    const state = this.#streamState;
    if (this.#offline || this.#list.value === undefined) return nothing;
    if (state === 'stopped') {
      return html`<div part="alert" class="stream"><p>${t('live.stopped')}</p><button type="button" part="retry" @click=${() => this.#feed.value?.retry()}>${t('retry')}</button></div>`;
    }
    return html`<p part="status" class=${state}><span class="dot" aria-hidden="true"></span>${t(`live.${state}`)}</p>`;
  }

  #alert(error: BlauwError): TemplateResult {
    const { t } = this.#locale;
    const text =
      error.kind === 'forbidden'
        ? t(this.#publisher ? 'forbidden.publisher' : 'forbidden.officer')
        : error.kind === 'network' && !this.#network.online
          ? t('error.offline')
          : t(officerErrorKey(error));
    const retry = error.kind !== 'configuration' && error.kind !== 'forbidden';
    return html`<div part="alert" role="alert">
      <p>${text}</p>
      ${retry ? html`<button type="button" part="retry" @click=${() => void this.#list.retry()}>${t('retry')}</button>` : nothing}
    </div>`;
  }

  // The fetched list, with what arrived live and the acknowledgements made since, current at `now`, in reading order.
  #briefings(now: number): Briefing[] {
    let items = this.#list.value ?? [];
    for (const briefing of this.#live) if (!items.some((item) => item.id === briefing.id)) items = upsert(items, briefing);
    items = items.map((item) => (item.acknowledgedAt === null && this.#acks.has(item.id) ? { ...item, acknowledgedAt: this.#acks.get(item.id)! } : item));
    if (this.#publisher) return items.filter((item) => now < Date.parse(item.validUntil)).sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
    return orderBriefings(items.filter((item) => isCurrent(item, now)));
  }

  #refetch(): void {
    // Only once a list is there: the first fetch is under way otherwise.
    if (this.#list.value !== undefined) void this.#list.retry();
  }

  #published(briefing: Briefing): void {
    const known = (this.#list.value ?? []).some((item) => item.id === briefing.id) || this.#live.some((item) => item.id === briefing.id);
    if (known) return;
    this.#live = [...this.#live, briefing];
    if (this.#publisher) this.#loadStatus(briefing.id);
    else if (isCurrent(briefing, this.#clock.now())) this.#announcement = this.#locale.t(briefing.priority ? 'announceUrgent' : 'announce', { title: briefing.title });
    this.requestUpdate();
  }

  #acknowledged(acknowledgement: BriefingAcknowledgement): void {
    const { briefingId, officerId, acknowledgedAt } = acknowledgement;
    if (!this.#publisher) {
      // The officer acknowledged it on another device (or the answer to this one's request came first).
      if (!this.#acks.has(briefingId)) {
        this.#acks.set(briefingId, acknowledgedAt);
        // One this device queued: recorded now, with the server's time.
        const briefing = this.#outbox.states.has(briefingId) ? this.#briefings(this.#clock.now()).find((item) => item.id === briefingId) : undefined;
        if (briefing) this.#fireAcknowledged(briefing, acknowledgement);
      }
      this.requestUpdate();
      return;
    }
    const entry = this.#statuses.get(briefingId);
    if (entry === undefined || entry === 'loading' || !('status' in entry)) return;
    const name = pendingName(entry.status, officerId);
    const status = withAcknowledgement(entry.status, acknowledgement);
    if (status === entry.status) return;
    this.#statuses.set(briefingId, { status });
    const title = this.#briefings(this.#clock.now()).find((item) => item.id === briefingId)?.title;
    if (name !== undefined && title !== undefined) this.#announcement = this.#locale.t('announceAcknowledged', { name, title });
    this.requestUpdate();
  }

  readonly #loadStatus = (briefingId: string): void => {
    const client = this.#client.value;
    if (!client) return;
    this.#statuses.set(briefingId, 'loading');
    this.requestUpdate();
    client.briefings.status({ briefingId }).then(
      (status) => {
        this.#statuses.set(briefingId, { status });
        this.requestUpdate();
      },
      (caught: unknown) => {
        const error = toBlauwError(caught);
        this.#statuses.set(briefingId, { error });
        this.#report(error);
        this.requestUpdate();
      },
    );
  };

  readonly #acknowledge = (briefing: Briefing): void => {
    void this.#send(briefing);
  };

  readonly #retryAck = (briefing: Briefing): void => {
    this.#focusAfterAck = domId(briefing.id);
    void this.#outbox.retry(briefing.id);
  };

  // The outbox's acknowledgements as the officer sees them: one waiting in the outbox while the
  // browser is offline waits for the network, whatever the outbox last said.
  #queuedStates(): ReadonlyMap<string, AckState> {
    if (this.#network.online) return this.#outbox.states;
    return new Map([...this.#outbox.states].map(([id, state]) => [id, state === 'sending' ? 'waiting' : state]));
  }

  // Delivered by the outbox, which keeps no answer: the server's time comes with the stream's
  // `briefing.acknowledged`, or, should the stream be reconnecting, with the list fetched again.
  #outboxRead(before: ReadonlyMap<string, AckState>, after: ReadonlyMap<string, AckState>): void {
    const delivered = [...after].filter(([id, state]) => state === 'sent' && before.has(id) && before.get(id) !== 'sent' && !this.#acks.has(id));
    if (delivered.length > 0) this.#refetch();
  }

  #fireAcknowledged(briefing: Briefing, acknowledgement: BriefingAcknowledgement): void {
    this.dispatchEvent(
      new CustomEvent<BriefingAcknowledgedDetail>('blauw-briefing-acknowledged', {
        detail: { briefing: { ...briefing, acknowledgedAt: acknowledgement.acknowledgedAt }, acknowledgement },
        bubbles: true,
        composed: true,
      }),
    );
  }

  async #send(briefing: Briefing): Promise<void> {
    const { t } = this.#locale;
    const client = this.#client.value;
    if (!client) return;
    this.#failures.delete(briefing.id);
    if (this.#outbox.device) {
      // Through the device: kept there, shown at once, sent when the network allows.
      try {
        this.#focusAfterAck = domId(briefing.id);
        if (await this.#outbox.queue(briefing.id, client.briefings.acknowledgeRequest({ briefingId: briefing.id }))) return;
      } catch (caught) {
        const error = toBlauwError(caught);
        this.#failures.set(briefing.id, `${t('ackFailed')} ${t(officerErrorKey(error))}`);
        this.#report(error);
        this.requestUpdate();
        return;
      }
    }
    // Not queued unseen: the officer must know the supervisor does not see it yet.
    if (!this.#network.online) {
      this.#failures.set(briefing.id, t('needsNetwork'));
      this.requestUpdate();
      return;
    }
    this.#acknowledging.add(briefing.id);
    this.requestUpdate();
    try {
      const acknowledgement = await client.briefings.acknowledge({ briefingId: briefing.id });
      this.#acks.set(briefing.id, acknowledgement.acknowledgedAt);
      this.#focusAfterAck = domId(briefing.id);
      this.#fireAcknowledged(briefing, acknowledgement);
    } catch (caught) {
      const error = toBlauwError(caught);
      const offline = error.kind === 'network' && (('offline' in error && error.offline === true) || !this.#network.online);
      this.#failures.set(briefing.id, offline ? t('needsNetwork') : error.kind === 'unauthenticated' ? t(officerErrorKey(error)) : `${t('ackFailed')} ${t(officerErrorKey(error))}`);
      this.#report(error);
    } finally {
      this.#acknowledging.delete(briefing.id);
      this.requestUpdate();
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwBriefings);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-briefings': BlauwBriefings;
  }
  interface HTMLElementEventMap {
    'blauw-briefing-acknowledged': CustomEvent<BriefingAcknowledgedDetail>;
  }
  // 'blauw-error' (CustomEvent<BlauwErrorDetail>) is declared once, with the provider.
}
