// The month grid of free days, with the keyboard model of the WAI-ARIA date picker dialog's grid:
// one day in the tab order (roving tabindex), arrows by day and week, Home/End in the week,
// PageUp/PageDown by month (Shift: by year); Enter or Space picks (the days are buttons).
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { addDays, addMonths, dayForKey, monthRange, monthWeeks } from './calendar-days.js';
import type { Ui } from './steps/parts.js';

/** What the grid shows and whom it tells. */
export interface DateGridOptions {
  /** The month shown, `YYYY-MM`. */
  month: string;
  /** The day in the tab order (and focused after a key moved it). */
  focusDay: string;
  /** The picked day. */
  selected: string | undefined;
  /** Days with free times; `undefined` while the month loads. */
  free: ReadonlySet<string> | undefined;
  /** Why a day is closed, when the server says (a holiday's name), for its accessible name. */
  closed?: (day: string) => string | undefined;
  /** A free day was picked. */
  onPick: (day: string) => void;
  /** The focus moved to `day` (by key or the month buttons); `focus` says whether to focus it. */
  onMove: (day: string, focus: boolean) => void;
}

/** The month heading with its buttons, and the grid. */
export function dateGrid(ui: Ui, options: DateGridOptions): TemplateResult {
  const { t, format } = ui;
  const { month, free, focusDay } = options;
  const [first] = monthRange(month);
  const tab = focusDay.startsWith(month) ? focusDay : ([...(free ?? [])][0] ?? first);
  const moveMonth = (count: number) => () => options.onMove(addMonths(tab, count), false);
  const keydown = (e: KeyboardEvent) => {
    const from = (e.target as HTMLElement).dataset['day'];
    const to = from && dayForKey(from, e.key, e.shiftKey);
    if (to) {
      e.preventDefault();
      options.onMove(to, true);
    }
  };
  return html`
    <div class="month">
      <button type="button" part="button" aria-label=${t('prev')} @click=${moveMonth(-1)}>‹</button>
      <h3 id="mh" aria-live="polite">${format.day(first, { month: 'long', year: 'numeric' })}</h3>
      <button type="button" part="button" aria-label=${t('nextMonth')} @click=${moveMonth(1)}>›</button>
    </div>
    <table role="grid" part="date-grid" aria-labelledby="mh" aria-busy=${!free} @keydown=${keydown}>
      <thead>
        <tr>
          ${[0, 1, 2, 3, 4, 5, 6].map((i) => {
            const monday = addDays('2024-01-01', i);
            return html`<th scope="col" abbr=${format.day(monday, { weekday: 'long' })}>${format.day(monday, { weekday: 'short' })}</th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${monthWeeks(month).map(
          (week) =>
            html`<tr>
              ${week.map((day) => {
                if (!day) return html`<td></td>`;
                const none = free && !free.has(day);
                const why = none ? (options.closed?.(day) ?? t('noTimes')) : undefined;
                // The name holds the digit the button shows (WCAG 2.5.3), so French "1er" reads "1" here.
                const name = format.day(day).replace('1er ', '1 ');
                return html`<td aria-selected=${day === options.selected}>
                  <button
                    type="button"
                    part="day"
                    data-day=${day}
                    tabindex=${day === tab ? 0 : -1}
                    aria-disabled=${ifDefined(free && !none ? undefined : 'true')}
                    aria-label=${why ? `${name}, ${why}` : name}
                    @click=${() => free && !none && options.onPick(day)}
                  >
                    ${+day.slice(8)}
                  </button>
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  `;
}
