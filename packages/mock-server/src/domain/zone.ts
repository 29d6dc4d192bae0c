import { streetNetwork } from '../seed/zone-geography.js';
import { seedZone } from '../seed/zone-seed.js';
import { BookingDesk } from './bookings.js';
import { CheckDesk, seedCheckAssignments } from './checks.js';
import { createMessaging } from './messaging-setup.js';
import type { BriefingDesk } from './briefings.js';
import type { MessagingDesk } from './messaging.js';
import { systemClock, type Clock } from './clock.js';
import { IdempotencyStore } from './idempotency.js';
import { IncidentSimulator, type IncidentSimulatorOptions } from './incident-simulator.js';
import { Mailbox, type MailRecord } from './mailbox.js';
import type { Mailer } from './mailer.js';
import { ZoneStore } from './zone-store.js';
import { RecordsDesk } from './records.js';
import { seedRecords } from '../seed/records-seed.js';

/** Options of {@link createZone}. */
export interface ZoneOptions {
  /** Seed of the fictional data; the same seed gives the same zone. Default 1. */
  seed?: number | undefined;
  /** Where "now" comes from. Default: the system clock. */
  clock?: Clock | undefined;
  /** How long a slot hold lasts, in milliseconds. Default 5 minutes. */
  holdTtlMs?: number | undefined;
  /** Sends the confirmation e-mails. Default: nothing leaves; they only land in `mailbox`. */
  mailer?: Mailer | undefined;
  /** Told when an e-mail could not be sent (it stays in the mailbox as `failed`). */
  onMailFailed?: ((record: MailRecord, error: unknown) => void) | undefined;
  /** The page e-mailed manage links open when a request names none. See {@link BookingDeskOptions.manageUrl}. */
  manageUrl?: (() => string) | undefined;
  /** Origins a request's `manageUrl` may be on. Default: any. */
  manageOrigins?: readonly string[] | undefined;
  /** How the simulated dispatch behaves: incident rate, extra events, journal retention, history. */
  incidents?: IncidentSimulatorOptions | undefined;
  /** How many check assignments the dev officer starts with. Default 12; load tests ask for hundreds. */
  checkAssignments?: number | undefined;
}

/** The mock backend's whole state: directory, idempotency keys, clock, and how to start over. */
export interface Zone {
  readonly store: ZoneStore;
  /** Availability, holds, bookings, manage links, home visits, absences and agendas. */
  readonly bookings: BookingDesk;
  readonly idempotency: IdempotencyStore;
  /**
   * The simulated dispatch: incidents, units, the live journal and the zone's map. Runs on the
   * zone's clock; call `incidents.sync()` before reading it.
   */
  readonly incidents: IncidentSimulator;
  /**
   * Field checks: the check types' forms, the officers' assignments and the submissions, kept by
   * client id for the life of the data (the idempotency keys' 24 h do not apply); `reset` clears them.
   */
  readonly checks: CheckDesk;
  /** Records look-ups (persons, vehicles, addresses) and their append-only audit trail; `reset` restores the register and starts a new trail. */
  readonly records: RecordsDesk;
  /** The e-mails sent to citizens (the last 200), with their outcome; emptied by `reset`. */
  readonly mailbox: Mailbox;
  /** Conversations, messages kept by client id, read receipts, and the messaging stream's journal. */
  readonly messaging: MessagingDesk;
  /** Operational briefings of teams and shifts, and their acknowledgements. */
  readonly briefings: BriefingDesk;
  readonly clock: Clock;
  /** The seed the current data came from. */
  readonly seed: number;
  /**
   * Restores the seeded state (optionally from another seed), drops bookings, check submissions
   * and e-mails, forgets idempotency keys, and replays the incidents' history up to now (event ids go on increasing).
   */
  reset(seed?: number): void;
}

/**
 * Creates the mock backend's state, seeded deterministically. Runs anywhere: Node, a browser,
 * a service worker.
 *
 * @example
 * ```ts
 * const zone = createZone({ seed: 7, clock: createFixedClock('2027-03-01T09:00:00+01:00') });
 * const { officer } = zone.store.officerForAddress({ postalCode, street: 'kerkstr.', houseNumber: '12A' });
 * ```
 */
export function createZone(options: ZoneOptions = {}): Zone {
  const clock = options.clock ?? systemClock;
  let seed = normalizeSeed(options.seed ?? 1);
  const data = seedZone(seed, clock);
  const store = new ZoneStore(data);
  const mailbox = new Mailbox({ clock, timeZone: store.timeZone, onFailed: options.onMailFailed });
  const bookings = new BookingDesk({
    directory: store,
    clock,
    absences: data.absences,
    holdTtlMs: options.holdTtlMs,
    mailer: options.mailer,
    mailbox,
    manageUrl: options.manageUrl,
    manageOrigins: options.manageOrigins,
  });
  const idempotency = new IdempotencyStore({ clock });
  const incidents = new IncidentSimulator({ ...options.incidents, data, network: streetNetwork(data, seed), seed, clock });
  const checkAssignments = options.checkAssignments ?? 12;
  if (!(Number.isSafeInteger(checkAssignments) && checkAssignments >= 0 && checkAssignments <= 5000)) {
    throw new RangeError(`checkAssignments must be a whole number from 0 to 5000, got ${checkAssignments}.`);
  }
  const assignments = seedCheckAssignments(data, seed, clock, checkAssignments);
  const checks = new CheckDesk({ clock, timeZone: store.timeZone, assignments });
  const records = new RecordsDesk({ clock, timeZone: store.timeZone, data: seedRecords(data, seed, clock, assignments) });
  const messaging = createMessaging({ data, clock, photos: checks.photos });
  return {
    store,
    bookings,
    checks,
    records,
    get messaging() {
      return messaging.messaging;
    },
    get briefings() {
      return messaging.briefings;
    },
    idempotency,
    incidents,
    mailbox,
    clock,
    get seed() {
      return seed;
    },
    reset(nextSeed) {
      seed = normalizeSeed(nextSeed ?? seed);
      const next = seedZone(seed, clock);
      store.replace(next);
      bookings.replace(next.absences);
      idempotency.clear();
      incidents.reset(next, streetNetwork(next, seed), seed);
      const nextAssignments = seedCheckAssignments(next, seed, clock, checkAssignments);
      checks.replace(nextAssignments);
      records.replace(seedRecords(next, seed, clock, nextAssignments));
      messaging.reset(next);
    },
  };
}

function normalizeSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`A seed is a whole number, got ${seed}.`);
  return seed;
}
