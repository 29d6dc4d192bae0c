import type { IncidentStreamEvent, IncidentStreamOptions, StreamState } from '@blauw/core';

// The part of `client.incidents.stream()` the feed reads, as a structural type: the SDK's
// EventStream fits it, and so does the fake client's scripted stream in tests and stories.

/** One message of the incidents stream. */
export type LiveIncidentMessage = IncidentStreamEvent;

/** Where the stream's connection stands. */
export type LiveStreamState = StreamState;

/** The options of `client.incidents.stream()`. */
export type LiveStreamOptions = IncidentStreamOptions;

/** What `client.incidents.stream()` returns, as far as the feed reads it. */
export interface LiveIncidentStream extends AsyncIterable<LiveIncidentMessage>, EventTarget {
  readonly state: LiveStreamState;
  readonly lastEventId: string | undefined;
  close(): void;
}
