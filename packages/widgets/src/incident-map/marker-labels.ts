import type { Incident, Unit } from '@blauw/core';
import type { messages } from './messages.js';

/** A message key of the map's catalog. */
export type MapKey = keyof (typeof messages)['en'];
/** The map's `t`: a key and its placeholders to a string in the widget's language. */
export type Translate = (key: MapKey, params?: Readonly<Record<string, string | number>>) => string;

/** Incidents still going on: every status but `closed` (an unknown one included, as the contract asks). */
export const isOpen = (incident: Incident): boolean => incident.status !== 'closed';

/** A status, kind or other enum value in words; one the dispatch added later reads as it came. */
export function enumText(t: Translate, prefix: 's' | 'k', value: string): string {
  const key = `${prefix}.${value}` as MapKey;
  const text = t(key);
  return text === key ? value.replaceAll('_', ' ') : text;
}

/** Street, number and box, then the municipality: `Kerkstraat 12, Scheldegem`. */
export function addressText({ address }: Incident): string {
  const box = address.box ? ` ${address.box}` : '';
  return `${address.street} ${address.houseNumber}${box}, ${address.municipality}`;
}

/** What a marker and its list entry say: `Priority 1, burglary, Kerkstraat 12, Scheldegem`. */
export const incidentLabel = (t: Translate, typeText: (type: string) => string, incident: Incident): string =>
  `${t('priority', { n: incident.priority })}, ${typeText(incident.type)}, ${addressText(incident)}`;

/** `Unit SCH-21, car, en route`. */
export const unitLabel = (t: Translate, unit: Unit): string =>
  `${t('unit', { unit: unit.callSign })}, ${enumText(t, 'k', unit.kind)}, ${enumText(t, 's', unit.status)}`;

/** Open incidents, the most urgent first, then the most recently opened. */
export function byUrgency(incidents: Iterable<Incident>): Incident[] {
  return [...incidents].filter(isOpen).sort((a, b) => a.priority - b.priority || b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id));
}

/** Units by call sign. */
export const byCallSign = (units: Iterable<Unit>): Unit[] => [...units].sort((a, b) => a.callSign.localeCompare(b.callSign));

/**
 * The CSS class of a priority (`p1` … `p4`); a priority the dispatch added later (5, 6, …) is
 * drawn as the least urgent known one, with its own number on it.
 */
export const priorityClass = (priority: number): string => `p${Math.min(Math.max(Math.trunc(priority), 1), 4)}`;

// The sign on a unit's marker besides its colour, so the status never rests on colour alone.
const UNIT_SIGNS: Readonly<Record<string, string>> = { available: '✓', dispatched: '!', en_route: '→', on_scene: '●', unavailable: '×' };

/** The sign on a unit's marker for its status; `?` for a status added later. */
export const unitSign = (status: string): string => UNIT_SIGNS[status] ?? '?';

/** The CSS class of a unit's status (`s-en_route`); `s-other` for one added later. */
export const unitClass = (status: string): string => (status in UNIT_SIGNS ? `s-${status}` : 's-other');

/** The Waze link that starts navigation to a position, as the contract gives it. */
export const wazeLink = ({ lat, lon }: { lat: number; lon: number }): string => `https://waze.com/ul?ll=${lat},${lon}&navigate=yes`;

/** A position shared with the map (by `<blauw-chat>`, for one): where, how precisely, when, and whose. */
export interface MapPosition {
  /** Latitude in degrees (WGS84), -90 to 90. */
  lat: number;
  /** Longitude in degrees (WGS84), -180 to 180. */
  lon: number;
  /** Radius of uncertainty in metres; drawn as a circle around the marker. */
  accuracy?: number | undefined;
  /** When the position was measured (ISO 8601). */
  at?: string | undefined;
  /** Whose position it is (`Inspecteur Peeters`), shown as text only. */
  label?: string | undefined;
}

/** Whether a position can be drawn: finite coordinates within WGS84's range. */
export const isPlaceable = ({ lat, lon }: MapPosition): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** The accuracy circle's radius in metres, or none for a missing, negative or absurd one. */
export const accuracyRadius = ({ accuracy }: MapPosition): number | undefined =>
  accuracy !== undefined && Number.isFinite(accuracy) && accuracy > 0 ? Math.min(accuracy, 100_000) : undefined;

/**
 * What a shared position's marker and list entry say: `Shared position: Inspector Peeters, within
 * 12 m, at 08:05`; the parts it lacks are left out. `time` turns `at` into the reader's words.
 */
export function positionLabel(t: Translate, time: (at: string) => string | undefined, position: MapPosition): string {
  const label = position.label?.trim();
  const radius = accuracyRadius(position);
  const at = position.at ? time(position.at) : undefined;
  return [
    label ? t('sharedPositionOf', { label }) : t('sharedPosition'),
    radius === undefined ? undefined : t('within', { n: Math.round(radius) }),
    at === undefined ? undefined : t('sharedAt', { time: at }),
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}
