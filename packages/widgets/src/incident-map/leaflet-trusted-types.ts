// Leaflet 1.9 checks on import whether the browser parses inline SVG, with
// `div.innerHTML = '<svg/>'` (Browser.inlineSvg, only used for its attribution prefix). Under a
// Content-Security-Policy with `require-trusted-types-for 'script'` that assignment throws, the
// import fails, and the map with it. This module, imported right before Leaflet, answers that one
// string with the element it stands for and passes every other value to the browser untouched; the
// module that imports Leaflet restores the browser's own setter as soon as Leaflet has run (module
// evaluation is synchronous, so no other code runs meanwhile).

const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
const setInnerHtml = descriptor?.set;

if (descriptor && setInnerHtml) {
  Object.defineProperty(Element.prototype, 'innerHTML', {
    ...descriptor,
    set(this: Element, value: unknown) {
      if (value === '<svg/>') this.replaceChildren(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      else setInnerHtml.call(this, value);
    },
  });
}

/** Puts the browser's own `innerHTML` setter back. */
export function restoreInnerHtml(): void {
  if (descriptor) Object.defineProperty(Element.prototype, 'innerHTML', descriptor);
}
