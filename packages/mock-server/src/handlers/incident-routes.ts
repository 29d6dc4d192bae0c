import { Incident, IncidentEvent, Unit, ZoneGeography, page } from '@blauw/core';
import { incidentEventStream } from './incident-stream.js';
import { IncidentEventListQuery, IncidentListQuery, IncidentParams, IncidentStreamQuery, PageQuery, UnitListQuery } from './query-params.js';
import { defineRoute, problemSpec, type Route } from './route.js';

// Incidents as the dispatch follows them. Every handler first runs the simulated dispatch up to
// the zone clock's now, so what a list shows and what the stream sends agree.

const ok = <T>(body: T) => ({ status: 200, body });

const STREAM_DESCRIPTION =
  'Server-Sent Events. First `retry: <ms>`; then `event: incident` (data: `IncidentChange`), `event: unit` (data: `UnitChange`) ' +
  'and `event: reset` (data: `StreamReset`) frames, each with an `id:`; ids are decimal, strictly increasing, and an incident ' +
  'event’s id is its log entry’s id. Without `Last-Event-ID` only new events follow; with one, every kept event after it that ' +
  'passes the filters comes first, or a `reset` (`too_old`, `unknown_id`) when the server cannot resume after it. A `: heartbeat` ' +
  'comment comes every 15 s. Filters: `incidentId`, `priority` (comma list) and `unit` (call sign) select incident events by ' +
  'their incident, and unit events by the unit or the incident it works on.';

/** Routes of incidents, their logs, the units on duty, the live stream and the zone's map. */
export const incidentRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/incidents',
    operationId: 'listIncidents',
    summary: 'List incidents, the most recently opened first',
    description: '`status` and `priority` take comma lists (`priority=1,2`); `status=open` means every status but `closed`.',
    tag: 'Incidents',
    auth: 'officer',
    query: IncidentListQuery,
    responses: { 200: { description: 'A page of incidents.', schema: page(Incident) } },
    handle: ({ zone, query }) => {
      zone.incidents.sync();
      return ok(zone.incidents.board.listIncidents({ statuses: query.status, priorities: query.priority, unit: query.unit }, query));
    },
  }),
  // Before /v1/incidents/:incidentId, which would otherwise take `stream` for an incident id.
  defineRoute({
    method: 'get',
    path: '/v1/incidents/stream',
    operationId: 'streamIncidentEvents',
    summary: 'Follow incidents and units live (Server-Sent Events)',
    description: STREAM_DESCRIPTION,
    tag: 'Incidents',
    auth: 'officer',
    query: IncidentStreamQuery,
    requestHeaders: { 'Last-Event-ID': 'The id of the last event received, to resume after it.' },
    responses: {
      200: { description: 'The event stream (`text/event-stream`); it stays open.', contentType: 'text/event-stream' },
      404: problemSpec('No incident has the `incidentId` given.'),
    },
    handle: ({ zone, query, request, stream }) => {
      zone.incidents.sync();
      // An unknown incident is refused before the stream starts, as the contract asks.
      if (query.incidentId !== undefined) zone.incidents.board.getIncident(query.incidentId);
      return {
        status: 200,
        body: incidentEventStream({
          ...stream,
          simulator: zone.incidents,
          filter: { incidentId: query.incidentId, priorities: query.priority, unit: query.unit },
          lastEventId: request.headers.get('Last-Event-ID'),
        }),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/incidents/:incidentId',
    operationId: 'getIncident',
    summary: 'Get one incident as it is now',
    tag: 'Incidents',
    auth: 'officer',
    etag: true,
    params: IncidentParams,
    responses: { 200: { description: 'The incident.', schema: Incident, headers: { ETag: 'Version of the representation.' } } },
    handle: ({ zone, params }) => {
      zone.incidents.sync();
      return ok(zone.incidents.board.getIncident(params.incidentId));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/incidents/:incidentId/log',
    operationId: 'listIncidentLog',
    summary: 'List an incident’s whole log, oldest entry first',
    tag: 'Incidents',
    auth: 'officer',
    params: IncidentParams,
    query: PageQuery,
    responses: { 200: { description: 'A page of log entries.', schema: page(IncidentEvent) } },
    handle: ({ zone, params, query }) => {
      zone.incidents.sync();
      return ok(zone.incidents.board.listLog(params.incidentId, query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/incident-events',
    operationId: 'listIncidentEvents',
    summary: 'List log entries of every incident, newest first (a timeline’s history)',
    description: '`before` pages back in time; `priority`, `unit` and `incidentId` keep the entries of the incidents that match (as they are now).',
    tag: 'Incidents',
    auth: 'officer',
    query: IncidentEventListQuery,
    responses: { 200: { description: 'A page of log entries.', schema: page(IncidentEvent) } },
    handle: ({ zone, query }) => {
      zone.incidents.sync();
      return ok(
        zone.incidents.board.listEntries(
          {
            incidentId: query.incidentId,
            priorities: query.priority,
            unit: query.unit,
            beforeMs: query.before === undefined ? undefined : Date.parse(query.before),
          },
          query,
        ),
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/units',
    operationId: 'listUnits',
    summary: 'List the units on duty with their last known position, by call sign',
    tag: 'Incidents',
    auth: 'officer',
    query: UnitListQuery,
    responses: { 200: { description: 'A page of units.', schema: page(Unit) } },
    handle: ({ zone, query }) => {
      zone.incidents.sync();
      return ok(zone.incidents.board.listUnits({ statuses: query.status }, query));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/zone/geography',
    operationId: 'getZoneGeography',
    summary: 'Get the zone’s outline, municipalities and streets (GeoJSON)',
    description: 'A small FeatureCollection (positions as `[lon, lat]`): enough for a map’s base layer without a tile server. Public and cacheable.',
    tag: 'Zone',
    auth: 'none',
    etag: true,
    responses: {
      200: { description: 'The zone’s map.', schema: ZoneGeography, headers: { ETag: 'Version of the representation.' } },
    },
    handle: ({ zone }) => ok(zone.incidents.network.geography),
  }),
];
