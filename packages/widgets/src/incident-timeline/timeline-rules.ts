import type { GeoPoint, Incident, IncidentEvent } from '@blauw/core';
import { dateTimeFormat } from '../shared/formatters.js';

/** What the reader narrowed the timeline to; an empty value means "all". */
export interface TimelineFilters {
  priority: string;
  type: string;
  status: string;
  unit: string;
  /** Free text: matched against the number, the address, the type, the unit and the entry's text. */
  query: string;
}

/** No filter at all. */
export const NO_FILTERS: TimelineFilters = { priority: '', type: '', status: '', unit: '', query: '' };

/** Whether any filter narrows the list. */
export const isFiltered = (filters: TimelineFilters): boolean => Object.values(filters).some((value) => value.trim() !== '');

/** A dispatch type code as words: `traffic_accident` → `traffic accident`. */

// Case and accents do not matter: "stationsstraat" finds "Stationsstraat", "liege" finds "Liège".
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether an entry (with its incident, when known) passes the filters. */
export function matches(entry: IncidentEvent, incident: Incident | undefined, filters: TimelineFilters, typeText: (type: string) => string): boolean {
  if (filters.priority && String(incident?.priority ?? '') !== filters.priority) return false;
  if (filters.type && incident?.type !== filters.type) return false;
  if (filters.status && incident?.status !== filters.status) return false;
  if (filters.unit && entry.unit !== filters.unit && !incident?.units.includes(filters.unit)) return false;
  const query = fold(filters.query.trim());
  if (!query) return true;
  const address = incident?.address;
  const haystack = [
    incident?.number,
    incident?.type,
    incident && typeText(incident.type),
    address && `${address.street} ${address.houseNumber}${address.box ? ` ${address.box}` : ''}, ${address.postalCode} ${address.municipality}`,
    entry.unit,
    entry.text,
  ];
  return query.split(/\s+/).every((word) => haystack.some((field) => field !== undefined && fold(field).includes(word)));
}

/**
 * How many of the feed's entries wait above the ones on screen and pass the filters: the number on
 * the "N new events" button. `shown` is an older list of the same feed (entries are newest first).
 */
export function waitingCount(
  events: readonly IncidentEvent[],
  shown: readonly IncidentEvent[],
  incidents: ReadonlyMap<string, Incident>,
  filters: TimelineFilters,
  typeText: (type: string) => string,
): number {
  if (events === shown) return 0;
  const top = shown[0];
  const end = top === undefined ? events.length : events.indexOf(top);
  let count = 0;
  for (let i = 0; i < end; i++) {
    const entry = events[i]!;
    if (matches(entry, incidents.get(entry.incidentId), filters, typeText)) count++;
  }
  return count;
}

/** One incident and its entries (newest first) that pass the filters, for the grouped view. */
export interface IncidentGroup {
  incidentId: string;
  entries: IncidentEvent[];
}

/** Entries (newest first) grouped by incident, the incident with the newest entry first. */
export function groupByIncident(entries: readonly IncidentEvent[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const entry of entries) {
    let group = groups.get(entry.incidentId);
    if (!group) groups.set(entry.incidentId, (group = { incidentId: entry.incidentId, entries: [] }));
    group.entries.push(entry);
  }
  return [...groups.values()];
}

/** The time of an instant to the second in a time zone (24 h, `09:05:03`), whatever the locale. */
export function timeOfDay(at: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, timeZone, TIME_OF_DAY).format(new Date(at));
}
const TIME_OF_DAY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export const dayIn = (at: string | number, timeZone: string): string => dateTimeFormat('en-CA', timeZone, {}).format(new Date(at));

/** Waze's navigation link to a position. */
export const wazeUrl = ({ lat, lon }: GeoPoint): string => `https://waze.com/ul?ll=${lat},${lon}&navigate=yes`;

/** OpenStreetMap's link to a position, for browsers without Waze. */
export const mapUrl = ({ lat, lon }: GeoPoint): string => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;

/**
 * The incidents to announce after a batch of live entries: priority 1, just created, and not
 * announced before (a later entry of the same incident is never announced again).
 */
export function toAnnounce(added: readonly IncidentEvent[], incidents: ReadonlyMap<string, Incident>, announced: Set<string>): Incident[] {
  const out: Incident[] = [];
  // `added` is newest first; announce in the order they happened.
  for (let i = added.length - 1; i >= 0; i--) {
    const entry = added[i]!;
    const incident = incidents.get(entry.incidentId);
    if (entry.kind !== 'created' || incident?.priority !== 1 || announced.has(incident.id)) continue;
    announced.add(incident.id);
    out.push(incident);
  }
  return out;
}
