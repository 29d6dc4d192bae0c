import type { Incident } from '@blauw/core';

/**
 * Detail of `blauw-incident-select`, fired by every incident widget (timeline, map): the incident
 * the user chose. The widgets sharing the client also receive it through `IncidentFeed.select`.
 *
 * @category Widget events
 */
export interface IncidentSelectDetail {
  incident: Incident;
}

/**
 * Detail of `blauw-incident-open`: the incident whose whole log the user opened.
 *
 * @category Widget events
 */
export interface IncidentOpenDetail {
  incident: Incident;
}

declare global {
  interface HTMLElementEventMap {
    'blauw-incident-select': CustomEvent<IncidentSelectDetail>;
    'blauw-incident-open': CustomEvent<IncidentOpenDetail>;
  }
}
