import { AddressNotCoveredProblem, Municipality, Office, OfficeClosure, OfficeClosureInput, Officer, OfficerForAddress, Topic, page } from '@blauw/core';
import { defineRoute, type Route } from './route.js';
import {
  ClosureParams,
  MunicipalityParams,
  OfficeListQuery,
  OfficeParams,
  OfficerForAddressQuery,
  OfficerListQuery,
  OfficerParams,
  PageQuery,
} from './query-params.js';

// The zone directory: who serves which municipality, where and when.

const ok = <T>(body: T) => ({ status: 200, body });

/** Routes of the zone directory (municipalities, offices, closures, officers, topics). */
export const directoryRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/municipalities',
    operationId: 'listMunicipalities',
    summary: 'List the municipalities the zone serves',
    tag: 'Zone',
    auth: 'none',
    query: PageQuery,
    responses: { 200: { description: 'A page of municipalities.', schema: page(Municipality) } },
    handle: ({ zone, query }) => ok(zone.store.listMunicipalities(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/municipalities/:municipalityId',
    operationId: 'getMunicipality',
    summary: 'Get one municipality',
    tag: 'Zone',
    auth: 'none',
    etag: true,
    params: MunicipalityParams,
    responses: {
      200: { description: 'The municipality.', schema: Municipality, headers: { ETag: 'Version of the representation.' } },
    },
    handle: ({ zone, params }) => ok(zone.store.getMunicipality(params.municipalityId)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/offices',
    operationId: 'listOffices',
    summary: 'List neighbourhood offices, optionally of one municipality',
    tag: 'Offices',
    auth: 'none',
    query: OfficeListQuery,
    responses: { 200: { description: 'A page of offices.', schema: page(Office) } },
    handle: ({ zone, query }) => ok(zone.store.listOffices({ municipalityId: query.municipalityId }, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/offices/:officeId',
    operationId: 'getOffice',
    summary: 'Get one office with its opening hours',
    tag: 'Offices',
    auth: 'none',
    etag: true,
    params: OfficeParams,
    responses: { 200: { description: 'The office.', schema: Office, headers: { ETag: 'Version of the representation.' } } },
    handle: ({ zone, params }) => ok(zone.store.getOffice(params.officeId)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/offices/:officeId/closures',
    operationId: 'listOfficeClosures',
    summary: 'List the periods an office is closed',
    tag: 'Offices',
    auth: 'none',
    params: OfficeParams,
    query: PageQuery,
    responses: { 200: { description: 'A page of closures, earliest first.', schema: page(OfficeClosure) } },
    handle: ({ zone, params, query }) => ok(zone.store.listClosures(params.officeId, query)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/offices/:officeId/closures',
    operationId: 'createOfficeClosure',
    summary: 'Record that an office is closed (supervisors)',
    description: 'Dates are inclusive and meant in the office time zone. Requires an Idempotency-Key.',
    tag: 'Offices',
    auth: 'supervisor',
    params: OfficeParams,
    body: OfficeClosureInput,
    responses: {
      201: {
        description: 'The closure was recorded.',
        schema: OfficeClosure,
        headers: { Location: 'URL of the new closure.' },
      },
    },
    handle: ({ zone, params, body, url }) => {
      const closure = zone.store.addClosure(params.officeId, body);
      return {
        status: 201,
        body: closure,
        headers: { Location: `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(closure.id)}` },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/offices/:officeId/closures/:closureId',
    operationId: 'getOfficeClosure',
    summary: 'Get one closure of an office',
    tag: 'Offices',
    auth: 'none',
    etag: true,
    params: ClosureParams,
    responses: { 200: { description: 'The closure.', schema: OfficeClosure, headers: { ETag: 'Version of the representation.' } } },
    handle: ({ zone, params }) => ok(zone.store.getClosure(params.officeId, params.closureId)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/officers',
    operationId: 'listOfficers',
    summary: 'List neighbourhood officers, optionally of one office or municipality',
    tag: 'Officers',
    auth: 'none',
    query: OfficerListQuery,
    responses: { 200: { description: 'A page of officers.', schema: page(Officer) } },
    handle: ({ zone, query }) =>
      ok(zone.store.listOfficers({ officeId: query.officeId, municipalityId: query.municipalityId }, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/officers/:officerId',
    operationId: 'getOfficer',
    summary: 'Get one neighbourhood officer with the streets they cover',
    tag: 'Officers',
    auth: 'none',
    etag: true,
    params: OfficerParams,
    responses: { 200: { description: 'The officer.', schema: Officer, headers: { ETag: 'Version of the representation.' } } },
    handle: ({ zone, params }) => ok(zone.store.getOfficer(params.officerId)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/topics',
    operationId: 'listTopics',
    summary: 'List what a citizen can book a meeting about',
    tag: 'Zone',
    auth: 'none',
    query: PageQuery,
    responses: { 200: { description: 'A page of topics.', schema: page(Topic) } },
    handle: ({ zone, query }) => ok(zone.store.listTopics(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/officer-for-address',
    operationId: 'getOfficerForAddress',
    summary: 'Find the neighbourhood officer for an address',
    description:
      'Street names match regardless of case, accents, spaces and hyphens, str./straat, stwg/steenweg, ln/laan and a linking "s" ' +
      '(Dorpstraat is Dorpsstraat); a house number such as 12A counts as 12.',
    tag: 'Officers',
    auth: 'none',
    query: OfficerForAddressQuery,
    responses: {
      200: { description: 'The officer, their office and municipality.', schema: OfficerForAddress },
      404: {
        description:
          'No officer covers the address (`address_not_covered`), with `suggestions`: up to 3 streets of the zone nearest to the one given, ' +
          'in its postal code (zone-wide when the zone does not have that postal code), as `{ street, postalCode, municipality }`.',
        schema: AddressNotCoveredProblem,
        contentType: 'application/problem+json',
      },
    },
    handle: ({ zone, query }) => ok(zone.store.officerForAddress(query)),
  }),
];
