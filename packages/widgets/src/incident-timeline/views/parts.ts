// The pieces the timeline's views share: the words for codes, the time of an entry, an incident's
// badges and address. Template functions, rendered into the element's shadow root so the ids that
// `aria-labelledby` points at resolve.
import { html, type TemplateResult } from 'lit';
import type { Incident } from '@blauw/core';
import { incidentTypeText } from '../../incident-feed/incident-words.js';
import type { LocaleController } from '../../shared/locale-controller.js';
import type { messages } from '../messages.js';
import { dayIn, mapUrl, timeOfDay, wazeUrl } from '../timeline-rules.js';

/** A key of the timeline's catalog. */
export type Key = keyof (typeof messages)['en'];

/** The timeline's LocaleController. */
export type TimelineLocale = LocaleController<Key>;

/** What every view renders with: the strings, and codes and instants in the reader's words. */
export interface TimelineUi {
  readonly t: TimelineLocale['t'];
  /** A dispatch type code in the reader's language: `burglary` → `Inbraak`. */
  typeText(type: string): string;
  /** An incident status in the reader's language; an unknown one as words. */
  statusText(status: string): string;
  /** What a log entry says happened (created, en route, …); an unknown kind is an update. */
  kindText(kind: string): string;
  /** An instant to the second in the zone's time zone, with its day when that is not today. */
  time(at: string): TemplateResult;
}

/**
 * The views' `ui` for the current language, time zone and clock.
 *
 * @example timelineUi(this.#locale, this.timeZone, () => this.#clock.now())
 */
export function timelineUi(locale: TimelineLocale, timeZone: string, now: () => number): TimelineUi {
  const { t } = locale;
  return {
    t,
    typeText: (type) => incidentTypeText(locale, type),
    statusText: (status) => (locale.has(`st.${status}`) ? t(`st.${status}` as Key) : status.replace(/[_-]+/g, ' ')),
    kindText: (kind) => (locale.has(`k.${kind}`) ? t(`k.${kind}` as Key) : t('k.update')),
    time: (at) => {
      const today = dayIn(now(), timeZone);
      const day = dayIn(at, timeZone) === today ? '' : `${locale.format.date(at, timeZone, { day: 'numeric', month: 'short' })} `;
      return html`<time datetime=${at}>${day}${timeOfDay(at, timeZone, locale.locale)}</time>`;
    },
  };
}

/** An incident's priority, type, status and units (or the one unit an entry is about). */
export function badges(ui: TimelineUi, incident: Incident, unit?: string): TemplateResult {
  const { t } = ui;
  const units = unit ? [unit] : incident.units;
  return html`<p class="badges">
    <span part="badge priority" class=${`p${incident.priority}`}><span aria-hidden="true">P${incident.priority}</span><span class="vh">${t('p', { n: incident.priority })}</span></span>
    <span part="badge type">${ui.typeText(incident.type)}</span>
    <span part="badge status">${ui.statusText(incident.status)}</span>
    ${units.map((callSign) => html`<span part="badge unit">${callSign}</span>`)}
  </p>`;
}

/** An incident's address, with its Waze and map links. */
export function where(ui: TimelineUi, incident: Incident): TemplateResult {
  const { t } = ui;
  const { address, position } = incident;
  return html`<p class="where">
    <span>${address.street} ${address.houseNumber}${address.box ? ` ${address.box}` : ''}, ${address.postalCode} ${address.municipality}</span>
    <a part="link waze" href=${wazeUrl(position)} target="_blank" rel="noopener">${t('waze')}<span class="vh"> ${t('newTab')}</span></a>
    <a part="link map" href=${mapUrl(position)} target="_blank" rel="noopener">${t('map')}<span class="vh"> ${t('newTab')}</span></a>
  </p>`;
}
