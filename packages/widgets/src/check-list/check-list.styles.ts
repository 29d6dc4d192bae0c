import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/** Styles of `<blauw-check-list>`: the shared tokens, logical properties and rem, no fixed widths (320 px and 200 % zoom reflow). */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: break-word;
    }
    [part~='heading'] {
      font-size: var(--_blauw-font-size-xl);
      margin-block: 0 var(--_blauw-space-3);
    }
    [part~='group-heading'] {
      font-size: var(--_blauw-font-size-lg);
      margin-block: var(--_blauw-space-4) var(--_blauw-space-2);
    }
    [part~='status'] {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
      margin-block: 0 var(--_blauw-space-3);
      color: var(--_blauw-muted);
    }
    .storage {
      margin-block: var(--_blauw-space-4) 0;
      color: var(--_blauw-muted);
      font-size: var(--_blauw-font-size-sm);
    }
    .storage.warn {
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      color: inherit;
      font-size: inherit;
      background: var(--blauw-offline-background, #fff4d6);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='status'].offline {
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      color: var(--blauw-text, #1a1a1a);
      background: var(--blauw-offline-background, #fff4d6);
      border: 0.0625rem solid var(--_blauw-border);
      border-inline-start: 0.375rem solid var(--blauw-sync-waiting, #8a4f00);
      border-radius: var(--_blauw-radius);
    }
    .dot {
      flex: none;
      inline-size: 0.75rem;
      block-size: 0.75rem;
      border-radius: 50%;
      background: var(--blauw-sync-waiting, #8a4f00);
    }
    [part~='list'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_blauw-space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='entry'] {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: var(--_blauw-space-1);
      inline-size: 100%;
      padding: var(--_blauw-space-3);
      text-align: start;
      color: inherit;
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-inline-start-width: 0.375rem;
      min-inline-size: 0;
      /* A long word (a note, a street) breaks rather than widen the list past a phone's width. */
      overflow-wrap: anywhere;
    }
    [part~='entry']:hover {
      border-color: var(--_blauw-accent);
    }
    /* The one open beside the list: a thicker accent outline, not colour alone (aria-current says it too). */
    [part~='entry'][aria-current='true'] {
      border-color: var(--_blauw-accent);
      box-shadow: inset 0 0 0 0.125rem var(--_blauw-accent);
    }
    [part~='entry'].overdue {
      border-inline-start-color: var(--blauw-check-overdue, var(--_blauw-danger));
    }
    [part~='entry'] > span {
      display: block;
      min-inline-size: 0;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_blauw-space-2);
    }
    [part~='type'] {
      font-weight: bold;
    }
    [part~='address'],
    [part~='note'] {
      color: var(--_blauw-muted);
    }
    [part~='note'] {
      font-style: italic;
      white-space: pre-line;
    }
    [part~='due'] time {
      font-variant-numeric: tabular-nums;
    }
    .overdue [part~='due'] {
      color: var(--blauw-check-overdue, var(--_blauw-danger));
      font-weight: bold;
    }
    [part~='assignment-status'] {
      display: inline-block;
      margin-inline-start: var(--_blauw-space-1);
      padding-inline: var(--_blauw-space-2);
      font-size: var(--_blauw-font-size-sm);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: 1rem;
    }
    [part~='entry'] > [part~='sync'] {
      display: inline-flex;
      align-items: center;
      gap: var(--_blauw-space-1);
      align-self: flex-start;
      font-weight: bold;
    }
    [part~='sync'] svg {
      flex: none;
      inline-size: 1.125rem;
      block-size: 1.125rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.75;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .sync.draft {
      color: var(--blauw-sync-draft, var(--_blauw-muted));
    }
    .sync.waiting {
      color: var(--blauw-sync-waiting, #8a4f00);
    }
    .sync.sending {
      color: var(--blauw-sync-sending, var(--_blauw-accent));
    }
    .sync.sent {
      color: var(--blauw-sync-sent, var(--_blauw-success));
    }
    .sync.needs_attention {
      color: var(--blauw-sync-attention, var(--_blauw-danger));
      text-decoration: underline;
    }
    .done [part~='entry'] {
      border-inline-start-color: var(--_blauw-border);
    }
    [part~='empty'] {
      margin: 0;
      padding: var(--_blauw-space-4);
      border: 0.0625rem dashed var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='alert'] {
      color: var(--_blauw-danger);
    }
    div[part~='alert'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-2) var(--_blauw-space-3);
      padding: var(--_blauw-space-3);
      border: 0.0625rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
    }
    [part~='alert'] p {
      margin: 0;
      flex: 1 1 12rem;
    }
    [part~='retry'] {
      padding-inline: var(--_blauw-space-3);
    }
    [part~='skeleton'] {
      display: grid;
      gap: var(--_blauw-space-2);
    }
    [part~='skeleton'] span {
      block-size: 5.5rem;
      border-radius: var(--_blauw-radius);
      background: color-mix(in srgb, var(--_blauw-border) 20%, transparent);
      animation: blauw-pulse 1.2s ease-in-out infinite alternate;
    }
    @keyframes blauw-pulse {
      to {
        opacity: 0.5;
      }
    }
  `,
];
