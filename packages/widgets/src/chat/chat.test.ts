import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FieldDevice, ForbiddenError, UnauthenticatedError, type BlauwError, type Message, type MessagingClient } from '@blauw/core';
import { failOnConsoleErrors } from '../testing/console-guard.js';
import { fakeConversation, fakeMessagingClient, type FakeMessagingClient } from '../testing/fake-messaging-client.js';
import { sampleJpeg, sampleJpegBytes } from '../testing/sample-jpeg.js';
import { XSS_CORPUS, injected } from '../testing/xss-corpus.js';
import { sharedMessages } from '../shared/messages.js';
import './chat.js';
import type { BlauwChat, MessageFailedDetail, MessageSentDetail, PositionOpenDetail } from './chat.js';

// The chat over a real FieldDevice (its outbox sealed in this browser's IndexedDB), whose drain
// sends through the fake client, and the fake's scripted stream. The browser runs in
// Pacific/Kiritimati: a time written in the device's zone would be 13 hours off Brussels.

const root = (el: Element) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const all = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const messageTexts = (el: Element) => all(el, '[part~="thread"] .text').map((node) => node.textContent);
const button = (el: Element, name: string) => all(el, 'button').find((node) => textOf(node) === name);

failOnConsoleErrors();
let devices: FieldDevice[] = [];
let names = 0;

afterEach(async () => {
  for (const device of devices) await device.logout({ force: true });
  devices = [];
});

const message = (sequence: number, senderId: string, text: string, extra: Partial<Message> = {}): Message => ({
  id: `msg-conv-1-${sequence}`,
  clientId: crypto.randomUUID(),
  conversationId: 'conv-1',
  sequence,
  senderId,
  sentAt: new Date(Date.UTC(2026, 10, 30, 7, sequence)).toISOString(),
  priority: false,
  text,
  attachments: [],
  position: null,
  readBy: [],
  ...extra,
});

function seed(): FakeMessagingClient {
  return fakeMessagingClient([
    {
      conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Gent-Centrum', lastSequence: 2, unreadCount: 0, updatedAt: '2026-11-30T07:02:00Z' }),
      messages: [message(1, 'off-2', 'Wie neemt de melding in de Veldstraat?'), message(2, 'off-1', 'Ik ga erheen.', { readBy: [{ participantId: 'off-2', readAt: '2026-11-30T07:03:00Z' }] })],
    },
    {
      conversation: fakeConversation({ id: 'conv-2', kind: 'services', title: 'Brandweer — dispatching', lastSequence: 3, unreadCount: 3, updatedAt: '2026-11-30T06:00:00Z' }),
      messages: [1, 2, 3].map((sequence) => ({ ...message(sequence, 'svc-fire', `Update ${sequence}`), id: `msg-conv-2-${sequence}`, conversationId: 'conv-2' })),
    },
  ]);
}

async function openDevice(fake: FakeMessagingClient, name: string): Promise<FieldDevice> {
  const device = await FieldDevice.open(fake.checks, { name, backoff: { base: 10, cap: 10, random: () => 0 } });
  devices.push(device);
  return device;
}

async function mount(options: { fake?: FakeMessagingClient; lang?: string; name?: string; device?: FieldDevice; geolocation?: Pick<Geolocation, 'getCurrentPosition'> } = {}) {
  const fake = options.fake ?? seed();
  const device = options.device ?? (await openDevice(fake, options.name ?? `chat-test-${crypto.randomUUID()}-${++names}`));
  const el = await fixture<BlauwChat>(html`<blauw-chat lang=${options.lang ?? 'nl'} participant="off-1" .client=${fake} .device=${device} .geolocation=${options.geolocation}></blauw-chat>`);
  await waitUntil(() => all(el, '[part~="thread"] [part~="message"]').length > 0, 'the thread shows');
  return { el, fake, device };
}

// The officer takes a photo: a small JPEG through the file input, kept on the device.
async function pickPhoto(el: BlauwChat): Promise<void> {
  const canvas = new OffscreenCanvas(64, 48);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
  const file = new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'scene.jpg', { type: 'image/jpeg' });
  const input = root(el).querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => root(el).querySelector('[part~="composer"] [role="status"]'), 'the photo is kept on the device');
}

const PHOTO_ID = '00000000-0000-4000-8000-000000000001';
const thumbnails = (el: Element) => all(el, '[part~="thread"] [part~="photo"] img') as HTMLImageElement[];

// The team's thread with a photo Jan De Smet sent, its bytes on the (fake) server.
function seedWithPhoto(bytes: Blob = sampleJpeg()): FakeMessagingClient {
  const fake = fakeMessagingClient([
    {
      conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Gent-Centrum', lastSequence: 2, updatedAt: '2026-11-30T07:02:00Z' }),
      messages: [message(1, 'off-1', 'Wat zie je?'), message(2, 'off-2', 'De gevel', { attachments: [{ photoId: PHOTO_ID, size: bytes.size, mediaType: 'image/jpeg' }] })],
    },
  ]);
  fake.photos.set(PHOTO_ID, bytes);
  return fake;
}

async function write(el: BlauwChat, text: string): Promise<void> {
  root(el).querySelector<HTMLTextAreaElement>('textarea')!.focus();
  await sendKeys({ type: text });
}

describe('<blauw-chat>', () => {
  it('lists the conversations with their unread counts and shows the newest one’s thread in Brussels time, read receipts on the officer’s own', async () => {
    const { el, fake } = await mount();
    const conversations = all(el, '[part~="conversation"]').map(textOf);
    expect(conversations[0]).to.contain('Ploeg Gent-Centrum');
    expect(conversations[1]).to.contain('Brandweer — dispatching').and.contain('3 ongelezen');
    expect(messageTexts(el)).to.deep.equal(['Wie neemt de melding in de Veldstraat?', 'Ik ga erheen.']);
    const [first, second] = all(el, '[part~="thread"] [part~="message"]');
    expect(textOf(first!.querySelector('[part~="sender"]'))).to.equal('Hoofdinspecteur Jan De Smet');
    expect(textOf(first!.querySelector('time'))).to.equal('08:01');
    expect(textOf(second!.querySelector('[part~="sender"]'))).to.equal('U');
    expect(textOf(second!.querySelector('[part~="receipt"]'))).to.equal('Gelezen door Hoofdinspecteur Jan De Smet');
    await waitUntil(() => fake.marks.length > 0, 'the thread is marked read');
    expect(fake.marks).to.deep.equal([{ conversationId: 'conv-1', sequence: 2 }]);
    await expect(el).to.be.accessible();
  });

  it('sends with Enter (Shift+Enter a new line): shown at once as sending, then sent, stored once', async () => {
    const { el, fake } = await mount();
    await write(el, 'Ter plaatse.');
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'Kom je?' });
    const sent = oneEvent(el, 'blauw-message-sent') as Promise<CustomEvent<MessageSentDetail>>;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageTexts(el).includes('Ter plaatse.\nKom je?'), 'shown at once');
    const { detail } = await sent;
    expect(detail.conversationId).to.equal('conv-1');
    await waitUntil(() => all(el, '[part~="thread"] .text').filter((node) => node.textContent === 'Ter plaatse.\nKom je?').length === 1 && !root(el).querySelector('.pending .state.sending'), 'sent, shown once');
    expect(fake.storedTimes.get(detail.clientId)).to.equal(1);
    expect(root(el).querySelector('textarea')!.value).to.equal('');
  });

  it('keeps a message written offline on the device through a reload and sends it once when the network returns', async () => {
    const fake = seed();
    const name = `chat-reload-${crypto.randomUUID()}`;
    const first = await mount({ fake, name });
    fake.offline = true; // the thread loaded; now the network goes
    await write(first.el, 'Onderweg zonder bereik.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(root(first.el).querySelector('.pending [part~="state"]')) !== '', 'shown as on its way');
    expect(textOf(root(first.el).querySelector('.pending [part~="state"]'))).to.match(/Wordt verzonden|Wacht op netwerk/);
    await aTimeout(100);
    expect(fake.storedTimes.size).to.equal(0);
    // A reload: the element and the device go, the outbox stays in IndexedDB.
    first.el.remove();
    await first.device.drain.stop();
    const device = await openDevice(fake, name);
    const again = await fixture<BlauwChat>(html`<blauw-chat lang="nl" participant="off-1" .client=${fake} .device=${device}></blauw-chat>`);
    await waitUntil(() => messageTexts(again).includes('Onderweg zonder bereik.'), 'still there after the reload');
    fake.offline = false;
    await waitUntil(() => [...fake.storedTimes.values()].length === 1, 'sent when back', { timeout: 4000 });
    await waitUntil(() => !root(again).querySelector('.pending .state.sending, .pending .state.waiting'), 'no longer on its way');
    expect([...fake.storedTimes.values()]).to.deep.equal([1]);
    expect(messageTexts(again).filter((text) => text === 'Onderweg zonder bereik.')).to.have.length(1);
  });

  it('says a refused message was not sent and sends it again on "Send again"', async () => {
    const { el, fake } = await mount({ lang: 'en' });
    fake.refuseNext('validation_failed');
    const failed = oneEvent(el, 'blauw-message-failed') as Promise<CustomEvent<MessageFailedDetail>>;
    await write(el, 'Refused once');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.code).to.equal('validation_failed');
    await waitUntil(() => button(el, 'Send again'), 'a retry');
    expect(textOf(root(el).querySelector('.pending [part~="state"]'))).to.contain('Not sent');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'blauw-message-sent');
    button(el, 'Send again')!.click();
    await sent;
    await waitUntil(() => !button(el, 'Send again') && messageTexts(el).filter((text) => text === 'Refused once').length === 1, 'sent once');
  });

  it('shows a live message once and announces it politely, not the whole thread', async () => {
    const { el, fake } = await mount();
    const arrived = fake.receive('conv-1', 'off-2', 'Versterking gevraagd aan de Korenmarkt.', { priority: true });
    fake.streams[0]!.push({ type: 'message.created', id: '99999', message: arrived }); // a replay after a reconnect
    await waitUntil(() => messageTexts(el).includes('Versterking gevraagd aan de Korenmarkt.'), 'the live message shows');
    await aTimeout(50);
    expect(messageTexts(el).filter((text) => text === 'Versterking gevraagd aan de Korenmarkt.')).to.have.length(1);
    const live = root(el).querySelector('[aria-live="polite"]')!;
    expect(textOf(live)).to.equal('Nieuw bericht van Hoofdinspecteur Jan De Smet: Versterking gevraagd aan de Korenmarkt.');
    expect(root(el).querySelector('[part~="thread"]')!.closest('[aria-live]')).to.equal(null);
    expect(textOf(all(el, '[part~="thread"] [part~="message"]').at(-1)!.querySelector('[part~="priority"]'))).to.equal('Prioritair');
    await waitUntil(() => fake.marks.some((mark) => mark.sequence === 3), 'read up to it');
  });

  it('updates read receipts live', async () => {
    const { el, fake } = await mount();
    fake.readUpTo('conv-1', 'svc-fire', 2);
    await waitUntil(() => textOf(all(el, '[part~="receipt"]').at(-1)).includes('Brandweer Gent — dispatching'), 'the receipt names the service');
    expect(textOf(all(el, '[part~="receipt"]').at(-1))).to.equal('Gelezen door Hoofdinspecteur Jan De Smet en Brandweer Gent — dispatching');
  });

  it('shares the position with its accuracy, opens it on the incident map or in Waze', async () => {
    const geolocation = {
      getCurrentPosition: (success: PositionCallback) => success({ coords: { latitude: 51.0543, longitude: 3.7174, accuracy: 12.4 }, timestamp: Date.parse('2026-11-30T07:10:00Z') } as GeolocationPosition),
    };
    const { el } = await mount({ geolocation });
    button(el, 'Mijn positie delen')!.click();
    await waitUntil(() => textOf(root(el).querySelector('[part~="composer"]')).includes('± 12 m'), 'the position is ready');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root(el).querySelector('[part~="thread"] [part~="position"]'), 'the position is in the thread');
    const position = root(el).querySelector('[part~="thread"] [part~="position"]')!;
    expect(textOf(position.querySelector('p'))).to.equal('Positie ± 12 m om 08:10');
    expect(position.querySelector('a')!.getAttribute('href')).to.equal('https://waze.com/ul?ll=51.054300,3.717400&navigate=yes');
    const opened = oneEvent(el, 'blauw-position-open') as Promise<CustomEvent<PositionOpenDetail>>;
    [...position.querySelectorAll('button')].find((node) => textOf(node) === 'Op de incidentkaart')!.click();
    const { detail } = await opened;
    expect(detail.position).to.include({ lat: 51.0543, lon: 3.7174, accuracy: 12 });
    expect(detail).to.include({ senderId: 'off-1', senderName: 'Inspecteur An Peeters' }, 'the map names whose it is, not "U"');
  });

  it('sends a photo before the message that names it, through the device’s outbox', async () => {
    const { el, fake } = await mount({ lang: 'en' });
    await pickPhoto(el);
    expect(textOf(root(el).querySelector('[part~="composer"]'))).to.contain('Photo ready to send');
    await write(el, 'The scene');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => fake.stored.get('conv-1')!.messages.some((message) => message.text === 'The scene'), 'stored');
    const stored = fake.stored.get('conv-1')!.messages.find((message) => message.text === 'The scene')!;
    expect(stored.attachments).to.have.length(1);
    expect(fake.photos.has(stored.attachments[0]!.photoId)).to.equal(true);
    await waitUntil(() => all(el, '[part~="thread"] [part~="message"]').some((node) => textOf(node).includes('The scene') && node.querySelector('[part~="photo"] img[alt="You: photo 1"]')), 'shown with its photo');
    expect(fake.photoDownloads, 'the photo shown while on its way, from the device, is not downloaded again').to.deep.equal([]);
  });

  it('shows a photo’s upload on its message, which reads "sending", until the message is sent', async () => {
    const { el, fake } = await mount({ lang: 'en' });
    let release!: () => void;
    fake.photoHeld = new Promise((resolve) => (release = resolve));
    await pickPhoto(el);
    await write(el, 'The plate');
    const sent = oneEvent(el, 'blauw-message-sent') as Promise<CustomEvent<MessageSentDetail>>;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.pending [part~="progress"]'), 'the upload shows on the message');
    const pending = root(el).querySelector('.pending')!;
    expect(textOf(pending.querySelector('.text'))).to.equal('The plate');
    const progress = pending.querySelector('progress')!;
    expect(progress.value).to.be.above(0).and.below(progress.max);
    expect([...progress.labels].map(textOf)).to.deep.equal([`Photo: ${Math.floor((100 * progress.value) / progress.max)}%`]);
    expect(textOf(pending.querySelector('[part~="state"]'))).to.equal('Sending…');
    await expect(el).to.be.accessible();
    expect(fake.storedTimes.size).to.equal(0);
    release();
    const { detail } = await sent;
    await waitUntil(() => !root(el).querySelector('progress') && all(el, '[part~="thread"] [part~="message"]').some((node) => textOf(node).includes('The plate') && node.querySelector('[part~="photo"] img')), 'sent, without the upload');
    expect(fake.storedTimes.get(detail.clientId)).to.equal(1);
  });

  it('shows a message’s photo as a thumbnail of the server’s bytes, opened larger with Enter and closed with Escape', async () => {
    const { el, fake } = await mount({ fake: seedWithPhoto() });
    await waitUntil(() => thumbnails(el).length === 1 && thumbnails(el)[0]!.complete, 'the thumbnail shows');
    const [image] = thumbnails(el);
    expect(image!.alt).to.equal('Hoofdinspecteur Jan De Smet: foto 1');
    expect(image!.src).to.match(/^blob:/);
    expect(new Uint8Array(await (await fetch(image!.src)).arrayBuffer())).to.deep.equal(sampleJpegBytes());
    expect(image!.naturalWidth).to.equal(64);
    expect(fake.photoDownloads).to.deep.equal([PHOTO_ID]);
    await expect(el).to.be.accessible();

    const thumbnail = image!.closest('button')!;
    thumbnail.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root(el).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the photo opens larger');
    expect(dialog.getAttribute('aria-label')).to.equal('Hoofdinspecteur Jan De Smet: foto 1');
    expect(dialog.querySelector('img')!.src).to.equal(image!.src);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape closes it');
    expect(root(el).activeElement, 'focus back on the thumbnail').to.equal(thumbnail);
    expect(fake.photoDownloads, 'fetched once').to.have.length(1);
  });

  it('keeps its place while a photo loads, and says "1 photo" with a retry when it does not come', async () => {
    const fake = seedWithPhoto();
    let release!: () => void;
    fake.photoDownloadHeld = new Promise((resolve) => (release = resolve));
    fake.failPhotos = 1;
    const { el } = await mount({ fake, lang: 'en' });
    await waitUntil(() => fake.photoDownloads.length === 1, 'asked for when seen');
    const placeholder = root(el).querySelector<HTMLElement>('[part~="photo"].loading')!;
    const box = placeholder.getBoundingClientRect();
    expect(textOf(placeholder)).to.equal('Loading…');
    release();
    await waitUntil(() => button(el, 'Load the photo again'), 'a retry');
    const failed = root(el).querySelector('[part~="thread"] [part~="photo"]')!;
    expect(textOf(failed)).to.contain('1 photo');
    expect([failed.getBoundingClientRect().width, failed.getBoundingClientRect().height]).to.deep.equal([box.width, box.height]);
    await expect(el).to.be.accessible();
    button(el, 'Load the photo again')!.click();
    await waitUntil(() => thumbnails(el).length === 1, 'the photo after the retry');
    const image = thumbnails(el)[0]!;
    await waitUntil(() => image.complete);
    const shown = image.closest('button')!.getBoundingClientRect();
    expect([shown.width, shown.height], 'no layout jump').to.deep.equal([box.width, box.height]);
    expect(fake.photoDownloads).to.deep.equal([PHOTO_ID, PHOTO_ID]);
  });

  it('shows the text instead of a photo the page cannot show (a CSP without blob: images), and logs nothing', async () => {
    const { el } = await mount({ fake: seedWithPhoto(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2])], { type: 'image/jpeg' })), lang: 'en' });
    await waitUntil(() => textOf(root(el).querySelector('[part~="thread"] .photos')) === '1 photo', 'the text, not a broken image');
    expect(thumbnails(el)).to.have.length(0);
    expect(button(el, 'Load the photo again')).to.equal(undefined);
  });

  it('revokes its photos’ object URLs when it leaves the page, and shows them again from its cache when it comes back', async () => {
    const { el, fake } = await mount({ fake: seedWithPhoto() });
    await waitUntil(() => thumbnails(el).length === 1, 'the thumbnail shows');
    const url = thumbnails(el)[0]!.src;
    const parent = el.parentNode!;
    el.remove();
    let revoked = false;
    await fetch(url).catch(() => (revoked = true));
    expect(revoked, 'the object URL no longer resolves').to.equal(true);
    parent.appendChild(el);
    await waitUntil(() => thumbnails(el).length === 1, 'shown again');
    expect(thumbnails(el)[0]!.src).to.not.equal(url);
    expect(fake.photoDownloads, 'not downloaded again').to.have.length(1);
  });

  it('says an expired session is one (sign in again) and a refused role is one, not "contact the site’s administrator"', async () => {
    const refusing = (error: BlauwError): MessagingClient => {
      const fake = seed();
      const conversations = Object.assign(() => Promise.reject(error), {
        all: async function* () {
          yield* [];
          throw error;
        },
      });
      return { messaging: new Proxy(fake.messaging, { get: (target, key) => (key === 'conversations' ? conversations : Reflect.get(target, key)) }), briefings: fake.briefings };
    };
    for (const [error, key] of [
      [new UnauthenticatedError('Expired.', { status: 401 }), 'error.session_expired'],
      [new ForbiddenError('Not for you.', { status: 403 }), 'error.role_refused'],
    ] as const) {
      const el = await fixture<BlauwChat>(html`<blauw-chat lang="en" participant="off-1" .client=${refusing(error)}></blauw-chat>`);
      await waitUntil(() => all(el, '[role="alert"]').length > 0, 'the failure shows');
      expect(textOf(all(el, '[role="alert"]')[0])).to.contain(sharedMessages.en[key]);
      await expect(el).to.be.accessible();
    }
  });

  it('moves focus to the thread’s title when the officer picks another conversation by keyboard', async () => {
    const { el } = await mount();
    const second = all(el, '[part~="conversation"]')[1]!;
    second.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageTexts(el).includes('Update 3'), 'the other thread');
    await waitUntil(() => root(el).activeElement?.id === 'thread-title', 'focus on the title');
    expect(textOf(root(el).activeElement)).to.equal('Brandweer — dispatching');
    expect(second.getAttribute('aria-current')).to.equal('true');
  });

  it('runs none of the XSS corpus in message texts, names or titles', async () => {
    const fake = fakeMessagingClient([
      {
        conversation: fakeConversation({
          id: 'conv-1',
          title: XSS_CORPUS[0]!,
          lastSequence: XSS_CORPUS.length,
          participants: [{ id: 'off-2', displayName: XSS_CORPUS[2]!, kind: 'officer' }],
        }),
        messages: XSS_CORPUS.map((text, index) => message(index + 1, 'off-2', text, index === 0 ? { attachments: [{ photoId: PHOTO_ID, size: 1, mediaType: 'image/jpeg' }] } : {})),
      },
    ]);
    fake.photos.set(PHOTO_ID, sampleJpeg());
    const { el } = await mount({ fake });
    await waitUntil(() => thumbnails(el).length === 1, 'the photo shows, its alt text naming the hostile sender');
    expect(thumbnails(el)[0]!.alt).to.equal(`${XSS_CORPUS[2]!}: foto 1`);
    await aTimeout(50);
    expect(messageTexts(el)).to.deep.equal([...XSS_CORPUS]);
    // Our own thumbnail is an img of a blob: URL with an alt text and nothing else; any other is a payload's.
    const ours = /^<img src="blob:[^"]+" alt="[^"]*">$/;
    expect(injected(el.shadowRoot!).filter((found) => !ours.test(found))).to.deep.equal([]);
  });

  it('names a direct conversation, which has no title, after the other participant', async () => {
    const fake = fakeMessagingClient([
      {
        conversation: fakeConversation({
          id: 'conv-1',
          kind: 'direct',
          title: '',
          lastSequence: 1,
          participants: [
            { id: 'off-1', displayName: 'Inspecteur An Peeters', kind: 'officer' },
            { id: 'off-2', displayName: 'Hoofdinspecteur Jan De Smet', kind: 'officer' },
          ],
        }),
        messages: [message(1, 'off-2', 'Neem jij de Kerkstraat over?')],
      },
    ]);
    const { el } = await mount({ fake });
    expect(textOf(root(el).querySelector('#thread-title'))).to.equal('Hoofdinspecteur Jan De Smet');
    expect(textOf(root(el).querySelector('[part~="conversation"] .title'))).to.equal('Hoofdinspecteur Jan De Smet');
  });

  it('lines up a conversation with no messages yet with the others: its name at the start, not centred', async () => {
    const fake = fakeMessagingClient([
      { conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Gent-Centrum', lastSequence: 1, updatedAt: '2026-11-30T07:05:00Z' }), messages: [message(1, 'off-2', 'Wie neemt de Veldstraat?')] },
      { conversation: fakeConversation({ id: 'conv-2', title: 'Wout', lastSequence: 0, updatedAt: '2026-11-30T07:00:00Z' }), messages: [] },
    ]);
    const { el } = await mount({ fake });
    await setViewport({ width: 360, height: 800 });
    await el.updateComplete;
    // Measured from inside the border: the selected one has a thicker start border.
    const starts = all(el, '[part~="conversation"]').map(
      (button) => button.querySelector('.title')!.getBoundingClientRect().left - button.getBoundingClientRect().left - parseFloat(getComputedStyle(button).borderInlineStartWidth),
    );
    expect(starts.length).to.equal(2);
    expect(Math.abs(starts[1]! - starts[0]!), `title offsets ${starts.join(', ')}`).to.be.lessThan(2);
  });

  it('speaks French and stays usable at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await mount({ lang: 'fr' });
    expect(textOf(root(el).querySelector('#list-title'))).to.equal('Conversations');
    expect(button(el, 'Partager ma position')).to.not.equal(undefined);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
    await setViewport({ width: 1024, height: 768 });
  });
});
