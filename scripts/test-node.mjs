// Runs every Node-side test (`*.test.ts` under packages/core and packages/mock-server, and the
// widgets' DOM-free rules in `*.node.test.ts`) with node:test through tsx. Node 20's test runner takes no globs, so we list the files here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['packages/core/src', 'packages/widgets/src', 'packages/mock-server/src', 'packages/mock-server/test', 'packages/widgets/build', 'test', 'scripts'];
const only = process.argv.slice(2);
const files = roots
  .filter((root) => existsSync(root))
  .flatMap((root) => readdirSync(root, { recursive: true }).map((file) => join(root, String(file))))
  .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
  // Widget tests run in Chromium, except the rules that need no DOM; so do core's `*.browser.test.ts`
  // (IndexedDB, WebCrypto as the browser has them).
  .filter((file) => !file.startsWith(join('packages', 'widgets', 'src')) || file.endsWith('.node.test.ts'))
  .filter((file) => !file.endsWith('.browser.test.ts'))
  .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
  // The packed-package test needs a build and the npm cache: only `npm run test:packages` names it.
  .filter((file) => !file.endsWith('.pack.test.ts') || only.length > 0)
  .sort();

if (files.length === 0) {
  console.error('test-node: no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--conditions=blauw-source', '--test', '--test-concurrency=2', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
