import type { BlauwError, ErrorKind } from '@blauw/core';
import { defineMessages, type MessageKey } from './define-messages.js';

/**
 * Strings every widget uses: loading, retry, offline, and one message per error kind that says
 * what happened and what the citizen or officer can do. Citizens are addressed formally
 * (u / vous / Sie), as public services do.
 */
export const sharedMessages = defineMessages({
  nl: {
    loading: 'Bezig met laden…',
    retry: 'Opnieuw proberen',
    offline: 'U bent offline. Controleer uw internetverbinding.',
    empty: 'Niets gevonden.',
    'error.network': 'De server is niet bereikbaar. Controleer uw internetverbinding en probeer opnieuw.',
    'error.offline': 'U bent offline. Probeer opnieuw zodra u weer verbinding hebt.',
    'error.timeout': 'De server antwoordt niet op tijd. Probeer het over enkele ogenblikken opnieuw.',
    'error.server': 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    'error.not_found': 'Dit werd niet gevonden. Het is mogelijk verwijderd of verlopen.',
    'error.validation': 'Sommige gegevens kloppen niet. Controleer de gemarkeerde velden.',
    'error.conflict': 'Dit werd intussen gewijzigd, mogelijk door iemand anders. Laad opnieuw en probeer nog eens.',
    'error.forbidden': 'U hebt geen toegang tot deze gegevens.',
    'error.unauthenticated': 'Uw sessie is verlopen. Meld u opnieuw aan.',
    'error.rate_limited': 'Te veel aanvragen na elkaar. Wacht even en probeer opnieuw.',
    'error.response_shape': 'De server stuurde een antwoord dat we niet begrijpen. Probeer het later opnieuw.',
    'error.configuration': 'Deze module is niet correct ingesteld. Neem contact op met de beheerder van deze website.',
    'error.aborted': 'De aanvraag werd geannuleerd.',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    offline: 'Vous êtes hors ligne. Vérifiez votre connexion internet.',
    empty: 'Aucun résultat.',
    'error.network': 'Le serveur est injoignable. Vérifiez votre connexion internet et réessayez.',
    'error.offline': 'Vous êtes hors ligne. Réessayez dès que la connexion est rétablie.',
    'error.timeout': 'Le serveur ne répond pas à temps. Réessayez dans quelques instants.',
    'error.server': 'Un problème est survenu de notre côté. Réessayez plus tard.',
    'error.not_found': 'Cet élément est introuvable. Il a peut-être été supprimé ou a expiré.',
    'error.validation': 'Certaines données sont incorrectes. Vérifiez les champs indiqués.',
    'error.conflict': 'Ceci a été modifié entre-temps, peut-être par quelqu’un d’autre. Rechargez et réessayez.',
    'error.forbidden': 'Vous n’avez pas accès à ces données.',
    'error.unauthenticated': 'Votre session a expiré. Veuillez vous reconnecter.',
    'error.rate_limited': 'Trop de demandes successives. Patientez un instant et réessayez.',
    'error.response_shape': 'Le serveur a envoyé une réponse que nous ne comprenons pas. Réessayez plus tard.',
    'error.configuration': 'Ce module n’est pas configuré correctement. Contactez le gestionnaire de ce site web.',
    'error.aborted': 'La demande a été annulée.',
  },
  de: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    offline: 'Sie sind offline. Überprüfen Sie Ihre Internetverbindung.',
    empty: 'Keine Ergebnisse.',
    'error.network': 'Der Server ist nicht erreichbar. Überprüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    'error.offline': 'Sie sind offline. Versuchen Sie es erneut, sobald die Verbindung wiederhergestellt ist.',
    'error.timeout': 'Der Server antwortet nicht rechtzeitig. Versuchen Sie es in einigen Augenblicken erneut.',
    'error.server': 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.',
    'error.not_found': 'Dies wurde nicht gefunden. Es wurde möglicherweise gelöscht oder ist abgelaufen.',
    'error.validation': 'Einige Angaben sind nicht korrekt. Überprüfen Sie die markierten Felder.',
    'error.conflict': 'Dies wurde inzwischen geändert, vielleicht von jemand anderem. Laden Sie neu und versuchen Sie es erneut.',
    'error.forbidden': 'Sie haben keinen Zugriff auf diese Daten.',
    'error.unauthenticated': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    'error.rate_limited': 'Zu viele Anfragen in kurzer Zeit. Warten Sie einen Moment und versuchen Sie es erneut.',
    'error.response_shape': 'Der Server hat eine unerwartete Antwort gesendet. Versuchen Sie es später erneut.',
    'error.configuration': 'Dieses Modul ist nicht richtig eingerichtet. Wenden Sie sich an die Verwaltung dieser Website.',
    'error.aborted': 'Die Anfrage wurde abgebrochen.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'You are offline. Check your internet connection.',
    empty: 'Nothing found.',
    'error.network': 'The server cannot be reached. Check your internet connection and try again.',
    'error.offline': 'You are offline. Try again once you are connected.',
    'error.timeout': 'The server did not answer in time. Try again in a moment.',
    'error.server': 'Something went wrong on our side. Please try again later.',
    'error.not_found': 'This was not found. It may have been removed or have expired.',
    'error.validation': 'Some details are not correct. Check the marked fields.',
    'error.conflict': 'This was changed in the meantime, perhaps by someone else. Reload and try again.',
    'error.forbidden': 'You do not have access to this information.',
    'error.unauthenticated': 'Your session has expired. Please sign in again.',
    'error.rate_limited': 'Too many requests in a short time. Wait a moment and try again.',
    'error.response_shape': 'The server sent an answer we do not understand. Please try again later.',
    'error.configuration': 'This component is not set up correctly. Please contact the administrator of this website.',
    'error.aborted': 'The request was cancelled.',
  },
});

/** A key of {@link sharedMessages}. */
export type SharedMessageKey = MessageKey<typeof sharedMessages>;

const errorKeys = {
  network: 'error.network',
  timeout: 'error.timeout',
  server: 'error.server',
  not_found: 'error.not_found',
  validation: 'error.validation',
  conflict: 'error.conflict',
  forbidden: 'error.forbidden',
  unauthenticated: 'error.unauthenticated',
  rate_limited: 'error.rate_limited',
  response_shape: 'error.response_shape',
  configuration: 'error.configuration',
  aborted: 'error.aborted',
} as const satisfies Record<ErrorKind, SharedMessageKey>;

/**
 * The shared message that explains an error to the user. A network failure while the browser
 * is offline gets the offline message, because "check your connection" is then the whole story.
 *
 * @example
 * ```ts
 * html`<p role="alert">${locale.t(errorMessageKey(error))}</p>`
 * ```
 */
export function errorMessageKey(error: BlauwError): SharedMessageKey {
  if (error.kind === 'network' && 'offline' in error && error.offline === true) return 'error.offline';
  return errorKeys[error.kind];
}
