import { html, nothing, type TemplateResult } from 'lit';
import type { Managed } from '@blauw/core';
import { addressLine, button, inRunningText, summary, type Ui } from './parts.js';
import { reasonLabel } from './visit-request.js';

/** A booking or home-visit request as the citizen sees it: confirmation, manage link, or both. */
export interface ConfirmationOptions {
  managed: Managed;
  /** "Moved" or "cancelled" right after the change. */
  flash: 'moved' | 'gone' | undefined;
  /** Right after booking: the masked address the e-mail went to. */
  sentTo: string | undefined;
  /** The calendar file of the booking (or of its cancellation). */
  calendarUrl: string | undefined;
  /** This page with the manage token in its fragment. */
  manageLink: string;
  reschedule: () => void;
  cancel: () => void;
  bookAnother: () => void;
}

/** Start of the booking or the confirmed visit, in full, in the office's time zone. */
export function startOf(ui: Ui, m: Managed): string | undefined {
  const start = m.kind === 'booking' ? m.booking.slot.start : m.visit.confirmedStart;
  return start && ui.format.dateTime(start, m.office.timeZone, { dateStyle: 'full', timeStyle: 'short' });
}

/** The summary of a managed booking or visit. */
export function managedSummary(ui: Ui, m: Managed): TemplateResult {
  const { t, format } = ui;
  const open = (m.kind === 'booking' ? m.booking.status : m.visit.status) !== 'cancelled';
  const citizen = m.kind === 'booking' ? m.booking.citizen : m.visit.citizen;
  const visit = m.kind === 'home_visit' ? m.visit : undefined;
  const said = m.kind === 'booking' ? m.booking.facts : visit?.reason;
  return html`${summary(ui, {
      topic: m.topic,
      when: startOf(ui, m),
      office: visit ? undefined : m.office,
      where: visit && addressLine(visit.address),
      officer: m.officer.displayName,
      name: citizen.name,
      email: citizen.email,
      said: said ? [reasonLabel(m.topic), said] : undefined,
      bring: open && !visit,
    })}
    ${visit ? html`<p>${t('dayParts')} ${format.list(inRunningText(visit.dayParts.map((part) => t(part)), ui.language))}</p>` : nothing}`;
}

/** Booked, requested, or opened from the manage link. */
export function confirmation(ui: Ui, o: ConfirmationOptions): unknown {
  const { t } = ui;
  const m = o.managed;
  const status = m.kind === 'booking' ? m.booking.status : m.visit.status;
  const cancelled = status === 'cancelled';
  const withCalendar = status === 'confirmed' || (cancelled && m.kind === 'booking');
  return html`
    ${o.flash ? html`<p role="status" part="status" class="ok">${t(o.flash === 'gone' && m.kind === 'home_visit' ? 'goneV' : o.flash)}</p>` : nothing}
    <p part="status">${t('status', { s: t(status) })}</p>
    ${status === 'requested' ? html`<p>${t('contact')}</p>` : nothing}
    ${m.kind === 'home_visit' && m.visit.officerMessage ? html`<blockquote>${m.visit.officerMessage}</blockquote>` : nothing}
    ${managedSummary(ui, m)} ${o.sentTo ? html`<p>${t('sentTo', { email: o.sentTo })}</p>` : nothing}
    ${withCalendar && o.calendarUrl
      ? html`<p><a part="button" class="button" href=${o.calendarUrl} download=${t(cancelled ? 'cancelFile' : 'icsFile')}>${t(cancelled ? 'cancelIcs' : 'ics')}</a></p>`
      : nothing}
    ${cancelled ? nothing : html`<p>${t('keep')} <a href=${o.manageLink}>${o.manageLink}</a></p>`}
    <div class="actions">
      ${status === 'confirmed' && m.kind === 'booking' ? button(ui, 'reschedule', o.reschedule) : nothing}
      ${cancelled || status === 'declined' ? button(ui, 'bookAnother', o.bookAnother, 'primary') : status === 'confirmed' || status === 'requested' ? button(ui, 'cancel', o.cancel) : nothing}
    </div>
  `;
}

/** The current appointment and the new time, before the move is committed. */
export function confirmMove(ui: Ui, m: Managed, newStart: string, confirm: () => void, taken: unknown): unknown {
  const { t } = ui;
  const current = startOf(ui, m);
  const next = ui.format.dateTime(newStart, m.office.timeZone, { dateStyle: 'full', timeStyle: 'short' });
  return html`<dl part="confirmation">
      <dt>${t('now')}</dt>
      <dd><s>${current}</s></dd>
      <dt>${t('new')}</dt>
      <dd><strong>${next}</strong></dd>
    </dl>
    ${taken} ${button(ui, 'moveYes', confirm, 'primary')}`;
}

/** "Cancel your appointment?", with what would be cancelled. */
export function confirmCancel(ui: Ui, m: Managed, confirm: () => void): unknown {
  return html`${managedSummary(ui, m)} ${button(ui, 'cancelYes', confirm, 'primary')}`;
}
