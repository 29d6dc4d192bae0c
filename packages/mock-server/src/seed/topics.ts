import type { Topic } from '@blauw/core';

// The topics are the same for every seed: they are the zone's service catalogue, and stories and
// tests refer to them by id. Texts are fictional guidance, not legal advice.

/** The six things a citizen can book a meeting about. */
export const SEED_TOPICS: readonly Topic[] = [
  {
    id: 'topic-domicile',
    name: {
      nl: 'Adreswijziging en woonstcontrole',
      fr: 'Changement d’adresse et enquête de domicile',
      de: 'Adressänderung und Wohnsitzkontrolle',
      en: 'Change of address and domicile check',
    },
    description: {
      nl: 'U bent verhuisd en de gemeente vroeg de wijkagent uw nieuwe adres te bevestigen.',
      fr: 'Vous avez déménagé et la commune a demandé à l’agent de quartier de confirmer votre nouvelle adresse.',
      de: 'Sie sind umgezogen und die Gemeinde hat den Bezirksbeamten gebeten, Ihre neue Adresse zu bestätigen.',
      en: 'You have moved and the municipality asked your neighbourhood officer to confirm your new address.',
    },
    durationMinutes: 15,
    bring: [
      { nl: 'Uw identiteitskaart', fr: 'Votre carte d’identité', de: 'Ihren Personalausweis', en: 'Your identity card' },
      {
        nl: 'Huurcontract of eigendomsakte',
        fr: 'Bail ou acte de propriété',
        de: 'Mietvertrag oder Eigentumsurkunde',
        en: 'Tenancy agreement or title deed',
      },
    ],
    asksFacts: false,
    homeVisit: true,
  },
  {
    id: 'topic-neighbours',
    name: {
      nl: 'Burenhinder of burenruzie',
      fr: 'Troubles de voisinage',
      de: 'Nachbarschaftsstreit',
      en: 'Neighbour dispute',
    },
    description: {
      nl: 'Lawaai, afval, parkeren of een conflict met de buren dat u samen met de wijkagent wilt bespreken.',
      fr: 'Bruit, déchets, stationnement ou un conflit avec vos voisins dont vous voulez parler avec l’agent de quartier.',
      de: 'Lärm, Abfall, Parken oder ein Konflikt mit den Nachbarn, den Sie mit dem Bezirksbeamten besprechen möchten.',
      en: 'Noise, rubbish, parking or a conflict with your neighbours that you want to talk over with your officer.',
    },
    durationMinutes: 30,
    bring: [
      { nl: 'Uw identiteitskaart', fr: 'Votre carte d’identité', de: 'Ihren Personalausweis', en: 'Your identity card' },
      {
        nl: 'Data, foto’s of berichten die het probleem tonen',
        fr: 'Dates, photos ou messages qui montrent le problème',
        de: 'Daten, Fotos oder Nachrichten, die das Problem zeigen',
        en: 'Dates, photos or messages that show the problem',
      },
    ],
    asksFacts: true,
    homeVisit: true,
  },
  {
    id: 'topic-theft-follow-up',
    name: {
      nl: 'Opvolging van een aangifte van diefstal',
      fr: 'Suivi d’une plainte pour vol',
      de: 'Nachverfolgung einer Diebstahlanzeige',
      en: 'Follow-up of a theft report',
    },
    description: {
      nl: 'U deed aangifte van diefstal en wilt nieuwe gegevens doorgeven of vragen hoe het dossier loopt.',
      fr: 'Vous avez porté plainte pour vol et voulez ajouter des informations ou connaître le suivi du dossier.',
      de: 'Sie haben einen Diebstahl angezeigt und möchten neue Angaben machen oder nach dem Stand fragen.',
      en: 'You reported a theft and want to add information or ask how the case is going.',
    },
    durationMinutes: 30,
    bring: [
      {
        nl: 'Het nummer van het proces-verbaal',
        fr: 'Le numéro du procès-verbal',
        de: 'Die Nummer des Protokolls',
        en: 'The police report number',
      },
      {
        nl: 'Facturen of foto’s van de gestolen voorwerpen',
        fr: 'Factures ou photos des objets volés',
        de: 'Rechnungen oder Fotos der gestohlenen Gegenstände',
        en: 'Invoices or photos of the stolen items',
      },
    ],
    asksFacts: true,
    homeVisit: false,
  },
  {
    id: 'topic-talk-to-officer',
    name: {
      nl: 'Gesprek met mijn wijkagent',
      fr: "Entretien avec mon agent de quartier",
      de: 'Gespräch mit meinem Bezirksbeamten',
      en: 'Talk to my neighbourhood officer',
    },
    description: {
      nl: 'Een vraag, een zorg over de buurt of iets wat u liever persoonlijk vertelt.',
      fr: 'Une question, une inquiétude pour le quartier ou quelque chose que vous préférez dire en personne.',
      de: 'Eine Frage, eine Sorge um das Viertel oder etwas, das Sie lieber persönlich sagen.',
      en: 'A question, a worry about the neighbourhood or something you would rather say in person.',
    },
    durationMinutes: 20,
    bring: [{ nl: 'Uw identiteitskaart', fr: 'Votre carte d’identité', de: 'Ihren Personalausweis', en: 'Your identity card' }],
    asksFacts: true,
    homeVisit: true,
  },
  {
    id: 'topic-holiday-watch',
    name: {
      nl: 'Afwezigheidstoezicht aanvragen',
      fr: 'Demande de surveillance d’habitation',
      de: 'Hausüberwachung während der Abwesenheit',
      en: 'Holiday home watch',
    },
    description: {
      nl: 'U gaat op reis en vraagt de politie om tijdens uw afwezigheid een oogje in het zeil te houden.',
      fr: 'Vous partez en voyage et demandez à la police de surveiller votre habitation pendant votre absence.',
      de: 'Sie verreisen und bitten die Polizei, Ihr Haus während Ihrer Abwesenheit im Auge zu behalten.',
      en: 'You are going away and ask the police to keep an eye on your home while you are gone.',
    },
    durationMinutes: 15,
    bring: [
      { nl: 'Uw identiteitskaart', fr: 'Votre carte d’identité', de: 'Ihren Personalausweis', en: 'Your identity card' },
      {
        nl: 'De gegevens van wie een sleutel heeft',
        fr: "Les coordonnées de la personne qui a une clé",
        de: 'Die Kontaktdaten der Person mit einem Schlüssel',
        en: 'Contact details of whoever holds a key',
      },
    ],
    asksFacts: false,
    homeVisit: false,
  },
  {
    id: 'topic-burglary-prevention',
    name: {
      nl: 'Advies inbraakpreventie',
      fr: 'Conseil en prévention des cambriolages',
      de: 'Beratung zum Einbruchschutz',
      en: 'Burglary prevention advice',
    },
    description: {
      nl: 'Een diefstalpreventieadviseur bekijkt met u hoe u uw woning beter beveiligt.',
      fr: 'Un conseiller en prévention vol examine avec vous comment mieux sécuriser votre habitation.',
      de: 'Ein Berater für Einbruchschutz bespricht mit Ihnen, wie Sie Ihr Zuhause besser sichern.',
      en: 'A crime prevention adviser looks with you at how to make your home harder to break into.',
    },
    durationMinutes: 45,
    bring: [
      {
        nl: 'Foto’s of een plan van uw woning',
        fr: 'Des photos ou un plan de votre habitation',
        de: 'Fotos oder einen Grundriss Ihres Hauses',
        en: 'Photos or a floor plan of your home',
      },
    ],
    asksFacts: false,
    homeVisit: true,
  },
];
