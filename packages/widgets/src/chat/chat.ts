import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BlauwError, Conversation, FieldDevice, Message, MessagingClient, SharedPosition, UploadProgressDetail } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { MessagingFeedController } from '../messaging-feed/messaging-feed-controller.js';
import type { MessagingFeed, MessagingFeedChangeDetail } from '../messaging-feed/messaging-feed.js';
import { readersOf } from '../messaging-feed/thread-rules.js';
import { ClientController } from '../shared/client-context.js';
import { fieldMessagingClient } from '../messaging-feed/field-messaging-client.js';
import { ClockController, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { FieldDeviceController } from '../shared/field-device.js';
import { officerErrorKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { MAX_TEXT, MESSAGE_KIND, PHOTO_KIND, pendingFromItem, percentOf, textToSend, wazeUrl, withUpload, type PendingMessage, type PhotoUpload } from './chat-rules.js';
import { styles } from './chat.styles.js';
import { MessagePhotos, type PhotoSource } from './message-photos.js';
import { messages } from './messages.js';

const TAG = 'blauw-chat';

/** How long a message the server stored may wait for the stream before its thread is fetched (ms). */
const REFRESH_MS = 1500;

/**
 * What the chat uses of the officer's device: the field checks' outbox (a {@link FieldDevice}),
 * where messages are sealed, kept across reloads and sent exactly once when the network allows.
 *
 * @category Messaging
 */
export type MessageDevice = Pick<FieldDevice, 'queue' | 'queued' | 'retry' | 'savePhoto' | 'removePhoto' | 'addEventListener' | 'removeEventListener'>;

/**
 * Detail of `blauw-message-sent`: the server stored a message written here.
 *
 * @category Messaging
 */
export interface MessageSentDetail {
  conversationId: string;
  /** The message's client id, made on this device. */
  clientId: string;
}

/**
 * Detail of `blauw-message-failed`: a message written here was refused (it waits for the
 * officer's "Send again"), or could not be queued.
 *
 * @category Messaging
 */
export interface MessageFailedDetail {
  conversationId: string;
  clientId: string;
  /** The server's problem code of a refusal, e.g. `validation_failed`. */
  code?: string | undefined;
  /** The failure, when it happened here. */
  error?: BlauwError | undefined;
}

/**
 * Detail of `blauw-position-open`: the officer asked to see a shared position on the incident map.
 *
 * @category Messaging
 */
export interface PositionOpenDetail {
  position: SharedPosition;
  /** The message that shared it (empty while it is on its way). */
  messageId: string;
  conversationId: string;
  /** The participant who shared it. */
  senderId: string;
  /** Their display name in the conversation (`Inspecteur An Peeters`), e.g. the map marker's label; text, never markup. */
  senderName: string;
}

/**
 * The events of `<blauw-chat>`, for typed listeners.
 *
 * @category Messaging
 */
export interface ChatEventMap {
  'blauw-message-sent': CustomEvent<MessageSentDetail>;
  'blauw-message-failed': CustomEvent<MessageFailedDetail>;
  'blauw-position-open': CustomEvent<PositionOpenDetail>;
  'blauw-error': CustomEvent<BlauwErrorDetail>;
}

type Locate = { locating: boolean; failed?: boolean; position?: SharedPosition | undefined };

/**
 * Secure chat between officers and services: the officer's conversations (unread counts, the last
 * message, a priority marker) and the thread of the one chosen, with read receipts, shared
 * positions (on the incident map or in Waze) and a composer. A message shows at once as
 * "sending"; it is sealed in the device's outbox (the one the field checks use), survives a
 * reload, and is sent exactly once when the network allows; a refused one says so and can be sent
 * again. New messages of others are announced politely to screen readers.
 *
 * Text from the server (messages, names, titles) is always rendered as text.
 *
 * A message's photos show as thumbnails, fetched when they come into view and shown from object
 * URLs: a page's Content-Security-Policy needs `img-src blob:` for them (else each reads
 * "1 photo"). A thumbnail opens the photo larger in a dialog (Escape closes it).
 *
 * @tag blauw-chat
 * @summary Officers' and services' chat with positions, read receipts and an offline outbox.
 *
 * @attribute conversation - The id of the conversation to show (the officer can choose another).
 * @attribute participant - The signed-in user's participant id (their messages read "You").
 * @attribute api - Base URL of the zone's API, for script-tag use (with a sign-in through `<blauw-provider>`'s `getToken`).
 * @attribute time-zone - The zone's time zone for times (default `Europe/Brussels`).
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @fires {CustomEvent<MessageSentDetail>} blauw-message-sent - The server stored a message written here.
 * @fires {CustomEvent<MessageFailedDetail>} blauw-message-failed - A message was refused or could not be queued.
 * @fires {CustomEvent<PositionOpenDetail>} blauw-position-open - The officer asked to see a shared position on the incident map.
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The conversations or a thread could not be loaded.
 *
 * @csspart conversations - The list of conversations.
 * @csspart conversation - One conversation's button.
 * @csspart unread - A conversation's unread count.
 * @csspart priority - The priority marker of a message or conversation.
 * @csspart thread - The selected conversation's messages.
 * @csspart message - One message.
 * @csspart sender - A message's sender.
 * @csspart position - A shared position with its links.
 * @csspart receipt - "Read by …".
 * @csspart state - A message's own state: sending, waiting for network, sent, not sent.
 * @csspart progress - The upload's progress bar of a photo on its way.
 * @csspart photo - A photo's thumbnail (a button), its placeholder while it loads, or its failure.
 * @csspart photo-dialog - The dialog that shows a photo larger.
 * @csspart composer - The form to write a message.
 * @csspart button - Every button.
 * @csspart status - The connection's status line.
 * @csspart alert - A failure with its "Try again".
 *
 * @cssprop [--blauw-accent=#1f4e9c] - Buttons, links, focus, the selected conversation.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Times and status lines.
 * @cssprop [--blauw-surface=#ffffff] - Background of fields and buttons.
 * @cssprop [--blauw-border=#767676] - Borders.
 * @cssprop [--blauw-own-message=#e8eef8] - Background of the officer's own messages.
 * @cssprop [--blauw-danger=#b3261e] - Priority and "not sent".
 * @cssprop [--blauw-success=#1e6b34] - The "sent" state.
 * @cssprop [--blauw-warning=#8a4b00] - The "waiting for network" state.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwChat extends LitElement {
  /** The chat's shadow styles. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    conversation: { reflect: true },
    participant: {},
    api: {},
    client: { attribute: false },
    device: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    now: { attribute: false },
    geolocation: { attribute: false },
  };

  /** The id of the conversation shown; set by the officer's choice too. */
  conversation?: string | undefined;
  /** The signed-in user's participant id: their messages read "You". */
  participant?: string;
  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createMessagingClient`, signed in); wins over `api` and a provider. */
  client?: MessagingClient;
  /**
   * The officer's device, whose outbox sends the messages (`await FieldDevice.for(client.checks)`);
   * by default the page's shared one of a full client. Without one (a messaging-only client), a
   * message is sent at once and nothing survives a reload.
   */
  device?: MessageDevice;
  /** The zone's time zone: times are written in it. */
  timeZone = 'Europe/Brussels';
  /** The clock, in ms since the epoch; tests pin it. */
  now?: Now;
  /** Where the position comes from (default `navigator.geolocation`); tests give their own. */
  geolocation?: Pick<Geolocation, 'getCurrentPosition'>;

  readonly #locale = new LocaleController(this, messages);
  readonly #clock = new ClockController(this);
  readonly #client = new ClientController<MessagingClient>(this, { language: () => this.#locale.language, create: fieldMessagingClient });
  readonly #network = new NetworkStatus(this);
  readonly #feed = new MessagingFeedController(this, { client: this.#client, onChange: (detail, feed) => this.#changed(detail, feed) });
  readonly #thumbnails = new MessagePhotos(this);
  // The photo shown larger, with its alt text.
  #opened: { photoId: string; alt: string } | undefined;

  // The device given, else the page's shared one of a full client (with `checks`), else none.
  readonly #device = new FieldDeviceController<MessageDevice>(this, {
    client: this.#client,
    // Where storage fails (a private window), messages are sent at once instead: said in the console only.
    whereStorageFails: 'none',
    onOpenFailed: (caught) => console.warn('blauw-chat: no offline storage here; messages are sent at once.', caught),
    onDevice: () => {
      this.#uploads = new Map();
      void this.#readOutbox();
    },
    onChange: () => void this.#readOutbox(),
    events: { 'upload-progress': (event) => this.#uploading(event) },
  });
  // This device's messages on their way, by client id (from the outbox, or sent at once).
  #pending = new Map<string, PendingMessage>();
  #queueing = new Set<string>();
  // How far the photos of messages on their way uploaded, by photo id (the device's `upload-progress`).
  #uploads = new Map<string, PhotoUpload>();
  #refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #threadError: BlauwError | undefined;
  #loading: string | undefined;
  #marked = new Map<string, number>();
  #announcement = '';
  #draft = '';
  #priority = false;
  #locate: Locate = { locating: false };
  #photo: { photoId: string; size: number } | { failed: true } | undefined;
  #focusThread = false;
  #reportedError: BlauwError | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.#refreshTimers.values()) clearTimeout(timer);
    this.#refreshTimers.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.#feed.value;
    // The first conversation, when none was named.
    if (!this.conversation && feed && feed.conversations.size > 0) this.conversation = [...feed.conversations.keys()][0];
    if (feed && this.conversation && !feed.loaded(this.conversation) && this.#loading !== this.conversation) void this.#loadThread(feed, this.conversation);
    if (changed.has('conversation') && changed.get('conversation') !== undefined) {
      this.#draft = '';
      this.#locate = { locating: false };
      this.#photo = undefined;
      this.#announcement = '';
    }
  }

  protected override updated(): void {
    if (this.#focusThread) {
      this.#focusThread = false;
      this.renderRoot.querySelector<HTMLElement>('#thread-title')?.focus();
    }
    void this.#markRead();
    const error = this.#feed.value?.error ?? this.#threadError ?? this.#client.error;
    if (error && error !== this.#reportedError) {
      this.#reportedError = error;
      this.#fire<BlauwErrorDetail>('blauw-error', { error });
    }
  }

  // The outbox tells its states when writes settle, not while a photo's bytes go: the progress says so.
  #uploading(event: Event): void {
    const { photoId, sent, total } = (event as CustomEvent<UploadProgressDetail>).detail;
    this.#uploads = new Map(this.#uploads).set(photoId, { sent, total });
    this.requestUpdate();
  }

  // The outbox's messages as they stand, here or after a reload; events for the changes seen.
  async #readOutbox(): Promise<void> {
    const device = this.#device.value;
    if (!device) return;
    const items = await device.queued(MESSAGE_KIND);
    if (device !== this.#device.value) return;
    const next = new Map<string, PendingMessage>();
    for (const item of items) {
      const pending = pendingFromItem(item, this.#network.online);
      const before = this.#pending.get(pending.clientId);
      next.set(pending.clientId, pending);
      this.#feed.value?.own(pending.clientId);
      if (before === undefined || before.state === pending.state) continue;
      if (pending.state === 'sent') this.#fire<MessageSentDetail>('blauw-message-sent', { conversationId: pending.conversationId, clientId: pending.clientId });
      if (pending.state === 'failed') this.#fire<MessageFailedDetail>('blauw-message-failed', { conversationId: pending.conversationId, clientId: pending.clientId, code: pending.code });
    }
    // Stored by the server but not brought by the stream yet (it waits to reconnect): fetched.
    const feed = this.#feed.value;
    const missing = [...next.values()].filter((item) => item.state === 'sent' && this.#pending.get(item.clientId)?.state !== 'sent' && !feed?.thread(item.conversationId).some((message) => message.clientId === item.clientId));
    for (const conversationId of new Set(missing.map((item) => item.conversationId))) this.#refreshSoon(conversationId);
    // Messages still being stored in the outbox stay as they are.
    for (const [clientId, pending] of this.#pending) if (!next.has(clientId) && this.#queueing.has(clientId)) next.set(clientId, pending);
    this.#pending = next;
    // Uploads of messages sent, refused or gone are forgotten here, and so are the field checks'
    // photos (the same device uploads them): not on arrival, as after a reload a progress may come
    // before its message is read from the outbox.
    const onTheirWay = new Set([...next.values()].filter((item) => item.state !== 'sent' && item.state !== 'failed').flatMap((item) => item.photoIds));
    this.#uploads = new Map([...this.#uploads].filter(([photoId]) => onTheirWay.has(photoId)));
    this.requestUpdate();
  }

  // One fetch for a burst of deliveries, a moment after the last: the stream usually brings them first.
  #refreshSoon(conversationId: string): void {
    clearTimeout(this.#refreshTimers.get(conversationId));
    this.#refreshTimers.set(
      conversationId,
      setTimeout(() => {
        this.#refreshTimers.delete(conversationId);
        const feed = this.#feed.value;
        const waiting = [...this.#pending.values()].some((item) => item.conversationId === conversationId && item.state === 'sent' && !feed?.thread(conversationId).some((message) => message.clientId === item.clientId));
        // Failing here changes nothing for the officer: the messages show as sent, and the stream brings them later.
        if (feed && waiting) feed.refresh(conversationId).catch(() => undefined);
      }, REFRESH_MS),
    );
  }

  async #loadThread(feed: MessagingFeed, conversationId: string): Promise<void> {
    this.#loading = conversationId;
    this.#threadError = undefined;
    try {
      await feed.load(conversationId);
    } catch (caught) {
      if (this.#loading === conversationId) this.#threadError = toBlauwError(caught);
    } finally {
      if (this.#loading === conversationId) this.#loading = undefined;
      this.requestUpdate();
    }
  }

  // Announces others' new messages in the thread shown (one line, not the whole thread).
  #changed(detail: MessagingFeedChangeDetail, feed: MessagingFeed): void {
    const arrived = detail.added.filter((message) => message.conversationId === this.conversation && !this.#isOwn(message));
    const last = arrived.at(-1);
    if (last === undefined) return;
    const conversation = feed.conversations.get(last.conversationId);
    this.#announcement = this.#locale.t('newMessage', { sender: this.#nameOf(last.senderId, conversation), text: last.text.slice(0, 200) });
  }

  #isOwn(message: Pick<Message, 'senderId' | 'clientId'>): boolean {
    return (this.participant !== undefined && message.senderId === this.participant) || this.#pending.has(message.clientId);
  }

  #nameOf(participantId: string, conversation: Conversation | undefined): string {
    if (participantId === this.participant) return this.#locale.t('you');
    return conversation?.participants.find((participant) => participant.id === participantId)?.displayName ?? participantId;
  }

  // A direct conversation has no title of its own: it is named after the others in it.
  #titleOf(conversation: Conversation | undefined): string {
    if (!conversation) return '';
    const others = conversation.participants.filter((participant) => participant.id !== this.participant).map((participant) => participant.displayName);
    return conversation.title.trim() || this.#locale.format.list(others);
  }

  // The thread shown is read up to its last message (while the page is seen).
  async #markRead(): Promise<void> {
    const feed = this.#feed.value;
    const client = this.#client.value;
    const conversationId = this.conversation;
    if (!feed || !client || !conversationId || !feed.loaded(conversationId) || document.visibilityState === 'hidden') return;
    const last = feed.thread(conversationId).at(-1)?.sequence ?? 0;
    if (last <= (this.#marked.get(conversationId) ?? 0)) return;
    this.#marked.set(conversationId, last);
    try {
      feed.read(await client.messaging.markRead({ conversationId, sequence: last }));
    } catch {
      // Marking read again happens with the next message or visit; nothing for the officer to do.
      this.#marked.delete(conversationId);
    }
  }

  #select(conversationId: string): void {
    if (conversationId === this.conversation) return;
    this.conversation = conversationId;
    this.#focusThread = true;
  }

  async #send(): Promise<void> {
    const conversationId = this.conversation;
    const client = this.#client.value;
    const text = textToSend(this.#draft) ?? '';
    const position = this.#locate.position;
    const photo = this.#photo && 'photoId' in this.#photo ? this.#photo : undefined;
    if (!conversationId || !client || (text === '' && position === undefined && photo === undefined) || text.length > MAX_TEXT) return;
    const clientId = crypto.randomUUID();
    const input = { conversationId, clientId, text, ...(this.#priority ? { priority: true } : {}), ...(position ? { position } : {}), ...(photo ? { attachments: [photo.photoId] } : {}) };
    const pending: PendingMessage = { clientId, conversationId, text, priority: this.#priority, position, photos: photo ? 1 : 0, photoIds: photo ? [photo.photoId] : [], at: this.#clock.now(), state: this.#network.online ? 'sending' : 'waiting' };
    this.#photo = undefined;
    this.#pending = new Map(this.#pending).set(clientId, pending);
    this.#feed.value?.own(clientId);
    this.#draft = '';
    this.#priority = false;
    this.#locate = { locating: false };
    this.requestUpdate();
    const device = this.#device.value;
    try {
      if (device) {
        this.#queueing.add(clientId);
        // The photo first, in the same outbox: the message waits behind its upload, as a check does.
        if (photo) await device.queue({ kind: PHOTO_KIND, ref: conversationId, clientId: photo.photoId, request: { method: 'PUT', path: `check-photos/${photo.photoId}`, body: { photoId: photo.photoId } } });
        await device.queue({ kind: MESSAGE_KIND, ref: conversationId, clientId, request: client.messaging.sendRequest(input) }).finally(() => this.#queueing.delete(clientId));
      } else await this.#sendNow(pending, client);
    } catch (caught) {
      const error = toBlauwError(caught);
      this.#setPending({ ...pending, state: 'failed', code: error.problem?.code });
      this.#fire<MessageFailedDetail>('blauw-message-failed', { conversationId, clientId, code: error.problem?.code, error });
    }
  }

  // Without a device: sent now, with the same client id on "Send again".
  async #sendNow(pending: PendingMessage, client: MessagingClient): Promise<void> {
    const { message } = await client.messaging.send({
      conversationId: pending.conversationId,
      clientId: pending.clientId,
      text: pending.text,
      ...(pending.priority ? { priority: true } : {}),
      ...(pending.position ? { position: pending.position } : {}),
    });
    this.#setPending({ ...pending, state: 'sent' });
    this.#feed.value?.add([message]);
    this.#fire<MessageSentDetail>('blauw-message-sent', { conversationId: pending.conversationId, clientId: pending.clientId });
  }

  #setPending(pending: PendingMessage): void {
    this.#pending = new Map(this.#pending).set(pending.clientId, pending);
    this.requestUpdate();
  }

  async #retry(pending: PendingMessage): Promise<void> {
    const client = this.#client.value;
    const device = this.#device.value;
    if (device) return device.retry(pending.conversationId);
    if (!client) return;
    this.#setPending({ ...pending, state: 'sending', code: undefined });
    try {
      await this.#sendNow(pending, client);
    } catch (caught) {
      const error = toBlauwError(caught);
      this.#setPending({ ...pending, state: 'failed', code: error.problem?.code });
      this.#fire<MessageFailedDetail>('blauw-message-failed', { conversationId: pending.conversationId, clientId: pending.clientId, code: error.problem?.code, error });
    }
  }

  #shareLocation(): void {
    const geolocation = this.geolocation ?? (typeof navigator === 'undefined' ? undefined : navigator.geolocation);
    if (!geolocation) {
      this.#locate = { locating: false, failed: true };
      this.requestUpdate();
      return;
    }
    this.#locate = { locating: true };
    this.requestUpdate();
    geolocation.getCurrentPosition(
      ({ coords, timestamp }) => {
        const position: SharedPosition = { lat: coords.latitude, lon: coords.longitude, accuracy: Math.round(coords.accuracy), at: new Date(timestamp || this.#clock.now()).toISOString() };
        this.#locate = { locating: false, position };
        this.requestUpdate();
      },
      () => {
        this.#locate = { locating: false, failed: true };
        this.requestUpdate();
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }

  async #pickPhoto(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const device = this.#device.value;
    input.value = '';
    if (!file || !device) return;
    const previous = this.#photo;
    try {
      const { photoId, size } = await device.savePhoto(file);
      this.#photo = { photoId, size };
      if (previous && 'photoId' in previous) await device.removePhoto(previous.photoId);
    } catch (caught) {
      this.#photo = { failed: true };
      this.#fire<BlauwErrorDetail>('blauw-error', { error: toBlauwError(caught) });
    }
    this.requestUpdate();
  }

  #dropPhoto(): void {
    const photo = this.#photo;
    this.#photo = undefined;
    if (photo && 'photoId' in photo) void this.#device.value?.removePhoto(photo.photoId);
    this.requestUpdate();
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.#send();
  }

  #fire<T>(type: keyof ChatEventMap, detail: T): void {
    // Built apart from dispatchEvent, so the manifest's analyzer takes only the @fires tags as events.
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  protected override render(): unknown {
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const feed = this.#feed.value;
    const failure = this.#client.error ?? (feed?.state === 'error' ? feed.error : undefined);
    if (failure) return this.#alert(failure, () => feed?.retry());
    if (!feed || (feed.state === 'loading' && feed.conversations.size === 0)) return html`<p part="status" role="status" aria-busy="true">${t('loading')}</p>`;
    return html`
      ${this.#status(feed)}
      <div class="layout">
        ${this.#list(feed)}
        <section class="thread" aria-labelledby="thread-title">
          <!-- The same heading whatever the thread shows, so focus stays on it while it loads. -->
          <h2 id="thread-title" tabindex="-1">${this.conversation ? this.#titleOf(feed.conversations.get(this.conversation)) : t('chooseConversation')}</h2>
          ${this.conversation ? this.#thread(feed, this.conversation) : nothing}
        </section>
      </div>
      <p class="vh" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
      ${this.#photoDialog()}
    `;
  }

  #status(feed: MessagingFeed): TemplateResult {
    const { t } = this.#locale;
    if (!this.#network.online || feed.state === 'offline') return html`<p part="status notice" class="warning">${t('offlineNote')}</p>`;
    if (feed.state === 'reconnecting') return html`<p part="status">${t('reconnecting')}</p>`;
    return html``;
  }

  #alert(error: BlauwError, retry: () => void): TemplateResult {
    const { t } = this.#locale;
    return html`<div part="alert" role="alert">
      <p>${t(officerErrorKey(error))}</p>
      <button type="button" part="button" @click=${retry}>${t('retry')}</button>
    </div>`;
  }

  #list(feed: MessagingFeed): TemplateResult {
    const { t, format } = this.#locale;
    const conversations = [...feed.conversations.values()];
    return html`<nav aria-labelledby="list-title" part="conversations">
      <h2 id="list-title">${t('conversations')}</h2>
      ${conversations.length === 0
        ? html`<p>${t('noConversations')}</p>`
        : html`<ul>
            ${repeat(
              conversations,
              (conversation) => conversation.id,
              (conversation) => {
                const last = feed.thread(conversation.id).at(-1);
                const unread = conversation.id === this.conversation ? 0 : conversation.unreadCount;
                return html`<li>
                  <button type="button" part="conversation" aria-current=${conversation.id === this.conversation ? 'true' : 'false'} @click=${() => this.#select(conversation.id)}>
                    <span class="title">${this.#titleOf(conversation)}</span>
                    ${unread > 0 ? html`<span part="unread" class="badge">${t('unread', { count: unread })}</span>` : nothing}
                    ${last?.priority ? html`<span part="priority" class="priority">${t('priority')}</span>` : nothing}
                    ${last ? html`<span class="last">${this.#nameOf(last.senderId, conversation)}: ${last.text}</span>` : nothing}
                    <span class="muted">${format.dateTime(conversation.updatedAt, this.timeZone, { dateStyle: 'short', timeStyle: 'short' })}</span>
                  </button>
                </li>`;
              },
            )}
          </ul>`}
    </nav>`;
  }

  #thread(feed: MessagingFeed, conversationId: string): TemplateResult {
    const { t } = this.#locale;
    const conversation = feed.conversations.get(conversationId);
    if (this.#threadError) return this.#alert(this.#threadError, () => void this.#loadThread(feed, conversationId));
    if (!feed.loaded(conversationId)) return html`<p part="status" role="status" aria-busy="true">${t('loading')}</p>`;
    const thread = feed.thread(conversationId);
    const delivered = new Set(thread.map((message) => message.clientId));
    const pending = [...this.#pending.values()].filter((item) => item.conversationId === conversationId && !delivered.has(item.clientId));
    const marks = feed.marks(conversationId);
    return html`${thread.length === 0 && pending.length === 0 ? html`<p>${t('noMessages')}</p>` : nothing}
      <ol part="thread">
        ${repeat(
          thread,
          (message) => message.id,
          (message) => this.#message(message, conversation, readersOf(message, marks)),
        )}
        ${repeat(
          pending,
          (item) => item.clientId,
          (item) => this.#pendingMessage(item),
        )}
      </ol>
      ${this.#composer()}`;
  }

  #message(message: Message, conversation: Conversation | undefined, readers: string[]): TemplateResult {
    const { t, format } = this.#locale;
    const own = this.#isOwn(message);
    const names = readers.map((id) => this.#nameOf(id, conversation));
    return html`<li part="message" class=${own ? 'own' : ''}>
      <p class="meta">
        <span part="sender">${this.#nameOf(message.senderId, conversation)}</span>
        <time datetime=${message.sentAt}>${format.time(message.sentAt, this.timeZone)}</time>
        ${message.priority ? html`<span part="priority" class="priority">${t('priority')}</span>` : nothing}
      </p>
      ${message.text ? html`<p class="text">${message.text}</p>` : nothing}
      ${message.position ? this.#position(message.position, message.id, message.conversationId, message.senderId, conversation) : nothing}
      ${this.#photoList(
        message.attachments.map(({ photoId }) => photoId),
        this.#nameOf(message.senderId, conversation),
        (photoId) => (signal) => this.#client.value?.messaging.photo({ conversationId: message.conversationId, messageId: message.id, photoId, signal }) ?? Promise.resolve(undefined),
      )}
      ${own && names.length > 0 ? html`<p part="receipt" class="muted">${t('readBy', { names: format.list(names) })}</p>` : nothing}
    </li>`;
  }

  #pendingMessage(item: PendingMessage): TemplateResult {
    const { t, format } = this.#locale;
    const { state, upload } = withUpload(item, this.#uploads);
    // The photo of a message on its way is still on this device (a device given may not lend it).
    const device = this.#device.value as (MessageDevice & Partial<Pick<FieldDevice, 'loadPhoto'>>) | undefined;
    const loadPhoto = device?.loadPhoto?.bind(device);
    return html`<li part="message" class="own pending">
      <p class="meta">
        <span part="sender">${t('you')}</span>
        <time datetime=${new Date(item.at).toISOString()}>${format.time(new Date(item.at).toISOString(), this.timeZone)}</time>
        ${item.priority ? html`<span part="priority" class="priority">${t('priority')}</span>` : nothing}
      </p>
      ${item.text ? html`<p class="text">${item.text}</p>` : nothing}
      ${item.position ? this.#position(item.position, undefined, item.conversationId, this.participant ?? '', this.#feed.value?.conversations.get(item.conversationId)) : nothing}
      ${loadPhoto
        ? this.#photoList(item.photoIds, t('you'), (photoId) => () => loadPhoto(photoId))
        : item.photos > 0
          ? html`<p class="muted">${this.#photoCount(item.photos)}</p>`
          : nothing}
      ${upload
        ? html`<p class="upload">
            <label for="upload-${item.clientId}">${t('uploading', { percent: percentOf(upload) })}</label>
            <progress part="progress" id="upload-${item.clientId}" max=${upload.total} .value=${upload.sent}></progress>
          </p>`
        : nothing}
      <p part="state" class="state ${state}">
        ${t(state)}
        ${state === 'failed' ? html`<button type="button" part="button" @click=${() => void this.#retry(item)}>${t('retrySend')}</button>` : nothing}
      </p>
    </li>`;
  }

  #position(position: SharedPosition, messageId: string | undefined, conversationId: string, senderId: string, conversation: Conversation | undefined): TemplateResult {
    const { t, format } = this.#locale;
    // The sender's own name, not "You": the map lists it for whoever looks at it.
    const senderName = conversation?.participants.find((participant) => participant.id === senderId)?.displayName ?? senderId;
    const open = () => this.#fire<PositionOpenDetail>('blauw-position-open', { position, messageId: messageId ?? '', conversationId, senderId, senderName });
    return html`<div part="position" class="position">
      <p>${t('position', { accuracy: Math.round(position.accuracy), time: format.time(position.at, this.timeZone) })}</p>
      <p class="links">
        <button type="button" part="button" @click=${open}>${t('openOnMap')}</button>
        <a href=${wazeUrl(position)} target="_blank" rel="noopener noreferrer" class="button">${t('waze')}</a>
      </p>
    </div>`;
  }

  // "1 photo", "2 photos": where a photo cannot be shown, or before it is uploaded.
  #photoCount(count: number): string {
    const { t, format } = this.#locale;
    return t(format.plural(count) === 'one' ? 'photos.one' : 'photos.other', { count });
  }

  // A message's photos: a thumbnail each once fetched, a placeholder of the same size before.
  #photoList(photoIds: string[], sender: string, sourceOf: (photoId: string) => PhotoSource): TemplateResult | typeof nothing {
    const { t } = this.#locale;
    if (photoIds.length === 0) return nothing;
    return html`<ul class="photos">
      ${photoIds.map((photoId, index) => {
        const alt = t('photoAlt', { sender, index: index + 1 });
        const view = this.#thumbnails.view(photoId, sourceOf(photoId));
        if (view.state === 'ready') {
          return html`<li>
            <button type="button" part="photo" class="photo" aria-haspopup="dialog" @click=${() => this.#openPhoto(photoId, alt)}>
              <img src=${view.url} alt=${alt} @error=${() => this.#thumbnails.unshowable(photoId)} />
            </button>
          </li>`;
        }
        if (view.state === 'unshowable') return html`<li class="muted">${this.#photoCount(1)}</li>`;
        if (view.state === 'failed') {
          return html`<li part="photo" class="photo">
            <span>${this.#photoCount(1)}</span>
            <button type="button" part="button" @click=${() => this.#thumbnails.retry(photoId)}>${t('retryPhoto')}</button>
          </li>`;
        }
        return html`<li part="photo" class="photo loading" data-photo=${photoId}><span class="vh">${t('loading')}</span></li>`;
      })}
    </ul>`;
  }

  async #openPhoto(photoId: string, alt: string): Promise<void> {
    this.#opened = { photoId, alt };
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  #photoDialog(): TemplateResult {
    const { t } = this.#locale;
    const opened = this.#opened;
    // The photo shown larger is the thumbnail's (its URL stays while the dialog shows it).
    const view = opened ? this.#thumbnails.view(opened.photoId) : undefined;
    return html`<dialog part="photo-dialog" aria-label=${opened?.alt ?? nothing} @close=${() => ((this.#opened = undefined), this.requestUpdate())}>
      ${view?.state === 'ready' ? html`<img src=${view.url} alt=${opened!.alt} />` : nothing}
      <form method="dialog"><button part="button">${t('closePhoto')}</button></form>
    </dialog>`;
  }

  #photoControl(): TemplateResult {
    const { t, format } = this.#locale;
    const photo = this.#photo;
    if (photo && 'photoId' in photo) {
      return html`<span class="muted" role="status">${t('photoReady', { size: format.number(Math.ceil(photo.size / 1024)) })}</span>
        <button type="button" part="button" @click=${() => this.#dropPhoto()}>${t('removePhoto')}</button>`;
    }
    return html`<label class="button" part="button"
        >${t('addPhoto')}<input class="vh" type="file" accept="image/*" capture="environment" @change=${(event: Event) => void this.#pickPhoto(event.target as HTMLInputElement)}
      /></label>
      ${photo ? html`<p class="error" role="alert">${t('photoFailed')}</p>` : nothing}`;
  }

  #composer(): TemplateResult {
    const { t } = this.#locale;
    const tooLong = this.#draft.length > MAX_TEXT;
    return html`<form part="composer" @submit=${(event: Event) => (event.preventDefault(), void this.#send())}>
      <label for="text">${t('message')}</label>
      <p id="hint" class="muted">${t('composerHint')}</p>
      <textarea
        id="text"
        rows="2"
        aria-describedby="hint${tooLong ? ' too-long' : ''}"
        aria-invalid=${tooLong ? 'true' : 'false'}
        .value=${this.#draft}
        @input=${(event: InputEvent) => {
          this.#draft = (event.target as HTMLTextAreaElement).value;
          this.requestUpdate();
        }}
        @keydown=${(event: KeyboardEvent) => this.#keydown(event)}
      ></textarea>
      ${tooLong ? html`<p id="too-long" class="error">${t('tooLong', { max: MAX_TEXT })}</p>` : nothing}
      <div class="tools">
        <label class="check"
          ><input
            type="checkbox"
            .checked=${this.#priority}
            @change=${(event: Event) => {
              this.#priority = (event.target as HTMLInputElement).checked;
              this.requestUpdate();
            }}
          />
          ${t('markPriority')}</label
        >
        ${this.#locate.position
          ? html`<span class="muted" role="status">${t('positionReady', { accuracy: Math.round(this.#locate.position.accuracy) })}</span>
              <button type="button" part="button" @click=${() => ((this.#locate = { locating: false }), this.requestUpdate())}>${t('removePosition')}</button>`
          : html`<button type="button" part="button" ?disabled=${this.#locate.locating} @click=${() => this.#shareLocation()}>
              ${this.#locate.locating ? t('locating') : t('sharePosition')}
            </button>`}
        ${this.#device.value ? this.#photoControl() : nothing}
        <button type="submit" part="button primary-button" class="primary">${t('send')}</button>
      </div>
      ${this.#locate.failed ? html`<p class="error" role="alert">${t('positionFailed')}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'blauw-chat': BlauwChat;
  }
  interface HTMLElementEventMap {
    'blauw-message-sent': CustomEvent<MessageSentDetail>;
    'blauw-message-failed': CustomEvent<MessageFailedDetail>;
    'blauw-position-open': CustomEvent<PositionOpenDetail>;
  }
  // 'blauw-error' (CustomEvent<BlauwErrorDetail>) is declared once, with the provider.
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwChat);
