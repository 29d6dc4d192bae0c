// Compiled by `npm run typecheck`, never run: pins that a live incident event narrows on `type`,
// and what a stream offers besides its events.
import type { Incident, IncidentEvent, Unit } from '../schemas/incidents.js';
import type { IncidentsResource, IncidentStreamEvent } from '../resources/incidents.js';
import type { EventStream, StreamState } from './event-stream.js';

declare const incidents: IncidentsResource;

export const stream: EventStream<IncidentStreamEvent> = incidents.stream({ priority: [1, 2], unit: 'SCH-21', pauseWhenHidden: true });
export const state: StreamState = stream.state;
export const resumeFrom: string | undefined = stream.lastEventId;

export async function follow(): Promise<void> {
  for await (const event of stream) {
    if (event.type === 'incident') {
      const incident: Incident = event.incident;
      const entry: IncidentEvent = event.entry;
      // @ts-expect-error an incident event has no unit
      void event.unit;
      void [incident, entry];
    } else if (event.type === 'unit') {
      const unit: Unit = event.unit;
      // @ts-expect-error a unit event has no incident
      void event.incident;
      void unit;
    } else {
      const reset: 'reset' = event.type;
      const reason: string = event.reason;
      void [reset, reason, event.detail];
    }
    const id: string = event.id;
    void id;
  }
}

// @ts-expect-error priorities are numbers
incidents.stream({ priority: ['1'] });
// @ts-expect-error states are the five of the contract
export const paused: StreamState = 'paused';
