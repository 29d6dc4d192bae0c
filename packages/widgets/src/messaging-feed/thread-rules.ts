import type { Message, ReadReceipt } from '@blauw/core';

/**
 * A thread after `arrived` (in any order: a page, the stream, a replay after a reconnect): ordered
 * by `sequence`, each message once (by id, and by sequence, which the server never gives twice in a
 * conversation). Returns the thread (the same array when nothing was new) and what was new.
 *
 * @category Messaging feed
 */
export function mergeMessages(held: readonly Message[], arrived: readonly Message[]): { messages: readonly Message[]; added: Message[] } {
  const ids = new Set(held.map((message) => message.id));
  const sequences = new Set(held.map((message) => message.sequence));
  const added: Message[] = [];
  for (const message of arrived) {
    if (ids.has(message.id) || sequences.has(message.sequence)) continue;
    ids.add(message.id);
    sequences.add(message.sequence);
    added.push(message);
  }
  if (added.length === 0) return { messages: held, added };
  const last = held.at(-1)?.sequence ?? 0;
  // The common case, a live message after the last one, needs no sort.
  const inOrder = added.every((message, index) => message.sequence > (index === 0 ? last : added[index - 1]!.sequence));
  const messages = inOrder ? [...held, ...added] : [...held, ...added].sort((a, b) => a.sequence - b.sequence);
  return { messages, added: [...added].sort((a, b) => a.sequence - b.sequence) };
}

/**
 * How far each participant has read a conversation (participant id → sequence), from the readers
 * the messages carry and the receipts the stream brought: a mark only moves forward.
 *
 * @category Messaging feed
 */
export function readMarks(messages: readonly Message[], receipts: readonly Pick<ReadReceipt, 'participantId' | 'readUpTo'>[] = []): Map<string, number> {
  const marks = new Map<string, number>();
  const raise = (participantId: string, sequence: number) => marks.set(participantId, Math.max(marks.get(participantId) ?? 0, sequence));
  for (const message of messages) {
    raise(message.senderId, message.sequence);
    for (const reader of message.readBy) raise(reader.participantId, message.sequence);
  }
  for (const receipt of receipts) raise(receipt.participantId, receipt.readUpTo);
  return marks;
}

/**
 * Who has read `message`, besides its sender, by the marks of {@link readMarks}.
 *
 * @category Messaging feed
 */
export function readersOf(message: Pick<Message, 'senderId' | 'sequence'>, marks: ReadonlyMap<string, number>): string[] {
  return [...marks].filter(([participantId, upTo]) => participantId !== message.senderId && upTo >= message.sequence).map(([participantId]) => participantId);
}
