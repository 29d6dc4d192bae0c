import type { CheckChoice, CheckField, CheckType, LocalizedText } from '@blauw/core';

// The three check types a zone starts with, as the desk would write them. Domicile has two
// versions: version 2 added the number of occupants, the way a zone adds a field without a
// release; a form filled in with version 1 is still accepted and checked against version 1.

const t = (nl: string, fr: string, de: string, en: string): LocalizedText => ({ nl, fr, de, en });
const choice = (value: string, label: LocalizedText): CheckChoice => ({ value, label });
const REMARKS_MAX = 2000;

const personMet: CheckField = {
  name: 'personMet',
  kind: 'yes_no',
  label: t('Persoon aangetroffen?', 'Personne rencontrée ?', 'Person angetroffen?', 'Person met?'),
  required: true,
};
const identityVerified: CheckField = {
  name: 'identityVerified',
  kind: 'yes_no',
  label: t('Identiteit gecontroleerd (identiteitskaart)?', 'Identité vérifiée (carte d’identité) ?', 'Identität überprüft (Personalausweis)?', 'Identity verified (identity card)?'),
  required: true,
  visibleWhen: [{ field: 'personMet', equals: true }],
};
const notMetReason: CheckField = {
  name: 'notMetReason',
  kind: 'long_text',
  label: t('Waarom niet aangetroffen?', 'Pourquoi pas rencontrée ?', 'Warum nicht angetroffen?', 'Why not met?'),
  hint: t('Bv. niemand thuis, bericht achtergelaten.', 'P. ex. personne à la maison, avis déposé.', 'Z. B. niemand zu Hause, Nachricht hinterlassen.', 'E.g. nobody home, notice left.'),
  required: true,
  visibleWhen: [{ field: 'personMet', equals: false }],
  rules: { maxLength: 500 },
};
const nameOnLetterbox: CheckField = {
  name: 'nameOnLetterbox',
  kind: 'yes_no',
  label: t('Naam op de brievenbus?', 'Nom sur la boîte aux lettres ?', 'Name am Briefkasten?', 'Name on the letterbox?'),
  required: true,
};
const nameOnBell: CheckField = {
  name: 'nameOnBell',
  kind: 'yes_no',
  label: t('Naam aan de deurbel?', 'Nom à la sonnette ?', 'Name an der Klingel?', 'Name on the doorbell?'),
  required: true,
};
const signsOfLiving: CheckField = {
  name: 'signsOfLiving',
  kind: 'choice',
  label: t('Tekenen van bewoning', 'Signes d’occupation', 'Anzeichen der Bewohnung', 'Signs of living there'),
  hint: t('Post, meubels, kleding, verbruik.', 'Courrier, meubles, vêtements, consommation.', 'Post, Möbel, Kleidung, Verbrauch.', 'Mail, furniture, clothes, utility use.'),
  required: true,
  options: [
    choice('clear', t('Duidelijk', 'Évidents', 'Eindeutig', 'Clear')),
    choice('some', t('Enkele', 'Quelques-uns', 'Einige', 'Some')),
    choice('none', t('Geen', 'Aucun', 'Keine', 'None')),
  ],
};
const neighboursHeard: CheckField = {
  name: 'neighboursHeard',
  kind: 'yes_no',
  label: t('Buren gehoord?', 'Voisins entendus ?', 'Nachbarn befragt?', 'Neighbours heard?'),
  required: true,
};
const neighbourStatement: CheckField = {
  name: 'neighbourStatement',
  kind: 'long_text',
  label: t('Verklaring van de buren', 'Déclaration des voisins', 'Aussage der Nachbarn', 'What the neighbours said'),
  required: true,
  visibleWhen: [{ field: 'neighboursHeard', equals: true }],
  rules: { maxLength: REMARKS_MAX },
};
const occupants: CheckField = {
  name: 'occupants',
  kind: 'number',
  label: t('Aantal bewoners', 'Nombre d’occupants', 'Anzahl der Bewohner', 'Number of occupants'),
  required: false,
  rules: { min: 1, max: 30 },
};
const photos: CheckField = {
  name: 'photos',
  kind: 'photo',
  label: t('Foto’s (brievenbus, deurbel)', 'Photos (boîte aux lettres, sonnette)', 'Fotos (Briefkasten, Klingel)', 'Photos (letterbox, doorbell)'),
  required: false,
  rules: { maxItems: 5 },
};
const conclusion = (subject: LocalizedText): CheckField => ({
  name: 'conclusion',
  kind: 'choice',
  label: t('Besluit', 'Conclusion', 'Ergebnis', 'Conclusion'),
  hint: subject,
  required: true,
  options: [
    choice('lives_there', t('Verblijft er werkelijk', 'Y réside effectivement', 'Wohnt tatsächlich dort', 'Really lives there')),
    choice('does_not_live_there', t('Verblijft er niet', 'N’y réside pas', 'Wohnt nicht dort', 'Does not live there')),
    choice('undetermined', t('Niet vast te stellen', 'Indéterminé', 'Nicht feststellbar', 'Cannot be determined')),
  ],
});
const remarks: CheckField = {
  name: 'remarks',
  kind: 'long_text',
  label: t('Opmerkingen', 'Remarques', 'Bemerkungen', 'Remarks'),
  required: false,
  rules: { maxLength: REMARKS_MAX },
};
const attestation: CheckField = {
  name: 'attestation',
  kind: 'attestation',
  label: t(
    'Ik heb deze controle zelf ter plaatse uitgevoerd.',
    'J’ai effectué ce contrôle moi-même sur place.',
    'Ich habe diese Kontrolle selbst vor Ort durchgeführt.',
    'I carried out this check in person, on site.',
  ),
  required: true,
};

const domicileName = t('Domiciliecontrole', 'Contrôle de domicile', 'Wohnsitzkontrolle', 'Domicile check');
const domicileDescription = t(
  'Woont de persoon werkelijk op het adres waar hij of zij zijn hoofdverblijfplaats aangaf?',
  'La personne réside-t-elle réellement à l’adresse qu’elle a déclarée comme résidence principale ?',
  'Wohnt die Person tatsächlich an der Adresse, die sie als Hauptwohnsitz angegeben hat?',
  'Does the person really live at the address they declared as their main residence?',
);
const domicileConclusion = t('Woont de persoon op dit adres?', 'La personne habite-t-elle à cette adresse ?', 'Wohnt die Person an dieser Adresse?', 'Does the person live at this address?');

/** Every version of every seeded check type, oldest version first within a type. */
export const SEED_CHECK_TYPES: readonly CheckType[] = [
  {
    type: 'domicile',
    version: 1,
    name: domicileName,
    description: domicileDescription,
    fields: [personMet, identityVerified, notMetReason, nameOnLetterbox, nameOnBell, signsOfLiving, neighboursHeard, neighbourStatement, photos, conclusion(domicileConclusion), remarks, attestation],
  },
  {
    type: 'domicile',
    version: 2,
    name: domicileName,
    description: domicileDescription,
    fields: [personMet, identityVerified, notMetReason, nameOnLetterbox, nameOnBell, signsOfLiving, occupants, neighboursHeard, neighbourStatement, photos, conclusion(domicileConclusion), remarks, attestation],
  },
  {
    type: 'residence',
    version: 1,
    name: t('Verblijfscontrole', 'Contrôle de résidence', 'Aufenthaltskontrolle', 'Residence check'),
    description: t(
      'Verblijft de persoon (tijdelijk) op het opgegeven adres, bv. een tweede verblijf of een vreemdeling met verblijfsrecht?',
      'La personne séjourne-t-elle (temporairement) à l’adresse indiquée, p. ex. une seconde résidence ou un étranger avec droit de séjour ?',
      'Hält sich die Person (vorübergehend) an der angegebenen Adresse auf, z. B. Zweitwohnsitz oder Ausländer mit Aufenthaltsrecht?',
      'Is the person (temporarily) staying at the address given, e.g. a second home or a foreign national with a right of residence?',
    ),
    fields: [
      personMet,
      identityVerified,
      notMetReason,
      {
        name: 'residentSince',
        kind: 'date',
        label: t('Verblijft er sinds', 'Y séjourne depuis', 'Hält sich dort auf seit', 'Staying there since'),
        required: false,
        visibleWhen: [{ field: 'personMet', equals: true }],
      },
      nameOnLetterbox,
      signsOfLiving,
      neighboursHeard,
      neighbourStatement,
      photos,
      conclusion(t('Verblijft de persoon op dit adres?', 'La personne séjourne-t-elle à cette adresse ?', 'Hält sich die Person an dieser Adresse auf?', 'Is the person staying at this address?')),
      remarks,
      attestation,
    ],
  },
  {
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
      {
        name: 'curfewStart',
        kind: 'time',
        label: t('Begin van de thuisuren', 'Début des heures d’assignation', 'Beginn der Ausgangssperre', 'Curfew starts'),
        required: true,
      },
      {
        name: 'curfewEnd',
        kind: 'time',
        label: t('Einde van de thuisuren', 'Fin des heures d’assignation', 'Ende der Ausgangssperre', 'Curfew ends'),
        required: true,
      },
      {
        name: 'visitedAt',
        kind: 'datetime',
        label: t('Tijdstip van het bezoek', 'Heure de la visite', 'Zeitpunkt des Besuchs', 'Time of the visit'),
        required: true,
      },
      {
        name: 'personPresent',
        kind: 'yes_no',
        label: t('Persoon aanwezig?', 'Personne présente ?', 'Person anwesend?', 'Person present?'),
        required: true,
      },
      {
        name: 'absenceExplanation',
        kind: 'long_text',
        label: t('Vaststellingen bij afwezigheid', 'Constatations en cas d’absence', 'Feststellungen bei Abwesenheit', 'Findings when absent'),
        required: true,
        visibleWhen: [{ field: 'personPresent', equals: false }],
        rules: { maxLength: REMARKS_MAX },
      },
      {
        name: 'tagVisible',
        kind: 'yes_no',
        label: t('Enkelband zichtbaar?', 'Bracelet visible ?', 'Fußfessel sichtbar?', 'Tag visible?'),
        required: true,
        visibleWhen: [{ field: 'personPresent', equals: true }],
      },
      {
        name: 'tagIntact',
        kind: 'yes_no',
        label: t('Enkelband intact?', 'Bracelet intact ?', 'Fußfessel unversehrt?', 'Tag intact?'),
        required: true,
        visibleWhen: [{ field: 'tagVisible', equals: true }],
      },
      {
        name: 'homeUnitPowered',
        kind: 'yes_no',
        label: t('Thuiseenheid aangesloten en aan?', 'Unité domestique branchée et allumée ?', 'Heimeinheit angeschlossen und eingeschaltet?', 'Home unit plugged in and powered?'),
        required: true,
      },
      {
        name: 'position',
        kind: 'position',
        label: t('Positie bij het bezoek', 'Position lors de la visite', 'Position beim Besuch', 'Position at the visit'),
        required: false,
      },
      remarks,
      attestation,
    ],
  },
];

/**
 * A complete, valid set of answers to the domicile check (version 2): the person lives there. For
 * tests, benchmarks and demos that submit checks; the seed's assignments accept it.
 */
export const EXAMPLE_DOMICILE_ANSWERS: Readonly<Record<string, string | number | boolean>> = {
  personMet: true,
  identityVerified: true,
  nameOnLetterbox: true,
  nameOnBell: true,
  signsOfLiving: 'clear',
  neighboursHeard: true,
  neighbourStatement: 'De buren zien haar elke ochtend vertrekken.',
  occupants: 2,
  conclusion: 'lives_there',
  attestation: true,
};
