import type { Municipality, Office, OfficeClosure, OfficeClosureInput, Officer, OfficerForAddress, Session, Topic } from '@blauw/core';
import type { ZoneData } from '../seed/zone-seed.js';
import { coverageIncludes, houseNumberValue, nearestStreets, type StreetCandidate } from './address-match.js';
import { DomainError } from './domain-error.js';
import { paginate, type PageRequest, type PageResult } from './pagination.js';

/** An address as a citizen types it. */
export interface AddressQuery {
  postalCode: string;
  street: string;
  houseNumber: string;
}

/**
 * The zone directory: municipalities, offices, officers, topics and office closures, with the
 * queries the API offers. Pure and synchronous; holds its data in memory.
 */
export class ZoneStore {
  #data: ZoneData;
  #closureSequence: number;

  constructor(data: ZoneData) {
    this.#data = data;
    this.#closureSequence = data.closures.length;
  }

  /** The zone's display name. */
  get name(): string {
    return this.#data.name;
  }

  /** The zone's time zone (IANA), e.g. `Europe/Brussels`. */
  get timeZone(): string {
    return this.#data.timeZone;
  }

  /** Dev bearer tokens and who they stand for. */
  get tokens(): ReadonlyMap<string, Session> {
    return this.#data.tokens;
  }

  /** Replaces all data, e.g. with a freshly seeded zone. */
  replace(data: ZoneData): void {
    this.#data = data;
    this.#closureSequence = data.closures.length;
  }

  /** Municipalities, by name. */
  listMunicipalities(page: PageRequest = {}): PageResult<Municipality> {
    return paginate(this.#data.municipalities, page);
  }

  /** @throws DomainError `municipality_not_found` */
  getMunicipality(municipalityId: string): Municipality {
    const municipality = this.#data.municipalities.find((item) => item.id === municipalityId);
    if (!municipality) throw notFound('municipality_not_found', `There is no municipality ${municipalityId} in this zone.`);
    return municipality;
  }

  /** Offices, optionally only those of one municipality. */
  listOffices(filter: { municipalityId?: string | undefined } = {}, page: PageRequest = {}): PageResult<Office> {
    const offices = this.#data.offices.filter(
      (office) => filter.municipalityId === undefined || office.municipalityId === filter.municipalityId,
    );
    return paginate(offices, page);
  }

  /** @throws DomainError `office_not_found` */
  getOffice(officeId: string): Office {
    const office = this.#data.offices.find((item) => item.id === officeId);
    if (!office) throw notFound('office_not_found', `There is no office ${officeId} in this zone.`);
    return office;
  }

  /** Officers, optionally only those of one office and/or one municipality. */
  listOfficers(
    filter: { officeId?: string | undefined; municipalityId?: string | undefined } = {},
    page: PageRequest = {},
  ): PageResult<Officer> {
    const officers = this.#data.officers.filter(
      (officer) =>
        (filter.officeId === undefined || officer.officeId === filter.officeId) &&
        (filter.municipalityId === undefined || officer.municipalityId === filter.municipalityId),
    );
    return paginate(officers, page);
  }

  /** @throws DomainError `officer_not_found` */
  getOfficer(officerId: string): Officer {
    const officer = this.#data.officers.find((item) => item.id === officerId);
    if (!officer) throw notFound('officer_not_found', `There is no officer ${officerId} in this zone.`);
    return officer;
  }

  /** The booking topics. */
  listTopics(page: PageRequest = {}): PageResult<Topic> {
    return paginate(this.#data.topics, page);
  }

  /** @throws DomainError `topic_not_found` */
  getTopic(topicId: string): Topic {
    const topic = this.#data.topics.find((item) => item.id === topicId);
    if (!topic) throw notFound('topic_not_found', `There is no topic ${topicId}.`);
    return topic;
  }

  /**
   * Closures of one office, earliest first.
   *
   * @throws DomainError `office_not_found`
   */
  listClosures(officeId: string, page: PageRequest = {}): PageResult<OfficeClosure> {
    this.getOffice(officeId);
    const closures = this.#data.closures
      .filter((closure) => closure.officeId === officeId)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1));
    return paginate(closures, page);
  }

  /** @throws DomainError `office_not_found`, `closure_not_found` */
  getClosure(officeId: string, closureId: string): OfficeClosure {
    this.getOffice(officeId);
    const closure = this.#data.closures.find((item) => item.officeId === officeId && item.id === closureId);
    if (!closure) throw notFound('closure_not_found', `Office ${officeId} has no closure ${closureId}.`);
    return closure;
  }

  /**
   * Records that an office is closed from `from` to `to` (dates inclusive, in the zone's time
   * zone).
   *
   * @throws DomainError `office_not_found`; `validation_failed` when `to` is before `from`.
   */
  addClosure(officeId: string, input: OfficeClosureInput): OfficeClosure {
    this.getOffice(officeId);
    // ISO dates compare correctly as strings.
    if (input.to < input.from) {
      throw new DomainError('invalid', 'validation_failed', 'The closure ends before it starts.', [
        { pointer: '/to', detail: `Must be on or after the start date ${input.from}.` },
      ]);
    }
    this.#closureSequence += 1;
    const closure: OfficeClosure = {
      id: `closure-${this.#closureSequence}`,
      officeId,
      from: input.from,
      to: input.to,
      reason: input.reason,
    };
    this.#data.closures.push(closure);
    return closure;
  }

  /**
   * Finds the neighbourhood officer for an address, with their office and municipality.
   * Street names match regardless of case, diacritics, spaces and hyphens, `str.`/`straat`,
   * `stwg`/`steenweg`, `ln`/`laan` and a linking "s" (see `normalizeStreet`); `12A` counts as 12.
   *
   * @throws DomainError `address_not_covered` when no officer covers the address, with
   *   `suggestions`: up to 3 streets of the zone nearest to the one given, in its postal code
   *   (zone-wide when the zone does not have that postal code).
   */
  officerForAddress(address: AddressQuery): OfficerForAddress {
    if (houseNumberValue(address.houseNumber) !== undefined) {
      for (const officer of this.#data.officers) {
        if (officer.streets.some((coverage) => coverageIncludes(coverage, address))) {
          return {
            officer,
            office: this.getOffice(officer.officeId),
            municipality: this.getMunicipality(officer.municipalityId),
          };
        }
      }
    }
    throw new DomainError(
      'not_found',
      'address_not_covered',
      `No neighbourhood officer of ${this.#data.name} covers ${address.street} ${address.houseNumber}, ${address.postalCode}.`,
      [],
      { suggestions: this.#streetSuggestions(address) },
    );
  }

  #streetSuggestions(address: AddressQuery): StreetCandidate[] {
    const streets = new Map<string, StreetCandidate>();
    for (const officer of this.#data.officers) {
      const municipality = this.getMunicipality(officer.municipalityId).name;
      for (const { street, postalCode } of officer.streets) streets.set(`${postalCode} ${street}`, { street, postalCode, municipality });
    }
    const all = [...streets.values()];
    const postalCode = address.postalCode.trim();
    const local = all.filter((candidate) => candidate.postalCode === postalCode);
    return nearestStreets(address.street, local.length > 0 ? local : all);
  }
}

function notFound(code: string, message: string): DomainError {
  return new DomainError('not_found', code, message);
}
