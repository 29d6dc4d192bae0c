// Text a person can type where the widgets show it back (a name, a note, an answer, a message):
// markup, script, event handlers, URLs and template syntax that would run if a widget ever put
// user text into HTML instead of text. A widget passes when every one of them shows as the
// characters typed and none of them runs or adds an element.

/** The global a payload sets if it ever runs. */
export const XSS_FLAG = '__blauwXss';

/** Payloads, each setting `window.__blauwXss` if it runs. */
export const XSS_CORPUS: readonly string[] = [
  `<img src=x onerror="window.${XSS_FLAG}=1">`,
  `<script>window.${XSS_FLAG}=2</script>`,
  `"><svg onload="window.${XSS_FLAG}=3">`,
  `'><iframe srcdoc="<script>parent.${XSS_FLAG}=4</script>">`,
  `<a href="javascript:window.${XSS_FLAG}=5">Rue de la Loi</a>`,
  `<style>*{display:none}</style>Jan`,
  `\${window.${XSS_FLAG}=6}`,
  `{{constructor.constructor('window.${XSS_FLAG}=7')()}}`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.${XSS_FLAG}=8">`,
  `‮txt.exe`,
  `O'Brien & Zoë <Peeters>`,
];

/**
 * What a widget's shadow root shows of the corpus gone wrong: elements a payload would add
 * (`img`, `script`, `svg`, `iframe`, `style`, `math`, a `javascript:` link), and whether one ran.
 */
export function injected(root: ShadowRoot | Document): string[] {
  const found = [...root.querySelectorAll('img, script, iframe, math, style, a[href^="javascript:" i]')].map((node) => node.outerHTML);
  // Our own icons are svg without handlers: only an svg with an event handler is a payload's.
  found.push(...[...root.querySelectorAll('svg')].filter((svg) => [...svg.attributes].some((attribute) => attribute.name.startsWith('on'))).map((svg) => svg.outerHTML));
  if ((window as unknown as Record<string, unknown>)[XSS_FLAG] !== undefined) found.push(`${XSS_FLAG} was set`);
  return found;
}
