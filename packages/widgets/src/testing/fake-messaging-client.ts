// A fake `MessagingClient` for the chat's tests and stories: conversations and messages in
// memory, sends stored once per client id (as the server does), a scripted live stream, the
// network cut at will, refusals on demand, and a `checks` transport whose `sendQueued` routes the
// outbox's `POST conversations/…/messages` here, so a real FieldDevice drains into the fake.
import {
  NetworkError,
  NotFoundError,
  ValidationError,
  paginate,
  type ChecksResource,
  type Conversation,
  type Message,
  type MessageInput,
  type MessagingClient,
  type MessagingStreamEvent,
  type OutboxItem,
  type Page,
  type ReadReceipt,
  type StreamState,
} from '@blauw/core';
import type { LiveMessagingStream } from '../messaging-feed/live-stream.js';
import { fakeLiveStream } from './fake-live-stream.js';

/** A stream of the fake client, driven by the test. */
export interface FakeMessagingStream extends LiveMessagingStream {
  readonly closed: boolean;
  setState(state: StreamState): void;
  push(...events: MessagingStreamEvent[]): void;
}

/** A fake messaging client with the test's controls. */
export interface FakeMessagingClient extends MessagingClient {
  /** A `checks` resource for `FieldDevice.open(…)`: its `sendQueued` sends queued messages here. */
  readonly checks: ChecksResource;
  /** Every stream opened, in order. */
  readonly streams: FakeMessagingStream[];
  /** The conversations, as stored. */
  readonly stored: Map<string, { conversation: Conversation; messages: Message[] }>;
  /** How many times each client id was stored (a resend must not store twice). */
  readonly storedTimes: Map<string, number>;
  /** While `true`, every call fails as without a network. */
  offline: boolean;
  /** The next sends fail with this problem code (400), once each. */
  refuseNext(code: string, times?: number): void;
  /** A participant sends a message: stored and pushed to every stream as `message.created`. */
  receive(conversationId: string, senderId: string, text: string, extra?: Partial<Message>): Message;
  /** A participant read a conversation: pushed as `message.read`. */
  readUpTo(conversationId: string, participantId: string, sequence: number): void;
  /** The photos uploaded, by id. */
  readonly photos: Map<string, Blob>;
  /** The photo downloads asked for (`messaging.photo`), by photo id, in order. */
  readonly photoDownloads: string[];
  /** The next photo downloads fail as without a network, once each. */
  failPhotos: number;
  /** While set, photo downloads wait for this to settle. */
  photoDownloadHeld?: Promise<void> | undefined;
  /** While set, a photo's upload stops halfway (its progress said) until this settles. */
  photoHeld?: Promise<void> | undefined;
  /** The `markRead` calls, in order. */
  readonly marks: { conversationId: string; sequence: number }[];
}

/** A conversation for tests and stories. */
export function fakeConversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    kind: 'team',
    title: `Gesprek ${overrides.id}`,
    participants: [
      { id: 'off-1', displayName: 'Inspecteur An Peeters', kind: 'officer' },
      { id: 'off-2', displayName: 'Hoofdinspecteur Jan De Smet', kind: 'officer' },
      { id: 'svc-fire', displayName: 'Brandweer Gent — dispatching', kind: 'service' },
    ],
    lastSequence: 0,
    unreadCount: 0,
    updatedAt: '2026-11-30T08:00:00Z',
    ...overrides,
  };
}

let eventIds = 1000;

function createStream(signal: AbortSignal | undefined, streams: FakeMessagingStream[]): FakeMessagingStream {
  const stream = fakeLiveStream<MessagingStreamEvent>({ signal }) as unknown as FakeMessagingStream;
  streams.push(stream);
  return stream;
}

function pageOf<T>(items: readonly T[], options: { cursor?: string | undefined; limit?: number | undefined }): Page<T> {
  const start = Number(options.cursor ?? 0);
  const end = start + (options.limit ?? 50);
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
}

/**
 * A fake messaging client over `conversations` (each with its messages, oldest first).
 *
 * @example
 * ```ts
 * const fake = fakeMessagingClient([{ conversation: fakeConversation({ id: 'conv-1' }), messages: [] }], { self: 'off-1' });
 * const device = await FieldDevice.open(fake.checks, { name: 'chat-test' });
 * ```
 */
export function fakeMessagingClient(conversations: { conversation: Conversation; messages: Message[] }[], options: { self?: string; now?: () => number } = {}): FakeMessagingClient {
  const self = options.self ?? 'off-1';
  const now = options.now ?? Date.now;
  const stored = new Map(conversations.map((entry) => [entry.conversation.id, { conversation: { ...entry.conversation }, messages: [...entry.messages] }]));
  const storedTimes = new Map<string, number>();
  const streams: FakeMessagingStream[] = [];
  const refusals: string[] = [];
  const marks: { conversationId: string; sequence: number }[] = [];
  const photos = new Map<string, Blob>();
  const emit = (event: MessagingStreamEvent) => {
    for (const stream of streams) stream.push(event);
  };
  const reachable = () => {
    if (fake.offline) throw new NetworkError('The network is down (fake).', { offline: true });
  };
  const conversationOf = (conversationId: string) => {
    const entry = stored.get(conversationId);
    if (!entry) throw new ValidationError('No such conversation (fake).', { status: 404, problem: { title: 'Not found', status: 404, code: 'conversation_not_found' } });
    return entry;
  };
  const store = (conversationId: string, senderId: string, input: MessageInput): { message: Message; resent: boolean } => {
    const entry = conversationOf(conversationId);
    const known = entry.messages.find((message) => message.clientId === input.clientId);
    if (known) return { message: known, resent: true };
    const sequence = entry.conversation.lastSequence + 1;
    const message: Message = {
      id: `msg-${conversationId}-${sequence}`,
      clientId: input.clientId,
      conversationId,
      sequence,
      senderId,
      sentAt: new Date(now()).toISOString(),
      priority: input.priority === true,
      text: input.text,
      attachments: (input.attachments ?? []).map((photoId) => {
        const photo = photos.get(photoId);
        if (!photo) throw new ValidationError('Photo not uploaded (fake).', { status: 422, problem: { title: 'Photo not uploaded', status: 422, code: 'message_attachment_invalid' } });
        return { photoId, size: photo.size, mediaType: photo.type || 'image/jpeg' };
      }),
      position: input.position ?? null,
      readBy: [],
    };
    entry.messages.push(message);
    entry.conversation = { ...entry.conversation, lastSequence: sequence, updatedAt: message.sentAt };
    storedTimes.set(input.clientId, (storedTimes.get(input.clientId) ?? 0) + 1);
    emit({ type: 'message.created', id: String(eventIds++), message });
    return { message, resent: false };
  };
  const send = (conversationId: string, input: MessageInput) => {
    reachable();
    const code = refusals.shift();
    if (code) throw new ValidationError('Refused (fake).', { status: 400, problem: { title: 'Refused', status: 400, code } });
    return store(conversationId, self, input);
  };
  const sendRequest = (input: MessageInput & { conversationId: string }) => {
    const { conversationId, ...body } = input;
    return { method: 'POST' as const, path: `conversations/${conversationId}/messages`, body };
  };
  const list = <O extends { cursor?: string | undefined; limit?: number | undefined; signal?: AbortSignal | undefined }, T>(items: (o: O) => readonly T[]) => {
    const method = async (o = {} as O) => {
      reachable();
      return pageOf(items(o), o);
    };
    method.all = (o = {} as O) => paginate((cursor) => method({ ...o, cursor }), o.signal);
    return method;
  };
  const messaging = {
    conversations: list(() => [...stored.values()].map((entry) => entry.conversation).sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))),
    messages: list((o: { conversationId: string; cursor?: string | undefined; limit?: number | undefined; signal?: AbortSignal | undefined }) => conversationOf(o.conversationId).messages),
    async conversation(o: { conversationId: string }) {
      reachable();
      return conversationOf(o.conversationId).conversation;
    },
    async send(input: MessageInput & { conversationId: string }) {
      return send(input.conversationId, input);
    },
    sendRequest,
    async markRead(o: { conversationId: string; sequence: number }): Promise<ReadReceipt> {
      reachable();
      marks.push({ conversationId: o.conversationId, sequence: o.sequence });
      const receipt = { conversationId: o.conversationId, participantId: self, readUpTo: o.sequence, readAt: new Date(now()).toISOString() };
      emit({ type: 'message.read', id: String(eventIds++), receipt });
      return receipt;
    },
    // A message's photo, as the server keeps it (the bytes uploaded), to its conversation's participants.
    async photo(o: { conversationId: string; messageId: string; photoId: string; signal?: AbortSignal | undefined }): Promise<Blob> {
      fake.photoDownloads.push(o.photoId);
      await fake.photoDownloadHeld;
      reachable();
      if (fake.failPhotos > 0) {
        fake.failPhotos--;
        throw new NetworkError('The photo did not come (fake).', { offline: false });
      }
      const carried = conversationOf(o.conversationId).messages.find((message) => message.id === o.messageId)?.attachments.some((attachment) => attachment.photoId === o.photoId);
      const photo = carried ? photos.get(o.photoId) : undefined;
      if (!photo) throw new NotFoundError('No such photo (fake).', { status: 404, problem: { title: 'Not found', status: 404, code: 'not_found' } });
      return new Blob([photo], { type: 'image/jpeg' });
    },
    stream(o: { signal?: AbortSignal | undefined } = {}) {
      return createStream(o.signal, streams);
    },
  };
  const checks = {
    async sendQueued(item: OutboxItem): Promise<number> {
      const match = /^conversations\/([^/]+)\/messages$/.exec(item.request.path);
      if (!match) throw new Error(`The fake sends messages only, not ${item.request.path}.`);
      return send(decodeURIComponent(match[1]!), item.request.body as MessageInput).resent ? 200 : 201;
    },
    async uploadPhoto(options: { photoId: string; blob: Blob; onProgress?: (sent: number, total: number) => void }) {
      reachable();
      const total = options.blob.size;
      options.onProgress?.(0, total);
      if (fake.photoHeld) {
        options.onProgress?.(Math.floor(total / 2), total);
        await fake.photoHeld;
      }
      photos.set(options.photoId, options.blob);
      options.onProgress?.(total, total);
      return { photoId: options.photoId, received: options.blob.size, size: options.blob.size, complete: true };
    },
  } as unknown as ChecksResource;
  const fake = {
    messaging: messaging as unknown as MessagingClient['messaging'],
    briefings: {} as MessagingClient['briefings'],
    checks,
    streams,
    stored,
    storedTimes,
    marks,
    photos,
    photoDownloads: [] as string[],
    failPhotos: 0,
    photoDownloadHeld: undefined as Promise<void> | undefined,
    photoHeld: undefined as Promise<void> | undefined,
    offline: false,
    refuseNext(code: string, times = 1) {
      for (let i = 0; i < times; i++) refusals.push(code);
    },
    receive(conversationId: string, senderId: string, text: string, extra: Partial<Message> = {}) {
      const { message } = store(conversationId, senderId, { clientId: crypto.randomUUID(), text, priority: extra.priority, ...(extra.position ? { position: extra.position } : {}) });
      return message;
    },
    readUpTo(conversationId: string, participantId: string, sequence: number) {
      emit({ type: 'message.read', id: String(eventIds++), receipt: { conversationId, participantId, readUpTo: sequence, readAt: new Date(now()).toISOString() } });
    },
  };
  return fake;
}
