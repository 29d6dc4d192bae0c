import { html, nothing } from 'lit';
import type { Office, Page } from '@blauw/core';
import { addressFields, addressLine, button, card, load, submitButton, type Ui } from './parts.js';
import type { Loadable } from './parts.js';

/** A street of the zone the server suggests for an address it does not know. */
export interface StreetSuggestion {
  street: string;
  postalCode: string;
  municipality: string;
}

/** What the place step shows besides the offices. */
export interface PlaceOptions {
  offices: Loadable<Page<Office>>;
  selected: string | undefined;
  pick: (office: Office) => void;
  submitOffice: (e: Event) => void;
  findOfficer: (e: Event) => void;
  /** Set when no officer covers the typed address, with the streets the server suggests. */
  notCovered: readonly StreetSuggestion[] | undefined;
  useSuggestion: (suggestion: StreetSuggestion) => void;
  /** Set when the topic allows a home visit. */
  homeVisit: (() => void) | undefined;
}

/** Step 2: an office, or the citizen's own officer found from their address, or a home visit. */
export function choosePlace(ui: Ui, o: PlaceOptions): unknown {
  const { t } = ui;
  return html`
    ${load(
      ui,
      o.offices,
      (page) =>
        page.items.length
          ? html`<form novalidate @submit=${o.submitOffice}>
              <h3 id="oh">${t('offices')}</h3>
              <div role="radiogroup" aria-labelledby="oh" class="cards">
                ${page.items.map((office, i) => card('office', i, office.name, addressLine(office.address), office.id === o.selected, () => o.pick(office)))}
              </div>
              ${submitButton(ui, 'next')}
            </form>`
          : html`<p>${t('noOffices')}</p>`,
      2,
    )}
    <form novalidate @submit=${o.findOfficer}>
      <h3>${t('address')}</h3>
      ${o.notCovered
        ? html`<div part="alert" role="alert">
            <p>${t('notCovered')}</p>
            ${o.notCovered.length
              ? html`<p>${t('suggest')}</p>
                  <ul>
                    ${o.notCovered.map(
                      (s) => html`<li><button type="button" part="button" @click=${() => o.useSuggestion(s)}>${s.street}, ${s.postalCode} ${s.municipality}</button></li>`,
                    )}
                  </ul>`
              : nothing}
          </div>`
        : nothing}
      ${addressFields(ui)}
      <button part="button">${t('find')}</button>
    </form>
    ${o.homeVisit ? html`<h3>${t('visitAsk')}</h3> ${button(ui, 'visit', o.homeVisit)}` : nothing}
  `;
}
