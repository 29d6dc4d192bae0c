// Empties the packages' dist/ folders before a build: rollup's hashed chunks from earlier builds
// would otherwise pile up and ship in the tarballs (the mock server's was 1.4 MB of stale chunks).
import { rmSync } from 'node:fs';

for (const name of ['core', 'mock-server', 'widgets']) {
  rmSync(new URL(`../packages/${name}/dist`, import.meta.url), { recursive: true, force: true });
}
