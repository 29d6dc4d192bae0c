// Each factory in a module of its own (see incidents-client.ts): the field widgets' CDN files
// carry the checks resource and the offline device, not the booking or the incident stream.
import { ChecksResource } from './resources/checks.js';
import type { ClientOptions } from './client.js';
import { Transport } from './transport/transport.js';

/**
 * A client with the field checks only: what `createChecksClient` returns, and what the field
 * widgets (`<blauw-check-list>`, `<blauw-check-form>`) need.
 *
 * @category Client
 */
export interface ChecksClient {
  /** Check assignments, forms and submissions; {@link FieldDevice.for} keeps them offline. */
  readonly checks: ChecksResource;
}

/**
 * Creates a client for field checks alone; `createClient` gives the same `checks` with every other
 * resource. Use it in an app or bundle that does nothing else, to leave the rest out.
 *
 * @example
 * ```ts
 * const client = createChecksClient({ baseUrl: 'https://api.zone.example/v1/', getToken });
 * const device = await FieldDevice.for(client.checks);
 * ```
 *
 * @category Client
 */
export function createChecksClient(options: ClientOptions): ChecksClient {
  return { checks: new ChecksResource(new Transport(options)) };
}
