import { defineMessages } from '../shared/define-messages.js';

// Read by officers on a tablet in the street, addressed formally as in the other widgets. French
// puts a narrow no-break space (U+202F) before : ; ? ! and uses ’ only. Counts have a key per
// plural category the four languages use for whole numbers (`one`, `other`; see unsent-words.ts).
/** The strings of `<blauw-field-logout>` in nl, fr, de and en. */
export const messages = defineMessages({
  logout: ['Afmelden op dit toestel', 'Se déconnecter de cet appareil', 'Von diesem Gerät abmelden', 'Log out of this device'],
  heading: ['Niet-verzonden werk op dit toestel', 'Travail non envoyé sur cet appareil', 'Nicht gesendete Arbeit auf diesem Gerät', 'Unsent work on this device'],
  'checks.one': ['{n} controle is nog niet verzonden.', '{n} contrôle n’a pas encore été envoyé.', '{n} Kontrolle wurde noch nicht gesendet.', '{n} check has not been sent yet.'],
  'checks.other': ['{n} controles zijn nog niet verzonden.', '{n} contrôles n’ont pas encore été envoyés.', '{n} Kontrollen wurden noch nicht gesendet.', '{n} checks have not been sent yet.'],
  'others.one': ['{n} bericht is nog niet verzonden.', '{n} message n’a pas encore été envoyé.', '{n} Nachricht wurde noch nicht gesendet.', '{n} message has not been sent yet.'],
  'others.other': ['{n} berichten zijn nog niet verzonden.', '{n} messages n’ont pas encore été envoyés.', '{n} Nachrichten wurden noch nicht gesendet.', '{n} messages have not been sent yet.'],
  'drafts.one': ['{n} concept is nog niet afgewerkt.', '{n} brouillon n’est pas encore terminé.', '{n} Entwurf ist noch nicht abgeschlossen.', '{n} draft has not been completed yet.'],
  'drafts.other': ['{n} concepten zijn nog niet afgewerkt.', '{n} brouillons ne sont pas encore terminés.', '{n} Entwürfe sind noch nicht abgeschlossen.', '{n} drafts have not been completed yet.'],
  lost: [
    'Als u zich nu afmeldt, wordt dit werk voorgoed van dit toestel gewist.',
    'Si vous vous déconnectez maintenant, ce travail sera définitivement effacé de cet appareil.',
    'Wenn Sie sich jetzt abmelden, wird diese Arbeit endgültig von diesem Gerät gelöscht.',
    'If you log out now, this work is deleted from this device for good.',
  ],
  advice: [
    'Om het te bewaren, blijft u aangemeld, maakt u verbinding met het netwerk en wacht u tot alles verzonden is.',
    'Pour le garder, restez connecté, rétablissez la connexion au réseau et attendez que tout soit envoyé.',
    'Um sie zu behalten, bleiben Sie angemeldet, stellen eine Netzwerkverbindung her und warten, bis alles gesendet ist.',
    'To keep it, stay signed in, connect to the network and wait until everything has been sent.',
  ],
  stay: ['Aangemeld blijven', 'Rester connecté', 'Angemeldet bleiben', 'Stay signed in'],
  force: ['Afmelden en alles wissen', 'Se déconnecter et tout effacer', 'Abmelden und alles löschen', 'Log out and delete it all'],
  done: [
    'U bent afgemeld op dit toestel. Er staat niets meer van uw werk op.',
    'Déconnexion de cet appareil effectuée. Plus rien de votre travail n’y est conservé.',
    'Sie sind von diesem Gerät abgemeldet. Nichts von Ihrer Arbeit ist mehr darauf gespeichert.',
    'You are logged out of this device. None of your work is kept on it.',
  ],
  failed: [
    'Afmelden op dit toestel is mislukt: wat erop bewaard is, kon niet gewist worden. Probeer het opnieuw.',
    'La déconnexion de cet appareil a échoué. Ce qui y est enregistré n’a pas pu être effacé. Réessayez.',
    'Die Abmeldung von diesem Gerät ist fehlgeschlagen: Was darauf gespeichert ist, konnte nicht gelöscht werden. Versuchen Sie es erneut.',
    'Logging out of this device failed: what is saved on it could not be deleted. Try again.',
  ],
});
