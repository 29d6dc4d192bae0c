// A Rollup plugin for the CDN build: every widget catalog written with `defineMessages({ key:
// [nl, fr, de, en], … })` becomes `lazyMessages({ nl: () => import(…), … })`, with one small
// chunk per language. A page then downloads the strings of the language its widgets speak (about
// 0.8 kB for the booking calendar) instead of all four (about 3 kB). Sources, npm builds, tests
// and Storybook keep the rows as written: translators see the four languages side by side.
import { fileURLToPath } from 'node:url';

const LANGUAGES = ['nl', 'fr', 'de', 'en'];
const lazyModule = fileURLToPath(new URL('../src/shared/lazy-messages.ts', import.meta.url));
const PREFIX = '\0blauw-messages:';

/** The end of the call whose `(` is at `open`: the index of its matching `)`, skipping strings and comments. */
function closingParen(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced defineMessages( … )');
}

/** @returns {import('rollup').Plugin} */
export function lazyMessagesPlugin() {
  /** @type {Map<string, Record<string, string>>} */
  const languages = new Map();
  return {
    name: 'blauw-lazy-messages',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      const strings = languages.get(id);
      return strings === undefined ? null : `export default ${JSON.stringify(strings)};`;
    },
    transform(code, id) {
      if (!id.includes('/packages/widgets/src/') || id.endsWith('define-messages.ts')) return null;
      // A catalog is declared at the top level (`export const messages = defineMessages({`); the
      // same words in a comment's example are not one.
      const call = /^export const \w+ = defineMessages\(/m.exec(code);
      if (call === null) return null;
      const open = call.index + call[0].length - 1;
      const close = closingParen(code, open);
      // The rows are plain data (strings in arrays in an object): evaluated here, at build time.
      const rows = new Function(`return ${code.slice(open, close + 1)};`)();
      const loaders = LANGUAGES.map((language, index) => {
        const key = `${PREFIX}${id}:${language}`;
        languages.set(key, Object.fromEntries(Object.entries(rows).map(([name, texts]) => [name, texts[index]])));
        return `${language}: () => import(${JSON.stringify(key)})`;
      });
      const replaced = `${code.slice(0, call.index)}${call[0].slice(0, -'defineMessages('.length)}lazyMessages({ ${loaders.join(', ')} })${code.slice(close + 1)}`;
      return { code: `import { lazyMessages } from ${JSON.stringify(lazyModule)};\n${replaced}`, map: null };
    },
  };
}
