// Prints what each CDN entry costs a citizen's phone: the entry and the shared chunks it imports,
// each minified and minified + gzip -9, and their total; chunks an entry may import later (on
// demand) are listed apart. Run `npm run build` first. Exits non-zero when there is nothing to measure.
import { cdnEntries, filesOf, heaviestLanguage, languageOf, sizeOf } from './cdn-files.mjs';

const dir = 'packages/widgets/dist/cdn';
const entries = cdnEntries(dir);
if (entries.length === 0) {
  console.error(`size: no CDN bundles in ${dir}; run \`npm run build\` first.`);
  process.exit(1);
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const row = (label, size) => console.log(`${label.padEnd(60)}  ${kB(size.min).padStart(9)}  ${kB(size.gzip).padStart(9)}  ${String(size.gzip).padStart(7)} B`);
console.log(`${'CDN entry and the files it loads'.padEnd(60)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const entry of entries) {
  const { files, lazy } = filesOf(dir, entry);
  const total = { min: 0, gzip: 0 };
  for (const file of files) {
    const size = sizeOf(`${dir}/${file}`);
    total.min += size.min;
    total.gzip += size.gzip;
    row(`  ${file}`, size);
  }
  row(`${entry} before it runs`, total);
  for (const file of lazy) row(`  on demand${languageOf(file) ? ` (${languageOf(file)} pages)` : ''}: ${file}`, sizeOf(`${dir}/${file}`));
  const heaviest = heaviestLanguage(dir, entry);
  if (heaviest.strings > 0) console.log(`${entry} with its ${heaviest.language} strings (the heaviest language): ${heaviest.total} B min+gzip\n`);
}
