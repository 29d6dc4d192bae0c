// Each factory in a module of its own (see incidents-client.ts): a records look-up widget's CDN
// file carries the records resource and its schemas, nothing else.
import { RecordsResource } from './resources/records.js';
import type { ClientOptions } from './client.js';
import { Transport } from './transport/transport.js';

/**
 * A client with the records look-ups only: what `createRecordsClient` returns.
 *
 * @category Client
 */
export interface RecordsClient {
  /** Persons, vehicles, addresses, the one-box search and the audit trail. */
  readonly records: RecordsResource;
}

/**
 * Creates a client for records look-ups alone; `createClient` gives the same `records` with every
 * other resource. Use it in an app or bundle that does nothing else, to leave the rest out.
 *
 * @example
 * ```ts
 * const client = createRecordsClient({ baseUrl: 'https://api.zone.example/v1/', getToken });
 * const found = await client.records.search({ query: '1-ABC-234', purpose: { code: 'traffic_control' } });
 * ```
 *
 * @category Client
 */
export function createRecordsClient(options: ClientOptions): RecordsClient {
  return { records: new RecordsResource(new Transport(options)) };
}
