import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/** Styles of `<blauw-briefings>`: the shared tokens, logical properties and rem, no fixed widths (320 px and 200 % zoom reflow). */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    [part~='heading'] {
      font-size: var(--_blauw-font-size-xl);
      margin-block: 0 var(--_blauw-space-3);
    }
    [part~='status'] {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
      margin-block: 0 var(--_blauw-space-3);
      color: var(--_blauw-muted);
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='status'].offline {
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      color: var(--blauw-text, #1a1a1a);
      font-size: inherit;
      background: var(--blauw-offline-background, #fff4d6);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    .dot {
      flex: none;
      inline-size: 0.625rem;
      block-size: 0.625rem;
      border-radius: 50%;
      background: var(--_blauw-muted);
    }
    .live .dot {
      background: var(--_blauw-success);
    }
    ul[part~='list'] {
      display: grid;
      gap: var(--_blauw-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part~='briefing'] {
      padding: var(--_blauw-space-3) var(--_blauw-space-4);
      background: var(--_blauw-surface);
      border: 0.0625rem solid var(--_blauw-border);
      border-inline-start: 0.375rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='briefing'].urgent {
      border-inline-start-color: var(--blauw-briefing-urgent, var(--_blauw-danger));
    }
    [part~='briefing'].acknowledged {
      border-inline-start-color: var(--_blauw-success);
    }
    [part~='title'] {
      margin: 0;
      font-size: var(--_blauw-font-size-lg);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-1) var(--_blauw-space-3);
      margin-block: var(--_blauw-space-1) var(--_blauw-space-2);
      color: var(--_blauw-muted);
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='priority'] {
      display: inline-flex;
      align-items: center;
      gap: var(--_blauw-space-1);
      font-weight: 600;
      color: var(--blauw-text, #1a1a1a);
    }
    .urgent [part~='priority'] {
      color: var(--blauw-briefing-urgent, var(--_blauw-danger));
    }
    [part~='priority'] svg {
      inline-size: 1rem;
      block-size: 1rem;
      fill: currentColor;
    }
    [part~='text'] {
      margin-block: 0 var(--_blauw-space-2);
      white-space: pre-line;
    }
    [part~='attachments'] {
      margin: 0 0 var(--_blauw-space-2);
      padding-inline-start: var(--_blauw-space-4);
    }
    [part~='attachment'] {
      color: var(--_blauw-accent);
    }
    .host {
      color: var(--_blauw-muted);
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='acknowledge'] {
      padding-inline: var(--_blauw-space-4);
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    [part~='acknowledge'][aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
    [part~='acknowledged'] {
      margin: 0;
      font-weight: 600;
      color: var(--_blauw-success);
    }
    /* On its way, not yet the server's: not in the colour of a delivered acknowledgement. */
    [part~='ack-waiting'] {
      color: var(--_blauw-muted);
    }
    [part~='ack-error'] {
      margin-block: var(--_blauw-space-2) 0;
      color: var(--_blauw-danger);
    }
    [part~='team'] {
      margin-block-start: var(--_blauw-space-3);
    }
    [part~='team'] h4 {
      margin: 0 0 var(--_blauw-space-1);
      font-size: 1rem;
    }
    [part~='team'] dl {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_blauw-space-1);
      margin: 0;
    }
    [part~='team'] dt {
      font-weight: 600;
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='team'] dd {
      margin: 0 0 var(--_blauw-space-2);
    }
    [part~='team'] ul {
      margin: 0;
      padding-inline-start: var(--_blauw-space-4);
    }
    [part~='count'] {
      margin: 0;
      font-weight: 600;
    }
    [part~='empty'] {
      margin: 0;
      padding: var(--_blauw-space-4);
      border: 0.0625rem dashed var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    div[part~='alert'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_blauw-space-2) var(--_blauw-space-3);
      padding: var(--_blauw-space-3);
      color: var(--_blauw-danger);
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
      [part~='publish-form'] {
      display: grid;
      gap: var(--_blauw-space-3);
      margin-block-end: var(--_blauw-space-5);
      padding: var(--_blauw-space-3) var(--_blauw-space-4);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='publish-form'] h3 {
      margin: 0;
      font-size: var(--_blauw-font-size-lg);
    }
    .field {
      display: grid;
      gap: var(--_blauw-space-1);
    }
    .field input,
    .field textarea {
      inline-size: 100%;
      min-block-size: 2.75rem;
      padding: var(--_blauw-space-2);
      font: inherit;
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    .field [aria-invalid='true'] {
      border-color: var(--_blauw-danger);
      border-width: 0.125rem;
    }
    .field-error {
      margin: 0;
      color: var(--_blauw-danger);
    }
    .check {
      display: flex;
      align-items: center;
      gap: var(--_blauw-space-2);
    }
    .check input,
    .audience input[type='radio'] {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .audience {
      display: grid;
      gap: var(--_blauw-space-2);
      margin: 0;
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
    }
    [part~='error-summary'] {
      padding: var(--_blauw-space-3);
      color: var(--_blauw-danger);
      border: 0.125rem solid var(--_blauw-danger);
      border-radius: var(--_blauw-radius);
    }
    [part~='error-summary'] p,
    [part~='error-summary'] ul {
      margin: 0;
    }
    [part~='error-summary'] a {
      color: inherit;
    }
    [part~='publish'] {
      justify-self: start;
      padding-inline: var(--_blauw-space-4);
      color: var(--_blauw-on-accent);
      background: var(--_blauw-accent);
    }
    [part~='published'] {
      margin: 0;
      color: var(--_blauw-success);
    }
  `,
];
