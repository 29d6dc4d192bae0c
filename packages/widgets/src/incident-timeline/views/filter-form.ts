import { html, type TemplateResult } from 'lit';
import type { Incident } from '@blauw/core';
import type { TimelineFilters } from '../timeline-rules.js';
import type { TimelineUi } from './parts.js';

// Offered even before an incident has them, in the order an incident goes through them.
const STATUSES = ['open', 'assigned', 'en_route', 'on_scene', 'closed'];

/** What the filter form offers and shows. */
export interface FilterFormOptions {
  filters: TimelineFilters;
  /** The feed's incidents: their priorities, types, statuses and units are offered. */
  incidents: readonly Incident[];
  /** The call signs of the zone's units. */
  units: Iterable<string>;
  /** A field changed (input or change); its `name` is the filter's. */
  changed: (event: Event) => void;
}

/** The filters (priority, type, status, unit) and the search, as a search landmark. */
export function filterForm(ui: TimelineUi, o: FilterFormOptions): TemplateResult {
  const { t } = ui;
  const { incidents, filters } = o;
  const priorities = [...new Set([1, 2, 3, 4, ...incidents.map((incident) => incident.priority)])].sort((a, b) => a - b).map(String);
  const types = [...new Set(incidents.map((incident) => incident.type))].sort();
  const statuses = [...new Set([...STATUSES, ...incidents.map((incident) => incident.status)])];
  const units = [...new Set([...o.units, ...incidents.flatMap((incident) => incident.units)])].sort();
  const select = (name: keyof TimelineFilters, label: string, values: string[], text: (value: string) => string) => html`
    <label part="field"
      >${label}
      <select name=${name}>
        <option value="" ?selected=${!filters[name]}>${t('all')}</option>
        ${values.map((value) => html`<option value=${value} ?selected=${filters[name] === value}>${text(value)}</option>`)}
      </select>
    </label>
  `;
  return html`<form part="filters" role="search" aria-label=${t('filters')} @input=${o.changed} @change=${o.changed} @submit=${(e: Event) => e.preventDefault()}>
    ${select('priority', t('priority'), priorities, (p) => t('p', { n: p }))} ${select('type', t('type'), types, ui.typeText)}
    ${select('status', t('status'), statuses, ui.statusText)} ${select('unit', t('unit'), units, (u) => u)}
    <label part="field" class="search">${t('search')} <input type="search" name="query" .value=${filters.query} autocomplete="off" /></label>
  </form>`;
}
