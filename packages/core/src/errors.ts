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
  /** The request that failed, e.g. `GET /v1/offices`, for logs without personal data. */
  request?: string | undefined;
}

/**
 * Base class of every error the SDK throws. Switch on `kind`, or use `instanceof` with a subclass.
 *
 * @example
 * ```ts
 * try { await client.zone.office({ officeId }); }
 * catch (error) { if (error instanceof NotFoundError) showMissingOffice(); else throw error; }
 * ```
 *
 * @category Errors
 */
export class BlauwError extends Error {
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;
  /** The problem document, when the failure came from a response. */
  readonly problem: Problem | undefined;
  /** The request that failed (`METHOD /path`), without query or body. */
  readonly request: string | undefined;

  constructor(kind: ErrorKind, message: string, init: BlauwErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem;
    this.request = init.request;
  }

  /** The machine-readable reason from the problem document (`slot_taken`, …), if any. */
  get code(): string | undefined {
    return this.problem?.code;
  }
}

/**
 * The request was refused because of its content (400 or 422). `fieldErrors` point into the request body.
 *
 * @category Errors
 */
export class ValidationError extends BlauwError {
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
export class NotFoundError extends BlauwError {
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
export class ConflictError extends BlauwError {
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
export class UnauthenticatedError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('unauthenticated', message, init);
  }
}

/**
 * The credentials are valid but the role may not do this (403).
 *
 * @category Errors
 */
export class ForbiddenError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('forbidden', message, init);
  }
}

/**
 * Too many requests (429), after the retries allowed. `retryAfter` is in seconds, when the server said.
 *
 * @category Errors
 */
export class RateLimitedError extends BlauwError {
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
export class NetworkError extends BlauwError {
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
export class TimeoutError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('timeout', message, init);
  }
}

/**
 * The response body did not match the schema the SDK expects. `issues` are zod's.
 *
 * @category Errors
 */
export class ResponseShapeError extends BlauwError {
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
export class ServerError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('server', message, init);
  }
}

/**
 * The caller aborted the request through its `AbortSignal`.
 *
 * @category Errors
 */
export class AbortedError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('aborted', message, init);
  }
}

/**
 * The SDK was used wrongly (no base URL, a widget without a client, …): a developer's mistake, not the user's.
 *
 * @category Errors
 */
export class ConfigurationError extends BlauwError {
  constructor(message: string, init: BlauwErrorInit = {}) {
    super('configuration', message, init);
  }
}
