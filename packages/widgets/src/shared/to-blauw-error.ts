import { AbortedError, BlauwError, NetworkError, type ErrorKind } from '@blauw/core';
import { errorKeys } from './messages.js';

/**
 * Whether a value is a Blauw error — by shape, not only `instanceof`: with two CDN bundles on a
 * page, a client made by one bundle's provider throws the other bundle's `BlauwError` class.
 * Its `kind` must be one of the error kinds (the keys of the message map, which lists them all).
 *
 * @category Errors
 */
export function isBlauwError(error: unknown): error is BlauwError {
  if (error instanceof BlauwError) return true;
  return error instanceof Error && Object.hasOwn(errorKeys, (error as { kind?: unknown }).kind as ErrorKind);
}

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
  return new BlauwError('server', `Unexpected error in the widget: ${message}`, { cause: error });
}
