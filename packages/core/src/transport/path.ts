/**
 * Builds a relative request path, URL-encoding every interpolated value as one path segment, so an
 * id such as `a/b` or `é` can never change the route.
 *
 * @example
 * ```ts
 * path`offices/${officeId}/closures` // 'offices/o%2F1/closures' for officeId 'o/1'
 * ```
 */
export function path(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  return strings.reduce((result, text, index) => {
    const segment = segments[index - 1];
    return result + (segment === undefined ? '' : encodeURIComponent(String(segment))) + text;
  });
}
