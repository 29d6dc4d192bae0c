import type { BlauwError, ErrorKind } from '@blauw/core';
import { defineMessages, type MessageKey } from './define-messages.js';

/**
 * Strings every widget uses: loading, retry, offline, and the error messages, each saying what
 * happened and what the citizen can do (error kinds that ask the same of them share one).
 * Citizens are addressed formally (u / vous / Sie), as public services do.
 */
export const sharedMessages = defineMessages({
  nl: {
    loading: 'Bezig met laden…',
    retry: 'Opnieuw proberen',
    offline: 'U bent offline. Controleer uw internetverbinding.',
    empty: 'Niets gevonden.',
    'error.network': 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    'error.offline': 'Probeer opnieuw zodra u weer verbinding hebt.',
    'error.server': 'Er ging iets mis bij ons. Probeer het later opnieuw.',
    'error.not_found': 'Niet gevonden. Misschien is het verwijderd of verlopen.',
    'error.validation': 'Controleer de gemarkeerde velden.',
    'error.conflict': 'Dit is intussen gewijzigd. Laad opnieuw en probeer nog eens.',
    'error.rate_limited': 'Te veel aanvragen. Wacht even en probeer opnieuw.',
    'error.configuration': 'Dit is hier niet beschikbaar. Neem contact op met de beheerder van de website.',
    'error.aborted': 'De aanvraag werd geannuleerd.',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    offline: 'Vous êtes hors ligne. Vérifiez votre connexion internet.',
    empty: 'Aucun résultat.',
    'error.network': 'Le serveur est injoignable. Réessayez dans un instant.',
    'error.offline': 'Réessayez dès que la connexion est rétablie.',
    'error.server': 'Un problème est survenu chez nous. Réessayez plus tard.',
    'error.not_found': 'Introuvable. Peut-être supprimé ou expiré.',
    'error.validation': 'Vérifiez les champs indiqués.',
    'error.conflict': 'Ceci a été modifié entre-temps. Rechargez et réessayez.',
    'error.rate_limited': 'Trop de demandes. Patientez un instant et réessayez.',
    'error.configuration': 'Ceci n’est pas disponible ici. Contactez le gestionnaire du site web.',
    'error.aborted': 'La demande a été annulée.',
  },
  de: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    offline: 'Sie sind offline. Überprüfen Sie Ihre Internetverbindung.',
    empty: 'Keine Ergebnisse.',
    'error.network': 'Der Server ist nicht erreichbar. Versuchen Sie es gleich erneut.',
    'error.offline': 'Versuchen Sie es erneut, sobald Sie wieder verbunden sind.',
    'error.server': 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.',
    'error.not_found': 'Nicht gefunden. Vielleicht gelöscht oder abgelaufen.',
    'error.validation': 'Überprüfen Sie die markierten Felder.',
    'error.conflict': 'Dies wurde inzwischen geändert. Laden Sie neu und versuchen Sie es erneut.',
    'error.rate_limited': 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    'error.configuration': 'Dies ist hier nicht verfügbar. Wenden Sie sich an die Verwaltung der Website.',
    'error.aborted': 'Die Anfrage wurde abgebrochen.',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    offline: 'You are offline. Check your internet connection.',
    empty: 'Nothing found.',
    'error.network': 'The server cannot be reached. Try again in a moment.',
    'error.offline': 'Try again once you are connected.',
    'error.server': 'Something went wrong on our side. Please try again later.',
    'error.not_found': 'Not found. It may have been removed or have expired.',
    'error.validation': 'Check the marked fields.',
    'error.conflict': 'This was changed in the meantime. Reload and try again.',
    'error.rate_limited': 'Too many requests. Wait a moment and try again.',
    'error.configuration': 'This is not available here. Please contact the administrator of this website.',
    'error.aborted': 'The request was cancelled.',
  },
});

/** A key of {@link sharedMessages}. */
export type SharedMessageKey = MessageKey<typeof sharedMessages>;

// A citizen needs to know what to do, not which of twelve things failed: kinds that ask the same
// of them share a text (a slow server reads as an unreachable one; a refused or unconfigured
// widget is for the site's administrator to fix).
const errorKeys = {
  network: 'error.network',
  timeout: 'error.network',
  server: 'error.server',
  response_shape: 'error.server',
  not_found: 'error.not_found',
  validation: 'error.validation',
  conflict: 'error.conflict',
  forbidden: 'error.configuration',
  unauthenticated: 'error.configuration',
  configuration: 'error.configuration',
  rate_limited: 'error.rate_limited',
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
