import type { Slot, StreetSuggestion } from './schemas/booking.js';
import type { FieldError, Problem } from './schemas/common.js';

/**
 * What went wrong, as a widget or caller branches on it.
 *
 * @category Errors
 */
export type ErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'response_shape'
  | 'server'
  | 'aborted'
  | 'configuration';

/**
 * Fields every Blauw error can be built from.
 *
 * @category Errors
 */
export interface BlauwErrorInit {
  /** HTTP status, when a response was received. */
  status?: number | undefined;
  /** The RFC 9457 problem document, as sent by the server or synthesized from a bare response. */
  problem?: Problem | undefined;
  /** The underlying error (a `TypeError` from fetch, a `ZodError`, …). */
  cause?: unknown;
  /** The request that failed, e.g. `GET /v1/offices/*`, for logs without personal data. */
  request?: string | undefined;
  /** The server's `X-Request-Id` for the failed exchange, to quote to the zone's API team. */
  requestId?: string | undefined;
}

/**
 * A problem `code` the contract defines for this kind of error, or one it adds later: compare
 * with the known ones and treat any other as the kind alone.
 *
 * @category Errors
 */
export type ProblemCode<Known extends string> = Known | (string & {});

// Marks Blauw errors across copies of the package: a page can hold two (two CDN files of
// different versions, an app and a library), and `instanceof` only knows its own copy's classes.
const brand = Symbol.for('blauw.error');

/**
 * Whether a value is an error thrown by Blauw, from this copy of `@blauw/core` or any other.
 * Prefer it (then `kind`) over `instanceof`, which only recognises this copy's classes.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isBlauwError(error) && error.kind === 'rate_limited') retryIn(error.retryAfter);
 * }
 * ```
 *
 * @category Errors
 */
export function isBlauwError(value: unknown): value is BlauwError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * What every Blauw error carries; the classes below extend it. Code that catches uses the
 * {@link BlauwError} union instead, which narrows on `kind`.
 *
 * @category Errors
 */
export abstract class BlauwErrorBase extends Error {
  /** What went wrong; narrows {@link BlauwError} to one class. */
  readonly kind: ErrorKind;
  /** The machine-readable reason from the problem document (`slot_taken`, …), if any. */
  readonly code: string | undefined;
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;
  /** The problem document, when the failure came from a response. */
  readonly problem: Problem | undefined;
  /** The request that failed (`METHOD /path`, ids as `*`), without query or body. */
  readonly request: string | undefined;
  /** The server's `X-Request-Id` for the failed exchange, when it sent one. */
  readonly requestId: string | undefined;

  constructor(kind: ErrorKind, message: string, init: BlauwErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, brand, { value: true });
    this.name = new.target.name;
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem;
    this.code = init.problem?.code;
    this.request = init.request;
    this.requestId = init.requestId;
  }

  /** `TimeoutError: GET /v1/offices got no answer … (request id 4f1c…)`: the line to paste into a ticket. */
  override toString(): string {
    return `${super.toString()}${this.requestId === undefined ? '' : ` (request id ${this.requestId})`}`;
  }

  /** `instanceof BlauwError` (the base) recognises errors of every copy of the package, as {@link isBlauwError}. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never) => T, value: unknown): value is T {
    return (this as unknown) === BlauwErrorBase ? isBlauwError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * Every error the SDK throws, as a union that narrows on `kind`:
 * `if (error.kind === 'rate_limited') error.retryAfter` compiles. As a value, `BlauwError` is the
 * base class, for `instanceof` (which also recognises other copies of the package).
 *
 * @example
 * ```ts
 * try { await client.zone.office({ officeId }); }
 * catch (error) {
 *   if (!isBlauwError(error)) throw error;
 *   switch (error.kind) {
 *     case 'not_found': return showMissingOffice();
 *     case 'rate_limited': return retryIn(error.retryAfter);
 *     case 'validation': return showFieldErrors(error.fieldErrors);
 *     default: throw error;
 *   }
 * }
 * ```
 *
 * @category Errors
 */
export type BlauwError =
  | ValidationError
  | NotFoundError
  | ConflictError
  | UnauthenticatedError
  | ForbiddenError
  | RateLimitedError
  | NetworkError
  | TimeoutError
  | ResponseShapeError
  | ServerError
  | AbortedError
  | ConfigurationError;

/**
 * The base class as a value: `error instanceof BlauwError` narrows to the {@link BlauwError} union.
 *
 * @category Errors
 */
export const BlauwError = BlauwErrorBase as unknown as {
  readonly prototype: BlauwErrorBase;
  [Symbol.hasInstance](value: unknown): value is BlauwError;
};

/**
 * The request was refused because of its content (400 or 422). `fieldErrors` point into the request body.
 *
 * @category Errors
 */
export class ValidationError extends BlauwErrorBase {
  declare readonly kind: 'validation';
  declare readonly code: ProblemCode<ValidationCode> | undefined;
  /** Field errors with RFC 6901 JSON pointers, e.g. `{ pointer: '/citizen/email', detail: '…' }`. */
  readonly fieldErrors: readonly FieldError[];
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('validation', message, init);
    this.fieldErrors = init.problem?.errors ?? [];
  }
}

/**
 * The resource does not exist (404 or 410).
 *
 * @category Errors
 */
export class NotFoundError extends BlauwErrorBase {
  declare readonly kind: 'not_found';
  declare readonly code: ProblemCode<NotFoundCode> | undefined;
  /**
   * With `code === 'address_not_covered'`: streets of the zone close to the one asked for,
   * nearest first, to offer as "did you mean"; otherwise empty.
   */
  readonly suggestions: readonly StreetSuggestion[];
  constructor(message: string, init: BlauwErrorInit & { suggestions?: readonly StreetSuggestion[] | undefined } = {}) {
    super('not_found', message, init);
    this.suggestions = init.suggestions ?? [];
  }
}

/**
 * The request conflicts with the current state (409 or 412); `code` says why, e.g. `slot_taken`.
 *
 * @category Errors
 */
export class ConflictError extends BlauwErrorBase {
  declare readonly kind: 'conflict';
  declare readonly code: ProblemCode<ConflictCode> | undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('conflict', message, init);
  }
}

/**
 * Someone else got the slot first (`409` with `code === 'slot_taken'`), when holding, booking or
 * rescheduling. `nextSlots` are free slots close to the one asked for, so the citizen can pick
 * another without starting over; empty when the server sent none (or none the SDK could read).
 *
 * @example
 * ```ts
 * try {
 *   await client.booking.book({ slotId, topicId, citizen });
 * } catch (error) {
 *   if (error instanceof SlotTakenError) offerSlots(error.nextSlots); // keep the form filled in
 *   else throw error;
 * }
 * ```
 *
 * @category Errors
 */
export class SlotTakenError extends ConflictError {
  declare readonly code: 'slot_taken';
  /** Free slots near the one that was taken, earliest first, as the server proposed them. */
  readonly nextSlots: readonly Slot[];
  constructor(message: string, init: BlauwErrorInit & { nextSlots?: readonly Slot[] | undefined } = {}) {
    super(message, init);
    this.nextSlots = init.nextSlots ?? [];
  }
}

/**
 * No valid credentials (401), also after one token refresh.
 *
 * @category Errors
 */
export class UnauthenticatedError extends BlauwErrorBase {
  declare readonly kind: 'unauthenticated';
  declare readonly code: ProblemCode<UnauthenticatedCode> | undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('unauthenticated', message, init);
  }
}

/**
 * The credentials are valid but the role may not do this (403).
 *
 * @category Errors
 */
export class ForbiddenError extends BlauwErrorBase {
  declare readonly kind: 'forbidden';
  declare readonly code: ProblemCode<ForbiddenCode> | undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('forbidden', message, init);
  }
}

/**
 * Too many requests (429), after the retries allowed. `retryAfter` is in seconds, when the server said.
 *
 * @category Errors
 */
export class RateLimitedError extends BlauwErrorBase {
  declare readonly kind: 'rate_limited';
  declare readonly code: ProblemCode<'rate_limited'> | undefined;
  /** Seconds the server asked to wait, from `Retry-After`. */
  readonly retryAfter: number | undefined;
  constructor(message: string, init: BlauwErrorInit & { retryAfter?: number | undefined } = {}) {
    super('rate_limited', message, init);
    this.retryAfter = init.retryAfter;
  }
}

/**
 * The server could not be reached (offline, DNS, connection dropped), after the retries allowed.
 *
 * @category Errors
 */
export class NetworkError extends BlauwErrorBase {
  declare readonly kind: 'network';
  declare readonly code: undefined;
  /** Whether the browser reported itself offline when the request failed. */
  readonly offline: boolean;
  constructor(message: string, init: BlauwErrorInit & { offline?: boolean } = {}) {
    super('network', message, init);
    this.offline = init.offline ?? false;
  }
}

/**
 * The request took longer than its timeout.
 *
 * @category Errors
 */
export class TimeoutError extends BlauwErrorBase {
  declare readonly kind: 'timeout';
  declare readonly code: undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('timeout', message, init);
  }
}

/**
 * The response body did not match the schema the SDK expects. `issues` are zod's.
 *
 * @category Errors
 */
export class ResponseShapeError extends BlauwErrorBase {
  declare readonly kind: 'response_shape';
  declare readonly code: undefined;
  /** Where the body differed from the schema. */
  readonly issues: readonly { path: PropertyKey[]; message: string }[];
  constructor(message: string, init: BlauwErrorInit & { issues?: readonly { path: PropertyKey[]; message: string }[] } = {}) {
    super('response_shape', message, init);
    this.issues = init.issues ?? [];
  }
}

/**
 * The server failed (5xx) after the retries allowed, or answered with a status the SDK does not expect.
 *
 * @category Errors
 */
export class ServerError extends BlauwErrorBase {
  declare readonly kind: 'server';
  declare readonly code: ProblemCode<ServerCode> | undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('server', message, init);
  }
}

/**
 * The caller aborted the request through its `AbortSignal`.
 *
 * @category Errors
 */
export class AbortedError extends BlauwErrorBase {
  declare readonly kind: 'aborted';
  declare readonly code: undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('aborted', message, init);
  }
}

/**
 * The SDK was used wrongly (no base URL, a widget without a client, …): a developer's mistake, not the user's.
 *
 * @category Errors
 */
export class ConfigurationError extends BlauwErrorBase {
  declare readonly kind: 'configuration';
  declare readonly code: undefined;
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('configuration', message, init);
  }
}

/**
 * Codes of {@link ValidationError}: the request's content or form was refused.
 *
 * @category Errors
 */
export type ValidationCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'invalid_cursor'
  | 'invalid_path'
  | 'json_too_deep'
  | 'bad_request'
  | 'idempotency_key_missing'
  | 'idempotency_key_invalid'
  | 'idempotency_key_reused'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'check_answers_invalid'
  | 'purpose_required'
  | 'purpose_invalid'
  | 'national_number_invalid'
  | 'plate_invalid'
  | 'search_criteria_missing'
  | 'check_photo_too_large'
  | 'check_photo_media_type'
  | 'check_photo_not_jpeg'
  | 'message_attachment_invalid'
  | 'read_sequence_unknown'
  | 'briefing_audience_unknown'
  | 'briefing_validity_invalid';

/**
 * Codes of {@link NotFoundError}: which thing does not exist.
 *
 * @category Errors
 */
export type NotFoundCode =
  | 'not_found'
  | 'route_not_found'
  | 'address_not_covered'
  | 'manage_link_not_found'
  | 'municipality_not_found'
  | 'office_not_found'
  | 'officer_not_found'
  | 'topic_not_found'
  | 'hold_not_found'
  | 'home_visit_not_found'
  | 'closure_not_found'
  | 'check_type_not_found'
  | 'check_assignment_not_found'
  | 'check_photo_not_found'
  | 'conversation_not_found'
  | 'briefing_not_found';

/**
 * Codes of {@link ConflictError}: why the current state refuses the request.
 *
 * @category Errors
 */
export type ConflictCode =
  | 'slot_taken'
  | 'booking_cancelled'
  | 'visit_not_open'
  | 'visit_not_confirmed'
  | 'visit_not_reschedulable'
  | 'officer_busy'
  | 'hold_limit_reached'
  | 'idempotency_key_in_flight'
  | 'precondition_failed'
  | 'client_id_reused'
  | 'check_assignment_not_open'
  | 'check_photo_offset_mismatch'
  | 'check_photo_size_mismatch'
  | 'check_photo_quota_exceeded'
  | 'conversation_full';

/**
 * Codes of {@link UnauthenticatedError}.
 *
 * @category Errors
 */
export type UnauthenticatedCode = 'unauthenticated' | 'invalid_token';

/**
 * Codes of {@link ForbiddenError}.
 *
 * @category Errors
 */
export type ForbiddenCode = 'forbidden' | 'cross_site_refused';

/**
 * Codes of {@link ServerError} (`request_timeout`: a 408, the request arrived too slowly).
 *
 * @category Errors
 */
export type ServerCode = 'internal_error' | 'service_unavailable' | 'response_invalid' | 'request_timeout';
