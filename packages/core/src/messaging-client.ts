// Each factory in a module of its own (see incidents-client.ts): a messaging app or widget bundle
// carries messaging and briefings, not the booking or the incident resources.
import { BriefingsResource } from './resources/briefings.js';
import { MessagingResource } from './resources/messaging.js';
import type { ClientOptions } from './client.js';
import { Transport } from './transport/transport.js';

/**
 * A client with messaging and briefings alone, as {@link createMessagingClient} builds it.
 *
 * @category Client
 */
export interface MessagingClient {
  /** Conversations, messages, read receipts and the live stream (officer or supervisor token). */
  readonly messaging: MessagingResource;
  /** Operational briefings: list and acknowledge (officers), publish and follow (supervisors). */
  readonly briefings: BriefingsResource;
}

/**
 * Creates a client with only `messaging` and `briefings`, for an app or widget that chats and
 * shows briefings, so a bundler leaves the other resources out. Both share one transport.
 *
 * @throws {ConfigurationError} when `baseUrl` is missing or not an http(s) URL.
 *
 * @example
 * ```ts
 * import { createMessagingClient } from '@blauw/core';
 *
 * const { messaging, briefings } = createMessagingClient({ baseUrl: 'https://api.zone.example/v1', getToken: () => auth.accessToken });
 * for await (const event of messaging.stream()) if (event.type === 'message.created') thread.add(event.message);
 * ```
 *
 * @category Client
 */
export function createMessagingClient(options: ClientOptions): MessagingClient {
  const transport = new Transport(options);
  return { messaging: new MessagingResource(transport), briefings: new BriefingsResource(transport) };
}
