import type { Conversation, Message, MessageInput, Officer, Participant, ReadReceipt, Session } from '@blauw/core';
import type { MessagingSeed, OfficerGroup } from '../seed/messaging-seed.js';
import type { Principal } from './auth.js';
import type { CheckPhotoStore } from './check-photos.js';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import { canonicalJson } from './idempotency.js';
import type { MessagingJournal } from './messaging-journal.js';
import { paginate, type PageRequest, type PageResult } from './pagination.js';
import { formatZoned } from './zoned-time.js';

// Secure messaging: conversations, messages kept by their client id for good, read receipts, and
// the events of each participant's live stream. Pure TS: no HTTP, the clock is injected.
//
// Decisions:
// - A participant sees only the conversations they are in; any other is not found (404), so
//   nobody learns which conversations exist.
// - A message's client id is global and kept for the life of the data (beyond the Idempotency-Key's
//   24 h): the same id from the same sender with the same body answers the first message (with
//   its read receipts as they are now); anything else under it is refused (409 client_id_reused).
// - Photos are the check photos' chunked uploads (one store, one upload path): a message names
//   photos its sender uploaded completely; the server copies their size and type into the message.
//   A message's photo goes to the participants of its conversation and nobody else; to anyone
//   else the conversation is not found (404), as for its messages.
// - A read receipt moves a participant's read mark forward only; reading up to an older message
//   changes nothing. A message shows the other participants who read it, with when. Sending
//   counts as reading what came before (who answers has read the question).
// - Memory is bounded: at most MAX_MESSAGES_PER_CONVERSATION messages per conversation.

/** The most messages a conversation holds; then it refuses more (409 `conversation_full`). */
export const MAX_MESSAGES_PER_CONVERSATION = 10_000;

interface StoredConversation {
  id: string;
  kind: 'direct' | 'team' | 'services';
  title: string;
  participantIds: string[];
  messages: Message[];
  /** Participant id → the sequence they read up to, and when they last moved it. */
  reads: Map<string, { upTo: number; at: string }>;
  updatedAt: string;
}

interface StoredClientId {
  senderId: string;
  body: string;
  conversationId: string;
  sequence: number;
}

/** What {@link MessagingDesk.send} did: stored a new message, or recognised a resend. */
export interface SendOutcome {
  replayed: boolean;
  message: Message;
}

/** Who takes part in messaging: officers, supervisors and services, and the zone's teams and shifts. */
export class MessagingDirectory {
  readonly teams: readonly OfficerGroup[];
  readonly shifts: readonly OfficerGroup[];
  readonly #participants = new Map<string, Participant>();
  readonly #supervisorByToken = new Map<string, string>();

  constructor(officers: readonly Officer[], seed: MessagingSeed) {
    this.teams = seed.teams;
    this.shifts = seed.shifts;
    for (const officer of officers) this.#participants.set(officer.id, { id: officer.id, displayName: officer.displayName, kind: 'officer' });
    for (const supervisor of seed.supervisors) {
      this.#participants.set(supervisor.id, { id: supervisor.id, displayName: supervisor.displayName, kind: 'supervisor' });
      this.#supervisorByToken.set(supervisor.token, supervisor.id);
    }
    for (const service of seed.services) this.#participants.set(service.id, { id: service.id, displayName: service.displayName, kind: 'service' });
  }

  /** A participant by id, or undefined. */
  get(id: string): Participant | undefined {
    return this.#participants.get(id);
  }

  /**
   * The participant a signed-in caller is: an officer by their officer id, a supervisor by their token.
   *
   * @throws DomainError `forbidden` (403) for a session that takes no part in messaging.
   */
  participantOf(principal: Principal): Participant {
    const session: Session | undefined = principal.kind === 'session' ? principal.session : undefined;
    const id = session?.officerId ?? (principal.kind === 'session' ? this.#supervisorByToken.get(principal.token) : undefined);
    const participant = id === undefined ? undefined : this.#participants.get(id);
    if (participant === undefined) throw new DomainError('forbidden', 'forbidden', 'This sign-in takes no part in messaging.');
    return participant;
  }

  /** The team an officer is in, or undefined. */
  teamOf(officerId: string): OfficerGroup | undefined {
    return this.teams.find((team) => team.officerIds.includes(officerId));
  }
}

/** Options of {@link MessagingDesk}. */
export interface MessagingDeskOptions {
  clock: Clock;
  timeZone: string;
  directory: MessagingDirectory;
  journal: MessagingJournal;
  /** The uploaded photos a message may name (the check photos' store). */
  photos: CheckPhotoStore;
}

/** Conversations, messages and read receipts (see the decisions at the top). */
export class MessagingDesk {
  readonly #clock: Clock;
  readonly #timeZone: string;
  readonly #directory: MessagingDirectory;
  readonly #journal: MessagingJournal;
  readonly #photos: CheckPhotoStore;
  #conversations = new Map<string, StoredConversation>();
  #byClientId = new Map<string, StoredClientId>();
  #messageCount = 0;

  constructor(options: MessagingDeskOptions) {
    this.#clock = options.clock;
    this.#timeZone = options.timeZone;
    this.#directory = options.directory;
    this.#journal = options.journal;
    this.#photos = options.photos;
  }

  /** Who takes part, and the zone's teams and shifts. */
  get directory(): MessagingDirectory {
    return this.#directory;
  }

  /** The events of every participant's live stream. */
  get journal(): MessagingJournal {
    return this.#journal;
  }

  /** Starts over with the seeded conversations and their messages (not journaled: they are history). */
  replace(seed: MessagingSeed): void {
    this.#conversations = new Map();
    this.#byClientId = new Map();
    this.#messageCount = 0;
    const now = this.#clock.now().getTime();
    for (const conversation of seed.conversations) {
      const stored: StoredConversation = {
        id: conversation.id,
        kind: conversation.kind,
        title: conversation.title,
        participantIds: [...conversation.participantIds],
        messages: [],
        reads: new Map(),
        updatedAt: formatZoned(now - 24 * 60 * 60 * 1000, this.#timeZone),
      };
      this.#conversations.set(stored.id, stored);
      conversation.messages.forEach((seeded, index) => {
        const at = formatZoned(now - seeded.minutesAgo * 60 * 1000, this.#timeZone);
        // Seeded client ids are fixed UUIDs (version 4 shape), derived from the conversation and index.
        const clientId = seedClientId(this.#conversations.size, index);
        for (const photo of seeded.photos ?? []) this.#photos.seed(seeded.senderId, photo.id, photo.bytes);
        const attachments = (seeded.photos ?? []).map((photo) => photo.id);
        this.#store(stored, seeded.senderId, { clientId, text: seeded.text, attachments, priority: seeded.priority ?? false }, at, false);
      });
    }
  }

  /** The participant's conversations, the most recently active first. */
  listConversations(participantId: string, page: PageRequest): PageResult<Conversation> {
    const mine = [...this.#conversations.values()]
      .filter((conversation) => conversation.participantIds.includes(participantId))
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : 1));
    return paginate(
      mine.map((conversation) => this.#view(conversation, participantId)),
      page,
    );
  }

  /**
   * One of the participant's conversations.
   *
   * @throws DomainError `conversation_not_found` (404), also for one they are not in.
   */
  getConversation(participantId: string, conversationId: string): Conversation {
    return this.#view(this.#own(participantId, conversationId), participantId);
  }

  /**
   * A conversation's messages by sequence, oldest first.
   *
   * @throws DomainError `conversation_not_found` (404).
   */
  listMessages(participantId: string, conversationId: string, page: PageRequest): PageResult<Message> {
    return paginate(this.#own(participantId, conversationId).messages, page);
  }

  /**
   * The bytes of a photo a message of the participant's conversation carries.
   *
   * @throws DomainError `conversation_not_found` (404, also for a conversation the participant is
   *   not in), `not_found` (404) for a message not in it or a photo the message does not carry.
   */
  photo(participantId: string, conversationId: string, messageId: string, photoId: string): { bytes: Uint8Array; mediaType: string } {
    const message = this.#own(participantId, conversationId).messages.find((candidate) => candidate.id === messageId);
    const photo = message?.attachments.some((attachment) => attachment.photoId === photoId) ? this.#photos.completeBytes(photoId) : undefined;
    if (photo === undefined) throw new DomainError('not_found', 'not_found', `Message ${messageId} of conversation ${conversationId} carries no photo ${photoId}.`);
    return photo;
  }

  /**
   * Sends a message (see the decisions at the top).
   *
   * @throws DomainError `client_id_reused` (409), `conversation_not_found` (404), `validation_failed`
   *   (400, an empty message), `message_attachment_invalid` (422), `conversation_full` (409).
   */
  send(senderId: string, conversationId: string, input: MessageInput): SendOutcome {
    const normalized = { clientId: input.clientId, text: input.text, attachments: input.attachments ?? [], position: input.position ?? null, priority: input.priority ?? false };
    const body = canonicalJson({ conversationId, ...normalized });
    const known = this.#byClientId.get(input.clientId);
    if (known !== undefined) {
      const message = this.#conversations.get(known.conversationId)?.messages[known.sequence - 1];
      if (known.senderId === senderId && known.body === body && message !== undefined) return { replayed: true, message };
      throw new DomainError('conflict', 'client_id_reused', 'This client id was already used for another message. Send a changed message with a new client id; a resend must be unchanged.', [
        { pointer: '/clientId', detail: 'Already used with a different message.' },
      ]);
    }
    const conversation = this.#own(senderId, conversationId);
    if (normalized.text.trim() === '' && normalized.attachments.length === 0 && normalized.position === null) {
      throw new DomainError('invalid', 'validation_failed', 'A message needs a text, a photo or a position.', [{ pointer: '/text', detail: 'Empty, and nothing else is sent.' }]);
    }
    if (new Set(normalized.attachments).size !== normalized.attachments.length) {
      throw new DomainError('unprocessable', 'message_attachment_invalid', 'A photo is attached twice.', [{ pointer: '/attachments', detail: 'Each photo once.' }]);
    }
    const problems = normalized.attachments.flatMap((photoId, index) => {
      const problem = this.#photos.problemWith(senderId, photoId);
      return problem === undefined ? [] : [{ pointer: `/attachments/${index}`, detail: problem }];
    });
    if (problems.length > 0) throw new DomainError('unprocessable', 'message_attachment_invalid', 'Upload every photo completely before the message that carries it.', problems);
    if (conversation.messages.length >= MAX_MESSAGES_PER_CONVERSATION) {
      throw new DomainError('conflict', 'conversation_full', `This conversation holds ${MAX_MESSAGES_PER_CONVERSATION} messages, as many as it may; start a new one.`);
    }
    const message = this.#store(conversation, senderId, normalized, formatZoned(this.#clock.now(), this.#timeZone), true);
    this.#byClientId.set(input.clientId, { senderId, body, conversationId, sequence: message.sequence });
    return { replayed: false, message };
  }

  /**
   * Marks the conversation read by the participant up to `sequence` (forward only) and tells the
   * other participants' streams when it moved.
   *
   * @throws DomainError `conversation_not_found` (404), `read_sequence_unknown` (422) beyond the last message.
   */
  markRead(participantId: string, conversationId: string, sequence: number): ReadReceipt {
    const conversation = this.#own(participantId, conversationId);
    if (sequence > conversation.messages.length) {
      throw new DomainError('unprocessable', 'read_sequence_unknown', `The conversation has ${conversation.messages.length} messages; read up to one of them.`, [
        { pointer: '/sequence', detail: `At most ${conversation.messages.length}.` },
      ]);
    }
    const previous = conversation.reads.get(participantId);
    if (previous !== undefined && previous.upTo >= sequence) return { conversationId, participantId, readUpTo: previous.upTo, readAt: previous.at };
    return this.#advanceRead(conversation, participantId, sequence, formatZoned(this.#clock.now(), this.#timeZone), true);
  }

  /** Moves a read mark forward to `upTo`, showing the reader on the others' messages it passes. */
  #advanceRead(conversation: StoredConversation, participantId: string, upTo: number, at: string, journal: boolean): ReadReceipt {
    for (const message of conversation.messages.slice(conversation.reads.get(participantId)?.upTo ?? 0, upTo)) {
      if (message.senderId !== participantId && !message.readBy.some((reader) => reader.participantId === participantId)) message.readBy.push({ participantId, readAt: at });
    }
    conversation.reads.set(participantId, { upTo, at });
    const receipt: ReadReceipt = { conversationId: conversation.id, participantId, readUpTo: upTo, readAt: at };
    if (journal) this.#journal.append('message.read', conversation.participantIds, receipt);
    return receipt;
  }

  /** How many messages the desk holds, over every conversation. */
  get messageCount(): number {
    return this.#messageCount;
  }

  #store(conversation: StoredConversation, senderId: string, body: { clientId: string; text: string; attachments?: string[]; position?: Message['position']; priority: boolean }, at: string, journal: boolean): Message {
    const sequence = conversation.messages.length + 1;
    const message: Message = {
      id: `msg-${conversation.id}-${String(sequence).padStart(5, '0')}`,
      clientId: body.clientId,
      conversationId: conversation.id,
      sequence,
      senderId,
      sentAt: at,
      priority: body.priority,
      text: body.text,
      attachments: (body.attachments ?? []).map((photoId) => {
        const photo = this.#photos.get(senderId, photoId);
        return { photoId, size: photo.size, mediaType: photo.mediaType };
      }),
      position: body.position ?? null,
      readBy: [],
    };
    conversation.messages.push(message);
    conversation.updatedAt = at;
    this.#messageCount++;
    if (journal) this.#journal.append('message.created', conversation.participantIds, message);
    // Who answers has read what came before: the sender's mark moves to their message, and the
    // others see it (message.read) when it passed messages of theirs.
    const caughtUp = (conversation.reads.get(senderId)?.upTo ?? 0) >= sequence - 1;
    this.#advanceRead(conversation, senderId, sequence, at, journal && !caughtUp);
    return message;
  }

  #own(participantId: string, conversationId: string): StoredConversation {
    const conversation = this.#conversations.get(conversationId);
    if (conversation === undefined || !conversation.participantIds.includes(participantId)) {
      throw new DomainError('not_found', 'conversation_not_found', `You have no conversation ${conversationId}.`);
    }
    return conversation;
  }

  #view(conversation: StoredConversation, participantId: string): Conversation {
    const participants = conversation.participantIds.map((id) => this.#directory.get(id) ?? { id, displayName: id, kind: 'officer' });
    const other = participants.find((participant) => participant.id !== participantId);
    const readUpTo = conversation.reads.get(participantId)?.upTo ?? 0;
    const unreadCount = conversation.messages.slice(readUpTo).filter((message) => message.senderId !== participantId).length;
    return {
      id: conversation.id,
      kind: conversation.kind,
      title: conversation.kind === 'direct' ? (other?.displayName ?? conversation.title) : conversation.title,
      participants,
      lastSequence: conversation.messages.length,
      unreadCount,
      updatedAt: conversation.updatedAt,
    };
  }
}

/** A fixed UUID (version 4 shape) for the `index`th seeded message of the `conversation`th conversation. */
function seedClientId(conversation: number, index: number): string {
  const tail = (conversation * 1000 + index).toString(16).padStart(12, '0');
  return `5eed0000-0000-4000-8000-${tail}`;
}
