// TEST AND STORY DATA ONLY: not exported from the package, never imported by the element.
// The mock server's seeded forms (read from its seed module, which widget tests can load in the
// browser: it is data and types only), and answers and assignments of made-up people.
import type { CheckAnswer, CheckAssignment, CheckType } from '@blauw/core';
import { SEED_CHECK_TYPES } from '../../../mock-server/src/seed/check-types.js';
import type { ReceiptPosition } from './receipt-rules.js';

// The forms the reference backend serves (its seed), not a copy of them: a widget test shows what
// an officer sees of the real definitions. The seed is plain data and types; nothing of the server.
const latest = (type: string): CheckType =>
  SEED_CHECK_TYPES.filter((candidate) => candidate.type === type).reduce((a, b) => (b.version > a.version ? b : a));

/** The seeded domicile check, in its latest version. */
export const DOMICILE: CheckType = latest('domicile');

/** The seeded electronic monitoring check, in its latest version. */
export const ELECTRONIC_MONITORING: CheckType = latest('electronic_monitoring');

/**
 * EXAMPLE_DOMICILE_ANSWERS of the mock server, with two photos and remarks added, and a reason
 * "not met" the officer typed before ticking "person met" (its field is hidden again, so the
 * answer must not reach the receipt).
 */
export const DOMICILE_ANSWERS: Record<string, CheckAnswer> = {
  personMet: true,
  identityVerified: true,
  notMetReason: 'Niemand thuis bij het eerste bezoek.',
  nameOnLetterbox: true,
  nameOnBell: true,
  signsOfLiving: 'clear',
  neighboursHeard: true,
  neighbourStatement: 'De buren zien haar elke ochtend vertrekken.',
  occupants: 2,
  photos: ['ph-8c1e', 'ph-41d0'],
  conclusion: 'lives_there',
  remarks: '',
  attestation: true,
};

// A position answer as the field app stores it, with the device's accuracy.
const visitPosition: ReceiptPosition = { lat: 51.0543210, lon: 3.7217412, accuracy: 12.4 };

/** An evening visit: the person was home, the tag was seen and intact. */
export const MONITORING_ANSWERS: Record<string, CheckAnswer> = {
  curfewStart: '21:00',
  curfewEnd: '07:00',
  visitedAt: '2026-11-30T21:47:00Z',
  personPresent: true,
  tagVisible: true,
  tagIntact: true,
  homeUnitPowered: true,
  position: visitPosition,
  attestation: true,
};

/** The domicile assignment of a made-up resident of Gent. */
export const DOMICILE_ASSIGNMENT: CheckAssignment = {
  id: 'asg-0193',
  type: 'domicile',
  officerId: 'off-12',
  status: 'submitted',
  person: { givenName: 'An', familyName: 'Peeters', birthDate: '1988-04-12' },
  address: { street: 'Korenlei', houseNumber: '7', box: '3', postalCode: '9000', municipality: 'Gent' },
  dueBy: '2026-12-04T23:00:00Z',
  createdAt: '2026-11-20T08:15:00Z',
};

/** The electronic monitoring assignment of a made-up resident of Gent. */
export const MONITORING_ASSIGNMENT: CheckAssignment = {
  id: 'asg-0207',
  type: 'electronic_monitoring',
  officerId: 'off-12',
  status: 'submitted',
  person: { givenName: 'Tom', familyName: 'Wouters' },
  address: { street: 'Sint-Pietersnieuwstraat', houseNumber: '120', postalCode: '9000', municipality: 'Gent' },
  dueBy: '2026-11-30T22:59:00Z',
  createdAt: '2026-11-30T07:00:00Z',
};

/**
 * 30 November 2026, 23:30 UTC: in Brussels it is already Tuesday 1 December, 00:30 (and French
 * writes "1er décembre").
 */
export const COMPLETED_LATE = '2026-11-30T23:30:00Z';

/** A long remark without spaces to break at, as an officer may paste a reference or a URL. */
export const LONG_REMARK =
  'Bewoonster verklaart dat zij sinds september samenwoont met haar partner; contract en facturen getoond. Dossierreferentie energieleverancier: GENT-2026-0000-1111-2222-3333-4444-5555-6666-7777-8888-9999-AAAA-BBBB.\nNieuwe controle niet nodig.';
