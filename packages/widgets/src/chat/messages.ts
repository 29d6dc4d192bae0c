import { defineMessages } from '../shared/define-messages.js';

// Read by officers between two calls, on a phone or a car's tablet: short words, the state of a
// message in a word and a shape, never colour alone. French puts a narrow no-break space (U+202F)
// before : ; ? ! and uses ’ only.
/** The strings of `<blauw-chat>` in nl, fr, de and en. */
export const messages = defineMessages({
  conversations: ['Gesprekken', 'Conversations', 'Unterhaltungen', 'Conversations'],
  noConversations: ['Nog geen gesprekken.', 'Aucune conversation pour l’instant.', 'Noch keine Unterhaltungen.', 'No conversations yet.'],
  unread: ['{count} ongelezen', '{count} non lus', '{count} ungelesen', '{count} unread'],
  priority: ['Prioritair', 'Prioritaire', 'Vorrangig', 'Priority'],
  noMessages: ['Nog geen berichten. Schrijf het eerste.', 'Pas encore de messages. Écrivez le premier.', 'Noch keine Nachrichten. Schreiben Sie die erste.', 'No messages yet. Write the first one.'],
  chooseConversation: ['Kies een gesprek.', 'Choisissez une conversation.', 'Wählen Sie eine Unterhaltung.', 'Choose a conversation.'],
  you: ['U', 'Vous', 'Sie', 'You'],
  readBy: ['Gelezen door {names}', 'Lu par {names}', 'Gelesen von {names}', 'Read by {names}'],
  sending: ['Wordt verzonden…', 'Envoi…', 'Wird gesendet…', 'Sending…'],
  waiting: ['Wacht op netwerk', 'En attente du réseau', 'Wartet auf Netz', 'Waiting for network'],
  sent: ['Verzonden', 'Envoyé', 'Gesendet', 'Sent'],
  failed: ['Niet verzonden', 'Non envoyé', 'Nicht gesendet', 'Not sent'],
  retrySend: ['Opnieuw verzenden', 'Renvoyer', 'Erneut senden', 'Send again'],
  message: ['Bericht', 'Message', 'Nachricht', 'Message'],
  composerHint: ['Enter verzendt, Shift+Enter voor een nieuwe regel.', 'Entrée envoie, Maj+Entrée pour une nouvelle ligne.', 'Eingabe sendet, Umschalt+Eingabe für eine neue Zeile.', 'Enter sends, Shift+Enter for a new line.'],
  send: ['Verzenden', 'Envoyer', 'Senden', 'Send'],
  markPriority: ['Prioritair bericht', 'Message prioritaire', 'Vorrangige Nachricht', 'Priority message'],
  sharePosition: ['Mijn positie delen', 'Partager ma position', 'Meinen Standort teilen', 'Share my position'],
  locating: ['Positie bepalen…', 'Localisation…', 'Standort wird bestimmt…', 'Locating…'],
  positionReady: ['Positie klaar om te delen (± {accuracy} m)', 'Position prête à partager (± {accuracy} m)', 'Standort bereit zum Teilen (± {accuracy} m)', 'Position ready to share (± {accuracy} m)'],
  positionFailed: ['Positie niet gevonden. Probeer het opnieuw buiten.', 'Position introuvable. Réessayez à l’extérieur.', 'Standort nicht gefunden. Versuchen Sie es draußen erneut.', 'Position not found. Try again outside.'],
  removePosition: ['Positie weglaten', 'Retirer la position', 'Standort entfernen', 'Remove position'],
  position: ['Positie ± {accuracy} m om {time}', 'Position ± {accuracy} m à {time}', 'Standort ± {accuracy} m um {time}', 'Position ± {accuracy} m at {time}'],
  openOnMap: ['Op de incidentkaart', 'Sur la carte des incidents', 'Auf der Einsatzkarte', 'On the incident map'],
  waze: ['Navigeer met Waze', 'Naviguer avec Waze', 'Mit Waze navigieren', 'Navigate with Waze'],
  photos: ['{count} foto’s', '{count} photo(s)', '{count} Foto(s)', '{count} photo(s)'],
  addPhoto: ['Foto toevoegen', 'Ajouter une photo', 'Foto hinzufügen', 'Add a photo'],
  photoReady: ['Foto klaar om te verzenden ({size} kB)', 'Photo prête à envoyer ({size} ko)', 'Foto bereit zum Senden ({size} kB)', 'Photo ready to send ({size} kB)'],
  photoFailed: ['De foto kon niet op dit toestel bewaard worden.', 'La photo n’a pas pu être conservée sur cet appareil.', 'Das Foto konnte nicht auf diesem Gerät gespeichert werden.', 'The photo could not be kept on this device.'],
  uploading: ['Foto: {percent} %', 'Photo\u202f: {percent} %', 'Foto: {percent} %', 'Photo: {percent}%'],
  removePhoto: ['Foto weglaten', 'Retirer la photo', 'Foto entfernen', 'Remove photo'],
  newMessage: ['Nieuw bericht van {sender}: {text}', 'Nouveau message de {sender}\u202f: {text}', 'Neue Nachricht von {sender}: {text}', 'New message from {sender}: {text}'],
  live: ['Live', 'En direct', 'Live', 'Live'],
  reconnecting: ['Verbinding herstellen…', 'Reconnexion…', 'Verbindung wird wiederhergestellt…', 'Reconnecting…'],
  offlineNote: [
    'Geen netwerk. Uw berichten blijven op dit toestel en worden verzonden zodra er verbinding is.',
    'Pas de réseau. Vos messages restent sur cet appareil et partent dès le retour de la connexion.',
    'Kein Netz. Ihre Nachrichten bleiben auf diesem Gerät und werden gesendet, sobald eine Verbindung besteht.',
    'No network. Your messages stay on this device and are sent when the connection returns.',
  ],
  tooLong: ['Ten hoogste {max} tekens.', 'Au plus {max} caractères.', 'Höchstens {max} Zeichen.', 'At most {max} characters.'],
});
