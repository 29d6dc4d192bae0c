import { html, nothing, type TemplateResult } from 'lit';
import type { TimelineUi } from './parts.js';

/**
 * The live region with the "N new events" button, while entries wait above the ones on screen
 * (the region stays, so the button's arrival is announced).
 */
export function newEvents(ui: TimelineUi, waiting: number, showThem: () => void): TemplateResult {
  const { t } = ui;
  return html`<div class="new" aria-live="polite">
    ${waiting > 0 ? html`<button part="button new-events" type="button" id="new" @click=${showThem}>${t(waiting === 1 ? 'new.one' : 'new.other', { n: waiting })}</button>` : nothing}
  </div>`;
}
