/**
 * The Content-Security-Policy the mock server sends with its demo pages (`/demo/*.html`): what a
 * municipality with a strict policy would send. Scripts and styles only from the page's own
 * origin, no inline styles, and DOM sinks only through the Trusted Types policies `lit-html`
 * and `blauw`, so the widgets are shown to work there.
 */
export const DEMO_CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html blauw";
