/**
 * A request path as the `path` template tag builds it: the encoded `href` to send, and a `label` with every
 * interpolated value as `*`, for error messages and logs (ids and tokens can be personal data or
 * secrets: a manage token in a log line is a key to someone's booking).
 *
 * @category Client
 */
export interface RequestPath {
  /** Relative to the base URL, every interpolated segment URL-encoded, e.g. `offices/o%2F1/closures`. */
  readonly href: string;
  /** The same path with every interpolated segment as `*`, e.g. `offices/*\/closures`. */
  readonly label: string;
}

/**
 * Builds a relative request path, URL-encoding every interpolated value as one path segment, so an
 * id such as `a/b` or `é` can never change the route.
 *
 * @example
 * ```ts
 * path`offices/${officeId}/closures` // { href: 'offices/o%2F1/closures', label: 'offices/*\/closures' } for officeId 'o/1'
 * ```
 */
export function path(strings: TemplateStringsArray, ...segments: (string | number)[]): RequestPath {
  return {
    href: strings.reduce((result, text, index) => result + encodeURIComponent(String(segments[index - 1])) + text),
    label: strings.join('*'),
  };
}
