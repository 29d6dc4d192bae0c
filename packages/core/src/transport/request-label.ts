// Query strings carry personal data (an address, a name searched for). Errors end up in logs and
// bug reports, so they name a request by method and path only.

/** `METHOD /path` for a URL, without query or fragment, e.g. `GET /v1/officer-for-address`. */
export function requestLabel(method: string, url: URL): string {
  return `${method.toUpperCase()} ${url.pathname}`;
}

const urlQuery = /(\bhttps?:\/\/[^\s?#]*)\?[^\s#]*/g;

/**
 * Removes query strings from the message and stack of an error thrown below the SDK (fetch
 * implementations may write the full URL into theirs), so the error can be kept as a `cause` without leaking them.
 */
export function redactQuery<E>(error: E): E {
  if (error instanceof Error) {
    error.message = error.message.replace(urlQuery, '$1');
    if (error.stack !== undefined) error.stack = error.stack.replace(urlQuery, '$1');
  }
  return error;
}
