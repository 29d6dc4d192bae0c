import { html, nothing, type TemplateResult } from 'lit';
import type { BlauwError, Incident, IncidentEvent } from '@blauw/core';
import { errorMessageKey } from '../../shared/messages.js';
import { badges, where, type TimelineUi } from './parts.js';

/** What the log dialog shows. */
export interface LogDialogOptions {
  /** The open incident; without one the dialog is closed and names the feed. */
  incident: Incident | undefined;
  /** Its whole log once loaded. */
  entries: readonly IncidentEvent[] | undefined;
  /** Why its log could not load. */
  error: BlauwError | undefined;
  /** The dialog closed (Close, Escape). */
  closed: () => void;
}

/** The dialog with an incident's whole log: its badges and address, then every entry. */
export function logDialog(ui: TimelineUi, o: LogDialogOptions): TemplateResult {
  const { t } = ui;
  const { incident } = o;
  return html`<dialog part="dialog" aria-labelledby="log-h" @close=${o.closed}>
    ${incident
      ? html`<h2 id="log-h">${t('logH', { number: incident.number })}</h2>
          ${badges(ui, incident)}${where(ui, incident)}
          ${o.error
            ? html`<p role="alert">${t(errorMessageKey(o.error))}</p>`
            : o.entries
              ? html`<ol part="log">
                  ${o.entries.map(
                    (entry) => html`<li>${ui.time(entry.at)} ${ui.kindText(entry.kind)}${entry.unit ? ` · ${entry.unit}` : ''}${entry.text ? html` — ${entry.text}` : nothing}</li>`,
                  )}
                </ol>`
              : html`<p role="status">${t('loading')}</p>`}`
      : html`<h2 id="log-h">${t('feed')}</h2>`}
    <form method="dialog"><button part="button" type="submit">${t('close')}</button></form>
  </dialog>`;
}
