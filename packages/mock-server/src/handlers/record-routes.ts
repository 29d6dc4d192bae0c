import {
  AddressSearchInput,
  AddressSearchResult,
  AuditEntry,
  Id,
  IsoDateTime,
  PersonSearchInput,
  PersonSearchResult,
  RecordSearchInput,
  RecordSearchResult,
  VehicleSearchInput,
  VehicleSearchResult,
  noControlCharacters,
  page,
} from '@blauw/core';
import { z } from 'zod/mini';
import type { Principal } from '../domain/auth.js';
import type { RecordsActor } from '../domain/records.js';
import { PageQuery } from './query-params.js';
import { defineRoute, problemSpec, type Route } from './route.js';

// Records look-ups: every one states a purpose and is audited, failed ones too (see
// domain/records.ts). POST because a look-up carries personal data (a national number, a name)
// that must not end up in URLs and access logs; the Idempotency-Key makes a retried look-up
// answer the first result without a second audit entry.

/** `GET /v1/records/audit` query. */
export const AuditQuery = z.extend(PageQuery, {
  officerId: z.optional(Id),
  subject: z.optional(z.string().check(z.minLength(1), z.maxLength(40), noControlCharacters())),
  from: z.optional(IsoDateTime),
  to: z.optional(IsoDateTime),
});

/** Who looks up, for the audit and the role's view. Routes here require an officer's or a supervisor's session. */
function actorOf(principal: Principal): RecordsActor {
  if (principal.kind !== 'session' || principal.session.role === 'citizen') throw new Error('records routes require an officer\'s or a supervisor\'s session');
  return { officerId: principal.session.officerId ?? 'supervisor', role: principal.session.role };
}

const ok = <T>(body: T) => ({ status: 200, body });

const LOOKUP_DESCRIPTION =
  'Every look-up states `purpose` (`code`: incident, check, traffic_control, investigation or other; `text` names the incident or check, or ' +
  'explains `other`) and writes one audit entry per source consulted (who, when, the normalised query, why, how many results). A failed ' +
  'look-up is audited too (`refused` without a valid purpose, `invalid` for a query that cannot be one). An officer sees national numbers ' +
  'masked (`85.07.30-***.**`); a supervisor sees them whole.';

const purposeProblem = 'no purpose (`purpose_required`, pointer `/purpose`) or one with an unknown code or without its required text (`purpose_invalid`, pointer `/purpose/code` or `/purpose/text`)';
const notOfficer = problemSpec('The caller is signed in but may not consult the records (`forbidden`).');

/** Routes of the records look-ups and their audit trail. */
export const recordRoutes: Route[] = [
  defineRoute({
    method: 'post',
    path: '/v1/records/persons/search',
    operationId: 'searchPersons',
    summary: 'Look up persons by national register number, or by family name and birth date',
    description: `${LOOKUP_DESCRIPTION} Audited source: \`persons\`.`,
    tag: 'Records',
    auth: 'officer',
    body: PersonSearchInput,
    responses: {
      200: { description: 'The persons found (at most 20), as the caller’s role may see them.', schema: PersonSearchResult },
      403: notOfficer,
      422: problemSpec(`${purposeProblem}; a national number that is not one (\`national_number_invalid\`, pointer \`/nationalNumber\`); neither a national number nor a family name and birth date (\`search_criteria_missing\`); or the Idempotency-Key was used with another body (\`idempotency_key_reused\`).`),
    },
    handle: ({ zone, principal, body }) => ok(zone.records.searchPersons(actorOf(principal), body)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/records/vehicles/search',
    operationId: 'searchVehicles',
    summary: 'Look up a vehicle by plate',
    description: `${LOOKUP_DESCRIPTION} The plate is read whatever its case, spaces, dots or dashes (\`1 abc 234\` is \`1-ABC-234\`). Audited source: \`vehicles\`.`,
    tag: 'Records',
    auth: 'officer',
    body: VehicleSearchInput,
    responses: {
      200: { description: 'The vehicle found, or none.', schema: VehicleSearchResult },
      403: notOfficer,
      422: problemSpec(`${purposeProblem}; a plate that cannot be a Belgian one (\`plate_invalid\`, pointer \`/plate\`); or the Idempotency-Key was used with another body (\`idempotency_key_reused\`).`),
    },
    handle: ({ zone, principal, body }) => ok(zone.records.searchVehicles(actorOf(principal), body)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/records/addresses/search',
    operationId: 'searchAddresses',
    summary: 'Look up addresses by street, house number, postal code and municipality',
    description: `${LOOKUP_DESCRIPTION} Audited source: \`addresses\`.`,
    tag: 'Records',
    auth: 'officer',
    body: AddressSearchInput,
    responses: {
      200: { description: 'The addresses found (at most 20), with their warnings.', schema: AddressSearchResult },
      403: notOfficer,
      422: problemSpec(`${purposeProblem}; no street, postal code or municipality (\`search_criteria_missing\`); or the Idempotency-Key was used with another body (\`idempotency_key_reused\`).`),
    },
    handle: ({ zone, principal, body }) => ok(zone.records.searchAddresses(actorOf(principal), body)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/records/search',
    operationId: 'searchRecords',
    summary: 'Look up anything from one search box',
    description:
      `${LOOKUP_DESCRIPTION} The query is taken for a national register number (11 digits), a plate, an address (a street with a number or a ` +
      'postal code) or a name (with a birth date if given, `Verbeke An 30/07/1985`). A person comes with their vehicles, addresses, prior ' +
      'incidents and flags; a look-up that finds persons is audited once for each of `persons`, `vehicles`, `addresses` and `incidents`.',
    tag: 'Records',
    auth: 'officer',
    body: RecordSearchInput,
    responses: {
      200: { description: 'What was found, and what the query was taken for.', schema: RecordSearchResult },
      403: notOfficer,
      422: problemSpec(`${purposeProblem}; 11 digits that are not a national number (\`national_number_invalid\`, pointer \`/query\`); or the Idempotency-Key was used with another body (\`idempotency_key_reused\`).`),
    },
    handle: ({ zone, principal, body }) => ok(zone.records.search(actorOf(principal), body)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/records/audit',
    operationId: 'listRecordAudit',
    summary: 'Query the records look-up audit trail (supervisors)',
    description:
      'Newest first. `officerId` keeps one officer’s look-ups; `subject` those that returned or asked for a record (a person or address id, a ' +
      'plate or a national number, typed in any usual way); `from` and `to` (instants, inclusive) a period. The trail is append-only: no ' +
      'operation changes or removes an entry.',
    tag: 'Records',
    auth: 'supervisor',
    query: AuditQuery,
    responses: { 200: { description: 'A page of audit entries.', schema: page(AuditEntry) } },
    handle: ({ zone, query }) => {
      const { cursor, limit, ...filter } = query;
      return ok(zone.records.audit.query(filter, { cursor, limit }));
    },
  }),
];
