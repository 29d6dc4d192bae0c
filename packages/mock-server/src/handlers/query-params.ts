import { Id, IsoDate, IsoDateTime, PostalCode, noControlCharacters } from '@blauw/core';
import { z } from 'zod/mini';
import { MAX_PAGE_LIMIT } from '../domain/pagination.js';

// Query parameters arrive as strings; numbers are coerced. These could move to @blauw/core
// beside the resource that sends them.

/** `?cursor&limit` of every list. */
export const PageQuery = z.object({
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Page size, 1–200, default 50. */
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_LIMIT))),
});

/** `GET /v1/offices` query. */
export const OfficeListQuery = z.extend(PageQuery, {
  municipalityId: z.optional(Id),
});

/** `GET /v1/officers` query. */
export const OfficerListQuery = z.extend(PageQuery, {
  officeId: z.optional(Id),
  municipalityId: z.optional(Id),
});

/** `GET /v1/officer-for-address` query. */
export const OfficerForAddressQuery = z.object({
  postalCode: PostalCode,
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), noControlCharacters()),
  /** A house number starting with digits: `12`, `12A`, `12 bus 3`. */
  houseNumber: z.string().check(z.trim(), z.regex(/^\d{1,6}(\D.*)?$/, 'Expected a house number such as 12 or 12A.'), z.maxLength(20), noControlCharacters()),
});

/** Path parameters. */
export const MunicipalityParams = z.object({ municipalityId: Id });
export const OfficeParams = z.object({ officeId: Id });
export const OfficerParams = z.object({ officerId: Id });
export const ClosureParams = z.object({ officeId: Id, closureId: Id });

/** `GET /v1/availability` query: a topic, an office or an officer, and a range of dates (at most 62 days). */
export const AvailabilityQuery = z.object({
  topicId: Id,
  /** The office whose free slots to show (one per start time). */
  officeId: z.optional(Id),
  /** The officer whose free slots to show (only theirs). */
  officerId: z.optional(Id),
  /** First date, in the office's time zone. */
  from: IsoDate,
  /** Last date (inclusive), at most 61 days after `from`. */
  to: IsoDate,
});

/** `GET /v1/officers/:officerId/agenda` query: a range of dates (at most 62 days). */
export const AgendaQuery = z.object({ from: IsoDate, to: IsoDate });

/** The most days one `from`/`to` range may span (inclusive). */
export const MAX_QUERY_RANGE_DAYS = 62;
/** How far back a range may start: a year. */
export const MAX_PAST_DAYS = 365;
/** How far past the furthest booking horizon a range may reach (a calendar shows the next month or so). */
export const MAX_BEYOND_HORIZON_DAYS = 92;
/** Queries whose `from`/`to` the framework checks against the zone's clock before the handler runs. */
export const DATE_RANGE_QUERIES: ReadonlySet<z.ZodMiniType> = new Set<z.ZodMiniType>([AvailabilityQuery, AgendaQuery]);

export const HoldParams = z.object({ holdId: Id });
/** A manage token: 32 random bytes as base64url (43 characters); other lengths are accepted up to 128. */
export const ManageParams = z.object({ manageToken: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/)) });
export const VisitParams = z.object({ visitId: Id });

// Incidents. Lists of values travel comma-separated (`priority=1,2`), as the SDK sends them.

/** A comma-separated list of `values` (each at most once), read as an array. */
function commaList<T extends string>(values: readonly T[], what: string) {
  const pattern = new RegExp(`^(${values.join('|')})(,(${values.join('|')})){0,${values.length - 1}}$`);
  return z.pipe(
    z.string().check(z.regex(pattern, `Expected ${what}, comma-separated: ${values.join(', ')}.`)),
    z.transform((text: string) => [...new Set(text.split(','))] as T[]),
  );
}

/** `priority=1,2`: incident priorities, whole numbers 1–9 (the dispatch uses 1–4 today). */
const PriorityList = z.pipe(
  z.string().check(z.regex(/^[1-9](,[1-9]){0,8}$/, 'Expected priorities 1–9, comma-separated, e.g. 1,2.')),
  z.transform((text: string) => [...new Set(text.split(',').map(Number))]),
);

/** A unit's call sign, e.g. `SCH-21`. */
const CallSign = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}$/, 'Expected a call sign such as SCH-21.'));

/** The statuses an incident list can be filtered by; `open` means every status but `closed`. */
export const INCIDENT_STATUS_FILTERS = ['open', 'assigned', 'en_route', 'on_scene', 'closed'] as const;
/** The statuses a unit list can be filtered by. */
export const UNIT_STATUS_FILTERS = ['available', 'dispatched', 'en_route', 'on_scene', 'unavailable'] as const;

/** `GET /v1/incidents` query. */
export const IncidentListQuery = z.extend(PageQuery, {
  /** Only incidents in these statuses (`open` = not closed). */
  status: z.optional(commaList(INCIDENT_STATUS_FILTERS, 'incident statuses')),
  /** Only incidents of these priorities. */
  priority: z.optional(PriorityList),
  /** Only incidents this unit is assigned to. */
  unit: z.optional(CallSign),
});

/** `GET /v1/incident-events` query. */
export const IncidentEventListQuery = z.extend(PageQuery, {
  /** Only entries before this instant. */
  before: z.optional(IsoDateTime),
  priority: z.optional(PriorityList),
  unit: z.optional(CallSign),
  incidentId: z.optional(Id),
});

/** `GET /v1/units` query. */
export const UnitListQuery = z.extend(PageQuery, {
  /** Only units in these statuses. */
  status: z.optional(commaList(UNIT_STATUS_FILTERS, 'unit statuses')),
});

/** `GET /v1/incidents/stream` query. */
export const IncidentStreamQuery = z.object({
  incidentId: z.optional(Id),
  priority: z.optional(PriorityList),
  unit: z.optional(CallSign),
});

/** Path parameters of `/v1/incidents/:incidentId` and its log. */
export const IncidentParams = z.object({ incidentId: Id });
