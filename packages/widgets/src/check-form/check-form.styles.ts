import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

/**
 * Styles of `<blauw-check-form>`: one column of large touch targets (a tablet in the street, a
 * glove on), native inputs at full width, messages in the danger colour with the field's border,
 * and a sync state that carries a word and a shape, never colour alone.
 */
export const styles = [
  baseStyles,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: break-word;
      --_warning: var(--blauw-warning, #8a4b00);
    }
    h2 {
      font-size: var(--_blauw-font-size-xl);
      margin: 0 0 var(--_blauw-space-1);
    }
    h3 {
      font-size: var(--_blauw-font-size-lg);
      margin: 0 0 var(--_blauw-space-2);
    }
    header {
      margin-block-end: var(--_blauw-space-4);
    }
    header p {
      margin: 0;
    }
    .muted,
    .hint {
      color: var(--_blauw-muted);
    }
    .note {
      margin-block-start: var(--_blauw-space-2);
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      border-inline-start: 0.25rem solid var(--_blauw-border);
    }
    form {
      display: grid;
      gap: var(--_blauw-space-4);
    }
    .field {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
      display: grid;
      gap: var(--_blauw-space-1);
    }
    .field.invalid {
      border-inline-start: 0.25rem solid var(--_blauw-danger);
      padding-inline-start: var(--_blauw-space-3);
    }
    label,
    legend {
      font-weight: 600;
      padding: 0;
    }
    .optional {
      font-weight: 400;
      color: var(--_blauw-muted);
    }
    .hint,
    .err {
      margin: 0;
    }
    .err {
      color: var(--_blauw-danger);
      font-weight: 600;
    }
    input:not([type='radio'], [type='checkbox'], [type='file']),
    textarea,
    select {
      inline-size: 100%;
      min-block-size: 2.75rem;
      padding: var(--_blauw-space-2);
      font: inherit;
      color: inherit;
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    /* A number, a date or a time is short: its input is too, so it reads as one. */
    .field input[inputmode='decimal'],
    .field input[type='date'],
    .field input[type='time'],
    .field input[type='datetime-local'] {
      inline-size: auto;
      min-inline-size: 10rem;
      max-inline-size: 100%;
      justify-self: start;
    }
    [aria-invalid='true'] {
      border-color: var(--_blauw-danger);
      border-width: 0.125rem;
    }
    .options {
      display: grid;
      gap: var(--_blauw-space-2);
    }
    .options.inline {
      grid-auto-flow: column;
      justify-content: start;
      gap: var(--_blauw-space-5);
    }
    .option {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
      min-block-size: 2.75rem;
      font-weight: 400;
    }
    .option input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0;
      flex: none;
      accent-color: var(--_blauw-accent);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-3);
    }
    .row .value {
      margin: 0;
    }
    button,
    .file {
      padding: var(--_blauw-space-2) var(--_blauw-space-4);
    }
    .file {
      position: relative;
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
      color: var(--_blauw-accent);
      border: 0.0625rem solid var(--_blauw-accent);
      border-radius: var(--_blauw-radius);
      cursor: pointer;
      justify-self: start;
    }
    /* The file input stays focusable and announced; its label is the visible button. */
    .file input {
      position: absolute;
      inset: 0;
      opacity: 0;
      inline-size: 100%;
      cursor: pointer;
    }
    .file:focus-within {
      outline: 0.125rem solid var(--blauw-focus-ring, var(--_blauw-accent));
      outline-offset: 0.125rem;
    }
    .photos {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_blauw-space-2);
    }
    .photos li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-3);
    }
    .primary {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-3);
    }
    .actions p {
      margin: 0;
    }
    [part~='notice'] {
      padding: var(--_blauw-space-3);
      border: 0.0625rem solid var(--_warning);
      border-inline-start-width: 0.25rem;
      border-radius: var(--_blauw-radius);
    }
    .error-summary,
    [part~='alert'] {
      padding: var(--_blauw-space-3) var(--_blauw-space-4);
      border: 0.1875rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
      margin-block-end: var(--_blauw-space-4);
    }
    .error-summary h3,
    [part~='alert'] p,
    [part~='notice'] p {
      margin-block: 0 var(--_blauw-space-2);
    }
    [part~='alert'] p:last-child,
    [part~='notice'] p:last-child {
      margin-block-end: 0;
    }
    /* Inside its own border: at 320 px an outline outside it would leave the column. */
    .error-summary:focus-visible {
      outline-offset: -0.375rem;
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: var(--_blauw-space-5);
    }
    .error-summary a {
      color: var(--_blauw-danger);
      font-weight: 600;
    }
    .done {
      display: grid;
      gap: var(--_blauw-space-3);
      justify-items: start;
    }
    .done > * {
      margin: 0;
    }
    .done blauw-check-receipt {
      justify-self: stretch;
    }
    .sync {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
      font-weight: 600;
    }
    .dot {
      inline-size: 0.875rem;
      block-size: 0.875rem;
      flex: none;
      border: 0.125rem solid currentColor;
      border-radius: 50%;
    }
    .sync.sent {
      color: var(--_blauw-success);
    }
    .sync.sent .dot {
      background: currentColor;
    }
    .sync.waiting,
    .sync.sending,
    .sync.draft {
      color: var(--_warning);
    }
    .sync.needs_attention {
      color: var(--_blauw-danger);
    }
    .sync.needs_attention .dot {
      border-radius: 0;
      background: currentColor;
    }
    progress {
      inline-size: min(100%, 20rem);
      display: block;
    }
    .reference {
      font-weight: 600;
    }
    .skeleton {
      block-size: 12rem;
      border-radius: var(--_blauw-radius);
      background: color-mix(in srgb, var(--_blauw-border) 15%, transparent);
    }
    @media print {
      header,
      .done > :not(blauw-check-receipt) {
        display: none;
      }
    }
  `,
];
