import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { createBookingClient } from '../booking-client.js';
import { createClient } from '../client.js';
import type { AvailabilityOptions } from './booking.js';
import { ConfigurationError, ConflictError, NotFoundError, ResponseShapeError, SlotTakenError } from '../errors.js';
import type {
  Absence,
  Agenda,
  Availability,
  Booking,
  Citizen,
  HomeVisitRequest,
  Managed,
  Slot,
  SlotHold,
} from '../schemas/booking.js';
import type { Topic } from '../schemas/zone.js';
import { base, useMockApi } from '../testing/mock-api.js';
import { office, officer, topic as baseTopic } from '../testing/zone-fixtures.js';

const server = useMockApi();

const client = createClient({ baseUrl: base, retry: { limit: 0 } });

const topic: Topic = { ...baseTopic, asksFacts: true };
const address = { street: 'Veldstraat', houseNumber: '12', postalCode: '9000', municipality: 'Gent' };
const slot = (id: string, start = '2027-03-29T09:30:00+02:00', end = '2027-03-29T09:45:00+02:00'): Slot => ({
  id,
  start,
  end,
  officeId: 'o-1',
  officerId: 'a-1',
});
const citizen: Citizen = { name: 'An Peeters', email: 'an@example.be', language: 'nl' };
const stamp = '2027-03-20T10:00:00+01:00';
const availability: Availability = {
  officeId: 'o-1',
  officerId: null,
  topicId: 't-1',
  timeZone: 'Europe/Brussels',
  from: '2027-03-29',
  to: '2027-03-30',
  days: [
    { date: '2027-03-29', slots: [slot('s-1')] },
    { date: '2027-03-30', slots: [] },
  ],
  nextFreeDate: '2027-04-05',
};
const hold: SlotHold = { id: 'h-1', slot: slot('s-1'), topicId: 't-1', expiresAt: '2027-03-20T10:10:00+01:00' };
const booking: Booking = {
  id: 'b-1',
  status: 'confirmed',
  topicId: 't-1',
  slot: slot('s-1'),
  citizen,
  sequence: 0,
  manageToken: 'tok-1',
  createdAt: stamp,
  updatedAt: stamp,
};
const managed: Managed = { kind: 'booking', booking, topic, office, officer: { id: 'a-1', displayName: 'Inspecteur Claes' } };
const visit: HomeVisitRequest = {
  id: 'v-1',
  status: 'requested',
  topicId: 't-1',
  officerId: 'a-1',
  officeId: 'o-1',
  address,
  dayParts: ['morning'],
  reason: 'I cannot leave the house.',
  citizen,
  sequence: 0,
  manageToken: 'tok-v',
  createdAt: stamp,
  updatedAt: stamp,
};
const absence: Absence = { id: 'ab-1', officerId: 'a-1', from: '2027-04-01T00:00:00+02:00', to: '2027-04-02T00:00:00+02:00', reason: 'Training' };
const agenda: Agenda = {
  officerId: 'a-1',
  timeZone: 'Europe/Brussels',
  from: '2027-03-29',
  to: '2027-04-04',
  bookings: [booking],
  homeVisits: [visit],
  absences: [absence],
};
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Blauw//EN\r\nEND:VCALENDAR\r\n';

type Method = 'get' | 'post' | 'delete';

/** What the server saw of one request. */
interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** Answers `METHOD {base}/{route}` with `answer`, recording every request it gets. */
function serve(method: Method, route: string, answer: () => Response) {
  const seen: Seen[] = [];
  server.use(
    http[method](`${base}/${route}`, async ({ request }) => {
      const raw = await request.text();
      seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: raw === '' ? undefined : JSON.parse(raw) });
      return answer();
    }),
  );
  return seen;
}
const json = (body: JsonBodyType, status = 200) => () => HttpResponse.json(body, { status });

/** A `409 slot_taken` problem with the given `nextSlots` extension. */
const slotTaken = (nextSlots: unknown) => () =>
  HttpResponse.json(
    { type: 'https://blauw.example/problems/slot-taken', title: 'Slot taken', status: 409, code: 'slot_taken', nextSlots },
    { status: 409, headers: { 'content-type': 'application/problem+json' } },
  );

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('booking resource: finding an officer or office', () => {
  it('lists topics through the zone route', async () => {
    const seen = serve('get', 'topics', json({ items: [topic], nextCursor: null }));
    assert.deepEqual(await client.booking.topics({ limit: 20 }), { items: [topic], nextCursor: null });
    assert.equal(seen[0]?.url.search, '?limit=20');
  });

  it("lists a municipality's offices", async () => {
    const seen = serve('get', 'offices', json({ items: [office], nextCursor: 'n' }));
    assert.deepEqual(await client.booking.offices({ municipalityId: 'm-gent', cursor: 'c' }), { items: [office], nextCursor: 'n' });
    assert.equal(seen[0]?.url.search, '?municipalityId=m-gent&cursor=c');
  });

  it('walks every topic and every office of a municipality with .all(), the filter on every page', async () => {
    const twoPages = <T extends JsonBodyType>(first: T, second: T) => {
      let calls = 0;
      return () => HttpResponse.json(calls++ === 0 ? { items: [first], nextCursor: 'next' } : { items: [second], nextCursor: null });
    };
    const topics = serve('get', 'topics', twoPages(topic, { ...topic, id: 't-2' }));
    const offices = serve('get', 'offices', twoPages(office, { ...office, id: 'o-2' }));
    const ids = async (walk: AsyncIterable<{ id: string }>) => {
      const found: string[] = [];
      for await (const item of walk) found.push(item.id);
      return found;
    };
    assert.deepEqual(await ids(client.booking.topics.all()), ['t-1', 't-2']);
    assert.deepEqual(await ids(client.booking.offices.all({ municipalityId: 'm-gent' })), ['o-1', 'o-2']);
    assert.deepEqual(topics.map(({ url }) => url.search), ['', '?cursor=next']);
    assert.deepEqual(offices.map(({ url }) => url.search), ['?municipalityId=m-gent', '?municipalityId=m-gent&cursor=next']);
  });

  it('finds the officer for an address', async () => {
    const seen = serve('get', 'officer-for-address', json({ officer, office, municipality: { id: 'm-gent', name: 'Gent', postalCodes: ['9000'], language: 'nl' } }));
    const found = await client.booking.officerForAddress({ postalCode: '9000', street: 'Veldstraat', houseNumber: '12' });
    assert.equal(found.officer.id, 'a-1');
    assert.equal(seen[0]?.url.search, '?postalCode=9000&street=Veldstraat&houseNumber=12');
  });
});

describe('booking resource: availability', () => {
  it("gets an office's month of free slots for a topic", async () => {
    const seen = serve('get', 'availability', json(availability));
    const result = await client.booking.availability({ topicId: 't-1', officeId: 'o-1', from: '2027-03-29', to: '2027-03-30' });
    assert.deepEqual(result, availability);
    assert.equal(seen[0]?.url.search, '?topicId=t-1&officeId=o-1&from=2027-03-29&to=2027-03-30');
  });

  it("asks for one officer's slots when given the officer", async () => {
    const seen = serve('get', 'availability', json({ ...availability, officerId: 'a-1' }));
    const result = await client.booking.availability({ topicId: 't-1', officerId: 'a-1', from: '2027-03-29', to: '2027-03-30' });
    assert.equal(result.officerId, 'a-1');
    assert.equal(seen[0]?.url.search, '?topicId=t-1&officerId=a-1&from=2027-03-29&to=2027-03-30');
  });

  it('refuses to ask without an office or an officer, before sending anything', async () => {
    const seen = serve('get', 'availability', json(availability));
    // TypeScript refuses these options (availability-options.typetest.ts); a JavaScript caller can still pass them.
    const neither = { topicId: 't-1', from: '2027-03-29', to: '2027-03-30' } as unknown as AvailabilityOptions;
    await assert.rejects(
      client.booking.availability(neither),
      (error: unknown) => error instanceof ConfigurationError && /officeId or an officerId/.test(error.message),
    );
    await assert.rejects(client.booking.availability({ topicId: 't-1', officeId: '', from: '2027-03-29', to: '2027-03-30' }), ConfigurationError);
    assert.equal(seen.length, 0);
  });

  it('rejects availability whose days are not dates with ResponseShapeError', async () => {
    serve('get', 'availability', json({ ...availability, days: [{ date: '29/03/2027', slots: [] }] }));
    await assert.rejects(
      client.booking.availability({ topicId: 't-1', officeId: 'o-1', from: '2027-03-29', to: '2027-03-30' }),
      (error: unknown) => error instanceof ResponseShapeError && error.issues[0]?.path.join('/') === 'days/0/date',
    );
  });
});

describe('booking resource: holding and booking', () => {
  it('holds a slot with a POST that carries a fresh Idempotency-Key', async () => {
    const seen = serve('post', 'holds', json(hold, 201));
    assert.deepEqual(await client.booking.hold({ slotId: 's-1', topicId: 't-1' }), hold);
    assert.deepEqual(seen[0]?.body, { slotId: 's-1', topicId: 't-1' });
    assert.match(seen[0]?.headers.get('idempotency-key') ?? '', uuid);
  });

  it('releases a hold with a DELETE of that hold', async () => {
    const seen = serve('delete', 'holds/:id', () => new HttpResponse(null, { status: 204 }));
    assert.equal(await client.booking.releaseHold({ holdId: 'h/1' }), undefined);
    assert.equal(seen[0]?.method, 'DELETE');
    assert.equal(seen[0]?.url.pathname, '/v1/holds/h%2F1');
  });

  it('says NotFoundError when releasing a hold that has lapsed', async () => {
    serve('delete', 'holds/:id', () => HttpResponse.json({ title: 'Hold not found', status: 404 }, { status: 404 }));
    await assert.rejects(client.booking.releaseHold({ holdId: 'h-1' }), NotFoundError);
  });

  it('books a held slot, sending only the booking fields (with the page for the e-mailed link) and the given Idempotency-Key', async () => {
    const seen = serve('post', 'bookings', json(booking, 201));
    const result = await client.booking.book({
      slotId: 's-1',
      holdId: 'h-1',
      topicId: 't-1',
      citizen,
      facts: 'Stolen bicycle.',
      manageUrl: 'https://www.scheldegem.be/wijkagent',
      idempotencyKey: 'k-book',
      signal: new AbortController().signal,
    });
    assert.equal(result.manageToken, 'tok-1');
    assert.deepEqual(seen[0]?.body, {
      slotId: 's-1',
      holdId: 'h-1',
      topicId: 't-1',
      citizen,
      facts: 'Stolen bicycle.',
      manageUrl: 'https://www.scheldegem.be/wijkagent',
    });
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'k-book');
  });

  it('rejects a booking answer without its slot with ResponseShapeError', async () => {
    const { slot: _, ...withoutSlot } = booking;
    serve('post', 'bookings', json(withoutSlot, 201));
    await assert.rejects(client.booking.book({ slotId: 's-1', topicId: 't-1', citizen }), ResponseShapeError);
  });
});

describe('booking resource: a slot taken meanwhile', () => {
  const next = [slot('s-2', '2027-03-29T09:45:00+02:00', '2027-03-29T10:00:00+02:00'), slot('s-3', '2027-03-29T10:00:00+02:00', '2027-03-29T10:15:00+02:00')];

  it('rejects a booking with SlotTakenError carrying the next free slots', async () => {
    serve('post', 'bookings', slotTaken(next));
    await assert.rejects(client.booking.book({ slotId: 's-1', topicId: 't-1', citizen }), (error: unknown) => {
      assert.ok(error instanceof SlotTakenError);
      assert.ok(error instanceof ConflictError);
      assert.equal(error.kind, 'conflict');
      assert.equal(error.code, 'slot_taken');
      assert.equal(error.status, 409);
      assert.deepEqual(error.nextSlots, next);
      assert.match(error.message, /^POST \/v1\/bookings .*nextSlots/);
      return true;
    });
  });

  it('rejects a hold and a reschedule of a taken slot the same way', async () => {
    serve('post', 'holds', slotTaken(next));
    serve('post', 'manage/:token/reschedule', slotTaken(next));
    await assert.rejects(client.booking.hold({ slotId: 's-1', topicId: 't-1' }), (error: unknown) => error instanceof SlotTakenError && error.nextSlots.length === 2);
    await assert.rejects(
      client.booking.reschedule({ manageToken: 'tok-1', slotId: 's-1' }),
      (error: unknown) => error instanceof SlotTakenError && error.nextSlots[0]?.id === 's-2',
    );
  });

  it('still says SlotTakenError, with no suggestions, when nextSlots is malformed', async () => {
    serve('post', 'bookings', slotTaken([{ id: 's-2', start: 'soon' }]));
    await assert.rejects(client.booking.book({ slotId: 's-1', topicId: 't-1', citizen }), (error: unknown) => {
      assert.ok(error instanceof SlotTakenError);
      assert.deepEqual(error.nextSlots, []);
      assert.ok(error.cause !== undefined, 'keeps why the suggestions were dropped');
      return true;
    });
  });

  it('gives an empty nextSlots when the server sent none', async () => {
    serve('post', 'bookings', slotTaken(undefined));
    await assert.rejects(
      client.booking.book({ slotId: 's-1', topicId: 't-1', citizen }),
      (error: unknown) => error instanceof SlotTakenError && error.nextSlots.length === 0,
    );
  });

  it('keeps other conflicts a plain ConflictError', async () => {
    serve('post', 'bookings', () => HttpResponse.json({ title: 'Key in use', status: 409, code: 'idempotency_key_in_use' }, { status: 409 }));
    await assert.rejects(
      client.booking.book({ slotId: 's-1', topicId: 't-1', citizen }),
      (error: unknown) => error instanceof ConflictError && !(error instanceof SlotTakenError),
    );
  });
});

describe('booking resource: the manage link', () => {
  it('gets what a manage link shows, encoding the token as one segment', async () => {
    const seen = serve('get', 'manage/:token', json(managed));
    assert.deepEqual(await client.booking.manage({ manageToken: 'tok/1 é' }), managed);
    assert.equal(seen[0]?.url.pathname, '/v1/manage/tok%2F1%20%C3%A9');
  });

  it('reschedules to a held slot', async () => {
    const seen = serve('post', 'manage/:token/reschedule', json(managed));
    assert.equal((await client.booking.reschedule({ manageToken: 'tok-1', slotId: 's-2', holdId: 'h-2' })).kind, 'booking');
    assert.equal(seen[0]?.url.pathname, '/v1/manage/tok-1/reschedule');
    assert.deepEqual(seen[0]?.body, { slotId: 's-2', holdId: 'h-2' });
    assert.match(seen[0]?.headers.get('idempotency-key') ?? '', uuid);
  });

  it('cancels with an empty body', async () => {
    const cancelled: Managed = { ...managed, booking: { ...booking, status: 'cancelled', sequence: 1 } };
    const seen = serve('post', 'manage/:token/cancel', json(cancelled));
    const result = await client.booking.cancel({ manageToken: 'tok-1', idempotencyKey: 'k-cancel' });
    assert.equal(result.kind === 'booking' && result.booking.status, 'cancelled');
    assert.deepEqual(seen[0]?.body, {});
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'k-cancel');
  });

  it('gives the version of a manage view as etag, and sends it back as If-Match on reschedule and cancel', async () => {
    serve('get', 'manage/:token', () => HttpResponse.json(managed, { headers: { ETag: '"booking-1.0"' } }));
    const moved = serve('post', 'manage/:token/reschedule', () => HttpResponse.json(managed, { headers: { ETag: '"booking-1.1"' } }));
    const cancelled = serve('post', 'manage/:token/cancel', json(managed));
    const seen = await client.booking.manage({ manageToken: 'tok-1' });
    assert.equal(seen.etag, '"booking-1.0"');
    assert.equal(seen.kind, 'booking');
    const after = await client.booking.reschedule({ manageToken: 'tok-1', slotId: 's-2', ifMatch: seen.etag });
    assert.equal(moved[0]?.headers.get('if-match'), '"booking-1.0"');
    assert.equal(after.etag, '"booking-1.1"', 'the answer carries the new version');
    await client.booking.cancel({ manageToken: 'tok-1' });
    assert.equal(cancelled[0]?.headers.get('if-match'), null, 'no If-Match unless asked');
  });

  it('rejects a write against a version changed meanwhile with ConflictError precondition_failed (412)', async () => {
    serve('post', 'manage/:token/cancel', () =>
      HttpResponse.json(
        { type: 'https://blauw.example/problems/precondition_failed', title: 'Request failed', status: 412, code: 'precondition_failed' },
        { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    await assert.rejects(client.booking.cancel({ manageToken: 'tok-1', ifMatch: '"booking-1.0"' }), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.ok(!(error instanceof SlotTakenError));
      assert.equal(error.status, 412);
      assert.equal(error.code, 'precondition_failed');
      return true;
    });
  });

  it('builds the absolute calendar URL without a request, encoding the token', () => {
    assert.equal(client.booking.calendarUrl({ manageToken: 'tok/1 é?x' }), 'http://api.test/v1/manage/tok%2F1%20%C3%A9%3Fx/calendar.ics');
  });

  it('gets the calendar file as text, asking for text/calendar', async () => {
    const seen = serve('get', 'manage/:token/calendar.ics', () => new HttpResponse(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } }));
    assert.equal(await client.booking.calendar({ manageToken: 'tok-1' }), ics);
    assert.equal(seen[0]?.url.pathname, '/v1/manage/tok-1/calendar.ics');
    assert.match(seen[0]?.headers.get('accept') ?? '', /^text\/calendar\b/);
    assert.match(seen[0]?.headers.get('accept') ?? '', /application\/problem\+json/);
  });

  it('refuses a calendar answer that is not an iCalendar file', async () => {
    serve('get', 'manage/:token/calendar.ics', () => new HttpResponse('<html>Maintenance</html>', { headers: { 'content-type': 'text/html' } }));
    await assert.rejects(client.booking.calendar({ manageToken: 'tok-1' }), ResponseShapeError);
  });

  it('maps an unknown token on the calendar to NotFoundError from its problem document', async () => {
    serve('get', 'manage/:token/calendar.ics', () =>
      HttpResponse.json({ title: 'Unknown manage link', status: 404, code: 'manage_token_unknown' }, { status: 404, headers: { 'content-type': 'application/problem+json' } }),
    );
    await assert.rejects(
      client.booking.calendar({ manageToken: 'nope' }),
      (error: unknown) => error instanceof NotFoundError && error.code === 'manage_token_unknown',
    );
  });
});

describe('booking resource: home visits and the officer side', () => {
  const request = {
    topicId: 't-1',
    address,
    dayParts: ['morning' as const],
    reason: 'I cannot leave the house.',
    citizen,
    manageUrl: 'https://www.scheldegem.be/wijkagent',
  };

  it('requests a home visit, naming the page for the e-mailed link', async () => {
    const seen = serve('post', 'home-visits', json(visit, 201));
    assert.deepEqual(await client.booking.requestHomeVisit({ ...request, idempotencyKey: 'k-visit' }), visit);
    assert.deepEqual(seen[0]?.body, request);
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'k-visit');
  });

  it('confirms a home visit at a time', async () => {
    const confirmed: HomeVisitRequest = {
      ...visit,
      status: 'confirmed',
      confirmedStart: '2027-04-01T10:00:00+02:00',
      confirmedEnd: '2027-04-01T10:30:00+02:00',
      sequence: 1,
    };
    const seen = serve('post', 'home-visits/:id/confirm', json(confirmed));
    const result = await client.booking.confirmHomeVisit({ visitId: 'v-1', start: '2027-04-01T10:00:00+02:00', durationMinutes: 30 });
    assert.equal(result.status, 'confirmed');
    assert.equal(seen[0]?.url.pathname, '/v1/home-visits/v-1/confirm');
    assert.deepEqual(seen[0]?.body, { start: '2027-04-01T10:00:00+02:00', durationMinutes: 30 });
    assert.match(seen[0]?.headers.get('idempotency-key') ?? '', uuid);
  });

  it('declines a home visit with a message', async () => {
    const seen = serve('post', 'home-visits/:id/decline', json({ ...visit, status: 'declined', officerMessage: 'Please come to the office.' }));
    assert.equal((await client.booking.declineHomeVisit({ visitId: 'v-1', message: 'Please come to the office.' })).status, 'declined');
    assert.equal(seen[0]?.url.pathname, '/v1/home-visits/v-1/decline');
    assert.deepEqual(seen[0]?.body, { message: 'Please come to the office.' });
  });

  it("gets an officer's agenda over a range of days", async () => {
    const seen = serve('get', 'officers/:id/agenda', json(agenda));
    assert.deepEqual(await client.booking.agenda({ officerId: 'a-1', from: '2027-03-29', to: '2027-04-04' }), agenda);
    assert.equal(seen[0]?.url.pathname, '/v1/officers/a-1/agenda');
    assert.equal(seen[0]?.url.search, '?from=2027-03-29&to=2027-04-04');
  });

  it('records an absence', async () => {
    const seen = serve('post', 'officers/:id/absences', json(absence, 201));
    const input = { from: absence.from, to: absence.to, reason: 'Training' };
    assert.deepEqual(await client.booking.recordAbsence({ officerId: 'a-1', absence: input }), absence);
    assert.equal(seen[0]?.url.pathname, '/v1/officers/a-1/absences');
    assert.deepEqual(seen[0]?.body, input);
    assert.match(seen[0]?.headers.get('idempotency-key') ?? '', uuid);
  });
});

describe('createBookingClient', () => {
  it('builds a client with booking and no other domain', async () => {
    const booking = createBookingClient({ baseUrl: base, retry: { limit: 0 } });
    assert.deepEqual(Object.keys(booking), ['booking']);
    assert.equal('zone' in booking, false);
    serve('get', 'topics', json({ items: [topic], nextCursor: null }));
    assert.equal((await booking.booking.topics()).items[0]?.id, 't-1');
    const { topics } = booking.booking;
    const ids: string[] = [];
    for await (const item of topics.all()) ids.push(item.id);
    assert.deepEqual(ids, ['t-1']);
  });

  it('refuses a missing baseUrl like createClient', () => {
    assert.throws(() => createBookingClient({ baseUrl: '' }), ConfigurationError);
  });
});
