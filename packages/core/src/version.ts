/**
 * The version of `@blauw/core`, sent as `Blauw-Client: core/<version>`. Kept equal to the
 * package's `version` by a test (version.test.ts).
 *
 * @category Client
 */
export const VERSION = '0.1.0';
