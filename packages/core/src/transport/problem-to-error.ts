import {
  type BlauwError,
  type BlauwErrorInit,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  SlotTakenError,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';
import { AddressNotCoveredProblem, SlotTakenProblem } from '../schemas/booking.js';
import { Problem } from '../schemas/common.js';

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The problem document a server sends with an error, or one built from the status line. */
export interface ReadProblem {
  problem: Problem;
  /** Why the body could not be used as a problem document (a `SyntaxError`, zod's error), if so. */
  cause?: unknown;
}

/** A problem built from the status alone, for error responses without a usable body. */
export function synthesizedProblem(status: number, statusText: string): Problem {
  return { type: 'about:blank', title: statusText || statusTitles[status] || `HTTP ${status}`, status };
}

/**
 * Reads the body of an error response as an RFC 9457 problem document. A body that is empty, not JSON (a
 * gateway's HTML page) or not a problem still yields a problem, built from the status line.
 */
export function readProblem(status: number, statusText: string, text: string): ReadProblem {
  const fallback = synthesizedProblem(status, statusText);
  if (text.trim() === '') return { problem: fallback };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { problem: fallback, cause: error };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: fallback };
  // A server that omits `title` or `status` still sent a useful `code` or `errors`; keep them.
  const parsed = Problem.safeParse({ title: fallback.title, status, ...body });
  return parsed.success ? { problem: parsed.data } : { problem: fallback, cause: parsed.error };
}

/**
 * Seconds to wait from a `Retry-After` header, in either of its forms: delay seconds (`120`) or an
 * HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** What the mapping needs to know about the failed exchange besides the problem. */
export interface ErrorContext {
  /** HTTP status of the response. */
  status: number;
  /** `METHOD /path` of the request, without query. */
  request: string;
  /** The server's `X-Request-Id`. */
  requestId?: string | undefined;
  /** Seconds from `Retry-After`, for 429. */
  retryAfter?: number | undefined;
  cause?: unknown;
}

// What each status means for the caller, and what to do about it: [error class, what happened,
// what to do]. One table instead of a branch per status keeps every widget bundle a little lighter.
type ErrorClass = new (message: string, init: BlauwErrorInit) => BlauwError;
const outcomes: Record<number, [ErrorClass, string, string]> = {
  400: [ValidationError, 'was refused', 'Correct the fields in fieldErrors (or the request) and send it again.'],
  401: [UnauthenticatedError, 'needs a valid sign-in', 'Sign in again, or check that getToken returns a current token.'],
  403: [ForbiddenError, 'is not allowed for this account', 'Ask for a role that may do this.'],
  404: [NotFoundError, 'found nothing', 'Check the identifier or reload the list it came from.'],
  409: [ConflictError, 'conflicts with the current state', 'Reload the data, then decide whether to try again.'],
  500: [ServerError, 'failed on the server', 'Try again later; nothing is wrong on your side.'],
};
// 405, 413, 415 and 431 refuse the request's form: a client bug, reported like a refused body.
for (const status of [405, 413, 415, 422, 431]) outcomes[status] = outcomes[400]!;
outcomes[410] = outcomes[404]!;
outcomes[412] = outcomes[409]!;

/** Turns an error response's problem into the error a caller branches on. */
export function problemToError(problem: Problem, context: ErrorContext): BlauwError {
  const { status, request } = context;
  const init = { status, problem, request, requestId: context.requestId, cause: context.cause };
  const what = `${request} ${status} ${problem.title}${problem.code === undefined ? '' : ` (${problem.code})`}`;

  if (status === 409 && problem.code === 'slot_taken') {
    // The slot is gone either way; a malformed `nextSlots` must not hide that, so it only costs
    // the suggestions (the zod error is kept as the cause for whoever debugs the server).
    const parsed = SlotTakenProblem.safeParse(problem);
    return new SlotTakenError(`${what}: someone else got this slot first. Offer nextSlots or another time.`, {
      ...init,
      cause: init.cause ?? (parsed.success ? undefined : parsed.error),
      nextSlots: parsed.success ? parsed.data.nextSlots : [],
    });
  }
  if (status === 404 && problem.code === 'address_not_covered') {
    // As with nextSlots: malformed suggestions cost only the suggestions.
    const parsed = AddressNotCoveredProblem.safeParse(problem);
    return new NotFoundError(`${what}: no neighbourhood officer covers this address. Offer the suggested streets or a choice of offices.`, {
      ...init,
      cause: init.cause ?? (parsed.success ? undefined : parsed.error),
      suggestions: parsed.success ? parsed.data.suggestions : [],
    });
  }
  if (status === 429) {
    const wait = context.retryAfter === undefined ? 'a moment' : `${context.retryAfter} s`;
    return new RateLimitedError(`${what}: rate limited. Wait ${wait} before trying again.`, { ...init, retryAfter: context.retryAfter });
  }
  const [ErrorType, happened, advice] =
    outcomes[status] ?? (status >= 500 ? outcomes[500]! : [ServerError, 'got an answer the SDK does not expect', "Report this to the zone's API team."]);
  return new ErrorType(`${what}: ${happened}. ${advice}`, init);
}
