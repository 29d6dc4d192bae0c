import type { Page } from '../schemas/common.js';

/**
 * Fetches one page given the cursor of the previous one (`undefined` for the first).
 *
 * @category Resources
 */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * Walks a cursor-paginated collection item by item, fetching the next page only when the caller
 * has consumed the current one. Stop early with `break`; no further page is fetched.
 *
 * @example
 * ```ts
 * for await (const office of paginate((cursor) => client.zone.offices({ cursor, signal }))) {
 *   render(office);
 * }
 * ```
 *
 * @category Resources
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
