import type { GeoPoint, Incident, Unit } from '@blauw/core';
import type { ZoneData } from '../seed/zone-seed.js';
import { nodePosition, type StreetNetwork } from '../seed/zone-geography.js';
import type { Clock } from './clock.js';
import { IncidentBoard, IncidentJournal, type JournalEvent } from './incidents.js';
import { mulberry32, pick, randomInt, type Random } from './random.js';
import { daysBetween, formatOffset, instantToZoned, isoWeekday, offsetMinutesAt } from './zoned-time.js';

// A dispatch room played by a seeded PRNG on the zone's clock. Everything it does is an action
// scheduled at a whole second of simulated time (the high-rate mode's at tenths); advanceTo(t)
// runs the due actions in (time, order of scheduling) order, so the events depend only on the seed, the start instant and the
// instant reached, never on how often, or in what steps, advanceTo is called.

/** Options of {@link IncidentSimulator}. */
export interface IncidentSimulatorOptions {
  /**
   * New incidents per hour on average, before the time-of-day profile (quieter before dawn, busier
   * in the evening and in weekend nights). Default 6. 0 opens none (bursts still do).
   */
  incidentsPerHour?: number | undefined;
  /**
   * Extra events per second of simulated time, from the start instant on (not in the seeded
   * history): position reports of units (patrol steps of available ones) and, one in ten, a
   * note on an open incident. For load tests and the timeline's benchmarks; default 0.
   */
  eventsPerSecond?: number | undefined;
  /** How many journal events are kept for resuming streams. Default 5000. */
  retention?: number | undefined;
  /** How many hours before the start instant the seeded history begins. Default 12. */
  historyHours?: number | undefined;
  /**
   * How often a moving unit reports its position, in milliseconds of simulated time (rounded to
   * whole seconds). Default 5000. 0 reports only departures and arrivals: the knob for how big a
   * share of the stream unit moves are.
   */
  positionIntervalMs?: number | undefined;
}

/** {@link IncidentSimulatorOptions} with the defaults filled in. */
export type IncidentSimulatorSettings = { [K in keyof IncidentSimulatorOptions]-?: number };

/** What {@link IncidentSimulator} is built from. */
export interface IncidentSimulatorInit extends IncidentSimulatorOptions {
  data: ZoneData;
  network: StreetNetwork;
  seed: number;
  clock: Clock;
}

/** A point on the street network: `t` of the way along edge `edge`. */
export interface NetPoint {
  edge: number;
  t: number;
}

/** The incident types the simulated dispatch knows, with what it writes in their logs (Dutch). */
interface IncidentType {
  code: string;
  priorities: readonly number[];
  weight: number;
  /** The dispatcher's note on the `created` entry. */
  created: readonly string[];
  /** Notes from units on scene. */
  updates: readonly string[];
  /** How the incident ends. */
  closed: readonly string[];
  /** Minutes on scene, from–to. */
  sceneMinutes: readonly [number, number];
}

/** The types of incident the simulator opens, with their weights and their Dutch log texts. */
export const INCIDENT_TYPES: readonly IncidentType[] = [
  {
    code: 'traffic_accident',
    priorities: [1, 2, 2, 3],
    weight: 16,
    created: ['Aanrijding tussen twee voertuigen gemeld.', 'Fietser aangereden, melder spreekt van lichte verwondingen.', 'Voertuig in de gracht, bestuurder aanspreekbaar.'],
    updates: ['Geen gewonden, enkel stoffelijke schade.', 'Takeldienst verwittigd.', 'Verkeer wordt ter plaatse omgeleid.', 'Ambulance ter plaatse, één persoon naar het ziekenhuis.', 'Ademtest bij beide bestuurders negatief.'],
    closed: ['Aanrijdingsformulier ingevuld, weg vrijgemaakt.', 'PV opgesteld, voertuigen getakeld.'],
    sceneMinutes: [20, 60],
  },
  {
    code: 'burglary',
    priorities: [2, 2, 3],
    weight: 10,
    created: ['Inbraak in woning vastgesteld door bewoner bij thuiskomst.', 'Alarmmelding bij handelszaak.', 'Buren horen glasgerinkel.'],
    updates: ['Achterdeur geforceerd, bewoners niet thuis.', 'Labo verwittigd voor sporenonderzoek.', 'Buurtonderzoek gestart.', 'Geen daders meer ter plaatse.'],
    closed: ['PV inbraak opgesteld, slachtoffer ingelicht over slachtofferbejegening.', 'Vals alarm, pand gecontroleerd en in orde.'],
    sceneMinutes: [25, 70],
  },
  {
    code: 'disturbance',
    priorities: [3, 4],
    weight: 14,
    created: ['Nachtlawaai: luide muziek bij de buren.', 'Ruzie op straat tussen enkele personen.', 'Overlast door groep jongeren aan het plein.'],
    updates: ['Muziek stilgezet na tussenkomst.', 'Partijen uit elkaar gehaald.', 'Identiteit van de betrokkenen gecontroleerd.'],
    closed: ['Betrokkenen aangemaand, rust teruggekeerd.', 'Geen overlast meer vastgesteld bij aankomst.'],
    sceneMinutes: [10, 30],
  },
  {
    code: 'theft',
    priorities: [3, 4],
    weight: 12,
    created: ['Fiets gestolen aan het station.', 'Gsm ontvreemd op terras.', 'Winkeldiefstal, verdachte vastgehouden door personeel.'],
    updates: ['Camerabeelden opgevraagd.', 'Signalement van de verdachte verspreid.', 'Verdachte ter plaatse geïdentificeerd.'],
    closed: ['PV diefstal opgesteld.', 'Gestolen goed teruggevonden en aan eigenaar bezorgd.'],
    sceneMinutes: [15, 40],
  },
  {
    code: 'domestic',
    priorities: [1, 2],
    weight: 6,
    created: ['Melding van intrafamiliaal geweld, kinderen aanwezig.', 'Hevige ruzie in woning, melder vreest escalatie.'],
    updates: ['Partijen gescheiden, situatie onder controle.', 'Parket telefonisch verwittigd.', 'Slachtoffer opgevangen, doorverwezen naar hulpverlening.'],
    closed: ['PV opgesteld, dossier doorgegeven aan de wijkagent voor opvolging.'],
    sceneMinutes: [30, 75],
  },
  {
    code: 'fire_assist',
    priorities: [1, 2],
    weight: 4,
    created: ['Brandweer vraagt bijstand bij woningbrand.', 'Rookontwikkeling uit loods, straat af te sluiten.'],
    updates: ['Straat afgesloten voor alle verkeer.', 'Omwonenden geëvacueerd.', 'Brand onder controle volgens brandweer.'],
    closed: ['Brandweer heeft de plaats vrijgegeven, straat terug open.'],
    sceneMinutes: [30, 90],
  },
  {
    code: 'missing_person',
    priorities: [1, 2],
    weight: 3,
    created: ['Bejaarde persoon niet teruggekeerd van wandeling.', 'Kind niet thuisgekomen na school.'],
    updates: ['Signalement verspreid naar alle ploegen.', 'Omgeving wordt afgezocht.', 'Persoon teruggevonden, in goede gezondheid.'],
    closed: ['Persoon terug bij familie, opsporing stopgezet.'],
    sceneMinutes: [30, 90],
  },
  {
    code: 'suspicious_activity',
    priorities: [3, 4],
    weight: 12,
    created: ['Verdacht voertuig rijdt traag door de wijk.', 'Persoon kijkt in geparkeerde wagens.', 'Onbekenden op bouwwerf na sluitingstijd.'],
    updates: ['Voertuig gecontroleerd, papieren in orde.', 'Omgeving afgezocht, niemand aangetroffen.'],
    closed: ['Niets verdachts vastgesteld.', 'Betrokkene geïdentificeerd, geen verdere actie.'],
    sceneMinutes: [10, 25],
  },
  {
    code: 'traffic_obstruction',
    priorities: [3, 4],
    weight: 8,
    created: ['Foutgeparkeerde vrachtwagen blokkeert de rijbaan.', 'Verloren lading op de weg.', 'Defect verkeerslicht op kruispunt.'],
    updates: ['Verkeer wordt manueel geregeld.', 'Eigenaar van het voertuig gecontacteerd.'],
    closed: ['Weg vrijgemaakt.', 'Wegbeheerder verwittigd, signalisatie geplaatst.'],
    sceneMinutes: [10, 35],
  },
  {
    code: 'animal',
    priorities: [4],
    weight: 4,
    created: ['Loslopende koeien op de weg.', 'Zwerfhond in de straat, melder durft niet buiten.'],
    updates: ['Eigenaar opgespoord.', 'Dieren terug in de weide gedreven.'],
    closed: ['Dier opgevangen door het asiel.', 'Dieren terug bij de eigenaar.'],
    sceneMinutes: [10, 30],
  },
];

const WAITING_NOTE = 'Geen ploeg vrij; melding blijft in wacht.';
const PHONE_CLOSE = 'Telefonisch afgehandeld door de dispatching; geen ploeg nodig.';
const PULSE_NOTES = ['Ploeg meldt: situatie onder controle.', 'Bijkomende informatie van de melder ontvangen.', 'Ploeg vraagt nazicht nummerplaat.', 'Getuige ter plaatse gehoord.'];

/** Unit speeds in metres per second (in town, without blue lights). */
const SPEED: Record<string, number> = { car: 12.5, motorcycle: 13.5, van: 11, bicycle: 4.5, foot: 1.4 };
/** How far from an incident a unit of a kind is still sent (metres); cars go anywhere. */
const REACH: Record<string, number> = { bicycle: 3000, foot: 900 };

interface Action {
  at: number;
  order: number;
  run: () => void;
}

interface Crew {
  callSign: string;
  kind: string;
  at: NetPoint;
  /** Bumped on each new trip, so a stale move of an earlier trip does nothing. */
  trip: number;
  /** Which way along its edge it patrols (toward the edge's `to` node, or back). */
  forward: boolean;
}

interface Case {
  id: string;
  type: IncidentType;
  at: NetPoint;
  /** Units sent, arrived or not. */
  crews: Set<string>;
  waiting: boolean;
  onScene: boolean;
}

const SECOND = 1000;
const PULSES_PER_SECOND = 10;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Plays the zone's dispatch: opens incidents at a realistic rate, sends the nearest free units,
 * drives them along the streets, logs their arrival, notes from the scene and the end, and keeps
 * it all on an {@link IncidentBoard}. Driven by the zone's clock, never the system clock; random
 * only through mulberry32 from the seed. At the first use it plays the hours before the start
 * (`historyHours`), so lists have a day's history and a few incidents are open.
 *
 * @example
 * ```ts
 * const clock = createFixedClock('2027-03-06T22:00:00+01:00');
 * const simulator = new IncidentSimulator({ data, network, seed: 1, clock });
 * clock.advance(60_000);
 * simulator.sync(); // runs whatever happened in that minute
 * ```
 */
export class IncidentSimulator {
  /** Incidents, units and the journal the simulator keeps up to date. */
  readonly board: IncidentBoard;
  /** The zone's clock: where {@link sync} advances to. */
  readonly clock: Clock;
  readonly #options: IncidentSimulatorSettings;
  #data: ZoneData;
  #network: StreetNetwork;
  #seed: number;
  #random: Random = mulberry32(0);
  #queue: Action[] = [];
  #order = 0;
  #startMs: number;
  #reachedMs = 0;
  #started = false;
  #cases = new Map<string, Case>();
  #crews = new Map<string, Crew>();
  #waiting: string[] = [];
  #numberYear = '';
  #numberNext = 0;
  #pulseCredit = 0;
  #offsetCache = { quarter: Number.NaN, minutes: 0 };
  #openStreams = 0;

  constructor(init: IncidentSimulatorInit) {
    this.#options = {
      incidentsPerHour: nonNegative('incidentsPerHour', init.incidentsPerHour ?? 6),
      eventsPerSecond: nonNegative('eventsPerSecond', init.eventsPerSecond ?? 0),
      retention: init.retention ?? 5000,
      historyHours: nonNegative('historyHours', init.historyHours ?? 12),
      positionIntervalMs: nonNegative('positionIntervalMs', init.positionIntervalMs ?? 5000),
    };
    this.clock = init.clock;
    this.#data = init.data;
    this.#network = init.network;
    this.#seed = init.seed;
    this.#startMs = Math.floor(init.clock.now().getTime() / SECOND) * SECOND;
    // Ids start above the start instant's second × 10⁶: a restarted server's ids are all above
    // (or, started earlier, all unknown to) those of the one before, so a client resuming across
    // a restart is told to refetch instead of being fed another history. Room for a million
    // events per second of wall-clock time between two starts; safe integers until the year 2255.
    const base = Math.floor(this.#startMs / SECOND) * 1_000_000;
    this.board = new IncidentBoard(new IncidentJournal({ retention: this.#options.retention, base: Number.isSafeInteger(base) && base > 0 ? base : 0 }));
  }

  /** The zone's streets and outlines, as served at `GET /v1/zone/geography`. */
  get network(): StreetNetwork {
    return this.#network;
  }

  /** The options in force, defaults filled in. */
  get options(): Readonly<IncidentSimulatorSettings> {
    return this.#options;
  }

  /** How many live streams read the board now (the stream handler counts itself in and out). */
  get openStreams(): number {
    return this.#openStreams;
  }

  /** Counts a live stream in; returns the function that counts it out (idempotent). */
  streamOpened(): () => void {
    this.#openStreams++;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.#openStreams--;
    };
  }

  /** Runs everything due up to the zone clock's now. */
  sync(): void {
    this.advanceTo(this.clock.now());
  }

  /**
   * Runs every scheduled action up to `instant`, in order. Calling it once for an hour or 3600
   * times for a second each gives the same events, byte for byte. An instant before one already
   * reached does nothing (the simulated past is never rewritten).
   */
  advanceTo(instant: Date | number): void {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    this.#start();
    for (;;) {
      const next = this.#queue[0];
      if (next === undefined || next.at > target) break;
      popAction(this.#queue);
      this.#reachedMs = Math.max(this.#reachedMs, next.at);
      next.run();
    }
    this.#reachedMs = Math.max(this.#reachedMs, target);
  }

  /**
   * Opens `count` incidents at once, now (the zone clock's second), each logged `created` and
   * then handled like any other (most wait for a unit; the least urgent are closed by phone).
   * For tests and the timeline's burst and backpressure demos.
   *
   * @returns The journal events of the new incidents' `created` entries.
   */
  burst(count: number): JournalEvent[] {
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A burst is a whole number of incidents, got ${count}.`);
    this.sync();
    const at = Math.floor(this.#reachedMs / SECOND) * SECOND;
    const events: JournalEvent[] = [];
    for (let i = 0; i < count; i++) events.push(this.#openIncident(at));
    return events;
  }

  /**
   * Starts over from the zone clock's now with another zone (after the zone was reset): new
   * history, same journal, whose ids go on increasing and whose older events are forgotten.
   */
  reset(data: ZoneData, network: StreetNetwork, seed: number): void {
    this.board.clear();
    this.#data = data;
    this.#network = network;
    this.#seed = seed;
    this.#startMs = Math.floor(this.clock.now().getTime() / SECOND) * SECOND;
    this.#started = false;
    this.#queue = [];
    this.#order = 0;
    this.#cases.clear();
    this.#crews.clear();
    this.#waiting = [];
    this.#pulseCredit = 0;
  }

  /** Lazily plays the history: the zone clock's start may be long before the first request. */
  #start(): void {
    if (this.#started) return;
    this.#started = true;
    // A PRNG stream of its own, so the incidents do not change the zone's other seeded data.
    this.#random = mulberry32((this.#seed ^ 0x85ebca6b) >>> 0);
    const historyStart = this.#startMs - Math.round(this.#options.historyHours * HOUR);
    this.#reachedMs = historyStart;
    const zoned = instantToZoned(historyStart, this.#data.timeZone);
    const year = zoned.date.slice(0, 4);
    this.#numberYear = year;
    this.#numberNext = daysBetween(`${year}-01-01`, zoned.date) * 140 + randomInt(this.#random, 1, 99);
    this.#placeUnits(historyStart);
    this.#schedule(historyStart + this.#interArrival(historyStart), () => this.#spawn());
    if (this.#options.eventsPerSecond > 0) this.#schedule(this.#startMs, () => this.#pulse(), true);
  }

  /** Schedules an action at a whole second (`exact`: at the very millisecond, for the high-rate mode). */
  #schedule(at: number, run: () => void, exact = false): void {
    pushAction(this.#queue, { at: exact ? at : Math.ceil(at / SECOND) * SECOND, order: this.#order++, run });
  }

  #now(): number {
    return this.#reachedMs;
  }

  /**
   * `formatZoned`, fast: a history has thousands of instants and Intl is slow, so the offset is
   * looked up once per quarter hour (the finest step any time zone changes its offset by) and
   * the wall time computed from it.
   */
  #format(ms: number): string {
    const quarter = Math.floor(ms / (15 * MINUTE));
    if (this.#offsetCache.quarter !== quarter) {
      this.#offsetCache = { quarter, minutes: offsetMinutesAt(quarter * 15 * MINUTE, this.#data.timeZone) };
    }
    const minutes = this.#offsetCache.minutes;
    const wall = new Date(Math.floor(ms / SECOND) * SECOND + minutes * MINUTE).toISOString().slice(0, 19);
    return `${wall}${formatOffset(minutes)}`;
  }

  #placeUnits(atMs: number): void {
    const prefix = this.#data.name.replace(/^Politiezone\s+/i, '').slice(0, 3).toUpperCase() || 'PZ';
    const streetsByMunicipality = new Map<string, number[]>();
    for (const [index, street] of this.#network.streets.entries()) {
      if (street.municipalityId === undefined) continue;
      const list = streetsByMunicipality.get(street.municipalityId) ?? [];
      list.push(index);
      streetsByMunicipality.set(street.municipalityId, list);
    }
    for (const [index, municipality] of this.#data.municipalities.entries()) {
      const kinds = index === 0 ? ['car', 'car', 'bicycle', 'foot'] : ['car', pick(this.#random, ['car', 'motorcycle', 'van', 'bicycle'])];
      for (const [k, kind] of kinds.entries()) {
        const callSign = `${prefix}-${index + 1}${k + 1}`;
        const street = this.#network.streets[pick(this.#random, streetsByMunicipality.get(municipality.id) ?? [0])];
        const at: NetPoint = { edge: pick(this.#random, street?.edges ?? [0]), t: Math.round(this.#random() * 100) / 100 };
        this.#crews.set(callSign, { callSign, kind, at, trip: 0, forward: true });
        this.board.placeUnit({
          id: `unit-${callSign.toLowerCase()}`,
          callSign,
          kind,
          status: 'available',
          position: this.#position(at),
          positionAt: this.#format(atMs),
        });
      }
    }
  }

  /** Incidents per hour at an instant: the configured rate shaped by the hour and the weekday. */
  #rateAt(ms: number): number {
    const zoned = instantToZoned(ms, this.#data.timeZone);
    const hour = Number(zoned.time.slice(0, 2));
    const weekday = isoWeekday(zoned.date);
    // Friday and Saturday nights (and the small hours after them) are the busiest.
    const weekendNight = (hour >= 22 && (weekday === 5 || weekday === 6)) || (hour < 5 && (weekday === 6 || weekday === 7));
    const shape = weekendNight ? 1.7 : hour < 5 ? 0.5 : hour < 8 ? 0.7 : hour < 18 ? 1.1 : hour < 22 ? 1.2 : 0.9;
    return this.#options.incidentsPerHour * shape;
  }

  #interArrival(ms: number): number {
    const rate = this.#rateAt(ms);
    if (rate <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(SECOND, (-Math.log(1 - this.#random()) / rate) * HOUR);
  }

  #spawn(): void {
    const now = this.#now();
    this.#openIncident(now);
    const next = now + this.#interArrival(now);
    if (Number.isFinite(next)) this.#schedule(next, () => this.#spawn());
  }

  #nextNumber(atMs: number): string {
    const year = instantToZoned(atMs, this.#data.timeZone).date.slice(0, 4);
    if (year !== this.#numberYear) {
      this.#numberYear = year;
      this.#numberNext = 1;
    }
    return `${year}-${String(this.#numberNext++).padStart(6, '0')}`;
  }

  #openIncident(atMs: number): JournalEvent {
    const type = weighted(this.#random, INCIDENT_TYPES);
    const priority = pick(this.#random, type.priorities);
    const place = this.#randomAddress();
    const number = this.#nextNumber(atMs);
    const id = `inc-${number}`;
    const openedAt = this.#format(atMs);
    const event = this.board.open(
      { id, number, type: type.code, priority, address: place.address, position: place.address.position ?? this.#position(place.at), openedAt },
      atMs,
      pick(this.#random, type.created),
    );
    const incidentCase: Case = { id, type, at: place.at, crews: new Set(), waiting: false, onScene: false };
    this.#cases.set(id, incidentCase);
    const delay = priority === 1 ? randomInt(this.#random, 15, 60) : randomInt(this.#random, 40, 180);
    this.#schedule(atMs + delay * SECOND, () => this.#dispatch(incidentCase, priority <= 2 ? (priority === 1 ? 2 : randomInt(this.#random, 1, 2)) : 1));
    if (priority >= 3) this.#schedule(atMs + randomInt(this.#random, 20, 45) * MINUTE, () => this.#closeByPhone(incidentCase));
    return event;
  }

  #randomAddress(): { address: Incident['address']; at: NetPoint } {
    const streets = this.#network.streets.filter((street) => street.postalCode !== undefined);
    // The central municipality is the largest: about a third of the calls.
    const central = this.#data.municipalities[0]?.id;
    const pool = this.#random() < 0.35 ? streets.filter((street) => street.municipalityId === central) : streets;
    const street = pick(this.#random, pool.length > 0 ? pool : streets);
    const edgeIndex = randomInt(this.#random, 0, street.edges.length - 1);
    const t = Math.round((0.15 + this.#random() * 0.7) * 100) / 100;
    const at: NetPoint = { edge: street.edges[edgeIndex] as number, t };
    let along = 0;
    for (let i = 0; i < edgeIndex; i++) along += this.#network.edges[street.edges[i] as number]?.length ?? 0;
    along += (this.#network.edges[at.edge]?.length ?? 0) * t;
    // About one house every 12 m on each side; odd numbers on one side, even on the other.
    const houseNumber = Math.max(1, Math.round(along / 12) * 2 + (this.#random() < 0.5 ? 1 : 0));
    return {
      at,
      address: {
        street: street.name,
        houseNumber: String(houseNumber),
        postalCode: street.postalCode as string,
        municipality: street.municipality as string,
        position: this.#position(at),
      },
    };
  }

  /** Sends up to `wanted` of the nearest free units; the incident waits when there is none. */
  #dispatch(incidentCase: Case, wanted: number): void {
    const incident = this.board.find(incidentCase.id);
    if (incident === undefined || incident.status === 'closed') return;
    const free = [...this.#crews.values()].filter((crew) => this.board.unit(crew.callSign)?.status === 'available');
    if (free.length === 0) {
      if (!incidentCase.waiting) {
        incidentCase.waiting = true;
        this.#waiting.push(incidentCase.id);
        this.board.record(incidentCase.id, { at: this.#format(this.#now()), kind: 'update', text: WAITING_NOTE }, this.#now());
      }
      return;
    }
    const routes = shortestPaths(this.#network, incidentCase.at);
    const candidates = free
      .map((crew) => ({ crew, route: routeFrom(this.#network, routes, crew.at, incidentCase.at) }))
      .filter(({ crew, route }) => route.length <= (REACH[crew.kind] ?? Number.POSITIVE_INFINITY))
      .sort((a, b) => a.route.length / speedOf(a.crew) - b.route.length / speedOf(b.crew) || (a.crew.callSign < b.crew.callSign ? -1 : 1));
    if (candidates.length === 0) {
      if (!incidentCase.waiting) {
        incidentCase.waiting = true;
        this.#waiting.push(incidentCase.id);
        this.board.record(incidentCase.id, { at: this.#format(this.#now()), kind: 'update', text: WAITING_NOTE }, this.#now());
      }
      return;
    }
    incidentCase.waiting = false;
    this.#waiting = this.#waiting.filter((id) => id !== incidentCase.id);
    for (const { crew, route } of candidates.slice(0, wanted)) this.#assign(incidentCase, crew, route);
  }

  #assign(incidentCase: Case, crew: Crew, route: Route): void {
    const now = this.#now();
    const at = this.#format(now);
    const incident = this.board.find(incidentCase.id);
    if (incident === undefined) return;
    incidentCase.crews.add(crew.callSign);
    this.board.record(incidentCase.id, { at, kind: 'unit_assigned', unit: crew.callSign }, now, {
      status: incident.status === 'open' ? 'assigned' : undefined,
      addUnits: [crew.callSign],
    });
    const trip = ++crew.trip;
    this.#updateUnit(crew, { status: 'dispatched', incidentId: incidentCase.id });
    this.#schedule(now + randomInt(this.#random, 10, 50) * SECOND, () => {
      if (crew.trip !== trip) return;
      const current = this.board.find(incidentCase.id);
      if (current === undefined || current.status === 'closed') return;
      const departed = this.#now();
      this.board.record(incidentCase.id, { at: this.#format(departed), kind: 'en_route', unit: crew.callSign }, departed, {
        status: current.status === 'open' || current.status === 'assigned' ? 'en_route' : undefined,
      });
      this.#updateUnit(crew, { status: 'en_route', incidentId: incidentCase.id });
      this.#drive(incidentCase, crew, route, departed, trip);
    });
  }

  /** Moves a unit along its route, reporting its position every interval, and arrives. */
  #drive(incidentCase: Case, crew: Crew, route: Route, departedMs: number, trip: number): void {
    const urgent = (this.board.find(incidentCase.id)?.priority ?? 4) <= 2;
    const speed = speedOf(crew) * (urgent && crew.kind !== 'foot' ? 1.4 : 1);
    const durationMs = Math.max(SECOND, Math.ceil((route.length / speed) * 1000));
    const arriveAt = departedMs + durationMs;
    const interval = Math.max(SECOND, Math.round(this.#options.positionIntervalMs / SECOND) * SECOND);
    if (this.#options.positionIntervalMs > 0) {
      for (let at = departedMs + interval; at < arriveAt; at += interval) {
        this.#schedule(at, () => {
          if (crew.trip !== trip) return;
          crew.at = pointAlong(this.#network, route, ((at - departedMs) / 1000) * speed);
          this.#updateUnit(crew, {});
        });
      }
    }
    this.#schedule(arriveAt, () => {
      if (crew.trip !== trip) return;
      crew.at = incidentCase.at;
      const incident = this.board.find(incidentCase.id);
      if (incident === undefined || incident.status === 'closed') {
        this.#release(crew, incidentCase.id);
        return;
      }
      const now = this.#now();
      this.#updateUnit(crew, { status: 'on_scene', incidentId: incidentCase.id }, incident.position);
      this.board.record(incidentCase.id, { at: this.#format(now), kind: 'on_scene', unit: crew.callSign }, now, { status: 'on_scene' });
      if (incidentCase.onScene) return;
      incidentCase.onScene = true;
      const [least, most] = incidentCase.type.sceneMinutes;
      const closeAt = now + randomInt(this.#random, least, most) * MINUTE;
      let noteAt = now;
      const notes = randomInt(this.#random, 0, 3);
      for (let i = 0; i < notes; i++) {
        noteAt += randomInt(this.#random, 2, 12) * MINUTE;
        if (noteAt >= closeAt) break;
        const text = pick(this.#random, incidentCase.type.updates);
        const unit = pick(this.#random, [...incidentCase.crews]);
        this.#schedule(noteAt, () => this.#note(incidentCase.id, text, unit));
      }
      this.#schedule(closeAt, () => this.#close(incidentCase, pick(this.#random, incidentCase.type.closed)));
    });
  }

  #note(incidentId: string, text: string, unit: string | undefined): void {
    const incident = this.board.find(incidentId);
    if (incident === undefined || incident.status === 'closed') return;
    const now = this.#now();
    this.board.record(incidentId, { at: this.#format(now), kind: 'update', text, ...(unit === undefined ? {} : { unit }) }, now);
  }

  #closeByPhone(incidentCase: Case): void {
    const incident = this.board.find(incidentCase.id);
    if (incident === undefined || incident.status !== 'open') return;
    this.#close(incidentCase, PHONE_CLOSE);
  }

  #close(incidentCase: Case, text: string): void {
    const incident = this.board.find(incidentCase.id);
    if (incident === undefined || incident.status === 'closed') return;
    const now = this.#now();
    this.board.record(incidentCase.id, { at: this.#format(now), kind: 'closed', text }, now, { status: 'closed' });
    this.#waiting = this.#waiting.filter((id) => id !== incidentCase.id);
    this.#cases.delete(incidentCase.id);
    for (const callSign of incidentCase.crews) {
      const crew = this.#crews.get(callSign);
      if (crew !== undefined && this.board.unit(callSign)?.incidentId === incidentCase.id) this.#release(crew, incidentCase.id);
    }
  }

  /** Frees a unit where it stands and gives it the most urgent waiting incident, if any. */
  #release(crew: Crew, leftIncidentId: string): void {
    crew.trip++;
    this.#updateUnit(crew, { status: 'available', incidentId: undefined }, undefined, leftIncidentId);
    // Most urgent first, then the longest waiting.
    const next = this.#waiting
      .map((id) => this.#cases.get(id))
      .filter((item): item is Case => item !== undefined)
      .sort((a, b) => (this.board.find(a.id)?.priority ?? 9) - (this.board.find(b.id)?.priority ?? 9))[0];
    if (next !== undefined) this.#dispatch(next, 1);
  }

  #updateUnit(crew: Crew, change: { status?: string; incidentId?: string | undefined }, position?: GeoPoint, concerns?: string): void {
    const before = this.board.unit(crew.callSign);
    if (before === undefined) return;
    const unit: Unit = {
      id: before.id,
      callSign: before.callSign,
      kind: before.kind,
      status: change.status ?? before.status,
      position: position ?? this.#position(crew.at),
      positionAt: this.#format(this.#now()),
    };
    const incidentId = 'incidentId' in change ? change.incidentId : before.incidentId;
    if (incidentId !== undefined) unit.incidentId = incidentId;
    this.board.setUnit(unit, incidentId ?? concerns);
  }

  /**
   * A tenth of a second of the high-rate mode: a tenth of `eventsPerSecond` events, fractions
   * carried over. Spread over the second, so a stream polling several times a second gets them
   * in even batches rather than a whole second's worth at once.
   */
  #pulse(): void {
    this.#pulseCredit += this.#options.eventsPerSecond / PULSES_PER_SECOND;
    const count = Math.floor(this.#pulseCredit);
    this.#pulseCredit -= count;
    const crews = [...this.#crews.values()];
    for (let i = 0; i < count; i++) {
      const open = this.#random() < 0.1 ? this.board.openIncidents().filter((incident) => this.board.logLength(incident.id) < 200) : [];
      if (open.length > 0) {
        const incident = pick(this.#random, open);
        this.#note(incident.id, pick(this.#random, PULSE_NOTES), incident.units[0]);
        continue;
      }
      const crew = pick(this.#random, crews);
      if (this.board.unit(crew.callSign)?.status === 'available') crew.at = this.#patrolStep(crew);
      this.#updateUnit(crew, {});
    }
    this.#schedule(this.#now() + SECOND / PULSES_PER_SECOND, () => this.#pulse(), true);
  }

  /** A free unit patrols: a few metres (a second's way) along its street, turning at crossings. */
  #patrolStep(crew: Crew): NetPoint {
    const edge = this.#network.edges[crew.at.edge];
    if (edge === undefined || edge.length === 0) return crew.at;
    const step = speedOf(crew) / edge.length;
    const t = crew.at.t + (crew.forward ? step : -step);
    if (t >= 0 && t <= 1) return { edge: crew.at.edge, t: round4(t) };
    // At a crossing: take a street from there (maybe back the same way at a dead end), away from it.
    const node = t > 1 ? edge.to : edge.from;
    const next = pick(this.#random, this.#network.adjacency[node] ?? [crew.at.edge]);
    const startsHere = this.#network.edges[next]?.from === node;
    crew.forward = startsHere;
    return { edge: next, t: startsHere ? 0 : 1 };
  }

  #position(at: NetPoint): GeoPoint {
    return positionOn(this.#network, at);
  }
}

/** Where a network point is (WGS84, 6 decimals: 0.1 m). */
export function positionOn(network: StreetNetwork, at: NetPoint): GeoPoint {
  const edge = network.edges[at.edge];
  if (edge === undefined) throw new RangeError(`No street edge ${at.edge}`);
  const a = nodePosition(network.nodes, edge.from);
  const b = nodePosition(network.nodes, edge.to);
  return { lat: round6(a.lat + (b.lat - a.lat) * at.t), lon: round6(a.lon + (b.lon - a.lon) * at.t) };
}

/** A unit's way to an incident: straight legs, each along one edge of the network. */
interface Route {
  length: number;
  legs: Array<{ edge: number; fromT: number; toT: number; start: number; end: number }>;
}

/** Shortest distances from a network point to every node, and the way back to it. */
interface ShortestPaths {
  distance: Float64Array;
  /** Toward the source: the next node, or -1 where the source's own edge is next. */
  next: Int32Array;
  /** The edge leading to that next node. */
  via: Int32Array;
}

/** Dijkstra from a point on the network (usually an incident) to every node. */
export function shortestPaths(network: StreetNetwork, source: NetPoint): ShortestPaths {
  const count = network.nodes.length;
  const distance = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  const next = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  const edge = network.edges[source.edge];
  if (edge === undefined) throw new RangeError(`No street edge ${source.edge}`);
  const heap: HeapItem[] = [];
  let order = 0;
  const push = (node: number, value: number, from: number, road: number) => {
    if (value >= (distance[node] as number)) return;
    distance[node] = value;
    next[node] = from;
    via[node] = road;
    pushHeap(heap, { node, distance: value, order: order++ });
  };
  push(edge.from, edge.length * source.t, -1, source.edge);
  push(edge.to, edge.length * (1 - source.t), -1, source.edge);
  while (heap.length > 0) {
    const item = popHeap(heap);
    if (item === undefined || item.distance > (distance[item.node] as number)) continue;
    for (const index of network.adjacency[item.node] ?? []) {
      const road = network.edges[index];
      if (road === undefined) continue;
      push(road.from === item.node ? road.to : road.from, item.distance + road.length, item.node, index);
    }
  }
  return { distance, next, via };
}

/** The shortest way from `from` to the source of `paths` (which is `to`), leg by leg. */
function routeFrom(network: StreetNetwork, paths: ShortestPaths, from: NetPoint, to: NetPoint): Route {
  const edge = network.edges[from.edge];
  if (edge === undefined) throw new RangeError(`No street edge ${from.edge}`);
  const legs: Route['legs'] = [];
  let length = 0;
  const leg = (index: number, fromT: number, toT: number) => {
    const metres = Math.abs(toT - fromT) * (network.edges[index]?.length ?? 0);
    legs.push({ edge: index, fromT, toT, start: length, end: length + metres });
    length += metres;
  };
  const viaFrom = edge.length * from.t + (paths.distance[edge.from] as number);
  const viaTo = edge.length * (1 - from.t) + (paths.distance[edge.to] as number);
  if (from.edge === to.edge && Math.abs(from.t - to.t) * edge.length <= Math.min(viaFrom, viaTo)) {
    leg(from.edge, from.t, to.t);
    return { length, legs };
  }
  let node = viaFrom <= viaTo ? edge.from : edge.to;
  leg(from.edge, from.t, node === edge.from ? 0 : 1);
  // Guarded by the node count: a broken chain must not loop forever.
  for (let guard = 0; guard <= network.nodes.length; guard++) {
    const following = paths.next[node] as number;
    const road = paths.via[node] as number;
    const roadEdge = network.edges[road];
    if (roadEdge === undefined) break;
    const startT = roadEdge.from === node ? 0 : 1;
    if (following === -1) {
      // The last leg, along the incident's own edge.
      leg(road, startT, to.t);
      break;
    }
    leg(road, startT, 1 - startT);
    node = following;
  }
  return { length, legs };
}

/** The point `metres` along a route (its end once past it). */
function pointAlong(network: StreetNetwork, route: Route, metres: number): NetPoint {
  for (const leg of route.legs) {
    if (metres > leg.end) continue;
    const span = leg.end - leg.start;
    const f = span <= 0 ? 1 : Math.max(0, (metres - leg.start) / span);
    return { edge: leg.edge, t: round4(leg.fromT + (leg.toT - leg.fromT) * f) };
  }
  const last = route.legs[route.legs.length - 1];
  return last === undefined ? { edge: 0, t: 0 } : { edge: last.edge, t: last.toT };
}

function speedOf(crew: Crew): number {
  return SPEED[crew.kind] ?? SPEED['car'] ?? 12;
}

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let draw = random() * total;
  for (const item of items) {
    draw -= item.weight;
    if (draw < 0) return item;
  }
  return items[items.length - 1] as T;
}

function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a number from 0, got ${value}.`);
  return value;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

// A binary min-heap ordered by (at, order) for actions and (distance, order) for Dijkstra: the
// order field makes ties come out in the order they went in, which keeps runs reproducible.

function pushAction(heap: Action[], action: Action): void {
  heap.push(action);
  siftUp(heap, heap.length - 1, (a, b) => a.at - b.at || a.order - b.order);
}

function popAction(heap: Action[]): Action | undefined {
  return popWith(heap, (a, b) => a.at - b.at || a.order - b.order);
}

interface HeapItem {
  node: number;
  distance: number;
  order: number;
}

function pushHeap(heap: HeapItem[], item: HeapItem): void {
  heap.push(item);
  siftUp(heap, heap.length - 1, (a, b) => a.distance - b.distance || a.order - b.order);
}

function popHeap(heap: HeapItem[]): HeapItem | undefined {
  return popWith(heap, (a, b) => a.distance - b.distance || a.order - b.order);
}

function siftUp<T>(heap: T[], index: number, compare: (a: T, b: T) => number): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i] as T, heap[parent] as T) >= 0) break;
    [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
    i = parent;
  }
}

function popWith<T>(heap: T[], compare: (a: T, b: T) => number): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && compare(heap[left] as T, heap[smallest] as T) < 0) smallest = left;
      if (right < heap.length && compare(heap[right] as T, heap[smallest] as T) < 0) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as T, heap[i] as T];
      i = smallest;
    }
  }
  return top;
}
