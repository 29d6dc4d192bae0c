import { ServerError, type BlauwError, type Conversation, type Message, type MessagingClient, type MessagingStreamEvent, type ReadReceipt, type StreamState } from '@blauw/core';
import { toBlauwError } from '../shared/to-blauw-error.js';
import type { LiveMessagingStream } from './live-stream.js';
import { mergeMessages, readMarks } from './thread-rules.js';

/**
 * Where a messaging feed stands: loading the conversations, opening the stream, live,
 * reconnecting after a drop, offline (the stream resumes when the network returns), or stopped by
 * an error that needs a person (`error` says which; `retry()` starts again).
 *
 * @category Messaging feed
 */
export type MessagingFeedState = 'loading' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'error';

/**
 * Detail of the feed's `change` event: the messages that arrived since the last one (by
 * sequence within each conversation), and whether everything was loaded again (first load, or a
 * `reset` from the server) — then read everything afresh.
 *
 * @category Messaging feed
 */
export interface MessagingFeedChangeDetail {
  added: Message[];
  reset: boolean;
}

/**
 * How a feed is built; {@link MessagingFeed.for} uses the defaults, tests pass their own.
 *
 * @category Messaging feed
 */
export interface MessagingFeedOptions {
  /** Runs the batched `change` (default `requestAnimationFrame`). */
  schedule?: (flush: () => void) => void;
  /** How long the stream stays open after the last user left, in ms (default 2000). */
  graceMs?: number;
}

/**
 * A briefing event of the messaging stream, as the feed passes it on.
 *
 * @category Messaging feed
 */
export type BriefingStreamEvent = Extract<MessagingStreamEvent, { type: 'briefing.published' | 'briefing.acknowledged' }>;

/**
 * Detail of the feed's `refetch` event: why what a widget fetched apart from the stream (the
 * briefings) may miss events. `live`: the stream went live for the first time since it opened, and
 * brings only what happens from then on; `reset`: the server could not resume it after a drop.
 *
 * @category Messaging feed
 */
export interface MessagingFeedRefetchDetail {
  reason: 'live' | 'reset';
}

/**
 * Options of {@link MessagingFeed.connect}.
 *
 * @category Messaging feed
 */
export interface MessagingFeedConnectOptions {
  /**
   * Whether this user needs the conversations (default `true`): a chat does, a briefings list
   * does not. The feed loads them when its first user that needs them connects.
   */
  conversations?: boolean | undefined;
}

/**
 * The events of a {@link MessagingFeed}, for typed listeners.
 *
 * @category Messaging feed
 */
export interface MessagingFeedEventMap {
  change: CustomEvent<MessagingFeedChangeDetail>;
  statechange: Event;
  /** A `briefing.published` or `briefing.acknowledged` event of the stream, as it came. */
  briefing: CustomEvent<BriefingStreamEvent>;
  /** What was fetched apart from the stream (the briefings) may miss events: fetch it again. */
  refetch: CustomEvent<MessagingFeedRefetchDetail>;
}

const feeds = new WeakMap<object, MessagingFeed>();
const PAGE = 200;

/**
 * The live picture of the signed-in user's conversations that the messaging widgets share: the
 * conversations (unread counts, last activity), the messages of the threads opened, in order by
 * `sequence` and each once, the read marks, and the connection's state. One feed per client
 * object on the page, so a chat and a briefings list with the same client share one stream.
 *
 * The stream opens at once (from now on) while the conversations load, and threads load when a
 * widget asks: whatever arrives by both paths is merged by id, so nothing shows twice and nothing
 * between the load and the stream is lost. A drop is resumed by the stream (`Last-Event-ID`); a
 * `reset` loads everything again. The conversations load only once a user that needs them
 * connects (`connect({ conversations: false })` for a briefings list), and what the feed does not
 * hold itself (the briefings) is for its users to fetch again on `refetch`.
 *
 * @example
 * ```ts
 * const feed = MessagingFeed.for(client);
 * feed.addEventListener('change', () => draw(feed.thread(conversationId)));
 * feed.connect(); await feed.load(conversationId); // … and feed.disconnect() when done
 * ```
 *
 * @fires change - {@link MessagingFeedChangeDetail}: new messages, receipts or conversations (batched).
 * @fires statechange - `state` changed.
 * @fires briefing - A briefing event of the stream, for the briefings widget.
 * @fires refetch - {@link MessagingFeedRefetchDetail}: the stream went live for the first time, or was reset.
 *
 * @category Messaging feed
 */
export class MessagingFeed extends EventTarget {
  /** One feed per client object on the page. `options` apply only when this call creates it. */
  static for(client: Pick<MessagingClient, 'messaging'>, options?: MessagingFeedOptions): MessagingFeed {
    let feed = feeds.get(client);
    if (feed === undefined) feeds.set(client, (feed = new MessagingFeed(client, options)));
    return feed;
  }

  readonly #client: Pick<MessagingClient, 'messaging'>;
  readonly #schedule: (flush: () => void) => void;
  readonly #graceMs: number;

  #state: MessagingFeedState = 'loading';
  #error: BlauwError | undefined;
  #connection: StreamState = 'connecting';
  #wantsConversations = false;
  #loadingConversations = false;
  #conversations: ReadonlyMap<string, Conversation> = new Map();
  #threads = new Map<string, readonly Message[]>();
  #loads = new Map<string, Promise<readonly Message[]>>();
  #receipts = new Map<string, ReadReceipt[]>();
  #own = new Set<string>();
  #fetched = new Set<string>();

  #users = 0;
  #grace: ReturnType<typeof setTimeout> | undefined;
  #session: AbortController | undefined;
  #stream: LiveMessagingStream | undefined;
  #added: Message[] = [];
  #reset = false;
  #dirty = false;
  #scheduled = false;

  constructor(client: Pick<MessagingClient, 'messaging'>, options: MessagingFeedOptions = {}) {
    super();
    this.#client = client;
    this.#schedule = options.schedule ?? ((flush) => void requestAnimationFrame(flush));
    this.#graceMs = options.graceMs ?? 2000;
  }

  /** Listens to `change`, `statechange`, `briefing` or `refetch`. */
  override addEventListener<K extends keyof MessagingFeedEventMap>(type: K, listener: (event: MessagingFeedEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  /** Stops listening. */
  override removeEventListener<K extends keyof MessagingFeedEventMap>(type: K, listener: (event: MessagingFeedEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** Where the feed stands. */
  get state(): MessagingFeedState {
    return this.#state;
  }
  /** Why the feed stopped, when `state` is `error`. */
  get error(): BlauwError | undefined {
    return this.#error;
  }
  /**
   * The live stream's own state, whatever the conversations do: for a user that needs no
   * conversations (a briefings list). `stopped` when the feed is in `error`.
   */
  get connection(): StreamState {
    return this.#state === 'error' ? 'stopped' : this.#connection;
  }
  /** The user's conversations by id, most recently active first. A new map after every change. */
  get conversations(): ReadonlyMap<string, Conversation> {
    return this.#conversations;
  }
  /** A conversation's messages by sequence, each once (empty until {@link MessagingFeed.load}). */
  thread(conversationId: string): readonly Message[] {
    return this.#threads.get(conversationId) ?? [];
  }
  /** Whether a conversation's messages were loaded. */
  loaded(conversationId: string): boolean {
    return this.#fetched.has(conversationId);
  }
  /** How far each participant read a conversation (participant id → sequence). */
  marks(conversationId: string): Map<string, number> {
    return readMarks(this.thread(conversationId), this.#receipts.get(conversationId));
  }

  /**
   * Counts a user in; the first one opens the stream, and the first that needs the conversations
   * (all do, unless they say `conversations: false`) has them loaded.
   */
  connect(options: MessagingFeedConnectOptions = {}): void {
    this.#users += 1;
    if (this.#grace !== undefined) {
      clearTimeout(this.#grace);
      this.#grace = undefined;
    }
    if (options.conversations !== false && !this.#wantsConversations) {
      this.#wantsConversations = true;
      // A feed already streaming for a briefings list alone loads them now.
      if (this.#session !== undefined) this.#openConversations(this.#session.signal);
    }
    if (this.#users === 1 && this.#session === undefined) this.#start();
  }

  /** Counts a user out; after the last one, and a short grace, the stream closes. */
  disconnect(): void {
    if (this.#users === 0) return;
    this.#users -= 1;
    if (this.#users > 0) return;
    this.#grace = setTimeout(() => {
      this.#grace = undefined;
      this.#stop();
      this.#wantsConversations = false;
      this.#setState('loading');
    }, this.#graceMs);
  }

  /** Loads and connects again, after an `error` (or at any time). */
  retry(): void {
    this.#stop();
    if (this.#users > 0) this.#start();
  }

  /**
   * Loads a conversation's messages (once; live ones are merged in as they come).
   *
   * @throws {BlauwError} when they cannot be fetched (e.g. `NotFoundError` `conversation_not_found`).
   */
  load(conversationId: string, signal?: AbortSignal): Promise<readonly Message[]> {
    let loading = this.#loads.get(conversationId);
    if (loading === undefined) {
      loading = this.#fetchThread(conversationId, signal);
      this.#loads.set(conversationId, loading);
      loading.catch(() => this.#loads.delete(conversationId));
    }
    return loading;
  }

  /**
   * Fetches a loaded conversation's messages again and merges what is new: for a widget that knows
   * the server stored a message (its outbox says so) the stream has not brought yet, because the
   * stream is waiting to reconnect.
   *
   * @throws {BlauwError} when they cannot be fetched.
   */
  async refresh(conversationId: string, signal?: AbortSignal): Promise<void> {
    if (!this.#fetched.has(conversationId)) return;
    const fetched: Message[] = [];
    for await (const message of this.#client.messaging.messages.all({ conversationId, limit: PAGE, ...(signal ? { signal } : {}) })) fetched.push(message);
    this.#merge(conversationId, fetched, false);
    this.#scheduleChange();
  }

  /** Says a message (by `clientId`) is this user's own, sent from here: it counts as read. */
  own(clientId: string): void {
    this.#own.add(clientId);
  }

  /** Adds messages the widget learnt otherwise (the answer to a send), merged like live ones. */
  add(messages: readonly Message[]): void {
    for (const message of messages) this.#merge(message.conversationId, [message], true);
    this.#scheduleChange();
  }

  /** Takes the user's own read mark (the answer to `markRead`): the conversation has nothing unread. */
  read(receipt: ReadReceipt): void {
    this.#receipt(receipt);
    const conversation = this.#conversations.get(receipt.conversationId);
    if (conversation && conversation.unreadCount > 0) this.#setConversation({ ...conversation, unreadCount: Math.max(0, conversation.lastSequence - receipt.readUpTo) });
    this.#scheduleChange();
  }

  async #fetchThread(conversationId: string, signal?: AbortSignal): Promise<readonly Message[]> {
    const fetched: Message[] = [];
    for await (const message of this.#client.messaging.messages.all({ conversationId, limit: PAGE, ...(signal ? { signal } : {}) })) fetched.push(message);
    this.#threads.set(conversationId, mergeMessages(this.#threads.get(conversationId) ?? [], fetched).messages);
    this.#fetched.add(conversationId);
    this.#dirty = true;
    this.#emitChange();
    return this.thread(conversationId);
  }

  #setState(state: MessagingFeedState, error?: BlauwError): void {
    if (state === this.#state && error === this.#error) return;
    this.#state = state;
    this.#error = error;
    this.dispatchEvent(new Event('statechange'));
  }

  #start(): void {
    const session = (this.#session = new AbortController());
    this.#connection = 'connecting';
    this.#setState(this.#wantsConversations ? 'loading' : 'connecting');
    void this.#run(session.signal);
  }

  #stop(): void {
    this.#session?.abort();
    this.#session = undefined;
    this.#stream?.close();
    this.#stream = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    try {
      // The stream first: what happens while the lists load comes by it and is merged by id.
      const stream: LiveMessagingStream = (this.#stream = this.#client.messaging.stream({ signal, pauseWhenHidden: true }));
      // Without an event id to resume after, the stream brings only what happens once it is live:
      // the first time it is, what the users fetched apart from it may lack what came in between.
      let firstLive = true;
      const follow = () => {
        if (stream !== this.#stream || stream.state === 'stopped' || this.#state === 'error') return;
        if (stream.state !== this.#connection) {
          this.#connection = stream.state;
          this.dispatchEvent(new Event('statechange'));
        }
        if (firstLive && stream.state === 'live') {
          firstLive = false;
          this.#refetch('live');
        }
        if (!this.#loadingConversations) this.#setState(stream.state);
      };
      stream.addEventListener('statechange', follow);
      if (this.#wantsConversations) this.#openConversations(signal);
      follow();
      for await (const event of stream) {
        if (signal.aborted) return;
        this.#take(event, signal);
      }
      if (!signal.aborted) throw new ServerError('The messaging stream ended; reconnect to go on.');
    } catch (caught) {
      if (signal.aborted) return;
      this.#stream?.close();
      this.#stream = undefined;
      this.#setState('error', toBlauwError(caught));
    }
  }

  // Loads the conversations while the stream runs: the feed says `loading` until they are here.
  #openConversations(signal: AbortSignal): void {
    this.#loadingConversations = true;
    this.#setState('loading');
    this.#loadConversations(signal).then(
      () => {
        if (signal.aborted) return;
        this.#loadingConversations = false;
        this.#setState(this.#connection === 'stopped' ? 'connecting' : this.#connection);
      },
      (caught: unknown) => {
        if (signal.aborted) return;
        this.#loadingConversations = false;
        this.#stop();
        this.#setState('error', toBlauwError(caught));
      },
    );
  }

  #refetch(reason: MessagingFeedRefetchDetail['reason']): void {
    this.dispatchEvent(new CustomEvent<MessagingFeedRefetchDetail>('refetch', { detail: { reason } }));
  }

  async #loadConversations(signal: AbortSignal): Promise<void> {
    const list: Conversation[] = [];
    for await (const conversation of this.#client.messaging.conversations.all({ limit: PAGE, signal })) list.push(conversation);
    if (signal.aborted) return;
    this.#conversations = new Map(list.map((conversation) => [conversation.id, conversation]));
    this.#reset = true;
    this.#dirty = true;
    this.#emitChange();
  }

  #take(event: MessagingStreamEvent, signal: AbortSignal): void {
    switch (event.type) {
      case 'message.created':
        this.#merge(event.message.conversationId, [event.message], false);
        break;
      case 'message.read':
        this.#receipt(event.receipt);
        break;
      case 'reset':
        this.#refetch('reset');
        void this.#reload(signal);
        return;
      default:
        this.dispatchEvent(new CustomEvent('briefing', { detail: event }));
        return;
    }
    this.#scheduleChange();
  }

  // The server could not resume: conversations (when a user needs them) and the threads held load again, merged by id.
  async #reload(signal: AbortSignal): Promise<void> {
    try {
      if (this.#wantsConversations) await this.#loadConversations(signal);
      const held = [...this.#threads.keys()];
      this.#loads.clear();
      this.#fetched.clear();
      await Promise.all(held.map((conversationId) => this.load(conversationId, signal)));
    } catch (caught) {
      if (signal.aborted) return;
      this.#stop();
      this.#setState('error', toBlauwError(caught));
    }
  }

  #merge(conversationId: string, arrived: Message[], own: boolean): void {
    const held = this.#threads.get(conversationId);
    const { messages, added } = mergeMessages(held ?? [], arrived);
    // A thread nobody opened is not kept: its load brings these messages with the others.
    if (held !== undefined || this.#loads.has(conversationId)) this.#threads.set(conversationId, messages);
    const conversation = this.#conversations.get(conversationId);
    for (const message of added) {
      this.#added.push(message);
      const mine = own || this.#own.has(message.clientId);
      const current = this.#conversations.get(conversationId) ?? conversation;
      if (current && message.sequence > current.lastSequence) {
        this.#setConversation({
          ...current,
          lastSequence: message.sequence,
          updatedAt: message.sentAt,
          unreadCount: mine ? 0 : current.unreadCount + 1,
        });
      }
    }
    this.#dirty ||= added.length > 0;
  }

  #receipt(receipt: ReadReceipt): void {
    const list = this.#receipts.get(receipt.conversationId) ?? [];
    this.#receipts.set(receipt.conversationId, [...list, receipt]);
    this.#dirty = true;
  }

  // Most recently active first, as the server lists them.
  #setConversation(conversation: Conversation): void {
    const all = new Map(this.#conversations);
    all.set(conversation.id, conversation);
    this.#conversations = new Map([...all].sort(([, a], [, b]) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)));
  }

  #scheduleChange(): void {
    this.#dirty = true;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#emitChange();
    });
  }

  #emitChange(): void {
    if (!this.#dirty) return;
    const detail: MessagingFeedChangeDetail = { added: this.#added, reset: this.#reset };
    this.#added = [];
    this.#reset = false;
    this.#dirty = false;
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }
}
