// A stand-in for `client.booking` in browser tests and stories: an in-memory zone with two offices,
// one officer, free slots on weekdays, and control over timing and failures.
import {
  NotFoundError,
  paginate,
  SlotTakenError,
  type Availability,
  type Booking,
  type BookingClient,
  type ClosedDay,
  type HomeVisitRequest,
  type Managed,
  type Office,
  type OfficerForAddress,
  type Slot,
  type Topic,
} from '@blauw/core';

const text = (value: string) => ({ nl: value, fr: value, de: value, en: value });

/** A topic with the same texts in every language. */
export function bookingTopic(id: string, name: string, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    name: text(name),
    description: text(`About ${name}`),
    durationMinutes: 15,
    bring: [text('Identity card')],
    asksFacts: false,
    homeVisit: false,
    ...extra,
  };
}

/** An office in Brussels time. */
export function bookingOffice(id: string, name: string): Office {
  return {
    id,
    municipalityId: 'm-1',
    name,
    address: { street: 'Marktplein', houseNumber: '1', postalCode: '9000', municipality: 'Gent' },
    timeZone: 'Europe/Brussels',
    openingHours: [],
    minLeadMinutes: 60,
    horizonDays: 90,
  };
}

const TIME_ZONE = 'Europe/Brussels';

/** The offset of a time zone on a day, e.g. `+02:00`, so fake slots are real instants. */
function offset(date: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name === 'GMT' || name === undefined ? '+00:00' : name.slice(3);
}

/** A slot at `time` (HH:MM, Brussels) on `date`. */
export function bookingSlot(date: string, time: string, officeId = 'o-1'): Slot {
  const start = `${date}T${time}:00${offset(date, TIME_ZONE)}`;
  const end = new Date(new Date(start).getTime() + 15 * 60_000).toISOString().replace('.000Z', 'Z');
  return { id: `s-${date}-${time}${officeId === 'o-1' ? '' : `@${officeId}`}`, start, end, officeId, officerId: 'p-1' };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, count: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000));

/**
 * A pinned clock for tests: `Date.now` never runs in them, so they pass on any day, in any time
 * zone. The default instant is a Monday morning in Brussels, 2027-03-01T09:00+01:00.
 */
export const pinnedClock = (instant = '2027-03-01T08:00:00Z'): (() => number) => {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) throw new RangeError(`Not an instant: ${instant}`);
  return () => at;
};

/** Today in Brussels at `now`, as the widget computes it. */
export const brusselsToday = (now: () => number): string => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now());

/** Options of {@link fakeBookingClient}. */
export interface FakeBookingOptions {
  topics?: Topic[];
  offices?: Office[];
  /** Whether a day (after today) has free slots; defaults to Monday to Friday. */
  isFree?: (date: string) => boolean;
  /** Free times on a free day; defaults to 09:00, 09:30 and 14:00. */
  times?: string[];
  /** What `manage` returns at first. */
  managed?: Managed;
  /** Methods whose calls wait until `release()`. */
  manual?: (keyof BookingClient['booking'])[];
  /** Latency of every call, in ms. */
  latency?: number;
  /** Days the offices are closed, and why, as the server says it. */
  closed?: Record<string, ClosedDay>;
  /** The clock: days after today (in Brussels) within the offices' horizon are free. Default: {@link pinnedClock}. */
  now?: () => number;
}

type Method = keyof BookingClient['booking'];

/** The fake client, with what tests look at. */
export interface FakeBookingClient extends BookingClient {
  /** Every call: method name and its options (without the signal). */
  readonly calls: { method: Method; options: Record<string, unknown>; signal: AbortSignal | undefined }[];
  /** Makes the next call to `method` throw `error` (queued, one per call). */
  failNext(method: Method, error: Error): void;
  /** Lets waiting calls (see `manual`) go on. */
  release(): void;
  /** Calls of one method. */
  callsOf(method: Method): Record<string, unknown>[];
}

/** Fake `{ booking }` client over an in-memory zone. */
export function fakeBookingClient(options: FakeBookingOptions = {}): FakeBookingClient {
  const topics = options.topics ?? [
    bookingTopic('t-1', 'Domicile', { homeVisit: true }),
    bookingTopic('t-2', 'Neighbour dispute', { asksFacts: true, durationMinutes: 30 }),
  ];
  const offices = options.offices ?? [bookingOffice('o-1', 'Office Centre'), bookingOffice('o-2', 'Office North')];
  const isFree = options.isFree ?? ((date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() % 6 !== 0);
  const times = options.times ?? ['09:00', '09:30', '14:00'];
  const calls: FakeBookingClient['calls'] = [];
  const failures = new Map<Method, Error[]>();
  const waiting: (() => void)[] = [];
  let managed = options.managed;
  let count = 0;
  const now = options.now ?? pinnedClock();
  // Held slots are not free for anyone, the holder included, as on the real server.
  const held = new Map<string, string>();
  const stamp = () => new Date(now()).toISOString();
  const horizon = (officeId: string) => offices.find((office) => office.id === officeId)?.horizonDays ?? 90;
  const free = (date: string, officeId: string) => {
    const today = brusselsToday(now);
    return date > today && date <= addDays(today, horizon(officeId)) && isFree(date);
  };

  async function call<T>(method: Method, callOptions: Record<string, unknown>, answer: () => T): Promise<T> {
    const { signal, ...rest } = callOptions as { signal?: AbortSignal };
    calls.push({ method, options: rest, signal });
    if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
    if (options.manual?.includes(method)) await new Promise<void>((resolve) => waiting.push(resolve));
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const error = failures.get(method)?.shift();
    if (error) throw error;
    return answer();
  }

  /** A list method with `.all()`, as the SDK has: one page holding every item. */
  const list = <T>(method: 'topics' | 'offices', items: () => T[]) => {
    const page = (o: Record<string, unknown> = {}) => call(method, o, () => ({ items: items(), nextCursor: null }));
    return Object.assign(page, { all: (o: Record<string, unknown> = {}) => paginate((cursor) => page({ ...o, cursor }), o.signal as AbortSignal | undefined) });
  };

  const booking = {
    topics: list('topics', () => topics),
    offices: list('offices', () => offices),
    officerForAddress: (o: { street: string } & Record<string, unknown>) =>
      call('officerForAddress', o, (): OfficerForAddress => {
        if (!/kerk/i.test(o.street)) throw new NotFoundError('Not covered', { problem: { type: 'about:blank', title: 'Not covered', status: 404, code: 'address_not_covered' } });
        return {
          officer: { id: 'p-1', displayName: 'Inspecteur Jansens', officeId: 'o-2', municipalityId: 'm-1', languages: ['nl'], streets: [] },
          office: offices[1] ?? offices[0]!,
          municipality: { id: 'm-1', name: 'Gent', postalCodes: ['9000'], language: 'nl' },
        };
      }),
    availability: (o: { topicId: string; officeId?: string; officerId?: string; from: string; to: string }) =>
      call('availability', o, (): Availability => {
        const officeId = o.officeId ?? 'o-2';
        const days = [];
        for (let date = o.from; date <= o.to; date = addDays(date, 1)) {
          const closed = options.closed?.[date];
          const open = free(date, officeId) && !closed;
          days.push({ date, slots: open ? times.map((time) => bookingSlot(date, time, officeId)).filter((slot) => ![...held.values()].includes(slot.id)) : [], ...(closed ? { closed } : {}) });
        }
        let nextFreeDate: string | null = null;
        for (let date = addDays(o.to, 1), i = 0; i < 120 && !nextFreeDate; date = addDays(date, 1), i++) if (free(date, officeId)) nextFreeDate = date;
        return { officeId, officerId: o.officerId ?? null, topicId: o.topicId, timeZone: TIME_ZONE, from: o.from, to: o.to, days, nextFreeDate };
      }),
    hold: (o: { slotId: string; topicId: string }) =>
      call('hold', o, () => {
        const id = `h-${++count}`;
        held.set(id, o.slotId);
        return { id, slot: slotById(o.slotId), topicId: o.topicId, expiresAt: new Date(now() + 600_000).toISOString() };
      }),
    releaseHold: (o: { holdId: string }) => call('releaseHold', o, () => void held.delete(o.holdId)),
    book: (o: { slotId: string; topicId: string; citizen: Booking['citizen']; facts?: string }) =>
      call('book', o, (): Booking => {
        const at = stamp();
        const slot = slotById(o.slotId);
        const booking: Booking = { id: `b-${++count}`, status: 'confirmed', topicId: o.topicId, slot, citizen: o.citizen, ...(o.facts ? { facts: o.facts } : {}), sequence: 0, manageToken: 'tok-booked', createdAt: at, updatedAt: at };
        const office = offices.find((candidate) => candidate.id === slot.officeId) ?? offices[0]!;
        managed = { kind: 'booking', booking, topic: topics.find((t) => t.id === o.topicId)!, office, officer: { id: 'p-1', displayName: 'Inspecteur Jansens' } };
        return booking;
      }),
    manage: (o: { manageToken: string }) =>
      call('manage', o, () => {
        if (!managed) throw new NotFoundError('No such token');
        return managed;
      }),
    reschedule: (o: { manageToken: string; slotId: string }) =>
      call('reschedule', o, () => {
        if (managed?.kind !== 'booking') throw new NotFoundError('No booking');
        managed = { ...managed, booking: { ...managed.booking, slot: slotById(o.slotId), sequence: managed.booking.sequence + 1 } };
        return managed;
      }),
    cancel: (o: { manageToken: string }) =>
      call('cancel', o, () => {
        if (!managed) throw new NotFoundError('No such token');
        managed = managed.kind === 'booking' ? { ...managed, booking: { ...managed.booking, status: 'cancelled' } } : { ...managed, visit: { ...managed.visit, status: 'cancelled' } };
        return managed;
      }),
    calendarUrl: (o: { manageToken: string }) => `https://api.zone.test/v1/manage/${o.manageToken}/calendar.ics`,
    requestHomeVisit: (o: Pick<HomeVisitRequest, 'topicId' | 'address' | 'dayParts' | 'reason' | 'citizen'>) =>
      call('requestHomeVisit', o, (): HomeVisitRequest => {
        const at = stamp();
        const visit: HomeVisitRequest = { id: `v-${++count}`, status: 'requested', officerId: 'p-1', officeId: 'o-1', sequence: 0, manageToken: 'tok-visit', createdAt: at, updatedAt: at, ...o };
        managed = { kind: 'home_visit', visit, topic: topics.find((t) => t.id === o.topicId)!, office: offices[0]!, officer: { id: 'p-1', displayName: 'Inspecteur Jansens' } };
        return visit;
      }),
  };

  function slotById(id: string): Slot {
    const [, date, time, officeId] = /^s-(\d{4}-\d\d-\d\d)-(\d\d:\d\d)(?:@(.+))?$/.exec(id) ?? [];
    if (!date || !time) throw new NotFoundError('No such slot');
    return bookingSlot(date, time, officeId);
  }

  return {
    booking: booking as unknown as BookingClient['booking'],
    calls,
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    release() {
      for (const resolve of waiting.splice(0)) resolve();
    },
    callsOf(method) {
      return calls.filter((entry) => entry.method === method).map((entry) => entry.options);
    },
  };
}

/** A slot-taken error as the SDK throws it, offering `nextSlots`. */
export function slotTaken(nextSlots: Slot[]): SlotTakenError {
  return new SlotTakenError('The slot was taken.', {
    status: 409,
    problem: { type: 'about:blank', title: 'Slot taken', status: 409, code: 'slot_taken' },
    nextSlots,
  });
}

/** A managed booking for manage-mode tests, on `date` at 09:00 Brussels. */
export function managedBooking(date: string, status: Booking['status'] = 'confirmed'): Managed {
  const now = '2027-02-20T10:00:00Z';
  return {
    kind: 'booking',
    booking: { id: 'b-9', status, topicId: 't-1', slot: bookingSlot(date, '09:00'), citizen: { name: 'An Peeters', email: 'an@example.be', language: 'nl' }, sequence: 0, createdAt: now, updatedAt: now },
    topic: bookingTopic('t-1', 'Domicile', { homeVisit: true }),
    office: bookingOffice('o-1', 'Office Centre'),
    officer: { id: 'p-1', displayName: 'Inspecteur Jansens' },
  };
}

/** A managed home-visit request in the given state. */
export function managedVisit(status: HomeVisitRequest['status'], extra: Partial<HomeVisitRequest> = {}): Managed {
  const now = '2027-02-20T10:00:00Z';
  return {
    kind: 'home_visit',
    visit: {
      id: 'v-9',
      status,
      topicId: 't-1',
      officerId: 'p-1',
      officeId: 'o-1',
      address: { street: 'Kerkstraat', houseNumber: '4', postalCode: '9000', municipality: 'Gent' },
      dayParts: ['morning'],
      reason: 'Domicile check',
      citizen: { name: 'An Peeters', email: 'an@example.be', language: 'nl' },
      sequence: 0,
      createdAt: now,
      updatedAt: now,
      ...extra,
    },
    topic: bookingTopic('t-1', 'Domicile', { homeVisit: true }),
    office: bookingOffice('o-1', 'Office Centre'),
    officer: { id: 'p-1', displayName: 'Inspecteur Jansens' },
  };
}
