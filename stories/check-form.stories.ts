import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { FieldDevice, checkAnswers, type CheckAnswer, type CheckAssignment, type CheckDraft, type CheckField, type CheckSyncState, type CheckType, type FieldPosition } from '@blauw/core';
import '../packages/widgets/src/check-form/check-form.js';
import type { BlauwCheckForm } from '../packages/widgets/src/check-form/check-form.js';
import { DOMICILE, DOMICILE_ANSWERS, DOMICILE_ASSIGNMENT, ELECTRONIC_MONITORING, MONITORING_ASSIGNMENT } from '../packages/widgets/src/check-receipt/receipt-fixtures.js';
import { OnlineOnlyDevice, type CheckDevice } from '../packages/widgets/src/shared/field-device.js';
import { fakeChecks, type FakeChecks } from '../packages/widgets/src/testing/fake-checks.js';

// Every story runs the form over a real FieldDevice (drafts and outbox encrypted in this browser's
// IndexedDB, one database per story, emptied before it renders) and the fake `checks` client of the
// tests, whose server accepts, refuses or cannot be reached as the story says. The clock is pinned
// at 10:42 on Monday 30 November 2026 in Brussels, so each story looks the same on any day.

const NOW = Date.parse('2026-11-30T09:42:00Z');
const now = () => NOW;
const OPEN_DOMICILE: CheckAssignment = { ...DOMICILE_ASSIGNMENT, status: 'open' };
const OPEN_MONITORING: CheckAssignment = { ...MONITORING_ASSIGNMENT, status: 'open', dueBy: '2026-11-30T22:59:00Z', note: 'Huisarrest 21:00–07:00. Bel aan bij nr. 120 A.' };

interface CheckFormArgs {
  /** The zone's name, for the receipt. */
  zoneName: string;
  /** The officer's number, for the receipt. */
  officerNumber: string;
}

/** What a story's loader prepares: the form's device and client, and what it shows. */
interface Setup {
  device: CheckDevice;
  fake: FakeChecks;
  assignment: string;
  /** Fixes the form's language; without it, the toolbar's applies. */
  lang?: string;
  geolocation?: Pick<Geolocation, 'getCurrentPosition'>;
  /** A width to show the form at (a phone), with a dashed outline. */
  width?: string;
}

// The devices this page opened, by story: a story seen again logs its old device out first.
const opened = new Map<string, FieldDevice>();

/** A real device named after the story, empty: its drafts, outbox and caches from before are wiped. */
async function freshDevice(story: string, fake: FakeChecks): Promise<FieldDevice> {
  const name = `story-${story}`;
  const before = opened.get(name) ?? (await FieldDevice.open(fake.client.checks, { name, now }));
  await before.logout({ force: true });
  const device = await FieldDevice.open(fake.client.checks, { name, now, backoff: { base: 60_000, cap: 60_000, random: () => 0 } });
  opened.set(name, device);
  return device;
}

/** Waits until the device says where an assignment's work stands (the outbox drains on its own). */
async function until(device: FieldDevice, assignmentId: string, state: CheckSyncState): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if ((await device.syncStates()).get(assignmentId) === state) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The check of ${assignmentId} did not reach "${state}".`);
}

/** The seeded domicile answers, as the form keeps them (hidden fields and photos left out). */
const completedDomicile = (): Record<string, CheckAnswer> => {
  const answers: Record<string, CheckAnswer> = { ...DOMICILE_ANSWERS };
  delete answers['photos'];
  return checkAnswers(DOMICILE, answers).kept;
};

/** A draft of the domicile check, saved at 10:42: half the questions answered. */
const halfDomicile = (assignmentId: string): CheckDraft => ({
  assignmentId,
  type: DOMICILE.type,
  definitionVersion: DOMICILE.version,
  answers: { personMet: true, identityVerified: true, nameOnLetterbox: true, nameOnBell: false, signsOfLiving: 'some' },
  savedAt: NOW,
});

const VISIT: FieldPosition = { lat: 51.054311, lon: 3.721732, accuracy: 12.4 };

/** A browser location that gives the visit's position after a moment. */
const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
  getCurrentPosition(success) {
    setTimeout(() => success({ coords: { latitude: VISIT.lat, longitude: VISIT.lon, accuracy: VISIT.accuracy } } as GeolocationPosition), 600);
  },
};

/** An empty domicile form over a fresh device, optionally with a draft. */
async function domicile(story: string, options: { draft?: boolean; types?: CheckType[]; lang?: string; width?: string } = {}): Promise<Setup> {
  const fake = fakeChecks([OPEN_DOMICILE], options.types ?? [DOMICILE, ELECTRONIC_MONITORING]);
  const device = await freshDevice(story, fake);
  if (options.draft) await device.saveDraft(halfDomicile(OPEN_DOMICILE.id));
  return { device, fake, assignment: OPEN_DOMICILE.id, ...(options.lang ? { lang: options.lang } : {}), ...(options.width ? { width: options.width } : {}) };
}

/** A domicile check completed at 10:40, queued; the fake server answers its sending as `answer` says. */
async function completed(story: string, answer: FakeChecks['answer'], state: CheckSyncState): Promise<Setup> {
  const fake = fakeChecks([OPEN_DOMICILE], [DOMICILE]);
  fake.answer = answer;
  const device = await freshDevice(story, fake);
  // The form of this version is on the device, as after the officer opened it.
  await device.checkType({ type: DOMICILE.type });
  await device.submit(DOMICILE, {
    assignmentId: OPEN_DOMICILE.id,
    type: DOMICILE.type,
    definitionVersion: DOMICILE.version,
    answers: completedDomicile(),
    completedAt: '2026-11-30T10:40:00+01:00',
  });
  await until(device, OPEN_DOMICILE.id, state);
  return { device, fake, assignment: OPEN_DOMICILE.id };
}

const form = (args: CheckFormArgs, setup: Setup): TemplateResult => {
  const element = html`<blauw-check-form
    lang=${ifDefined(setup.lang)}
    assignment=${setup.assignment}
    officer-number=${args.officerNumber}
    zone-name=${args.zoneName}
    .client=${setup.fake.client}
    .device=${setup.device}
    .now=${now}
    .geolocation=${setup.geolocation ?? geolocation}
  ></blauw-check-form>`;
  return setup.width
    ? html`<div style="inline-size: ${setup.width}; outline: 1px dashed #767676">${element}</div>`
    : html`<div style="max-inline-size: 44rem">${element}</div>`;
};

/** The form inside the story's canvas, once it shows its form (or what it shows instead). */
async function loadedForm(canvasElement: HTMLElement): Promise<BlauwCheckForm> {
  const element = canvasElement.querySelector('blauw-check-form')!;
  await waitFor(() => expect(element.shadowRoot?.querySelector('form, [part~="done"], [part~="alert"]')).toBeTruthy(), { timeout: 5000 });
  return element;
}

const meta: Meta<CheckFormArgs> = {
  title: 'Check form',
  component: 'blauw-check-form',
  args: { zoneName: 'Politiezone Gent', officerNumber: '40718' },
  render: (args, { loaded }) => form(args, loaded['setup'] as Setup),
};
export default meta;

type Story = StoryObj<CheckFormArgs>;

/** The form while the assignment and its form load (the zone never answers here). */
export const Loading: Story = {
  loaders: [
    async () => {
      const fake = fakeChecks([OPEN_DOMICILE], [DOMICILE]);
      Object.assign(fake.client.checks, { types: () => new Promise<never>(() => undefined) });
      return { setup: { device: await freshDevice('loading', fake), fake, assignment: OPEN_DOMICILE.id } satisfies Setup };
    },
  ],
};

/** A domicile check not started yet, in Dutch: the zone's questions, each with its answers. */
export const EmptyDomicile: Story = {
  name: 'Empty domicile form (nl)',
  loaders: [async () => ({ setup: await domicile('empty', { lang: 'nl' }) })],
};

/** The officer came back to a check half filled in: the draft is restored from the device. */
export const DraftRestored: Story = {
  name: 'Half-filled draft restored',
  loaders: [async () => ({ setup: await domicile('draft', { draft: true }) })],
};

/** "Complete check" with answers missing: the summary lists each, linked to its field. */
export const ErrorSummary: Story = {
  name: 'Error summary',
  loaders: [async () => ({ setup: await domicile('errors', { draft: true }) })],
  play: async ({ canvasElement }) => {
    const element = await loadedForm(canvasElement);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitFor(() => expect(element.shadowRoot!.querySelector('[part~="error-summary"]')).toBeTruthy());
  },
};

/**
 * No network: the notice says the answers stay on this device. The browser is told it is offline
 * (`navigator.onLine` is false for this story); the form comes from the device's copy.
 */
export const Offline: Story = {
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      delete (navigator as { onLine?: boolean }).onLine;
    };
  },
  loaders: [
    async () => {
      const setup = await domicile('offline', { draft: true });
      // Seen once online: the assignments and the form are on the device.
      const device = setup.device as FieldDevice;
      await device.assignments();
      await device.checkType({ type: DOMICILE.type });
      setup.fake.offline = true;
      setup.fake.answer = 'offline';
      return { setup };
    },
  ],
};

/** Completed without a network: the check waits on the device with its reference and receipt. */
export const WaitingForNetwork: Story = {
  name: 'Completed, waiting for network',
  loaders: [async () => ({ setup: await completed('waiting', 'offline', 'waiting') })],
};

/** Completed and delivered: sent to the zone. */
export const Sent: Story = {
  name: 'Completed and sent',
  loaders: [async () => ({ setup: await completed('sent', 'accept', 'sent') })],
};

/** The zone refused the check: it needs the officer's attention, with Send again and Correct the answers. */
export const NeedsAttention: Story = {
  name: 'Needs your attention (refused)',
  loaders: [async () => ({ setup: await completed('refused', 'refuse', 'needs_attention') })],
};

/** The officer chose Correct the answers: the refused check is a draft again, why it was refused above it. */
export const CorrectingRefused: Story = {
  name: 'Correcting a refused check',
  loaders: [
    async () => {
      const setup = await completed('correcting', 'refuse', 'needs_attention');
      await setup.device.reopen(setup.assignment);
      setup.fake.answer = 'accept';
      return { setup };
    },
  ],
};

/** An electronic monitoring check in French, half filled in, with the position found at the visit. */
export const ElectronicMonitoringFrench: Story = {
  name: 'Electronic monitoring (fr) with position',
  loaders: [
    async () => {
      const fake = fakeChecks([OPEN_MONITORING], [DOMICILE, ELECTRONIC_MONITORING]);
      const device = await freshDevice('monitoring-fr', fake);
      await device.saveDraft({
        assignmentId: OPEN_MONITORING.id,
        type: ELECTRONIC_MONITORING.type,
        definitionVersion: ELECTRONIC_MONITORING.version,
        answers: { curfewStart: '21:00', curfewEnd: '07:00', personPresent: true, tagVisible: true, position: { lat: VISIT.lat, lon: VISIT.lon } },
        position: VISIT,
        savedAt: NOW,
      });
      return { setup: { device, fake, assignment: OPEN_MONITORING.id, lang: 'fr' } satisfies Setup };
    },
  ],
};

const signature: CheckField = { name: 'signature', kind: 'signature', label: { nl: 'Handtekening', fr: 'Signature', de: 'Unterschrift', en: 'Signature' }, required: true };

/** The zone added a field this version of the page cannot show: it says what to do, and cannot be completed. */
export const UnknownField: Story = {
  name: 'A field this page cannot show',
  loaders: [async () => ({ setup: await domicile('unknown-field', { types: [{ ...DOMICILE, version: 3, fields: [...DOMICILE.fields, signature] }] }) })],
};

/** The assignment is not (or no longer) the officer's: an error with Try again. */
export const NotFound: Story = {
  name: 'Assignment not found',
  loaders: [
    async () => {
      const fake = fakeChecks([], [DOMICILE]);
      return { setup: { device: await freshDevice('not-found', fake), fake, assignment: OPEN_DOMICILE.id } satisfies Setup };
    },
  ],
};

/** A browser that keeps nothing on the device (a private window): the form says it works online only. */
export const OnlineOnly: Story = {
  name: 'Online only (private window)',
  loaders: [
    async () => {
      const fake = fakeChecks([OPEN_DOMICILE], [DOMICILE]);
      return { setup: { device: new OnlineOnlyDevice(fake.client.checks), fake, assignment: OPEN_DOMICILE.id } satisfies Setup };
    },
  ],
};

/** In German, the draft restored. */
export const German: Story = { loaders: [async () => ({ setup: await domicile('de', { draft: true, lang: 'de' }) })] };

/** In English, the draft restored. */
export const English: Story = { loaders: [async () => ({ setup: await domicile('en', { draft: true, lang: 'en' }) })] };

/** On a 320 px wide phone, in English, after "Complete check" with answers missing. */
export const Narrow320: Story = {
  name: 'Narrow, 320 px',
  loaders: [async () => ({ setup: await domicile('narrow', { draft: true, lang: 'en', width: '320px' }) })],
  play: async ({ canvasElement }) => {
    const element = await loadedForm(canvasElement);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitFor(() => expect(element.shadowRoot!.querySelector('[part~="error-summary"]')).toBeTruthy());
  },
};
