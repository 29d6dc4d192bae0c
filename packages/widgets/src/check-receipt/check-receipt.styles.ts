import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

/**
 * Styles of `<blauw-check-receipt>`: the shared tokens, logical properties and rem, no fixed
 * widths (320 px and 200 % zoom wrap long answers), and a print look: black on white, no button,
 * no shadow, a row never split over two pages, sized to fit A5 as well as A4.
 */
export const styles = [
  baseStyles,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    [part~='receipt'] {
      max-inline-size: var(--blauw-receipt-max-width, 40rem);
      padding: var(--_blauw-space-4);
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      box-shadow: var(--blauw-receipt-shadow, none);
      container: receipt / inline-size;
    }
    [part~='header'] {
      border-block-end: 0.125rem solid var(--_blauw-accent);
      padding-block-end: var(--_blauw-space-3);
      margin-block-end: var(--_blauw-space-3);
    }
    [part~='zone'] {
      margin: 0;
      font-weight: 600;
      color: var(--_blauw-accent);
    }
    [part~='title'] {
      margin: 0;
      font-size: var(--_blauw-font-size-xl);
      line-height: 1.25;
    }
    [part~='title'] span {
      display: block;
    }
    .kind {
      font-size: var(--_blauw-font-size-sm);
      font-weight: 400;
      color: var(--_blauw-muted);
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    [part~='findings-heading'] {
      margin-block: var(--_blauw-space-4) var(--_blauw-space-2);
      font-size: var(--_blauw-font-size-lg);
    }
    dl {
      margin: 0;
    }
    [part~='row'] {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: var(--_blauw-space-1) var(--_blauw-space-3);
      padding-block: var(--_blauw-space-2);
      border-block-end: 0.0625rem solid var(--_blauw-border);
      break-inside: avoid;
      page-break-inside: avoid;
    }
    /* Narrow screens and 200 % zoom: the answer goes under its label. */
    @container receipt (max-width: 28rem) {
      [part~='row'] {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    dt {
      color: var(--_blauw-muted);
    }
    dd {
      margin: 0;
      min-inline-size: 0;
    }
    dd.long {
      white-space: pre-line;
    }
    .reference {
      font-family: var(--blauw-receipt-reference-font, ui-monospace, monospace);
      font-weight: 600;
      letter-spacing: 0.05em;
    }
    [part~='notice'] {
      margin-block: var(--_blauw-space-4) 0;
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='print-button'] {
      margin-block-start: var(--_blauw-space-3);
      padding-inline: var(--_blauw-space-4);
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }

    @media print {
      :host {
        color: #000;
        background: #fff;
        font-size: 10pt;
      }
      [part~='receipt'] {
        max-inline-size: none;
        padding: 0;
        border: 0;
        box-shadow: none;
        background: #fff;
      }
      [part~='header'] {
        border-block-end-color: #000;
      }
      [part~='zone'],
      .kind,
      dt {
        color: #000;
      }
      [part~='row'] {
        border-block-end-color: #000;
      }
      [part~='print-button'] {
        display: none;
      }
      * {
        box-shadow: none !important;
        text-shadow: none !important;
      }
    }
  `,
];
