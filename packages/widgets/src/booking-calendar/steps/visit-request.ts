import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DayPart, Topic } from '@blauw/core';
import { addressFields, field, submitButton, type Ui } from './parts.js';

const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;

/** The question a topic asks in its own words: what happened, or what to talk about. */
export const reasonLabel = (topic: Topic | undefined): 'facts' | 'talk' => (topic?.asksFacts ? 'facts' : 'talk');

/** Step 3 of a home visit: where, which parts of the day suit, and why. */
export function visitRequest(ui: Ui, topic: Topic | undefined, parts: readonly DayPart[], toggle: (part: DayPart, on: boolean) => void, submit: (e: Event) => void): unknown {
  const { t } = ui;
  const bad = ui.errs.includes('dayParts');
  return html`
    <form novalidate @submit=${submit}>
      ${addressFields(ui)}
      <fieldset part="field" aria-describedby=${ifDefined(bad ? 'dayParts-e' : undefined)}>
        <legend>${t('dayParts')}</legend>
        ${bad ? html`<p class="err" id="dayParts-e">${ui.errText('dayParts')}</p>` : nothing}
        ${DAY_PARTS.map(
          (part, i) =>
            html`<label class="check"
              ><input
                type="checkbox"
                id=${i ? part : 'dayParts'}
                name="dayParts"
                .checked=${parts.includes(part)}
                ?required=${!parts.length}
                @change=${(e: Event) => toggle(part, (e.target as HTMLInputElement).checked)}
              />
              ${t(part)}</label
            >`,
        )}
      </fieldset>
      ${field(ui, 'reason', reasonLabel(topic))} ${submitButton(ui, 'next')}
    </form>
  `;
}
