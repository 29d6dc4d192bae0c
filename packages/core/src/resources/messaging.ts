import { EventStream, type SseParse, type StreamOptions } from '../realtime/event-stream.js';
import { page } from '../schemas/common.js';
import { StreamReset } from '../schemas/incidents.js';
import { Briefing, BriefingAcknowledgement, Conversation, Message, ReadReceipt, type MessageInput } from '../schemas/messaging.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import type { WriteOptions } from './booking.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

const ConversationPage = page(Conversation);
const MessagePage = page(Message);

/**
 * What {@link MessagingResource.send} takes: the conversation and the message, its `clientId` made
 * once by the device and kept across resends.
 *
 * @category Resources
 */
export interface SendMessageInput extends MessageInput {
  /** The conversation to send it in. */
  conversationId: string;
}

/**
 * What {@link MessagingResource.send} resolves with: the message as stored, and whether this was a
 * resend the server recognised by its `clientId` (nothing stored twice).
 *
 * @category Resources
 */
export interface SentMessage {
  /** The message as the server keeps it, with its id, `sentAt` and `sequence`. */
  message: Message;
  /** `true` when the server already had this message (200), `false` when it stored it now (201). */
  resent: boolean;
}

/**
 * One event of the signed-in user's messaging stream; narrow on `type`.
 *
 * - `message.created`: a message in one of the user's conversations (their own included, sent from
 *   another device or just now from this one: match it by `clientId`).
 * - `message.read`: a participant read a conversation further.
 * - `briefing.published`: a briefing for the user's team or shift (or one they published).
 * - `briefing.acknowledged`: an officer acknowledged a briefing the user published (or the user
 *   did, on another device).
 * - `reset`: the server could not resume where the stream stopped: fetch the conversations and
 *   briefings again; the stream goes on.
 *
 * `id` is the event's id: opaque, compare for equality.
 *
 * @category Resources
 */
export type MessagingStreamEvent =
  | { type: 'message.created'; id: string; message: Message }
  | { type: 'message.read'; id: string; receipt: ReadReceipt }
  | { type: 'briefing.published'; id: string; briefing: Briefing }
  | { type: 'briefing.acknowledged'; id: string; acknowledgement: BriefingAcknowledgement }
  | { type: 'reset'; id: string; reason: StreamReset['reason']; detail: string };

const parseMessagingEvent: SseParse<MessagingStreamEvent> = (message, decode) => {
  const { event, id } = message;
  if (event !== 'message.created' && event !== 'message.read' && event !== 'briefing.published' && event !== 'briefing.acknowledged' && event !== 'reset') return undefined; // a kind a newer server added
  if (id === undefined) throw decode.shapeError(`a "${event}" event without an id`);
  switch (event) {
    case 'message.created':
      return { type: event, id, message: decode.json(Message) };
    case 'message.read':
      return { type: event, id, receipt: decode.json(ReadReceipt) };
    case 'briefing.published':
      return { type: event, id, briefing: decode.json(Briefing) };
    case 'briefing.acknowledged':
      return { type: event, id, acknowledgement: decode.json(BriefingAcknowledgement) };
    default:
      return { type: 'reset', id, ...decode.json(StreamReset) };
  }
};

/**
 * Secure messaging between officers and services: the signed-in user's conversations, their
 * messages, sending (each message carries a client id so a resend never duplicates it), read
 * receipts, and the live stream of messages, receipts and briefings. Officer or supervisor token
 * required. Reach it as `client.messaging`. In the field, send through the offline outbox
 * ({@link MessagingResource.sendRequest} gives what to queue) rather than with `send`.
 *
 * @example
 * ```ts
 * const { items: conversations } = await client.messaging.conversations();
 * const { message } = await client.messaging.send({ conversationId: conversations[0].id, clientId: crypto.randomUUID(), text: 'Ter plaatse.' });
 * ```
 *
 * @category Resources
 */
export class MessagingResource {
  protected readonly transport: Transport;

  /** The signed-in user's conversations, the most recently active first. */
  readonly conversations: ListMethod<PageOptions, Conversation>;
  /** A conversation's messages by sequence, oldest first. Throws {@link NotFoundError} `conversation_not_found` for one the user is not in. */
  readonly messages: ListMethod<{ conversationId: string } & PageOptions, Message>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.conversations = listMethod((options: PageOptions) =>
      transport.request({ method: 'GET', path: 'conversations', query: { cursor: options.cursor, limit: options.limit }, schema: ConversationPage, call: options }),
    );
    this.messages = listMethod((options: { conversationId: string } & PageOptions) =>
      transport.request({
        method: 'GET',
        path: path`conversations/${options.conversationId}/messages`,
        query: { cursor: options.cursor, limit: options.limit },
        schema: MessagePage,
        call: options,
      }),
    );
  }

  /**
   * One of the user's conversations, with their unread count.
   *
   * @throws {NotFoundError} `conversation_not_found`, also for one the user is not in.
   */
  conversation(options: { conversationId: string } & CallOptions): Promise<Conversation> {
    return this.transport.request({ method: 'GET', path: path`conversations/${options.conversationId}`, schema: Conversation, call: options });
  }

  /**
   * Sends a message now (online). Show it at once, then send the same `clientId` again, unchanged,
   * as long as the outcome is unknown: the server answers a resend with the first message.
   *
   * @throws {ValidationError} `validation_failed` (a text over 4000 characters, control characters, nothing to send) or
   *   `message_attachment_invalid` (a photo not uploaded completely first), with pointers.
   * @throws {ConflictError} `client_id_reused` (another message under this client id) or `conversation_full`.
   * @throws {NotFoundError} `conversation_not_found`.
   */
  async send(options: SendMessageInput & WriteOptions): Promise<SentMessage> {
    const request = this.sendRequest(options);
    const { data, status } = await this.transport.requestWithMeta({ ...request, schema: Message, call: options, idempotencyKey: options.idempotencyKey });
    return { message: data, resent: status === 200 };
  }

  /**
   * The request that sends `input`, as the offline outbox queues it: queue it under the message's
   * `clientId` and the server stores it once, however often the outbox sends it.
   *
   * @example
   * ```ts
   * const request = client.messaging.sendRequest({ conversationId, clientId: crypto.randomUUID(), text });
   * await outbox.add({ request, idempotencyKey: request.body.clientId });
   * ```
   */
  sendRequest(input: SendMessageInput): { method: 'POST'; path: string; body: MessageInput } {
    const { clientId, text, attachments, position, priority } = input;
    const body: MessageInput = {
      clientId,
      text,
      ...(attachments === undefined ? {} : { attachments }),
      ...(position === undefined ? {} : { position }),
      ...(priority === undefined ? {} : { priority }),
    };
    return { method: 'POST', path: path`conversations/${input.conversationId}/messages`.href, body };
  }

  /**
   * Downloads a photo a message carries (one of its `attachments`), as a JPEG `Blob`. Only the
   * participants of the conversation get it; the bytes never change, so keep the `Blob` (or the
   * object URL made of it) for as long as it is shown. Auth, hooks, retries and the timeout apply
   * as to every call.
   *
   * @throws {NotFoundError} `conversation_not_found` for a conversation the user is not in, or
   *   `not_found` for a message or photo that is not there.
   * @throws {ResponseShapeError} when the answer is not a JPEG.
   *
   * @example
   * ```ts
   * const [attachment] = message.attachments;
   * const photo = await client.messaging.photo({ conversationId: message.conversationId, messageId: message.id, photoId: attachment.photoId, signal });
   * image.src = URL.createObjectURL(photo); // revoke it with URL.revokeObjectURL once the image is gone
   * ```
   */
  photo(options: { conversationId: string; messageId: string; photoId: string } & CallOptions): Promise<Blob> {
    return this.transport.request<Blob>({
      method: 'GET',
      path: path`conversations/${options.conversationId}/messages/${options.messageId}/photos/${options.photoId}`,
      accept: 'image/jpeg',
      responseType: 'blob',
      call: options,
    });
  }

  /**
   * Marks the conversation read up to the message with `sequence` (a mark never goes back). The
   * other participants see it in the messages' `readBy` and on their streams.
   *
   * @throws {ValidationError} `read_sequence_unknown` when `sequence` is beyond the last message.
   * @throws {NotFoundError} `conversation_not_found`.
   */
  markRead(options: { conversationId: string; sequence: number } & WriteOptions): Promise<ReadReceipt> {
    return this.transport.request({
      method: 'POST',
      path: path`conversations/${options.conversationId}/read`,
      body: { sequence: options.sequence },
      schema: ReadReceipt,
      call: options,
      idempotencyKey: options.idempotencyKey,
    });
  }

  /**
   * The signed-in user's live stream: messages, read receipts, briefings and acknowledgements, each
   * once and in order, resuming by itself after a drop (`Last-Event-ID`). Iterate it once with
   * `for await`. Without `lastEventId` only new events come: fetch the conversations first, then
   * stream. On a `reset` event fetch them again.
   *
   * The loop throws {@link UnauthenticatedError} when the token is refused after one refresh,
   * {@link ForbiddenError} for a sign-in that takes no part in messaging, and
   * {@link ResponseShapeError} when the server sends what the SDK does not understand; `close()`
   * or `signal` end it without an error.
   *
   * @example
   * ```ts
   * for await (const event of client.messaging.stream({ pauseWhenHidden: true })) {
   *   if (event.type === 'message.created') thread.add(event.message);
   *   else if (event.type === 'briefing.published') briefings.add(event.briefing);
   * }
   * ```
   */
  stream(options: StreamOptions = {}): EventStream<MessagingStreamEvent> {
    return new EventStream({ ...options, transport: this.transport, path: 'messaging/stream', parse: parseMessagingEvent, resetEvent: 'reset' });
  }
}
