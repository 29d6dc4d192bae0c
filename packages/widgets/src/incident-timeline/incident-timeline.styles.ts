import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/** Styles of `<blauw-incident-timeline>`: the shared tokens, logical properties and rem, no fixed widths. */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: break-word;
    }
    button {
      padding-block: var(--_blauw-space-1);
      padding-inline: var(--_blauw-space-3);
    }
    a {
      color: var(--_blauw-accent);
      overflow-wrap: anywhere;
    }
    [part~='status'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-2);
      margin-block: 0 var(--_blauw-space-2);
    }
    [part~='status'] p {
      margin: 0;
    }
    .dot {
      display: inline-block;
      inline-size: 0.75rem;
      block-size: 0.75rem;
      border-radius: 50%;
      background: var(--_blauw-muted);
    }
    .live .dot {
      background: var(--_blauw-success);
    }
    .error .dot {
      background: var(--_blauw-danger);
    }
    .error p {
      color: var(--_blauw-danger);
    }
    [part~='filters'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2) var(--_blauw-space-3);
      margin-block-end: var(--_blauw-space-3);
    }
    [part~='field'] {
      display: flex;
      flex-direction: column;
      font-size: var(--_blauw-font-size-sm);
      flex: 1 1 8rem;
      min-inline-size: 0;
    }
    [part~='field'].search {
      flex-basis: 14rem;
    }
    select,
    input {
      font: inherit;
      font-size: 1rem;
      min-block-size: 2.75rem;
      padding-inline: var(--_blauw-space-2);
      color: inherit;
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      max-inline-size: 100%;
    }
    .new {
      min-block-size: 0;
    }
    [part~='new-events'] {
      margin-block-end: var(--_blauw-space-2);
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    [part~='feed'] {
      block-size: var(--blauw-timeline-height, min(40rem, 75vh));
      /* The scrollbar's place is kept from the start: its appearing would narrow every entry the
         virtualizer just measured, and measure them again in the same frame. */
      scrollbar-gutter: stable;
      /* What changes inside the list (entries arriving, scrolling) is laid out and painted inside it
         alone; the filters and the status line above are not looked at again. */
      contain: strict;
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='event'] {
      contain: layout paint style;
      inline-size: 100%;
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      border-block-end: 0.0625rem solid color-mix(in srgb, var(--_blauw-border) 40%, transparent);
      background: var(--_blauw-surface);
    }
    [part~='event']:focus-visible {
      outline-offset: -0.25rem;
    }
    [part~='event'][aria-current] {
      box-shadow: inset 0.3rem 0 0 var(--_blauw-accent);
    }
    [part~='event'] p,
    [part~='event'] ol {
      margin: 0;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_blauw-space-2);
    }
    time {
      font-variant-numeric: tabular-nums;
      font-weight: bold;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-1);
      margin-block: var(--_blauw-space-1);
    }
    [part~='badge'] {
      display: inline-block;
      padding-inline: var(--_blauw-space-2);
      font-size: var(--_blauw-font-size-sm);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: 1rem;
    }
    [part~='badge'].p1 {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-danger);
      border-color: var(--_blauw-danger);
    }
    [part~='badge'].p2 {
      color: var(--_blauw-danger);
      border-color: var(--_blauw-danger);
    }
    .where {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_blauw-space-3);
    }
    .text {
      color: var(--_blauw-muted);
    }
    .actions {
      margin-block-start: var(--_blauw-space-1);
    }
    [part~='entries'],
    [part~='log'] {
      padding-inline-start: 0;
      list-style: none;
    }
    [part~='empty'] {
      padding: var(--_blauw-space-4);
      border: 0.0625rem dashed var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='footer'] {
      margin-block: var(--_blauw-space-2) 0;
      font-size: var(--_blauw-font-size-sm);
      color: var(--_blauw-muted);
    }
    [part~='dialog'] {
      inline-size: min(40rem, calc(100vw - 2rem));
      max-block-size: calc(100vh - 2rem);
      padding: var(--_blauw-space-4);
      color: inherit;
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='dialog'] h2 {
      font-size: var(--_blauw-font-size-lg);
      margin-block: 0 var(--_blauw-space-2);
    }
    [part~='log'] li {
      padding-block: var(--_blauw-space-1);
      border-block-end: 0.0625rem solid color-mix(in srgb, var(--_blauw-border) 40%, transparent);
    }
    @media (prefers-reduced-motion: reduce) {
      [part~='feed'] {
        scroll-behavior: auto;
      }
    }
  `,
];
