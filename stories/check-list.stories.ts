import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ServerError, UnauthenticatedError } from '@blauw/core';
import '../packages/widgets/src/check-list/check-list.js';
import type { CheckSyncState } from '@blauw/core';
import { FakeFieldDevice, fakeAssignment, OFFICER_WEEK, OFFICER_WEEK_NOW, type FakeFieldDeviceOptions } from '../packages/widgets/src/testing/fake-field-device.js';
import { pinnedClock } from '../packages/widgets/src/testing/fake-incidents-client.js';

// Every story runs on the fake device of the tests, seen at 10:00 on Wednesday 10 March 2027 in
// Brussels, so they look the same on any day. Picking an entry fires `blauw-check-open`, for the
// page to open the check's form.
const NOW = pinnedClock(OFFICER_WEEK_NOW);

interface CheckListArgs {
  /** `open` (default) or `all`. */
  show: string;
  /** A language for the widget itself; empty: the toolbar's. */
  lang: string;
}

const list = ({ show, lang }: CheckListArgs, device: FakeFieldDevice | undefined): TemplateResult => html`
  <div style="max-inline-size: 36rem">
    <blauw-check-list .device=${device} .now=${NOW} show=${ifDefined(show || undefined)} lang=${ifDefined(lang || undefined)}></blauw-check-list>
  </div>
`;

const device = (options: FakeFieldDeviceOptions = {}) => new FakeFieldDevice(options);

const EVERY_STATE: Record<string, CheckSyncState> = { 'a-101': 'needs_attention', 'a-102': 'waiting', 'a-103': 'sending', 'a-104': 'draft', 'a-105': 'sent' };

const meta: Meta<CheckListArgs> = {
  title: 'Check list',
  component: 'blauw-check-list',
  args: { show: 'open', lang: '' },
  argTypes: { show: { control: 'inline-radio', options: ['open', 'all'] }, lang: { control: 'select', options: ['', 'nl', 'fr', 'de', 'en'] } },
  render: (args) => list(args, device({ states: { 'a-102': 'draft' } })),
};
export default meta;

type Story = StoryObj<CheckListArgs>;

/** An officer's week in Gent and Antwerpen: one overdue, two due today, three later; a draft of one. */
export const Loaded: Story = {};

/** Every sync state: needs attention, waiting for network, sending, draft, sent. */
export const EverySyncState: Story = { name: 'Every sync state', render: (args) => list(args, device({ states: EVERY_STATE })) };

/** Also the submitted and cancelled checks, after the open ones (`show="all"`). */
export const All: Story = { args: { show: 'all' }, render: (args) => list(args, device({ states: { 'a-107': 'sent' } })) };

/** Three checks overdue, one of them since last week. */
export const Overdue: Story = {
  render: (args) =>
    list(
      args,
      device({
        assignments: [
          ...OFFICER_WEEK,
          fakeAssignment({ id: 'a-120', type: 'electronic_monitoring', person: { givenName: 'Dries', familyName: 'Goossens' }, address: { street: 'Sint-Bernardsesteenweg', houseNumber: '401', postalCode: '2660', municipality: 'Antwerpen' }, dueBy: '2027-03-03T19:00:00Z' }),
          fakeAssignment({ id: 'a-121', type: 'residence', person: { givenName: 'Nora', familyName: 'Vermeulen' }, address: { street: 'Kortrijksesteenweg', houseNumber: '88', postalCode: '9000', municipality: 'Gent' }, dueBy: '2027-03-10T08:00:00Z' }),
        ],
        states: { 'a-120': 'needs_attention' },
      }),
    ),
};

/** No checks assigned. */
export const Empty: Story = { render: (args) => list(args, device({ assignments: [] })) };

/** Offline: the list saved on this device at 07:45, with drafts waiting for the network. */
export const OfflineWithCache: Story = {
  name: 'Offline with cache',
  render: (args) => list(args, device({ mode: 'cache', states: { 'a-101': 'waiting', 'a-103': 'draft' } })),
};

/** Offline, and no list saved on this device yet. */
export const OfflineNoCache: Story = { name: 'Offline, nothing saved', render: (args) => list(args, device({ mode: 'offline' })) };

/** The server fails: an error with Try again (which still fails here). */
export const Failed: Story = { render: (args) => list(args, device({ mode: 'error', failure: new ServerError('Down.', { status: 503 }) })) };

/** The officer's session has expired. */
export const SessionExpired: Story = { render: (args) => list(args, device({ mode: 'error', failure: new UnauthenticatedError('Expired.', { status: 401 }) })) };

/** No device: the configuration error the widgets show without a client. */
export const NoDevice: Story = { render: (args) => list(args, undefined) };

/** The list is still loading (it never answers here). */
export const Loading: Story = { render: (args) => list(args, device({ manual: true })) };

/** In French, with every sync state. */
export const French: Story = { args: { lang: 'fr' }, render: (args) => list(args, device({ states: EVERY_STATE })) };

/** In German, with every sync state. */
export const German: Story = { args: { lang: 'de' }, render: (args) => list(args, device({ states: EVERY_STATE })) };

/** In English, with every sync state. */
export const English: Story = { args: { lang: 'en' }, render: (args) => list(args, device({ states: EVERY_STATE })) };
