// One template per kind of field of a check form: native inputs with their label, hint and
// message, in the element's shadow root so `for` and `aria-describedby` ids resolve. A field the
// page cannot show (a kind added after this release) says so instead of being left out.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { CheckAnswer, CheckField, FieldPosition, LocalizedText } from '@blauw/core';
import type { Language } from '../shared/language.js';
import type { LocaleController } from '../shared/locale-controller.js';
import { inputFromAnswer } from './form-values.js';
import type { messages } from './messages.js';

/** The field kinds this form renders. */
export const RENDERED_KINDS: ReadonlySet<string> = new Set(['text', 'long_text', 'yes_no', 'choice', 'date', 'time', 'datetime', 'number', 'photo', 'position', 'attestation']);

/** A choice field shows its options as radio buttons up to this many, as a list box beyond. */
const MAX_RADIOS = 6;

/** What the field templates render with. */
export interface FieldUi {
  readonly t: LocaleController<keyof (typeof messages)['nl']>['t'];
  readonly language: Language;
  readonly timeZone: string;
  /** The message of the field's problem, when it is to be corrected. */
  problem(name: string): string | undefined;
  /** A typed or chosen answer (`raw` for an input's text). */
  set(field: CheckField, value: CheckAnswer | undefined, raw?: string): void;
  /** The position being looked up, or why it failed, per field. */
  positionState(name: string): { locating: boolean; error?: string | undefined; position?: FieldPosition | undefined };
  locate(field: CheckField): void;
  /** What the form knows of a photo taken in this session (after a reload only its number). */
  photoInfo(photoId: string): { width: number; height: number; size: number } | undefined;
  addPhotos(field: CheckField, files: FileList): void;
  removePhoto(field: CheckField, photoId: string): void;
  photoError(name: string): boolean;
}

/** The text of a `LocalizedText` in the form's language. */
export const text = (value: LocalizedText, language: Language): string => value[language];

function described(ui: FieldUi, field: CheckField): string | undefined {
  const ids = [field.hint ? `${field.name}-hint` : '', ui.problem(field.name) ? `${field.name}-err` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function caption(ui: FieldUi, field: CheckField): TemplateResult {
  return html`${text(field.label, ui.language)}${field.required ? nothing : html` <span class="optional">${ui.t('optional')}</span>`}`;
}

function notes(ui: FieldUi, field: CheckField): TemplateResult {
  const problem = ui.problem(field.name);
  return html`${field.hint ? html`<p class="hint" id="${field.name}-hint">${text(field.hint, ui.language)}</p>` : nothing}
  ${problem ? html`<p class="err" id="${field.name}-err">${problem}</p>` : nothing}`;
}

/** A field with a `<label>` of its own (one input). */
function labelled(ui: FieldUi, field: CheckField, control: TemplateResult): TemplateResult {
  return html`<div part="field" class="field ${ui.problem(field.name) ? 'invalid' : ''}">
    <label for=${field.name}>${caption(ui, field)}</label>
    ${notes(ui, field)} ${control}
  </div>`;
}

/** A field of several controls, grouped under a legend. */
function grouped(ui: FieldUi, field: CheckField, controls: unknown): TemplateResult {
  return html`<fieldset part="field" class="field ${ui.problem(field.name) ? 'invalid' : ''}" aria-describedby=${ifDefined(described(ui, field))}>
    <legend id=${field.name}>${caption(ui, field)}</legend>
    ${notes(ui, field)} ${controls}
  </fieldset>`;
}

function radios(ui: FieldUi, field: CheckField, options: readonly { value: CheckAnswer; label: string }[], answer: CheckAnswer | undefined): TemplateResult {
  return html`<div class="options ${options.length === 2 ? 'inline' : ''}">
    ${options.map(
      (option, i) => html`<label class="option">
        <input
          type="radio"
          id=${i === 0 ? `${field.name}-0` : nothing}
          name=${field.name}
          .checked=${live(answer === option.value)}
          ?required=${field.required}
          @change=${() => ui.set(field, option.value)}
        />
        ${option.label}
      </label>`,
    )}
  </div>`;
}

function input(ui: FieldUi, field: CheckField, answer: CheckAnswer | undefined, type: string, extra: { inputmode?: string; step?: string } = {}): TemplateResult {
  const rules = field.rules ?? {};
  return html`<input
    id=${field.name}
    name=${field.name}
    type=${type}
    .value=${live(inputFromAnswer(field, answer, ui.timeZone))}
    ?required=${field.required}
    maxlength=${ifDefined(rules.maxLength)}
    min=${ifDefined(field.kind === 'number' ? rules.min : undefined)}
    max=${ifDefined(field.kind === 'number' ? rules.max : undefined)}
    inputmode=${ifDefined(extra.inputmode)}
    step=${ifDefined(extra.step)}
    autocomplete="off"
    aria-invalid=${ui.problem(field.name) ? 'true' : 'false'}
    aria-describedby=${ifDefined(described(ui, field))}
    @input=${(event: Event) => ui.set(field, undefined, (event.target as HTMLInputElement).value)}
  />`;
}

function position(ui: FieldUi, field: CheckField, answer: CheckAnswer | undefined): TemplateResult {
  const state = ui.positionState(field.name);
  const point = typeof answer === 'object' && !Array.isArray(answer) ? answer : undefined;
  const accuracy = state.position && point && state.position.lat === point.lat && state.position.lon === point.lon ? state.position.accuracy : undefined;
  const coordinate = (value: number) => value.toFixed(5);
  return grouped(
    ui,
    field,
    html`<div class="row">
      <button type="button" part="button" id="${field.name}-locate" ?disabled=${state.locating} @click=${() => ui.locate(field)}>${ui.t('usePosition')}</button>
      <p class="value" role="status">
        ${state.locating
          ? ui.t('locating')
          : point
            ? accuracy === undefined
              ? ui.t('positionNoAccuracy', { lat: coordinate(point.lat), lon: coordinate(point.lon) })
              : ui.t('position', { lat: coordinate(point.lat), lon: coordinate(point.lon), accuracy: Math.round(accuracy) })
            : nothing}
      </p>
    </div>
    ${state.error ? html`<p class="err">${state.error}</p>` : nothing}`,
  );
}

function photos(ui: FieldUi, field: CheckField, answer: CheckAnswer | undefined): TemplateResult {
  const ids = Array.isArray(answer) ? answer : [];
  const full = field.rules?.maxItems !== undefined && ids.length >= field.rules.maxItems;
  return grouped(
    ui,
    field,
    html`${ids.length
        ? html`<ul class="photos" part="photos">
            ${ids.map((photoId, i) => {
              const info = ui.photoInfo(photoId);
              const n = i + 1;
              return html`<li>
                <span>${info ? ui.t('photo', { n, width: String(info.width), height: String(info.height), size: Math.max(1, Math.round(info.size / 1024)) }) : ui.t('photoKept', { n })}</span>
                <button type="button" part="button" @click=${() => ui.removePhoto(field, photoId)}>${ui.t('removePhoto', { n })}</button>
              </li>`;
            })}
          </ul>`
        : nothing}
      <label class="file" part="button" ?hidden=${full}>
        ${ui.t('addPhoto')}
        <input
          type="file"
          id="${field.name}-file"
          accept="image/*"
          capture="environment"
          ?multiple=${field.rules?.maxItems !== 1}
          @change=${(event: Event) => {
            const chooser = event.target as HTMLInputElement;
            if (chooser.files?.length) ui.addPhotos(field, chooser.files);
            chooser.value = '';
          }}
        />
      </label>
      ${ui.photoError(field.name) ? html`<p class="err">${ui.t('photoFailed')}</p>` : nothing}`,
  );
}

/** The template of one field, by its kind. */
export function fieldView(ui: FieldUi, field: CheckField, answer: CheckAnswer | undefined): TemplateResult {
  const { t, language } = ui;
  switch (field.kind) {
    case 'text':
      return labelled(ui, field, input(ui, field, answer, 'text'));
    case 'long_text':
      return labelled(
        ui,
        field,
        html`<textarea
          id=${field.name}
          name=${field.name}
          rows="4"
          .value=${live(typeof answer === 'string' ? answer : '')}
          ?required=${field.required}
          maxlength=${ifDefined(field.rules?.maxLength)}
          aria-invalid=${ui.problem(field.name) ? 'true' : 'false'}
          aria-describedby=${ifDefined(described(ui, field))}
          @input=${(event: Event) => ui.set(field, undefined, (event.target as HTMLTextAreaElement).value)}
        ></textarea>`,
      );
    case 'number':
      return labelled(ui, field, input(ui, field, answer, 'text', { inputmode: 'decimal' }));
    case 'date':
      return labelled(ui, field, input(ui, field, answer, 'date'));
    case 'time':
      return labelled(ui, field, input(ui, field, answer, 'time'));
    case 'datetime':
      return labelled(ui, field, input(ui, field, answer, 'datetime-local'));
    case 'yes_no':
      return grouped(ui, field, radios(ui, field, [{ value: true, label: t('yes') }, { value: false, label: t('no') }], answer));
    case 'choice': {
      const options = (field.options ?? []).map((option) => ({ value: option.value, label: text(option.label, language) }));
      if (options.length <= MAX_RADIOS) return grouped(ui, field, radios(ui, field, options, answer));
      return labelled(
        ui,
        field,
        html`<select
          id=${field.name}
          name=${field.name}
          ?required=${field.required}
          aria-invalid=${ui.problem(field.name) ? 'true' : 'false'}
          aria-describedby=${ifDefined(described(ui, field))}
          @change=${(event: Event) => ui.set(field, (event.target as HTMLSelectElement).value || undefined)}
        >
          <option value="" .selected=${live(answer === undefined)}>${t('choose')}</option>
          ${options.map((option) => html`<option value=${option.value} .selected=${live(answer === option.value)}>${option.label}</option>`)}
        </select>`,
      );
    }
    case 'attestation':
      return html`<div part="field" class="field attestation ${ui.problem(field.name) ? 'invalid' : ''}">
        ${notes(ui, field)}
        <label class="option">
          <input
            type="checkbox"
            id=${field.name}
            name=${field.name}
            .checked=${live(answer === true)}
            ?required=${field.required}
            aria-invalid=${ui.problem(field.name) ? 'true' : 'false'}
            aria-describedby=${ifDefined(described(ui, field))}
            @change=${(event: Event) => ui.set(field, (event.target as HTMLInputElement).checked ? true : undefined)}
          />
          ${caption(ui, field)}
        </label>
      </div>`;
    case 'position':
      return position(ui, field, answer);
    case 'photo':
      return photos(ui, field, answer);
    default:
      return html`<div part="field" class="field">
        <p id=${field.name} class="err">${text(field.label, language)}: ${t('unknownKind', { kind: field.kind })}</p>
      </div>`;
  }
}
