import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import { NetworkError, NotFoundError, ServerError as ServerFailure } from '@blauw/core';
import '../packages/widgets/src/booking-calendar/booking-calendar.js';
import type { BlauwBookingCalendar } from '../packages/widgets/src/booking-calendar/booking-calendar.js';
import { messages } from '../packages/widgets/src/booking-calendar/messages.js';
import {
  bookingSlot,
  bookingTopic,
  fakeBookingClient,
  managedBooking,
  managedVisit,
  pinnedClock,
  slotTaken,
  type FakeBookingClient,
  type FakeBookingOptions,
} from '../packages/widgets/src/testing/fake-booking-client.js';

// Every story runs on a pinned clock, Monday 1 March 2027, 09:00 in Brussels, against the in-memory
// zone of the tests (offices "Office Centre" and "Office North"; topics "Domicile", which allows a
// home visit, and "Neighbour dispute"; free times at 09:00, 09:30 and 14:00 on weekdays within 90
// days). No story reads the real date: they look the same on any day.
const NOW = pinnedClock('2027-03-01T08:00:00Z');

/** A zone on the pinned clock; `setUp` queues failures before the widget's first call. */
function zone(options: FakeBookingOptions = {}, setUp?: (client: FakeBookingClient) => void): FakeBookingClient {
  const client = fakeBookingClient({ now: NOW, ...options });
  setUp?.(client);
  return client;
}

interface BookingArgs {
  /** Topic id to preselect (`t-1` Domicile, `t-2` Neighbour dispute); empty: none. */
  topic: string;
  /** Office id to preselect (`o-1`, `o-2`); empty: none. */
  office: string;
  /** A manage token: opens the zone's existing booking (only where the story's zone has one). */
  manageToken: string;
}

// An empty attribute would still skip a step, so an empty arg leaves the attribute out.
const calendar = ({ topic, office, manageToken }: BookingArgs, client: FakeBookingClient): TemplateResult => html`
  <blauw-booking-calendar
    .client=${client}
    .now=${NOW}
    topic=${ifDefined(topic || undefined)}
    office=${ifDefined(office || undefined)}
    manage-token=${ifDefined(manageToken || undefined)}
  ></blauw-booking-calendar>
`;

const meta: Meta<BookingArgs> = {
  title: 'Booking calendar',
  component: 'blauw-booking-calendar',
  args: { topic: '', office: '', manageToken: '' },
  render: (args) => calendar(args, zone()),
  // The widget writes its step and manage link into the page address (`#blauw-manage=…`): each
  // story starts from a clean address, or it would open the previous story's booking.
  beforeEach: () => {
    history.replaceState(null, '', location.pathname + location.search);
  },
};
export default meta;

type Story = StoryObj<BookingArgs>;

// ---- play helpers: find things as a citizen would, in the language the toolbar chose ----

type Catalog = (typeof messages)['en'];

function widgetIn(canvas: HTMLElement): { el: BlauwBookingCalendar; root: ShadowRoot; t: Catalog; client: FakeBookingClient } {
  const el = canvas.querySelector('blauw-booking-calendar')!;
  const lang = (el.closest('[lang]')?.getAttribute('lang') ?? 'nl') as keyof typeof messages;
  return { el, root: el.shadowRoot!, t: messages[lang] ?? messages.nl, client: el.client as FakeBookingClient };
}

// Collapses all whitespace (French no-break spaces too) on both sides of a comparison.
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = (node: Element | null | undefined) => squeeze(node?.textContent ?? '');

/** Waits for an element in the widget's shadow root, and returns it. */
async function find<E extends Element = HTMLElement>(root: ShadowRoot, selector: string, text?: string): Promise<E> {
  return waitFor(
    () => {
      const found = [...root.querySelectorAll<E>(selector)].find((node) => text === undefined || textOf(node) === squeeze(text) || node.getAttribute('aria-label') === text);
      if (!found) throw new Error(`No ${selector}${text === undefined ? '' : ` "${text}"`} yet`);
      return found;
    },
    { timeout: 5000 },
  );
}

const click = async (root: ShadowRoot, selector: string, text?: string) => (await find(root, selector, text)).click();

function type(root: ShadowRoot, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    const input = root.getElementById(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** Waits until the step's heading ends with `text`. */
const heading = (root: ShadowRoot, text: string) =>
  waitFor(
    () => {
      if (!textOf(root.querySelector('h2')).endsWith(squeeze(text))) throw new Error(`Not at "${text}" yet`);
    },
    { timeout: 5000 },
  );

/** In the time step: the first free day (the grid's tab stop), then its second time (09:30). */
async function pickFirstFreeTime(root: ShadowRoot): Promise<void> {
  await find(root, 'table[role="grid"][aria-busy="false"]');
  await click(root, '[data-day][tabindex="0"]:not([aria-disabled])');
  const times = await waitFor(() => {
    const inputs = [...root.querySelectorAll<HTMLInputElement>('label[part="time"] input')];
    if (inputs.length < 2) throw new Error('No times yet');
    return inputs;
  });
  times[1]!.click();
}

const submitStep = (root: ShadowRoot) => click(root, 'form button[part~="primary-button"]');

// ---- a new booking ----

/** The whole flow: topic, place, day and time, details, confirmation. */
export const Default: Story = {};

/** A page about one topic and one office: the citizen starts at the date (step 1 of 2). */
export const PreselectedTopicAndOffice: Story = {
  args: { topic: 't-1', office: 'o-1' },
};

/**
 * A topic that allows a home visit: on step 2, "Ask for a home visit" opens the request form,
 * prefilled with the address typed to find the officer.
 */
export const HomeVisit: Story = {
  args: { topic: 't-1' },
};

/**
 * A home-visit request at its last step: the address typed on step 2, the morning ticked and
 * what to talk about, then the citizen's details (step 3 of 3) with the recap of the address.
 */
export const HomeVisitDetails: Story = {
  args: { topic: 't-1' },
  play: async ({ canvasElement }) => {
    const { root, t } = widgetIn(canvasElement);
    await find(root, '#street');
    type(root, { street: 'Kerkstraat', houseNumber: '4', postalCode: '9000', municipality: 'Gent' });
    await click(root, 'button', t.visit);
    await heading(root, t.visitH);
    await click(root, '#dayParts');
    type(root, { reason: 'Bevestiging van mijn nieuwe adres.' });
    await submitStep(root);
    await heading(root, t.detailsH);
  },
};

/**
 * The address typed to find the officer is in no officer's area: the widget says so and offers
 * the zone's streets the server suggests; a suggestion fills the fields in.
 */
export const AddressNotCovered: Story = {
  args: { topic: 't-1' },
  play: async ({ canvasElement }) => {
    const { root, t, client } = widgetIn(canvasElement);
    await find(root, '#street');
    type(root, { street: 'Dorpstraat', houseNumber: '3', postalCode: '9300', municipality: 'Scheldegem' });
    client.failNext(
      'officerForAddress',
      new NotFoundError('Not covered', {
        problem: {
          type: 'about:blank',
          title: 'Not covered',
          status: 404,
          code: 'address_not_covered',
          suggestions: [{ street: 'Dorpsstraat', postalCode: '9300', municipality: 'Scheldegem' }],
        },
      }),
    );
    await click(root, 'form button', t.find);
    await find(root, 'ul.suggestions button');
  },
};

/**
 * A month beyond the booking horizon (90 days from 1 March): July 2027 says how far ahead
 * appointments can be booked and the day this month opens.
 */
export const BeyondHorizon: Story = {
  args: { topic: 't-1', office: 'o-1' },
  play: async ({ canvasElement }) => {
    const { root, t } = widgetIn(canvasElement);
    await find(root, '[data-day="2027-03-02"][tabindex="0"]');
    for (let i = 0; i < 4; i++) await click(root, 'button', t.nextMonth);
    await find(root, '[data-day="2027-07-01"]');
    await find(root, 'p[part="status"]');
  },
};

/**
 * A month with closed days: Easter Monday (a public holiday, named in the citizen's language)
 * and a closure the zone recorded. The grid names why each is closed, and lists them under it.
 */
export const ClosedDays: Story = {
  args: { topic: 't-1', office: 'o-1' },
  render: (args) =>
    calendar(
      args,
      zone({
        closed: {
          '2027-03-29': { reason: 'holiday', name: { nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' } },
          '2027-03-31': { reason: 'closure' },
        },
      }),
    ),
  play: async ({ canvasElement }) => {
    const { root } = widgetIn(canvasElement);
    await find(root, '.closed li');
  },
};

/**
 * Someone else books the chosen time first: the booking answers `409 slot_taken` with the next
 * free times; the form keeps what the citizen typed, and picking one of them books it.
 */
export const SlotTaken: Story = {
  args: { topic: 't-1', office: 'o-1' },
  play: async ({ canvasElement }) => {
    const { root, t, client } = widgetIn(canvasElement);
    await pickFirstFreeTime(root);
    await submitStep(root);
    await heading(root, t.detailsH);
    type(root, { name: 'An Peeters', email: 'an.peeters@example.be' });
    client.failNext('book', slotTaken([bookingSlot('2027-03-02', '14:00'), bookingSlot('2027-03-03', '09:00'), bookingSlot('2027-03-03', '09:30')]));
    await submitStep(root);
    await find(root, '.alternatives input[name="slot"]');
  },
};

// ---- states ----

/** The topics never arrive: placeholders the size of the content, `aria-busy`, no layout jump. */
export const Loading: Story = {
  render: (args) => calendar(args, zone({ manual: ['topics'] })),
};

/** The zone offers no topics: a clear message instead of an empty list. */
export const Empty: Story = {
  render: (args) => calendar(args, zone({ topics: [] })),
};

/**
 * The API cannot be reached: the network message and a retry button (which then succeeds). The
 * offline banner shows when the browser itself is offline (DevTools → Network → Offline), and the
 * widget loads again when the connection returns.
 */
export const Offline: Story = {
  render: (args) => calendar(args, zone({}, (client) => client.failNext('topics', new NetworkError('Failed to fetch')))),
};

/** The server fails: a localized message per error kind and a retry button (which then succeeds). */
export const ServerError: Story = {
  render: (args) => calendar(args, zone({}, (client) => client.failNext('topics', new ServerFailure('Service Unavailable', { status: 503 })))),
};

// ---- the manage link ----

// An existing booking on Tuesday 9 March 2027 at 09:00, Office Centre.
const booked = () => zone({ managed: managedBooking('2027-03-09') });

/**
 * The manage link: the page address carries the token in its fragment (`#blauw-manage=<token>`,
 * never the query, so it reaches no server log); here it is the `manage-token` attribute. The
 * booking can be rescheduled or cancelled.
 */
export const ManageMode: Story = {
  args: { manageToken: 'tok-9' },
  render: (args) => calendar(args, booked()),
};

/**
 * Rescheduling: a new time was picked, and before anything moves the widget asks to confirm it,
 * showing the current time struck through and the new one.
 */
export const ConfirmReschedule: Story = {
  args: { manageToken: 'tok-9' },
  render: (args) => calendar(args, booked()),
  play: async ({ canvasElement }) => {
    const { root, t } = widgetIn(canvasElement);
    await click(root, 'button', t.reschedule);
    await heading(root, t.newTimeH);
    await pickFirstFreeTime(root);
    await submitStep(root);
    await heading(root, t.confirmMoveH);
  },
};

/**
 * A booking cancelled through its manage link, after "Cancel your appointment?": the status, the
 * cancellation calendar file (to take it out of the citizen's calendar) and "Book another appointment".
 */
export const Cancelled: Story = {
  args: { manageToken: 'tok-9' },
  render: (args) => calendar(args, booked()),
  play: async ({ canvasElement }) => {
    const { root, t } = widgetIn(canvasElement);
    await click(root, 'button', t.cancel);
    await heading(root, t.cancelH);
    await click(root, 'button', t.cancelYes);
    await find(root, 'a[download]', t.cancelIcs);
  },
};

/** A home-visit request the officer has not answered yet: the citizen sees it is requested and can cancel it. */
export const HomeVisitRequested: Story = {
  args: { manageToken: 'tok-visit' },
  render: (args) => calendar(args, zone({ managed: managedVisit('requested', { dayParts: ['morning', 'evening'], reason: 'Bevestiging van mijn nieuwe adres.' }) })),
};

/** The officer confirmed the visit with a time and a message; the calendar file can be added. */
export const HomeVisitConfirmed: Story = {
  args: { manageToken: 'tok-visit' },
  render: (args) =>
    calendar(
      args,
      zone({
        managed: managedVisit('confirmed', {
          confirmedStart: '2027-03-04T09:00:00+01:00',
          confirmedEnd: '2027-03-04T09:30:00+01:00',
          officerMessage: 'Ik kom langs tussen 9 en 9.30 uur.',
          sequence: 1,
        }),
      }),
    ),
};

/** The officer declined the visit, with a message saying what to do instead. */
export const HomeVisitDeclined: Story = {
  args: { manageToken: 'tok-visit' },
  render: (args) =>
    calendar(
      args,
      zone({
        managed: managedVisit('declined', {
          officerMessage: 'Voor een adreswijziging volstaat een afspraak in het wijkkantoor. Maak gerust een afspraak.',
          sequence: 1,
        }),
      }),
    ),
};

// ---- long German text on a narrow screen ----

// The fake zone's texts are the same in every language; these are German, and long.
const same = (value: string) => ({ nl: value, fr: value, de: value, en: value });
const germanZone = () =>
  zone({
    topics: [
      bookingTopic('t-1', '', {
        name: same('Wohnsitzkontrolle nach einer Adressänderung innerhalb der Gemeinde'),
        description: same('Der Bezirksbeamte bestätigt Ihren neuen Hauptwohnsitz; bringen Sie Ihren Personalausweis und Ihren Mietvertrag mit.'),
        bring: [same('Personalausweis'), same('Mietvertrag oder Eigentumsnachweis')],
        homeVisit: true,
      }),
      bookingTopic('t-2', '', {
        name: same('Nachbarschaftsstreitigkeiten und Lärmbelästigung'),
        description: same('Beschreiben Sie kurz, was vorgefallen ist, damit sich der Beamte auf das Gespräch vorbereiten kann.'),
        bring: [same('Personalausweis')],
        asksFacts: true,
        durationMinutes: 30,
      }),
    ],
  });

const narrowGerman = (args: BookingArgs) => html`<div lang="de" style="inline-size: 320px; outline: 1px dashed #767676">${calendar(args, germanZone())}</div>`;

/** German, with long topic names, on a 320 px wide screen: everything wraps, nothing scrolls sideways. */
export const GermanAt320px: Story = {
  render: narrowGerman,
};

/** The same at the details step of a booking, the longest form. */
export const GermanAt320pxDetails: Story = {
  args: { topic: 't-2', office: 'o-1' },
  render: narrowGerman,
  play: async ({ canvasElement }) => {
    const { root, t } = widgetIn(canvasElement);
    await pickFirstFreeTime(root);
    await submitStep(root);
    await heading(root, t.detailsH);
  },
};
