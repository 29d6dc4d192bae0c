// The pieces both views show of a briefing: its title, priority (an icon and a word, never colour
// alone), validity in the zone's time zone, text (as text, line breaks kept) and attachments
// (https links only, with their host). Template functions rendered into the element's shadow root.
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Briefing } from '@blauw/core';
import type { LocaleController } from '../../shared/locale-controller.js';
import { dayIn, safeLink, validityWords } from '../briefing-rules.js';
import type { messages } from '../messages.js';

/** A key of the briefings' catalog. */
export type Key = keyof (typeof messages)['en'];

/** What the views render with: the strings, the zone's time zone and the clock. */
export interface BriefingsUi {
  readonly locale: LocaleController<Key>;
  readonly timeZone: string;
  readonly now: number;
}

const URGENT_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1 15 14H1z M7.2 6v4h1.6V6z M7.2 11v1.6h1.6V11z" fill-rule="evenodd"/></svg>`;
const NORMAL_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.8 3h1.6v1.6H7.2zm0 3h1.6v5H7.2z" fill-rule="evenodd"/></svg>`;

/** An instant's time in the zone, with its date when it is not today (`07:12`, `9 March 07:12`). */
export function timeText(ui: BriefingsUi, at: string): string {
  const { format } = ui.locale;
  const time = format.time(at, ui.timeZone);
  if (dayIn(Date.parse(at), ui.timeZone) === dayIn(ui.now, ui.timeZone)) return time;
  return `${format.date(at, ui.timeZone, { day: 'numeric', month: 'long' })} ${time}`;
}

/** "Valid until 06:00 tomorrow", in the zone's time zone. */
export function validityText(ui: BriefingsUi, briefing: Briefing): string {
  const { t, format } = ui.locale;
  const key = validityWords(briefing.validUntil, ui.now, ui.timeZone);
  const time = format.time(briefing.validUntil, ui.timeZone);
  return t(key, { time, date: format.date(briefing.validUntil, ui.timeZone, { weekday: 'long', day: 'numeric', month: 'long' }) });
}

/** The header and body of a briefing: its title (a heading with `headingId`), priority, validity, text and attachments. */
export function briefingBody(ui: BriefingsUi, briefing: Briefing, headingId: string): TemplateResult {
  const { t } = ui.locale;
  const links = briefing.attachments;
  return html`
    <h3 part="title" id=${headingId}>${briefing.title}</h3>
    <p class="meta">
      <span part="priority">${briefing.priority ? URGENT_ICON : NORMAL_ICON}${t(briefing.priority ? 'urgent' : 'normal')}</span>
      <span part="validity">${validityText(ui, briefing)}</span>
      <span part="publisher">${t('publishedBy', { name: briefing.publishedBy.displayName, time: timeText(ui, briefing.publishedAt) })}</span>
    </p>
    <p part="text">${briefing.text}</p>
    ${links.length === 0
      ? nothing
      : html`<ul part="attachments" aria-label=${t('attachments')}>
          ${links.map((attachment) => {
            const link = safeLink(attachment.url);
            return html`<li>
              ${link
                ? html`<a part="attachment" href=${link.href} target="_blank" rel="noopener noreferrer">${attachment.title}</a> <span class="host">(${link.host})</span>`
                : html`<span part="attachment">${attachment.title}</span>`}
            </li>`;
          })}
        </ul>`}
  `;
}

/** A briefing id made safe for an element id in the shadow root (`aria-labelledby` reads space-separated ids). */
export const domId = (id: string): string => id.replace(/[^\w-]/g, '_');
