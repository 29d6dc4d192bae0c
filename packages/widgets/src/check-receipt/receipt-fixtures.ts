// TEST AND STORY DATA ONLY: not exported from the package, never imported by the element.
// Copies of the mock server's seeded forms (packages/mock-server/src/seed/check-types.ts: domicile
// version 2 and electronic monitoring version 1) and of EXAMPLE_DOMICILE_ANSWERS, because widget
// tests run in the browser and cannot import the mock server. The people and addresses are made up.
import type { CheckAnswer, CheckAssignment, CheckChoice, CheckField, CheckType, LocalizedText } from '@blauw/core';
import type { ReceiptPosition } from './receipt-rules.js';

const t = (nl: string, fr: string, de: string, en: string): LocalizedText => ({ nl, fr, de, en });
const choice = (value: string, label: LocalizedText): CheckChoice => ({ value, label });

const personMet: CheckField = { name: 'personMet', kind: 'yes_no', label: t('Persoon aangetroffen?', 'Personne rencontrée ?', 'Person angetroffen?', 'Person met?'), required: true };
const remarks: CheckField = { name: 'remarks', kind: 'long_text', label: t('Opmerkingen', 'Remarques', 'Bemerkungen', 'Remarks'), required: false, rules: { maxLength: 2000 } };
const attestation: CheckField = {
  name: 'attestation',
  kind: 'attestation',
  label: t('Ik heb deze controle zelf ter plaatse uitgevoerd.', 'J’ai effectué ce contrôle moi-même sur place.', 'Ich habe diese Kontrolle selbst vor Ort durchgeführt.', 'I carried out this check in person, on site.'),
  required: true,
};

/** The seeded domicile check, version 2. */
export const DOMICILE: CheckType = {
  type: 'domicile',
  version: 2,
  name: t('Domiciliecontrole', 'Contrôle de domicile', 'Wohnsitzkontrolle', 'Domicile check'),
  description: t(
    'Woont de persoon werkelijk op het adres waar hij of zij zijn hoofdverblijfplaats aangaf?',
    'La personne réside-t-elle réellement à l’adresse qu’elle a déclarée comme résidence principale ?',
    'Wohnt die Person tatsächlich an der Adresse, die sie als Hauptwohnsitz angegeben hat?',
    'Does the person really live at the address they declared as their main residence?',
  ),
  fields: [
    personMet,
    { name: 'identityVerified', kind: 'yes_no', label: t('Identiteit gecontroleerd (identiteitskaart)?', 'Identité vérifiée (carte d’identité) ?', 'Identität überprüft (Personalausweis)?', 'Identity verified (identity card)?'), required: true, visibleWhen: [{ field: 'personMet', equals: true }] },
    { name: 'notMetReason', kind: 'long_text', label: t('Waarom niet aangetroffen?', 'Pourquoi pas rencontrée ?', 'Warum nicht angetroffen?', 'Why not met?'), required: true, visibleWhen: [{ field: 'personMet', equals: false }], rules: { maxLength: 500 } },
    { name: 'nameOnLetterbox', kind: 'yes_no', label: t('Naam op de brievenbus?', 'Nom sur la boîte aux lettres ?', 'Name am Briefkasten?', 'Name on the letterbox?'), required: true },
    { name: 'nameOnBell', kind: 'yes_no', label: t('Naam aan de deurbel?', 'Nom à la sonnette ?', 'Name an der Klingel?', 'Name on the doorbell?'), required: true },
    {
      name: 'signsOfLiving',
      kind: 'choice',
      label: t('Tekenen van bewoning', 'Signes d’occupation', 'Anzeichen der Bewohnung', 'Signs of living there'),
      required: true,
      options: [choice('clear', t('Duidelijk', 'Évidents', 'Eindeutig', 'Clear')), choice('some', t('Enkele', 'Quelques-uns', 'Einige', 'Some')), choice('none', t('Geen', 'Aucun', 'Keine', 'None'))],
    },
    { name: 'occupants', kind: 'number', label: t('Aantal bewoners', 'Nombre d’occupants', 'Anzahl der Bewohner', 'Number of occupants'), required: false, rules: { min: 1, max: 30 } },
    { name: 'neighboursHeard', kind: 'yes_no', label: t('Buren gehoord?', 'Voisins entendus ?', 'Nachbarn befragt?', 'Neighbours heard?'), required: true },
    { name: 'neighbourStatement', kind: 'long_text', label: t('Verklaring van de buren', 'Déclaration des voisins', 'Aussage der Nachbarn', 'What the neighbours said'), required: true, visibleWhen: [{ field: 'neighboursHeard', equals: true }], rules: { maxLength: 2000 } },
    { name: 'photos', kind: 'photo', label: t('Foto’s (brievenbus, deurbel)', 'Photos (boîte aux lettres, sonnette)', 'Fotos (Briefkasten, Klingel)', 'Photos (letterbox, doorbell)'), required: false, rules: { maxItems: 5 } },
    {
      name: 'conclusion',
      kind: 'choice',
      label: t('Besluit', 'Conclusion', 'Ergebnis', 'Conclusion'),
      required: true,
      options: [
        choice('lives_there', t('Verblijft er werkelijk', 'Y réside effectivement', 'Wohnt tatsächlich dort', 'Really lives there')),
        choice('does_not_live_there', t('Verblijft er niet', 'N’y réside pas', 'Wohnt nicht dort', 'Does not live there')),
        choice('undetermined', t('Niet vast te stellen', 'Indéterminé', 'Nicht feststellbar', 'Cannot be determined')),
      ],
    },
    remarks,
    attestation,
  ],
};

/** The seeded electronic monitoring check, version 1. */
export const ELECTRONIC_MONITORING: CheckType = {
  type: 'electronic_monitoring',
  version: 1,
  name: t('Controle elektronisch toezicht', 'Contrôle de surveillance électronique', 'Kontrolle elektronische Überwachung', 'Electronic monitoring check'),
  description: t(
    'Is de persoon thuis tijdens de uren waarop hij of zij thuis moet zijn, en is de enkelband aanwezig en intact?',
    'La personne est-elle chez elle pendant ses heures d’assignation, et le bracelet est-il présent et intact ?',
    'Ist die Person während der Ausgangssperre zu Hause, und ist die Fußfessel vorhanden und unversehrt?',
    'Is the person home during curfew hours, and is the ankle tag present and intact?',
  ),
  fields: [
    { name: 'curfewStart', kind: 'time', label: t('Begin van de thuisuren', 'Début des heures d’assignation', 'Beginn der Ausgangssperre', 'Curfew starts'), required: true },
    { name: 'curfewEnd', kind: 'time', label: t('Einde van de thuisuren', 'Fin des heures d’assignation', 'Ende der Ausgangssperre', 'Curfew ends'), required: true },
    { name: 'visitedAt', kind: 'datetime', label: t('Tijdstip van het bezoek', 'Heure de la visite', 'Zeitpunkt des Besuchs', 'Time of the visit'), required: true },
    { name: 'personPresent', kind: 'yes_no', label: t('Persoon aanwezig?', 'Personne présente ?', 'Person anwesend?', 'Person present?'), required: true },
    { name: 'absenceExplanation', kind: 'long_text', label: t('Vaststellingen bij afwezigheid', 'Constatations en cas d’absence', 'Feststellungen bei Abwesenheit', 'Findings when absent'), required: true, visibleWhen: [{ field: 'personPresent', equals: false }] },
    { name: 'tagVisible', kind: 'yes_no', label: t('Enkelband zichtbaar?', 'Bracelet visible ?', 'Fußfessel sichtbar?', 'Tag visible?'), required: true, visibleWhen: [{ field: 'personPresent', equals: true }] },
    { name: 'tagIntact', kind: 'yes_no', label: t('Enkelband intact?', 'Bracelet intact ?', 'Fußfessel unversehrt?', 'Tag intact?'), required: true, visibleWhen: [{ field: 'tagVisible', equals: true }] },
    { name: 'homeUnitPowered', kind: 'yes_no', label: t('Thuiseenheid aangesloten en aan?', 'Unité domestique branchée et allumée ?', 'Heimeinheit angeschlossen und eingeschaltet?', 'Home unit plugged in and powered?'), required: true },
    { name: 'position', kind: 'position', label: t('Positie bij het bezoek', 'Position lors de la visite', 'Position beim Besuch', 'Position at the visit'), required: false },
    remarks,
    attestation,
  ],
};

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
