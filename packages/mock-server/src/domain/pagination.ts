import { DomainError } from './domain-error.js';

/** Page size when the caller gives none. */
export const DEFAULT_PAGE_LIMIT = 50;
/** The largest page a caller may ask for. */
export const MAX_PAGE_LIMIT = 200;

/** What a list query asks for. */
export interface PageRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** A page of items; `nextCursor` is null on the last page. */
export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

// Cursors are opaque to clients: a versioned, base64url-encoded offset. Clients must not build
// them, so we are free to switch to keyset cursors later.
const CURSOR_PREFIX = 'c1:';

/** Encodes an offset as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return btoa(`${CURSOR_PREFIX}${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a cursor made by {@link encodeCursor}; undefined when it is not one. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // atob throws on malformed base64; that simply means "not one of our cursors".
    return undefined;
  }
  const match = /^c1:(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Cuts one page out of a list already in its stable order.
 *
 * @throws DomainError `invalid_cursor` when the cursor is not one we issued.
 */
export function paginate<T>(items: readonly T[], request: PageRequest = {}): PageResult<T> {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_PAGE_LIMIT), 1), MAX_PAGE_LIMIT);
  let offset = 0;
  if (request.cursor !== undefined) {
    const decoded = decodeCursor(request.cursor);
    if (decoded === undefined) {
      throw new DomainError('invalid', 'invalid_cursor', 'The cursor is not valid; start again without one.', [
        { pointer: '/query/cursor', detail: 'Use a nextCursor value exactly as a previous page returned it.' },
      ]);
    }
    offset = decoded;
  }
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? encodeCursor(end) : null,
  };
}
