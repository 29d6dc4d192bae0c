import { css } from 'lit';
import { baseStyles, visuallyHidden } from '../shared/tokens.js';

/**
 * Styles of `<blauw-chat>`: the conversations above the thread on a phone (320 px), side by side
 * from 48rem; the officer's own messages set off by a background and an inline margin, a
 * message's state in a word and a shape, never colour alone.
 */
export const styles = [
  baseStyles,
  visuallyHidden,
  css`
    :host {
      line-height: 1.5;
      overflow-wrap: anywhere;
      --_warning: var(--blauw-warning, #8a4b00);
      --_own: var(--blauw-own-message, #e8eef8);
    }
    h2 {
      font-size: var(--_blauw-font-size-lg);
      margin: 0 0 var(--_blauw-space-2);
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 0.125rem solid var(--blauw-focus-ring, var(--_blauw-accent));
    }
    p {
      margin: 0;
    }
    .layout {
      display: grid;
      gap: var(--_blauw-space-4);
    }
    @media (min-width: 48rem) {
      .layout {
        grid-template-columns: minmax(12rem, 1fr) 2fr;
      }
    }
    ul,
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part~='conversations'] li + li {
      margin-block-start: var(--_blauw-space-2);
    }
    [part~='conversation'] {
      display: grid;
      /* One column the button's width: the shared button style centres its content, which put a
         conversation with short lines (no last message) in the middle. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_blauw-space-1);
      inline-size: 100%;
      text-align: start;
      color: inherit;
      border-color: var(--_blauw-border);
    }
    [part~='conversation'][aria-current='true'] {
      border-inline-start: 0.375rem solid var(--_blauw-accent);
    }
    .title {
      font-weight: 600;
    }
    .last {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .badge {
      justify-self: start;
      padding-inline: var(--_blauw-space-2);
      border-radius: 1rem;
      background: var(--_blauw-accent);
      color: var(--_blauw-on-accent);
      font-size: var(--_blauw-font-size-sm);
    }
    .priority {
      justify-self: start;
      font-weight: 700;
      color: var(--_blauw-danger);
      font-size: var(--_blauw-font-size-sm);
    }
    .priority::before {
      content: '! ';
    }
    .muted,
    time {
      color: var(--_blauw-muted);
      font-size: var(--_blauw-font-size-sm);
    }
    [part~='thread'] {
      display: grid;
      gap: var(--_blauw-space-2);
      margin-block: var(--_blauw-space-3);
    }
    [part~='message'] {
      padding: var(--_blauw-space-2) var(--_blauw-space-3);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      margin-inline-end: var(--_blauw-space-5);
    }
    [part~='message'].own {
      background: var(--_own);
      margin-inline: var(--_blauw-space-5) 0;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2);
      align-items: baseline;
    }
    [part~='sender'] {
      font-weight: 600;
    }
    .text {
      white-space: pre-wrap;
    }
    .links,
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2);
      align-items: center;
      margin-block-start: var(--_blauw-space-1);
    }
    .photos {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_blauw-space-2);
      margin-block-start: var(--_blauw-space-1);
    }
    /* Every state of a thumbnail takes the same box, so nothing moves when the photo arrives. */
    .photo {
      display: flex;
      flex-direction: column;
      justify-content: center;
      gap: var(--_blauw-space-1);
      inline-size: 8rem;
      block-size: 6rem;
      padding: 0;
      overflow: hidden;
      text-align: center;
      font-size: var(--_blauw-font-size-sm);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      background: var(--_blauw-surface);
    }
    .photo.loading {
      background: linear-gradient(135deg, var(--_blauw-surface), var(--_own));
    }
    .photo img,
    dialog img {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }
    dialog img {
      max-block-size: 80vh;
      object-fit: contain;
      margin-block-end: var(--_blauw-space-2);
    }
    .upload progress {
      display: block;
      inline-size: min(100%, 20rem);
      accent-color: var(--_blauw-accent);
    }
    .state.sent {
      color: var(--_blauw-success);
    }
    .state.sent::before {
      content: '✓ ';
    }
    .state.waiting {
      color: var(--_warning);
    }
    .state.failed,
    .error {
      color: var(--_blauw-danger);
    }
    .state.failed::before {
      content: '✕ ';
    }
    .warning {
      color: var(--_warning);
      margin-block-end: var(--_blauw-space-2);
    }
    textarea {
      display: block;
      inline-size: 100%;
      font: inherit;
      padding: var(--_blauw-space-2);
      border: 0.0625rem solid var(--_blauw-border);
      border-radius: var(--_blauw-radius);
      background: var(--_blauw-surface);
      color: inherit;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_blauw-danger);
    }
    label.button:focus-within {
      outline: 0.125rem solid var(--blauw-focus-ring, var(--_blauw-accent));
      outline-offset: 0.125rem;
    }
    .check {
      display: inline-flex;
      gap: var(--_blauw-space-1);
      align-items: center;
      min-block-size: 2.75rem;
    }
  `,
];
