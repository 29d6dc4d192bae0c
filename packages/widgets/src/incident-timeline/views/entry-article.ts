// The articles of the list. The list's one click and key listener finds an article's entry and
// incident through `data-id` and `data-incident`, and Page Up / Page Down through `aria-posinset`.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Incident, IncidentEvent } from '@blauw/core';
import type { IncidentGroup } from '../timeline-rules.js';
import { badges, where, type TimelineUi } from './parts.js';

// Entries shown per incident in the grouped view; the dialog has the whole log.
const GROUP_ENTRIES = 8;

/** Where an article sits in the feed: what `aria-posinset`, `aria-setsize` and `aria-current` say. */
export interface FeedPlace {
  index: number;
  size: number;
  /** The incident selected for every widget of the client is this one's. */
  current: boolean;
}

// The Log button; the list's one click listener finds the article's `data-incident` from it.
const openButton = (ui: TimelineUi) => html`<p class="actions"><button part="button open" type="button" data-open>${ui.t('open')}</button></p>`;

/** One log entry of the stream: its time, what happened, the incident's badges and address. */
export function entryArticle(ui: TimelineUi, entry: IncidentEvent, incident: Incident | undefined, place: FeedPlace): TemplateResult {
  const { t } = ui;
  const { index } = place;
  return html`<article
    part="event"
    tabindex="0"
    aria-posinset=${index + 1}
    aria-setsize=${place.size}
    aria-labelledby=${`e${index}`}
    aria-current=${ifDefined(place.current ? 'true' : undefined)}
    data-id=${entry.id}
    data-incident=${entry.incidentId}
  >
    <p class="line" id=${`e${index}`}>
      ${ui.time(entry.at)} <span>${ui.kindText(entry.kind)}</span>
      <span>${incident ? t('incident', { number: incident.number }) : t('unknown')}</span>
    </p>
    ${incident ? html`${badges(ui, incident, entry.unit)}${where(ui, incident)}` : nothing}
    ${entry.text ? html`<p class="text">${entry.text}</p>` : nothing}
    ${incident ? openButton(ui) : nothing}
  </article>`;
}

/** One incident of the grouped view: its number and type, badges, address and latest entries. */
export function groupArticle(ui: TimelineUi, group: IncidentGroup, incident: Incident | undefined, place: FeedPlace): TemplateResult {
  const { t } = ui;
  const { index } = place;
  const hidden = group.entries.length - GROUP_ENTRIES;
  return html`<article
    part="event group"
    tabindex="0"
    aria-posinset=${index + 1}
    aria-setsize=${place.size}
    aria-labelledby=${`g${index}`}
    aria-current=${ifDefined(place.current ? 'true' : undefined)}
    data-id=${group.entries[0]!.id}
    data-incident=${group.incidentId}
  >
    <p class="line" id=${`g${index}`}>
      <strong>${incident ? t('incident', { number: incident.number }) : t('unknown')}</strong>
      ${incident ? html`<span>${ui.typeText(incident.type)}</span>` : nothing}
    </p>
    ${incident ? html`${badges(ui, incident)}${where(ui, incident)}` : nothing}
    <ol part="entries">
      ${group.entries.slice(0, GROUP_ENTRIES).map(
        (entry) =>
          html`<li>${ui.time(entry.at)} ${ui.kindText(entry.kind)}${entry.unit ? ` · ${entry.unit}` : ''}${entry.text ? html` — <span class="text">${entry.text}</span>` : nothing}</li>`,
      )}
      ${hidden > 0 ? html`<li>…</li>` : nothing}
    </ol>
    ${incident ? openButton(ui) : nothing}
  </article>`;
}
