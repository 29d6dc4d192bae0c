import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { CheckAnswer, CheckAssignment, CheckType } from '@blauw/core';
import { LocaleController } from '../shared/locale-controller.js';
import { styles } from './check-receipt.styles.js';
import { messages } from './messages.js';
import { printOnly } from './print-only.js';
import { addressText, completedText, dayText, positionText, receiptRows, textIn, type ReceiptPosition } from './receipt-rules.js';

export type { ReceiptPosition } from './receipt-rules.js';

const TAG = 'blauw-check-receipt';

/**
 * A receipt of a completed field check (domicile, residence, electronic monitoring) that an
 * officer prints on the spot for the person checked. It shows the zone, the check type, the
 * reference, the day and time the check was completed (in the zone's time zone, whatever the
 * device's), the officer's number, the person and the address, then every field that was shown
 * and answered, in form order, written for a person: yes/no as words, a choice as its option's
 * label, dates in the language, a position as coordinates with their accuracy, photos as their
 * number only (never the images). Fields hidden by their conditions and unanswered ones are left
 * out. A short notice tells the person what the paper is.
 *
 * Everything comes from properties: no network, so it works offline, straight after the check.
 * `print()` prints the receipt alone, not the page around it, under a strict CSP.
 *
 * ```js
 * const receipt = document.createElement('blauw-check-receipt');
 * Object.assign(receipt, { checkType, assignment, answers, completedAt, reference: 'CHK-3F2A9C1B', officerNumber: '12345', zoneName: 'Politiezone Gent' });
 * container.append(receipt);
 * receipt.print();
 * ```
 *
 * @tag blauw-check-receipt
 * @summary A printable receipt of a completed field check, for the person checked.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @slot footer - Printed under the notice, e.g. how to reach the zone (`<p slot="footer">…</p>`).
 *
 * @csspart receipt - The receipt (`article`).
 * @csspart header - The zone, "Receipt" and the check type's name.
 * @csspart zone - The zone's name.
 * @csspart title - The heading: "Receipt" and the check type's name.
 * @csspart details - The list of reference, day, time, officer, person, address and position.
 * @csspart findings-heading - The heading above the answers.
 * @csspart findings - The list of the fields' labels and answers.
 * @csspart row - One label with its value, in either list (never split over two printed pages).
 * @csspart notice - The sentence for the person checked.
 * @csspart print-button - The "Print receipt" button (absent with `no-print-button`, never printed).
 *
 * @cssprop [--blauw-receipt-max-width=40rem] - Widest the receipt grows on screen (printed, it takes the page).
 * @cssprop [--blauw-receipt-shadow=none] - Shadow around the receipt on screen (none in print).
 * @cssprop [--blauw-receipt-reference-font=ui-monospace, monospace] - Font of the reference.
 * @cssprop [--blauw-accent=#1f4e9c] - The zone's name, the header's rule, the print button.
 * @cssprop [--blauw-on-accent=#ffffff] - Text of the print button.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Labels.
 * @cssprop [--blauw-surface=#ffffff] - Background of the receipt.
 * @cssprop [--blauw-border=#767676] - Border of the receipt and lines between rows.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwCheckReceipt extends LitElement {
  /** The receipt's shadow styles: the design tokens, focus ring and reduced motion, then its own (with print). */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    checkType: { attribute: false },
    assignment: { attribute: false },
    answers: { attribute: false },
    completedAt: { attribute: 'completed-at' },
    reference: {},
    officerNumber: { attribute: 'officer-number' },
    zoneName: { attribute: 'zone-name' },
    position: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    noPrintButton: { type: Boolean, attribute: 'no-print-button' },
  };

  /** The version of the check type's form the check was filled in with; its labels and options are shown. */
  checkType?: CheckType;
  /** The assignment carried out: whom and where. */
  assignment?: CheckAssignment;
  /** The answers, by field `name`, as they were submitted (answers to hidden fields are left out). */
  answers: Record<string, CheckAnswer> = {};
  /** When the officer completed the check, as an ISO 8601 instant (e.g. `2026-11-30T23:30:00Z`). */
  completedAt?: string;
  /** The receipt's reference, made on the device, e.g. `CHK-3F2A9C1B`. */
  reference?: string;
  /** The officer's number, as the person may quote it. */
  officerNumber?: string;
  /** The zone's name, e.g. `Politiezone Gent`. */
  zoneName?: string;
  /** Where the officer completed the check, with the device's accuracy in metres when known. */
  position?: ReceiptPosition;
  /** The zone's time zone, in which the day and times are shown (never the device's). */
  timeZone = 'Europe/Brussels';
  /** Leaves out the "Print receipt" button, for an app that prints with its own control and `print()`. */
  noPrintButton = false;

  readonly #locale = new LocaleController(this, messages);

  /**
   * Prints the receipt alone: the rest of the page is left out while the browser prints (taking
   * no room, so no blank pages), and the page is as it was after `afterprint`. Works under a strict CSP (a constructable stylesheet,
   * no inline style).
   */
  print(): void {
    printOnly(this);
  }

  protected override render() {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready || this.checkType === undefined || this.assignment === undefined) return nothing;
    const { t, language } = this.#locale;
    const { person, address } = this.assignment;
    const completed = this.completedAt ? completedText(this.completedAt, this.#locale, this.timeZone) : undefined;
    const rows = receiptRows(this.checkType, this.answers ?? {}, this.#locale, this.timeZone);
    return html`
      <article part="receipt" aria-labelledby="title">
        <header part="header">
          ${this.zoneName ? html`<p part="zone">${this.zoneName}</p>` : nothing}
          <h2 part="title" id="title"><span class="kind">${t('receipt')}</span> <span>${textIn(this.checkType.name, language)}</span></h2>
        </header>
        <dl part="details">
          ${this.reference ? row(t('reference'), html`<span class="reference">${this.reference}</span>`) : nothing}
          ${completed ? row(t('date'), completed.date) : nothing} ${completed?.time ? row(t('time'), completed.time) : nothing}
          ${this.officerNumber ? row(t('officer'), this.officerNumber) : nothing}
          ${row(t('person'), `${person.givenName} ${person.familyName}`)}
          ${person.birthDate ? row(t('born'), dayText(person.birthDate, this.#locale)) : nothing}
          ${row(t('address'), addressText(address))}
          ${this.position ? row(t('position'), positionText(this.position, this.#locale)) : nothing}
        </dl>
        ${rows.length > 0
          ? html`<h3 part="findings-heading">${t('findings')}</h3>
              <dl part="findings">${rows.map((answer) => row(answer.label, answer.answer, answer.long ? 'long' : ''))}</dl>`
          : nothing}
        <p part="notice">${t('notice')}</p>
        <slot name="footer"></slot>
      </article>
      ${this.noPrintButton ? nothing : html`<button part="print-button" type="button" @click=${this.print}>${t('print')}</button>`}
    `;
  }
}

function row(label: string, value: string | TemplateResult, className = ''): TemplateResult {
  return html`<div part="row"><dt>${label}</dt><dd class=${className}>${value}</dd></div>`;
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwCheckReceipt);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-check-receipt': BlauwCheckReceipt;
  }
}
