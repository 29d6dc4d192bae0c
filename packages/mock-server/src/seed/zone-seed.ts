import type { Absence, Municipality, Office, OfficeClosure, Officer, OpeningPeriod, Session, StreetCoverage, Topic } from '@blauw/core';
import { foldToAscii } from '../domain/address-match.js';
import type { Clock } from '../domain/clock.js';
import { addDays as addCalendarDays, dateInZone, formatZoned, zonedTimeToInstant } from '../domain/zoned-time.js';
import { mulberry32, pick, randomInt, shuffle, type Random } from '../domain/random.js';
import { SEED_TOPICS } from './topics.js';

// Every name, street and postal code below is invented. Same seed (and same clock) → the same
// zone, byte for byte; nothing here may read Math.random or the system time.

/** The zone's time zone, stored on every office as data. */
export const ZONE_TIME_ZONE = 'Europe/Brussels';

/** The fictional police zone the mock server plays. */
export const ZONE_NAME = 'Politiezone Scheldeland';

/** Bearer token of the seeded neighbourhood officer. */
export const DEV_OFFICER_TOKEN = 'dev-officer';
/** Bearer token of the seeded supervisor. */
export const DEV_SUPERVISOR_TOKEN = 'dev-supervisor';
/** Bearer token of a signed-in citizen: accepted where anyone may go, refused (403) on every police route. */
export const DEV_CITIZEN_TOKEN = 'dev-citizen';

/** Everything the seed creates. */
export interface ZoneData {
  name: string;
  timeZone: string;
  municipalities: Municipality[];
  offices: Office[];
  officers: Officer[];
  topics: Topic[];
  closures: OfficeClosure[];
  /** Officers' absences the zone starts with. */
  absences: Absence[];
  /** Dev bearer tokens → who they are. */
  tokens: Map<string, Session>;
}

type Language = Municipality['language'];

const DUTCH_TOWNS = ['Scheldegem', 'Hoeverbeek', 'Kalkenrode', 'Oosterzande', 'Wilgendonk', 'Meersdonk', 'Ravelhoek', 'Eikendaal', 'Brakelvoorde', 'Lindeveld'];
const OTHER_TOWNS: Array<{ name: string; language: Language }> = [
  { name: 'Val-des-Saules', language: 'fr' },
  { name: 'Mont-Sainte-Aure', language: 'fr' },
  { name: 'Bois-Lisière', language: 'fr' },
  { name: 'Birkenrode', language: 'de' },
  { name: 'Lindenbach', language: 'de' },
];

const STREETS: Record<Language, string[]> = {
  nl: ['Kerkstraat', 'Molenstraat', 'Stationsstraat', 'Dorpsstraat', 'Schoolstraat', 'Kapelstraat', 'Beekstraat', 'Lindelaan', 'Sint-Jansplein', 'Veldstraat', 'Kouterweg', 'Scheldedijk', 'Populierenlaan', 'Brugstraat', 'Meersstraat', 'Heirweg', 'Hoogstraat', 'Nieuwstraat'],
  fr: ["Rue de l'Église", 'Rue du Moulin', 'Chaussée de Bruxelles', 'Place Communale', 'Rue des Écoles', 'Avenue des Tilleuls', 'Rue de la Gare', 'Rue du Château', 'Chemin des Prés', 'Rue Haute'],
  de: ['Kirchstraße', 'Hauptstraße', 'Mühlenweg', 'Bahnhofstraße', 'Schulstraße', 'Lindenallee', 'Bergstraße', 'Am Marktplatz', 'Wiesenweg', 'Talstraße'],
};

/** Fictional given names by language, for seeded people. */
export const FIRST_NAMES: Record<Language, string[]> = {
  nl: ['An', 'Bart', 'Els', 'Jens', 'Lotte', 'Pieter', 'Sofie', 'Wout', 'Nele', 'Koen', 'Ines', 'Ruben'],
  fr: ['Camille', 'Julien', 'Manon', 'Olivier', 'Sarah', 'Thomas'],
  de: ['Anna', 'Jonas', 'Lea', 'Lukas', 'Miriam', 'Stefan'],
};
/** Fictional family names by language, for seeded people. */
export const LAST_NAMES: Record<Language, string[]> = {
  nl: ['Verbeke', 'De Smedt', 'Van Hoorde', 'Claeys', 'Mertens', 'Goossens', 'Van Damme', 'Wouters', 'De Wilde', 'Maes'],
  fr: ['Lambert', 'Dubois', 'Lemaire', 'Renard', 'Collard', 'Hubert'],
  de: ['Schröder', 'Kessler', 'Hoffmann', 'Krings', 'Margraff', 'Heinen'],
};

const OFFICE_WORD: Record<Language, string> = { nl: 'Wijkkantoor', fr: 'Bureau de quartier', de: 'Bezirksbüro' };
const SECOND_OFFICE_SUFFIX: Record<Language, string> = { nl: 'Noord', fr: 'Nord', de: 'Nord' };

// Weekly opening hours an office can have, as local wall-clock times. Each has mornings and
// some afternoons or evenings, for citizens who work.
const OPENING_TEMPLATES: OpeningPeriod[][] = [
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00' })).concat([{ weekday: 3, opens: '13:30', closes: '16:00' }]),
  [
    { weekday: 1, opens: '09:00', closes: '12:30' },
    { weekday: 2, opens: '16:00', closes: '19:00' },
    { weekday: 3, opens: '09:00', closes: '12:30' },
    { weekday: 5, opens: '09:00', closes: '12:30' },
    { weekday: 6, opens: '09:00', closes: '12:00' },
  ],
  [2, 3, 4].flatMap((weekday) => [
    { weekday, opens: '08:30', closes: '12:00' },
    { weekday, opens: '13:00', closes: '16:30' },
  ]),
  [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, opens: '13:00', closes: '17:00' }))
    .concat([
      { weekday: 4, opens: '17:00', closes: '20:00' },
      { weekday: 6, opens: '09:30', closes: '12:00' },
    ]),
];

/** A URL- and id-safe form of a name: `Bois-Lisière` → `bois-lisiere`. */
export function slugify(name: string): string {
  return foldToAscii(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Today's date (`YYYY-MM-DD`) in a time zone, by the given clock. */
export function localDate(clock: Clock, timeZone: string): string {
  return dateInZone(clock.now(), timeZone);
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export const addDays = addCalendarDays;

/**
 * Builds the fictional zone for a seed: 5 municipalities (4 Dutch-speaking, 1 French- or
 * German-speaking), 6–7 offices, 10 officers covering whole streets, number ranges and
 * even/odd sides (every office has at least one), the 6 booking topics, one upcoming closure,
 * one officer's training day and the dev tokens.
 *
 * Closures and absences are placed relative to `clock`'s today, so a fixed clock gives fixed data.
 */
export function seedZone(seed: number, clock: Clock): ZoneData {
  const random = mulberry32(seed);
  const postalCodes = distinctPostalCodes(random, 6);

  const towns = [
    ...shuffle(random, DUTCH_TOWNS)
      .slice(0, 4)
      .map((name) => ({ name, language: 'nl' as Language })),
    pick(random, OTHER_TOWNS),
  ];

  const municipalities: Municipality[] = towns.map((town, index) => ({
    id: `mun-${slugify(town.name)}`,
    name: town.name,
    // The first (largest) municipality merged with a neighbour and kept both postal codes.
    postalCodes: index === 0 ? [postalCodes[0] as string, postalCodes[5] as string] : [postalCodes[index] as string],
    language: town.language,
  }));

  const streetsByMunicipality = new Map(
    municipalities.map((municipality) => [municipality.id, shuffle(random, STREETS[municipality.language]).slice(0, 8)]),
  );

  // One or two municipalities get a second office.
  const withTwoOffices = new Set([0, randomInt(random, 0, 1) === 1 ? randomInt(random, 1, 4) : 0]);
  const offices: Office[] = [];
  for (const [index, municipality] of municipalities.entries()) {
    const names = [`${OFFICE_WORD[municipality.language]} ${municipality.name}`];
    if (withTwoOffices.has(index)) names.push(`${names[0]}-${SECOND_OFFICE_SUFFIX[municipality.language]}`);
    const streets = streetsByMunicipality.get(municipality.id) ?? [];
    for (const name of names) {
      const slug = slugify(name.replace(OFFICE_WORD[municipality.language], ''));
      offices.push({
        id: `office-${slug}`,
        municipalityId: municipality.id,
        name,
        address: {
          street: pick(random, streets),
          houseNumber: String(randomInt(random, 1, 120)),
          postalCode: municipality.postalCodes[0] as string,
          municipality: municipality.name,
          position: {
            lat: Math.round((50.85 + random() * 0.35) * 1e5) / 1e5,
            lon: Math.round((3.75 + random() * 0.6) * 1e5) / 1e5,
          },
        },
        phone: `+32 9 ${randomInt(random, 200, 899)} ${pad2(randomInt(random, 0, 99))} ${pad2(randomInt(random, 0, 99))}`,
        email: `${municipality.language === 'nl' ? 'wijkkantoor' : 'quartier'}.${slug}@pz-scheldeland.example`,
        timeZone: ZONE_TIME_ZONE,
        openingHours: pick(random, OPENING_TEMPLATES).map((period) => ({ ...period })),
        minLeadMinutes: pick(random, [60, 120, 240, 1440]),
        horizonDays: pick(random, [28, 42, 56, 90]),
      });
    }
  }

  const officers: Officer[] = [];
  const usedNames = new Set<string>();
  for (const municipality of municipalities) {
    const municipalityOffices = offices.filter((office) => office.municipalityId === municipality.id);
    const streets = streetsByMunicipality.get(municipality.id) ?? [];
    const postalCodeOf = (streetIndex: number) =>
      municipality.postalCodes[streetIndex % municipality.postalCodes.length] as string;
    const split = randomInt(random, 2, 8) * 10;
    // Two officers share the municipality: the first street by side, the second by number
    // range, the rest street by street.
    const coverage: [StreetCoverage[], StreetCoverage[]] = [[], []];
    for (const [streetIndex, street] of streets.entries()) {
      const postalCode = postalCodeOf(streetIndex);
      if (streetIndex === 0) {
        coverage[0].push({ street, postalCode, side: 'even' });
        coverage[1].push({ street, postalCode, side: 'odd' });
      } else if (streetIndex === 1) {
        coverage[0].push({ street, postalCode, from: 1, to: split, side: 'both' });
        coverage[1].push({ street, postalCode, from: split + 1, side: 'both' });
      } else {
        coverage[streetIndex % 2 === 0 ? 0 : 1].push({ street, postalCode, side: 'both' });
      }
    }
    for (const [index, streetsCovered] of coverage.entries()) {
      const office = municipalityOffices[index % municipalityOffices.length] as Office;
      const displayName = uniqueName(random, municipality.language, usedNames);
      const languages: Officer['languages'] = [municipality.language];
      if (municipality.language === 'nl' && random() < 0.5) languages.push('fr');
      if (municipality.language !== 'nl' && random() < 0.5) languages.push('nl');
      if (random() < 0.6) languages.push('en');
      officers.push({
        id: `officer-${pad2(officers.length + 1)}`,
        displayName,
        officeId: office.id,
        municipalityId: municipality.id,
        languages,
        streets: streetsCovered,
      });
    }
  }

  const today = localDate(clock, ZONE_TIME_ZONE);
  const closedOffice = pick(random, offices);
  const closureStart = addDays(today, randomInt(random, 7, 20));
  const closures: OfficeClosure[] = [
    {
      id: 'closure-1',
      officeId: closedOffice.id,
      from: closureStart,
      to: addDays(closureStart, randomInt(random, 0, 2)),
      reason: 'Renovatie van het onthaal / Rénovation de l’accueil',
    },
  ];

  // One absence, placed without the PRNG so the rest of the zone stays as it was: the second
  // officer is at a training day ten days from now.
  const trainingDay = addDays(today, 10);
  const absences: Absence[] = [
    {
      id: 'absence-1',
      officerId: (officers[1] as Officer).id,
      from: formatZoned(zonedTimeToInstant(trainingDay, '08:00', ZONE_TIME_ZONE), ZONE_TIME_ZONE),
      to: formatZoned(zonedTimeToInstant(trainingDay, '18:00', ZONE_TIME_ZONE), ZONE_TIME_ZONE),
      reason: 'Opleiding / Formation',
    },
  ];

  const devOfficer = officers[0] as Officer;
  const tokens = new Map<string, Session>([
    [DEV_OFFICER_TOKEN, { role: 'officer', officerId: devOfficer.id, displayName: devOfficer.displayName }],
    [DEV_SUPERVISOR_TOKEN, { role: 'supervisor', displayName: `Commissaris ${uniqueName(random, 'nl', usedNames)}` }],
    [DEV_CITIZEN_TOKEN, { role: 'citizen', displayName: uniqueName(random, 'nl', usedNames) }],
  ]);

  return {
    name: ZONE_NAME,
    timeZone: ZONE_TIME_ZONE,
    municipalities,
    offices,
    officers,
    topics: SEED_TOPICS.map((topic) => structuredClone(topic)),
    closures,
    absences,
    tokens,
  };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function distinctPostalCodes(random: Random, count: number): string[] {
  const codes = new Set<string>();
  // Codes 9301–9997 ending in 1, 3 or 7: valid Belgian shapes, not meant to be any real town's.
  while (codes.size < count) codes.add(String(randomInt(random, 930, 999) * 10 + pick(random, [1, 3, 7])));
  return [...codes];
}

function uniqueName(random: Random, language: Language, used: Set<string>): string {
  for (;;) {
    const name = `${pick(random, FIRST_NAMES[language])} ${pick(random, LAST_NAMES[language])}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
