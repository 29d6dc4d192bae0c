// Printing one element of a page: while the browser prints, a sheet hides everything but the
// element marked `data-printing` and the elements on its way up to the page (marked
// `data-printing-path`, through every shadow root on the way, where the sheet is adopted too). Not
// shown (`display: none`) rather than invisible: invisible content keeps its room, and a long page
// printed blank pages before or after the receipt. The sheet is a constructable stylesheet,
// adopted and dropped again around the print: no <style> element and no inline style, so it works
// under a CSP without 'unsafe-inline'.

const PRINT_ONLY = `
@media print {
  @page { margin: 12mm; }
  :not([data-printing-path], [data-printing], [data-printing] *) { display: none !important; }
  [data-printing-path] { margin: 0 !important; padding: 0 !important; border: 0 !important; }
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
 * The elements from `element` up to the page, crossing shadow roots, and the roots on the way
 * (the document last): where the print-only sheet must apply and what it must leave shown.
 */
function pathUp(element: Element): { ancestors: Element[]; roots: (Document | ShadowRoot)[] } {
  const ancestors: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [];
  let node: Node | null = element.parentNode;
  while (node !== null) {
    if (node instanceof ShadowRoot) {
      roots.push(node);
      node = node.host;
    } else if (node instanceof Document) {
      roots.push(node);
      node = null;
    } else {
      if (node instanceof Element) ancestors.push(node);
      node = node.parentNode;
    }
  }
  return { ancestors, roots };
}

/**
 * Prints only `element` (a `<blauw-check-receipt>`): adopts the print-only sheet in its document
 * and in every shadow root on its way up (the document's rules do not reach into them), marks it
 * `data-printing` and its ancestors `data-printing-path`, opens the browser's print dialog, and
 * undoes all of it on `afterprint`.
 */
export function printOnly(element: HTMLElement): void {
  undoCurrent?.();
  const document = element.ownerDocument;
  const view = document.defaultView ?? window;
  const sheet = sheetFor(document);
  const { ancestors, roots } = pathUp(element);
  for (const scope of roots) {
    if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  }
  element.setAttribute('data-printing', '');
  for (const ancestor of ancestors) ancestor.setAttribute('data-printing-path', '');

  const undo = (): void => {
    view.removeEventListener('afterprint', undo);
    for (const scope of roots) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    element.removeAttribute('data-printing');
    for (const ancestor of ancestors) ancestor.removeAttribute('data-printing-path');
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
