import { Conversation, Id, Message, MessageInput, ReadInput, ReadReceipt, page } from '@blauw/core';
import { z } from 'zod/mini';
import { messagingEventStream } from './messaging-stream.js';
import { PageQuery } from './query-params.js';
import { defineRoute, problemSpec, type Route } from './route.js';

// Secure messaging: the signed-in user's conversations, their messages (kept by client id for
// good), read receipts, and the user's live stream of messages, receipts and briefings.

const ok = <T>(body: T) => ({ status: 200, body });

/** Path parameters of `/v1/conversations/:conversationId/…`. */
export const ConversationParams = z.object({ conversationId: Id });

/** Path parameters of `/v1/conversations/:conversationId/messages/:messageId/photos/:photoId`. */
export const MessagePhotoParams = z.object({ conversationId: Id, messageId: Id, photoId: z.uuid() });

/** A photo's bytes never change once uploaded: browsers keep them, for this sign-in only. */
const PHOTO_CACHE = 'private, max-age=31536000, immutable';

const notMine = problemSpec('No such conversation, or one the caller is not in (`conversation_not_found`).');
const noPart = problemSpec('The caller is signed in but takes no part in messaging (`forbidden`).');

const STREAM_DESCRIPTION =
  'Server-Sent Events for the signed-in user, as the incident stream: first `retry: <ms>`; then frames with an `id:` ' +
  '(decimal, strictly increasing): `event: message.created` (data: `Message`) for every message of a conversation the user is in, ' +
  'their own included; `event: message.read` (data: `ReadReceipt`) when a participant reads further; `event: briefing.published` ' +
  '(data: `Briefing`) for a briefing of the user’s team or shift, or one they published; `event: briefing.acknowledged` (data: ' +
  '`BriefingAcknowledgement`) to the publisher and the officer; and `event: reset` (data: `StreamReset`) when the server cannot ' +
  'resume after the `Last-Event-ID` given (`too_old`, `unknown_id`): fetch the conversations again. Without `Last-Event-ID` only new ' +
  'events follow. A `: heartbeat` comment comes every 15 s.';

/** Routes of conversations, messages, read receipts and the messaging stream. */
export const messagingRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/conversations',
    operationId: 'listConversations',
    summary: 'List the signed-in user’s conversations, the most recently active first',
    tag: 'Messaging',
    auth: 'officer',
    query: PageQuery,
    responses: { 200: { description: 'A page of conversations.', schema: page(Conversation) }, 403: noPart },
    handle: ({ zone, principal, query }) => ok(zone.messaging.listConversations(zone.messaging.directory.participantOf(principal).id, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/conversations/:conversationId',
    operationId: 'getConversation',
    summary: 'Get one of the signed-in user’s conversations',
    tag: 'Messaging',
    auth: 'officer',
    params: ConversationParams,
    responses: { 200: { description: 'The conversation.', schema: Conversation }, 403: noPart, 404: notMine },
    handle: ({ zone, principal, params }) => ok(zone.messaging.getConversation(zone.messaging.directory.participantOf(principal).id, params.conversationId)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/conversations/:conversationId/messages',
    operationId: 'listMessages',
    summary: 'List a conversation’s messages by sequence, oldest first',
    tag: 'Messaging',
    auth: 'officer',
    params: ConversationParams,
    query: PageQuery,
    responses: { 200: { description: 'A page of messages.', schema: page(Message) }, 403: noPart, 404: notMine },
    handle: ({ zone, principal, params, query }) =>
      ok(zone.messaging.listMessages(zone.messaging.directory.participantOf(principal).id, params.conversationId, query)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/conversations/:conversationId/messages',
    operationId: 'sendMessage',
    summary: 'Send a message',
    description:
      'The server keeps `clientId` for good, beyond the Idempotency-Key’s 24 hours: the same `clientId` with the same body answers 200 with ' +
      'the first message, whenever it comes back; with another body (or conversation) it is refused (409 `client_id_reused`). A message ' +
      'has a text, photos or a position (or several); photos are uploaded completely before, with `PUT /v1/check-photos/{photoId}`. ' +
      'The server gives the id, `sentAt` and the next `sequence` of the conversation, and sends `message.created` to every participant’s stream.',
    tag: 'Messaging',
    auth: 'officer',
    params: ConversationParams,
    body: MessageInput,
    responses: {
      201: { description: 'The message was stored and sent.', schema: Message },
      200: { description: 'A resend of a message already stored (same `clientId`, same body): the first message, nothing stored.', schema: Message },
      400: problemSpec('The body is not valid: a text over 4000 characters or with control characters, or nothing to send (`validation_failed`).'),
      403: noPart,
      404: notMine,
      409: problemSpec(
        'The `clientId` was already used with another body (`client_id_reused`); the conversation is full (`conversation_full`); or a ' +
          'request with the same Idempotency-Key is still being processed (`idempotency_key_in_flight`).',
      ),
      422: problemSpec(
        'A photo is not uploaded completely by the sender, or attached twice (`message_attachment_invalid`, `errors` point at each); ' +
          'or the Idempotency-Key was already used with another body (`idempotency_key_reused`).',
      ),
    },
    handle: ({ zone, principal, params, body }) => {
      const outcome = zone.messaging.send(zone.messaging.directory.participantOf(principal).id, params.conversationId, body);
      return { status: outcome.replayed ? 200 : 201, body: outcome.message };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/conversations/:conversationId/messages/:messageId/photos/:photoId',
    operationId: 'getMessagePhoto',
    summary: 'Download a photo a message carries (JPEG)',
    description:
      'The photo’s bytes as its sender uploaded them (`image/jpeg`), for the participants of the message’s conversation only. ' +
      'Anyone else meets 404 `conversation_not_found`, as for the conversation itself, so nobody learns which conversations or photos exist. ' +
      'The bytes never change: the answer may be kept for good by the caller’s own cache (`private, immutable`), never by a shared one; ' +
      'it varies with `Authorization`.',
    tag: 'Messaging',
    auth: 'officer',
    params: MessagePhotoParams,
    responses: {
      200: {
        description: 'The photo.',
        contentType: 'image/jpeg',
        headers: { 'Cache-Control': '`private, max-age=31536000, immutable`.', Vary: '`Authorization`.' },
      },
      403: noPart,
      404: problemSpec(
        'No such conversation, or one the caller is not in (`conversation_not_found`); or no such message in it, or a photo the message does not carry (`not_found`).',
      ),
    },
    handle: ({ zone, principal, params }) => {
      const photo = zone.messaging.photo(zone.messaging.directory.participantOf(principal).id, params.conversationId, params.messageId, params.photoId);
      return { status: 200, body: photo.bytes, headers: { 'Content-Type': photo.mediaType, 'Cache-Control': PHOTO_CACHE, Vary: 'Authorization' } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/conversations/:conversationId/read',
    operationId: 'markConversationRead',
    summary: 'Mark a conversation read up to a message',
    description:
      'Moves the caller’s read mark forward to `sequence` (a lower one changes nothing and answers the mark as it is). The messages up to ' +
      'it show the caller in `readBy`; every participant’s stream gets `message.read`.',
    tag: 'Messaging',
    auth: 'officer',
    params: ConversationParams,
    body: ReadInput,
    responses: {
      200: { description: 'The caller’s read mark as it is now.', schema: ReadReceipt },
      403: noPart,
      404: notMine,
      422: problemSpec('`sequence` is beyond the conversation’s last message (`read_sequence_unknown`); or the Idempotency-Key was reused (`idempotency_key_reused`).'),
    },
    handle: ({ zone, principal, params, body }) => ok(zone.messaging.markRead(zone.messaging.directory.participantOf(principal).id, params.conversationId, body.sequence)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/messaging/stream',
    operationId: 'streamMessaging',
    summary: 'Follow the signed-in user’s messages, read receipts and briefings live (Server-Sent Events)',
    description: STREAM_DESCRIPTION,
    tag: 'Messaging',
    auth: 'officer',
    requestHeaders: { 'Last-Event-ID': 'The id of the last event received, to resume after it.' },
    responses: {
      200: { description: 'The event stream (`text/event-stream`); it stays open.', contentType: 'text/event-stream' },
      403: noPart,
    },
    handle: ({ zone, principal, request, stream }) => ({
      status: 200,
      body: messagingEventStream({
        ...stream,
        journal: zone.messaging.journal,
        participantId: zone.messaging.directory.participantOf(principal).id,
        lastEventId: request.headers.get('Last-Event-ID'),
      }),
    }),
  }),
];
