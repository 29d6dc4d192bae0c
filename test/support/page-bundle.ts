// Test and benchmark pages built as a browser would load them: our TypeScript sources (by the
// blauw-source condition) bundled into ES modules with esbuild, into a folder a static server
// serves. Used by the end-to-end tests and the benchmarks that run pages in Chromium.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles each entry (`{ name: 'path/from/the/repository.ts' }`) into `dir/<name>.js`. Minified
 * unless `BENCH_KEEP` is set (then it is readable in a profiler).
 */
export async function bundlePages(entries: Record<string, string>, dir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
    bundle: true,
    format: 'esm',
    minify: !process.env['BENCH_KEEP'],
    target: 'es2022',
    outdir: dir,
    conditions: ['blauw-source', 'browser', 'production'],
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}
