import type { BlauwError, ErrorKind } from '@blauw/core';
import { defineMessages, type MessageKey } from './define-messages.js';

/**
 * Strings every widget uses: loading, retry, offline, and the error messages, each saying what
 * happened and what the citizen can do (error kinds that ask the same of them share one).
 * Citizens are addressed formally (u / vous / Sie), as public services do.
 *
 * @category Localization
 */
export const sharedMessages = defineMessages({
  loading: ['Bezig met laden…', 'Chargement…', 'Wird geladen…', 'Loading…'],
  retry: ['Opnieuw proberen', 'Réessayer', 'Erneut versuchen', 'Try again'],
  offline: ['Geen internetverbinding.', 'Pas de connexion internet.', 'Keine Internetverbindung.', 'No internet connection.'],
  empty: ['Niets gevonden.', 'Aucun résultat.', 'Keine Ergebnisse.', 'Nothing found.'],
  'error.network': ['Server onbereikbaar. Probeer het zo opnieuw.', 'Serveur injoignable. Réessayez dans un instant.', 'Server nicht erreichbar. Versuchen Sie es gleich erneut.', 'Server unreachable. Try again shortly.'],
  'error.offline': ['Probeer opnieuw zodra u verbinding hebt.', 'Réessayez une fois la connexion rétablie.', 'Versuchen Sie es erneut, sobald Sie online sind.', 'Try again once you are online.'],
  'error.server': ['Er ging iets mis. Probeer het later opnieuw.', 'Une erreur est survenue. Réessayez plus tard.', 'Ein Fehler ist aufgetreten. Versuchen Sie es später erneut.', 'Something went wrong. Try again later.'],
  'error.not_found': ['Niet gevonden of verlopen.', 'Introuvable ou expiré.', 'Nicht gefunden oder abgelaufen.', 'Not found or expired.'],
  'error.validation': ['Controleer de gemarkeerde velden.', 'Vérifiez les champs indiqués.', 'Überprüfen Sie die markierten Felder.', 'Check the marked fields.'],
  'error.conflict': ['Dit is intussen gewijzigd. Laad de pagina opnieuw.', 'Ceci a changé entre-temps. Rechargez la page.', 'Dies wurde inzwischen geändert. Laden Sie die Seite neu.', 'This has changed meanwhile. Reload the page.'],
  'error.rate_limited': ['Te veel aanvragen. Wacht even.', 'Trop de demandes. Patientez un instant.', 'Zu viele Anfragen. Bitte warten Sie kurz.', 'Too many requests. Please wait a moment.'],
  'error.configuration': ['Niet beschikbaar. Contacteer de websitebeheerder.', 'Indisponible. Contactez le gestionnaire du site.', 'Nicht verfügbar. Wenden Sie sich an den Websitebetreiber.', 'Not available. Contact the website administrator.'],
  'error.aborted': ['Aanvraag geannuleerd.', 'Demande annulée.', 'Anfrage abgebrochen.', 'Request cancelled.'],
  // For officers, who can sign in again and need to know which it is (see `officerErrorKey`).
  'error.session_expired': ['Uw sessie is verlopen. Meld u opnieuw aan.', 'Votre session a expiré. Reconnectez-vous.', 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.', 'Your session has expired. Sign in again.'],
  'error.role_refused': ['Uw aanmelding geeft geen toegang hiertoe.', 'Votre connexion ne donne pas accès à ceci.', 'Ihre Anmeldung gibt keinen Zugang hierzu.', 'Your sign-in gives no access to this.'],
});

/**
 * A key of {@link sharedMessages}.
 *
 * @category Localization
 */
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
 *
 * @category Localization
 */
export function errorMessageKey(error: BlauwError): SharedMessageKey {
  if (error.kind === 'network' && 'offline' in error && error.offline === true) return 'error.offline';
  return errorKeys[error.kind];
}

/**
 * The shared message for an error in an officer's widget: an expired session and a refused role
 * in words of their own, as an officer can sign in again and needs to know which it is; every
 * other error as {@link errorMessageKey} says it. (A citizen's widget says "not available, contact
 * the site's administrator" for both: a citizen has no sign-in to renew.)
 *
 * @example
 * ```ts
 * html`<p role="alert">${locale.t(officerErrorKey(error))}</p>`
 * ```
 *
 * @category Localization
 */
export function officerErrorKey(error: BlauwError): SharedMessageKey {
  if (error.kind === 'unauthenticated') return 'error.session_expired';
  if (error.kind === 'forbidden') return 'error.role_refused';
  return errorMessageKey(error);
}
