import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error -- the Rollup config is a plain ES module, without type declarations
import { templateMinifier } from '../../../rollup.config.mjs';

// The CDN build minifies the widgets' templates with @lit-labs/rollup-plugin-minify-html-literals
// and the options of rollup.config.mjs. The browser tests run the sources, where nothing is
// minified: pin here what the minifier may and may not change.

type Plugin = { transform(this: unknown, code: string, id: string): Promise<{ code: string } | null | undefined> };
const context = {
  error: (message: string) => {
    throw new Error(message);
  },
  warn: () => {},
};

async function minify(code: string): Promise<string> {
  const plugin = (templateMinifier as () => Plugin)();
  const result = await plugin.transform.call(context, code, join(process.cwd(), 'packages/widgets/src/example.ts'));
  return result?.code ?? code;
}

describe('minifying Lit templates in the CDN build', () => {
  it('collapses whitespace to one space, never to none: a template does not know its neighbours', async () => {
    const code = 'const h = html`<h2>\n  ${n ? html`<span>${step}</span> ` : nothing}${title}\n</h2>`;';
    assert.equal(await minify(code), 'const h = html`<h2> ${n ? html`<span>${step}</span> ` : nothing}${title} </h2>`;');
  });

  // The minifier writes every binding's value in quotes; Lit reads `.value="${x}"` as `.value=${x}`.
  it("keeps Lit's property, boolean and event bindings, and the quotes around a value with bindings in it", async () => {
    const code = [
      'const f = html`<input',
      '  .value=${value}',
      '  ?required=${required}',
      '  @input=${onInput}',
      '/>',
      '<a href="/details/${category}/${item}" aria-describedby="${name}-e" @click=${onClick}>x</a>`;',
    ].join('\n');
    assert.equal(
      await minify(code),
      'const f = html`<input .value="${value}" ?required="${required}" @input="${onInput}"> <a href="/details/${category}/${item}" aria-describedby="${name}-e" @click="${onClick}">x</a>`;',
    );
  });

  it('minifies css templates, expressions included', async () => {
    const code = 'const s = css`\n  :host {\n    display: block;\n    color: ${accent};\n  }\n  /* a note */\n  p { margin: 0 0 0.5rem; }\n`;';
    const out = await minify(code);
    // lightningcss may reorder a rule's declarations; what counts is that nothing but CSS is left.
    assert.match(out, /^const s = css`:host\{(display:block;color:\$\{accent\}|color:\$\{accent\};display:block)\}p\{margin:0 0 \.5rem\}`;$/);
  });

  it('leaves other template literals and strings alone', async () => {
    const code = 'const t = `keep\n   this`; const q = "<p>  html  </p>";';
    assert.equal(await minify(code), code);
  });
});
