import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Availability, Slot } from '@blauw/core';
import { monthOpensOn } from '../calendar-days.js';
import { dateGrid } from '../date-grid.js';
import { alert, button, submitButton, type Ui } from './parts.js';

/** What the time step shows. */
export interface TimeOptions {
  /** The month's availability once it is in (for the month shown), else `undefined`. */
  loaded: Availability | undefined;
  /** The failure to load the month, with a retry. */
  failed: { error: Parameters<typeof alert>[1]; retry: () => unknown } | undefined;
  month: string;
  focusDay: string;
  day: string | undefined;
  chosen: Slot | undefined;
  /** Slots taken by someone else meanwhile: never offered again in this run. */
  taken: ReadonlySet<string>;
  /** The free times offered after a slot was taken, or `undefined` when none was. */
  alternatives: readonly Slot[] | undefined;
  /** The office's booking horizon in days, and today in its zone, to explain a month out of reach. */
  horizon: { days: number; today: string } | undefined;
  /** The label of the button that moves on. */
  action: 'next' | 'reschedule';
  pickDay: (day: string) => void;
  moveTo: (day: string, focus: boolean) => void;
  pickSlot: (slot: Slot) => void;
  submit: (e: Event) => void;
}

/** A free time as a radio choice; `long` shows its date too (the alternatives after a taken slot). */
export function timeChoice(ui: Ui, slot: Slot, timeZone: string, chosen: Slot | undefined, pick: (slot: Slot) => void, i: number, long = false): TemplateResult {
  const label = long ? ui.format.dateTime(slot.start, timeZone, { dateStyle: 'full', timeStyle: 'short' }) : ui.format.time(slot.start, timeZone);
  return html`<label part="time" class="time"
    ><input type="radio" name="slot" id=${ifDefined(i ? undefined : 'slot')} required .checked=${chosen?.id === slot.id} @change=${() => pick(slot)} />${label}</label
  >`;
}

/** "This time was just booked", and the next free times as full-width choices with their date. */
export function takenBlock(ui: Ui, o: Pick<TimeOptions, 'alternatives' | 'taken' | 'chosen' | 'pickSlot'>, timeZone: string, otherDay?: () => void): unknown {
  const offered = o.alternatives?.filter((slot) => !o.taken.has(slot.id));
  if (!offered) return nothing;
  return html`<div part="alert" role="alert"><p>${ui.t('taken')}</p></div>
    ${offered.length
      ? html`<div role="radiogroup" aria-labelledby="tk" class="times alternatives">
          <p id="tk">${ui.t('takenPick')}</p>
          ${offered.map((slot, i) => timeChoice(ui, slot, timeZone, o.chosen, o.pickSlot, i, true))}
        </div>`
      : otherDay
        ? button(ui, 'otherDay', otherDay)
        : nothing}`;
}

/** Step 3: a day in the month grid, then a free time that day. */
export function chooseTime(ui: Ui, o: TimeOptions): unknown {
  const { t, format } = ui;
  if (o.failed) return alert(ui, o.failed.error, o.failed.retry);
  const loaded = o.loaded;
  const slotsOf = (date: string) => loaded?.days.find((day) => day.date === date)?.slots.filter((slot) => !o.taken.has(slot.id)) ?? [];
  const free = loaded && new Set(loaded.days.filter((day) => slotsOf(day.date).length).map((day) => day.date));
  const slots = o.day ? slotsOf(o.day) : [];
  // Why a day is closed, in the citizen's words: "Easter Monday — closed", or just "closed".
  const closedDays = loaded?.days.filter((day) => day.closed) ?? [];
  const why = (date: string) => {
    const closed = closedDays.find((day) => day.date === date)?.closed;
    return closed && `${closed.name ? `${closed.name[ui.language]} — ` : ''}${t('closed')}`;
  };
  const opens = o.horizon && monthOpensOn(o.month, o.horizon.days);
  const beyond = opens !== undefined && opens > o.horizon!.today;
  return html`
    ${dateGrid(ui, { month: o.month, focusDay: o.focusDay, selected: o.day, free, closed: why, onPick: o.pickDay, onMove: o.moveTo })}
    ${closedDays.length
      ? html`<ul part="status" class="closed">
          ${closedDays.map((day) => html`<li>${format.day(day.date, { weekday: 'long', day: 'numeric', month: 'long' })}${ui.language === 'fr' ? '\u202f: ' : ': '}${why(day.date)}</li>`)}
        </ul>`
      : nothing}
    ${loaded && !free?.size
      ? beyond
        ? html`<p part="status">${t('horizon', { n: o.horizon!.days, date: format.day(opens, { day: 'numeric', month: 'long' }) })}</p>`
        : html`<p part="status">${t('emptyMonth')}</p>
            ${loaded.nextFreeDate
              ? html`<button type="button" part="button" id="next-free" @click=${() => o.moveTo(loaded.nextFreeDate!, true)}>
                  ${t('nextFree', { date: format.day(loaded.nextFreeDate) })}
                </button>`
              : html`<p>${t('noneFree')}</p>`}`
      : nothing}
    <form novalidate @submit=${o.submit}>
      ${slots.length
        ? html`<div role="radiogroup" aria-labelledby="th" class="times">
            <p id="th">${t('times', { date: format.day(o.day!) })}</p>
            ${slots.map((slot, i) => timeChoice(ui, slot, loaded!.timeZone, o.chosen, o.pickSlot, i))}
          </div>`
        : nothing}
      ${takenBlock(ui, o, loaded?.timeZone ?? 'Europe/Brussels')} ${submitButton(ui, o.action)}
    </form>
  `;
}
