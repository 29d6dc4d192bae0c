// Prints the size of every CDN bundle, minified and minified + gzip, as citizens' phones fetch them.
// Run `npm run build` first. Exits non-zero when there is nothing to measure.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'packages/widgets/dist/cdn';
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort() : [];
if (files.length === 0) {
  console.error(`size: no CDN bundles in ${dir}; run \`npm run build\` first.`);
  process.exit(1);
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = files.map((file) => {
  const code = readFileSync(join(dir, file));
  return { file, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
});
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'CDN file'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${kB(r.min).padStart(9)}  ${kB(r.gzip).padStart(9)}`);
