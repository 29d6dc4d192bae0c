// A stand-in for the officer's device (`FieldDevice` of @blauw/core) in browser tests and stories:
// the assignments as the network or the device's cache gives them, the sync state of each, and
// control over going offline, failing and timing. Realistic, fictional people in Gent and Antwerpen.
import { NetworkError, type CheckAssignment } from '@blauw/core';
import type { AssignmentsSnapshot, CheckSyncState, StorageStatus } from '@blauw/core';
import type { CheckListDevice } from '../check-list/check-list-device.js';

/** An assignment; every field can be overridden. */
export function fakeAssignment(overrides: Partial<CheckAssignment> & { id: string }): CheckAssignment {
  return {
    type: 'domicile',
    officerId: 'officer-gent-07',
    status: 'open',
    person: { givenName: 'Jan', familyName: 'Peeters', birthDate: '1988-04-12' },
    address: { street: 'Sint-Pietersnieuwstraat', houseNumber: '41', postalCode: '9000', municipality: 'Gent' },
    dueBy: '2027-03-10T16:00:00Z',
    createdAt: '2027-03-01T08:00:00Z',
    ...overrides,
  };
}

/**
 * A week of an officer in Gent, seen at 10:00 on Wednesday 10 March 2027 in Brussels
 * (`2027-03-10T09:00:00Z`): one overdue, two due today, three later, one submitted, one cancelled.
 */
export const OFFICER_WEEK: readonly CheckAssignment[] = [
  fakeAssignment({ id: 'a-101', type: 'domicile', person: { givenName: 'Lotte', familyName: 'Claes' }, address: { street: 'Korte Meer', houseNumber: '9', box: '3', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-09T16:00:00Z', note: 'Bel aan bij de buren op nr. 11 als niemand opendoet.' }),
  fakeAssignment({ id: 'a-102', type: 'electronic_monitoring', person: { givenName: 'Kevin', familyName: 'Janssens', birthDate: '1995-11-02' }, address: { street: 'Dampoortstraat', houseNumber: '112', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-10T20:00:00Z', note: 'Huisarrest 20:00–07:00.' }),
  fakeAssignment({ id: 'a-103', type: 'residence', person: { givenName: 'Amina', familyName: 'El Idrissi' }, address: { street: 'Brugsesteenweg', houseNumber: '250', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-10T16:30:00Z' }),
  fakeAssignment({ id: 'a-104', type: 'domicile', person: { givenName: 'Pieter', familyName: 'Maes' }, address: { street: 'Turnhoutsebaan', houseNumber: '73', postalCode: '2140', municipality: 'Antwerpen' }, dueBy: '2027-03-11T11:00:00Z' }),
  fakeAssignment({ id: 'a-105', type: 'domicile', person: { givenName: 'Sofie', familyName: 'Wouters' }, address: { street: 'Lange Leemstraat', houseNumber: '18', postalCode: '2018', municipality: 'Antwerpen' }, dueBy: '2027-03-15T16:00:00Z' }),
  fakeAssignment({ id: 'a-106', type: 'vehicle_registration', person: { givenName: 'Tom', familyName: 'Verbruggen' }, address: { street: 'Overpoortstraat', houseNumber: '5', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-17T16:00:00Z' }),
  fakeAssignment({ id: 'a-107', type: 'residence', status: 'submitted', submissionId: 's-88', person: { givenName: 'Marie', familyName: 'Dubois' }, address: { street: 'Vrijdagmarkt', houseNumber: '3', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-09T12:00:00Z' }),
  fakeAssignment({ id: 'a-108', type: 'domicile', status: 'cancelled', person: { givenName: 'Ruben', familyName: 'Mertens' }, address: { street: 'Kiel', houseNumber: '2', postalCode: '2020', municipality: 'Antwerpen' }, dueBy: '2027-03-12T12:00:00Z' }),
];

/** The instant {@link OFFICER_WEEK} is seen at: 10:00 on Wednesday 10 March 2027 in Brussels. */
export const OFFICER_WEEK_NOW = '2027-03-10T09:00:00Z';

/**
 * Where the fake gets its list: `network` answers the assignments; `cache` answers the cached
 * ones with `fromCache: true` (offline with a saved list); `offline` throws the SDK's offline
 * `NetworkError` (offline, nothing saved); `error` throws `failure`.
 */
export type FakeDeviceMode = 'network' | 'cache' | 'offline' | 'error';

/** Options of {@link FakeFieldDevice}. */
export interface FakeFieldDeviceOptions {
  /** What the network gives. Default: {@link OFFICER_WEEK}. */
  assignments?: readonly CheckAssignment[];
  /** What the cache holds. Default: the same as `assignments`. */
  cached?: readonly CheckAssignment[];
  /** When the cached list was saved (ms since the epoch). */
  cachedAt?: number;
  /** When a network answer counts as saved (ms since the epoch). */
  fetchedAt?: number;
  /** The sync states by assignment id. */
  states?: Readonly<Record<string, CheckSyncState>>;
  /** Default `network`. */
  mode?: FakeDeviceMode;
  /** What `error` mode throws. Default: a `NetworkError`. */
  failure?: Error;
  /** Every `assignments()` call waits for `release()` (a loading state that stays). */
  manual?: boolean;
  /** What `syncStates()` throws (the device's storage cannot be read); by default it answers. */
  statesFailure?: Error;
  /** What the device's storage reports (default: 2.4 MB used of 1.2 GB, persisted). */
  storage?: StorageStatus;
}

/** A fake officer's device, implementing what `<blauw-check-list>` needs of a `FieldDevice`. */
export class FakeFieldDevice extends EventTarget implements CheckListDevice {
  assignmentsList: CheckAssignment[];
  cached: CheckAssignment[];
  cachedAt: number;
  fetchedAt: number;
  mode: FakeDeviceMode;
  failure: Error;
  manual: boolean;
  statesFailure: Error | undefined;
  storageStatus: StorageStatus;
  readonly states: Map<string, CheckSyncState>;
  /** How many times each method was called. */
  readonly calls = { assignments: 0, syncStates: 0 };
  /** The signal of every `assignments()` call. */
  readonly signals: (AbortSignal | undefined)[] = [];
  #waiting: (() => void)[] = [];

  constructor(options: FakeFieldDeviceOptions = {}) {
    super();
    this.assignmentsList = [...(options.assignments ?? OFFICER_WEEK)];
    this.cached = [...(options.cached ?? this.assignmentsList)];
    this.cachedAt = options.cachedAt ?? Date.parse('2027-03-10T06:45:00Z');
    this.fetchedAt = options.fetchedAt ?? Date.parse(OFFICER_WEEK_NOW);
    this.states = new Map(Object.entries(options.states ?? {}));
    this.mode = options.mode ?? 'network';
    this.failure = options.failure ?? new NetworkError('The server could not be reached.');
    this.manual = options.manual ?? false;
    this.statesFailure = options.statesFailure;
    this.storageStatus = options.storage ?? { available: true, persisted: true, usage: 2_400_000, quota: 1_200_000_000, nearlyFull: false };
  }

  async assignments(options: { signal?: AbortSignal } = {}): Promise<AssignmentsSnapshot> {
    this.calls.assignments += 1;
    this.signals.push(options.signal);
    if (this.manual) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    switch (this.mode) {
      case 'network':
        return { items: this.assignmentsList.map((a) => ({ ...a })), savedAt: this.fetchedAt, fromCache: false };
      case 'cache':
        return { items: this.cached.map((a) => ({ ...a })), savedAt: this.cachedAt, fromCache: true };
      case 'offline':
        throw new NetworkError('Offline, and no list of assignments is saved on this device.', { offline: true });
      case 'error':
        throw this.failure;
    }
  }

  async storage(): Promise<StorageStatus> {
    return this.storageStatus;
  }

  async syncStates(): Promise<Map<string, CheckSyncState>> {
    this.calls.syncStates += 1;
    if (this.statesFailure) throw this.statesFailure;
    return new Map(this.states);
  }

  /** Answers the calls waiting in `manual` mode (and stops waiting from now on). */
  release(): void {
    this.manual = false;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  /** Sets (or with `undefined` removes) an assignment's sync state and fires `change`, as a draft saved or the outbox moving would. */
  setState(id: string, state: CheckSyncState | undefined): void {
    if (state === undefined) this.states.delete(id);
    else this.states.set(id, state);
    this.dispatchEvent(new Event('change'));
  }
}
