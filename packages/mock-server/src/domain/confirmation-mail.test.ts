import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Citizen, Locale, Officer, Slot } from '@blauw/core';
import { createFixedClock, type FixedClock } from './clock.js';
import { DomainError } from './domain-error.js';
import { MAILBOX_LIMIT } from './mailbox.js';
import type { MailMessage, Mailer } from './mailer.js';
import { createZone, type Zone } from './zone.js';

// Seed 1: officer-03 works at office-wilgendonk (Scheldedijk, phone +32 9 486 54 28), which
// opens weekday afternoons from 13:00.
const TOPIC = 'topic-domicile';
const MANAGE_PAGE = 'https://pz-scheldeland.example/demo/municipality.html';
const citizenIn = (language: Locale): Citizen => ({ name: 'Marie Claeys', email: 'marie@example.be', language });
const officer03 = { role: 'officer', officerId: 'officer-03', displayName: 'Officer 3' } as const;

/** A mailer that keeps what it is given, as a real transport would send it. */
function collectingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: (message) => (sent.push(message), Promise.resolve()) };
}

function addressOf(officer: Officer) {
  const coverage = officer.streets.find((street) => street.side === 'both' && street.from === undefined) ?? officer.streets[0];
  assert.ok(coverage);
  return { street: coverage.street, houseNumber: '12', postalCode: coverage.postalCode, municipality: 'Wilgendonk' };
}

describe('confirmation e-mails', () => {
  let clock: FixedClock;
  let mailer: ReturnType<typeof collectingMailer>;
  let zone: Zone;
  const firstSlot = (date: string): Slot => {
    const slot = zone.bookings.availability({ topicId: TOPIC, officerId: 'officer-03', from: date, to: date }).days[0]?.slots[0];
    assert.ok(slot, `a free slot on ${date}`);
    return slot;
  };
  const only = (count: number): MailMessage => {
    assert.equal(mailer.sent.length, count, 'exactly one more message');
    return mailer.sent[count - 1] as MailMessage;
  };

  beforeEach(() => {
    clock = createFixedClock('2027-03-01T09:00:00+01:00');
    mailer = collectingMailer();
    zone = createZone({ seed: 1, clock, mailer, manageUrl: () => MANAGE_PAGE });
  });

  it('confirms a booking in Dutch with the office, its phone, the officer, the manage link and the calendar file', () => {
    const booking = zone.bookings.book({
      slotId: firstSlot('2027-03-02').id,
      topicId: TOPIC,
      citizen: citizenIn('nl'),
      manageUrl: 'https://www.wilgendonk.be/wijkagent?tab=afspraak#oud',
    });
    const message = only(1);
    assert.deepEqual(message.to, { name: 'Marie Claeys', address: 'marie@example.be' });
    assert.equal(message.language, 'nl');
    assert.equal(message.subject, 'Uw afspraak met de wijkagent op dinsdag 2 maart 2027 om 13:00');
    assert.match(message.text, /^Beste Marie Claeys,/);
    assert.match(message.text, /Wanneer: dinsdag 2 maart 2027, van 13:00 tot 13:15/);
    assert.match(message.text, /Waar: Wijkkantoor Wilgendonk, Scheldedijk \d+, \d{4} Wilgendonk/);
    assert.match(message.text, /Telefoon van het kantoor: \+32 9 486 54 28/);
    assert.match(message.text, new RegExp(`Uw wijkagent: ${zone.store.getOfficer('officer-03').displayName}`));
    assert.ok(message.text.includes(`https://www.wilgendonk.be/wijkagent?tab=afspraak#blauw-manage=${booking.manageToken}`), message.text);
    assert.doesNotMatch(message.text, /[?&]token=|#oud/);
    assert.equal(message.attachments.length, 1);
    const [calendar] = message.attachments;
    assert.equal(calendar?.filename, 'afspraak.ics');
    assert.equal(calendar?.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
    assert.match(calendar?.content ?? '', /METHOD:PUBLISH\r\n/);
    assert.equal(zone.mailbox.list()[0]?.links[0], `https://www.wilgendonk.be/wijkagent?tab=afspraak#blauw-manage=${booking.manageToken}`);
  });

  it("a rescheduled booking's e-mail carries the updated calendar file, same UID and a higher SEQUENCE", () => {
    const booking = zone.bookings.book({ slotId: firstSlot('2027-03-02').id, topicId: TOPIC, citizen: citizenIn('nl') });
    const uid = /UID:(.+)\r\n/.exec(only(1).attachments[0]?.content ?? '')?.[1];
    zone.bookings.reschedule(booking.manageToken as string, { slotId: firstSlot('2027-03-09').id });
    const message = only(2);
    assert.equal(message.subject, 'Uw afspraak met de wijkagent is verplaatst naar dinsdag 9 maart 2027 om 13:00');
    const content = message.attachments[0]?.content ?? '';
    assert.equal(/UID:(.+)\r\n/.exec(content)?.[1], uid);
    assert.match(content, /SEQUENCE:1\r\n/);
    assert.match(content, /DTSTART;TZID=Europe\/Brussels:20270309T130000/);
    assert.ok(message.text.includes(`${MANAGE_PAGE}#blauw-manage=${booking.manageToken}`), 'the default page when none was given');
  });

  it('a cancelled booking gets one e-mail with the cancellation file; cancelling again sends nothing', () => {
    const booking = zone.bookings.book({ slotId: firstSlot('2027-03-02').id, topicId: TOPIC, citizen: citizenIn('en') });
    zone.bookings.cancel(booking.manageToken as string);
    zone.bookings.cancel(booking.manageToken as string);
    const message = only(2);
    assert.equal(message.subject, 'Your appointment with the neighbourhood officer on Tuesday, 2 March 2027 at 13:00 is cancelled');
    assert.equal(message.attachments[0]?.filename, 'cancellation.ics');
    assert.equal(message.attachments[0]?.contentType, 'text/calendar; charset=utf-8; method=CANCEL');
    assert.match(message.attachments[0]?.content ?? '', /METHOD:CANCEL\r\n[\s\S]*STATUS:CANCELLED/);
  });

  it('writes French with vous, "1er" for the first of the month and a no-break space before : ; ? !', () => {
    clock.set('2027-05-20T09:00:00+02:00');
    zone.bookings.book({ slotId: firstSlot('2027-06-01').id, topicId: TOPIC, citizen: citizenIn('fr') });
    const message = only(1);
    assert.equal(message.subject, 'Votre rendez-vous avec l’agent de quartier le mardi 1er juin 2027 à 13:00');
    assert.match(message.text, /^Bonjour Marie Claeys,/);
    assert.match(message.text, /Quand\u00a0: mardi 1er juin 2027, de 13:00 à 13:15/);
    assert.match(message.text, /votre rendez-vous\u00a0:/);
    assert.doesNotMatch(message.text, /[^\u00a0][:;?!](\s|$)/, 'no punctuation without its no-break space');
    assert.equal(message.attachments[0]?.filename, 'rendez-vous.ics');
  });

  it('writes German with the formal Ihr, never du or dein', () => {
    zone.bookings.book({ slotId: firstSlot('2027-03-02').id, topicId: TOPIC, citizen: citizenIn('de') });
    const message = only(1);
    assert.equal(message.subject, 'Ihr Termin beim Bezirksbeamten am Dienstag, 2. März 2027 um 13:00 Uhr');
    assert.match(message.text, /Ihr Bezirksbeamter: /);
    assert.doesNotMatch(message.text, /\b(du|dein|deine|dich|dir)\b/i);
    assert.equal(message.attachments[0]?.filename, 'termin.ics');
  });

  it('says a home-visit request is a request, then sends the confirmation with the calendar file in the office zone', () => {
    const visit = zone.bookings.requestHomeVisit({
      topicId: TOPIC,
      address: addressOf(zone.store.getOfficer('officer-03')),
      dayParts: ['morning', 'evening'],
      reason: 'Nieuw adres bevestigen',
      citizen: citizenIn('nl'),
    });
    const requested = only(1);
    assert.equal(requested.subject, 'Uw aanvraag voor een huisbezoek van de wijkagent');
    assert.match(requested.text, /Dit is een aanvraag, nog geen afspraak/);
    assert.match(requested.text, /Uw voorkeur: voormiddag, avond/);
    assert.match(requested.text, /Waar: bij u thuis, /);
    assert.deepEqual(requested.attachments, []);
    assert.ok(requested.text.includes(`${MANAGE_PAGE}#blauw-manage=${visit.manageToken}`));

    // 09:00 UTC is 10:00 in Brussels in winter.
    zone.bookings.confirmHomeVisit(officer03, visit.id, { start: '2027-03-03T09:00:00Z', message: 'Tot dan!' });
    const confirmed = only(2);
    assert.equal(confirmed.subject, 'Huisbezoek van de wijkagent op woensdag 3 maart 2027 om 10:00');
    assert.match(confirmed.text, /Bericht van de wijkagent: Tot dan!/);
    assert.equal(confirmed.attachments[0]?.filename, 'afspraak.ics');
    assert.match(confirmed.attachments[0]?.content ?? '', /METHOD:PUBLISH[\s\S]*DTSTART;TZID=Europe\/Brussels:20270303T100000/);

    zone.bookings.cancel(visit.manageToken as string);
    const cancelled = only(3);
    assert.equal(cancelled.subject, 'Uw aanvraag voor een huisbezoek is geannuleerd');
    assert.equal(cancelled.attachments[0]?.filename, 'annulering.ics');
    assert.match(cancelled.attachments[0]?.content ?? '', /METHOD:CANCEL/);
  });

  it('tells the citizen when the officer declines a home visit, with the message and no calendar file', () => {
    const visit = zone.bookings.requestHomeVisit({
      topicId: TOPIC,
      address: addressOf(zone.store.getOfficer('officer-03')),
      dayParts: ['afternoon'],
      reason: 'Vraag',
      citizen: citizenIn('fr'),
    });
    zone.bookings.declineHomeVisit(officer03, visit.id, { message: 'Passez au bureau le mardi.' });
    const declined = only(2);
    assert.match(declined.subject, /^Votre demande de visite à domicile\u00a0: réponse/);
    assert.match(declined.text, /Message de l’agent de quartier\u00a0: Passez au bureau le mardi\./);
    assert.deepEqual(declined.attachments, []);
  });

  it('refuses a manage page on an origin the zone does not trust, before taking the slot or sending anything', () => {
    zone = createZone({ seed: 1, clock, mailer, manageOrigins: ['https://www.wilgendonk.be'] });
    const slot = firstSlot('2027-03-02');
    for (const manageUrl of ['https://evil.example/wilgendonk', 'ftp://www.wilgendonk.be/']) {
      assert.throws(
        () => zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen: citizenIn('nl'), manageUrl }),
        (error: unknown) => error instanceof DomainError && error.code === 'validation_failed' && error.errors[0]?.pointer === '/manageUrl',
      );
    }
    assert.equal(mailer.sent.length, 0);
    assert.equal(firstSlot('2027-03-02').id, slot.id, 'the slot is still free');
    zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen: citizenIn('nl'), manageUrl: 'https://www.wilgendonk.be/afspraak' });
    assert.equal(mailer.sent.length, 1);
  });

  it('keeps the booking when the e-mail cannot be sent, and records the failure with its reason', async () => {
    const failures: string[] = [];
    const refusing: Mailer = { send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25')) };
    zone = createZone({ seed: 1, clock, mailer: refusing, onMailFailed: (record) => failures.push(record.id) });
    const booking = zone.bookings.book({ slotId: firstSlot('2027-03-02').id, topicId: TOPIC, citizen: citizenIn('nl') });
    assert.equal(booking.status, 'confirmed');
    await new Promise((resolve) => setImmediate(resolve));
    const [record] = zone.mailbox.list();
    assert.equal(record?.status, 'failed');
    assert.equal(record?.reason, 'connect ECONNREFUSED 127.0.0.1:25');
    assert.deepEqual(failures, [record?.id]);
  });

  it(`keeps the last ${MAILBOX_LIMIT} e-mails, newest first, and forgets them on reset`, async () => {
    const slots = zone.bookings.availability({ topicId: TOPIC, officeId: 'office-wilgendonk', from: '2027-03-02', to: '2027-04-30' }).days.flatMap((day) => day.slots);
    assert.ok(slots.length > MAILBOX_LIMIT + 5);
    for (const slot of slots.slice(0, MAILBOX_LIMIT + 5)) zone.bookings.book({ slotId: slot.id, topicId: TOPIC, citizen: citizenIn('nl') });
    await new Promise((resolve) => setImmediate(resolve));
    const list = zone.mailbox.list();
    assert.equal(list.length, MAILBOX_LIMIT);
    assert.equal(list[0]?.id, `mail-${MAILBOX_LIMIT + 5}`);
    assert.equal(list.at(-1)?.id, 'mail-6');
    assert.ok(list.every((record) => record.status === 'sent'));
    zone.reset();
    assert.deepEqual(zone.mailbox.list(), []);
  });
});
