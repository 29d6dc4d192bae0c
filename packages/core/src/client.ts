import { BookingResource, CitizenBookingResource } from './resources/booking.js';
import { IncidentsResource } from './resources/incidents.js';
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
}

/**
 * A client with the citizen's side of booking alone, as {@link createBookingClient} builds it.
 *
 * @category Client
 */
export interface BookingClient {
  /** Availability, holds, bookings, manage links and home-visit requests. */
  readonly booking: CitizenBookingResource;
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
  return { zone: new ZoneResource(transport), booking: new BookingResource(transport), incidents: new IncidentsResource(transport) };
}

/**
 * Creates a client with only the citizen's side of `booking`, for a page that only books (the booking widget, a
 * municipality's own form). A bundler then leaves out the other domains' resources and schemas,
 * which {@link createClient} would bring along.
 *
 * @throws {ConfigurationError} when `baseUrl` is missing or not an http(s) URL.
 *
 * @example
 * ```ts
 * import { createBookingClient } from '@blauw/core';
 *
 * const { booking } = createBookingClient({ baseUrl: 'https://api.zone.example/v1', language: 'nl' });
 * const { items: topics } = await booking.topics({ signal });
 * ```
 *
 * @category Client
 */
export function createBookingClient(options: ClientOptions): BookingClient {
  return { booking: new CitizenBookingResource(new Transport(options)) };
}

/**
 * A client with `incidents` alone, as {@link createIncidentsClient} builds it.
 *
 * @category Client
 */
export interface IncidentsClient {
  /** Incidents, their logs, units, the zone's map and the live stream (officer token). */
  readonly incidents: IncidentsResource;
}

/**
 * Creates a client with only `incidents`, for a page or widget that follows incidents (the incident
 * timeline and map), so a bundler leaves out the booking and directory resources.
 *
 * @throws {ConfigurationError} when `baseUrl` is missing or not an http(s) URL.
 *
 * @example
 * ```ts
 * import { createIncidentsClient } from '@blauw/core';
 *
 * const { incidents } = createIncidentsClient({ baseUrl: 'https://api.zone.example/v1', getToken: () => auth.accessToken });
 * for await (const event of incidents.stream({ priority: [1] })) console.log(event.type);
 * ```
 *
 * @category Client
 */
export function createIncidentsClient(options: ClientOptions): IncidentsClient {
  return { incidents: new IncidentsResource(new Transport(options)) };
}
