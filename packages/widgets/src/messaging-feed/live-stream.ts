import type { MessagingStreamEvent, StreamState } from '@blauw/core';

// The part of `client.messaging.stream()` the feed reads, as a structural type: the SDK's
// EventStream fits it, and so does the fake client's scripted stream in tests and stories.

/** What `client.messaging.stream()` returns, as far as the feed reads it. */
export interface LiveMessagingStream extends AsyncIterable<MessagingStreamEvent>, EventTarget {
  readonly state: StreamState;
  readonly lastEventId: string | undefined;
  close(): void;
}
