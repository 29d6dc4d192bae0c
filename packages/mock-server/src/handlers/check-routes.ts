import { CheckAssignment, CheckSubmission, CheckSubmissionInput, CheckType, Id, page } from '@blauw/core';
import { z } from 'zod/mini';
import type { Principal } from '../domain/auth.js';
import { DomainError } from '../domain/domain-error.js';
import { PageQuery } from './query-params.js';
import { defineRoute, problemSpec, type Route } from './route.js';

// Field checks: the check types' forms, the signed-in officer's assignments, and submissions,
// which the desk keeps by client id for good (a resend days later answers 200 with the first
// result). Every route is the calling officer's: another officer's assignment is not found.

const ok = <T>(body: T) => ({ status: 200, body });

/** The statuses an assignment list can be filtered by. */
export const CHECK_ASSIGNMENT_STATUS_FILTERS = ['open', 'submitted', 'cancelled'] as const;

/** `GET /v1/check-assignments` query: `status=open,submitted` keeps those statuses. */
export const CheckAssignmentListQuery = z.extend(PageQuery, {
  status: z.optional(
    z.pipe(
      z.string().check(z.regex(/^(open|submitted|cancelled)(,(open|submitted|cancelled)){0,2}$/, 'Expected assignment statuses, comma-separated: open, submitted, cancelled.')),
      z.transform((text: string) => [...new Set(text.split(','))]),
    ),
  ),
});
/** Path parameters of `/v1/check-types/:type/versions/:version`. */
export const CheckTypeVersionParams = z.object({
  type: Id,
  version: z.pipe(z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'Expected a version number from 1.')), z.transform(Number)),
});
/** Path parameters of `/v1/check-assignments/:assignmentId`. */
export const CheckAssignmentParams = z.object({ assignmentId: Id });

/** The officer a route with `auth: 'officer'` acts for; a supervisor has no assignments of their own. */
function officerIdOf(principal: Principal): string {
  const officerId = principal.kind === 'session' ? principal.session.officerId : undefined;
  if (officerId === undefined) throw new DomainError('forbidden', 'forbidden', 'Check assignments belong to officers; sign in as one.');
  return officerId;
}

const forbiddenNoOfficer = problemSpec('The caller is signed in but is not an officer with assignments (`forbidden`).');

/** Routes of check types, check assignments and check submissions. */
export const checkRoutes: Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1/check-types',
    operationId: 'listCheckTypes',
    summary: 'List the check types, each in its latest version',
    description: 'The forms to fill in for new checks. A form already started keeps its version: fetch it by version.',
    tag: 'Checks',
    auth: 'officer',
    responses: { 200: { description: 'Every check type in its latest version.', schema: z.object({ items: z.array(CheckType) }) } },
    handle: ({ zone }) => ok({ items: zone.checks.listCheckTypes() }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/check-types/:type/versions/:version',
    operationId: 'getCheckTypeVersion',
    summary: 'Get one version of a check type’s form',
    description: 'A version never changes once served, so it may be cached for good.',
    tag: 'Checks',
    auth: 'officer',
    etag: true,
    params: CheckTypeVersionParams,
    responses: {
      200: { description: 'The form of that version.', schema: CheckType, headers: { ETag: 'Version of the representation.' } },
      404: problemSpec('No such check type, or no such version of it (`check_type_not_found`).'),
    },
    handle: ({ zone, params }) => ok(zone.checks.getCheckType(params.type, params.version)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/check-assignments',
    operationId: 'listCheckAssignments',
    summary: 'List the signed-in officer’s check assignments, soonest due first',
    description: '`status` takes a comma list (`status=open`).',
    tag: 'Checks',
    auth: 'officer',
    query: CheckAssignmentListQuery,
    responses: { 200: { description: 'A page of assignments.', schema: page(CheckAssignment) }, 403: forbiddenNoOfficer },
    handle: ({ zone, principal, query }) => ok(zone.checks.listAssignments(officerIdOf(principal), { statuses: query.status }, query)),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/check-assignments/:assignmentId',
    operationId: 'getCheckAssignment',
    summary: 'Get one of the signed-in officer’s check assignments',
    tag: 'Checks',
    auth: 'officer',
    etag: true,
    params: CheckAssignmentParams,
    responses: {
      200: { description: 'The assignment.', schema: CheckAssignment, headers: { ETag: 'Version of the representation.' } },
      403: forbiddenNoOfficer,
      404: problemSpec('No such assignment, or another officer’s (`check_assignment_not_found`).'),
    },
    handle: ({ zone, principal, params }) => ok(zone.checks.getAssignment(officerIdOf(principal), params.assignmentId)),
  }),
  defineRoute({
    method: 'post',
    path: '/v1/check-submissions',
    operationId: 'submitCheck',
    summary: 'Submit a completed check',
    description:
      'The answers are checked against the check type version named in `definitionVersion`; answers to fields hidden by ' +
      '`visibleWhen` are ignored and not stored. The server keeps `clientId` for good, beyond the Idempotency-Key’s 24 hours: ' +
      'the same `clientId` with the same body answers 200 with the first submission, whenever it comes back; with another body ' +
      'it is refused (409 `client_id_reused`). On success the assignment becomes `submitted`.',
    tag: 'Checks',
    auth: 'officer',
    body: CheckSubmissionInput,
    responses: {
      201: { description: 'The check was stored.', schema: CheckSubmission },
      200: { description: 'A resend of a check already stored (same `clientId`, same body): the first submission, nothing stored.', schema: CheckSubmission },
      403: forbiddenNoOfficer,
      404: problemSpec('No such assignment, or another officer’s (`check_assignment_not_found`).'),
      409: problemSpec(
        'The `clientId` was already used with another body (`client_id_reused`); the assignment is no longer open ' +
          '(`check_assignment_not_open`, with `assignmentStatus`); or a request with the same Idempotency-Key is still being processed (`idempotency_key_in_flight`).',
      ),
      422: problemSpec(
        'Answers missing or not valid for the version, a type that is not the assignment’s, an unknown version or a `completedAt` ' +
          'in the future (`check_answers_invalid`, `errors` point at each, e.g. `/answers/personMet`); or the Idempotency-Key was ' +
          'already used with another body (`idempotency_key_reused`).',
      ),
    },
    handle: ({ zone, principal, body }) => {
      const outcome = zone.checks.submit(officerIdOf(principal), body);
      return { status: outcome.replayed ? 200 : 201, body: outcome.submission };
    },
  }),
];
