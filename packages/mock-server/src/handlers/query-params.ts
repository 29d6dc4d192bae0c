import { Id, PostalCode } from '@blauw/core';
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
  street: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** A house number starting with digits: `12`, `12A`, `12 bus 3`. */
  houseNumber: z.string().check(z.trim(), z.regex(/^\d{1,6}(\D.*)?$/, 'Expected a house number such as 12 or 12A.'), z.maxLength(20)),
});

/** Path parameters. */
export const MunicipalityParams = z.object({ municipalityId: Id });
export const OfficeParams = z.object({ officeId: Id });
export const OfficerParams = z.object({ officerId: Id });
export const ClosureParams = z.object({ officeId: Id, closureId: Id });
