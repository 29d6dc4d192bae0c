import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/** Styles of `<blauw-booking-calendar>`: only the shared tokens, logical properties and rem, no fixed widths. */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      /* Long German compounds break rather than overflow at 320 px. */
      overflow-wrap: break-word;
    }
    h2 {
      font-size: var(--_blauw-font-size-xl);
      margin-block: 0 var(--_blauw-space-4);
    }
    h3 {
      font-size: var(--_blauw-font-size-lg);
      margin-block: var(--_blauw-space-5) var(--_blauw-space-2);
    }
    [part~='progress'] {
      display: block;
      font-size: var(--_blauw-font-size-sm);
      font-weight: normal;
      color: var(--_blauw-muted);
    }
    .booked h2,
    .requested h2 {
      color: var(--_blauw-success);
    }
    button,
    .button {
      padding-block: var(--_blauw-space-2);
      padding-inline: var(--_blauw-space-4);
    }
    .primary {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    /* Back stands above the step's heading, apart from the step's own buttons. */
    .back {
      margin-block-end: var(--_blauw-space-3);
    }
    .primary,
    .actions button {
      margin-block-start: var(--_blauw-space-4);
      margin-inline-end: var(--_blauw-space-2);
    }
    a {
      color: var(--_blauw-accent);
      overflow-wrap: anywhere;
    }
    .card {
      position: relative;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 var(--_blauw-space-2);
      padding: var(--_blauw-space-3);
      margin-block-end: var(--_blauw-space-2);
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    .card label {
      font-weight: bold;
    }
    /* The whole card picks the topic or office. */
    .card label::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .card p {
      grid-column: 2;
      margin: 0;
      color: var(--_blauw-muted);
    }
    .skeleton {
      block-size: 5.5rem;
      margin-block-end: var(--_blauw-space-2);
      border-radius: var(--_blauw-radius);
      background: color-mix(in srgb, var(--_blauw-muted) 15%, transparent);
      animation: pulse 1.5s infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_blauw-space-3);
    }
    .row .field {
      flex: 1 1 8rem;
    }
    .field,
    fieldset {
      margin-block: 0 var(--_blauw-space-3);
    }
    .field label {
      display: block;
    }
    input,
    select,
    textarea {
      inline-size: 100%;
      min-block-size: 2.75rem;
      padding: var(--_blauw-space-2);
      font: inherit;
      color: inherit;
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    textarea {
      min-block-size: 6rem;
    }
    input[type='radio'],
    input[type='checkbox'] {
      inline-size: 1.25rem;
      min-block-size: 1.25rem;
      margin: 0.125rem;
      accent-color: var(--_blauw-accent);
    }
    [aria-invalid='true'] {
      border-color: var(--_blauw-danger);
      border-width: 0.125rem;
    }
    .err,
    [role='alert'],
    [role='alert'] a {
      color: var(--_blauw-danger);
    }
    .err {
      margin: 0;
      font-weight: bold;
    }
    /* Every alert is a part=alert or the error summary. */
    [role='alert'] {
      padding: var(--_blauw-space-3);
      margin-block-end: var(--_blauw-space-4);
      border: 0.125rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
    }
    .banner {
      padding: var(--_blauw-space-3);
      border-inline-start: 0.25rem solid var(--_blauw-danger);
      background: var(--_blauw-surface);
    }
    .month {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_blauw-space-2);
    }
    .month h3 {
      margin: 0;
      text-align: center;
    }
    table {
      inline-size: 100%;
      table-layout: fixed;
      border-collapse: collapse;
      margin-block: var(--_blauw-space-3);
    }
    th {
      padding-block-end: var(--_blauw-space-1);
      font-size: var(--_blauw-font-size-sm);
      font-weight: normal;
      color: var(--_blauw-muted);
      overflow: hidden;
    }
    td {
      padding: 0.0625rem;
      text-align: center;
    }
    /* Cells shrink with the width and stay square; at normal widths they reach 44px. */
    td button {
      inline-size: 100%;
      max-inline-size: 3.5rem;
      min-inline-size: 0;
      min-block-size: 0;
      aspect-ratio: 1;
      padding: 0;
      font-weight: bold;
    }
    td button[aria-disabled='true'] {
      font-weight: normal;
      color: var(--_blauw-muted);
      border-color: transparent;
      cursor: default;
    }
    [aria-selected='true'] button {
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    [aria-busy='true'] td button {
      opacity: 0.6;
    }
    .times {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr));
      gap: var(--_blauw-space-2);
    }
    /* The times offered after a slot was taken carry their date: one full-width choice per row. */
    .alternatives {
      grid-template-columns: 1fr;
    }
    .times p {
      grid-column: 1 / -1;
      margin: 0;
      font-weight: bold;
    }
    .check,
    .time {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
      min-block-size: 2.75rem;
    }
    .time {
      padding-inline: var(--_blauw-space-2);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    .card:has(:checked),
    .time:has(:checked) {
      border-color: var(--_blauw-accent);
      box-shadow: inset 0 0 0 0.125rem var(--_blauw-accent);
    }
    /* Label and value side by side at every width: the label column takes what the longest label
       needs, up to 45%, so a pair never splits across rows. */
    dl {
      display: grid;
      grid-template-columns: fit-content(45%) minmax(0, 1fr);
      gap: var(--_blauw-space-1) var(--_blauw-space-4);
    }
    dt {
      grid-column: 1;
      font-weight: bold;
    }
    dd {
      grid-column: 2;
      margin: 0;
    }
    .ok {
      color: var(--_blauw-success);
      font-weight: bold;
    }
  `,
];
