import { defineMessages } from '../shared/define-messages.js';

// Read by officers on a tablet in the street, addressed formally as in the other widgets. French
// puts a narrow no-break space (U+202F) before : ; ? ! and uses ’ only. "Try again" and the
// shared error texts come from the shared catalog.
/** The strings of `<blauw-check-list>` in nl, fr, de and en. */
export const messages = defineMessages({
  heading: ['Mijn controles', 'Mes contrôles', 'Meine Kontrollen', 'My checks'],
  loading: ['Uw controles laden…', 'Chargement de vos contrôles…', 'Ihre Kontrollen werden geladen…', 'Loading your checks…'],
  empty: ['Geen controles toegewezen.', 'Aucun contrôle attribué.', 'Keine Kontrollen zugewiesen.', 'No checks assigned.'],
  emptyOpen: ['Geen open controles.', 'Aucun contrôle ouvert.', 'Keine offenen Kontrollen.', 'No open checks.'],
  'g.overdue': ['Te laat', 'En retard', 'Überfällig', 'Overdue'],
  'g.today': ['Vandaag', 'Aujourd’hui', 'Heute', 'Due today'],
  'g.later': ['Later', 'Plus tard', 'Später', 'Later'],
  'g.done': ['Ingediend of geannuleerd', 'Remis ou annulés', 'Eingereicht oder storniert', 'Submitted or cancelled'],
  't.domicile': ['Domiciliecontrole', 'Contrôle de domicile', 'Wohnsitzkontrolle', 'Domicile check'],
  't.residence': ['Verblijfscontrole', 'Contrôle de résidence', 'Aufenthaltskontrolle', 'Residence check'],
  't.electronic_monitoring': ['Controle elektronisch toezicht', 'Contrôle de surveillance électronique', 'Kontrolle elektronische Überwachung', 'Electronic monitoring check'],
  'st.submitted': ['Ingediend', 'Remis', 'Eingereicht', 'Submitted'],
  'st.cancelled': ['Geannuleerd', 'Annulé', 'Storniert', 'Cancelled'],
  box: ['bus {box}', 'boîte {box}', 'Box {box}', 'box {box}'],
  'due.overdueToday': ['Te laat sinds {time}', 'En retard depuis {time}', 'Überfällig seit {time}', 'Overdue since {time}'],
  'due.overdueYesterday': ['Te laat sinds gisteren om {time}', 'En retard depuis hier à {time}', 'Überfällig seit gestern um {time}', 'Overdue since yesterday at {time}'],
  'due.overdue': ['Te laat sinds {date} om {time}', 'En retard depuis le {date} à {time}', 'Überfällig seit {date} um {time}', 'Overdue since {date} at {time}'],
  'due.today': ['Vandaag, uiterlijk om {time}', 'Aujourd’hui, au plus tard à {time}', 'Heute, spätestens um {time}', 'Due today by {time}'],
  'due.tomorrow': ['Morgen, uiterlijk om {time}', 'Demain, au plus tard à {time}', 'Morgen, spätestens um {time}', 'Due tomorrow by {time}'],
  'due.later': ['{date}, uiterlijk om {time}', '{date}, au plus tard à {time}', '{date}, spätestens um {time}', 'Due {date} by {time}'],
  'due.was': ['Termijn: {date} om {time}', 'Échéance le {date} à {time}', 'Frist: {date} um {time}', 'Was due {date} at {time}'],
  's.draft': ['Concept bewaard op dit toestel', 'Brouillon enregistré sur cet appareil', 'Entwurf auf diesem Gerät gespeichert', 'Draft saved on this device'],
  's.waiting': ['Wacht op netwerk', 'En attente du réseau', 'Wartet auf Netzwerk', 'Waiting for network'],
  's.sending': ['Wordt verzonden…', 'Envoi en cours…', 'Wird gesendet…', 'Sending…'],
  's.sent': ['Verzonden', 'Envoyé', 'Gesendet', 'Sent'],
  's.needs_attention': ['Vraagt uw aandacht', 'Requiert votre attention', 'Erfordert Ihre Aufmerksamkeit', 'Needs your attention'],
  storage: ['Op dit toestel: {used} gebruikt van {quota}', 'Sur cet appareil : {used} utilisés sur {quota}', 'Auf diesem Gerät: {used} von {quota} belegt', 'On this device: {used} used of {quota}'],
  storageFull: [
    'Dit toestel is bijna vol: nieuw werk kan straks niet meer bewaard worden. Verzend wat wacht en maak ruimte vrij.',
    'Cet appareil est presque plein : le nouveau travail ne pourra bientôt plus être conservé. Envoyez ce qui attend et libérez de l’espace.',
    'Dieses Gerät ist fast voll: neue Arbeit kann bald nicht mehr gespeichert werden. Senden Sie, was wartet, und schaffen Sie Platz.',
    'This device is almost full: new work may soon not be kept. Send what is waiting and free up space.',
  ],
  onlineOnly: [
    'Deze browser bewaart niets op dit toestel (privévenster?): de lijst en uw werk zijn er alleen met netwerk.',
    'Ce navigateur ne conserve rien sur cet appareil (navigation privée ?) : la liste et votre travail n’existent qu’en ligne.',
    'Dieser Browser speichert nichts auf diesem Gerät (privates Fenster?): Liste und Arbeit gibt es nur online.',
    'This browser keeps nothing on this device (private window?): the list and your work are there only online.',
  ],
  'offline.today': ['Offline — lijst zoals bewaard op dit toestel om {time}', 'Hors ligne — liste enregistrée sur cet appareil à {time}', 'Offline — Liste, wie auf diesem Gerät um {time} gespeichert', 'Offline — showing the list saved on this device at {time}'],
  'offline.before': ['Offline — lijst zoals bewaard op dit toestel op {date} om {time}', 'Hors ligne — liste enregistrée sur cet appareil le {date} à {time}', 'Offline — Liste, wie auf diesem Gerät am {date} um {time} gespeichert', 'Offline — showing the list saved on this device on {date} at {time}'],
  offlineNoCache: ['U bent offline en op dit toestel is nog geen lijst bewaard. Ze laadt zodra u verbinding hebt.', 'Vous êtes hors ligne et aucune liste n’est encore enregistrée sur cet appareil. Elle se chargera dès le retour de la connexion.', 'Sie sind offline und auf diesem Gerät ist noch keine Liste gespeichert. Sie wird geladen, sobald Sie online sind.', 'You are offline and no list is saved on this device yet. It loads as soon as you are online.'],
  statesUnknown: ['Wat op dit toestel bewaard is, kon niet gelezen worden.', 'Ce qui est enregistré sur cet appareil n’a pas pu être lu.', 'Was auf diesem Gerät gespeichert ist, konnte nicht gelesen werden.', 'What is saved on this device could not be read.'],
  announce: ['{check} voor {person}: {state}', '{check} pour {person}\u202f: {state}', '{check} für {person}: {state}', '{check} for {person}: {state}'],
  announceMany: ['{n} controles veranderden van status.', '{n} contrôles ont changé d’état.', '{n} Kontrollen haben ihren Status geändert.', '{n} checks changed state.'],
});
