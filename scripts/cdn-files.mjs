// What a page downloads for one CDN entry: the entry and the chunks it imports, followed
// transitively (static imports only: a dynamic import is fetched when used, and listed apart).
// Shared by `npm run size` and test/cdn-size.test.ts, so both count the same bytes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The CDN entries (`<tag>.js`) in `dir`, sorted. */
export function cdnEntries(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.js')).sort() : [];
}

const staticImport = /(?:^|[;}\n])\s*import\s*(?:[\w{},*\s$]*from\s*)?["'](\.[^"']+)["']/g;
const dynamicImport = /\bimport\(\s*["'](\.[^"']+)["']\s*\)/g;

/** A file's min and min+gzip (-9) size in bytes. */
export function sizeOf(path) {
  const code = readFileSync(path);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * The files an entry loads before it runs (`files`, entry first) and those it may load later
 * (`lazy`), as paths relative to `dir`.
 */
export function filesOf(dir, entry) {
  const files = [];
  const lazy = new Set();
  const visit = (file) => {
    if (files.includes(file)) return;
    files.push(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const resolve = (specifier) => relative(dir, normalize(join(dir, dirname(file), specifier)));
    for (const [, specifier] of code.matchAll(staticImport)) visit(resolve(specifier));
    for (const [, specifier] of code.matchAll(dynamicImport)) lazy.add(resolve(specifier));
  };
  visit(entry);
  return { files, lazy: [...lazy].filter((file) => !files.includes(file)) };
}

/** The language a chunk of strings is for (`chunks/strings-fr-….js`), or `undefined`. */
export const languageOf = (file) => /(?:^|\/)strings-(nl|fr|de|en)-/.exec(file)?.[1];

/**
 * What a page with this entry downloads in its heaviest language: the entry, its chunks, and that
 * language's strings (fetched on demand, one language per page). Sizes are min+gzip bytes.
 */
export function heaviestLanguage(dir, entry) {
  const { files, lazy } = filesOf(dir, entry);
  const base = files.reduce((sum, file) => sum + sizeOf(join(dir, file)).gzip, 0);
  const perLanguage = {};
  for (const file of lazy) {
    const language = languageOf(file);
    if (language !== undefined) perLanguage[language] = (perLanguage[language] ?? 0) + sizeOf(join(dir, file)).gzip;
  }
  const [language, strings] = Object.entries(perLanguage).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { files, base, language, strings, total: base + strings, perLanguage };
}
