import type { HomeVisitConfirmation, HomeVisitDecline, HomeVisitInput, HomeVisitRequest, Office, Topic } from '@blauw/core';
import type { Clock } from './clock.js';
import { DomainError } from './domain-error.js';
import type { Interval } from './slots.js';
import { randomToken } from './tokens.js';
import type { ZoneStore } from './zone-store.js';
import { formatZoned } from './zoned-time.js';

const MINUTE_MS = 60_000;

/** A home-visit request as the server keeps it: the token is always there. */
export type HomeVisitRecord = HomeVisitRequest & { manageToken: string };

/**
 * Requests for the neighbourhood officer to come to the citizen's home. The officer of the
 * address gets the request; they confirm it with a time or decline it with a message, while it
 * is `requested`. The citizen follows and may cancel it through the manage link.
 */
export class HomeVisits {
  readonly #directory: ZoneStore;
  readonly #clock: Clock;
  readonly #visits = new Map<string, HomeVisitRecord>();
  /** Visit ids by manage token, so a manage link is found without a scan. */
  readonly #byToken = new Map<string, string>();
  #sequence = 0;

  constructor(options: { directory: ZoneStore; clock: Clock }) {
    this.#directory = options.directory;
    this.#clock = options.clock;
  }

  /**
   * Records a request for the officer who covers the address.
   *
   * @throws DomainError 400 `validation_failed` (`/topicId`) when the topic has no home visits;
   *   422 `address_not_covered` (`/address`) when no officer covers the address.
   */
  request(input: HomeVisitInput): HomeVisitRecord {
    const topic = topicFor(this.#directory, input.topicId);
    if (!topic.homeVisit) {
      throw new DomainError('invalid', 'validation_failed', 'This topic is handled at the office, not at home.', [
        { pointer: '/topicId', detail: `Topic ${topic.id} offers no home visits; book a meeting at the office instead.` },
      ]);
    }
    let officer;
    try {
      ({ officer } = this.#directory.officerForAddress(input.address));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'address_not_covered') {
        throw new DomainError(
          'unprocessable',
          'address_not_covered',
          error.message,
          [{ pointer: '/address', detail: 'No neighbourhood officer of this zone covers this address.' }],
          error.extensions,
        );
      }
      throw error;
    }
    const office = this.#directory.getOffice(officer.officeId);
    this.#sequence += 1;
    const now = this.#now(office);
    const visit: HomeVisitRecord = {
      id: `visit-${this.#sequence}`,
      status: 'requested',
      topicId: topic.id,
      officerId: officer.id,
      officeId: office.id,
      address: input.address,
      dayParts: input.dayParts,
      reason: input.reason,
      citizen: input.citizen,
      sequence: 0,
      manageToken: randomToken(),
      createdAt: now,
      updatedAt: now,
    };
    this.#visits.set(visit.id, visit);
    this.#byToken.set(visit.manageToken, visit.id);
    return visit;
  }

  /** @throws DomainError 404 `home_visit_not_found` */
  get(visitId: string): HomeVisitRecord {
    const visit = this.#visits.get(visitId);
    if (!visit) throw visitNotFound(visitId);
    return visit;
  }

  /** The request a manage token opens, if any. */
  byToken(token: string): HomeVisitRecord | undefined {
    return this.#visits.get(this.#byToken.get(token) ?? '');
  }

  /**
   * The officer confirms a visit at `start` for `durationMinutes` (default: the topic's).
   * `isBusy` tells whether the officer already has something at that time.
   *
   * @throws DomainError 409 `visit_not_open` unless requested; 400 when the start is past;
   *   409 `officer_busy` when the officer has a meeting, visit or absence then.
   */
  confirm(visitId: string, input: HomeVisitConfirmation, isBusy: (officerId: string, span: Interval) => boolean): HomeVisitRecord {
    const visit = this.#open(visitId);
    const topic = topicFor(this.#directory, visit.topicId);
    const start = Date.parse(input.start);
    if (start <= this.#clock.now().getTime()) {
      throw new DomainError('invalid', 'validation_failed', 'A visit is confirmed for a time still to come.', [
        { pointer: '/start', detail: 'Must be in the future.' },
      ]);
    }
    const span = { start, end: start + (input.durationMinutes ?? topic.durationMinutes) * MINUTE_MS };
    if (isBusy(visit.officerId, span)) {
      throw new DomainError('conflict', 'officer_busy', 'The officer already has a meeting, a visit or an absence at that time; choose another.');
    }
    const office = this.#directory.getOffice(visit.officeId);
    visit.status = 'confirmed';
    visit.confirmedStart = formatZoned(span.start, office.timeZone);
    visit.confirmedEnd = formatZoned(span.end, office.timeZone);
    if (input.message !== undefined) visit.officerMessage = input.message;
    return this.#touch(visit, office);
  }

  /** The officer declines a visit with a message. @throws DomainError 409 `visit_not_open` unless requested. */
  decline(visitId: string, input: HomeVisitDecline): HomeVisitRecord {
    const visit = this.#open(visitId);
    visit.status = 'declined';
    visit.officerMessage = input.message;
    return this.#touch(visit, this.#directory.getOffice(visit.officeId));
  }

  /**
   * The citizen cancels a requested or confirmed visit. Cancelling a cancelled visit changes
   * nothing and answers the same (a retried click must not fail).
   *
   * @throws DomainError 409 `visit_not_open` when it was declined.
   */
  cancel(visitId: string): HomeVisitRecord {
    const visit = this.get(visitId);
    if (visit.status === 'cancelled') return visit;
    if (visit.status === 'declined') throw new DomainError('conflict', 'visit_not_open', 'The officer declined this visit; there is nothing to cancel.');
    visit.status = 'cancelled';
    return this.#touch(visit, this.#directory.getOffice(visit.officeId));
  }

  /** An officer's visits, by creation order. */
  forOfficer(officerId: string): HomeVisitRecord[] {
    return [...this.#visits.values()].filter((visit) => visit.officerId === officerId);
  }

  /** The spans an officer's confirmed visits take. */
  busy(officerId: string): Interval[] {
    return this.forOfficer(officerId)
      .filter((visit) => visit.status === 'confirmed' && visit.confirmedStart && visit.confirmedEnd)
      .map((visit) => ({ start: Date.parse(visit.confirmedStart as string), end: Date.parse(visit.confirmedEnd as string) }));
  }

  /** Forgets every request. */
  clear(): void {
    this.#visits.clear();
    this.#byToken.clear();
    this.#sequence = 0;
  }

  #open(visitId: string): HomeVisitRecord {
    const visit = this.get(visitId);
    if (visit.status !== 'requested') {
      throw new DomainError('conflict', 'visit_not_open', `This visit is ${visit.status}; only a requested visit can be confirmed or declined.`);
    }
    return visit;
  }

  #touch(visit: HomeVisitRecord, office: Office): HomeVisitRecord {
    visit.sequence += 1;
    visit.updatedAt = this.#now(office);
    return visit;
  }

  #now(office: Office): string {
    return formatZoned(this.#clock.now(), office.timeZone);
  }
}

/**
 * The answer for a visit that is not there, and the same for one the caller may not see: an
 * officer asking about another officer's visit learns nothing, not even that it exists.
 */
export function visitNotFound(visitId: string): DomainError {
  return new DomainError('not_found', 'home_visit_not_found', `There is no home-visit request ${visitId}.`);
}

/** A topic named in a request body; an unknown one is a field error, not a missing resource. */
export function topicFor(directory: ZoneStore, topicId: string, pointer = '/topicId'): Topic {
  try {
    return directory.getTopic(topicId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'topic_not_found') {
      throw new DomainError('invalid', 'validation_failed', error.message, [{ pointer, detail: `There is no topic ${topicId}.` }]);
    }
    throw error;
  }
}
