import type { FieldError, Problem } from '@blauw/core';

/** Problem `type` URIs are this base plus the problem's `code`. */
export const PROBLEM_TYPE_BASE = 'https://blauw.example/problems/';

// One title per code: RFC 9457 wants the title to stay the same for every occurrence of a type.
const TITLES: Record<string, string> = {
  validation_failed: 'The request is not valid',
  invalid_json: 'The request body is not valid JSON',
  invalid_cursor: 'The cursor is not valid',
  unsupported_media_type: 'The request body must be JSON',
  unauthenticated: 'Authentication required',
  invalid_token: 'The bearer token is not valid',
  forbidden: 'Not allowed for this role',
  not_found: 'Not found',
  route_not_found: 'No such API route',
  method_not_allowed: 'Method not allowed on this route',
  address_not_covered: 'No neighbourhood officer covers this address',
  slot_taken: 'The slot is no longer free',
  booking_cancelled: 'The booking was cancelled',
  visit_not_open: 'The home visit is no longer open',
  visit_not_confirmed: 'The home visit has no time yet',
  visit_not_reschedulable: 'A home visit cannot be rescheduled',
  officer_busy: 'The officer is busy at that time',
  hold_limit_reached: 'This client holds as many slots as it may',
  precondition_failed: 'The resource changed since it was read',
  rate_limited: 'Too many requests',
  manage_link_not_found: 'Unknown manage link',
  idempotency_key_missing: 'Idempotency-Key header missing',
  idempotency_key_invalid: 'Idempotency-Key header not valid',
  idempotency_key_reused: 'Idempotency-Key already used with another request body',
  idempotency_key_in_flight: 'A request with this Idempotency-Key is still being processed',
  invalid_path: 'The path is not valid',
  json_too_deep: 'The request body nests too deep',
  payload_too_large: 'The request body is too large',
  headers_too_large: 'The request headers are too large',
  request_timeout: 'The request took too long to arrive',
  bad_request: 'The request could not be read',
  cross_site_refused: 'Cross-site requests are refused here',
  service_unavailable: 'Service temporarily unavailable',
  internal_error: 'Internal server error',
  response_invalid: 'The mock server produced a response that breaks its own schema',
  check_type_not_found: 'No such check type or version',
  check_assignment_not_found: 'No such check assignment',
  check_assignment_not_open: 'The check assignment is no longer open',
  check_answers_invalid: 'Some answers are missing or not valid for this check type',
  client_id_reused: 'This client id was used for another request',
  check_photo_not_found: 'No such check photo',
  check_photo_offset_mismatch: 'The chunk does not start where the photo’s bytes end',
  check_photo_size_mismatch: 'The photo was started with another size or type',
  check_photo_too_large: 'The photo is too large',
  check_photo_media_type: 'Photos must be JPEG',
  check_photo_not_jpeg: 'The photo is not a JPEG',
  check_photo_quota_exceeded: 'The officer holds as many photos as they may',
  hold_not_found: 'No such slot hold',
  home_visit_not_found: 'No such home visit',
  conversation_not_found: 'No such conversation',
  conversation_full: 'The conversation holds as many messages as it may',
  message_attachment_invalid: 'An attachment is not a photo of the sender',
  read_sequence_unknown: 'No message with that sequence',
  briefing_not_found: 'No such briefing',
  briefing_audience_unknown: 'No such team or shift',
  briefing_validity_invalid: 'The validity period is not valid',
  purpose_required: 'A look-up needs a purpose',
  purpose_invalid: 'The purpose is not valid',
  national_number_invalid: 'Not a valid national register number',
  plate_invalid: 'Not a Belgian licence plate',
  search_criteria_missing: 'The look-up has too little to search on',
};

/** The HTTP status a problem code is sent with, where it is always the same. */
export const PROBLEM_STATUS: Record<string, number> = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  invalid_path: 400,
  json_too_deep: 400,
  bad_request: 400,
  cross_site_refused: 403,
  idempotency_key_missing: 400,
  idempotency_key_invalid: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  route_not_found: 404,
  address_not_covered: 404,
  method_not_allowed: 405,
  idempotency_key_in_flight: 409,
  slot_taken: 409,
  booking_cancelled: 409,
  visit_not_open: 409,
  visit_not_confirmed: 409,
  visit_not_reschedulable: 409,
  officer_busy: 409,
  hold_limit_reached: 409,
  request_timeout: 408,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  response_invalid: 500,
  service_unavailable: 503,
};

/** Fields of a problem beyond status and code. */
export interface ProblemInit {
  detail?: string | undefined;
  errors?: FieldError[] | undefined;
  instance?: string | undefined;
  /** Extension members (RFC 9457 §3.2), e.g. `nextSlots`; they never override the standard ones. */
  extensions?: Record<string, unknown> | undefined;
}

/**
 * Builds an RFC 9457 problem document.
 *
 * @example problem(404, 'office_not_found', { detail: 'There is no office office-x.' })
 */
export function problem(status: number, code: string, init: ProblemInit = {}): Problem {
  const document: Problem = {
    ...init.extensions,
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code] ?? (code.endsWith('_not_found') ? 'Not found' : 'Request failed'),
    status,
    code,
  };
  if (init.detail !== undefined) document.detail = init.detail;
  if (init.instance !== undefined) document.instance = init.instance;
  if (init.errors !== undefined && init.errors.length > 0) document.errors = init.errors;
  return document;
}

/** A `Response` carrying a problem document as `application/problem+json`. */
export function problemResponse(document: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(document), {
    status: document.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** Turns a path of keys (as zod reports it) into an RFC 6901 JSON pointer: `['a', 0]` → `/a/0`. */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  return prefix + path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
