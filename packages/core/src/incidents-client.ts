// Each factory in a module of its own: the CDN files are built together, and a module shared by
// several widgets brings everything any of them uses; the booking calendar must not carry the
// incident stream because the timeline's factory sits next to its own.
import { IncidentsResource } from './resources/incidents.js';
import type { ClientOptions } from './client.js';
import { Transport } from './transport/transport.js';

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
 * for await (const event of incidents.stream({ priority: [1] })) if (event.type === 'incident') alarm(event.incident);
 * ```
 *
 * @category Client
 */
export function createIncidentsClient(options: ClientOptions): IncidentsClient {
  return { incidents: new IncidentsResource(new Transport(options)) };
}
