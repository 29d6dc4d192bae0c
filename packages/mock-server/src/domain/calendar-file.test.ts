import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import ICAL from 'ical.js';
import type { Citizen, Slot } from '@blauw/core';
import { calendarFile, escapeText, foldLine } from './calendar-file.js';
import { createFixedClock, type FixedClock } from './clock.js';
import { createZone, type Zone } from './zone.js';

// The calendar files are read back with ical.js, a parser calendar apps use, with the VTIMEZONE
// from the file itself: if our rules or local times were wrong, the instants would not match.

const TOPIC = 'topic-domicile';
/** A random (version 4) UUID at the calendar domain. */
const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@blauw\.example$/;
const citizen: Citizen = { name: 'Lotte Wouters', email: 'lotte@example.be', language: 'fr' };

function readEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  assert.ok(zone, 'a VTIMEZONE');
  ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  assert.ok(vevent, 'a VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('calendar files', () => {
  let clock: FixedClock;
  let zone: Zone;
  const slotsOf = (from: string, to: string) =>
    zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-03', from, to }).days.flatMap((day) => day.slots);

  beforeEach(() => {
    clock = createFixedClock('2027-03-01T09:00:00+01:00');
    zone = createZone({ seed: 1, clock });
  });

  it('keeps the UID across a reschedule, raises SEQUENCE, and the start is right in winter and in summer', () => {
    const winter = slotsOf('2027-03-02', '2027-03-02')[0] as Slot;
    const booking = zone.bookings.book({ slotId: winter.id, topicId: TOPIC, citizen });
    const token = booking.manageToken as string;
    const first = readEvent(zone.bookings.calendar(token));
    assert.equal(first.calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.match(first.event.uid, UID);
    assert.equal(first.event.sequence, 0);
    assert.equal(first.event.startDate.toJSDate().getTime(), Date.parse('2027-03-02T13:00:00+01:00'));
    assert.equal(first.event.startDate.zone?.tzid, 'Europe/Brussels');
    assert.equal(first.event.startDate.hour, 13);

    // After the change to summer time: 13:00 on the wall is 11:00 UTC.
    const summer = slotsOf('2027-05-25', '2027-05-25')[0] as Slot;
    assert.equal(summer.start, '2027-05-25T13:00:00+02:00');
    clock.advance(60_000);
    zone.bookings.reschedule(token, { slotId: summer.id });
    const moved = readEvent(zone.bookings.calendar(token));
    assert.equal(moved.event.uid, first.event.uid);
    assert.equal(moved.event.sequence, 1);
    assert.equal(moved.event.startDate.toJSDate().toISOString(), '2027-05-25T11:00:00.000Z');
    assert.equal(moved.event.endDate.toJSDate().toISOString(), '2027-05-25T11:15:00.000Z');
    assert.equal(moved.event.startDate.hour, 13);
  });

  it('turns into METHOD:CANCEL with STATUS:CANCELLED after a cancellation', () => {
    const slot = slotsOf('2027-03-02', '2027-03-02')[0] as Slot;
    const token = zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen }).manageToken as string;
    zone.bookings.cancel(token);
    const { calendar, vevent, event } = readEvent(zone.bookings.calendar(token));
    assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.sequence, 1);
  });

  it('gives every booking a UID of its own, also across servers that number their bookings alike', () => {
    const other = createZone({ seed: 1, clock });
    const slot = slotsOf('2027-03-02', '2027-03-02')[0] as Slot;
    const here = zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen });
    const there = other.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen });
    assert.equal(here.id, there.id, 'both servers call it the same');
    const uidHere = readEvent(zone.bookings.calendar(here.manageToken as string)).event.uid;
    const uidThere = readEvent(other.bookings.calendar(there.manageToken as string)).event.uid;
    assert.match(uidHere, UID);
    assert.notEqual(uidHere, uidThere);
    zone.reset();
    const again = zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen });
    assert.notEqual(readEvent(zone.bookings.calendar(again.manageToken as string)).event.uid, uidHere, 'nor after a reset');
  });

  it("speaks the citizen's language: topic as summary, office as location, what to bring, and never the facts the citizen typed", () => {
    const slot = zone.bookings.availability({ topicId: 'topic-neighbours', officerId: 'officer-03', from: '2027-03-02', to: '2027-03-02' }).days[0]!.slots[0]!;
    const facts = 'Du bruit, chaque nuit; depuis mars.\nVoisin du n° 12.';
    const token = zone.bookings.book({ slotId: slot.id, topicId: 'topic-neighbours', citizen, facts }).manageToken as string;
    const text = zone.bookings.calendar(token);
    const { event, vevent, calendar } = readEvent(text);
    const office = zone.store.getOffice('office-wilgendonk');
    assert.equal(event.summary, 'Troubles de voisinage');
    assert.equal(event.location, `${office.name}, ${office.address.street} ${office.address.houseNumber}, ${office.address.postalCode} ${office.address.municipality}`);
    assert.match(event.description, /À apporter\u00a0:\n- Votre carte d’identité\n- Dates, photos ou messages/);
    assert.ok(!text.includes('bruit') && !text.includes('Voisin'), 'a shared calendar does not carry the facts');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(vevent.getFirstPropertyValue('dtstamp'));
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'CRLF line endings only');
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  });

  it('is made for a confirmed home visit, at the citizen address', () => {
    const officer = zone.store.getOfficer('officer-03');
    const coverage = officer.streets[0]!;
    const address = { street: coverage.street, houseNumber: String(coverage.from ?? (coverage.side === 'even' ? 2 : 1)), postalCode: coverage.postalCode, municipality: 'Wilgendonk' };
    const reason = 'Meine Nachbarin ist umgezogen';
    const visit = zone.bookings.requestHomeVisit({ topicId: TOPIC, address, dayParts: ['morning'], reason, citizen: { ...citizen, language: 'de' } });
    assert.throws(() => zone.bookings.calendar(visit.manageToken as string), /not given this visit a time/);
    zone.bookings.confirmHomeVisit({ role: 'supervisor', displayName: 'S' }, visit.id, { start: '2027-07-21T10:00:00+02:00' });
    const text = zone.bookings.calendar(visit.manageToken as string);
    const { event } = readEvent(text);
    assert.match(event.uid, UID);
    assert.ok(!text.includes('Nachbarin'), 'nor the reason of a visit');
    assert.equal(event.summary, 'Hausbesuch: Adressänderung und Wohnsitzkontrolle');
    assert.equal(event.location, `${address.street} ${address.houseNumber}, ${address.postalCode} Wilgendonk`);
    assert.equal(event.startDate.toJSDate().toISOString(), '2027-07-21T08:00:00.000Z');
  });
});

describe('RFC 5545 text', () => {
  it('escapes commas, semicolons, backslashes and newlines', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length > 2);
    for (const part of folded) assert.ok(new TextEncoder().encode(part).length <= 75);
    assert.equal(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join(''), line);
  });

  it('writes a VTIMEZONE with the EU rules for Europe/Brussels', () => {
    const text = calendarFile({
      uid: 'x@blauw.example',
      sequence: 0,
      stamp: new Date('2027-01-01T00:00:00Z'),
      start: new Date('2027-01-04T08:00:00Z'),
      end: new Date('2027-01-04T08:30:00Z'),
      timeZone: 'Europe/Brussels',
      summary: 's',
      location: 'l',
      description: 'd',
      status: 'CONFIRMED',
    });
    assert.match(text, /BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
    assert.match(text, /BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100/);
    assert.match(text, /DTSTART;TZID=Europe\/Brussels:20270104T090000/);
  });
});
