import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CheckAnswer, CheckAssignment, CheckType } from '@blauw/core';
import '../packages/widgets/src/check-receipt/check-receipt.js';
import {
  COMPLETED_LATE,
  DOMICILE,
  DOMICILE_ANSWERS,
  DOMICILE_ASSIGNMENT,
  ELECTRONIC_MONITORING,
  LONG_REMARK,
  MONITORING_ANSWERS,
  MONITORING_ASSIGNMENT,
} from '../packages/widgets/src/check-receipt/receipt-fixtures.js';
import type { ReceiptPosition } from '../packages/widgets/src/check-receipt/receipt-rules.js';

// The receipt needs no network: every story hands it a check type, an assignment and answers
// (copies of the mock server's seeded forms, with made-up people in Gent). Times are pinned in
// the data: completed at 23:30 UTC on 30 November 2026, already 1 December, 00:30 in Brussels.

interface ReceiptArgs {
  /** The zone's name, in the receipt's header. */
  zoneName: string;
  /** The officer's number. */
  officerNumber: string;
  /** The reference made on the device. */
  reference: string;
  /** Leaves out the "Print receipt" button. */
  noPrintButton: boolean;
}

interface Check {
  checkType: CheckType;
  assignment: CheckAssignment;
  answers: Record<string, CheckAnswer>;
  completedAt: string;
  position?: ReceiptPosition;
  /** Fixes the receipt's language; without it, the toolbar's language applies. */
  lang?: string;
}

const domicile: Check = { checkType: DOMICILE, assignment: DOMICILE_ASSIGNMENT, answers: DOMICILE_ANSWERS, completedAt: COMPLETED_LATE };
const monitoring: Check = {
  checkType: ELECTRONIC_MONITORING,
  assignment: MONITORING_ASSIGNMENT,
  answers: MONITORING_ANSWERS,
  completedAt: '2026-11-30T21:55:00Z',
  position: { lat: 51.054311, lon: 3.721732, accuracy: 8 },
};

const receipt = (args: ReceiptArgs, check: Check): TemplateResult => html`
  <blauw-check-receipt
    lang=${ifDefined(check.lang)}
    .checkType=${check.checkType}
    .assignment=${check.assignment}
    .answers=${check.answers}
    .position=${check.position}
    completed-at=${check.completedAt}
    reference=${args.reference}
    officer-number=${args.officerNumber}
    zone-name=${args.zoneName}
    ?no-print-button=${args.noPrintButton}
  ></blauw-check-receipt>
`;

const meta: Meta<ReceiptArgs> = {
  title: 'Check receipt',
  component: 'blauw-check-receipt',
  args: { zoneName: 'Politiezone Gent', officerNumber: '40718', reference: 'CHK-3F2A9C1B', noPrintButton: false },
  render: (args) => receipt(args, domicile),
};
export default meta;

type Story = StoryObj<ReceiptArgs>;

/** A domicile check in Dutch: the person lives there; the reason "not met" typed earlier is left out. */
export const DomicileDutch: Story = { render: (args) => receipt(args, { ...domicile, lang: 'nl' }) };

/** An electronic monitoring check in French, with the visit's time and positions. */
export const ElectronicMonitoringFrench: Story = {
  args: { zoneName: 'Zone de police Bruxelles-Capitale Ixelles', reference: 'CHK-9B0D41E7' },
  render: (args) => receipt(args, { ...monitoring, lang: 'fr' }),
};

/** A long remark, with a reference that has no space to break at, on a 320 px wide screen: it wraps. */
export const LongAnswerAt320px: Story = {
  render: (args) =>
    html`<div style="inline-size: 320px; outline: 1px dashed #767676">${receipt(args, { ...domicile, answers: { ...DOMICILE_ANSWERS, remarks: LONG_REMARK } })}</div>`,
};

/** German: the person was not home during curfew hours; the tag questions are left out. */
export const German: Story = {
  args: { zoneName: 'Polizeizone Eifel', reference: 'CHK-51C0E2AA' },
  render: (args) =>
    receipt(args, {
      ...monitoring,
      lang: 'de',
      answers: { ...MONITORING_ANSWERS, personPresent: false, absenceExplanation: 'Niemand öffnet; die Heimeinheit leuchtet grün.' },
    }),
};

/** English, without the print button (an app that prints with its own control and `print()`). */
export const EnglishWithoutButton: Story = {
  args: { noPrintButton: true },
  render: (args) => receipt(args, { ...domicile, lang: 'en' }),
};
