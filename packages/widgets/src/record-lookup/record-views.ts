// The result cards of a look-up: a person (with their dossier when the one-box search gave it), a
// vehicle, an address. Warnings come first on every card, as words with an icon, never as a colour
// alone. Every record's text is bound as text, never as markup.
import { html, nothing, type TemplateResult } from 'lit';
import type { Address, AddressRecord, PersonRecord, PriorIncident, RecordFlag, VehicleRecord } from '@blauw/core';
import { incidentTypeText } from '../incident-feed/incident-words.js';
import type { LocaleController } from '../shared/locale-controller.js';
import type { messages } from './messages.js';

type T = LocaleController<keyof (typeof messages)['nl']>;

/** A person found, with what is linked to them when the search gave a dossier. */
export interface FoundPerson {
  person: PersonRecord;
  dossier?: { vehicles: VehicleRecord[]; addresses: AddressRecord[]; incidents: PriorIncident[] } | undefined;
}

/** What a look-up found, whatever tab made it. */
export interface Found {
  persons: FoundPerson[];
  vehicles: VehicleRecord[];
  addresses: AddressRecord[];
}

/** How many records a look-up found (persons, vehicles and addresses at the top level). */
export const foundCount = (found: Found): number => found.persons.length + found.vehicles.length + found.addresses.length;

const KNOWN_FLAGS = new Set(['wanted', 'signalled', 'electronic_monitoring', 'stolen', 'wanted_vehicle', 'uninsured', 'domicile_check_open']);
const KNOWN_ROLES = new Set(['suspect', 'victim', 'witness', 'involved']);

// A warning triangle: the icon beside the words, hidden from screen readers (the words say it).
const warningIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2 1 21h22L12 2zm0 5.5 7.5 12.5h-15L12 7.5zM11 11v4h2v-4h-2zm0 5v2h2v-2h-2z" fill="currentColor"/></svg>`;

/** One line of an address: `Kouter 12 box 3, 9000 Gent`. */
export function addressLine(locale: T, address: Address): string {
  const box = address.box ? ` ${locale.t('box', { box: address.box })}` : '';
  return `${address.street} ${address.houseNumber}${box}, ${address.postalCode} ${address.municipality}`;
}

/** A flag's words: the known ones in the widget's language, a newer one by its code as it came. */
export const flagText = (locale: T, code: string): string => (KNOWN_FLAGS.has(code) ? locale.t(`flag.${code}` as 'flag.wanted') : code);

function flags(locale: T, list: readonly RecordFlag[], headingId: string): unknown {
  if (list.length === 0) return nothing;
  return html`<div class="flags">
    <p class="vh" id=${headingId}>${locale.t('flags')}</p>
    <ul part="flags" role="list" aria-labelledby=${headingId}>
      ${list.map(
        (flag) => html`<li part="flag" class="flag ${KNOWN_FLAGS.has(flag.code) ? flag.code : 'unknown'}">
          ${warningIcon}<span><strong>${flagText(locale, flag.code)}</strong>${flag.detail ? html` — <span class="detail">${flag.detail}</span>` : nothing}${flag.reference
            ? html` <span class="ref">(${locale.t('flagRef', { reference: flag.reference })})</span>`
            : nothing}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}

const row = (label: string, value: unknown): TemplateResult => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;

function personFields(locale: T, person: PersonRecord, id: string): TemplateResult {
  const { t, format } = locale;
  return html`<dl>
    ${row(t('l.birthDate'), format.day(person.birthDate, { dateStyle: 'long' }))}
    ${person.sex ? row(t('l.sex'), t(`sex.${person.sex}`)) : nothing}
    ${row(
      t('l.nationalNumber'),
      person.nationalNumberMasked
        ? html`<span class="nrn masked" aria-describedby=${`${id}-masked`}>${person.nationalNumber}</span>
            <span class="note" id=${`${id}-masked`}>${t('masked')}</span>`
        : html`<span class="nrn">${person.nationalNumber}</span>`,
    )}
    ${person.address ? row(t('l.address'), addressLine(locale, person.address)) : nothing}
  </dl>`;
}

function vehicleFields(locale: T, vehicle: VehicleRecord): TemplateResult {
  const { t, format } = locale;
  return html`<dl>
    ${row(t('l.make'), `${vehicle.make} ${vehicle.model}`)} ${row(t('l.colour'), vehicle.colour)} ${row(t('l.insured'), t(vehicle.insured ? 'yes' : 'no'))}
    ${vehicle.inspectionValidUntil ? row(t('l.inspection'), format.day(vehicle.inspectionValidUntil, { dateStyle: 'long' })) : nothing}
  </dl>`;
}

function incidentLine(locale: T, incident: PriorIncident): string {
  const role = KNOWN_ROLES.has(incident.role) ? locale.t(`role.${incident.role}` as 'role.suspect') : incident.role;
  return locale.t('incident', { number: incident.number, type: incidentTypeText(locale, incident.type), date: locale.format.day(incident.date, { dateStyle: 'medium' }), role });
}

function dossier(locale: T, found: FoundPerson, id: string): unknown {
  const { t } = locale;
  const linked = found.dossier;
  if (linked === undefined) return nothing;
  const section = (key: 'd.vehicles' | 'd.addresses' | 'd.incidents', items: readonly TemplateResult[]) =>
    html`<section part="linked" aria-labelledby=${`${id}-${key}`}>
      <h5 id=${`${id}-${key}`}>${t(key)}</h5>
      ${items.length ? html`<ul role="list">${items}</ul>` : html`<p class="muted">${t('d.none')}</p>`}
    </section>`;
  return html`${section(
    'd.vehicles',
    linked.vehicles.map((vehicle, i) => html`<li>${flags(locale, vehicle.flags, `${id}-v${i}-flags`)}<span class="plate">${vehicle.plate}</span> — ${vehicle.make} ${vehicle.model}, ${vehicle.colour}</li>`),
  )}
  ${section(
    'd.addresses',
    linked.addresses.map((address, i) => html`<li>${flags(locale, address.flags, `${id}-a${i}-flags`)}${addressLine(locale, address.address)}</li>`),
  )}
  ${section('d.incidents', linked.incidents.map((incident) => html`<li>${incidentLine(locale, incident)}</li>`))}`;
}

/** A person's card, flags first, with their dossier when there is one. */
export function personCard(locale: T, found: FoundPerson, id: string): TemplateResult {
  const { person } = found;
  return html`<li>
    <article part="record" class="record person ${person.flags.length ? 'flagged' : ''}" aria-labelledby=${`${id}-name`}>
      <h4 id=${`${id}-name`}>${person.familyName}, ${person.givenNames}</h4>
      ${flags(locale, person.flags, `${id}-flags`)} ${personFields(locale, person, id)} ${dossier(locale, found, id)}
    </article>
  </li>`;
}

/** A vehicle's card, flags first. */
export function vehicleCard(locale: T, vehicle: VehicleRecord, id: string): TemplateResult {
  return html`<li>
    <article part="record" class="record vehicle ${vehicle.flags.length ? 'flagged' : ''}" aria-labelledby=${`${id}-name`}>
      <h4 id=${`${id}-name`} class="plate">${vehicle.plate}</h4>
      ${flags(locale, vehicle.flags, `${id}-flags`)} ${vehicleFields(locale, vehicle)}
    </article>
  </li>`;
}

/** An address's card, flags first. */
export function addressCard(locale: T, record: AddressRecord, id: string): TemplateResult {
  return html`<li>
    <article part="record" class="record address ${record.flags.length ? 'flagged' : ''}" aria-labelledby=${`${id}-name`}>
      <h4 id=${`${id}-name`}>${addressLine(locale, record.address)}</h4>
      ${flags(locale, record.flags, `${id}-flags`)}
      <dl>${row(locale.t('l.residents'), locale.format.number(record.residentCount))}</dl>
    </article>
  </li>`;
}
