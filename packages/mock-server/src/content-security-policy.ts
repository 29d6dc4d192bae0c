/**
 * The Content-Security-Policy the mock server sends with its demo pages (`/demo/*.html`): what a
 * municipality with a strict policy would send. Scripts and styles only from the page's own
 * origin, no inline styles, and DOM sinks only through the Trusted Types policies `lit-html`
 * and `blauw`, so the widgets are shown to work there. Images from the page's origin and from
 * `blob:` URLs only: the chat shows a message's photos from object URLs of the bytes it fetched
 * with the officer's token (an `<img>` cannot send one), never from another site.
 */
export const DEMO_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' blob:; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html blauw";
