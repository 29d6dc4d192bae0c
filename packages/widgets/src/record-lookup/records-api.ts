// What the look-up widget needs of a client: the four look-ups of `client.records`. A client from
// `createClient` or `createRecordsClient` fits it; so does a test's or a story's stand-in, which
// the resource class itself (with its transport) would not let in.
import type { RecordsResource } from '@blauw/core';

/**
 * The records look-ups `<blauw-record-lookup>` calls: each states a purpose, is audited by the
 * server, and answers with typed records or throws a `BlauwError`.
 *
 * @category Widgets
 */
export type RecordsLookups = Pick<RecordsResource, 'persons' | 'vehicles' | 'addresses' | 'search'>;

/**
 * A client with the records look-ups: what `<blauw-record-lookup>`'s `client` property takes
 * (`createClient` or `createRecordsClient` from `@blauw/core`).
 *
 * @category Widgets
 */
export interface RecordsApi {
  readonly records: RecordsLookups;
}
