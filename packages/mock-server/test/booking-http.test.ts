import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agenda, Availability, Booking, HomeVisitRequest, Managed, Problem, SlotHold, SlotTakenProblem, type Slot } from '@blauw/core';
import { createFixedClock } from '../src/domain/clock.js';
import { DEMO_CONTENT_SECURITY_POLICY, startMockServer, type MockServer } from '../src/server.js';

// Seed 1 on 1 March 2027 (see src/domain/bookings.test.ts): office-wilgendonk has officer-03
// and officer-04 and opens weekday afternoons.
const OFFICE = 'office-wilgendonk';
const TOPIC = 'topic-domicile';
const json = { 'Content-Type': 'application/json' };
const citizen = (n: number) => ({ name: `Burger ${n}`, email: `burger${n}@example.be`, language: 'nl' as const });

let keys = 0;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...json, 'Idempotency-Key': `k-${++keys}-${Math.random()}`, ...headers }, body: JSON.stringify(body) });

async function problemOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const document = Problem.parse(await response.json());
  assert.equal(document.code, code);
  return document;
}

describe('booking over HTTP', () => {
  let server: MockServer;
  let v1: string;
  const availability = async (query: string) => {
    const response = await fetch(`${v1}/availability?${query}`);
    assert.equal(response.status, 200);
    return Availability.parse(await response.json());
  };
  const slotsOn = async (date: string, who = `officeId=${OFFICE}`) =>
    (await availability(`topicId=${TOPIC}&${who}&from=${date}&to=${date}`)).days[0]?.slots ?? [];

  before(async () => {
    server = await startMockServer({ port: 0, clock: createFixedClock('2027-03-01T09:00:00+01:00') });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('gives one slot to exactly one of 50 citizens booking it at once; the others get 409 slot_taken with next slots', async () => {
    const slot = (await slotsOn('2027-03-03'))[0] as Slot;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => post(`${v1}/bookings`, { slotId: slot.id, topicId: TOPIC, citizen: citizen(n) })),
    );
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 409).length, 49);
    for (const response of responses) {
      if (response.status === 201) {
        Booking.parse(await response.json());
        continue;
      }
      const problem = SlotTakenProblem.parse(await response.json());
      assert.equal(problem.code, 'slot_taken');
      assert.ok(problem.nextSlots.length > 0 && problem.nextSlots.length <= 5);
      assert.ok(!problem.nextSlots.some((next) => next.id === slot.id));
    }
    const mine = await slotsOn('2027-03-03', 'officerId=officer-03');
    assert.ok(!mine.some((item) => item.id === slot.id), 'the slot is booked');
  });

  it('replays a booking retried with the same Idempotency-Key instead of booking twice', async () => {
    const slot = (await slotsOn('2027-03-09'))[0] as Slot;
    const body = { slotId: slot.id, topicId: TOPIC, citizen: citizen(7) };
    const headers = { 'Idempotency-Key': 'retry-after-timeout' };
    const first = await post(`${v1}/bookings`, body, headers);
    const retry = await post(`${v1}/bookings`, body, headers);
    assert.equal(first.status, 201);
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), await first.json());
    assert.equal(retry.headers.get('location'), first.headers.get('location'));
  });

  it('lets exactly one of 50 concurrent holds on one slot win', async () => {
    const slot = (await slotsOn('2027-03-04', 'officerId=officer-04'))[0] as Slot;
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(`${v1}/holds`, { slotId: slot.id, topicId: TOPIC })));
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 409).length, 49);
    for (const response of responses.filter((item) => item.status === 409)) {
      const problem = SlotTakenProblem.parse(await response.json());
      assert.equal(problem.code, 'slot_taken');
      assert.ok(problem.nextSlots.length > 0);
    }
    const hold = SlotHold.parse(await responses.find((response) => response.status === 201)?.json());
    assert.equal((await fetch(`${v1}/holds/${hold.id}`, { method: 'DELETE' })).status, 204);
    assert.ok((await slotsOn('2027-03-04', 'officerId=officer-04')).some((item) => item.id === slot.id), 'released');
    await problemOf(await fetch(`${v1}/holds/hold-unknown`, { method: 'DELETE' }), 404, 'hold_not_found');
  });

  it('books end to end: availability, hold, book, manage, reschedule, calendar file, cancel', async () => {
    const month = await availability(`topicId=${TOPIC}&officeId=${OFFICE}&from=2027-03-01&to=2027-03-31`);
    assert.equal(month.days.length, 31);
    assert.equal(month.timeZone, 'Europe/Brussels');
    assert.ok(month.days.some((day) => day.slots.length === 0), 'Sundays are empty');
    assert.ok(month.days.find((day) => day.date === '2027-03-29')?.slots.length === 0, 'Easter Monday');
    const [slot, other] = (month.days.find((day) => day.date === '2027-03-05')?.slots ?? []) as [Slot, Slot];

    const holdResponse = await post(`${v1}/holds`, { slotId: slot.id, topicId: TOPIC });
    assert.equal(holdResponse.status, 201);
    const hold = SlotHold.parse(await holdResponse.json());

    const bookingResponse = await post(`${v1}/bookings`, { slotId: slot.id, holdId: hold.id, topicId: TOPIC, citizen: citizen(99) });
    assert.equal(bookingResponse.status, 201);
    const booking = Booking.parse(await bookingResponse.json());
    const token = booking.manageToken as string;
    assert.equal(bookingResponse.headers.get('location'), `/v1/manage/${token}`);

    const managed = Managed.parse(await (await fetch(`${server.url}${bookingResponse.headers.get('location')}`)).json());
    assert.equal(managed.kind, 'booking');
    assert.equal(managed.kind === 'booking' && managed.booking.id, booking.id);
    assert.equal(managed.topic.id, TOPIC);
    assert.equal(managed.office.id, OFFICE);

    await problemOf(await post(`${v1}/manage/${token}/reschedule`, { slotId: slot.id.replace(/T\d{6}Z$/, 'T030000Z') }), 409, 'slot_taken');
    const moved = await post(`${v1}/manage/${token}/reschedule`, { slotId: other.id });
    assert.equal(moved.status, 200);
    const after = Managed.parse(await moved.json());
    assert.equal(after.kind === 'booking' && after.booking.sequence, 1);
    assert.ok((await slotsOn('2027-03-05', `officerId=${slot.officerId}`)).some((item) => item.id === slot.id), 'old slot freed');

    const ics = await fetch(`${v1}/manage/${token}/calendar.ics`);
    assert.equal(ics.status, 200);
    assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(ics.headers.get('content-disposition'), 'attachment; filename="afspraak.ics"');
    const text = await ics.text();
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text, /UID:[0-9a-f-]{36}@blauw\.example\r\nSEQUENCE:1\r\n/);

    const cancel = await fetch(`${v1}/manage/${token}/cancel`, { method: 'POST', headers: { 'Idempotency-Key': 'cancel-1' } });
    assert.equal(cancel.status, 200);
    const cancelled = Managed.parse(await cancel.json());
    assert.equal(cancelled.kind === 'booking' && cancelled.booking.status, 'cancelled');
    const again = await post(`${v1}/manage/${token}/cancel`, {});
    assert.equal(again.status, 200, 'cancelling twice answers the same');
    assert.match(await (await fetch(`${v1}/manage/${token}/calendar.ics`)).text(), /METHOD:CANCEL\r\n[\s\S]*STATUS:CANCELLED/);
    await problemOf(await fetch(`${v1}/manage/${'x'.repeat(43)}`), 404, 'manage_link_not_found');
  });

  it('answers the booking rules as problems with pointers', async () => {
    const noWho = await problemOf(await fetch(`${v1}/availability?topicId=${TOPIC}&from=2027-03-01&to=2027-03-02`), 400, 'validation_failed');
    assert.deepEqual(noWho.errors?.map((error) => error.pointer), ['/query/officeId']);
    const tooLong = await problemOf(await fetch(`${v1}/availability?topicId=${TOPIC}&officeId=${OFFICE}&from=2027-03-01&to=2027-06-01`), 400, 'validation_failed');
    assert.deepEqual(tooLong.errors?.map((error) => error.pointer), ['/query/to']);
    const slot = (await (async () => (await availability(`topicId=topic-neighbours&officeId=${OFFICE}&from=2027-03-08&to=2027-03-08`)).days[0]!.slots[0]!)()) as Slot;
    const facts = await problemOf(await post(`${v1}/bookings`, { slotId: slot.id, topicId: 'topic-neighbours', citizen: citizen(1) }), 400, 'validation_failed');
    assert.deepEqual(facts.errors?.map((error) => error.pointer), ['/facts']);
    const uncovered = await problemOf(
      await post(`${v1}/home-visits`, {
        topicId: TOPIC,
        address: { street: 'Nergensstraat', houseNumber: '1', postalCode: '9999', municipality: 'Nergens' },
        dayParts: ['morning'],
        reason: 'x',
        citizen: citizen(2),
      }),
      422,
      'address_not_covered',
    );
    assert.deepEqual(uncovered.errors?.map((error) => error.pointer), ['/address']);
  });

  it('lets the officer of a home visit confirm it, and keeps other officers out of agendas (403)', async () => {
    const officer = server.zone.store.getOfficer('officer-01');
    const coverage = officer.streets[0]!;
    const address = { street: coverage.street, houseNumber: String(coverage.from ?? (coverage.side === 'even' ? 2 : 1)), postalCode: coverage.postalCode, municipality: 'x' };
    const created = await post(`${v1}/home-visits`, { topicId: TOPIC, address, dayParts: ['evening'], reason: 'Adres', citizen: citizen(3) });
    assert.equal(created.status, 201);
    const visit = HomeVisitRequest.parse(await created.json());
    assert.equal(visit.officerId, 'officer-01');
    assert.equal(created.headers.get('location'), `/v1/manage/${visit.manageToken}`);

    await problemOf(await post(`${v1}/home-visits/${visit.id}/confirm`, { start: '2027-03-10T18:00:00+01:00' }), 401, 'unauthenticated');
    const confirmed = await post(`${v1}/home-visits/${visit.id}/confirm`, { start: '2027-03-10T18:00:00+01:00' }, { Authorization: 'Bearer dev-officer' });
    assert.equal(confirmed.status, 200);
    assert.equal(HomeVisitRequest.parse(await confirmed.json()).status, 'confirmed');
    await problemOf(await post(`${v1}/home-visits/${visit.id}/decline`, { message: 'Toch niet' }, { Authorization: 'Bearer dev-officer' }), 409, 'visit_not_open');

    const own = await fetch(`${v1}/officers/officer-01/agenda?from=2027-03-10&to=2027-03-10`, { headers: { Authorization: 'Bearer dev-officer' } });
    assert.equal(own.status, 200);
    assert.deepEqual(Agenda.parse(await own.json()).homeVisits.map((item) => item.id), [visit.id]);
    await problemOf(await fetch(`${v1}/officers/officer-02/agenda?from=2027-03-10&to=2027-03-10`, { headers: { Authorization: 'Bearer dev-officer' } }), 403, 'forbidden');
    await problemOf(
      await post(`${v1}/officers/officer-02/absences`, { from: '2027-03-10T08:00:00+01:00', to: '2027-03-10T12:00:00+01:00', reason: 'x' }, { Authorization: 'Bearer dev-officer' }),
      403,
      'forbidden',
    );
    const absence = await post(`${v1}/officers/officer-02/absences`, { from: '2027-03-10T08:00:00+01:00', to: '2027-03-10T12:00:00+01:00', reason: 'Rechtbank' }, { Authorization: 'Bearer dev-supervisor' });
    assert.equal(absence.status, 201);
  });

  it('serves the demo pages with the strict Content-Security-Policy', async () => {
    for (const page of ['/demo/', '/demo/index.html']) {
      const response = await fetch(`${server.url}${page}`);
      assert.equal(response.status, 200, page);
      assert.equal(response.headers.get('content-security-policy'), DEMO_CONTENT_SECURITY_POLICY, page);
    }
    assert.match(DEMO_CONTENT_SECURITY_POLICY, /require-trusted-types-for 'script'; trusted-types lit-html blauw$/);
  });
});
