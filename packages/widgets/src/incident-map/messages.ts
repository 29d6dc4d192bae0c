import { defineMessages } from '../shared/define-messages.js';

// Read by officers and dispatchers on an intranet page. Every string ships four times in the CDN
// file, so they are short; "loading", "try again" and the error texts come from the shared
// catalog. French puts a narrow no-break space (U+202F) before : ; ? ! and uses ’ only.
/** The strings of `<blauw-incident-map>` in nl, fr, de and en. */
export const messages = defineMessages({
  map: ['Kaart van de open incidenten en eenheden', 'Carte des incidents ouverts et des unités', 'Karte der offenen Einsätze und Einheiten', 'Map of open incidents and units'],
  zoomIn: ['Inzoomen', 'Zoom avant', 'Vergrößern', 'Zoom in'],
  zoomOut: ['Uitzoomen', 'Zoom arrière', 'Verkleinern', 'Zoom out'],
  incidents: ['Open incidenten ({n})', 'Incidents ouverts ({n})', 'Offene Einsätze ({n})', 'Open incidents ({n})'],
  units: ['Eenheden ({n})', 'Unités ({n})', 'Einheiten ({n})', 'Units ({n})'],
  noIncidents: ['Geen open incidenten.', 'Aucun incident ouvert.', 'Keine offenen Einsätze.', 'No open incidents.'],
  noUnits: ['Geen eenheden in dienst.', 'Aucune unité en service.', 'Keine Einheiten im Dienst.', 'No units on duty.'],
  priority: ['Prioriteit {n}', 'Priorité {n}', 'Priorität {n}', 'Priority {n}'],
  unit: ['Eenheid {unit}', 'Unité {unit}', 'Einheit {unit}', 'Unit {unit}'],
  connecting: ['Verbinden…', 'Connexion…', 'Verbindung wird hergestellt…', 'Connecting…'],
  reconnecting: ['Verbinding verbroken. Opnieuw verbinden…', 'Connexion perdue. Reconnexion…', 'Verbindung unterbrochen. Neuer Versuch…', 'Connection lost. Reconnecting…'],
  stale: ['Offline. Posities kunnen verouderd zijn.', 'Hors ligne. Les positions peuvent être dépassées.', 'Offline. Positionen können veraltet sein.', 'Offline. Positions may be out of date.'],
  details: ['Geselecteerd incident', 'Incident sélectionné', 'Ausgewählter Einsatz', 'Selected incident'],
  number: ['Nummer', 'Numéro', 'Nummer', 'Number'],
  status: ['Status', 'Statut', 'Status', 'Status'],
  opened: ['Geopend', 'Ouvert le', 'Eröffnet', 'Opened'],
  assigned: ['Eenheden', 'Unités', 'Einheiten', 'Units'],
  none: ['geen', 'aucune', 'keine', 'none'],
  navigate: ['Navigeer met Waze', 'Naviguer avec Waze', 'Mit Waze navigieren', 'Navigate with Waze'],
  close: ['Sluiten', 'Fermer', 'Schließen', 'Close'],
  's.open': ['open', 'ouvert', 'offen', 'open'],
  's.assigned': ['toegewezen', 'attribué', 'zugewiesen', 'assigned'],
  's.dispatched': ['uitgestuurd', 'envoyée', 'alarmiert', 'dispatched'],
  's.en_route': ['onderweg', 'en route', 'unterwegs', 'en route'],
  's.on_scene': ['ter plaatse', 'sur place', 'vor Ort', 'on scene'],
  's.available': ['beschikbaar', 'disponible', 'verfügbar', 'available'],
  's.unavailable': ['niet beschikbaar', 'indisponible', 'nicht verfügbar', 'unavailable'],
  's.closed': ['afgesloten', 'clôturé', 'abgeschlossen', 'closed'],
  'k.car': ['wagen', 'voiture', 'Streifenwagen', 'car'],
  'k.motorcycle': ['motor', 'moto', 'Motorrad', 'motorcycle'],
  'k.bicycle': ['fiets', 'vélo', 'Fahrrad', 'bicycle'],
  'k.foot': ['te voet', 'à pied', 'zu Fuß', 'on foot'],
  'k.van': ['combi', 'fourgon', 'Mannschaftswagen', 'van'],
});
