import { z } from 'zod/mini';
import { GeoPoint, Id, IsoDateTime } from './common.js';

// First cut: the messaging issue refines these with the live stream and receipts.

/**
 * The schema of {@link Conversation}.
 *
 * @category Schemas
 */
export const Conversation = z.object({
  id: Id,
  title: z.string(),
  participantIds: z.array(Id),
  updatedAt: IsoDateTime,
});
/**
 * A conversation between officers and services.
 *
 * @category Schemas
 */
export interface Conversation {
  /** The conversation's id. */
  id: Id;
  /** Its title. */
  title: string;
  /** Who takes part. */
  participantIds: Id[];
  /** When the last message came. */
  updatedAt: IsoDateTime;
}

/**
 * The schema of {@link Message}.
 *
 * @category Schemas
 */
export const Message = z.object({
  id: Id,
  clientId: Id,
  conversationId: Id,
  senderId: Id,
  sentAt: IsoDateTime,
  priority: z.boolean(),
  body: z.union([
    z.object({ kind: z.literal('text'), text: z.string().check(z.maxLength(4000)) }),
    z.object({ kind: z.literal('photo'), url: z.string(), caption: z.optional(z.string()) }),
    z.object({ kind: z.literal('position'), position: GeoPoint }),
  ]),
  readBy: z.array(Id),
});
/**
 * A message; `clientId` is chosen by the sender so a resend never duplicates it.
 *
 * @category Schemas
 */
export interface Message {
  /** The message's id, chosen by the server. */
  id: Id;
  /** Chosen by the sender, once per message, so a resend never duplicates it. */
  clientId: Id;
  /** The conversation it is in. */
  conversationId: Id;
  /** Who sent it. */
  senderId: Id;
  /** When it was sent. */
  sentAt: IsoDateTime;
  /** Whether it asks for immediate attention. */
  priority: boolean;
  /** What it says: a text, a photo or a position. Closed: TypeScript narrows `body` on `kind`. */
  body:
    | { kind: 'text'; text: string }
    | { kind: 'photo'; url: string; caption?: string | undefined }
    | { kind: 'position'; position: GeoPoint };
  /** Who has read it. */
  readBy: Id[];
}

/**
 * The schema of {@link Briefing}.
 *
 * @category Schemas
 */
export const Briefing = z.object({
  id: Id,
  title: z.string(),
  text: z.string(),
  publishedAt: IsoDateTime,
  acknowledgedAt: z.nullable(IsoDateTime),
});
/**
 * An operational briefing that officers must acknowledge.
 *
 * @category Schemas
 */
export interface Briefing {
  /** The briefing's id. */
  id: Id;
  /** Its title. */
  title: string;
  /** Its text. */
  text: string;
  /** When it was published. */
  publishedAt: IsoDateTime;
  /** When the officer acknowledged it; `null` until they do. */
  acknowledgedAt: IsoDateTime | null;
}
