import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import { createBookingClient, type Slot } from '@blauw/core';
import '../packages/widgets/src/booking-calendar/booking-calendar.js';

/** A zone API on another origin, as on a municipality's site; the msw worker answers it (see .storybook/preview.ts). */
const STORY_API = 'https://api.pz-scheldeland.example/v1';

interface BookingArgs {
  api: string;
  topic: string;
  office: string;
}

const meta: Meta<BookingArgs> = {
  title: 'Booking calendar',
  component: 'blauw-booking-calendar',
  args: { api: STORY_API, topic: '', office: '' },
  // An empty attribute would still skip a step, so an empty arg leaves the attribute out.
  render: ({ api, topic, office }) => html`
    <blauw-booking-calendar api=${api} topic=${ifDefined(topic || undefined)} office=${ifDefined(office || undefined)}></blauw-booking-calendar>
  `,
};
export default meta;

type Story = StoryObj<BookingArgs>;

const problem = (status: number, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: 'about:blank', title, status, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

/** The whole flow against the mock zone: topic, place, day and time, details, confirmation. */
export const Default: Story = {};

/** A page about one topic and one office: the citizen starts at the date (step 1 of 2). */
export const PreselectedTopicAndOffice: Story = {
  args: { topic: 'topic-domicile', office: 'office-brakelvoorde' },
};

/**
 * A topic that allows a home visit: on step 2, "Ask for a home visit" opens the request form,
 * prefilled with the address typed to find the officer.
 */
export const HomeVisit: Story = {
  args: { topic: 'topic-domicile' },
};

/**
 * The manage link: a booking is made through the SDK first, then the widget opens it with its
 * token (as `?blauw-manage=<token>` in the page URL would), to reschedule or cancel.
 */
export const ManageMode: Story = {
  render: ({ api }) => html`${until(bookOne(api).then((token) => html`<blauw-booking-calendar api=${api} manage-token=${token}></blauw-booking-calendar>`), html`<p>…</p>`)}`,
};

async function bookOne(api: string): Promise<string> {
  const { booking } = createBookingClient({ baseUrl: api });
  const topicId = 'topic-domicile';
  const today = new Date();
  const from = today.toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 27 * 86_400_000).toISOString().slice(0, 10);
  const month = await booking.availability({ topicId, officeId: 'office-brakelvoorde', from, to });
  const slot = month.days.flatMap((day) => day.slots)[0];
  if (!slot) throw new Error('The mock zone has no free slot in the next four weeks.');
  const booked = await booking.book({ slotId: slot.id, topicId, citizen: { name: 'An Peeters', email: 'an.peeters@example.be', language: 'nl' } });
  return booked.manageToken ?? '';
}

/** Every call takes eight seconds: placeholders the size of the content, `aria-busy`, no layout jump. */
export const Loading: Story = {
  parameters: {
    msw: [
      http.get('*/v1/topics', async () => {
        await delay(8000);
      }),
    ],
  },
};

/** The zone offers no topics: a clear message instead of an empty list. */
export const Empty: Story = {
  parameters: { msw: [http.get('*/v1/topics', () => HttpResponse.json({ items: [], nextCursor: null }))] },
};

/**
 * The API cannot be reached: the network message and a retry button. The offline banner shows
 * when the browser itself is offline (DevTools → Network → Offline), and the widget loads again
 * when the connection returns.
 */
export const Offline: Story = {
  parameters: { msw: [http.get('*/v1/*', () => HttpResponse.error())] },
};

/** The server fails: a localized message per error kind and a retry button. */
export const ServerError: Story = {
  parameters: { msw: [http.get('*/v1/topics', () => problem(503, 'Service Unavailable'))] },
};

/**
 * Someone else books the chosen time first: the first booking attempt answers `409 slot_taken`
 * with the next free times; the form keeps what the citizen typed, and picking one books it.
 */
export const SlotTaken: Story = {
  parameters: {
    msw: [
      http.post('*/v1/bookings', async ({ request }) => {
        if (takenOnce) return undefined;
        takenOnce = true;
        const { slotId, topicId } = (await request.clone().json()) as { slotId: string; topicId: string };
        const officerId = slotId.split('.')[0] ?? '';
        const from = new Date().toISOString().slice(0, 10);
        const to = new Date(Date.now() + 27 * 86_400_000).toISOString().slice(0, 10);
        const month = await createBookingClient({ baseUrl: new URL('/v1', request.url).href }).booking.availability({ topicId, officerId, from, to });
        const nextSlots: Slot[] = month.days.flatMap((day) => day.slots).filter((slot) => slot.id !== slotId).slice(0, 3);
        return problem(409, 'Slot taken', { code: 'slot_taken', detail: 'Someone booked this slot just before you.', nextSlots });
      }),
    ],
  },
};
let takenOnce = false;

/** A manage link that opens a home-visit request in a given state, built from the mock zone's own topic and office. */
function homeVisitStory(status: 'requested' | 'confirmed' | 'declined' | 'cancelled', extra: Record<string, unknown> = {}): Story {
  return {
    render: ({ api }) => html`<blauw-booking-calendar api=${api} manage-token="story-visit"></blauw-booking-calendar>`,
    parameters: {
      msw: [
        http.get('*/v1/manage/story-visit', async ({ request }) => {
          const { booking } = createBookingClient({ baseUrl: new URL('/v1', request.url).href });
          const [topics, offices] = await Promise.all([booking.topics(), booking.offices()]);
          const topic = topics.items.find((item) => item.homeVisit) ?? topics.items[0]!;
          const office = offices.items[0]!;
          const now = new Date().toISOString();
          const visit = {
            id: 'visit-story',
            status,
            topicId: topic.id,
            officerId: 'officer-01',
            officeId: office.id,
            address: { street: 'Kerkstraat', houseNumber: '12', postalCode: office.address.postalCode, municipality: office.address.municipality },
            dayParts: ['morning', 'evening'],
            reason: 'Bevestiging van mijn nieuwe adres.',
            citizen: { name: 'An Peeters', email: 'an.peeters@example.be', language: 'nl' },
            sequence: status === 'requested' ? 0 : 1,
            createdAt: now,
            updatedAt: now,
            ...extra,
          };
          return HttpResponse.json({ kind: 'home_visit', visit, topic, office, officer: { id: 'officer-01', displayName: 'Inspecteur Wouters' } });
        }),
      ],
    },
  };
}

/** A home-visit request the officer has not answered yet: the citizen sees it is requested and can cancel it. */
export const HomeVisitRequested: Story = homeVisitStory('requested');

/** The officer confirmed the visit with a time and a message; the calendar file can be added. */
export const HomeVisitConfirmed: Story = homeVisitStory('confirmed', {
  confirmedStart: new Date(Date.now() + 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  confirmedEnd: new Date(Date.now() + 3 * 86_400_000 + 30 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  officerMessage: 'Ik kom langs tussen 9 en 9.30 uur.',
});

/** The officer declined the visit, with a message saying what to do instead. */
export const HomeVisitDeclined: Story = homeVisitStory('declined', {
  officerMessage: 'Voor een adreswijziging volstaat een afspraak in het wijkkantoor. Maak gerust een afspraak.',
});
