// The supervisor's publish form: title, text, urgency, audience (a team or a shift by its code),
// validity in the zone's wall-clock time; an error summary on top linking to the fields it names,
// each field with its own message. Rendered into the element's shadow root so the links and
// `aria-describedby` resolve.
import { html, nothing, type TemplateResult } from 'lit';
import type { PublishDraft, PublishField } from '../publish-rules.js';
import type { BriefingsUi } from './briefing-parts.js';

/** What the form shows and reports. */
export interface PublishFormState {
  draft: PublishDraft;
  /** The fields to correct, in the form's order. */
  problems: readonly PublishField[];
  /** A failure that names no field (the server down, a refusal without pointers). */
  failure: string | undefined;
  busy: boolean;
  /** The last briefing published here, to confirm it. */
  published: string | undefined;
  input: (field: keyof PublishDraft, value: string | boolean) => void;
  submit: (event: Event) => void;
}

const ids: Record<PublishField, string> = { title: 'pf-title', text: 'pf-text', audienceId: 'pf-audience', validFrom: 'pf-from', validUntil: 'pf-until' };

/** The publish form. */
export function publishForm(ui: BriefingsUi, state: PublishFormState): TemplateResult {
  const { t } = ui.locale;
  const { draft, problems } = state;
  const invalid = (field: PublishField) => problems.includes(field);
  const described = (field: PublishField) => (invalid(field) ? `${ids[field]}-error` : nothing);
  const error = (field: PublishField) => (invalid(field) ? html`<p class="field-error" id=${`${ids[field]}-error`}>${t(`e.${field}`)}</p>` : nothing);
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  return html`<form part="publish-form" novalidate aria-labelledby="pf-heading" @submit=${state.submit}>
    <h3 id="pf-heading">${t('publishHeading')}</h3>
    ${problems.length > 0
      ? html`<div part="error-summary" role="alert" tabindex="-1">
          <p>${t('errors')}</p>
          <ul>
            ${problems.map((field) => html`<li><a href=${`#${ids[field]}`} @click=${(event: Event) => focusField(event, ids[field])}>${t(`e.${field}`)}</a></li>`)}
          </ul>
        </div>`
      : nothing}
    ${state.failure ? html`<p part="alert" role="alert">${state.failure}</p>` : nothing}
    <div class="field">
      <label for="pf-title">${t('f.title')}</label>
      <input id="pf-title" name="title" maxlength="200" required .value=${draft.title} aria-invalid=${invalid('title') ? 'true' : 'false'} aria-describedby=${described('title')} @input=${(event: Event) => state.input('title', value(event))} />
      ${error('title')}
    </div>
    <div class="field">
      <label for="pf-text">${t('f.text')}</label>
      <textarea id="pf-text" name="text" rows="4" maxlength="8000" required .value=${draft.text} aria-invalid=${invalid('text') ? 'true' : 'false'} aria-describedby=${described('text')} @input=${(event: Event) => state.input('text', value(event))}></textarea>
      ${error('text')}
    </div>
    <div class="check">
      <input id="pf-urgent" type="checkbox" .checked=${draft.priority} @change=${(event: Event) => state.input('priority', (event.target as HTMLInputElement).checked)} />
      <label for="pf-urgent">${t('f.urgent')}</label>
    </div>
    <fieldset class="audience">
      <legend>${t('f.audience')}</legend>
      <label><input type="radio" name="audienceKind" value="team" .checked=${draft.audienceKind === 'team'} @change=${() => state.input('audienceKind', 'team')} /> ${t('f.team')}</label>
      <label><input type="radio" name="audienceKind" value="shift" .checked=${draft.audienceKind === 'shift'} @change=${() => state.input('audienceKind', 'shift')} /> ${t('f.shift')}</label>
      <div class="field">
        <label for="pf-audience">${t('f.audienceId')}</label>
        <input id="pf-audience" name="audienceId" required .value=${draft.audienceId} aria-invalid=${invalid('audienceId') ? 'true' : 'false'} aria-describedby=${described('audienceId')} @input=${(event: Event) => state.input('audienceId', value(event))} />
        ${error('audienceId')}
      </div>
    </fieldset>
    <div class="field">
      <label for="pf-from">${t('f.validFrom')}</label>
      <input id="pf-from" type="datetime-local" name="validFrom" required .value=${draft.validFrom} aria-invalid=${invalid('validFrom') ? 'true' : 'false'} aria-describedby=${described('validFrom')} @input=${(event: Event) => state.input('validFrom', value(event))} />
      ${error('validFrom')}
    </div>
    <div class="field">
      <label for="pf-until">${t('f.validUntil')}</label>
      <input id="pf-until" type="datetime-local" name="validUntil" required .value=${draft.validUntil} aria-invalid=${invalid('validUntil') ? 'true' : 'false'} aria-describedby=${described('validUntil')} @input=${(event: Event) => state.input('validUntil', value(event))} />
      ${error('validUntil')}
    </div>
    <button type="submit" part="publish" aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? t('publishing') : t('publish')}</button>
    <p part="published" role="status">${state.published ? t('published', { title: state.published }) : nothing}</p>
  </form>`;
}

function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
  root.getElementById(id)?.focus();
}
