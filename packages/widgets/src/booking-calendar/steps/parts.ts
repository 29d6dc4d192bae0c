// The pieces every step is built of: fields, buttons, cards, alerts, the summary. Template
// functions, rendered into the element's shadow root so `for`/`aria-labelledby` ids resolve.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Address, BlauwError, Office, Topic } from '@blauw/core';
import type { ClientTaskRenderers } from '../../shared/client-task.js';
import type { Formatters } from '../../shared/formatters.js';
import type { Language } from '../../shared/language.js';
import type { LocaleController } from '../../shared/locale-controller.js';
import { errorMessageKey } from '../../shared/messages.js';
import { FIELD_RULES, type DetailsForm } from '../field-rules.js';
import type { messages } from '../messages.js';

/** A key of the booking calendar's catalog or of the shared one. */
export type Key = Parameters<LocaleController<keyof (typeof messages)['nl']>['t']>[0];

/** What every step renders with: the language, what the citizen typed, and what to correct. */
export interface Ui {
  readonly t: LocaleController<keyof (typeof messages)['nl']>['t'];
  readonly format: Formatters;
  readonly language: Language;
  /** What the citizen typed so far. */
  readonly form: DetailsForm;
  /** Names of the fields to correct, in form order. */
  readonly errs: readonly string[];
  /** The message for a field to correct. */
  errText(name: string): string;
}

/** One line of an address, as a letter carries it. */
export const addressLine = (a: Address): string =>
  `${a.street} ${a.houseNumber}${a.box ? ` / ${a.box}` : ''}, ${a.postalCode} ${a.municipality}`;

/**
 * Items of a list set in running text ("identiteitskaart en huurcontract"): lower-case initials,
 * except in German, where nouns keep their capital, and for acronyms such as "eID" or "PV".
 */
export function inRunningText(items: readonly string[], language: Language): string[] {
  return language === 'de' ? [...items] : items.map((item) => (/^\p{Lu}\p{Ll}/u.test(item) ? item[0]!.toLowerCase() + item.slice(1) : item));
}

/** A button that does something here; `primary` marks the one that moves the flow forward. */
export function button(ui: Ui, label: Key, click: () => unknown, kind?: 'primary' | 'back'): TemplateResult {
  return html`<button type="button" part=${kind === 'primary' ? 'button primary-button' : 'button'} class=${ifDefined(kind)} @click=${click}>${ui.t(label)}</button>`;
}

/** The submit button of a step's form. */
export function submitButton(ui: Ui, label: Key): TemplateResult {
  return html`<button part="button primary-button" class="primary">${ui.t(label)}</button>`;
}

/** A radio card that picks a topic or an office; the first one's id is the group's name, for the error summary. */
export function card(name: string, i: number, label: string, description: unknown, checked: boolean, pick: () => void): TemplateResult {
  const id = i ? `${name}-${i}` : name;
  return html`<div part=${name} class="card">
    <input type="radio" id=${id} name=${name} required .checked=${checked} aria-describedby="${id}-d" @change=${pick} />
    <label for=${id}>${label}</label>
    <p id="${id}-d">${description}</p>
  </div>`;
}

/** A failure the citizen should know about, with "Try again" when trying again may help. */
export function alert(ui: Ui, error: BlauwError, retry?: () => unknown): TemplateResult {
  return html`<div part="alert" role="alert">
    <p>${ui.t(errorMessageKey(error))}</p>
    ${retry ? button(ui, 'retry', retry) : nothing}
  </div>`;
}

/** A text field with its label (its own name's text unless told), its message when it is to be corrected, and the contract's limits. */
export function field(ui: Ui, name: keyof DetailsForm, label = name as Key): TemplateResult {
  const rule = FIELD_RULES[name];
  const bad = ui.errs.includes(name);
  const described = ifDefined(bad ? `${name}-e` : undefined);
  return html`<div part="field" class="field">
    <label for=${name}>${ui.t(label)}</label>
    ${bad ? html`<p class="err" id="${name}-e">${ui.errText(name)}</p>` : nothing}
    ${rule.area
      ? html`<textarea id=${name} name=${name} required maxlength=${ifDefined(rule.max)} aria-invalid=${bad} aria-describedby=${described} .value=${ui.form[name]}></textarea>`
      : html`<input
          id=${name}
          name=${name}
          type=${rule.type ?? 'text'}
          ?required=${!rule.optional}
          autocomplete=${rule.autocomplete ?? 'off'}
          maxlength=${ifDefined(rule.max)}
          pattern=${ifDefined(rule.pattern)}
          inputmode=${ifDefined(rule.inputmode)}
          aria-invalid=${bad}
          aria-describedby=${described}
          .value=${ui.form[name]}
        />`}
  </div>`;
}

/** The address fields, the same ones in the same order wherever an address is asked. */
export function addressFields(ui: Ui): TemplateResult {
  return html`<div class="row">
    ${field(ui, 'street')} ${field(ui, 'houseNumber')} ${field(ui, 'box')} ${field(ui, 'postalCode')} ${field(ui, 'municipality')}
  </div>`;
}

const LANGUAGE_NAMES = { nl: 'Nederlands', fr: 'Français', de: 'Deutsch', en: 'English' };

/** Name, e-mail, phone and the language of the meeting. */
export function personFields(ui: Ui): TemplateResult {
  const chosen = ui.form.language || ui.language;
  return html`${field(ui, 'name')} ${field(ui, 'email')} ${field(ui, 'phone')}
    <div part="field" class="field">
      <label for="language">${ui.t('language')}</label>
      <select id="language" name="language">
        ${Object.entries(LANGUAGE_NAMES).map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === chosen}>${name}</option>`)}
      </select>
    </div>`;
}

/** The list of fields to correct, each a link to its field. */
export function errorSummary(ui: Ui, focusField: (event: Event, name: string) => void): unknown {
  return ui.errs.length
    ? html`<div part="error-summary" role="alert" tabindex="-1">
        <p>${ui.t('errors')}</p>
        <ul>
          ${ui.errs.map((name) => html`<li><a href="#${name}" @click=${(e: Event) => focusField(e, name)}>${ui.errText(name)}</a></li>`)}
        </ul>
      </div>`
    : nothing;
}

/** The rows of a summary; empty values are left out. */
export interface SummaryRows {
  topic?: Topic | undefined;
  /** The start, formatted. */
  when?: string | undefined;
  office?: Office | undefined;
  /** Where instead of the office (a home visit's address). */
  where?: string | undefined;
  officer?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  /** "What happened" or "what to talk about", as the citizen typed it. */
  said?: [label: Key, text: string] | undefined;
  /** Whether to list what to bring (not for a cancelled booking or a visit at home). */
  bring?: boolean;
}

/** What was booked or asked, as a description list. */
export function summary(ui: Ui, rows: SummaryRows): TemplateResult {
  const { t, format, language } = ui;
  const row = (key: Key, value: unknown) => (value ? html`<dt>${t(key)}</dt><dd>${value}</dd>` : nothing);
  const { topic, office } = rows;
  const phone = office?.phone;
  return html`<dl part="confirmation">
    ${row('topic', topic?.name[language])} ${row('when', rows.when)}
    ${row('where', rows.where ?? (office && html`${office.name}<br />${addressLine(office.address)}`))}
    ${row('tel', phone && html`<a href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a>`)} ${row('officer', rows.officer)}
    ${row('name', rows.name)} ${row('email', rows.email)} ${rows.said ? row(rows.said[0], rows.said[1]) : nothing}
    ${row('bring', rows.bring && topic?.bring.length && format.list(inRunningText(topic.bring.map((item) => item[language]), language)))}
  </dl>`;
}

/** A client call a step shows: a {@link ClientTask}, seen only through what `load` uses. */
export interface Loadable<Result> {
  render<Out>(renderers: ClientTaskRenderers<Result, Out>): Out | undefined;
  retry(): Promise<void>;
}

/** A client call's states as a step shows them: placeholders, the failure with "Try again", the result. */
export function load<Result>(
  ui: Ui,
  task: Loadable<Result>,
  ready: (value: Result) => unknown,
  cards = 3,
): unknown {
  // Placeholders as tall as the cards they stand for, so nothing jumps when the data arrives.
  const skeleton = () =>
    html`<p class="vh" role="status">${ui.t('loading')}</p>
      ${Array.from({ length: cards }, () => html`<div part="skeleton" class="skeleton"></div>`)}`;
  return task.render({ idle: skeleton, loading: skeleton, error: (error) => alert(ui, error, () => task.retry()), ready });
}
