// Printing one element of a page: while the browser prints, a document-level sheet hides
// everything but the element marked `data-printing`, and sets that element at the top of the
// page. The sheet is a constructable stylesheet, adopted and dropped again around the print: no
// <style> element and no inline style, so it works under a CSP without 'unsafe-inline'. Visibility,
// not display, because it is inherited and can be switched back on for one descendant; the
// receipt's shadow content inherits it from the host.

const PRINT_ONLY = `
@media print {
  @page { margin: 12mm; }
  body * { visibility: hidden !important; }
  blauw-check-receipt[data-printing], blauw-check-receipt[data-printing] * { visibility: visible !important; }
  blauw-check-receipt[data-printing] {
    position: absolute !important;
    inset-block-start: 0 !important;
    inset-inline: 0 !important;
    margin: 0 !important;
  }
}`;

// One sheet per document: a constructable sheet may only be adopted in the document that made it.
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(document: Document): CSSStyleSheet {
  let sheet = sheets.get(document);
  if (sheet === undefined) {
    const Sheet = document.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(PRINT_ONLY);
    sheets.set(document, sheet);
  }
  return sheet;
}

// The print under way, if any: a second print() before the first one's `afterprint` (a browser
// that never sends it, a dialog blocked in a sandboxed frame) first undoes the first.
let undoCurrent: (() => void) | undefined;

/**
 * Prints only `element` (a `<blauw-check-receipt>`): adopts the print-only sheet in its document
 * (and in the shadow root it sits in, if any, where the document's rules do not reach), marks it
 * `data-printing`, opens the browser's print dialog, and undoes both on `afterprint`.
 */
export function printOnly(element: HTMLElement): void {
  undoCurrent?.();
  const document = element.ownerDocument;
  const view = document.defaultView ?? window;
  const sheet = sheetFor(document);
  const root = element.getRootNode();
  const roots: (Document | ShadowRoot)[] = root instanceof ShadowRoot ? [document, root] : [document];
  for (const scope of roots) {
    if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  }
  element.setAttribute('data-printing', '');

  const undo = (): void => {
    view.removeEventListener('afterprint', undo);
    for (const scope of roots) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    element.removeAttribute('data-printing');
    if (undoCurrent === undo) undoCurrent = undefined;
  };
  undoCurrent = undo;
  view.addEventListener('afterprint', undo);
  try {
    view.print();
  } catch (error) {
    undo();
    throw error;
  }
}
