import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defineMessages } from '../src/shared/define-messages.js';
import { messages as bookingMessages } from '../src/booking-calendar/messages.js';
import { sharedMessages } from '../src/shared/messages.js';
// @ts-expect-error -- a plain ES module of the build, without type declarations
import { minifyTemplates } from './minify-templates.mjs';
// @ts-expect-error -- a plain ES module of the build, without type declarations
import { packMessages } from './pack-messages.mjs';

// These transforms run on the CDN build only, where the browser tests do not look: pin what they
// may and may not change here.

describe('squeezing Lit templates in the CDN build', () => {
  const squeeze = minifyTemplates as (code: string) => string;

  it('folds the indentation of html templates to one space and keeps every expression', () => {
    assert.equal(squeeze('const a = html`<p class="x">\n    Hallo ${name}\n  </p>`;'), 'const a = html`<p class=x> Hallo ${name} </p>`;');
  });

  it('squeezes templates nested in expressions too', () => {
    assert.equal(
      squeeze('const n = html`<ul>\n  ${items.map((i) => html`<li>\n   ${i}\n </li>`)}\n</ul>`;'),
      'const n = html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`;',
    );
  });

  it('keeps quotes around attribute values that hold an expression', () => {
    assert.equal(squeeze('const b = html`<p role="alert" id=${x} title="a ${y}">`;'), 'const b = html`<p role=alert id=${x} title="a ${y}">`;');
  });

  it('drops comments and spaces from css templates', () => {
    assert.equal(squeeze('const s = css`/* c */\n :host { display: block; }\n`;'), 'const s = css` :host{display:block}`;');
  });

  it('leaves other template literals, strings and regular expressions alone', () => {
    const code = 'const t = `keep\n   this`; const r = /a`b/; const q = "html`";';
    assert.equal(squeeze(code), code);
  });

  it('refuses source it cannot follow instead of guessing', () => {
    assert.throws(() => squeeze('const x = "oops\n";'), /unterminated string/);
  });
});

describe('packing message catalogs in the CDN build', () => {
  const pack = packMessages as (code: string) => string;
  /** The packed catalog string in a packed source, as the bundle's `defineMessages` receives it. */
  const packedArgument = (code: string): string => {
    const literal = /defineMessages\('((?:[^'\\]|\\.)*)'\)/.exec(code)?.[1];
    assert.ok(literal !== undefined, 'no packed catalog in the output');
    // A single-quoted JavaScript string: as JSON, once its quotes are swapped.
    return JSON.parse(`"${literal.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
  };

  for (const [file, catalog] of [
    ['../src/booking-calendar/messages.ts', bookingMessages],
    ['../src/shared/messages.ts', sharedMessages],
  ] as const) {
    it(`unpacks ${file.split('/').slice(-2).join('/')} to exactly the catalog of the source`, () => {
      const packed = pack(readFileSync(new URL(file, import.meta.url), 'utf8'));
      const unpacked = defineMessages(packedArgument(packed) as unknown as Parameters<typeof defineMessages>[0]);
      assert.deepEqual(unpacked, catalog);
    });
  }

  it('skips notes for translators, and ships none of them', () => {
    const packed = pack("export const m = defineMessages({\n  // a note\n  a: ['n', 'f', 'd', 'e'],\n\n  b: ['n2', 'f2', 'd2', 'e2'],\n});");
    assert.equal(packed, "export const m = defineMessages('a b|n|n2|f|f2|d|d2|e|e2');");
  });

  it('refuses a row without four texts', () => {
    assert.throws(() => pack("export const m = defineMessages({\n  a: ['nl', 'fr', 'de'],\n});"), /3 texts, not 4/);
  });
});
