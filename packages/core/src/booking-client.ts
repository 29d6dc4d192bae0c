// Each factory in a module of its own: the CDN files are built together, and a module shared by
// several widgets brings everything any of them uses; the booking calendar must not carry the
// incident stream because the timeline's factory sits next to its own.
import { CitizenBookingResource } from './resources/booking.js';
import type { ClientOptions } from './client.js';
import { Transport } from './transport/transport.js';

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
