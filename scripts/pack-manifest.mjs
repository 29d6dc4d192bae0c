// npm `prepack` / `postpack` of every package: the published package.json has no `source`
// export condition and no side-effect patterns for src/. Inside the workspace `source` points
// tsc, tsx, rollup and web-test-runner at src/*.ts; a consumer whose own monorepo uses a `source`
// condition would otherwise be sent to files the tarball does not contain. `prepack` keeps the
// workspace manifest aside and writes the published one; `postpack` puts the workspace manifest
// back. Run in the package's directory (npm does): `node ../../scripts/pack-manifest.mjs prepack|postpack`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = 'package.json';
const kept = '.package.workspace.json';
const step = process.argv[2];

/** The exports map without the `source` condition, at any depth. */
function withoutSource(exports) {
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== 'blauw-source')
      .map(([key, value]) => [key, withoutSource(value)]),
  );
}

/** Every file an exports map points at, except subpath patterns. */
function targets(exports) {
  if (typeof exports === 'string') return exports.includes('*') ? [] : [exports];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.values(exports).flatMap(targets);
}

if (step === 'prepack') {
  // A pack that died before its postpack left the workspace manifest aside: start from it.
  if (existsSync(kept)) renameSync(kept, manifest);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  const published = { ...pkg, exports: withoutSource(pkg.exports) };
  // src/ is not published: its side-effect patterns (for the workspace's bundlers: Storybook,
  // the CDN build) go too.
  if (Array.isArray(pkg.sideEffects)) published.sideEffects = pkg.sideEffects.filter((pattern) => !pattern.startsWith('./src/'));
  const missing = targets(published.exports).filter((target) => !existsSync(target));
  if (missing.length > 0) {
    console.error(`${pkg.name}: ${missing.join(', ')} missing; run \`npm run build\` at the repository root first.`);
    process.exit(1);
  }
  writeFileSync(kept, text);
  writeFileSync(`${manifest}.tmp`, `${JSON.stringify(published, null, 2)}\n`);
  renameSync(`${manifest}.tmp`, manifest);
} else if (step === 'postpack') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node pack-manifest.mjs prepack|postpack');
  process.exit(2);
}
