import type { Incident, IncidentEvent, Unit } from '@blauw/core';

// The shape of `client.incidents.stream()` as docs/design/incidents-contract.md fixes it. The SDK's
// own types replace these once packages/core/src/realtime/event-stream.ts lands; until then the feed
// and the fake client code against this copy, which the contract keeps in step.

/** One message of the incidents stream. */
export type LiveIncidentMessage =
  | { type: 'incident'; id: string; incident: Incident; entry: IncidentEvent }
  | { type: 'unit'; id: string; unit: Unit }
  | { type: 'reset'; id: string; reason: string; detail: string };

/** Where the stream's connection stands. */
export type LiveStreamState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'stopped';

/** What `client.incidents.stream()` returns: the messages, and the connection's state with its `statechange` events. */
export interface LiveIncidentStream extends AsyncIterable<LiveIncidentMessage>, EventTarget {
  readonly state: LiveStreamState;
  readonly lastEventId: string | undefined;
  close(): void;
}

/** The options of `client.incidents.stream()`. */
export interface LiveStreamOptions {
  incidentId?: string | undefined;
  priority?: readonly number[] | undefined;
  unit?: string | undefined;
  lastEventId?: string | undefined;
  signal?: AbortSignal | undefined;
  pauseWhenHidden?: boolean | undefined;
}

/** The part of `client.incidents` the stream adds. */
export interface StreamingIncidents {
  stream(options?: LiveStreamOptions): LiveIncidentStream;
}
