import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Incident, IncidentChange, IncidentEvent, Unit, UnitChange, ZoneGeography } from '@blauw/core';
import { distanceToSegmentMetres, seededStreets, streetNetwork } from '../seed/zone-geography.js';
import { seedZone } from '../seed/zone-seed.js';
import { createFixedClock } from './clock.js';
import { IncidentSimulator, type IncidentSimulatorOptions } from './incident-simulator.js';
import type { JournalEvent } from './incidents.js';
import { mulberry32 } from './random.js';
import { createZone } from './zone.js';

// A Saturday evening in March (CET, +01:00): the history runs through a Saturday.
const START = '2027-03-06T22:00:00+01:00';
const START_MS = Date.parse(START);
const MINUTE = 60_000;

function simulator(options: IncidentSimulatorOptions & { seed?: number; start?: string } = {}) {
  const clock = createFixedClock(options.start ?? START);
  const seed = options.seed ?? 1;
  const data = seedZone(seed, clock);
  return { clock, simulator: new IncidentSimulator({ ...options, data, network: streetNetwork(data, seed), seed, clock }) };
}

/** Every journal event after `seq`, as the wire would carry it. */
function eventsAfter(sim: IncidentSimulator, seq: number): JournalEvent[] {
  return sim.board.journal.since(seq) ?? assert.fail('the journal dropped events the test wanted');
}

const wire = (events: readonly JournalEvent[]) =>
  events.map((event) => `${event.id} ${event.type} ${JSON.stringify(event.type === 'incident' ? { incident: event.incident, entry: event.entry } : { unit: event.unit })}`).join('\n');

describe('the incident simulator', () => {
  it('plays the same events, byte for byte, whether advanced in one step, in 7-second steps or at random instants', () => {
    const end = START_MS + 2 * 60 * MINUTE;
    const once = simulator({ retention: 100_000 }).simulator;
    once.advanceTo(end);

    const stepped = simulator({ retention: 100_000 }).simulator;
    for (let at = START_MS - 13 * 60 * MINUTE; at <= end; at += 7_000) stepped.advanceTo(at);
    stepped.advanceTo(end);

    const random = mulberry32(42);
    const jumpy = simulator({ retention: 100_000 }).simulator;
    for (let at = START_MS; at < end; at += Math.floor(random() * 900_000)) jumpy.advanceTo(at);
    jumpy.advanceTo(end);

    const base = once.board.journal.base;
    const expected = wire(eventsAfter(once, base));
    assert.ok(once.board.journal.lastSeq - base > 1000, 'a history and two live hours have well over a thousand events');
    assert.equal(wire(eventsAfter(stepped, base)), expected);
    assert.equal(wire(eventsAfter(jumpy, base)), expected);
  });

  it('gives another zone history for another seed', () => {
    const one = simulator({ seed: 1 }).simulator;
    const two = simulator({ seed: 2 }).simulator;
    one.sync();
    two.sync();
    assert.notEqual(wire(eventsAfter(one, one.board.journal.lastSeq - 50)), wire(eventsAfter(two, two.board.journal.lastSeq - 50)));
  });

  it('seeds a realistic day: the 12 hours before now hold dozens of incidents, hundreds of log entries, a few still open', () => {
    const { simulator: sim } = simulator();
    sim.sync();
    const board = sim.board;
    assert.ok(board.incidentCount >= 30 && board.incidentCount <= 150, `${board.incidentCount} incidents`);
    assert.ok(board.entryCount >= 200, `${board.entryCount} log entries`);
    const open = board.openIncidents();
    assert.ok(open.length >= 1 && open.length <= 15, `${open.length} open`);
    const all = board.listIncidents({}, { limit: 200 }).items;
    for (const incident of all) Incident.parse(incident);
    assert.match(all[0]?.number ?? '', /^2027-\d{6}$/);
    assert.ok(all.every((incident) => Date.parse(incident.openedAt) >= START_MS - 12 * 60 * MINUTE && Date.parse(incident.openedAt) <= START_MS));
    assert.ok(new Set(all.map((incident) => incident.type)).size >= 5, 'several types of incident');
    assert.ok(all.some((incident) => incident.priority === 1) && all.some((incident) => incident.priority >= 3), 'urgent and routine incidents');
    // A closed incident's log tells the whole story, in order, in the zone's time.
    const closed = all.find((incident) => incident.status === 'closed' && incident.units.length > 0);
    assert.ok(closed);
    const log = board.listLog(closed.id, { limit: 200 }).items;
    for (const entry of log) IncidentEvent.parse(entry);
    assert.equal(log[0]?.kind, 'created');
    assert.equal(log.at(-1)?.kind, 'closed');
    assert.ok(log.some((entry) => entry.kind === 'unit_assigned') && log.some((entry) => entry.kind === 'on_scene'));
    assert.equal(closed.closedAt, log.at(-1)?.at);
    assert.match(closed.openedAt, /\+01:00$/);
    for (const unit of board.allUnits()) Unit.parse(unit);
    assert.match(board.allUnits()[0]?.callSign ?? '', /^SCH-\d\d$/);
  });

  it('gives every journal event the next id, strictly increasing, and an entry the id of its event', () => {
    const { simulator: sim, clock } = simulator();
    sim.sync();
    clock.advance(30 * MINUTE);
    sim.sync();
    const events = eventsAfter(sim, sim.board.journal.oldestKeptSeq! - 1);
    assert.equal(events.length, 5000);
    for (let i = 1; i < events.length; i++) assert.equal(Number(events[i]!.id), Number(events[i - 1]!.id) + 1);
    for (const event of events) {
      if (event.type === 'incident') {
        assert.equal(event.entry.id, event.id);
        IncidentChange.parse({ incident: event.incident, entry: event.entry });
      } else UnitChange.parse({ unit: event.unit });
    }
    // An entry's time never goes back.
    const instants = events.map((event) => Date.parse(event.type === 'incident' ? event.entry.at : event.unit.positionAt));
    for (let i = 1; i < instants.length; i++) assert.ok(instants[i]! >= instants[i - 1]!);
  });

  it('opens a burst of incidents at once, now, each with its created entry', () => {
    const { simulator: sim, clock } = simulator();
    clock.advance(90_500);
    const before = (sim.sync(), sim.board.journal.lastSeq);
    const events = sim.burst(300);
    assert.equal(events.length, 300);
    assert.deepEqual(
      events.map((event) => Number(event.id)),
      Array.from({ length: 300 }, (_, i) => before + 1 + i),
    );
    for (const event of events) {
      assert.equal(event.type, 'incident');
      if (event.type !== 'incident') continue;
      assert.equal(event.entry.kind, 'created');
      assert.equal(event.entry.at, '2027-03-06T22:01:30+01:00');
      assert.equal(event.incident.status, 'open');
    }
    // They are dispatched like any other: the free units go, the rest wait.
    clock.advance(10 * MINUTE);
    sim.sync();
    assert.ok(sim.board.allUnits().every((unit) => unit.status !== 'available'), 'every unit is busy after a burst of 300');
  });

  it('keeps incidents and units on the streets of the zone’s map', () => {
    const { simulator: sim, clock } = simulator({ eventsPerSecond: 20 });
    sim.sync();
    clock.advance(10 * MINUTE);
    sim.sync();
    const segments = sim.network.geography.features
      .filter((feature) => feature.properties.kind === 'street')
      .flatMap((feature) => {
        const line = feature.geometry.coordinates as Array<[number, number]>;
        return line.slice(1).map((point, i) => [{ lon: line[i]![0], lat: line[i]![1] }, { lon: point[0], lat: point[1] }] as const);
      });
    const offStreet = (position: { lat: number; lon: number }) => Math.min(...segments.map(([a, b]) => distanceToSegmentMetres(position, a, b)));
    const events = eventsAfter(sim, sim.board.journal.oldestKeptSeq! - 1);
    const units = events.filter((event) => event.type === 'unit');
    assert.ok(units.length > 1000);
    for (const event of units) assert.ok(offStreet(event.unit.position) < 1, `${event.unit.callSign} at ${JSON.stringify(event.unit.position)} is off the streets`);
    const streetNames = new Set(sim.network.streets.map((street) => street.name));
    for (const incident of sim.board.listIncidents({}, { limit: 200 }).items) {
      assert.ok(offStreet(incident.position) < 1, `${incident.number} is off the streets`);
      assert.ok(streetNames.has(incident.address.street));
    }
  });

  it('sends about eventsPerSecond extra events each simulated second (the high-rate mode)', () => {
    const { simulator: sim, clock } = simulator({ eventsPerSecond: 200 });
    sim.sync();
    const before = sim.board.journal.lastSeq;
    clock.advance(10_000);
    sim.sync();
    const count = sim.board.journal.lastSeq - before;
    assert.ok(count >= 2000 && count < 2100, `${count} events in 10 s`);
  });

  it('keeps the last `retention` events for resuming, and refuses older ones as too old', () => {
    const { simulator: sim } = simulator({ retention: 100 });
    sim.sync();
    const journal = sim.board.journal;
    assert.equal(journal.size, 100);
    const oldest = journal.oldestKeptSeq!;
    const resumed = journal.resume(String(oldest - 1));
    assert.ok(resumed.ok);
    assert.equal(resumed.events.length, 100);
    assert.equal(resumed.events[0]?.seq, oldest);
    const fromMiddle = journal.resume(String(oldest + 49));
    assert.ok(fromMiddle.ok);
    assert.deepEqual(fromMiddle.events.map((event) => event.seq), Array.from({ length: 50 }, (_, i) => oldest + 50 + i));
    const stale = journal.resume(String(oldest - 2));
    assert.ok(!stale.ok);
    assert.equal(stale.refusal.reason, 'too_old');
    assert.deepEqual(journal.resume(String(journal.lastSeq)), { ok: true, events: [] });
  });

  it('calls ids it never gave unknown: malformed, in the future, from before it started', () => {
    const { simulator: sim } = simulator();
    sim.sync();
    const journal = sim.board.journal;
    for (const id of ['abc', '', '12.5', '-3', String(journal.lastSeq + 1), String(journal.base), '7', '99999999999999999']) {
      const resumed = journal.resume(id);
      assert.ok(!resumed.ok, id);
      assert.equal(resumed.refusal.reason, 'unknown_id', id);
    }
  });

  it('starts its ids above those of a server started earlier, so a restart is never resumed into', () => {
    const earlier = simulator().simulator;
    earlier.sync();
    const later = simulator({ start: '2027-03-06T22:00:01+01:00' }).simulator;
    later.sync();
    assert.ok(later.board.journal.base > earlier.board.journal.lastSeq);
    assert.equal((later.board.journal.resume(String(earlier.board.journal.lastSeq)) as { ok: false; refusal: { reason: string } }).refusal.reason, 'unknown_id');
  });

  it('goes on increasing ids after a reset of the zone, and refuses to resume from before it', () => {
    const clock = createFixedClock(START);
    const zone = createZone({ seed: 1, clock });
    zone.incidents.sync();
    const before = zone.incidents.board.journal.lastSeq;
    const incidentsBefore = zone.incidents.board.incidentCount;
    clock.advance(MINUTE);
    zone.reset();
    zone.incidents.sync();
    const journal = zone.incidents.board.journal;
    assert.ok(journal.oldestKeptSeq! > before, 'no id is given twice');
    assert.ok(zone.incidents.board.incidentCount > 0 && zone.incidents.board.incidentCount <= incidentsBefore + 5);
    const resumed = journal.resume(String(before));
    assert.ok(!resumed.ok);
    assert.equal(resumed.refusal.reason, 'too_old');
  });

  it('does not depend on the machine’s time zone: instants are written in Brussels time', () => {
    const { simulator: sim } = simulator({ start: '2027-07-01T12:00:00Z' });
    sim.sync();
    const entry = sim.board.listEntries({}, { limit: 1 }).items[0];
    assert.match(entry?.at ?? '', /\+02:00$/);
  });
});

describe('the zone’s map', () => {
  const clock = createFixedClock(START);

  it('is the same for the same seed, small, and valid GeoJSON of the outline, municipalities and streets', () => {
    const data = seedZone(1, clock);
    const map = streetNetwork(data, 1).geography;
    assert.equal(JSON.stringify(map), JSON.stringify(streetNetwork(seedZone(1, clock), 1).geography));
    assert.notEqual(JSON.stringify(map), JSON.stringify(streetNetwork(seedZone(2, clock), 2).geography));
    ZoneGeography.parse(map);
    const bytes = JSON.stringify(map).length;
    assert.ok(bytes < 60_000, `${bytes} bytes`);
    const kinds = map.features.map((feature) => feature.properties.kind);
    assert.equal(kinds[0], 'outline');
    assert.equal(kinds.filter((kind) => kind === 'municipality').length, data.municipalities.length);
    assert.deepEqual([...new Set(kinds)], ['outline', 'municipality', 'street']);
    // Around 51.0 N, 3.9 E; rings are closed.
    for (const feature of map.features) {
      const points = (feature.geometry.type === 'Polygon' ? (feature.geometry.coordinates[0] as number[][]) : (feature.geometry.coordinates as number[][]));
      for (const [lon, lat] of points as Array<[number, number]>) assert.ok(Math.abs(lat - 51) < 0.2 && Math.abs(lon - 3.9) < 0.3, `${lat},${lon}`);
      if (feature.geometry.type === 'Polygon') assert.deepEqual(points[0], points.at(-1));
    }
  });

  it('draws every street the seed gives a municipality, so every address officers cover is on the map', () => {
    const data = seedZone(3, clock);
    const names = new Set(streetNetwork(data, 3).geography.features.filter((feature) => feature.properties.kind === 'street').map((feature) => feature.properties.name));
    for (const streets of seededStreets(data).values()) for (const street of streets) assert.ok(names.has(street.name), street.name);
  });
});
