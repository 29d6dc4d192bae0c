import { css } from 'lit';

/**
 * The `--blauw-*` design tokens and their defaults. A page themes widgets by setting a token on
 * the widget or on any ancestor (`:root { --blauw-accent: #006a4e; }` themes every widget).
 * Every text colour passes WCAG 2.1 AA (4.5:1) on the white surface, and the border and focus
 * ring pass the 3:1 asked of interface components (contrast on #ffffff in brackets).
 *
 * | token | default | use |
 * |---|---|---|
 * | `--blauw-accent` | `#1f4e9c` (7.99:1) | primary buttons, selected days, links |
 * | `--blauw-on-accent` | `#ffffff` (7.99:1 on accent) | text on the accent colour |
 * | `--blauw-text` | `#1a1a1a` (17.4:1) | body text |
 * | `--blauw-muted` | `#595959` (7.0:1) | secondary text, hints |
 * | `--blauw-surface` | `#ffffff` | background of cards and inputs |
 * | `--blauw-border` | `#767676` (4.54:1) | input and card borders |
 * | `--blauw-danger` | `#b3261e` (6.54:1) | error text and borders |
 * | `--blauw-success` | `#1e6b34` (6.55:1) | confirmation text |
 * | `--blauw-focus-ring` | the accent (7.99:1) | the `:focus-visible` outline |
 * | `--blauw-radius` | `0.375rem` | corner radius |
 * | `--blauw-font-family` | `inherit` | the page's font, so the widget matches the site |
 * | `--blauw-space-1` … `--blauw-space-5` | `0.25rem`, `0.5rem`, `0.75rem`, `1rem`, `1.5rem` | spacing scale |
 * | `--blauw-font-size-sm` / `-lg` / `-xl` | `0.875rem` / `1.25rem` / `1.5rem` | type scale (body text is the page's size) |
 *
 * Widget styles read the resolved value `var(--_blauw-accent)`, never the public name. Why the
 * private alias: declaring `--blauw-accent: #1f4e9c` itself on `:host` would shadow a value the
 * page set on an ancestor, and theming the whole page from `:root` is what webmasters do first.
 * Only tokens some widget reads get an alias (each one ships in every CDN bundle); the text
 * colour, font and focus ring, read once each, use the public name with its default in place.
 *
 * @category Design tokens
 */
export const tokens = css`
  :host {
    --_blauw-accent: var(--blauw-accent, #1f4e9c);
    --_blauw-on-accent: var(--blauw-on-accent, #ffffff);
    --_blauw-muted: var(--blauw-muted, #595959);
    --_blauw-surface: var(--blauw-surface, #ffffff);
    --_blauw-border: var(--blauw-border, #767676);
    --_blauw-danger: var(--blauw-danger, #b3261e);
    --_blauw-success: var(--blauw-success, #1e6b34);
    --_blauw-radius: var(--blauw-radius, 0.375rem);
    --_blauw-space-1: var(--blauw-space-1, 0.25rem);
    --_blauw-space-2: var(--blauw-space-2, 0.5rem);
    --_blauw-space-3: var(--blauw-space-3, 0.75rem);
    --_blauw-space-4: var(--blauw-space-4, 1rem);
    --_blauw-space-5: var(--blauw-space-5, 1.5rem);
    --_blauw-font-size-sm: var(--blauw-font-size-sm, 0.875rem);
    --_blauw-font-size-lg: var(--blauw-font-size-lg, 1.25rem);
    --_blauw-font-size-xl: var(--blauw-font-size-xl, 1.5rem);

    font-family: var(--blauw-font-family, inherit);
    color: var(--blauw-text, #1a1a1a);
  }
`;

/**
 * A visible keyboard focus ring on every focusable thing in the shadow root, only for keyboard
 * focus (`:focus-visible`), never removed without a replacement.
 *
 * @category Design tokens
 */
export const focusRing = css`
  :focus-visible {
    outline: 0.125rem solid var(--blauw-focus-ring, var(--_blauw-accent));
    outline-offset: 0.125rem;
  }
`;

/**
 * Respects `prefers-reduced-motion`: no animations (the widgets have no transitions or smooth
 * scrolling; a widget that adds some should stop them here too).
 *
 * @category Design tokens
 */
export const reducedMotion = css`
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
    }
  }
`;

/**
 * The look every widget's buttons share (and a link styled as one, `.button`): the accent on the
 * surface, and targets of at least 2.75rem (44 px) each way, as WCAG 2.5.5 asks. A widget adds
 * its padding and its variants (a primary button, a zoom control).
 *
 * @category Design tokens
 */
export const buttons = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    font: inherit;
    color: var(--_blauw-accent);
    background: var(--_blauw-surface);
    border: 0.0625rem solid var(--_blauw-accent);
    border-radius: var(--_blauw-radius);
    text-decoration: none;
    cursor: pointer;
  }
`;

/**
 * Text for screen readers only (class `vh`): out of sight, still read, as a live region's words or
 * a heading a sighted reader does not need.
 *
 * @category Design tokens
 */
export const visuallyHidden = css`
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The host every widget shares: a block, gone when the page sets `hidden` on it (an author
 * `:host { display: block }` would otherwise win over the browser's own `[hidden]` rule, so
 * `<blauw-chat hidden>` stayed on screen), and inside, `hidden` that no class can override, and
 * sizes that include padding and border.
 *
 * @category Design tokens
 */
export const hostBox = css`
  :host {
    display: block;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
`;

/**
 * The host box, tokens, focus ring, reduced motion and buttons together: the first entry of every
 * widget's `styles`.
 *
 * @category Design tokens
 */
export const baseStyles = [hostBox, tokens, focusRing, reducedMotion, buttons];
