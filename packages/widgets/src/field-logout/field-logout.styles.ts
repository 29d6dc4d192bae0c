import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

/** Styles of `<blauw-field-logout>`: the shared tokens and buttons, logical properties and rem, a dialog that fits 320 px. */
export const styles = [
  baseStyles,
  css`
    :host {
      --_blauw-on-danger: var(--blauw-on-danger, #ffffff);
      line-height: 1.5;
      overflow-wrap: break-word;
    }
    button {
      padding-inline: var(--_blauw-space-4);
      max-inline-size: 100%;
      text-align: center;
    }
    button[aria-busy='true'] {
      cursor: progress;
    }
    [part~='dialog'] {
      inline-size: min(32rem, calc(100vw - 2 * var(--_blauw-space-3)));
      max-inline-size: none;
      padding: var(--_blauw-space-5);
      color: var(--blauw-text, #1a1a1a);
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='dialog']::backdrop {
      background: var(--blauw-backdrop, rgb(0 0 0 / 0.5));
    }
    [part~='dialog-heading'] {
      font-size: var(--_blauw-font-size-lg);
      margin-block: 0 var(--_blauw-space-3);
    }
    [part~='dialog-text'] p {
      margin-block: 0 var(--_blauw-space-2);
    }
    [part~='dialog-text'] .count {
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2);
      margin-block-start: var(--_blauw-space-4);
    }
    [part~='stay-button'] {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    [part~='danger-button'] {
      color: var(--_blauw-on-danger);
      background: var(--_blauw-danger);
      border-color: var(--_blauw-danger);
    }
    [part~='alert'] {
      margin-block: var(--_blauw-space-2) 0;
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      color: var(--_blauw-danger);
      border: 0.0625rem solid var(--_blauw-danger);
      border-inline-start-width: 0.375rem;
      border-radius: var(--_blauw-radius);
    }
    /* Always there, so screen readers hear it fill; it takes no room while empty. */
    [part~='status'] {
      margin-block: var(--_blauw-space-2) 0;
      color: var(--_blauw-success);
    }
    [part~='status']:empty {
      margin: 0;
    }
  `,
];
