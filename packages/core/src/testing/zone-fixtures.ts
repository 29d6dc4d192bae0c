import type { Municipality, Office, Officer, Topic } from '../schemas/zone.js';

// One small fictional zone for the SDK's own tests; each test file spreads what it changes.

/** A text in the four languages. */
export const text = { nl: 'Domicilie', fr: 'Domicile', de: 'Wohnsitz', en: 'Domicile' };

export const gent: Municipality = { id: 'm-gent', name: 'Gent', postalCodes: ['9000', '9050'], language: 'nl' };

export const office: Office = {
  id: 'o-1',
  municipalityId: 'm-gent',
  name: 'Wijkkantoor Centrum',
  address: { street: 'Veldstraat', houseNumber: '1', postalCode: '9000', municipality: 'Gent' },
  timeZone: 'Europe/Brussels',
  openingHours: [{ weekday: 1, opens: '09:00', closes: '12:00' }],
  minLeadMinutes: 120,
  horizonDays: 30,
};

export const officer: Officer = {
  id: 'a-1',
  displayName: 'Inspecteur Claes',
  officeId: 'o-1',
  municipalityId: 'm-gent',
  languages: ['nl', 'fr'],
  streets: [{ street: 'Veldstraat', postalCode: '9000', side: 'both' }],
};

export const topic: Topic = { id: 't-1', name: text, description: text, durationMinutes: 15, bring: [text], asksFacts: false, homeVisit: true };
