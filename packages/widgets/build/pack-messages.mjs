// For the CDN build: packs each message catalog (`defineMessages({ key: [nl, fr, de, en], … })`)
// into one string, `'key1 key2 …|nl1|nl2|…|fr1|…|en…'`, that `defineMessages` unpacks at load.
// The source keeps one typed row per key (TypeScript checks that every key has four texts); the
// bundle loses a pair of quotes and a comma per text, and gzip finds more to share when each
// language's texts sit together (≈ 0.24 kB min+gzip of the booking bundle).
//
// Strict by construction: only `const x = defineMessages({` … `});` at the start of a line, with
// one `key: ['…', '…', '…', '…'],` row per line (blank and `//` comment lines allowed), is packed; anything else in such a call, a text
// with `|`, a key with a space or `|`, or a row without exactly four texts throws, rather than guess.

const CALL = /^((?:export )?const \w+ = defineMessages\()\{\n([\s\S]*?)\n\}\);$/gm;
const ROW = /^\s*(\w+|'[\w.]+'): \[(.*)\],$/;
const TEXT = /^\s*'((?:[^'\\]|\\.)*)'\s*(?:,|$)/;

/**
 * Packs every `defineMessages({…})` catalog in `code` (TypeScript or JavaScript source).
 *
 * @param {string} code
 * @returns {string}
 */
export function packMessages(code) {
  return code.replace(CALL, (_, start, body) => {
    const keys = [];
    const columns = [[], [], [], []];
    for (const line of body.split('\n')) {
      // A note for translators is a comment line of its own; it is not shipped.
      if (/^\s*(\/\/.*)?$/.test(line)) continue;
      const row = ROW.exec(line);
      if (!row) throw new Error(`pack-messages: not a catalog row: ${line.trim()}`);
      const key = row[1].replace(/'/g, '');
      const texts = [];
      for (let rest = row[2]; rest.trim(); ) {
        const text = TEXT.exec(rest);
        if (!text) throw new Error(`pack-messages: not a list of quoted texts: ${line.trim()}`);
        texts.push(text[1]);
        rest = rest.slice(text[0].length);
      }
      if (texts.length !== 4) throw new Error(`pack-messages: ${key} has ${texts.length} texts, not 4`);
      if (texts.some((text) => text.includes('|'))) throw new Error(`pack-messages: a text of ${key} contains |`);
      keys.push(key);
      texts.forEach((text, i) => columns[i].push(text));
    }
    return `${start}'${[keys.join(' '), ...columns.flat()].join('|')}');`;
  });
}
