import { z } from 'zod/mini';
import { extensibleEnum } from './extensible-enum.js';
import { Id, IsoDateTime, noControlCharacters } from './common.js';

// Secure messaging between officers and services, and the operational briefings of a shift or a
// team. A message carries a client id the server keeps for good, so a resend never duplicates it.

/**
 * The longest message text, in characters.
 *
 * @category Schemas
 */
export const MAX_MESSAGE_TEXT = 4000;
/**
 * The most photos one message may carry.
 *
 * @category Schemas
 */
export const MAX_MESSAGE_ATTACHMENTS = 10;

/**
 * The schema of {@link Participant}.
 *
 * @category Schemas
 */
export const Participant = z.object({
  id: Id,
  displayName: z.string(),
  kind: extensibleEnum(['officer', 'supervisor', 'service']),
});
/**
 * Someone taking part in conversations: an officer, a supervisor, or a service (the fire
 * brigade's dispatch, the town's services).
 *
 * @category Schemas
 */
export interface Participant {
  /** The participant's id: an officer's id for an officer. */
  id: Id;
  /** The name to show. */
  displayName: string;
  /** What they are; a newer server may add kinds, show them as a participant. */
  kind: 'officer' | 'supervisor' | 'service' | (string & {});
}

/**
 * The schema of {@link Conversation}.
 *
 * @category Schemas
 */
export const Conversation = z.object({
  id: Id,
  kind: extensibleEnum(['direct', 'team', 'services']),
  title: z.string(),
  participants: z.array(Participant),
  lastSequence: z.number().check(z.int(), z.gte(0)),
  unreadCount: z.number().check(z.int(), z.gte(0)),
  updatedAt: IsoDateTime,
});
/**
 * A conversation between officers and services, as the signed-in user sees it.
 *
 * @category Schemas
 */
export interface Conversation {
  /** The conversation's id. */
  id: Id;
  /** One-to-one (`direct`), a team's, or between services; a newer server may add kinds. */
  kind: 'direct' | 'team' | 'services' | (string & {});
  /** Its title; for a one-to-one conversation the other participant's name. */
  title: string;
  /** Who takes part, the signed-in user included. */
  participants: Participant[];
  /** The sequence of its newest message; 0 when it has none. */
  lastSequence: number;
  /** How many messages of others the signed-in user has not read. */
  unreadCount: number;
  /** When the last message came (or when it was opened). */
  updatedAt: IsoDateTime;
}

/**
 * The schema of {@link SharedPosition}.
 *
 * @category Schemas
 */
export const SharedPosition = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  accuracy: z.number().check(z.gte(0), z.lte(100_000)),
  at: IsoDateTime,
});
/**
 * A position shared in a message: where the sender was, how precisely, and when.
 *
 * @category Schemas
 */
export interface SharedPosition {
  /** Latitude in degrees (WGS84), -90 to 90. */
  lat: number;
  /** Longitude in degrees (WGS84), -180 to 180. */
  lon: number;
  /** Radius of uncertainty in metres, 0 to 100 000. */
  accuracy: number;
  /** When the position was measured. */
  at: IsoDateTime;
}

/**
 * The schema of {@link MessageAttachment}.
 *
 * @category Schemas
 */
export const MessageAttachment = z.object({
  photoId: z.uuid(),
  size: z.number().check(z.int(), z.gte(1)),
  mediaType: z.string(),
});
/**
 * A photo attached to a message: one uploaded before like a check photo (`PUT /check-photos/{photoId}`).
 *
 * @category Schemas
 */
export interface MessageAttachment {
  /** The UUID the device gave the photo. */
  photoId: string;
  /** Its size in bytes. */
  size: number;
  /** Its media type, `image/jpeg`. */
  mediaType: string;
}

/**
 * The schema of {@link MessageReader}.
 *
 * @category Schemas
 */
export const MessageReader = z.object({ participantId: Id, readAt: IsoDateTime });
/**
 * Who read a message, and when.
 *
 * @category Schemas
 */
export interface MessageReader {
  /** The participant who read it. */
  participantId: Id;
  /** When they marked it read. */
  readAt: IsoDateTime;
}

/**
 * The schema of {@link Message}.
 *
 * @category Schemas
 */
export const Message = z.object({
  id: Id,
  clientId: z.uuid(),
  conversationId: Id,
  sequence: z.number().check(z.int(), z.gte(1)),
  senderId: Id,
  sentAt: IsoDateTime,
  priority: z.boolean(),
  text: z.string(),
  attachments: z.array(MessageAttachment),
  position: z.nullable(SharedPosition),
  readBy: z.array(MessageReader),
});
/**
 * A message; `clientId` is chosen by the sender so a resend never duplicates it, `sequence` orders
 * the messages of a conversation.
 *
 * @category Schemas
 */
export interface Message {
  /** The message's id, chosen by the server. */
  id: Id;
  /** Chosen by the sender, once per message (a UUID), so a resend never duplicates it. */
  clientId: string;
  /** The conversation it is in. */
  conversationId: Id;
  /** Its place in the conversation: 1, 2, 3, … without gaps. */
  sequence: number;
  /** Who sent it. */
  senderId: Id;
  /** When the server took it. */
  sentAt: IsoDateTime;
  /** Whether it asks for immediate attention. */
  priority: boolean;
  /** What it says; may be empty when it carries photos or a position. */
  text: string;
  /** The photos it carries. */
  attachments: MessageAttachment[];
  /** The position it shares, or `null`. */
  position: SharedPosition | null;
  /** Who of the other participants has read it, and when. */
  readBy: MessageReader[];
}

/**
 * The schema of {@link MessageInput}.
 *
 * @category Schemas
 */
export const MessageInput = z.object({
  clientId: z.uuid(),
  text: z.string().check(z.maxLength(MAX_MESSAGE_TEXT), noControlCharacters(true)),
  attachments: z.optional(z.array(z.uuid()).check(z.maxLength(MAX_MESSAGE_ATTACHMENTS))),
  position: z.optional(SharedPosition),
  priority: z.optional(z.boolean()),
});
/**
 * A message as sent. Send it again unchanged until it is acknowledged: the server keeps
 * `clientId` for good and answers a resend with the first message.
 *
 * @category Schemas
 */
export interface MessageInput {
  /** A UUID the client makes once per message and keeps across resends. */
  clientId: string;
  /** At most 4000 characters; line breaks and tabs are the only control characters allowed. Empty only with photos or a position. */
  text: string;
  /** Ids of photos uploaded completely before (`PUT /check-photos/{photoId}`), at most 10. */
  attachments?: string[] | undefined;
  /** A position to share. */
  position?: SharedPosition | undefined;
  /** Asks for immediate attention. Default `false`. */
  priority?: boolean | undefined;
}

/**
 * The schema of {@link ReadInput}.
 *
 * @category Schemas
 */
export const ReadInput = z.object({ sequence: z.number().check(z.int(), z.gte(1)) });
/**
 * Marks a conversation read up to a message.
 *
 * @category Schemas
 */
export interface ReadInput {
  /** The sequence of the last message read; every message up to it counts as read. */
  sequence: number;
}

/**
 * The schema of {@link ReadReceipt}.
 *
 * @category Schemas
 */
export const ReadReceipt = z.object({
  conversationId: Id,
  participantId: Id,
  readUpTo: z.number().check(z.int(), z.gte(0)),
  readAt: IsoDateTime,
});
/**
 * How far a participant has read a conversation: the answer to a read, and the data of a live
 * `message.read` event.
 *
 * @category Schemas
 */
export interface ReadReceipt {
  /** The conversation. */
  conversationId: Id;
  /** Who read. */
  participantId: Id;
  /** The sequence up to which they have read (it never goes back). */
  readUpTo: number;
  /** When they last moved it forward. */
  readAt: IsoDateTime;
}

/**
 * The schema of {@link BriefingAudience}.
 *
 * @category Schemas
 */
export const BriefingAudience = z.union([z.object({ kind: z.literal('team'), teamId: Id }), z.object({ kind: z.literal('shift'), shiftId: Id })]);
/**
 * Whom a briefing is for: the officers of a team, or of a shift.
 *
 * @category Schemas
 */
export type BriefingAudience = { kind: 'team'; teamId: Id } | { kind: 'shift'; shiftId: Id };

/**
 * The schema of {@link BriefingAttachment}.
 *
 * @category Schemas
 */
export const BriefingAttachment = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(200), noControlCharacters()),
  url: z.string().check(z.maxLength(2000), z.regex(/^https:\/\/[^\s]+$/, 'Expected an https URL.')),
});
/**
 * A document a briefing points at (a plan, a photo of a wanted vehicle on the zone's intranet).
 *
 * @category Schemas
 */
export interface BriefingAttachment {
  /** What it is, 1–200 characters on one line. */
  title: string;
  /** Where it is: an `https` URL. */
  url: string;
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
  priority: z.boolean(),
  audience: BriefingAudience,
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
  publishedAt: IsoDateTime,
  publishedBy: Participant,
  attachments: z.array(BriefingAttachment),
  acknowledgedAt: z.nullable(IsoDateTime),
});
/**
 * An operational briefing of a shift or a team, that its officers must acknowledge.
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
  /** Whether it is urgent. */
  priority: boolean;
  /** Whom it is for. */
  audience: BriefingAudience;
  /** From when it applies. */
  validFrom: IsoDateTime;
  /** Until when it applies (exclusive). */
  validUntil: IsoDateTime;
  /** When it was published. */
  publishedAt: IsoDateTime;
  /** The supervisor who published it. */
  publishedBy: Participant;
  /** Documents it points at. */
  attachments: BriefingAttachment[];
  /** When the signed-in officer acknowledged it; `null` until they do (and for a supervisor). */
  acknowledgedAt: IsoDateTime | null;
}

/**
 * The schema of {@link BriefingInput}.
 *
 * @category Schemas
 */
export const BriefingInput = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(200), noControlCharacters()),
  text: z.string().check(z.minLength(1), z.maxLength(8000), noControlCharacters(true)),
  priority: z.optional(z.boolean()),
  audience: BriefingAudience,
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
  attachments: z.optional(z.array(BriefingAttachment).check(z.maxLength(10))),
});
/**
 * A briefing as a supervisor publishes it.
 *
 * @category Schemas
 */
export interface BriefingInput {
  /** 1–200 characters on one line. */
  title: string;
  /** 1–8000 characters; line breaks and tabs allowed. */
  text: string;
  /** Whether it is urgent. Default `false`. */
  priority?: boolean | undefined;
  /** The team or shift it is for. */
  audience: BriefingAudience;
  /** From when it applies. */
  validFrom: IsoDateTime;
  /** Until when it applies: after `validFrom` and after now, at most 31 days after `validFrom`. */
  validUntil: IsoDateTime;
  /** At most 10 documents. */
  attachments?: BriefingAttachment[] | undefined;
}

/**
 * The schema of {@link BriefingAcknowledgement}.
 *
 * @category Schemas
 */
export const BriefingAcknowledgement = z.object({ briefingId: Id, officerId: Id, acknowledgedAt: IsoDateTime });
/**
 * An officer's acknowledgement of a briefing: the answer to acknowledging, and the data of a live
 * `briefing.acknowledged` event.
 *
 * @category Schemas
 */
export interface BriefingAcknowledgement {
  /** The briefing. */
  briefingId: Id;
  /** The officer who acknowledged it. */
  officerId: Id;
  /** When they first did. */
  acknowledgedAt: IsoDateTime;
}

/**
 * The schema of {@link BriefingTeamStatus}.
 *
 * @category Schemas
 */
export const BriefingTeamStatus = z.object({
  teamId: Id,
  name: z.string(),
  acknowledged: z.array(z.object({ officerId: Id, displayName: z.string(), acknowledgedAt: IsoDateTime })),
  pending: z.array(z.object({ officerId: Id, displayName: z.string() })),
});
/**
 * Who of one team acknowledged a briefing, and who has not yet.
 *
 * @category Schemas
 */
export interface BriefingTeamStatus {
  /** The team. */
  teamId: Id;
  /** Its name. */
  name: string;
  /** The officers who acknowledged it, earliest first. */
  acknowledged: { officerId: Id; displayName: string; acknowledgedAt: IsoDateTime }[];
  /** The officers who have not, by name. */
  pending: { officerId: Id; displayName: string }[];
}

/**
 * The schema of {@link BriefingStatus}.
 *
 * @category Schemas
 */
export const BriefingStatus = z.object({ briefingId: Id, teams: z.array(BriefingTeamStatus) });
/**
 * Who acknowledged a briefing, per team of the officers it is for: what its publisher follows.
 *
 * @category Schemas
 */
export interface BriefingStatus {
  /** The briefing. */
  briefingId: Id;
  /** One entry per team with officers concerned, by team name. */
  teams: BriefingTeamStatus[];
}
