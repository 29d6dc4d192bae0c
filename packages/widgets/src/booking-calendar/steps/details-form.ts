import { html, nothing } from 'lit';
import type { Topic } from '@blauw/core';
import { field, personFields, submitButton, type Ui } from './parts.js';

/** The last step: who the citizen is, and what happened when the topic asks. */
export function detailsForm(ui: Ui, o: { recap: string; topic: Topic | undefined; homeVisit: boolean; taken: unknown; submit: (e: Event) => void }): unknown {
  return html`
    <p class="recap">${o.recap}</p>
    <form novalidate @submit=${o.submit}>
      ${o.taken} ${personFields(ui)} ${!o.homeVisit && o.topic?.asksFacts ? field(ui, 'facts') : nothing}
      ${submitButton(ui, o.homeVisit ? 'send' : 'book')}
    </form>
  `;
}
