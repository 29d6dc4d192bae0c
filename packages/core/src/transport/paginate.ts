import { AbortedError } from '../errors.js';
import type { Page } from '../schemas/common.js';

/**
 * Fetches one page given the cursor of the previous one (`undefined` for the first).
 *
 * @category Resources
 */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * Walks a cursor-paginated collection item by item, fetching the next page only when the caller
 * has consumed the current one. Stop early with `break`; no further page is fetched. With
 * `signal`, an abort also ends the walk between two items of a page, with {@link AbortedError}.
 *
 * The list methods of the resources have this built in as `.all()`, e.g.
 * `client.zone.offices.all({ signal })`; use `paginate` for a page fetcher of your own.
 *
 * @example
 * ```ts
 * for await (const office of paginate((cursor) => client.zone.offices({ cursor, signal }), signal)) {
 *   render(office);
 * }
 * ```
 *
 * @category Resources
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    for (const item of page.items) {
      // The caller may abort while handling an item; the rest of a page already fetched is not theirs any more.
      if (signal?.aborted) throw new AbortedError('Walking the list was cancelled by the caller.', { cause: signal.reason });
      yield item;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
