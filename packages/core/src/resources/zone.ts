import { page, type Page } from '../schemas/common.js';
import {
  Municipality,
  Office,
  OfficeClosure,
  Officer,
  OfficerForAddress,
  Topic,
  type OfficeClosureInput,
} from '../schemas/zone.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import { listMethod, type ListMethod } from './list-method.js';

export type { CallOptions } from '../transport/transport.js';

/**
 * Where to continue a list and how many items to get at most.
 *
 * @category Resources
 */
export interface PageOptions extends CallOptions {
  /** `nextCursor` of the previous page; omit for the first page. */
  cursor?: string | undefined;
  /** Items per page; the server caps it. */
  limit?: number | undefined;
}

const MunicipalityPage = page(Municipality);
const OfficePage = page(Office);
const OfficerPage = page(Officer);
const TopicPage = page(Topic);
const OfficeClosurePage = page(OfficeClosure);

// The three directory requests a booking page needs too. Functions rather than methods, so the
// booking resource shares them without pulling the whole zone resource into a widget's bundle.

/** `GET offices`: see {@link ZoneResource.offices}. */
export function listOffices(transport: Transport, options: { municipalityId?: string | undefined } & PageOptions): Promise<Page<Office>> {
  return transport.request({
    method: 'GET',
    path: 'offices',
    query: { municipalityId: options.municipalityId, cursor: options.cursor, limit: options.limit },
    schema: OfficePage,
    call: options,
  });
}

/** `GET topics`: see {@link ZoneResource.topics}. */
export function listTopics(transport: Transport, options: PageOptions): Promise<Page<Topic>> {
  return transport.request({
    method: 'GET',
    path: 'topics',
    query: { cursor: options.cursor, limit: options.limit },
    schema: TopicPage,
    call: options,
  });
}

/** `GET officer-for-address`: see {@link ZoneResource.officerForAddress}. */
export function findOfficerForAddress(
  transport: Transport,
  options: { postalCode: string; street: string; houseNumber: string } & CallOptions,
): Promise<OfficerForAddress> {
  return transport.request({
    method: 'GET',
    path: 'officer-for-address',
    query: { postalCode: options.postalCode, street: options.street, houseNumber: options.houseNumber },
    schema: OfficerForAddress,
    call: options,
  });
}

/**
 * The police zone itself: its municipalities, neighbourhood offices, officers, the topics a
 * citizen can book about, and office closures. Reach it as `client.zone`.
 *
 * @example
 * ```ts
 * const { officer, office } = await client.zone.officerForAddress({ postalCode: '9000', street: 'Veldstraat', houseNumber: '12' });
 * ```
 *
 * @category Resources
 */
export class ZoneResource {
  readonly #transport: Transport;

  /**
   * Lists the municipalities the zone serves, one page at a time; `.all()` walks them all.
   *
   * @example
   * ```ts
   * for await (const municipality of client.zone.municipalities.all({ signal })) names.push(municipality.name);
   * ```
   */
  readonly municipalities: ListMethod<PageOptions, Municipality>;

  /**
   * Lists neighbourhood offices, all of the zone's or those of one municipality; `.all()` walks
   * every page.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.zone.offices({ municipalityId: 'm-gent', limit: 20, signal });
   * for await (const office of client.zone.offices.all({ municipalityId: 'm-gent', signal })) render(office);
   * ```
   */
  readonly offices: ListMethod<{ municipalityId?: string | undefined } & PageOptions, Office>;

  /**
   * Lists neighbourhood officers, optionally only those of one office or municipality; `.all()`
   * walks every page.
   *
   * @example
   * ```ts
   * for await (const officer of client.zone.officers.all({ officeId: 'o-centrum', signal })) {
   *   if (officer.languages.includes('fr')) return officer;
   * }
   * ```
   */
  readonly officers: ListMethod<{ officeId?: string | undefined; municipalityId?: string | undefined } & PageOptions, Officer>;

  /**
   * Lists what a citizen can book a meeting about; `.all()` walks every page.
   *
   * @example
   * ```ts
   * const { items: topics } = await client.zone.topics({ signal });
   * ```
   */
  readonly topics: ListMethod<PageOptions, Topic>;

  /**
   * Lists the periods an office is closed; `.all()` walks every page.
   *
   * @throws {NotFoundError} when there is no such office.
   *
   * @example
   * ```ts
   * for await (const closure of client.zone.closures.all({ officeId: 'o-centrum', signal })) show(closure.from, closure.to);
   * ```
   */
  readonly closures: ListMethod<{ officeId: string } & PageOptions, OfficeClosure>;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.municipalities = listMethod((options) =>
      transport.request({
        method: 'GET',
        path: 'municipalities',
        query: { cursor: options.cursor, limit: options.limit },
        schema: MunicipalityPage,
        call: options,
      }),
    );
    this.offices = listMethod((options) => listOffices(transport, options));
    this.officers = listMethod((options) =>
      transport.request({
        method: 'GET',
        path: 'officers',
        query: {
          officeId: options.officeId,
          municipalityId: options.municipalityId,
          cursor: options.cursor,
          limit: options.limit,
        },
        schema: OfficerPage,
        call: options,
      }),
    );
    this.topics = listMethod((options) => listTopics(transport, options));
    this.closures = listMethod((options) =>
      transport.request({
        method: 'GET',
        path: path`offices/${options.officeId}/closures`,
        query: { cursor: options.cursor, limit: options.limit },
        schema: OfficeClosurePage,
        call: options,
      }),
    );
  }

  /**
   * Gets one municipality.
   *
   * @throws {NotFoundError} when the zone has no municipality with this id.
   */
  municipality(options: { municipalityId: string } & CallOptions): Promise<Municipality> {
    return this.#transport.request({
      method: 'GET',
      path: path`municipalities/${options.municipalityId}`,
      schema: Municipality,
      call: options,
    });
  }

  /**
   * Gets one office with its address and opening hours.
   *
   * @throws {NotFoundError} when there is no such office.
   */
  office(options: { officeId: string } & CallOptions): Promise<Office> {
    return this.#transport.request({
      method: 'GET',
      path: path`offices/${options.officeId}`,
      schema: Office,
      call: options,
    });
  }

  /**
   * Gets one officer and the streets they cover.
   *
   * @throws {NotFoundError} when there is no such officer.
   */
  officer(options: { officerId: string } & CallOptions): Promise<Officer> {
    return this.#transport.request({
      method: 'GET',
      path: path`officers/${options.officerId}`,
      schema: Officer,
      call: options,
    });
  }

  /**
   * Finds the neighbourhood officer who covers an address, with their office and municipality.
   * The address travels in the query string, which the SDK never puts in error messages.
   *
   * @throws {NotFoundError} with `code === 'address_not_covered'` when no officer of the zone
   *   covers the address (another zone's address, or a street not assigned yet).
   *
   * @example
   * ```ts
   * try {
   *   const { officer } = await client.zone.officerForAddress({ postalCode, street, houseNumber, signal });
   * } catch (error) {
   *   if (error instanceof NotFoundError && error.code === 'address_not_covered') offerOfficeChoice();
   *   else throw error;
   * }
   * ```
   */
  officerForAddress(
    options: { postalCode: string; street: string; houseNumber: string } & CallOptions,
  ): Promise<OfficerForAddress> {
    return findOfficerForAddress(this.#transport, options);
  }

  /**
   * Records a period an office is closed; needs a supervisor's token. Safe to retry: pass the same
   * `idempotencyKey` to repeat a write whose outcome is unknown, and the server replays it.
   *
   * @throws {ForbiddenError} when the token is not a supervisor's.
   * @throws {ValidationError} when the dates or reason are refused; see `fieldErrors`.
   *
   * @example
   * ```ts
   * const closure = await client.zone.addClosure({
   *   officeId: 'o-1',
   *   closure: { from: '2027-07-21', to: '2027-07-21', reason: 'National holiday' },
   * });
   * ```
   */
  addClosure(
    options: { officeId: string; closure: OfficeClosureInput; idempotencyKey?: string | undefined } & CallOptions,
  ): Promise<OfficeClosure> {
    return this.#transport.request({
      method: 'POST',
      path: path`offices/${options.officeId}/closures`,
      body: options.closure,
      schema: OfficeClosure,
      call: options,
      idempotencyKey: options.idempotencyKey,
    });
  }
}
