// The events both timelines load in `npm run bench:timeline`: the same 10,000 log entries of ~1,700
// incidents over two days, and 1,000 more that arrive live, generated from a seed so every run
// (and both libraries) get byte-identical input. Invented data: streets of the fictional zone.
import type { Incident, IncidentEvent } from '@blauw/core';
import { mulberry32 } from '@blauw/mock-server';

/** What a benchmark run feeds both timelines. */
export interface TimelineBenchData {
  /** Incidents by id, as the feed's list gives them. */
  incidents: Incident[];
  /** The history, newest first. */
  history: IncidentEvent[];
  /** Entries that arrive live after the load, in order. */
  live: IncidentEvent[];
}

const TYPES = ['traffic_accident', 'burglary', 'disturbance', 'theft', 'domestic', 'fire_assist', 'suspicious_activity', 'missing_person'];
const STREETS = ['Kerkstraat', 'Molenstraat', 'Stationsstraat', 'Dorpsstraat', 'Schoolstraat', 'Kapelstraat', 'Beekstraat', 'Lindelaan', 'Veldstraat', 'Scheldedijk'];
const TOWNS = [
  { name: 'Scheldegem', postalCode: '9230' },
  { name: 'Hoeverbeek', postalCode: '9240' },
  { name: 'Kalkenrode', postalCode: '9250' },
];
const UPDATES = ['Getuige ter plaatse gehoord.', 'Ambulance gevraagd.', 'Verdachte gevlucht richting centrum.', 'Rijbaan vrijgemaakt.', 'Sleepdienst onderweg.'];
const KINDS_AFTER_CREATED = ['unit_assigned', 'en_route', 'on_scene', 'update', 'update', 'closed'] as const;

/**
 * Generates `history + live` entries ending at `end` (ISO instant), one every ~17 s on average,
 * grouped in incidents of about six entries each.
 */
export function timelineBenchData(options: { history: number; live: number; end: string; seed?: number }): TimelineBenchData {
  const random = mulberry32(options.seed ?? 10);
  const randomInt = (_: unknown, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(_: unknown, items: readonly T[]): T => items[randomInt(random, 0, items.length - 1)]!;
  const total = options.history + options.live;
  const endMs = new Date(options.end).getTime();
  const startMs = endMs - total * 17_000;
  const incidents: Incident[] = [];
  const entries: IncidentEvent[] = [];
  const open: Array<{ incident: Incident; step: number }> = [];
  let at = startMs;
  for (let sequence = 1; entries.length < total; sequence++) {
    at += randomInt(random, 2, 32) * 1000;
    const iso = new Date(at).toISOString();
    const newIncident = open.length < 3 || random() < 0.18;
    if (newIncident) {
      const town = pick(random, TOWNS);
      const incident: Incident = {
        id: `inc-${incidents.length + 1}`,
        number: `2027-${String(4000 + incidents.length).padStart(6, '0')}`,
        type: pick(random, TYPES),
        priority: randomInt(random, 1, 4),
        status: 'open',
        address: { street: pick(random, STREETS), houseNumber: String(randomInt(random, 1, 180)), postalCode: town.postalCode, municipality: town.name },
        position: { lat: 51.0 + random() * 0.08, lon: 3.85 + random() * 0.12 },
        openedAt: iso,
        updatedAt: iso,
        units: [],
      };
      incidents.push(incident);
      open.push({ incident, step: 0 });
      entries.push({ id: String(sequence), incidentId: incident.id, at: iso, kind: 'created', text: `Melding: ${incident.type}` });
      continue;
    }
    const index = randomInt(random, 0, open.length - 1);
    const current = open[index]!;
    const kind = KINDS_AFTER_CREATED[Math.min(current.step, KINDS_AFTER_CREATED.length - 1)]!;
    current.step += 1;
    const unit = `SCH-${randomInt(random, 11, 38)}`;
    entries.push({
      id: String(sequence),
      incidentId: current.incident.id,
      at: iso,
      kind,
      ...(kind === 'unit_assigned' || kind === 'en_route' || kind === 'on_scene' ? { unit } : {}),
      ...(kind === 'update' ? { text: pick(random, UPDATES) } : {}),
    });
    if (kind === 'unit_assigned') current.incident.units.push(unit);
    current.incident.updatedAt = iso;
    if (kind === 'closed') {
      current.incident.status = 'closed';
      current.incident.closedAt = iso;
      open.splice(index, 1);
    } else if (kind !== 'update') current.incident.status = kind === 'unit_assigned' ? 'assigned' : kind;
  }
  const history = entries.slice(0, options.history).reverse();
  return { incidents, history, live: entries.slice(options.history) };
}
