import type { Page } from '../schemas/common.js';
import { paginate } from '../transport/paginate.js';
import type { PageOptions } from './zone.js';

/**
 * The options of a list method's `.all()`: those of one page, without `cursor` (the walk starts at
 * the first page and follows `nextCursor` itself). `limit` sets the size of each page fetched.
 *
 * @category Resources
 */
export type ListAllOptions<Options extends PageOptions> = Omit<Options, 'cursor'> & { cursor?: never };

/**
 * A list method of a resource: call it for one page, or walk every item with `.all()`.
 *
 * It is a property holding a function, not a method, so it needs no `this`: pass
 * `client.zone.offices` around, or destructure it, and it still works. The options may be left
out when none of them is required.
 *
 * @typeParam Options - What a page request takes: filters, `cursor`, `limit` and the call options.
 * @typeParam Item - What the list holds.
 *
 * @example
 * ```ts
 * // One page: its items and the cursor of the next one.
 * const { items, nextCursor } = await client.zone.offices({ municipalityId, limit: 20, signal });
 * // Every item, page after page; a page is fetched only once the previous one is consumed.
 * for await (const office of client.zone.offices.all({ municipalityId, signal })) {
 *   if (office.name.includes('Centrum')) break; // no further page is fetched
 * }
 * ```
 *
 * @category Resources
 */
export interface ListMethod<Options extends PageOptions, Item> {
  /**
   * Gets one page: from the first, or from `cursor` (the `nextCursor` of the previous page).
   *
   * @param options - Filters, `cursor`, `limit` and the call options; may be left out when none is required.
   */
  (...options: object extends Options ? [options?: Options] : [options: Options]): Promise<Page<Item>>;
  /**
   * Walks every item, following `nextCursor` from the first page, and fetches the next page only
   * once the caller has consumed the current one. The same filters, `limit`, `headers`, `timeout`
   * and `retry` go with every page request. Stop early with `break`; `signal` aborts the walk,
   * which then rejects with {@link AbortedError}.
   *
   * @param options - Filters, `limit` (the size of each page) and the call options, without
   *   `cursor`; may be left out when none is required.
   */
  all(...options: object extends Options ? [options?: ListAllOptions<Options>] : [options: ListAllOptions<Options>]): AsyncIterableIterator<Item>;
}

/** Makes a {@link ListMethod} out of the request for one page. */
export function listMethod<Options extends PageOptions, Item>(fetchPage: (options: Options) => Promise<Page<Item>>): ListMethod<Options, Item> {
  const list = (options = {} as Options) => fetchPage(options);
  // `cursor` last: the walk's own, whatever a JavaScript caller passed.
  list.all = (options = {} as ListAllOptions<Options>) => paginate((cursor) => fetchPage({ ...options, cursor } as Options), options.signal);
  return list as ListMethod<Options, Item>;
}
