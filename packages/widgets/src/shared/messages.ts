import type { BlauwError, ErrorKind } from '@blauw/core';
import { defineMessages, type MessageKey } from './define-messages.js';

/**
 * Strings every widget uses: loading, retry, offline, and the error messages, each saying what
 * happened and what the citizen can do (error kinds that ask the same of them share one).
 * Citizens are addressed formally (u / vous / Sie), as public services do.
 */
export const sharedMessages = defineMessages({
  loading: ['Bezig met laden…', 'Chargement…', 'Wird geladen…', 'Loading…'],
  retry: ['Opnieuw proberen', 'Réessayer', 'Erneut versuchen', 'Try again'],
  offline: ['U bent offline. Controleer uw internetverbinding.', 'Vous êtes hors ligne. Vérifiez votre connexion internet.', 'Sie sind offline. Überprüfen Sie Ihre Internetverbindung.', 'You are offline. Check your internet connection.'],
  empty: ['Niets gevonden.', 'Aucun résultat.', 'Keine Ergebnisse.', 'Nothing found.'],
  'error.network': ['De server is niet bereikbaar. Probeer het zo opnieuw.', 'Le serveur est injoignable. Réessayez dans un instant.', 'Der Server ist nicht erreichbar. Versuchen Sie es gleich erneut.', 'The server cannot be reached. Try again in a moment.'],
  'error.offline': ['Probeer opnieuw zodra u weer verbinding hebt.', 'Réessayez dès que la connexion est rétablie.', 'Versuchen Sie es erneut, sobald Sie wieder verbunden sind.', 'Try again once you are connected.'],
  'error.server': ['Er ging iets mis bij ons. Probeer het later opnieuw.', 'Un problème est survenu chez nous. Réessayez plus tard.', 'Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.', 'Something went wrong on our side. Please try again later.'],
  'error.not_found': ['Niet gevonden. Misschien is het verwijderd of verlopen.', 'Introuvable. Peut-être supprimé ou expiré.', 'Nicht gefunden. Vielleicht gelöscht oder abgelaufen.', 'Not found. It may have been removed or have expired.'],
  'error.validation': ['Controleer de gemarkeerde velden.', 'Vérifiez les champs indiqués.', 'Überprüfen Sie die markierten Felder.', 'Check the marked fields.'],
  'error.conflict': ['Dit is intussen gewijzigd. Laad opnieuw en probeer nog eens.', 'Ceci a été modifié entre-temps. Rechargez et réessayez.', 'Dies wurde inzwischen geändert. Laden Sie neu und versuchen Sie es erneut.', 'This was changed in the meantime. Reload and try again.'],
  'error.rate_limited': ['Te veel aanvragen. Wacht even en probeer opnieuw.', 'Trop de demandes. Patientez un instant et réessayez.', 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.', 'Too many requests. Wait a moment and try again.'],
  'error.configuration': ['Dit is hier niet beschikbaar. Neem contact op met de beheerder van de website.', 'Ceci n’est pas disponible ici. Contactez le gestionnaire du site web.', 'Dies ist hier nicht verfügbar. Wenden Sie sich an die Verwaltung der Website.', 'This is not available here. Please contact the administrator of this website.'],
  'error.aborted': ['De aanvraag werd geannuleerd.', 'La demande a été annulée.', 'Die Anfrage wurde abgebrochen.', 'The request was cancelled.'],
});

/** A key of {@link sharedMessages}. */
export type SharedMessageKey = MessageKey<typeof sharedMessages>;

// A citizen needs to know what to do, not which of twelve things failed: kinds that ask the same
// of them share a text (a slow server reads as an unreachable one; a refused or unconfigured
// widget is for the site's administrator to fix). Also the list of error kinds for `isBlauwError`.
export const errorKeys = {
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
