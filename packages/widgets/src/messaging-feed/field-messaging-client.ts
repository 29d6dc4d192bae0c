import { createChecksClient, createMessagingClient, type ChecksClient, type ClientOptions, type MessagingClient } from '@blauw/core';
import { sharedClient } from '../shared/client-context.js';

/**
 * The client of a messaging widget in the field: messaging and briefings, and the field checks'
 * `checks`, whose outbox the widget's writes go through (the officer's device).
 *
 * @category Messaging feed
 */
export type FieldMessagingClient = MessagingClient & { checks: ChecksClient['checks'] };

/**
 * Builds the client of a messaging widget from an `api` attribute or a provider: messaging and
 * briefings, with the page's shared checks client (so its writes go through the same device as
 * the check widgets'). One function for every messaging widget: the page's clients are shared per
 * factory ({@link sharedClient}), and the messaging feed per client, so widgets built with this
 * one share one client, one feed and one stream.
 *
 * @category Messaging feed
 */
export function fieldMessagingClient(options: ClientOptions): FieldMessagingClient {
  return { ...createMessagingClient(options), checks: sharedClient(createChecksClient, options).checks };
}
