import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createChecksClient, type BlauwError, type CheckAssignment, type ChecksClient } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { ClientController } from '../shared/client-context.js';
import { FieldDeviceController } from '../shared/field-device.js';
import { ClientTask } from '../shared/client-task.js';
import { ClockController, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { officerErrorKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { checkEntry, syncText, typeText, type Key } from './check-entry.js';
import type { AssignmentsSnapshot, CheckSyncState, StorageStatus } from '@blauw/core';
import type { CheckListDevice } from './check-list-device.js';
import { changedStates, dayIn, groupAssignments, toShow } from './check-list-rules.js';
import { styles } from './check-list.styles.js';
import { messages } from './messages.js';

export type { CheckListDevice } from './check-list-device.js';

const TAG = 'blauw-check-list';

/**
 * Detail of `blauw-check-open`: the assignment the officer picked, to open its form.
 *
 * @category Widget events
 */
export interface CheckOpenDetail {
  assignment: CheckAssignment;
}

/**
 * The events `<blauw-check-list>` fires, by name. Both bubble and are composed.
 *
 * @category Widget events
 */
export interface CheckListEventMap {
  /** The officer picked an assignment (click, Enter or Space on its entry). */
  'blauw-check-open': CustomEvent<CheckOpenDetail>;
  /** The list could not be loaded (no device, a refused sign-in, the server down, offline with nothing saved). */
  'blauw-error': CustomEvent<BlauwErrorDetail>;
}

/**
 * The neighbourhood officer's check assignments (domicile, residence, electronic monitoring):
 * overdue first, then due today, then later, soonest due first, each with the person, the address
 * on one line, the due date in the zone's time zone ("Due today by 20:00", "Overdue since
 * yesterday at 17:00"), the desk's note, and where the officer's work on it stands on this device
 * ("Draft saved on this device", "Waiting for network", "Sending…", "Sent", "Needs your attention").
 *
 * Made for a tablet in the street: offline, it shows the list saved on the device with the time it
 * was saved, and refreshes by itself when the network returns; the sync states follow the device
 * as drafts are saved and the outbox drains, also from another tab.
 *
 * Each entry is a button; picking one fires `blauw-check-open` with the assignment, for the page
 * to open its form (`<blauw-check-form>`).
 *
 * @example
 * ```ts
 * const list = document.querySelector('blauw-check-list')!;
 * list.device = device; // a FieldDevice from @blauw/core
 * list.addEventListener('blauw-check-open', (event) => openForm(event.detail.assignment));
 * ```
 *
 * @tag blauw-check-list
 * @summary An officer's check assignments with due dates and sync state, offline too.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 * @attribute selected - The id of the assignment open beside the list; its entry is marked current (`aria-current`).
 *
 * @fires {CustomEvent<CheckOpenDetail>} blauw-check-open - The officer picked an assignment (click, Enter or Space on its entry).
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The list could not be loaded (no device, a refused sign-in, the server down, offline with nothing saved).
 *
 * @csspart heading - The list's heading ("My checks").
 * @csspart status - The offline banner ("Offline — showing the list saved on this device at 07:45") and the loading line; a polite live region.
 * @csspart storage - How much of the browser's storage the device uses, a warning when it is nearly full, or that this browser keeps nothing (private mode).
 * @csspart skeleton - The placeholder while the list loads.
 * @csspart group - A group of assignments: overdue, due today, later, submitted or cancelled.
 * @csspart group-heading - The heading of a group.
 * @csspart list - The list of a group's assignments.
 * @csspart entry - One assignment (a button); also `current` on the one named by `selected`.
 * @csspart type - The check type's name in an entry.
 * @csspart person - The person's name in an entry.
 * @csspart address - The address in an entry.
 * @csspart due - When the assignment is due.
 * @csspart assignment-status - "Submitted", "Cancelled" (assignments no longer open).
 * @csspart note - The desk's note.
 * @csspart sync - The sync state, an icon and words (its class is the state: `draft`, `waiting`, `sending`, `sent`, `needs_attention`).
 * @csspart empty - "No checks assigned" / "No open checks".
 * @csspart alert - A failure message with its Try again button.
 * @csspart retry - The Try again button.
 *
 * @cssprop [--blauw-sync-draft=#595959] - Draft saved on this device.
 * @cssprop [--blauw-sync-waiting=#8a4f00] - Waiting for network.
 * @cssprop [--blauw-sync-sending=var(--blauw-accent)] - Sending.
 * @cssprop [--blauw-sync-sent=var(--blauw-success)] - Sent.
 * @cssprop [--blauw-sync-attention=var(--blauw-danger)] - Needs your attention.
 * @cssprop [--blauw-check-overdue=var(--blauw-danger)] - The mark and due date of an overdue assignment.
 * @cssprop [--blauw-offline-background=#fff4d6] - Background of the offline banner.
 * @cssprop [--blauw-accent=#1f4e9c] - Buttons, the mark of the focused entry.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - The address, the note.
 * @cssprop [--blauw-surface=#ffffff] - Background of entries.
 * @cssprop [--blauw-border=#767676] - Borders of entries.
 * @cssprop [--blauw-danger=#b3261e] - Failures, overdue assignments.
 * @cssprop [--blauw-success=#1e6b34] - Sent.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwCheckList extends LitElement {
  /** The list's shadow styles: the design tokens, focus ring and reduced motion, then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    api: {},
    client: { attribute: false },
    device: { attribute: false },
    show: {},
    selected: {},
    timeZone: { attribute: 'time-zone' },
    now: { attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createChecksClient`, with an officer's token); wins over `api` and a provider. */
  client?: ChecksClient;
  /**
   * The officer's device (a `FieldDevice` from `@blauw/core`): the assignments, cached for offline
   * use, and the sync state of the drafts and outbox. By default the page's shared device of the
   * client (`FieldDevice.for(client.checks)`), which `<blauw-check-form>` uses too.
   */
  device?: CheckListDevice;
  /** `open` (default): the open assignments; `all`: also the submitted and cancelled ones, after them. */
  show = 'open';
  /** The id of the assignment open beside the list (its form), marked as current. */
  selected?: string;
  /** The zone's time zone, in which due dates are shown and "today" is read. */
  timeZone = 'Europe/Brussels';
  /** The clock, as milliseconds since the epoch (default: the provider's, else `Date.now`). */
  now?: Now;

  readonly #locale = new LocaleController(this, messages);
  readonly #clock = new ClockController(this);
  readonly #client = new ClientController<ChecksClient>(this, { language: () => this.#locale.language, create: createChecksClient });
  // Drafts saved and the outbox moving (here or in another tab) re-read the sync states.
  readonly #device = new FieldDeviceController<CheckListDevice>(this, { client: this.#client, onChange: () => this.#reread() });
  readonly #list = new ClientTask<[], AssignmentsSnapshot, CheckListDevice>(this, {
    client: this.#device,
    args: () => [],
    task: (device, _, { signal }) => device.assignments({ signal }),
  });
  // Re-read on every `change` of the device: the revision is the task's input.
  #revision = 0;
  readonly #states = new ClientTask<[number], Map<string, CheckSyncState>, CheckListDevice>(this, {
    client: this.#device,
    args: () => [this.#revision],
    task: (device) => device.syncStates(),
  });
  readonly #storage = new ClientTask<[number], StorageStatus, CheckListDevice>(this, {
    client: this.#device,
    args: () => [this.#revision],
    task: (device) => device.storage(),
  });
  // Back online: a list from the cache, or one that failed for want of a network, loads again.
  readonly #network = new NetworkStatus(this, {
    onOnline: () => {
      const kind = this.#list.error?.kind;
      if (this.#list.value?.fromCache || kind === 'network' || kind === 'timeout') void this.#list.retry();
      this.#reread();
    },
  });

  // A tablet stays open for hours: "due today by 17:00" turns overdue at 17:00 without a reload.
  #tick: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#tick ??= setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
    this.#tick = undefined;
  }

  #seenStates: ReadonlyMap<string, CheckSyncState> | undefined;
  #announcement = '';
  #reportedError: BlauwError | undefined;

  #reread(): void {
    this.#revision += 1;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('device')) this.#seenStates = undefined;
    // What changed on the device since the last reading is said once, politely.
    const states = this.#states.value;
    if (states !== undefined && states !== this.#seenStates) {
      const ids = changedStates(this.#seenStates, states);
      this.#seenStates = states;
      if (ids.length > 0) this.#announcement = this.#announce(ids, states);
      // A check just delivered is `submitted` on the server now: fetch the list again to show it so.
      if (ids.some((id) => states.get(id) === 'sent')) queueMicrotask(() => void this.#list.retry());
    }
  }

  protected override updated(): void {
    const error = this.#list.status === 'error' ? this.#list.error : undefined;
    if (error && error !== this.#reportedError) {
      this.#reportedError = error;
      this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  protected override render(): unknown {
    // The CDN files download the strings of the widget's language first (a moment on a slow line).
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    const list = this.#list;
    const snapshot = list.value;
    const loading = list.status === 'loading' || list.status === 'idle';
    return html`
      <h2 part="heading">${t('heading')}</h2>
      <div role="status" class="status-region">
        ${snapshot && (snapshot.fromCache || !this.#network.online)
          ? html`<p part="status" class="offline"><span class="dot" aria-hidden="true"></span>${this.#savedText(snapshot.savedAt)}</p>`
          : loading
            ? html`<p part="status">${t('loading')}</p>`
            : nothing}
      </div>
      <div class="vh" aria-live="polite">${this.#announcement}</div>
      <div class="body" aria-busy=${loading ? 'true' : 'false'}>
        ${list.status === 'error' && list.error
          ? this.#alert(list.error)
          : snapshot
            ? this.#groups(snapshot)
            : html`<div part="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`}
      </div>
      ${this.#storageText()}
    `;
  }

  // What the device may keep: said when it keeps nothing (private mode) or is nearly full, and how
  // much is used otherwise, quietly.
  #storageText(): unknown {
    const { t, format } = this.#locale;
    const storage = this.#storage.value;
    if (storage === undefined) return nothing;
    if (this.#device.onlineOnly) return html`<p part="storage" class="storage warn" role="note">${t('onlineOnly')}</p>`;
    if (storage.usage === undefined || storage.quota === undefined) return nothing;
    const size = (bytes: number) =>
      bytes >= 1e9
        ? format.number(bytes / 1e9, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 })
        : format.number(bytes / 1e6, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    const used = t('storage', { used: size(storage.usage), quota: size(storage.quota) });
    return storage.nearlyFull
      ? html`<p part="storage" class="storage warn" role="alert">${t('storageFull')} ${used}</p>`
      : html`<p part="storage" class="storage">${used}</p>`;
  }

  #savedText(savedAt: number): string {
    const { t, format } = this.#locale;
    const time = format.time(savedAt, this.timeZone);
    if (dayIn(savedAt, this.timeZone) === dayIn(this.#clock.now(), this.timeZone)) return t('offline.today', { time });
    return t('offline.before', { date: format.date(savedAt, this.timeZone, { day: 'numeric', month: 'long' }), time });
  }

  #alert(error: BlauwError): TemplateResult {
    const { t } = this.#locale;
    const offline = error.kind === 'network' && (('offline' in error && error.offline === true) || !this.#network.online);
    const text = offline ? t('offlineNoCache') : t(officerErrorKey(error));
    // A missing device or a refused configuration is not the officer's to try again.
    const retry = error.kind !== 'configuration';
    return html`<div part="alert" role="alert">
      <p>${text}</p>
      ${retry ? html`<button type="button" part="retry" @click=${this.#retry}>${t('retry')}</button>` : nothing}
    </div>`;
  }

  readonly #retry = (): void => {
    void this.#list.retry();
    this.#reread();
  };

  #groups(snapshot: AssignmentsSnapshot): TemplateResult {
    const { t } = this.#locale;
    const now = this.#clock.now();
    const show = toShow(this.show);
    const groups = groupAssignments(snapshot.items, now, this.timeZone, show);
    if (groups.length === 0) return html`<p part="empty">${t(snapshot.items.length === 0 ? 'empty' : 'emptyOpen')}</p>`;
    const states = this.#states.value;
    return html`${repeat(
      groups,
      ({ group }) => group,
      ({ group, items }) => html`<section part="group" class=${group} aria-labelledby=${`g-${group}`}>
        <h3 part="group-heading" id=${`g-${group}`}>${t(`g.${group}` as Key)}</h3>
        <ul part="list" role="list">
          ${repeat(
            items,
            (assignment) => assignment.id,
            (assignment) => checkEntry(this.#locale, assignment, { now, timeZone: this.timeZone, state: states?.get(assignment.id), current: assignment.id === this.selected, open: this.#open }),
          )}
        </ul>
      </section>`,
    )}${this.#states.status === 'error' ? html`<p part="alert" class="states-unknown">${t('statesUnknown')}</p>` : nothing}`;
  }

  #announce(ids: readonly string[], states: ReadonlyMap<string, CheckSyncState>): string {
    const { t } = this.#locale;
    const byId = new Map((this.#list.value?.items ?? []).map((assignment) => [assignment.id, assignment]));
    const known = ids.filter((id) => byId.has(id));
    if (known.length > 3) return t('announceMany', { n: known.length });
    return known
      .map((id) => {
        const assignment = byId.get(id)!;
        const { givenName, familyName } = assignment.person;
        return t('announce', { check: typeText(this.#locale, assignment.type), person: `${givenName} ${familyName}`, state: syncText(this.#locale, states.get(id)!) });
      })
      .join(' ');
  }

  readonly #open = (assignment: CheckAssignment): void => {
    this.dispatchEvent(new CustomEvent<CheckOpenDetail>('blauw-check-open', { detail: { assignment }, bubbles: true, composed: true }));
  };
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwCheckList);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-check-list': BlauwCheckList;
  }
  interface HTMLElementEventMap {
    'blauw-check-open': CustomEvent<CheckOpenDetail>;
  }
  // 'blauw-error' (CustomEvent<BlauwErrorDetail>) is declared once, with the provider.
}
