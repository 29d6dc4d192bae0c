import type { MessagingEvent, MessagingJournal } from '../domain/messaging-journal.js';
import { DEFAULT_STREAM_SETTINGS, sseFrame, type StreamSettings } from './incident-stream.js';

// A signed-in user's messaging stream as Server-Sent Events: the same mechanism as the incident
// stream (retry first, ids, Last-Event-ID replay or a reset, heartbeats, backpressure), read from
// the messaging journal and filtered to the events the user is a recipient of.

/** Events one poll reads from the journal at most. */
const MAX_EVENTS_PER_POLL = 2000;
/** Bytes queued for a slow reader before the stream stops taking events from the journal. */
const HIGH_WATER_BYTES = 256 * 1024;

/** What {@link messagingEventStream} streams from. */
export interface MessagingStreamInit extends StreamSettings {
  journal: MessagingJournal;
  /** The participant whose events are sent. */
  participantId: string;
  /** The `Last-Event-ID` header, if the client sent one. */
  lastEventId: string | null;
}

/**
 * The body of `GET /v1/messaging/stream`: `retry:` first; with a `Last-Event-ID`, every kept event
 * for the user after it (or a `reset`); then new events as they are journaled, and a heartbeat
 * comment now and then. Cancelling the stream stops its timers.
 */
export function messagingEventStream(init: MessagingStreamInit): ReadableStream<Uint8Array> {
  const { journal, participantId } = init;
  const retryMs = init.retryMs ?? DEFAULT_STREAM_SETTINGS.retryMs;
  const heartbeatMs = init.heartbeatMs ?? DEFAULT_STREAM_SETTINGS.heartbeatMs;
  const pollMs = init.pollMs ?? DEFAULT_STREAM_SETTINGS.pollMs;
  const encoder = new TextEncoder();
  let cursor = journal.lastSeq;
  let poller: ReturnType<typeof setInterval> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let countOut: (() => void) | undefined;
  const stop = () => {
    clearInterval(poller);
    clearInterval(heartbeat);
    countOut?.();
  };
  const framesOf = (events: readonly MessagingEvent[]) => {
    let text = '';
    for (const event of events) {
      cursor = event.seq;
      if (event.recipients.has(participantId)) text += sseFrame(event.type, event.id, event.data);
    }
    return text;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        countOut = journal.streamOpened();
        let text = `retry: ${retryMs}\n\n`;
        if (init.lastEventId !== null) {
          const resumed = journal.resume(init.lastEventId.trim());
          if (resumed.ok) text += framesOf(resumed.events);
          else text += sseFrame('reset', String(journal.lastSeq), resumed.refusal);
        }
        controller.enqueue(encoder.encode(text));
        poller = setInterval(() => {
          try {
            if ((controller.desiredSize ?? 1) <= 0) return;
            const events = journal.since(cursor, MAX_EVENTS_PER_POLL);
            let out: string;
            if (events === undefined) {
              out = sseFrame('reset', String(journal.lastSeq), { reason: 'too_old', detail: 'This stream fell too far behind; fetch the conversations again.' });
              cursor = journal.lastSeq;
            } else out = framesOf(events);
            if (out !== '') controller.enqueue(encoder.encode(out));
          } catch (error) {
            // A bug must end the stream visibly (the client reconnects), not leave a timer spinning.
            stop();
            controller.error(error);
          }
        }, pollMs);
        heartbeat = setInterval(() => {
          if ((controller.desiredSize ?? 1) > 0) controller.enqueue(encoder.encode(': heartbeat\n\n'));
        }, heartbeatMs);
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
}
