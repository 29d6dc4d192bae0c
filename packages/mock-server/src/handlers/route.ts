import { Problem } from '@blauw/core';
import { z } from 'zod/mini';
import type { AuthRequirement, Principal } from '../domain/auth.js';
import { DomainError } from '../domain/domain-error.js';
import type { Zone } from '../domain/zone.js';
import type { StreamSettings } from './incident-stream.js';
import { addDays, dateInZone, daysBetween } from '../domain/zoned-time.js';
import { DATE_RANGE_QUERIES, MAX_PAST_DAYS, MAX_QUERY_RANGE_DAYS, MAX_BEYOND_HORIZON_DAYS } from './query-params.js';

/** HTTP methods the route table uses (lower case, as msw's `http.*` and OpenAPI name them). */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented response of a route. */
export interface ResponseSpec {
  description: string;
  /** Body schema; absent for bodiless responses such as 304. */
  schema?: z.ZodMiniType;
  /**
   * `application/json` for data (default), `application/problem+json` for problems, or a text
   * type such as `text/calendar`: then the handler returns the body as a string and it is sent
   * as is, with `; charset=utf-8`. `text/event-stream`: the handler returns a `ReadableStream`
   * of the events, sent as it flows, unvalidated (its frames' data are documented schemas).
   * An image type such as `image/jpeg`: the handler returns the bytes as a `Uint8Array`, sent as
   * they are with that type.
   */
  contentType?: 'application/json' | 'application/problem+json' | `text/${string}` | `image/${string}`;
  /** Response headers: name → description. */
  headers?: Record<string, string>;
}

/** What a route handler receives: validated input and who is calling. */
export interface RouteContext<P, Q, B> {
  zone: Zone;
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  /** Who is calling, for per-client limits: the caller's address over HTTP, `local` in a service worker. */
  client: string;
  request: Request;
  url: URL;
  /** How live streams behave (heartbeat, retry hint, polling), as the handlers were configured. */
  stream: StreamSettings;
}

/** What a route handler returns; the framework serializes it and checks it against the schema. */
export interface RouteResult {
  status: number;
  /** JSON data, a text for a `text/*` response, bytes for an `image/*` one, or a `ReadableStream` for `text/event-stream`. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One API operation, declared once as data. msw handlers are generated from it, the OpenAPI
 * document is generated from it, and its schemas validate the input.
 */
export interface RouteDefinition<
  P extends z.ZodMiniType = z.ZodMiniType,
  Q extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType = z.ZodMiniType,
> {
  method: HttpMethod;
  /** msw-style path including the version base, e.g. `/v1/offices/:officeId`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** OpenAPI tag, e.g. `Offices`. */
  tag: string;
  auth: AuthRequirement;
  /** Whether the route requires an `Idempotency-Key` and replays its first response (all POSTs). */
  idempotent: boolean;
  /** Whether 200 responses carry an `ETag` and honour `If-None-Match` (single-resource GETs). */
  etag: boolean;
  /** Schema of the path parameters (an object of strings). */
  params: P;
  /** Schema of the query parameters (an object; values arrive as strings). */
  query: Q;
  /** Schema of the JSON request body, if the route takes one. */
  body: B | undefined;
  /** Request headers the route reads besides the usual ones: name → description (for OpenAPI). */
  requestHeaders?: Record<string, string> | undefined;
  /** Every status the route can answer, problems included. */
  responses: Record<number, ResponseSpec>;
  handle(context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): RouteResult | Promise<RouteResult>;
}

/** A route as it sits in the table, with its input types erased. */
export type Route = RouteDefinition<z.ZodMiniType, z.ZodMiniType, z.ZodMiniType>;

/** An object schema with no members, for routes without path or query parameters. */
export const NoInput = z.object({});

/** What a route declaration spells out; the rest is filled in by {@link defineRoute}. */
export interface RouteDeclaration<P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType>
  extends Omit<RouteDefinition<P, Q, B>, 'idempotent' | 'etag' | 'params' | 'query' | 'body'> {
  idempotent?: boolean;
  etag?: boolean;
  params?: P;
  query?: Q;
  body?: B;
}

/**
 * Declares a route and completes its responses with the problems the framework itself may send
 * (400 for bad input, 401/403 for auth, 404 for unknown ids, 409/422 for idempotency, 415, 304).
 */
export function defineRoute<
  P extends z.ZodMiniType = typeof NoInput,
  Q extends z.ZodMiniType = typeof NoInput,
  B extends z.ZodMiniType = z.ZodMiniType<undefined>,
>(declaration: RouteDeclaration<P, Q, B>): Route {
  const idempotent = declaration.idempotent ?? declaration.method === 'post';
  const etag = declaration.etag ?? false;
  const responses: Record<number, ResponseSpec> = { ...declaration.responses };
  const add = (status: number, description: string) => {
    responses[status] ??= problemSpec(description);
  };
  const hasQuery = declaration.query !== undefined && (declaration.query as unknown) !== NoInput;
  if (hasQuery || declaration.body !== undefined || idempotent) add(400, 'The request is not valid; `errors` points at each wrong field.');
  if (declaration.auth !== 'none') add(401, 'No bearer token, or one that is not valid.');
  if (declaration.auth === 'supervisor') add(403, 'The caller is not a supervisor.');
  if (pathParamNames(declaration.path).length > 0) add(404, 'No such resource.');
  if (idempotent) {
    add(409, 'A request with the same Idempotency-Key is still being processed; retry later.');
    add(422, 'The Idempotency-Key was already used with another request body.');
  }
  if (declaration.body !== undefined) add(415, 'The request body is not `application/json`.');
  if (etag) responses[304] ??= { description: 'Not modified since the ETag given in `If-None-Match`.' };
  const dated = declaration.query !== undefined && DATE_RANGE_QUERIES.has(declaration.query);
  const route: RouteDefinition<P, Q, B> = {
    ...declaration,
    // A range of dates is checked against the zone's clock before the handler walks it, so no
    // query can make the server walk days from 1583 or to 9999.
    handle: dated
      ? (context) => {
          checkDateWindow(context.zone, context.query as { from: string; to: string });
          return declaration.handle(context);
        }
      : declaration.handle,
    idempotent,
    etag,
    params: declaration.params ?? (NoInput as unknown as P),
    query: declaration.query ?? (NoInput as unknown as Q),
    body: declaration.body,
    responses,
  };
  // The handler's parameter types are erased in the table; the framework validates input with
  // the same schemas before calling it, so the erased types hold.
  return route as unknown as Route;
}

/** A problem response as documented in the table. */
export function problemSpec(description: string): ResponseSpec {
  return { description, schema: Problem, contentType: 'application/problem+json' };
}

/** `/v1/offices/:officeId` → `/v1/offices/{officeId}`, for OpenAPI. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** The names of a path's parameters: `/v1/offices/:officeId` → `['officeId']`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
}

/**
 * Refuses (400 `validation_failed`, pointing at the field) a `from`/`to` query that ends before
 * it starts, spans more than {@link MAX_QUERY_RANGE_DAYS} days, starts more than a year before
 * today, or ends more than {@link MAX_BEYOND_HORIZON_DAYS} days after the furthest booking
 * horizon of the zone's offices (a calendar still shows the month after the horizon, with "this
 * month opens on …"). Today is the zone clock's date in the zone's time zone.
 */
export function checkDateWindow(zone: Zone, range: { from: string; to: string }): void {
  const refuse = (pointer: string, message: string, detail: string) => {
    throw new DomainError('invalid', 'validation_failed', message, [{ pointer, detail }]);
  };
  const today = dateInZone(zone.clock.now(), zone.store.timeZone);
  const earliest = addDays(today, -MAX_PAST_DAYS);
  const horizon = Math.max(0, ...zone.store.listOffices({}, { limit: 200 }).items.map((office) => office.horizonDays));
  const latest = addDays(today, horizon + MAX_BEYOND_HORIZON_DAYS);
  if (range.from < earliest) refuse('/query/from', 'The range starts too far in the past.', `Must be on or after ${earliest}.`);
  if (range.from > latest) refuse('/query/from', 'The range starts too far in the future.', `Must be on or before ${latest}.`);
  if (range.to < range.from) refuse('/query/to', 'The range ends before it starts.', `Must be on or after ${range.from}.`);
  if (daysBetween(range.from, range.to) + 1 > MAX_QUERY_RANGE_DAYS) {
    refuse('/query/to', `Ask for at most ${MAX_QUERY_RANGE_DAYS} days at once.`, `Must be at most ${MAX_QUERY_RANGE_DAYS - 1} days after ${range.from}.`);
  }
  if (range.to > latest) refuse('/query/to', 'The range ends too far in the future.', `Must be on or before ${latest}.`);
}
