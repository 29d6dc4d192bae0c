// The checks every widget's strings pass, for the widgets' `messages.node.test.ts`: each
// language has every string and none is empty, and the French follows French typography (a
// no-break space before : ; ? !, one apostrophe, the typographic one).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES } from '../shared/language.js';
import { sharedMessages } from '../shared/messages.js';

type Catalog = Readonly<Record<(typeof LANGUAGES)[number], Readonly<Record<string, string>>>>;

/** Registers the checks for `catalogs` (a widget's own, then any it shares), named after `widget`. */
export function checkCatalogs(widget: string, ...catalogs: readonly Catalog[]): void {
  const french = Object.assign({}, sharedMessages.fr, ...catalogs.map((catalog) => catalog.fr)) as Record<string, string>;

  describe(`${widget}: French`, () => {
    it('sets a no-break space before every : ; ? and !, and never a plain one', () => {
      for (const [key, text] of Object.entries(french)) {
        assert.doesNotMatch(text, / [:;?!]/, `${key}: "${text}"`);
        assert.doesNotMatch(text, /[^\s\u202f\u00a0][;?!]/, `${key}: "${text}"`);
        // A colon right after a word is an error too (placeholders such as {f} may stand before it).
        assert.doesNotMatch(text, /[\p{L}]:/u, `${key}: "${text}"`);
      }
    });

    it('uses one apostrophe, the typographic one', () => {
      for (const [key, text] of Object.entries(french)) assert.doesNotMatch(text, /'/, key);
    });
  });

  describe(`${widget}: every language`, () => {
    it('has every string, and none empty', () => {
      for (const catalog of catalogs) {
        const keys = Object.keys(catalog.nl).sort();
        for (const language of LANGUAGES) {
          assert.deepEqual(Object.keys(catalog[language]).sort(), keys, language);
          for (const [key, text] of Object.entries(catalog[language])) assert.ok(text.trim(), `${language} ${key}`);
        }
      }
    });
  });
}
