import { BookingResource } from './resources/booking.js';
import { BriefingsResource } from './resources/briefings.js';
import { ChecksResource } from './resources/checks.js';
import { IncidentsResource } from './resources/incidents.js';
import { MessagingResource } from './resources/messaging.js';
import { RecordsResource } from './resources/records.js';
import { ZoneResource } from './resources/zone.js';
import { Transport, type TransportOptions } from './transport/transport.js';

/**
 * How a client reaches a zone's API. Only `baseUrl` is required; a citizen-facing page needs
 * nothing else, an officer's app adds `getToken` and `onUnauthorized`.
 *
 * @category Client
 */
export type ClientOptions = TransportOptions;

/**
 * A Blauw API client: one resource object per domain.
 *
 * @category Client
 */
export interface BlauwClient {
  /** Municipalities, offices, officers, topics and office closures. */
  readonly zone: ZoneResource;
  /** Availability, holds, bookings, manage links, home visits, and the officer's agenda. */
  readonly booking: BookingResource;
  /** Incidents, their logs, units, the zone's map and the live stream (officer token). */
  readonly incidents: IncidentsResource;
  /** Field checks: the officer's assignments, the check types' forms, submissions (officer token). */
  readonly checks: ChecksResource;
  /** Records look-ups with a purpose (persons, vehicles, addresses, one-box search) and the audit trail (officer or supervisor token). */
  readonly records: RecordsResource;
  /** Conversations, messages, read receipts and the live messaging stream (officer or supervisor token). */
  readonly messaging: MessagingResource;
  /** Operational briefings: list and acknowledge (officers), publish and follow (supervisors). */
  readonly briefings: BriefingsResource;
}

/**
 * Creates a client for one zone's API. Every call validates the answer, retries what may pass,
 * accepts an `AbortSignal` and throws a typed `BlauwError`.
 *
 * @throws {ConfigurationError} when `baseUrl` is missing or not an http(s) URL.
 *
 * @example
 * ```ts
 * import { createClient, NotFoundError } from '@blauw/core';
 *
 * const client = createClient({
 *   baseUrl: 'https://api.zone.example/v1',
 *   getToken: () => auth.accessToken,
 *   onUnauthorized: () => auth.refresh(),
 *   language: () => document.documentElement.lang,
 * });
 * const { items: offices } = await client.zone.offices({ municipalityId: 'm-gent', signal });
 * ```
 *
 * @category Client
 */
export function createClient(options: ClientOptions): BlauwClient {
  const transport = new Transport(options);
  return {
    zone: new ZoneResource(transport),
    booking: new BookingResource(transport),
    incidents: new IncidentsResource(transport),
    checks: new ChecksResource(transport),
    records: new RecordsResource(transport),
    messaging: new MessagingResource(transport),
    briefings: new BriefingsResource(transport),
  };
}
