import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/** Styles of `<blauw-record-lookup>`: the shared tokens, logical properties and rem, no fixed widths (320 px and 200 % zoom reflow). */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: var(--_blauw-font-size-xl);
      margin-block: 0 var(--_blauw-space-3);
    }
    h3 {
      font-size: var(--_blauw-font-size-lg);
      margin-block: var(--_blauw-space-4) var(--_blauw-space-2);
    }
    h4 {
      font-size: var(--_blauw-font-size-lg);
      margin-block: 0 var(--_blauw-space-2);
    }
    h5 {
      font-size: 1rem;
      margin-block: var(--_blauw-space-3) var(--_blauw-space-1);
    }
    .muted,
    .hint,
    .note {
      color: var(--_blauw-muted);
    }
    .hint,
    .note {
      font-size: var(--_blauw-font-size-sm);
      margin-block: 0 var(--_blauw-space-1);
    }
    .notice {
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      background: var(--blauw-offline-background, #fff4d6);
      border: 0.0625rem solid var(--_blauw-border);
      border-inline-start: 0.375rem solid #8a4f00;
      border-radius: var(--_blauw-radius);
    }
    .error-summary {
      padding: var(--_blauw-space-3) var(--_blauw-space-4);
      margin-block-end: var(--_blauw-space-4);
      border: 0.1875rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
    }
    .error-summary h3 {
      margin-block-start: 0;
    }
    .error-summary a {
      color: var(--_blauw-danger);
      font-weight: 600;
    }
    fieldset {
      min-inline-size: 0;
      margin: 0 0 var(--_blauw-space-4);
      padding: var(--_blauw-space-3);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    legend {
      font-weight: 600;
      padding-inline: var(--_blauw-space-1);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_blauw-space-1);
      margin-block-end: var(--_blauw-space-3);
    }
    .field.invalid {
      padding-inline-start: var(--_blauw-space-3);
      border-inline-start: 0.25rem solid var(--_blauw-danger);
    }
    label {
      font-weight: 600;
    }
    .optional {
      font-weight: normal;
      color: var(--_blauw-muted);
    }
    .err {
      margin: 0;
      color: var(--_blauw-danger);
      font-weight: 600;
    }
    input,
    select {
      inline-size: 100%;
      max-inline-size: 30rem;
      min-block-size: 2.75rem;
      padding: var(--_blauw-space-2);
      font: inherit;
      color: inherit;
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [aria-invalid='true'] {
      border: 0.125rem solid var(--_blauw-danger);
    }
    .feedback {
      margin: 0;
      min-block-size: 1.5em;
      font-size: var(--_blauw-font-size-sm);
    }
    .feedback.valid {
      color: var(--_blauw-success);
    }
    .feedback.invalid {
      color: var(--_blauw-danger);
      font-weight: 600;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      column-gap: var(--_blauw-space-3);
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-1);
      border-block-end: 0.125rem solid var(--_blauw-accent);
    }
    [role='tab'] {
      padding-inline: var(--_blauw-space-3);
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
    [role='tab'][aria-selected='true'] {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
      font-weight: 600;
    }
    .panel {
      padding-block: var(--_blauw-space-3);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-3);
      align-items: center;
    }
    button {
      padding-inline: var(--_blauw-space-3);
    }
    button.primary {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .alert {
      padding: var(--_blauw-space-3);
      border: 0.0625rem solid var(--_blauw-danger);
      border-inline-start: 0.375rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
    }
    .alert p {
      margin-block: 0 var(--_blauw-space-2);
    }
    .purpose-line {
      font-weight: 600;
      margin-block: 0;
    }
    .cards,
    .recent ol,
    [part~='linked'] ul {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_blauw-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='linked'] ul {
      gap: var(--_blauw-space-1);
    }
    .record {
      padding: var(--_blauw-space-3);
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    .record.flagged {
      border-inline-start: 0.375rem solid var(--blauw-flag, #b3261e);
    }
    [part~='flags'] {
      display: grid;
      gap: var(--_blauw-space-1);
      margin: 0 0 var(--_blauw-space-2);
      padding: 0;
      list-style: none;
    }
    .flag {
      display: flex;
      gap: var(--_blauw-space-2);
      align-items: flex-start;
      padding: var(--_blauw-space-1) var(--_blauw-space-2);
      color: var(--blauw-text, #1a1a1a);
      background: var(--blauw-flag-background, #fdecea);
      border: 0.0625rem solid var(--blauw-flag, #b3261e);
      border-radius: var(--_blauw-radius);
    }
    .icon {
      flex: none;
      inline-size: 1.25rem;
      block-size: 1.25rem;
      margin-block-start: 0.125rem;
      color: var(--blauw-flag, #b3261e);
    }
    dl {
      display: grid;
      gap: var(--_blauw-space-1);
      margin: 0;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(0, 12rem) minmax(0, 1fr);
      gap: var(--_blauw-space-2);
    }
    @media (max-width: 30rem) {
      .row {
        grid-template-columns: minmax(0, 1fr);
        gap: 0;
      }
    }
    dt {
      color: var(--_blauw-muted);
    }
    dd {
      margin: 0;
    }
    .nrn,
    .plate {
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.03em;
    }
    .note {
      display: block;
    }
    .recent li {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2);
      align-items: center;
      justify-content: space-between;
      padding-block: var(--_blauw-space-2);
      border-block-end: 0.0625rem solid var(--_blauw-border);
    }
    .recent li p {
      margin: 0;
      flex: 1 1 14rem;
    }
  `,
];
