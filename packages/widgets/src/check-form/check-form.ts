import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  NotFoundError,
  checkAnswers,
  createChecksClient,
  shownFields,
  type BlauwError,
  type CheckAnswer,
  type CheckAnswerIssue,
  type CheckAssignment,
  type CheckDraft,
  type CheckField,
  type CheckSyncState,
  type CheckType,
  type ChecksClient,
  type FieldPosition,
  type OutboxFailure,
  type QueuedCheck,
  type UploadProgressDetail,
} from '@blauw/core';
import '../check-receipt/check-receipt.js';
import type { BlauwCheckReceipt } from '../check-receipt/check-receipt.js';
import { ClientController } from '../shared/client-context.js';
import { ClientTask } from '../shared/client-task.js';
import { ClockController, type Now } from '../shared/clock.js';
import { FieldDeviceController, type CheckDevice } from '../shared/field-device.js';
import { LocaleController } from '../shared/locale-controller.js';
import { officerErrorKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { styles } from './check-form.styles.js';
import { RENDERED_KINDS, fieldView, text, type FieldUi } from './field-views.js';
import { answerFromInput, instantInZone, problemMessage, withoutEmpty } from './form-values.js';
import { messages } from './messages.js';

const TAG = 'blauw-check-form';
/** Typing pauses this long before the draft is saved on the device (ms). */
const AUTOSAVE_MS = 400;

/**
 * Detail of `blauw-check-saved`: the draft of an assignment was saved (encrypted) on the device.
 *
 * @category Field checks
 */
export interface CheckSavedDetail {
  assignmentId: string;
  /** When (ms since the epoch). */
  savedAt: number;
}

/**
 * Detail of `blauw-check-submitted`: the officer completed the check; it is queued on the device
 * and sent when the network allows, exactly once.
 *
 * @category Field checks
 */
export interface CheckSubmittedDetail {
  assignmentId: string;
  /** The check's client id, kept by the server for good. */
  clientId: string;
  /** The reference printed on the receipt, e.g. `CHK-3F2A9C1B`. */
  reference: string;
}

/**
 * Detail of `blauw-check-failed`: the draft could not be saved on the device (`save`), the check
 * could not be queued or sent (`submit`), or the zone refused it and it waits for the officer
 * (`refused`, with the problem's code).
 *
 * @category Field checks
 */
export interface CheckFailedDetail {
  assignmentId: string;
  reason: 'save' | 'submit' | 'refused';
  /** The failure, when there was one here (not for a refusal met by the outbox in another tab). */
  error?: BlauwError | undefined;
  /** The problem code of a refusal, e.g. `check_answers_invalid`. */
  code?: string | undefined;
}

/** What the form needs before it can show anything. */
interface Loaded {
  assignment: CheckAssignment;
  checkType: CheckType;
  draft: CheckDraft | undefined;
  queued: QueuedCheck | undefined;
}

type PositionState = { locating: boolean; error?: string | undefined; position?: FieldPosition | undefined };

/**
 * The form of a field check (domicile, residence, electronic monitoring), rendered from the form
 * definition the zone serves, for one of the officer's assignments. Every keystroke is kept on the
 * device, encrypted, so the form works without a network from the first one and survives a reload;
 * a completed check is queued and sent exactly once when the network allows, and its receipt can
 * be printed on the spot. The officer always sees where the check stands: saved on this device,
 * waiting for network, sent, or needs your attention.
 *
 * Script-tag use on an intranet page that signs its widgets in (the provider's `getToken`):
 * `<blauw-provider api="https://api.zone.example/v1"><blauw-check-form assignment="…"></blauw-check-form></blauw-provider>`.
 * Pair it with `<blauw-check-list>`, whose `blauw-check-open` event names the assignment.
 * Runs under a strict CSP with Trusted Types.
 *
 * @tag blauw-check-form
 * @summary A field check's form that works offline, saves as the officer types, and prints a receipt.
 *
 * @attribute assignment - The id of the assignment to carry out.
 * @attribute api - Base URL of the zone's API, for script-tag use (with an officer's sign-in through `<blauw-provider>`'s `getToken`).
 * @attribute officer-number - The officer's number, printed on the receipt.
 * @attribute zone-name - The zone's name, printed at the top of the receipt.
 * @attribute time-zone - The zone's time zone for dates and times (default `Europe/Brussels`).
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 *
 * @fires {CustomEvent<CheckSavedDetail>} blauw-check-saved - The draft was saved on the device.
 * @fires {CustomEvent<CheckSubmittedDetail>} blauw-check-submitted - The check was completed and queued.
 * @fires {CustomEvent<CheckFailedDetail>} blauw-check-failed - Saving, queueing or sending failed, or the zone refused the check.
 *
 * @csspart header - The assignment: check type, person, address, due date.
 * @csspart status - The autosave and sync status line.
 * @csspart notice - The offline or online-only notice.
 * @csspart error-summary - The list of answers to correct, each a link to its field.
 * @csspart field - One field (a label or legend, its hint, its message and its input).
 * @csspart photos - The photos taken for a photo field.
 * @csspart button - Every button.
 * @csspart primary-button - The "Complete check" and "Print receipt" buttons.
 * @csspart alert - A failure with its "Try again".
 * @csspart done - The completed check: its sync state, reference, receipt and print button.
 * @csspart progress - The photo upload's progress bar.
 *
 * @cssprop [--blauw-accent=#1f4e9c] - Buttons, links, focus.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-muted=#595959] - Hints and the status line.
 * @cssprop [--blauw-surface=#ffffff] - Background of fields and buttons.
 * @cssprop [--blauw-border=#767676] - Borders of fields.
 * @cssprop [--blauw-danger=#b3261e] - Messages of answers to correct.
 * @cssprop [--blauw-success=#1e6b34] - The "sent" state.
 * @cssprop [--blauw-warning=#8a4b00] - The "waiting for network" state.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwCheckForm extends LitElement {
  /** The form's shadow styles. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    assignment: {},
    api: {},
    client: { attribute: false },
    device: { attribute: false },
    officerNumber: { attribute: 'officer-number' },
    zoneName: { attribute: 'zone-name' },
    timeZone: { attribute: 'time-zone' },
    now: { attribute: false },
    geolocation: { attribute: false },
  };

  /** The id of the assignment to carry out. */
  assignment?: string;
  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createChecksClient`, with an officer's token); wins over `api` and a provider. */
  client?: ChecksClient;
  /** The officer's device (`await FieldDevice.for(client.checks)`); by default the page's shared one of the client. */
  device?: CheckDevice;
  /** The officer's number, for the receipt. */
  officerNumber?: string;
  /** The zone's name, for the receipt's header. */
  zoneName?: string;
  /** The zone's time zone: a completion time and dates are written in it. */
  timeZone = 'Europe/Brussels';
  /** The clock, in ms since the epoch (default: a `<blauw-provider>`'s, else `Date.now`); tests pin it. */
  now?: Now;
  /** Where the position comes from (default `navigator.geolocation`); tests give their own. */
  geolocation?: Pick<Geolocation, 'getCurrentPosition'>;

  readonly #locale = new LocaleController(this, messages);
  readonly #clock = new ClockController(this);
  readonly #client = new ClientController<ChecksClient>(this, { language: () => this.#locale.language, create: createChecksClient });
  readonly #device = new FieldDeviceController(this, { client: this.#client, onChange: () => void this.#readSync() });
  readonly #network = new NetworkStatus(this);
  readonly #loaded = new ClientTask<readonly [string], Loaded, CheckDevice>(this, {
    client: this.#device,
    args: () => (this.assignment?.trim() ? ([this.assignment.trim()] as const) : undefined),
    task: (device, [assignmentId], { signal }) => this.#load(device, assignmentId, signal),
  });

  // The form as the officer fills it in.
  #for: Loaded | undefined;
  #answers: Record<string, CheckAnswer | undefined> = {};
  #position: FieldPosition | undefined;
  #issues: CheckAnswerIssue[] = [];
  #tried = false;
  #save: { state: 'idle' | 'saving' | 'saved' | 'failed'; at?: number } = { state: 'idle' };
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #positions = new Map<string, PositionState>();
  #photoInfo = new Map<string, { width: number; height: number; size: number }>();
  #photoErrors = new Set<string>();
  // After completion.
  #queued: QueuedCheck | undefined;
  #sync: CheckSyncState | undefined;
  #refusal: string | undefined;
  // Why the zone refused the check the officer now corrects (kept in the draft until completed).
  #refused: OutboxFailure | undefined;
  #upload: UploadProgressDetail | undefined;
  #submitting = false;
  #listening: CheckDevice | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Leaving the page (a reload, a closed tab, the tablet put away) saves what the pause before
    // autosave still held: a reload within it lost the last keystrokes.
    addEventListener('pagehide', this.#leaving);
    document.addEventListener('visibilitychange', this.#leaving);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.#leaving);
    document.removeEventListener('visibilitychange', this.#leaving);
    void this.#flush();
    this.#listen(undefined);
  }

  readonly #leaving = (): void => {
    if (document.visibilityState === 'hidden') void this.#flush();
  };

  async #load(device: CheckDevice, assignmentId: string, signal: AbortSignal): Promise<Loaded> {
    const known = (await device.cachedAssignments())?.items.find((item) => item.id === assignmentId);
    const assignment = known ?? (await device.assignments({ signal })).items.find((item) => item.id === assignmentId);
    if (assignment === undefined) {
      const title = 'No such assignment for this officer.';
      throw new NotFoundError(title, { status: 404, problem: { title, status: 404, code: 'check_assignment_not_found' } });
    }
    const [draft, queued] = await Promise.all([device.loadDraft(assignmentId), device.queuedCheck(assignmentId)]);
    // A started form keeps its version; a new one takes the latest.
    const version = queued?.input.definitionVersion ?? draft?.definitionVersion;
    const checkType = await device.checkType({ type: assignment.type, version, signal });
    return { assignment, checkType, draft, queued };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.#loaded.status === 'ready' ? this.#loaded.value : undefined;
    if (loaded !== undefined && loaded !== this.#for) this.#take(loaded);
    this.#listen(this.#device.value);
  }

  // A new assignment (or the same after a reload): its draft, or where its completed check stands.
  #take(loaded: Loaded): void {
    this.#for = loaded;
    this.#answers = { ...(loaded.draft?.answers ?? {}) };
    this.#position = loaded.draft?.position;
    this.#issues = [];
    this.#tried = false;
    this.#positions = new Map();
    this.#photoErrors = new Set();
    this.#save = loaded.draft ? { state: 'saved', at: loaded.draft.savedAt } : { state: 'idle' };
    this.#queued = loaded.queued;
    this.#sync = undefined;
    this.#refusal = undefined;
    this.#refused = loaded.draft?.refused;
    this.#upload = undefined;
    if (loaded.queued) void this.#readSync();
  }

  #listen(device: CheckDevice | undefined): void {
    if (device === this.#listening) return;
    this.#listening?.removeEventListener('upload-progress', this.#uploading);
    this.#listening = device;
    device?.addEventListener('upload-progress', this.#uploading);
  }

  readonly #uploading = (event: Event): void => {
    const detail = (event as CustomEvent<UploadProgressDetail>).detail;
    if (detail.assignmentId !== this.#for?.assignment.id) return;
    this.#upload = detail;
    // A photo on its way: the check is being sent (the outbox tells its states when writes settle,
    // not when they start).
    if (this.#sync !== 'sending') void this.#readSync();
    this.requestUpdate();
  };

  async #readSync(): Promise<void> {
    const device = this.#device.value;
    const loaded = this.#for;
    if (!device || !loaded || !this.#queued) return;
    const before = this.#sync;
    this.#sync = (await device.syncStates()).get(loaded.assignment.id);
    if (this.#sync === 'needs_attention' && before !== 'needs_attention') {
      const failure = (await device.queuedCheck(loaded.assignment.id))?.item?.lastFailure;
      this.#refusal = codeOf(failure);
      this.#fire<CheckFailedDetail>('blauw-check-failed', { assignmentId: loaded.assignment.id, reason: 'refused', code: failure?.code });
    }
    if (this.#sync === 'sent') this.#upload = undefined;
    this.requestUpdate();
  }

  protected override render(): unknown {
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    if (!this.assignment?.trim()) return html`<p part="notice">${t('noAssignment')}</p>`;
    const failure = this.#device.error ?? (this.#loaded.status === 'error' ? this.#loaded.error : undefined);
    if (failure) return this.#alert(failure);
    const loaded = this.#for;
    if (this.#loaded.status !== 'ready' || loaded === undefined) return html`<p part="status" role="status" aria-busy="true">${t('loading')}</p><div class="skeleton" part="skeleton"></div>`;
    return html`${this.#header(loaded)} ${this.#queued ? this.#done(loaded, this.#queued) : this.#form(loaded)}`;
  }

  #alert(error: BlauwError): TemplateResult {
    const { t } = this.#locale;
    // Not the officer's assignment: trying again cannot help, the list can.
    if (error.kind === 'not_found') return html`<div part="alert" role="alert"><p>${t('notFound')}</p></div>`;
    return html`<div part="alert" role="alert">
      <p>${t(officerErrorKey(error))}</p>
      <button type="button" part="button" @click=${() => void this.#loaded.retry()}>${t('retry')}</button>
    </div>`;
  }

  #header({ assignment, checkType }: Loaded): TemplateResult {
    const { t, format, language } = this.#locale;
    const { person, address } = assignment;
    return html`<header part="header">
      <h2 id="title" tabindex="-1">${t('heading', { check: text(checkType.name, language), person: `${person.givenName} ${person.familyName}` })}</h2>
      <p class="muted">${text(checkType.description, language)}</p>
      <p>${address.street} ${address.houseNumber}${address.box ? ` / ${address.box}` : ''}, ${address.postalCode} ${address.municipality}</p>
      <p class="muted">${t('dueBy', { date: format.dateTime(assignment.dueBy, this.timeZone, { dateStyle: 'full', timeStyle: 'short' }) })}</p>
      ${assignment.note ? html`<p class="note">${assignment.note}</p>` : nothing}
    </header>`;
  }

  #form(loaded: Loaded): TemplateResult {
    const { t } = this.#locale;
    const { checkType, assignment } = loaded;
    const shown = shownFields(checkType, this.#answers);
    const unknown = checkType.fields.find((field) => shown.has(field.name) && !RENDERED_KINDS.has(field.kind));
    const open = assignment.status === 'open';
    const ui = this.#ui();
    return html`
      ${this.#notice()}
      ${this.#refused
        ? html`<div part="notice" role="note">
            <p>${t('correcting')}</p>
            <p class="muted">${t('refusedCode', { code: codeOf(this.#refused) })}</p>
          </div>`
        : nothing}
      ${unknown ? html`<p part="notice" role="note">${t('cannotShow')}</p>` : nothing}
      ${this.#summary(loaded)}
      <form novalidate aria-labelledby="title" @submit=${this.#submit}>
        ${checkType.fields.filter((field) => shown.has(field.name)).map((field) => fieldView(ui, field, this.#answers[field.name]))}
        ${open ? nothing : html`<p part="notice" role="status">${t('notOpen')}</p>`}
        <div class="actions">
          <button part="button primary-button" class="primary" ?disabled=${!open || unknown !== undefined || this.#submitting}>${t('complete')}</button>
          <p part="status" role="status" class="muted">${this.#saveText()}</p>
        </div>
      </form>
    `;
  }

  #notice(): unknown {
    const { t } = this.#locale;
    if (this.#device.onlineOnly) return html`<p part="notice" role="note">${t('onlineOnly')}</p>`;
    return this.#network.online ? nothing : html`<p part="notice" role="status">${t('offlineNote')}</p>`;
  }

  #saveText(): string {
    const { t, format } = this.#locale;
    switch (this.#save.state) {
      case 'saving':
        return t('saving');
      case 'saved':
        return t('savedAt', { time: format.time(this.#save.at!, this.timeZone, { timeStyle: 'short' }) });
      case 'failed':
        return t('saveFailed');
      default:
        return '';
    }
  }

  #summary({ checkType }: Loaded): unknown {
    const { t, language } = this.#locale;
    if (!this.#issues.length) return nothing;
    const labels = new Map(checkType.fields.map((field) => [field.name, text(field.label, language)]));
    return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1">
      <h3>${t('errors')}</h3>
      <ul>
        ${this.#issues.map((issue) => html`<li><a href="#${issue.field}" @click=${(event: Event) => this.#focusField(event, issue.field)}>${this.#issueText(issue, labels)}</a></li>`)}
      </ul>
    </div>`;
  }

  // In the summary, the field's label and the problem ("Buren gehoord? — Vul dit in."); under the
  // field, whose label is just above, the problem alone.
  #issueText(issue: CheckAnswerIssue, labels?: Map<string, string>): string {
    const [key, params] = problemMessage(issue.problem);
    const problem = this.#locale.t(key, params);
    return labels === undefined ? problem : this.#locale.t('issue', { label: labels.get(issue.field) ?? issue.field, problem });
  }

  #focusField(event: Event, name: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${name}"], [id="${name}-0"], [id="${name}-locate"], [id="${name}-file"]`);
    const input = target?.tagName === 'LEGEND' ? this.renderRoot.querySelector<HTMLElement>(`[id="${name}-0"], [id="${name}-locate"], [id="${name}-file"]`) : target;
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
  }

  // What the field templates render with, as things stand at this render.
  #ui(): FieldUi {
    return {
      t: this.#locale.t,
      language: this.#locale.language,
      timeZone: this.timeZone,
      problem: (name) => {
        const issue = this.#issues.find((candidate) => candidate.field === name);
        return issue && this.#issueText(issue);
      },
      set: (field, value, raw) => this.#set(field, raw === undefined ? value : answerFromInput(field, raw, this.timeZone)),
      positionState: (name) => this.#positions.get(name) ?? { locating: false, position: this.#position },
      locate: (field) => this.#locate(field),
      photoInfo: (photoId) => this.#photoInfo.get(photoId),
      addPhotos: (field, files) => void this.#addPhotos(field, [...files]),
      removePhoto: (field, photoId) => void this.#removePhoto(field, photoId),
      photoError: (name) => this.#photoErrors.has(name),
    };
  }

  #set(field: CheckField, value: CheckAnswer | undefined): void {
    this.#answers = { ...this.#answers, [field.name]: value };
    // Once the officer tried to complete, the summary follows each correction.
    if (this.#tried) this.#issues = checkAnswers(this.#for!.checkType, withoutEmpty(this.#answers)).issues;
    this.#scheduleSave();
    this.requestUpdate();
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.#flush(), AUTOSAVE_MS);
  }

  async #flush(): Promise<void> {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const device = this.#device.value;
    const loaded = this.#for;
    if (!device || !loaded || this.#queued) return;
    const savedAt = this.#clock.now();
    const draft: CheckDraft = {
      assignmentId: loaded.assignment.id,
      type: loaded.checkType.type,
      definitionVersion: loaded.checkType.version,
      answers: withoutEmpty(this.#answers),
      position: this.#position,
      savedAt,
      refused: this.#refused,
    };
    this.#save = { state: 'saving' };
    this.requestUpdate();
    try {
      await device.saveDraft(draft);
      this.#save = { state: 'saved', at: savedAt };
      this.#fire<CheckSavedDetail>('blauw-check-saved', { assignmentId: draft.assignmentId, savedAt });
    } catch (error) {
      this.#save = { state: 'failed' };
      this.#fire<CheckFailedDetail>('blauw-check-failed', { assignmentId: draft.assignmentId, reason: 'save', error: toBlauwError(error) });
    }
    this.requestUpdate();
  }

  #locate(field: CheckField): void {
    const geolocation = this.geolocation ?? navigator.geolocation;
    const { t } = this.#locale;
    this.#positions.set(field.name, { locating: true });
    this.requestUpdate();
    geolocation.getCurrentPosition(
      ({ coords }) => {
        const position: FieldPosition = { lat: coords.latitude, lon: coords.longitude, accuracy: coords.accuracy };
        this.#position = position;
        this.#positions.set(field.name, { locating: false, position });
        this.#set(field, { lat: position.lat, lon: position.lon });
      },
      (error) => {
        const key = error.code === error.PERMISSION_DENIED ? 'geo.denied' : error.code === error.TIMEOUT ? 'geo.timeout' : 'geo.unavailable';
        this.#positions.set(field.name, { locating: false, error: t(key), position: this.#position });
        this.requestUpdate();
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }

  async #addPhotos(field: CheckField, files: File[]): Promise<void> {
    const device = this.#device.value;
    if (!device) return;
    this.#photoErrors.delete(field.name);
    for (const file of files) {
      try {
        const { photoId, width, height, size } = await device.savePhoto(file);
        this.#photoInfo.set(photoId, { width, height, size });
        const before = this.#answers[field.name];
        this.#set(field, [...(Array.isArray(before) ? before : []), photoId]);
      } catch {
        this.#photoErrors.add(field.name);
        this.requestUpdate();
      }
    }
  }

  async #removePhoto(field: CheckField, photoId: string): Promise<void> {
    const before = this.#answers[field.name];
    this.#set(field, Array.isArray(before) ? before.filter((id) => id !== photoId) : undefined);
    await this.#device.value?.removePhoto(photoId);
    // Focus stays in the field: on its photo chooser.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[id="${field.name}-file"]`)?.focus();
  }

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const device = this.#device.value;
    const loaded = this.#for;
    if (!device || !loaded || this.#submitting) return;
    this.#tried = true;
    const { kept, issues } = checkAnswers(loaded.checkType, withoutEmpty(this.#answers));
    this.#issues = issues;
    if (issues.length) {
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
      return;
    }
    this.#submitting = true;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const { assignment, checkType } = loaded;
    const position = this.#position && { lat: this.#position.lat, lon: this.#position.lon };
    try {
      this.#queued = await device.submit(checkType, {
        assignmentId: assignment.id,
        type: checkType.type,
        definitionVersion: checkType.version,
        answers: kept,
        completedAt: instantInZone(this.#clock.now(), this.timeZone),
        ...(position && Object.values(checkType.fields).some((field) => field.kind === 'position') ? { position } : {}),
      });
      this.#refused = undefined;
      this.#fire<CheckSubmittedDetail>('blauw-check-submitted', { assignmentId: assignment.id, clientId: this.#queued.input.clientId, reference: this.#queued.reference });
      await this.#readSync();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
    } catch (error) {
      this.#fire<CheckFailedDetail>('blauw-check-failed', { assignmentId: assignment.id, reason: 'submit', error: toBlauwError(error) });
      this.#issues = [];
      this.#save = { state: 'failed' };
    } finally {
      this.#submitting = false;
      this.requestUpdate();
    }
  };

  #done(loaded: Loaded, queued: QueuedCheck): TemplateResult {
    const { t } = this.#locale;
    const sync = this.#sync ?? (this.#device.onlineOnly ? 'sent' : 'waiting');
    const upload = this.#upload;
    return html`<section part="done" class="done" aria-labelledby="done">
      <h3 id="done" tabindex="-1">${t('done')}</h3>
      <p part="status" role="status" class="sync ${sync}"><span class="dot" aria-hidden="true"></span>${t(`sync.${sync}`)}</p>
      ${upload && sync !== 'sent'
        ? html`<p><label for="upload">${t('uploading', { percent: Math.floor((100 * upload.sent) / Math.max(1, upload.total)) })}</label>
            <progress part="progress" id="upload" max=${upload.total} .value=${upload.sent}></progress></p>`
        : nothing}
      ${sync === 'needs_attention'
        ? html`<div part="alert" role="alert">
            <p>${t('refused')}</p>
            ${this.#refusal ? html`<p class="muted">${t('refusedCode', { code: this.#refusal })}</p>` : nothing}
            <div class="actions">
              <button type="button" part="button" @click=${() => void this.#device.value?.retry(loaded.assignment.id)}>${t('sendAgain')}</button>
              <button type="button" part="button" @click=${() => void this.#correct(loaded)}>${t('correct')}</button>
            </div>
          </div>`
        : nothing}
      <p class="reference">${t('reference', { reference: queued.reference })}</p>
      <button type="button" part="button primary-button" class="primary" @click=${this.#print}>${t('print')}</button>
      <blauw-check-receipt
        no-print-button
        lang=${this.#locale.language}
        time-zone=${this.timeZone}
        .checkType=${loaded.checkType}
        .assignment=${loaded.assignment}
        .answers=${queued.input.answers}
        .completedAt=${queued.input.completedAt}
        .reference=${queued.reference}
        .officerNumber=${this.officerNumber}
        .zoneName=${this.zoneName}
        .position=${this.#position ?? queued.input.position}
      ></blauw-check-receipt>
    </section>`;
  }

  // The refused check goes back into its draft and the form shows it again, with why it was refused
  // above, until the officer completes it (under a new client id: see FieldDevice.reopen).
  async #correct(loaded: Loaded): Promise<void> {
    const device = this.#device.value;
    if (!device) return;
    try {
      const draft = await device.reopen(loaded.assignment.id);
      // Nothing parked (another tab took it back, or sent it again): read what the device holds now.
      if (draft === undefined) return await this.#loaded.retry();
      // The same object, now holding the draft: it stays the form's (see willUpdate).
      this.#take(Object.assign(loaded, { draft, queued: undefined }));
    } catch (error) {
      this.#fire<CheckFailedDetail>('blauw-check-failed', { assignmentId: loaded.assignment.id, reason: 'save', error: toBlauwError(error) });
      return;
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  readonly #print = (): void => {
    this.renderRoot.querySelector<BlauwCheckReceipt>('blauw-check-receipt')?.print();
  };

  #fire<Detail>(type: string, detail: Detail): void {
    // Built apart from dispatchEvent, so the manifest's analyzer takes only the @fires above as events.
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }
}

/** A refusal's problem code for the officer's unit, or its status when the zone gave no code. */
function codeOf(failure: OutboxFailure | undefined): string {
  return failure?.code ?? String(failure?.status ?? '');
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwCheckForm);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-check-form': BlauwCheckForm;
  }
  interface HTMLElementEventMap {
    'blauw-check-saved': CustomEvent<CheckSavedDetail>;
    'blauw-check-submitted': CustomEvent<CheckSubmittedDetail>;
    'blauw-check-failed': CustomEvent<CheckFailedDetail>;
  }
}
