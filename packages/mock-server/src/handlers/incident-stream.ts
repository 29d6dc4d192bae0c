import type { IncidentSimulator } from '../domain/incident-simulator.js';
import type { IncidentFilter, JournalEvent, ResumeRefusal } from '../domain/incidents.js';

// The live stream as Server-Sent Events: a web ReadableStream, so the same handler answers in
// the Node server (the msw middleware pipes it into the response) and in a service worker.

/** How a live stream behaves; every field has a default. */
export interface StreamSettings {
  /** The `retry:` hint sent first: how long a client waits before reconnecting, in ms. Default 2000. */
  retryMs?: number | undefined;
  /** How often a `: heartbeat` comment is sent, in ms. Default 15 000. */
  heartbeatMs?: number | undefined;
  /** How often the stream runs the simulator up to now and sends what is new, in ms. Default 100. */
  pollMs?: number | undefined;
}

/** The defaults of {@link StreamSettings}. */
export const DEFAULT_STREAM_SETTINGS = { retryMs: 2000, heartbeatMs: 15_000, pollMs: 100 } as const;

/**
 * The most events one poll sends; the rest follow on the next, so one write stays bounded (about
 * 400 kB). With the default poll, up to 20,000 events a second.
 */
const MAX_EVENTS_PER_POLL = 2000;
/** Bytes the stream queues for a slow reader before it stops taking events from the journal. */
const HIGH_WATER_BYTES = 256 * 1024;

/** What {@link incidentEventStream} streams from. */
export interface IncidentStreamInit extends StreamSettings {
  simulator: IncidentSimulator;
  filter: IncidentFilter;
  /** The `Last-Event-ID` header, if the client sent one. */
  lastEventId: string | null;
}

/** One SSE frame: `event:`, `id:` and `data:` lines and the blank line that ends it. */
export function sseFrame(event: string, id: string, data: unknown): string {
  // JSON.stringify escapes line breaks inside strings, so the data is always one line.
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

function journalFrame(event: JournalEvent): string {
  return event.type === 'incident'
    ? sseFrame('incident', event.id, { incident: event.incident, entry: event.entry })
    : sseFrame('unit', event.id, { unit: event.unit });
}

/**
 * The body of `GET /v1/incidents/stream`: `retry:` first; then, with a `Last-Event-ID`, every
 * kept event after it that passes the filter (or a `reset` when it cannot resume); then new
 * events as the simulator makes them, and a heartbeat comment now and then. It polls the
 * simulator on a timer while open; cancelling the stream (the client went away) stops the
 * timers. A reader slower than the events stops being fed (backpressure) and catches up from the
 * journal, or gets a `reset` if it fell behind what the journal keeps.
 */
export function incidentEventStream(init: IncidentStreamInit): ReadableStream<Uint8Array> {
  const { simulator, filter } = init;
  const board = simulator.board;
  const settings = {
    retryMs: init.retryMs ?? DEFAULT_STREAM_SETTINGS.retryMs,
    heartbeatMs: init.heartbeatMs ?? DEFAULT_STREAM_SETTINGS.heartbeatMs,
    pollMs: init.pollMs ?? DEFAULT_STREAM_SETTINGS.pollMs,
  };
  const encoder = new TextEncoder();
  let cursor = 0;
  let poller: ReturnType<typeof setInterval> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let countOut: (() => void) | undefined;
  const stop = () => {
    clearInterval(poller);
    clearInterval(heartbeat);
    countOut?.();
  };
  const resetFrame = (refusal: ResumeRefusal) => sseFrame('reset', String(board.journal.lastSeq), refusal);
  const framesAfter = (events: readonly JournalEvent[]) => {
    let text = '';
    for (const event of events) {
      cursor = event.seq;
      if (board.eventMatches(event, filter)) text += journalFrame(event);
    }
    return text;
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        countOut = simulator.streamOpened();
        simulator.sync();
        let text = `retry: ${settings.retryMs}\n\n`;
        cursor = board.journal.lastSeq;
        if (init.lastEventId !== null) {
          const resumed = board.journal.resume(init.lastEventId.trim());
          if (resumed.ok) text += framesAfter(resumed.events);
          else text += resetFrame(resumed.refusal);
        }
        controller.enqueue(encoder.encode(text));
        poller = setInterval(() => {
          try {
            // A reader that has not taken what is queued gets nothing more for now; the journal
            // keeps the events until it catches up.
            if ((controller.desiredSize ?? 1) <= 0) return;
            simulator.sync();
            const events = board.journal.since(cursor, MAX_EVENTS_PER_POLL);
            let out: string;
            if (events === undefined) {
              out = resetFrame({ reason: 'too_old', detail: `This stream fell more than ${board.journal.retention} events behind; fetch the lists again.` });
              cursor = board.journal.lastSeq;
            } else out = framesAfter(events);
            if (out !== '') controller.enqueue(encoder.encode(out));
          } catch (error) {
            // A bug must end the stream visibly (the client reconnects), not leave a timer spinning.
            stop();
            controller.error(error);
          }
        }, settings.pollMs);
        heartbeat = setInterval(() => {
          if ((controller.desiredSize ?? 1) > 0) controller.enqueue(encoder.encode(': heartbeat\n\n'));
        }, settings.heartbeatMs);
      },
      cancel() {
        stop();
      },
    },
    { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
}
