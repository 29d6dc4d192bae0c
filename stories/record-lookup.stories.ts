import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import { ForbiddenError, ServerError, createRecordsClient } from '@blauw/core';
import '../packages/widgets/src/record-lookup/record-lookup.js';
import type { BlauwRecordLookup } from '../packages/widgets/src/record-lookup/record-lookup.js';
import { fakeRecordsClient, type FakeRecordsOptions } from '../packages/widgets/src/testing/fake-records-client.js';
import { pinnedClock } from '../packages/widgets/src/testing/fake-incidents-client.js';

// Every story looks up the fictional register of the tests (three persons, three vehicles, three
// addresses in Gent; a field officer's view, national numbers masked), seen at 10:00 on Wednesday
// 10 March 2027 in Brussels. The stories that show a result fill the form in and search, as an
// officer would: each look-up fires `blauw-record-lookup` (see the Actions panel).
const NOW = pinnedClock('2027-03-10T09:00:00Z');

interface RecordLookupArgs {
  /** The tab shown first. */
  tab: string;
  /** A language for the widget itself; empty: the toolbar's. */
  lang: string;
}

const lookup = ({ tab, lang }: RecordLookupArgs, options: FakeRecordsOptions = {}, width = '40rem'): TemplateResult => html`
  <div style=${`max-inline-size: ${width}`}>
    <blauw-record-lookup .client=${fakeRecordsClient(options)} .now=${NOW} tab=${ifDefined(tab || undefined)} lang=${ifDefined(lang || undefined)}></blauw-record-lookup>
  </div>
`;

const meta: Meta<RecordLookupArgs> = {
  title: 'Record look-up',
  component: 'blauw-record-lookup',
  args: { tab: 'person', lang: '' },
  argTypes: { tab: { control: 'inline-radio', options: ['person', 'vehicle', 'address', 'all'] }, lang: { control: 'select', options: ['', 'nl', 'fr', 'de', 'en'] } },
  parameters: { actions: { handles: ['blauw-record-lookup', 'blauw-error'] } },
  render: (args) => lookup(args),
};
export default meta;

type Story = StoryObj<RecordLookupArgs>;

// ---- play helpers: fill the form in as an officer would ----

async function widgetIn(canvas: HTMLElement): Promise<{ el: BlauwRecordLookup; root: ShadowRoot }> {
  const el = canvas.querySelector('blauw-record-lookup')!;
  await waitFor(() => {
    if (!el.shadowRoot?.querySelector('form')) throw new Error('not rendered yet');
  });
  return { el, root: el.shadowRoot! };
}

/** Fills the form in (by field id: `purposeCode`, `purposeText`, `plate`, `query`, …) and searches. */
async function fillIn(canvas: HTMLElement, values: Record<string, string>, { submit = true } = {}): Promise<void> {
  const { el, root } = await widgetIn(canvas);
  for (const [id, value] of Object.entries(values)) {
    await el.updateComplete;
    const input = root.getElementById(id) as HTMLInputElement | HTMLSelectElement;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
  await el.updateComplete;
  if (!submit) return;
  root.querySelector<HTMLButtonElement>('[part~="primary-button"]')!.click();
  await waitFor(
    () => {
      if (!root.querySelector('[part~="results"], [part~="alert"], [part~="error-summary"], [part~="notice"]')) throw new Error('not answered yet');
    },
    { timeout: 5000 },
  );
}

/** The empty form: a purpose to choose, then what to look up. */
export const EmptyForm: Story = { name: 'Empty form' };

/** Search without a purpose: nothing is sent; the summary links to the purpose. */
export const PurposeMissing: Story = {
  name: 'Purpose missing',
  play: ({ canvasElement }) => fillIn(canvasElement, { nationalNumber: '85.07.30-033.28' }),
};

/** A mistyped national number, caught as typed (mod-97), before anything is sent. */
export const InvalidNationalNumber: Story = {
  name: 'Invalid national number',
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'traffic_control', nationalNumber: '85.07.30-033.29' }, { submit: false }),
};

/** The one-box search finds a wanted person under electronic monitoring: flags first, linked vehicle, address and prior incidents; the number masked. */
export const PersonDossier: Story = { name: 'Person dossier with flags', args: { tab: 'all' }, play: ({ canvasElement }) => showDossier(canvasElement) };

function showDossier(canvas: HTMLElement): Promise<void> {
  return fillIn(canvas, { purposeCode: 'incident', purposeText: '2027-0042', query: 'Verbeke Jan' });
}

/** A supervisor's view of the same person: the national number whole. */
export const PersonUnmasked: Story = {
  name: 'Person, number not masked (supervisor)',
  render: (args) => lookup(args, { masked: false }),
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'investigation', nationalNumber: '85073003328' }),
};

/** A plate typed as seen (`2xyz987`): a stolen, wanted vehicle. */
export const VehicleWanted: Story = {
  name: 'Vehicle wanted',
  args: { tab: 'vehicle' },
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'traffic_control', plate: '2xyz987' }),
};

/** An address with an open domicile check. */
export const AddressDomicileCheck: Story = {
  name: 'Address with open domicile check',
  args: { tab: 'address' },
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'check', purposeText: 'a-101', street: 'Korte Meer', houseNumber: '9', postalCode: '9000' }),
};

/** Nothing found: said, and that the look-up was logged all the same. */
export const NoResult: Story = {
  name: 'No record found',
  args: { tab: 'vehicle' },
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'traffic_control', plate: '9-ZZZ-999' }),
};

/** The officer's role may not consult these records (403). */
export const Forbidden: Story = {
  name: 'Role may not consult (403)',
  render: (args) => lookup(args, { fail: new ForbiddenError('Forbidden.', { status: 403, problem: { title: 'Forbidden', status: 403 } }) }),
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'investigation', nationalNumber: '85073003328' }),
};

/**
 * No network: look-ups are never queued, and the widget says so. The browser is told it is offline
 * (`navigator.onLine` is false for this story).
 */
export const Offline: Story = {
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      delete (navigator as { onLine?: boolean }).onLine;
    };
  },
  args: { tab: 'vehicle' },
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'traffic_control', plate: '1-ABC-234' }),
};

/** The server fails: an error with Try again (which still fails here). */
export const Failed: Story = {
  name: 'Server error',
  render: (args) => lookup(args, { fail: new ServerError('Down.', { status: 503 }) }),
  args: { tab: 'vehicle' },
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'traffic_control', plate: '1-ABC-234' }),
};

/** A look-up under way (it never answers here). */
export const Searching: Story = {
  render: (args) => lookup(args, { manual: true }),
  args: { tab: 'vehicle' },
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, { purposeCode: 'traffic_control', plate: '1-ABC-234' }, { submit: false });
    const { root } = await widgetIn(canvasElement);
    root.querySelector<HTMLButtonElement>('[part~="primary-button"]')!.click();
  },
};

/** Three look-ups in a session: "My recent look-ups", newest first, each with Search again. */
export const RecentLookups: Story = {
  name: 'Recent look-ups',
  args: { tab: 'all' },
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, { purposeCode: 'incident', purposeText: '2027-0042', query: '1-ABC-234' });
    await fillIn(canvasElement, { query: 'Kouter 12 9000' });
    await fillIn(canvasElement, { query: 'El Idrissi' });
  },
};

/** In French: a person's dossier. */
export const French: Story = { args: { lang: 'fr', tab: 'all' }, play: ({ canvasElement }) => showDossier(canvasElement) };

/** In German: a person's dossier. */
export const German: Story = { args: { lang: 'de', tab: 'all' }, play: ({ canvasElement }) => showDossier(canvasElement) };

/** In English: a person's dossier. */
export const English: Story = { args: { lang: 'en', tab: 'all' }, play: ({ canvasElement }) => showDossier(canvasElement) };

/** On a 320 px wide phone, in Dutch: the dossier wraps, nothing scrolls sideways. */
export const Narrow320: Story = {
  name: 'Narrow, 320 px',
  args: { lang: 'nl', tab: 'all' },
  render: (args) => lookup(args, {}, '320px'),
  play: ({ canvasElement }) => showDossier(canvasElement),
};

/**
 * Against the mock server's handlers (msw, see .storybook/preview.ts): its seeded register, signed
 * in as the development officer (national numbers masked), every look-up audited there. Searches
 * "Verbeke Wout" in the one box; try a plate or a street of the seed too. The real clock.
 */
export const LiveMockServer: Story = {
  name: 'Live (mock server)',
  args: { tab: 'all' },
  render: ({ tab, lang }) => html`
    <div style="max-inline-size: 40rem">
      <blauw-record-lookup
        .client=${createRecordsClient({ baseUrl: 'https://api.pz-scheldeland.example/v1', getToken: () => 'dev-officer' })}
        tab=${ifDefined(tab || undefined)}
        lang=${ifDefined(lang || undefined)}
      ></blauw-record-lookup>
    </div>
  `,
  play: ({ canvasElement }) => fillIn(canvasElement, { purposeCode: 'incident', purposeText: '2027-0042', query: 'Verbeke Wout' }),
};
