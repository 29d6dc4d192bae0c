import { defineMessages } from '../shared/define-messages.js';

/**
 * The dispatch's incident type codes in words, shared by the incident widgets. The list of types
 * is the dispatch's and grows: a code not here reads as it came, underscores as spaces.
 *
 * @category Localization
 */
export const incidentWords = defineMessages({
  'type.traffic_accident': ['Verkeersongeval', 'Accident de la circulation', 'Verkehrsunfall', 'Traffic accident'],
  'type.traffic_obstruction': ['Verkeershinder', 'Entrave à la circulation', 'Verkehrsbehinderung', 'Traffic obstruction'],
  'type.burglary': ['Inbraak', 'Cambriolage', 'Einbruch', 'Burglary'],
  'type.theft': ['Diefstal', 'Vol', 'Diebstahl', 'Theft'],
  'type.disturbance': ['Overlast', 'Trouble à l’ordre public', 'Ruhestörung', 'Disturbance'],
  'type.domestic': ['Intrafamiliaal geweld', 'Violence intrafamiliale', 'Häusliche Gewalt', 'Domestic violence'],
  'type.fire_assist': ['Bijstand brandweer', 'Assistance pompiers', 'Unterstützung Feuerwehr', 'Fire brigade assistance'],
  'type.missing_person': ['Vermiste persoon', 'Personne disparue', 'Vermisste Person', 'Missing person'],
  'type.suspicious_activity': ['Verdachte handelingen', 'Activité suspecte', 'Verdächtige Aktivität', 'Suspicious activity'],
  'type.animal': ['Dier op de openbare weg', 'Animal sur la voie publique', 'Tier auf der Straße', 'Animal on the road'],
});

/** What {@link incidentTypeText} needs of a widget's LocaleController. */
export interface WordLookup {
  has(key: string): boolean;
  t(key: never): string;
}

/** An incident type code in the widget's language: `burglary` → `Inbraak`; an unknown code as it came. */
export function incidentTypeText(locale: WordLookup, type: string): string {
  const key = `type.${type}`;
  return locale.has(key) ? locale.t(key as never) : type.replace(/[_-]+/g, ' ');
}
