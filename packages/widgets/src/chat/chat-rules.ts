import type { MessageInput, OutboxItem, SharedPosition, UploadProgressDetail } from '@blauw/core';

/** What the officer sees of a message of theirs not confirmed by the stream yet. */
export type PendingState = 'sending' | 'waiting' | 'sent' | 'failed';

/** A message of this device on its way: shown at once, then replaced by the server's copy. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  text: string;
  priority: boolean;
  position: SharedPosition | undefined;
  /** How many photos go with it. */
  photos: number;
  /** The ids of its photos, uploaded before it. */
  photoIds: string[];
  /** When it was written (ms since the epoch). */
  at: number;
  state: PendingState;
  /** The server's problem code of a refusal. */
  code?: string | undefined;
}

/** The outbox kind of a chat message, and its `ref` the conversation id. */
export const MESSAGE_KIND = 'message';

/** The outbox kind of a photo upload (the field device uploads it before the message that names it). */
export const PHOTO_KIND = 'check-photo';

/** Most characters of a message's text, as the server takes it. */
export const MAX_TEXT = 4000;

/**
 * A queued outbox item as the chat shows it: a write waiting in the outbox is "sending" while the
 * browser is online and "waiting for network" while it is not; a refused one is "failed".
 */
export function pendingFromItem(item: Pick<OutboxItem, 'clientId' | 'ref' | 'request' | 'state' | 'queuedAt' | 'lastFailure'>, online: boolean): PendingMessage {
  const body = item.request.body as MessageInput;
  const state: PendingState = item.state === 'sent' ? 'sent' : item.state === 'needs_attention' ? 'failed' : item.state === 'sending' || online ? 'sending' : 'waiting';
  return {
    clientId: item.clientId,
    conversationId: item.ref ?? '',
    text: body.text,
    priority: body.priority === true,
    position: body.position,
    photos: body.attachments?.length ?? 0,
    photoIds: [...(body.attachments ?? [])],
    at: item.queuedAt,
    state,
    code: item.lastFailure?.code,
  };
}

/** How far a photo's upload went, by the field device's `upload-progress`. */
export type PhotoUpload = Pick<UploadProgressDetail, 'sent' | 'total'>;

/**
 * A message on its way with its photo's upload: while a photo of it uploads it is "sending" (the
 * bytes are going, whatever `navigator.onLine` says) with the upload's progress; once it is sent
 * or refused, no progress.
 */
export function withUpload(pending: PendingMessage, uploads: ReadonlyMap<string, PhotoUpload>): { state: PendingState; upload: PhotoUpload | undefined } {
  if (pending.state === 'sent' || pending.state === 'failed') return { state: pending.state, upload: undefined };
  const upload = pending.photoIds.map((photoId) => uploads.get(photoId)).find((found) => found !== undefined);
  return { state: upload ? 'sending' : pending.state, upload };
}

/** An upload's progress in whole percent, never 100 before the last byte. */
export function percentOf({ sent, total }: PhotoUpload): number {
  return Math.floor((100 * sent) / Math.max(1, total));
}

/** The Waze link that navigates to a shared position. */
export function wazeUrl(position: Pick<SharedPosition, 'lat' | 'lon'>): string {
  return `https://waze.com/ul?ll=${position.lat.toFixed(6)},${position.lon.toFixed(6)}&navigate=yes`;
}

/** A message's text as it is sent: trimmed ends, `\r\n` as `\n`; `undefined` when nothing is left. */
export function textToSend(raw: string): string | undefined {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  return text === '' ? undefined : text;
}
