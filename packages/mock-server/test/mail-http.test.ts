import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Booking, HomeVisitRequest, Problem, type Slot } from '@blauw/core';
import { createFixedClock } from '../src/domain/clock.js';
import { DEMO_CONTENT_SECURITY_POLICY, startMockServer, type MockServer } from '../src/server.js';
import type { DevMailboxItem } from '../src/dev-mailbox.js';

// Seed 1 on 1 March 2027: office-wilgendonk has officer-03 and opens weekday afternoons.
const OFFICE = 'office-wilgendonk';
const TOPIC = 'topic-domicile';
const SITE = 'https://www.wilgendonk.be';
const citizen = { name: 'Marie Claeys', email: 'marie@example.be', language: 'nl' as const };


let keys = 0;
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `mail-${++keys}` }, body: JSON.stringify(body) });

/** The parts of a MIME message, with their headers and decoded bodies (enough for our messages). */
function mimeParts(raw: string): Array<{ headers: string; body: string }> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  assert.ok(boundary, 'a multipart message');
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [headers = '', ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      const encoded = rest.join('\r\n\r\n').trim();
      const body = /content-transfer-encoding:\s*base64/i.test(headers)
        ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
        : /content-transfer-encoding:\s*quoted-printable/i.test(headers)
          ? Buffer.from(encoded.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
          : encoded;
      return { headers, body };
    });
}

describe('confirmation e-mails over HTTP, in the development mailbox', () => {
  let server: MockServer;
  let v1: string;
  const freeSlot = async (date: string): Promise<Slot> => {
    const response = await fetch(`${v1}/availability?topicId=${TOPIC}&officeId=${OFFICE}&from=${date}&to=${date}`);
    const slot = ((await response.json()) as { days: Array<{ slots: Slot[] }> }).days[0]?.slots[0];
    assert.ok(slot);
    return slot;
  };
  const mailbox = async (): Promise<DevMailboxItem[]> => {
    // The transport answers asynchronously; a message is listed at once, `sent` a moment later.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const response = await fetch(`${server.url}/dev/mailbox.json`);
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: DevMailboxItem[] };
      if (items.every((item) => item.status !== 'sending')) return items;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the mailbox kept a message in "sending"');
  };

  before(async () => {
    server = await startMockServer({ port: 0, clock: createFixedClock('2027-03-01T09:00:00+01:00'), allowOrigin: [SITE], devControls: true });
    v1 = `${server.url}/v1`;
  });
  after(() => server.close());

  it('e-mails a booking with the link to the page booked on, token in the fragment, and a real .eml with the calendar file', async () => {
    await server.reset();
    const response = await post(`${v1}/bookings`, { slotId: (await freeSlot('2027-03-02')).id, topicId: TOPIC, citizen, manageUrl: `${SITE}/wijkagent#top` });
    assert.equal(response.status, 201);
    const booking = Booking.parse(await response.json());
    assert.equal((booking as Record<string, unknown>)['manageUrl'], undefined, 'the page is kept, not shown');

    const [message, ...others] = await mailbox();
    assert.equal(others.length, 0);
    assert.ok(message);
    assert.equal(message.status, 'sent');
    assert.deepEqual(message.to, { name: 'Marie Claeys', address: 'marie@example.be' });
    assert.equal(message.subject, 'Uw afspraak met de wijkagent op dinsdag 2 maart 2027 om 13:00');
    assert.deepEqual(message.links, [`${SITE}/wijkagent#blauw-manage=${booking.manageToken}`]);
    assert.deepEqual(message.attachments, ['afspraak.ics']);

    const eml = await fetch(`${server.url}/dev/mailbox/${message.id}.eml`);
    assert.equal(eml.status, 200);
    assert.match(eml.headers.get('content-type') ?? '', /^message\/rfc822/);
    const raw = await eml.text();
    assert.match(raw, /^From: Politiezone Scheldeland <noreply@pz-scheldeland\.example>\r$/m);
    assert.match(raw, /^To: Marie Claeys <marie@example\.be>\r$/m);
    assert.match(raw, /^Content-Language: nl\r$/m);
    assert.match(raw, /^Date: Mon, 01 Mar 2027 08:00:00 \+0000\r$/m, "dated by the server's clock");
    const parts = mimeParts(raw);
    const text = parts.find((part) => /content-type:\s*text\/plain/i.test(part.headers));
    assert.ok(text?.body.includes(`#blauw-manage=${booking.manageToken}`));
    const calendar = parts.find((part) => /content-type:\s*text\/calendar/i.test(part.headers));
    assert.ok(calendar, 'a calendar part');
    assert.match(calendar.headers, /filename="?afspraak\.ics"?/);
    assert.match(calendar.headers, /method=PUBLISH/i);
    assert.match(calendar.body, /^BEGIN:VCALENDAR\r\n[\s\S]*METHOD:PUBLISH[\s\S]*DTSTART;TZID=Europe\/Brussels:20270302T130000/);

    const download = await fetch(`${server.url}/dev/mailbox/${message.id}/attachments/0`);
    assert.match(download.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.equal(download.headers.get('content-disposition'), 'attachment; filename="afspraak.ics"');
    assert.match(await download.text(), /^BEGIN:VCALENDAR/);
  });

  it('offers the calendar file under the name the e-mail gives it, in the citizen language', async () => {
    await server.reset();
    const response = await post(`${v1}/bookings`, { slotId: (await freeSlot('2027-03-02')).id, topicId: TOPIC, citizen: { ...citizen, language: 'fr' } });
    const { manageToken } = Booking.parse(await response.json());
    const ics = await fetch(`${v1}/manage/${manageToken}/calendar.ics`);
    assert.equal(ics.headers.get('content-disposition'), 'attachment; filename="rendez-vous.ics"');
    await post(`${v1}/manage/${manageToken}/cancel`, {});
    const cancelled = await fetch(`${v1}/manage/${manageToken}/calendar.ics`);
    assert.equal(cancelled.headers.get('content-disposition'), 'attachment; filename="annulation.ics"');
    const [cancellation] = await mailbox();
    assert.deepEqual(cancellation?.attachments, ['annulation.ics']);
  });

  it('refuses a manage page on a site the zone does not trust with 400 at /manageUrl, and sends nothing', async () => {
    await server.reset();
    const slot = await freeSlot('2027-03-02');
    for (const manageUrl of ['https://evil.example/afspraak', `https://www.wilgendonk.be@evil.example/`, 'javascript:alert(1)', `${SITE}/${'x'.repeat(2000)}`]) {
      const response = await post(`${v1}/bookings`, { slotId: slot.id, topicId: TOPIC, citizen, manageUrl });
      const problem = Problem.parse(await response.json());
      assert.equal(response.status, 400, manageUrl.slice(0, 40));
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors?.map((error) => error.pointer), ['/manageUrl']);
    }
    const visit = await post(`${v1}/home-visits`, {
      topicId: TOPIC,
      address: { street: 'Brugstraat', houseNumber: '12', postalCode: '9667', municipality: 'Wilgendonk' },
      dayParts: ['morning'],
      reason: 'Nieuw adres',
      citizen,
      manageUrl: 'https://evil.example/',
    });
    assert.equal(visit.status, 400);
    assert.deepEqual(Problem.parse(await visit.json()).errors?.map((error) => error.pointer), ['/manageUrl']);
    assert.deepEqual(await mailbox(), []);
  });

  it('tells a home-visit request is a request, linking to the zone page when no page is named', async () => {
    await server.reset();
    const response = await post(`${v1}/home-visits`, {
      topicId: TOPIC,
      address: { street: 'brugstr.', houseNumber: '12', postalCode: '9667', municipality: 'Wilgendonk' },
      dayParts: ['morning'],
      reason: 'Nieuw adres',
      citizen,
    });
    assert.equal(response.status, 201);
    const visit = HomeVisitRequest.parse(await response.json());
    const [message] = await mailbox();
    assert.equal(message?.subject, 'Uw aanvraag voor een huisbezoek van de wijkagent');
    assert.match(message?.text ?? '', /Dit is een aanvraag/);
    assert.deepEqual(message?.links, [`${server.url}/demo/municipality.html#blauw-manage=${visit.manageToken}`]);
    assert.deepEqual(message?.attachments, []);
  });

  it('lists the mailbox newest first under the demo policy, uncached, with every value escaped; reset empties it', async () => {
    await server.reset();
    for (const name of ['Eerste Burger', '<img src=x onerror=alert(1)> Tweede']) {
      const slot = await freeSlot('2027-03-02');
      assert.equal((await post(`${v1}/bookings`, { slotId: slot.id, topicId: TOPIC, citizen: { ...citizen, name } })).status, 201);
    }
    const items = await mailbox();
    const list = await fetch(`${server.url}/dev/mailbox`);
    assert.equal(list.headers.get('content-security-policy'), DEMO_CONTENT_SECURITY_POLICY);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    assert.equal(list.headers.get('x-content-type-options'), 'nosniff');
    const html = await list.text();
    assert.ok(!html.includes('<img'), 'the name is escaped');
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62; Tweede'));
    assert.ok(html.indexOf(`/dev/mailbox/${items[0]?.id}"`) < html.indexOf(`/dev/mailbox/${items[1]?.id}"`), 'newest first');
    const page = await fetch(`${server.url}/dev/mailbox/${items[0]?.id}`);
    assert.equal(page.headers.get('content-security-policy'), DEMO_CONTENT_SECURITY_POLICY);
    assert.ok(!(await page.text()).includes('<img'));
    assert.match(await (await fetch(`${server.url}/`)).text(), /href="\/dev\/mailbox"/);

    assert.equal((await fetch(`${server.url}/__blauw/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, 200);
    assert.deepEqual(await mailbox(), []);
    assert.equal((await fetch(`${server.url}/dev/mailbox/${items[0]?.id}`)).status, 404);
  });
});

describe('confirmation e-mails over SMTP', () => {
  it('keeps the booking when the SMTP server cannot be reached, records the failure, and offers no development mailbox', async () => {
    // Port 9 (discard) on the loopback: nothing listens there, so the connection is refused.
    const server = await startMockServer({ port: 0, clock: createFixedClock('2027-03-01T09:00:00+01:00'), smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      assert.equal(server.mailbox, undefined);
      assert.equal((await fetch(`${server.url}/dev/mailbox.json`)).status, 404);
      assert.doesNotMatch(await (await fetch(`${server.url}/`)).text(), /dev\/mailbox/);
      const availability = await fetch(`${server.url}/v1/availability?topicId=${TOPIC}&officeId=${OFFICE}&from=2027-03-02&to=2027-03-02`);
      const slot = ((await availability.json()) as { days: Array<{ slots: Slot[] }> }).days[0]?.slots[0];
      const response = await post(`${server.url}/v1/bookings`, { slotId: slot?.id, topicId: TOPIC, citizen });
      assert.equal(response.status, 201);
      for (let attempt = 0; attempt < 100 && server.zone.mailbox.list()[0]?.status === 'sending'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [record] = server.zone.mailbox.list();
      assert.equal(record?.status, 'failed');
      assert.match(record?.reason ?? '', /ECONNREFUSED|connect/i);
    } finally {
      await server.close();
    }
  });
});
