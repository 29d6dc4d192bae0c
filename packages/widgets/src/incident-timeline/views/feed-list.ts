import { html, type TemplateResult } from 'lit';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { Incident, IncidentEvent } from '@blauw/core';
import type { FeedState } from '../../incident-feed/incident-feed.js';
import type { IncidentGroup } from '../timeline-rules.js';
import { entryArticle, groupArticle } from './entry-article.js';
import type { TimelineUi } from './parts.js';

const LAYOUT = flow();

/** A row of the list: an entry of the stream, or an incident of the grouped view. */
export type Row = IncidentEvent | IncidentGroup;

/** What the list shows, and what it tells the element. */
export interface FeedListOptions {
  state: FeedState;
  /** The rows that pass the filters. */
  rows: readonly Row[];
  /** The feed's incidents, by id. */
  incidents: ReadonlyMap<string, Incident>;
  selectedIncidentId: string | undefined;
  /** Whether entries are on screen before filtering (else "no events", or nothing after an error). */
  anyShown: boolean;
  filtered: boolean;
  clearFilters: () => void;
  keydown: (event: KeyboardEvent) => void;
  click: (event: MouseEvent) => void;
  focusin: (event: FocusEvent) => void;
  focusout: (event: FocusEvent) => void;
  scroll: (event: Event) => void;
}

/** The key of a row, stable while it moves down the list. */
export const rowKey = (row: Row): string => ('id' in row ? row.id : `g:${row.incidentId}`);

/** The id of the entry a row stands for: the entry, or a group's newest entry. */
export const rowEntryId = (row: Row): string => ('id' in row ? row.id : row.entries[0]!.id);

/**
 * The list (`role="feed"`), only the rows in view in the page; or, without rows, what the reader
 * should know instead: loading, no match (with Clear filters), no events.
 */
export function feedList(ui: TimelineUi, o: FeedListOptions): TemplateResult {
  const { t } = ui;
  const { rows, state } = o;
  const busy = state === 'loading';
  if (rows.length === 0) {
    if (busy) return html`<div part="feed" role="feed" aria-busy="true" aria-label=${t('feed')}></div><p part="empty">${t('loading')}</p>`;
    if (state === 'error' && !o.anyShown) return html``;
    if (o.anyShown && o.filtered) return html`<p part="empty">${t('noMatch')} <button part="button" type="button" @click=${o.clearFilters}>${t('clear')}</button></p>`;
    return html`<p part="empty">${t('noEvents')}</p>`;
  }
  const selected = o.selectedIncidentId;
  const current = selected === undefined ? -1 : rows.findIndex((row) => row.incidentId === selected);
  return html`<div
    part="feed"
    role="feed"
    aria-busy=${busy ? 'true' : 'false'}
    aria-label=${t('feed')}
    @keydown=${o.keydown}
    @click=${o.click}
    @focusin=${o.focusin}
    @focusout=${o.focusout}
    @scroll=${o.scroll}
  >
    ${virtualize<Row>({
      items: rows as Row[],
      scroller: true,
      // Given here, the layout comes with the widget's file; left to the virtualizer, it is
      // imported only once the list first renders, one more round trip before the first entry.
      layout: LAYOUT,
      keyFunction: rowKey,
      renderItem: (row, index) => {
        const place = { index, size: rows.length, current: index === current };
        return 'id' in row ? entryArticle(ui, row, o.incidents.get(row.incidentId), place) : groupArticle(ui, row, o.incidents.get(row.incidentId), place);
      },
    })}
  </div>`;
}
