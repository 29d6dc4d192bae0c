import { defineMessages } from '../shared/define-messages.js';

// The person checked is addressed formally (u / vous / Sie), as public services do, and the
// notice says what the paper is without judging: it records what was found, it decides nothing.
// "The police" rather than "an officer": neutral, and no gendered noun in fr and de. French puts
// a narrow no-break space (U+202F) before : ; ? ! and uses ’ only.
/** The strings of `<blauw-check-receipt>` in nl, fr, de and en. */
export const messages = defineMessages({
  receipt: ['Ontvangstbewijs', 'Récépissé', 'Beleg', 'Receipt'],
  reference: ['Referentie', 'Référence', 'Referenz', 'Reference'],
  date: ['Datum', 'Date', 'Datum', 'Date'],
  time: ['Uur', 'Heure', 'Uhrzeit', 'Time'],
  officer: ['Stamnummer agent', 'Matricule de l’agent', 'Dienstnummer', 'Officer number'],
  person: ['Persoon', 'Personne', 'Person', 'Person'],
  born: ['Geboren op', 'Date de naissance', 'Geboren am', 'Date of birth'],
  address: ['Adres', 'Adresse', 'Adresse', 'Address'],
  position: ['Positie', 'Position', 'Position', 'Position'],
  findings: ['Vaststellingen', 'Constatations', 'Feststellungen', 'Findings'],
  yes: ['Ja', 'Oui', 'Ja', 'Yes'],
  no: ['Nee', 'Non', 'Nein', 'No'],
  attested: ['Bevestigd', 'Attesté', 'Bestätigt', 'Attested'],
  'photos.one': ['1 foto', '1 photo', '1 Foto', '1 photo'],
  'photos.other': ['{n} foto’s', '{n} photos', '{n} Fotos', '{n} photos'],
  accuracy: ['{position} (± {m} m)', '{position} (± {m} m)', '{position} (± {m} m)', '{position} (± {m} m)'],
  notice: [
    'Dit ontvangstbewijs bevestigt dat de politie de bovenstaande controle heeft uitgevoerd. Het vermeldt wat werd vastgesteld en is geen beslissing. Vermeld de referentie als u contact opneemt met de politiezone.',
    'Ce récépissé confirme que la police a effectué le contrôle ci-dessus. Il mentionne ce qui a été constaté et ne constitue pas une décision. Indiquez la référence si vous contactez la zone de police.',
    'Dieser Beleg bestätigt, dass die Polizei die obige Kontrolle durchgeführt hat. Er hält fest, was festgestellt wurde, und ist keine Entscheidung. Geben Sie bitte die Referenz an, wenn Sie sich an die Polizeizone wenden.',
    'This receipt confirms that the police carried out the check above. It records what was found and is not a decision. Please quote the reference if you contact the police zone.',
  ],
  print: ['Ontvangstbewijs afdrukken', 'Imprimer le récépissé', 'Beleg drucken', 'Print receipt'],
});
