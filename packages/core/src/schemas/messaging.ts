import { z } from 'zod/mini';
import { GeoPoint, Id, IsoDateTime } from './common.js';

// First cut: the messaging issue refines these with the live stream and receipts.

/**
 * A conversation between officers and services.
 *
 * @category Schemas
 */
export const Conversation = z.object({
  id: Id,
  title: z.string(),
  participantIds: z.array(Id),
  updatedAt: IsoDateTime,
});
export type Conversation = z.infer<typeof Conversation>;

/**
 * A message; `clientId` is chosen by the sender so a resend never duplicates it.
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
export type Message = z.infer<typeof Message>;

/**
 * An operational briefing that officers must acknowledge.
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
export type Briefing = z.infer<typeof Briefing>;
