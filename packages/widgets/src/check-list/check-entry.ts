// One assignment in the list, and the words for its type, due date and sync state. A template
// function rendered into the element's shadow root.
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Address, CheckAssignment } from '@blauw/core';
import type { LocaleController } from '../shared/locale-controller.js';
import type { CheckSyncState } from '@blauw/core';
import { addDays, dayIn, dueWhen } from './check-list-rules.js';
import type { messages } from './messages.js';

/** A key of the check list's catalog. */
export type Key = keyof (typeof messages)['en'];

/** The check list's LocaleController. */
export type CheckListLocale = LocaleController<Key>;

/** A check type's name: built in for the three known types; a type a zone added reads as its key. */
export const typeText = (locale: CheckListLocale, type: string): string => (locale.has(`t.${type}`) ? locale.t(`t.${type}` as Key) : type);

/** A sync state in words a person understands. */
export const syncText = (locale: CheckListLocale, state: CheckSyncState): string => locale.t(`s.${state}`);

/** An address on one line: `Korte Meer 9 bus 3, 9000 Gent`. */
export function addressLine(locale: CheckListLocale, address: Address): string {
  const box = address.box ? ` ${locale.t('box', { box: address.box })}` : '';
  return `${address.street} ${address.houseNumber}${box}, ${address.postalCode} ${address.municipality}`;
}

/**
 * When an assignment is due, in the zone's time zone, with the words that help: today, tomorrow,
 * overdue since (yesterday) …; an assignment no longer open says when it was due.
 */
export function dueText(locale: CheckListLocale, assignment: CheckAssignment, now: number, timeZone: string): string {
  const { t, format } = locale;
  const { dueBy } = assignment;
  const time = format.time(dueBy, timeZone);
  const today = dayIn(now, timeZone);
  const day = dayIn(dueBy, timeZone);
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const date = (weekday: boolean) =>
    format.date(dueBy, timeZone, { ...(weekday ? { weekday: 'long' } : {}), day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
  if (assignment.status !== 'open') return t('due.was', { date: date(false), time });
  switch (dueWhen(dueBy, now, timeZone)) {
    case 'overdue':
      if (day === today) return t('due.overdueToday', { time });
      if (day === addDays(today, -1)) return t('due.overdueYesterday', { time });
      return t('due.overdue', { date: date(false), time });
    case 'today':
      return t('due.today', { time });
    case 'tomorrow':
      return t('due.tomorrow', { time });
    case 'later': {
      // The weekday opens the sentence in nl, fr and de ("Maandag 15 maart, uiterlijk om 17:00").
      const text = t('due.later', { date: date(true), time });
      return text.charAt(0).toLocaleUpperCase(locale.locale) + text.slice(1);
    }
  }
}

// Drawn with the text's colour beside the words; the words carry the meaning, never the icon alone.
const ICONS: Record<CheckSyncState, SVGTemplateResult> = {
  draft: svg`<path d="M3 13l1-4 7-7 3 3-7 7z"/>`,
  waiting: svg`<circle cx="8" cy="8" r="6"/><path d="M8 4.5V8l2.5 1.5"/>`,
  sending: svg`<path d="M8 13V3M4 7l4-4 4 4"/>`,
  sent: svg`<path d="M3 8.5l3 3 7-7"/>`,
  needs_attention: svg`<path d="M8 2l6.5 11.5h-13z"/><path d="M8 6.5v3M8 11.5v.5"/>`,
};

/** What an entry is drawn with. */
export interface EntryOptions {
  now: number;
  timeZone: string;
  state: CheckSyncState | undefined;
  /** Whether it is the assignment open beside the list (`aria-current`). */
  current: boolean;
  open: (assignment: CheckAssignment) => void;
}

/**
 * One assignment as a button: its type, person, address, due date, note and sync state. The
 * button's name is all of it, in that order, so a screen reader says what a sighted officer reads.
 */
export function checkEntry(locale: CheckListLocale, assignment: CheckAssignment, o: EntryOptions): TemplateResult {
  const { t } = locale;
  const { person, status } = assignment;
  const overdue = status === 'open' && dueWhen(assignment.dueBy, o.now, o.timeZone) === 'overdue';
  const statusWord = status === 'open' ? undefined : locale.has(`st.${status}`) ? t(`st.${status}` as Key) : status;
  return html`<li>
    <button
      type="button"
      part=${o.current ? 'entry current' : 'entry'}
      class=${overdue ? 'overdue' : ''}
      data-id=${assignment.id}
      aria-current=${o.current ? 'true' : 'false'}
      @click=${() => o.open(assignment)}
    >
      <span class="title"><span part="type">${typeText(locale, assignment.type)}</span>
        <span part="person">${person.givenName} ${person.familyName}</span></span>
      <span part="address">${addressLine(locale, assignment.address)}</span>
      <span part="due"><time datetime=${assignment.dueBy}>${dueText(locale, assignment, o.now, o.timeZone)}</time>${statusWord
          ? html` <span part="assignment-status">${statusWord}</span>`
          : nothing}</span>
      ${assignment.note ? html`<span part="note">${assignment.note}</span>` : nothing}
      ${o.state
        ? html`<span part="sync" class=${`sync ${o.state}`} data-state=${o.state}
            ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${ICONS[o.state]}</svg> ${syncText(locale, o.state)}</span
          >`
        : nothing}
    </button>
  </li>`;
}
