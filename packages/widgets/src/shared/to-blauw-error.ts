import { AbortedError, isBlauwError, NetworkError, ServerError, type BlauwError } from '@blauw/core';

export { isBlauwError };

/**
 * Any thrown value as a `BlauwError`, so a widget has one thing to switch on. The SDK already
 * throws typed errors; what reaches here untyped is an abort, a fetch failure from code outside
 * the SDK, or a bug — kept as `cause` so nothing is lost for the console.
 *
 * @category Errors
 */
export function toBlauwError(error: unknown): BlauwError {
  if (isBlauwError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AbortedError('The request was aborted.', { cause: error });
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new NetworkError('The server could not be reached.', { cause: error, offline: !navigator.onLine });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ServerError(`Unexpected error in the widget: ${message}`, { cause: error });
}
