import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error -- a plain ES module of the build, without type declarations
import { minifyTemplates } from './minify-templates.mjs';

// This transform runs on the CDN build only, where the browser tests do not look: pin what they
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
