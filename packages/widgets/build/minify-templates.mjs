// A Rollup plugin for the CDN build: squeezes the whitespace out of the static text of Lit's
// html`` and css`` templates, which a JS minifier must keep verbatim (it is part of the string).
// Indentation is most of that text; it costs every citizen's phone ≈ 0.4 kB of the booking bundle.
//
// Safe by construction, so no HTML or CSS parser is needed:
// - html``: a run of whitespace that holds a line break becomes one space. Outside <pre> and
//   <textarea> content (our templates have neither) HTML renders one space like many, and inside
//   a tag one space separates attributes like many. Single spaces are left alone.
// - css``: comments go; runs of whitespace become one space; whitespace next to { } ; , and
//   after a colon goes (a colon followed by whitespace only occurs in declarations and media
//   queries; selectors' pseudo-class colons never are), and so does the last `;` of a block;
//   a number's leading zero goes (`0.5rem` → `.5rem`), and so do the quotes of an attribute
//   selector's value when it is a plain word (`[part~='alert']` → `[part~=alert]`).
// Only the static parts change; every ${…} expression is copied as it is, nested templates
// inside it are squeezed too.

/** The squeezing of one static chunk of a template. */
const squeeze = {
  // Static attribute values of letters, digits and dashes need no quotes (HTML allows it, and
  // Lit's template scanner reads unquoted values); a value with a binding in it keeps them.
  html: (text) => text.replace(/[ \t]*\n\s*/g, ' ').replace(/(\s[\w-]+)="([\w-]+)"(?=[\s>])/g, '$1=$2'),
  css: (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
      .replace(/\[([\w-]+[~|^$*]?=)'([a-z][\w-]*)'\]/gi, '[$1$2]'),
};

/**
 * Squeezes every html`` and css`` template in `code` (TypeScript or JavaScript source). Throws
 * when the source cannot be followed (an unterminated string or template), rather than guess.
 *
 * @param {string} code
 * @returns {string}
 */
export function minifyTemplates(code) {
  let out = '';
  let i = 0;

  // Copies a quoted string starting at `i` (the quote) to `out`.
  function copyString() {
    const quote = code[i];
    let j = i + 1;
    while (j < code.length && code[j] !== quote) {
      if (code[j] === '\\') j++;
      if (code[j] === '\n') throw new Error(`minify-templates: unterminated string at ${i}`);
      j++;
    }
    if (j >= code.length) throw new Error(`minify-templates: unterminated string at ${i}`);
    out += code.slice(i, j + 1);
    i = j + 1;
  }

  // Copies a regular expression literal starting at `i` (its slash); its quotes and braces are not code.
  function copyRegExp() {
    let j = i + 1;
    let inClass = false;
    while (j < code.length && (inClass || code[j] !== '/')) {
      if (code[j] === '\\') j++;
      else if (code[j] === '[') inClass = true;
      else if (code[j] === ']') inClass = false;
      else if (code[j] === '\n') throw new Error(`minify-templates: unterminated regular expression at ${i}`);
      j++;
    }
    out += code.slice(i, j + 1);
    i = j + 1;
  }

  // Copies code until an unmatched `}` (at depth 0) or the end; handles strings, comments and templates.
  function copyCode(inExpression) {
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '"' || c === "'") copyString();
      else if (c === '/' && code[i + 1] === '/') {
        const end = code.indexOf('\n', i);
        const stop = end === -1 ? code.length : end;
        out += code.slice(i, stop);
        i = stop;
      } else if (c === '/' && code[i + 1] === '*') {
        const end = code.indexOf('*/', i + 2);
        if (end === -1) throw new Error(`minify-templates: unterminated comment at ${i}`);
        out += code.slice(i, end + 2);
        i = end + 2;
      } else if (c === '/' && /(?:^|[(,=:[!&|?{};~+\-*%<>^]|\breturn|\btypeof)\s*$/.test(out)) copyRegExp();
      else if (c === '`') {
        const tag = /(?:^|[^\w$.])(html|css)\s*$/.exec(code.slice(Math.max(0, i - 12), i))?.[1];
        copyTemplate(tag);
      } else if (c === '{') {
        depth++;
        out += c;
        i++;
      } else if (c === '}') {
        if (depth === 0 && inExpression) return;
        depth--;
        out += c;
        i++;
      } else {
        out += c;
        i++;
      }
    }
    if (inExpression) throw new Error('minify-templates: unterminated ${…} expression');
  }

  // Copies a template literal starting at `i` (the backtick), squeezing its static text when tagged.
  function copyTemplate(tag) {
    out += '`';
    i++;
    let text = '';
    const flush = () => {
      out += tag ? squeeze[tag](text) : text;
      text = '';
    };
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        copyCode(true);
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
    throw new Error('minify-templates: unterminated template literal');
  }

  copyCode(false);
  return out;
}

/**
 * The plugin: applies {@link minifyTemplates} to the widgets' own sources.
 *
 * @param {{ include?: RegExp }} [options]
 */
export function minifyTemplatesPlugin({ include = /packages\/widgets\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'blauw-minify-templates',
    transform(code, id) {
      if (!include.test(id)) return null;
      if (!/\b(html|css)`/.test(code)) return null;
      const out = minifyTemplates(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}
