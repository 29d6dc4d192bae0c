import { CheckAssignment, CheckPhotoUpload, CheckSubmission, CheckSubmissionInput, CheckType, Id, page } from '@blauw/core';
import { z } from 'zod/mini';
import type { Principal } from '../domain/auth.js';
import { MAX_CHECK_PHOTO_BYTES, MAX_CHECK_PHOTO_CHUNK_BYTES } from '../domain/check-photos.js';
import { DomainError } from '../domain/domain-error.js';
import { problem } from './problem.js';
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

/** Path parameters of `/v1/check-photos/:photoId`: the UUID the device gave the photo. */
export const CheckPhotoParams = z.object({ photoId: z.uuid() });

/** A chunk's place in its photo, from `Content-Range: bytes START-END/TOTAL` (END inclusive, as in RFC 9110). */
export function parseContentRange(header: string | null): { start: number; end: number; total: number } {
  const match = /^bytes (\d{1,9})-(\d{1,9})\/(\d{1,9})$/.exec((header ?? '').trim());
  const range = match === null ? undefined : { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
  if (range === undefined || range.end < range.start || range.end >= range.total) {
    throw new DomainError('invalid', 'validation_failed', 'Send each chunk with Content-Range: bytes START-END/TOTAL, END inclusive and below TOTAL.', [
      { pointer: '/headers/content-range', detail: header === null ? 'Missing.' : 'Expected bytes START-END/TOTAL.' },
    ]);
  }
  return range;
}

/** The officer a route with `auth: 'officer'` acts for; a supervisor has no assignments of their own. */
function officerIdOf(principal: Principal): string {
  const officerId = principal.kind === 'session' ? principal.session.officerId : undefined;
  if (officerId === undefined) throw new DomainError('forbidden', 'forbidden', 'Check assignments belong to officers; sign in as one.');
  return officerId;
}

// 413 is not a status a domain error maps to: a too large photo is answered here.
const tooLargeProblem = (instance: string, detail: string) => ({
  status: 413,
  body: problem(413, 'check_photo_too_large', { detail, instance, extensions: { maxBytes: MAX_CHECK_PHOTO_BYTES } }),
});

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
  defineRoute({
    method: 'get',
    path: '/v1/check-photos/:photoId',
    operationId: 'getCheckPhotoUpload',
    summary: 'How much of one of the signed-in officer’s check photos the server holds',
    description: 'Ask before uploading a photo, and after a reload, to resume from `received`.',
    tag: 'Checks',
    auth: 'officer',
    params: CheckPhotoParams,
    responses: {
      200: { description: 'What the server holds of the photo.', schema: CheckPhotoUpload },
      403: forbiddenNoOfficer,
      404: problemSpec('Nothing of this photo was received yet, or it is another officer’s (`check_photo_not_found`).'),
    },
    handle: ({ zone, principal, params }) => ok(zone.checks.photos.get(officerIdOf(principal), params.photoId)),
  }),
  defineRoute({
    method: 'put',
    path: '/v1/check-photos/:photoId',
    operationId: 'putCheckPhotoChunk',
    summary: 'Upload one chunk of a check photo',
    description:
      'The body is the chunk’s raw bytes (`Content-Type: image/jpeg`), placed by `Content-Range: bytes START-END/TOTAL` ' +
      `(END inclusive; TOTAL at most ${MAX_CHECK_PHOTO_BYTES} bytes, a chunk at most ${MAX_CHECK_PHOTO_CHUNK_BYTES} bytes, and at most 64 kB ` +
      'through the Node server). A chunk starts where the bytes the server holds end; one that repeats bytes already held (a resend after a ' +
      'lost answer) changes nothing and answers 200 with the state, as does any chunk to a complete photo. The chunk that completes the photo ' +
      'answers 201; a photo that is not a JPEG then is discarded (422 `check_photo_not_jpeg`). Only the officer who sent the first chunk ' +
      'sees the photo; a submission’s `photo` answer may name it once complete.',
    tag: 'Checks',
    auth: 'officer',
    params: CheckPhotoParams,
    requestHeaders: {
      'Content-Range': 'Required: `bytes START-END/TOTAL`, the chunk’s first and last byte (inclusive) and the photo’s size.',
    },
    responses: {
      200: { description: 'The chunk was taken, or was already held, or the photo was already complete: what the server holds.', schema: CheckPhotoUpload },
      201: { description: 'The chunk completed the photo.', schema: CheckPhotoUpload },
      400: problemSpec('No or a malformed `Content-Range`, or a body whose length is not the range’s (`validation_failed`).'),
      403: forbiddenNoOfficer,
      404: problemSpec('Another officer’s photo (`check_photo_not_found`).'),
      409: problemSpec(
        'The chunk does not start where the server’s bytes end (`check_photo_offset_mismatch`, with `received`: continue from there, see ' +
          'CheckPhotoOffsetProblem); the photo was begun with another size or type (`check_photo_size_mismatch`, with `size` and `received`); ' +
          'or the officer holds too many photo bytes (`check_photo_quota_exceeded`).',
      ),
      413: problemSpec(`The photo is larger than ${MAX_CHECK_PHOTO_BYTES} bytes, or the chunk larger than ${MAX_CHECK_PHOTO_CHUNK_BYTES} (\`check_photo_too_large\`).`),
      422: problemSpec('The chunk is not `image/jpeg` (`check_photo_media_type`), or the completed photo is not a JPEG (`check_photo_not_jpeg`).'),
    },
    handle: async ({ zone, principal, params, request, url }) => {
      const officerId = officerIdOf(principal);
      const range = parseContentRange(request.headers.get('Content-Range'));
      // Refused before the body is read: a service worker has no body limit of its own.
      if (range.total > MAX_CHECK_PHOTO_BYTES) return tooLargeProblem(url.pathname, `A check photo is at most ${MAX_CHECK_PHOTO_BYTES} bytes; downscale it first.`);
      if (range.end - range.start + 1 > MAX_CHECK_PHOTO_CHUNK_BYTES) return tooLargeProblem(url.pathname, `A chunk is at most ${MAX_CHECK_PHOTO_CHUNK_BYTES} bytes.`);
      const mediaType = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const data = new Uint8Array(await request.arrayBuffer());
      if (data.length !== range.end - range.start + 1) {
        throw new DomainError('invalid', 'validation_failed', 'The body is not as long as its Content-Range says.', [
          { pointer: '/headers/content-range', detail: `Says ${range.end - range.start + 1} bytes; the body has ${data.length}.` },
        ]);
      }
      const outcome = zone.checks.photos.putChunk(officerId, params.photoId, { start: range.start, total: range.total, mediaType, data });
      return { status: outcome.completed ? 201 : 200, body: outcome.photo };
    },
  }),
];
