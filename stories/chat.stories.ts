import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import { FieldDevice, ForbiddenError, UnauthenticatedError, type Message, type MessagingClient, type StreamState } from '@blauw/core';
import '../packages/widgets/src/chat/chat.js';
import { MESSAGE_KIND, PHOTO_KIND } from '../packages/widgets/src/chat/chat-rules.js';
import { fakeConversation, fakeMessagingClient, type FakeMessagingClient } from '../packages/widgets/src/testing/fake-messaging-client.js';
import { sampleJpeg } from '../packages/widgets/src/testing/sample-jpeg.js';
import { XSS_CORPUS } from '../packages/widgets/src/testing/xss-corpus.js';

// Every story runs on the fake client of the tests: Inspecteur An Peeters (off-1) in her team's
// conversation and with the fire brigade's dispatch. Without a device (a messaging-only client)
// a message is sent at once; the "kept on the device" story has a FieldDevice of its own.

interface ChatArgs {
  /** A language for the widget itself; empty: the toolbar's. */
  lang: string;
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 7, minute)).toISOString();
const message = (conversationId: string, sequence: number, senderId: string, text: string, extra: Partial<Message> = {}): Message => ({
  id: `${conversationId}-${sequence}`,
  clientId: crypto.randomUUID(),
  conversationId,
  sequence,
  senderId,
  sentAt: at(sequence * 3),
  priority: false,
  text,
  attachments: [],
  position: null,
  readBy: [],
  ...extra,
});

function zone(): FakeMessagingClient {
  return fakeMessagingClient([
    {
      conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Gent-Centrum', lastSequence: 3, updatedAt: at(9) }),
      messages: [
        message('conv-1', 1, 'off-2', 'Wie neemt de melding in de Veldstraat?'),
        message('conv-1', 2, 'off-1', 'Ik ga erheen.', { readBy: [{ participantId: 'off-2', readAt: at(7) }] }),
        message('conv-1', 3, 'off-2', 'Hier sta ik, kom via de Kortrijksepoortstraat.', { priority: true, position: { lat: 51.0478, lon: 3.7196, accuracy: 8, at: at(9) } }),
      ],
    },
    {
      conversation: fakeConversation({ id: 'conv-2', kind: 'services', title: 'Brandweer Gent — dispatching', lastSequence: 2, unreadCount: 2, updatedAt: at(2) }),
      messages: [message('conv-2', 1, 'svc-fire', 'Rookmelding Sint-Pietersnieuwstraat 41.'), message('conv-2', 2, 'svc-fire', 'Ploeg ter plaatse binnen 6 minuten.', { priority: true })],
    },
  ]);
}

const PHOTO_ID = '5eed0000-0000-4000-8000-00000000f070';

/** The team's conversation where Jan De Smet answers with a photo (a small JPEG on the fake server). */
function zoneWithPhoto(): FakeMessagingClient {
  const photo = sampleJpeg();
  const fake = fakeMessagingClient([
    {
      conversation: fakeConversation({ id: 'conv-1', title: 'Ploeg Gent-Centrum', lastSequence: 2, updatedAt: at(6) }),
      messages: [
        message('conv-1', 1, 'off-1', 'Hoe ziet de gevel eruit?', { readBy: [{ participantId: 'off-2', readAt: at(4) }] }),
        message('conv-1', 2, 'off-2', 'Schade aan de eerste verdieping.', { attachments: [{ photoId: PHOTO_ID, size: photo.size, mediaType: 'image/jpeg' }] }),
      ],
    },
  ]);
  fake.photos.set(PHOTO_ID, photo);
  return fake;
}

/** The fake without its `checks`: no device, so messages are sent at once. */
const online = (fake: FakeMessagingClient): MessagingClient => ({ messaging: fake.messaging, briefings: fake.briefings });

/** The fake whose conversation list answers with `answer` (a promise that never settles: still loading). */
function conversationsAnswer(fake: FakeMessagingClient, answer: () => Promise<never>): MessagingClient {
  const conversations = Object.assign(() => answer(), {
    all: async function* () {
      yield* [];
      await answer();
    },
  });
  const messaging = new Proxy(fake.messaging, { get: (target, key) => (key === 'conversations' ? conversations : Reflect.get(target, key)) });
  return { messaging, briefings: fake.briefings };
}

/** The fake whose streams move to `state` once they are open. */
function streamIn(state: StreamState): MessagingClient {
  const fake = zone();
  setTimeout(() => {
    for (const stream of fake.streams) stream.setState(state);
  }, 300);
  return online(fake);
}

const widget = ({ lang }: ChatArgs, client: MessagingClient, device?: FieldDevice, width = '48rem'): TemplateResult => html`
  <div style="max-inline-size: ${width}">
    <blauw-chat .client=${client} .device=${device} participant="off-1" lang=${ifDefined(lang || undefined)}
      .geolocation=${{ getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 51.0543, longitude: 3.7174, accuracy: 14 }, timestamp: Date.now() } as GeolocationPosition) }}
    ></blauw-chat>
  </div>
`;

const meta: Meta<ChatArgs> = {
  title: 'Chat',
  component: 'blauw-chat',
  args: { lang: '' },
  argTypes: { lang: { control: 'select', options: ['', 'nl', 'fr', 'de', 'en'] } },
  render: (args) => widget(args, online(zone())),
};
export default meta;

type Story = StoryObj<ChatArgs>;

/** The team's conversation: a question, the officer's answer read by Jan De Smet, a priority position share (incident map or Waze). */
export const Default: Story = {};

/** A colleague and the fire brigade write live (the buttons): the message appears once, is announced, and counts unread in the other conversation. */
export const Live: Story = {
  render: (args) => {
    const fake = zone();
    return html`${widget(args, online(fake))}
      <p>
        <button @click=${() => fake.receive('conv-1', 'off-2', `Versterking gevraagd (${new Date().toLocaleTimeString()})`)}>Jan De Smet schrijft</button>
        <button @click=${() => fake.receive('conv-2', 'svc-fire', 'Brand meester.', { priority: true })}>Brandweer schrijft</button>
        <button @click=${() => fake.readUpTo('conv-1', 'svc-fire', 99)}>Brandweer leest</button>
      </p>`;
  },
};

/** The network is gone: a message written now waits on the device (sealed in its outbox) and goes when "Network back" is pressed. */
export const KeptOnTheDevice: Story = {
  name: 'Offline, kept on the device',
  render: (args) => {
    const fake = zone();
    fake.offline = false;
    const device = FieldDevice.open(fake.checks, { name: `blauw-story-chat-${Date.now()}`, backoff: { base: 500, cap: 2000 } }).then((opened) => {
      fake.offline = true;
      return html`${widget(args, fake, opened)}<p><button @click=${() => (fake.offline = false)}>Network back</button></p>`;
    });
    return html`${until(device, html`<p>…</p>`)}`;
  },
};

/**
 * A message with a photo on its way: the photo uploads first (here it stops halfway until "Upload
 * finishes" is pressed), the message reads "Sending…" with the upload's progress, then "Sent".
 * A photo added in the composer goes the same way.
 */
export const PhotoUploading: Story = {
  name: 'Photo uploading',
  render: (args) => {
    const fake = zone();
    let release = (): void => undefined;
    fake.photoHeld = new Promise((resolve) => (release = resolve));
    const ready = (async () => {
      const device = await FieldDevice.open(fake.checks, { name: `blauw-story-chat-photo-${Date.now()}`, backoff: { base: 500, cap: 2000 } });
      const canvas = new OffscreenCanvas(640, 480);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#1f4e9c';
      context.fillRect(0, 0, 640, 480);
      const { photoId } = await device.savePhoto(await canvas.convertToBlob({ type: 'image/jpeg' }));
      const clientId = crypto.randomUUID();
      // What the chat queues on "Send": the photo first, then the message that names it.
      await device.queue({ kind: PHOTO_KIND, ref: 'conv-1', clientId: photoId, request: { method: 'PUT', path: `check-photos/${photoId}`, body: { photoId } } });
      await device.queue({ kind: MESSAGE_KIND, ref: 'conv-1', clientId, request: fake.messaging.sendRequest({ conversationId: 'conv-1', clientId, text: 'De nummerplaat van de wagen.', attachments: [photoId] }) });
      return html`${widget(args, fake, device)}<p><button @click=${() => release()}>Upload finishes</button></p>`;
    })();
    return html`${until(ready, html`<p>…</p>`)}`;
  },
};

/** A colleague's photo in the thread: a thumbnail that opens larger (click or Enter; Escape closes). */
export const Photo: Story = { render: (args) => widget(args, online(zoneWithPhoto())) };

/** A photo on its way down: a placeholder of the thumbnail's size, so nothing moves when it arrives (here it never does). */
export const PhotoLoading: Story = {
  name: 'Photo loading',
  render: (args) => {
    const fake = zoneWithPhoto();
    fake.photoDownloadHeld = new Promise(() => undefined);
    return widget(args, online(fake));
  },
};

/** A photo that did not come (the network dropped): "1 photo" with "Load the photo again", which then shows it. */
export const PhotoNotLoaded: Story = {
  name: 'Photo not loaded',
  render: (args) => {
    const fake = zoneWithPhoto();
    fake.failPhotos = 1;
    return widget(args, online(fake));
  },
};

/** The zone refuses the next message (validation): it says "Not sent" with "Send again", which then succeeds. */
export const Refused: Story = {
  render: (args) => {
    const fake = zone();
    fake.refuseNext('validation_failed');
    return widget(args, online(fake));
  },
};

/** No conversations yet. */
export const Empty: Story = { render: (args) => widget(args, online(fakeMessagingClient([]))) };

/** The conversations cannot be loaded (no network at all): the error with "Try again". */
export const Failed: Story = {
  render: (args) => {
    const fake = zone();
    fake.offline = true;
    return widget(args, online(fake));
  },
};

/** The conversations on their way: a loading state that says so to screen readers. */
export const Loading: Story = { render: (args) => widget(args, conversationsAnswer(zone(), () => new Promise<never>(() => undefined))) };

/** The live connection dropped: the status line says it reconnects (what is shown stays). */
export const Reconnecting: Story = { render: (args) => widget(args, streamIn('reconnecting')) };

/** The tablet lost its network: the status line says so; messages written now wait on the device. */
export const Offline: Story = { render: (args) => widget(args, streamIn('offline')) };

/** The officer's sign-in ran out: "Your session has expired. Sign in again." */
export const SessionExpired: Story = {
  name: 'Session expired',
  render: (args) => widget(args, conversationsAnswer(zone(), () => Promise.reject(new UnauthenticatedError('Expired (story).', { status: 401 })))),
};

/** The sign-in has no part in messaging (e.g. a citizen's): the refusal in words. */
export const Forbidden: Story = {
  render: (args) => widget(args, conversationsAnswer(zone(), () => Promise.reject(new ForbiddenError('Not for you (story).', { status: 403 })))),
};

/** Hostile text in titles, names and messages shows as typed and runs nothing. */
export const HostileText: Story = {
  render: (args) =>
    widget(
      args,
      online(
        fakeMessagingClient([
          {
            conversation: fakeConversation({ id: 'conv-1', title: XSS_CORPUS[0]!, lastSequence: XSS_CORPUS.length, participants: [{ id: 'off-2', displayName: XSS_CORPUS[2]!, kind: 'officer' }] }),
            messages: XSS_CORPUS.map((text, index) => message('conv-1', index + 1, 'off-2', text)),
          },
        ]),
      ),
    ),
};

/** At 320 px: the conversations above the thread. */
export const Narrow: Story = { name: '320 px', render: (args) => widget(args, online(zone()), undefined, '320px') };

/** In French. */
export const French: Story = { args: { lang: 'fr' } };

/** In German. */
export const German: Story = { args: { lang: 'de' } };

/** In English. */
export const English: Story = { args: { lang: 'en' } };
