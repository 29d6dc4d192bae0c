/** Methods that change state and therefore carry an `Idempotency-Key`. */
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether `method` changes state on the server. */
export const isWrite = (method: string): boolean => writeMethods.has(method.toUpperCase());

/**
 * The `Idempotency-Key` for one logical write: the caller's key when given (an outbox keeps its key
 * across reloads), else a fresh random UUID. Reads get none. The transport calls this once per
 * `request()` and reuses the key on every retry, including the retry after a token refresh, so the
 * server can replay instead of repeating the write.
 */
export function idempotencyKeyFor(method: string, given: string | undefined): string | undefined {
  if (!isWrite(method)) return undefined;
  return given ?? randomUuid();
}

// `crypto.randomUUID` exists only in secure contexts; a page on plain http (a test intranet) has
// `getRandomValues` alone, so build the version 4 UUID from it there.
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
