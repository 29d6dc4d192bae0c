import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { FieldDevice } from '@blauw/core';
import '../packages/widgets/src/field-logout/field-logout.js';
import type { FieldLogoutDevice, LoggedOutDetail } from '../packages/widgets/src/field-logout/field-logout.js';
import { DOMICILE, DOMICILE_ASSIGNMENT } from '../packages/widgets/src/check-receipt/receipt-fixtures.js';
import { OnlineOnlyDevice } from '../packages/widgets/src/shared/field-device.js';
import { fakeChecks, type FakeChecks } from '../packages/widgets/src/testing/fake-checks.js';

// Every story logs out of a real FieldDevice (drafts and outbox encrypted in this browser's
// IndexedDB, one database per story, emptied before it renders) over the fake `checks` client of
// the tests, whose server cannot be reached: a completed check stays unsent. What the widget
// fires for the page (`blauw-logged-out` and its detail) is written under it.

const NOW = Date.parse('2026-11-30T09:42:00Z');
const now = () => NOW;

interface FieldLogoutArgs {
  /** A language for the widget itself; empty: the toolbar's. */
  lang: string;
}

/** What a story's loader prepares: the widget's device. */
interface Setup {
  device: FieldLogoutDevice;
}

function offlineServer(): FakeChecks {
  const fake = fakeChecks([{ ...DOMICILE_ASSIGNMENT, status: 'open' }], [DOMICILE]);
  fake.answer = 'offline';
  return fake;
}

// The devices this page opened, by story: a story seen again logs its old device out first.
const opened = new Map<string, FieldDevice>();

/** A real device named after the story, empty; with `work`, two drafts and a check waiting for the network. */
async function device(story: string, work = false): Promise<Setup> {
  const fake = offlineServer();
  const name = `story-logout-${story}`;
  const before = opened.get(name) ?? (await FieldDevice.open(fake.client.checks, { name, now }));
  await before.logout({ force: true });
  const fresh = await FieldDevice.open(fake.client.checks, { name, now, backoff: { base: 60_000, cap: 60_000, random: () => 0 } });
  opened.set(name, fresh);
  if (work) {
    const draft = { type: DOMICILE.type, definitionVersion: DOMICILE.version, answers: { personMet: true }, savedAt: NOW };
    await fresh.saveDraft({ ...draft, assignmentId: 'a-201' });
    await fresh.saveDraft({ ...draft, assignmentId: 'a-202' });
    await fresh.submit(DOMICILE, { assignmentId: 'a-203', type: DOMICILE.type, definitionVersion: DOMICILE.version, answers: { personMet: false }, completedAt: '2026-11-30T10:40:00+01:00' });
  }
  return { device: fresh };
}

const shown = (event: Event) => {
  const output = (event.currentTarget as HTMLElement).parentElement!.querySelector('output')!;
  output.textContent = `${event.type}: ${JSON.stringify((event as CustomEvent<LoggedOutDetail>).detail)}`;
};

const logout = ({ lang }: FieldLogoutArgs, setup: Setup): TemplateResult => html`
  <div style="max-inline-size: 36rem">
    <blauw-field-logout lang=${ifDefined(lang || undefined)} .device=${setup.device} @blauw-logged-out=${shown} @blauw-error=${shown}></blauw-field-logout>
    <p><output style="font-family: monospace"></output></p>
  </div>
`;

/** Opens the dialog as the officer does: a click on "Log out of this device". */
async function askToLogOut({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const element = canvasElement.querySelector('blauw-field-logout')!;
  await waitFor(() => expect(element.shadowRoot?.querySelector('[part~="button"]')).toBeTruthy());
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
  await waitFor(() => expect(element.shadowRoot!.querySelector('dialog')!.open).toBe(true), { timeout: 5000 });
}

const meta: Meta<FieldLogoutArgs> = {
  title: 'Field logout',
  component: 'blauw-field-logout',
  args: { lang: '' },
  argTypes: { lang: { control: 'select', options: ['', 'nl', 'fr', 'de', 'en'] } },
  render: (args, { loaded }) => logout(args, loaded['setup'] as Setup),
};
export default meta;

type Story = StoryObj<FieldLogoutArgs>;

/** Nothing unsent: a click wipes the device at once and fires `blauw-logged-out`. */
export const NothingUnsent: Story = {
  name: 'Nothing unsent',
  loaders: [async () => ({ setup: await device('nothing') })],
};

/** Two drafts and a check waiting for the network: the dialog asks first ("Stay signed in" is focused). */
export const UnsentWork: Story = {
  name: 'Unsent work',
  loaders: [async () => ({ setup: await device('unsent', true) })],
  play: askToLogOut,
};

/** The same, in French. */
export const French: Story = {
  args: { lang: 'fr' },
  loaders: [async () => ({ setup: await device('unsent-fr', true) })],
  play: askToLogOut,
};

/** A browser that keeps nothing offline (private mode): a click fires `blauw-logged-out` at once. */
export const OnlineOnly: Story = {
  name: 'Online only',
  loaders: [async () => ({ setup: { device: new OnlineOnlyDevice(offlineServer().client.checks) } satisfies Setup })],
};
