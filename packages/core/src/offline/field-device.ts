import { isBlauwError, NotFoundError, ValidationError, type BlauwError } from '../errors.js';
import type { CheckAnswer, CheckAssignment, CheckSubmissionInput, CheckType } from '../schemas/checks.js';
import type { GeoPoint } from '../schemas/common.js';
import type { ChecksResource } from '../resources/checks.js';
import type { CallOptions } from '../transport/transport.js';
import { DraftStore } from './draft-store.js';
import { OutboxDrain, type OutboxProgress } from './outbox-drain.js';
import type { OutboxBackoff, OutboxFailure, OutboxItem } from './outbox-rules.js';
import { OutboxStore } from './outbox-store.js';
import { preparePhoto, type PhotoOptions } from './photo.js';
import { askPersistentStorage, storageStatus, type StorageStatus } from './storage-status.js';

// One officer's field device: the encrypted drafts, the outbox (its bodies sealed with the drafts'
// key), the drain that sends it, and the caches the forms need offline (assignments, check types),
// behind one object that every field widget of the page shares. The widgets never reach for
// IndexedDB themselves; an app without widgets uses the same object.

/**
 * Where an assignment's work stands on this device, for words a person understands:
 * `draft` (saved on this device, not sent), `waiting` (waiting for the network), `sending`,
 * `sent`, `needs_attention` (refused: the officer must look at it).
 *
 * @category Offline
 */
export type CheckSyncState = 'draft' | 'waiting' | 'sending' | 'sent' | 'needs_attention';

/**
 * The officer's assignments as last known: from the server, or, offline, from this device's
 * encrypted copy (`fromCache`), with when that copy was made.
 *
 * @category Offline
 */
export interface AssignmentsSnapshot {
  /** Open and submitted assignments, soonest due first. */
  items: CheckAssignment[];
  /** When the list was fetched (ms since the epoch). */
  savedAt: number;
  /** Whether the server could not be asked and this is the device's copy. */
  fromCache: boolean;
}

/**
 * A position from the device's location, with how far off it may be.
 *
 * @category Offline
 */
export interface FieldPosition extends GeoPoint {
  /** The radius, in metres, the true position lies within (95 % confidence, as the browser reports it). */
  accuracy?: number | undefined;
}

/**
 * A check being filled in, as saved on the device (encrypted) while the officer types.
 *
 * @category Offline
 */
export interface CheckDraft {
  /** The assignment the check is for. */
  assignmentId: string;
  /** Its check type. */
  type: string;
  /** The version of the form it is filled in with: a draft keeps its version. */
  definitionVersion: number;
  /** The answers so far, by field name. */
  answers: Record<string, CheckAnswer>;
  /** Where the officer was, when the form asked for it. */
  position?: FieldPosition | undefined;
  /** When it was last saved (ms since the epoch). */
  savedAt: number;
  /**
   * Why the zone refused the check this draft was taken back from ({@link FieldDevice.reopen}):
   * context for the officer until the corrected check is completed. Keep it when saving again.
   */
  refused?: OutboxFailure | undefined;
}

/**
 * A completed check as queued on the device: what it was sent as, and the reference printed on
 * the receipt (known at once, offline too; the server keeps the client id for good).
 *
 * @category Offline
 */
export interface QueuedCheck {
  /** The submission as queued. */
  input: CheckSubmissionInput;
  /** A short reference for the receipt, e.g. `CHK-3F2A9C1B`. */
  reference: string;
}

/**
 * What a logout found and did.
 *
 * @category Offline
 */
export interface LogoutResult {
  /** Whether the device was wiped. `false` when unsent work remained and `force` was not given. */
  wiped: boolean;
  /** Checks queued but not delivered, including those that need attention. */
  unsentChecks: number;
  /** Other writes queued but not delivered (chat messages, acknowledgements), including those that need attention. */
  unsentOther: number;
  /** Drafts not completed. */
  drafts: number;
}

/**
 * Options of {@link FieldDevice.open}.
 *
 * @category Offline
 */
export interface FieldDeviceOptions {
  /** Prefix of the device's databases, its lock and channel. Default `blauw-field`. */
  name?: string | undefined;
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: (() => number) | undefined;
  /** How photos are made small before they are stored (longest side, JPEG quality). */
  photo?: PhotoOptions | undefined;
  /** How long a delivered check stays on the device as `sent` (and for its receipt), in ms. Default 7 days. */
  keepSentMs?: number | undefined;
  /** Passed to the outbox drain: how often to probe the network while writes wait (ms). */
  probeMs?: number | undefined;
  /** Passed to the outbox: how long a tab may hold a write it sends (ms). */
  leaseMs?: number | undefined;
  /** Passed to the outbox: the wait between attempts of one write. */
  backoff?: OutboxBackoff | undefined;
}

/**
 * The detail of a {@link FieldDevice}'s `upload-progress` event.
 *
 * @category Offline
 */
export interface UploadProgressDetail {
  /** The assignment the photo belongs to. */
  assignmentId: string | undefined;
  /** The photo's id. */
  photoId: string;
  /** Bytes the server holds. */
  sent: number;
  /** The photo's size in bytes. */
  total: number;
}

/**
 * The events of a {@link FieldDevice}, for typed listeners.
 *
 * @category Offline
 */
export interface FieldDeviceEventMap {
  /** Drafts or the outbox changed, here or in another tab: read the states again. */
  change: Event;
  /** A photo is being uploaded. */
  'upload-progress': CustomEvent<UploadProgressDetail>;
  /** The officer logged out, here or in another tab: this device is closed and wiped. */
  logout: Event;
}

const CHECK = 'check-submission';
const PHOTO = 'check-photo';
const DAY = 86_400_000;
const draftId = (assignmentId: string) => `draft:${assignmentId}`;
const photoDraftId = (photoId: string) => `photo:${photoId}`;
const ASSIGNMENTS = 'cache:assignments';
const typeCacheId = (type: string, version?: number) => `cache:type:${type}:${version ?? 'latest'}`;

/**
 * The short reference of a check for its receipt, from its client id: `CHK-` and the first eight
 * hex digits, upper case. Known on the device at once, offline too.
 *
 * @category Offline
 */
export function checkReference(clientId: string): string {
  return `CHK-${clientId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

/**
 * The photo ids among the answers of a check: every answer of a `photo` field.
 *
 * @category Offline
 */
export function photoIdsOf(checkType: Pick<CheckType, 'fields'>, answers: Record<string, CheckAnswer>): string[] {
  return checkType.fields.flatMap((field) => {
    const answer = answers[field.name];
    return field.kind === 'photo' && Array.isArray(answer) ? answer : [];
  });
}

const STATE_OF: Record<OutboxItem['state'], CheckSyncState> = { queued: 'waiting', sending: 'sending', sent: 'sent', needs_attention: 'needs_attention' };
// When a check and its photos stand differently, the one that needs the officer most speaks; a
// photo on its way says `sending` for its check still queued behind it (not "waiting for network":
// the network is there, and the check goes next).
const WEIGHT: Record<CheckSyncState, number> = { sent: 0, draft: 1, waiting: 2, sending: 3, needs_attention: 4 };

const devices = new WeakMap<ChecksResource, Promise<FieldDevice>>();

/**
 * One officer's field device: drafts saved encrypted as they type, completed checks (and their
 * photos) queued in an outbox that survives reloads and sends each exactly once, the assignments
 * and forms kept for offline use, and a logout that wipes it all. Every field widget of a page
 * shares one ({@link FieldDevice.for}); tabs share its databases, and one of them sends.
 *
 * @fires change - Drafts or the outbox changed, here or in another tab.
 * @fires upload-progress - A photo is being uploaded ({@link UploadProgressDetail}).
 * @fires logout - The officer logged out (here or in another tab); the device is closed.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl, getToken });
 * const device = await FieldDevice.for(client.checks);
 * const { items } = await device.assignments();
 * await device.saveDraft({ assignmentId, type, definitionVersion, answers, savedAt: Date.now() });
 * const { reference } = await device.submit(checkType, { assignmentId, type, definitionVersion, answers, completedAt });
 * const result = await device.logout();
 * if (!result.wiped) askTheOfficer(result); // then device.logout({ force: true })
 * ```
 *
 * @category Offline
 */
export class FieldDevice extends EventTarget {
  /** The encrypted drafts, photos and caches. */
  readonly drafts: DraftStore;
  /** The completed writes not delivered yet (bodies sealed with the drafts' key). */
  readonly outbox: OutboxStore;
  /** Sends the outbox, one tab at a time. */
  readonly drain: OutboxDrain;
  readonly #checks: ChecksResource;
  readonly #now: () => number;
  readonly #photo: PhotoOptions;
  readonly #keepSentMs: number;
  readonly #channel: BroadcastChannel | undefined;
  #closed = false;

  private constructor(checks: ChecksResource, drafts: DraftStore, outbox: OutboxStore, name: string, options: FieldDeviceOptions) {
    super();
    this.#checks = checks;
    this.drafts = drafts;
    this.outbox = outbox;
    this.#now = options.now ?? Date.now;
    this.#photo = options.photo ?? {};
    this.#keepSentMs = options.keepSentMs ?? 7 * DAY;
    this.drain = new OutboxDrain({ store: outbox, send: (item) => this.#send(item), name: `${name}-outbox`, now: options.now, probeMs: options.probeMs });
    this.drain.addEventListener('progress', () => this.#progressed());
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`blauw-field:${name}`);
      this.#channel.onmessage = ({ data }) => (data === 'logout' ? void this.#loggedOutElsewhere() : this.#changed(false));
    }
  }

  /**
   * The device of a client's `checks` resource: opened once, then the same for every caller, so
   * every widget of the page shares its databases and its one drain. `options` apply to the first
   * call only.
   */
  static for(checks: ChecksResource, options: FieldDeviceOptions = {}): Promise<FieldDevice> {
    let device = devices.get(checks);
    if (device === undefined) {
      device = FieldDevice.open(checks, options);
      devices.set(checks, device);
      // A failed open is not kept: the next widget tries again (say, after storage was freed).
      device.catch(() => devices.delete(checks));
    }
    return device;
  }

  /**
   * Opens the device's databases and starts sending. Prefer {@link FieldDevice.for}, which shares
   * one device per client.
   *
   * @throws {ConfigurationError} where the browser keeps no offline storage (IndexedDB or WebCrypto
   *   unavailable, as in some private modes): work online only, with `client.checks.submit`.
   */
  static async open(checks: ChecksResource, options: FieldDeviceOptions = {}): Promise<FieldDevice> {
    const name = options.name ?? 'blauw-field';
    const drafts = await DraftStore.open({ name: `${name}-drafts`, now: options.now });
    const outbox = await OutboxStore.open({ name: `${name}-outbox`, now: options.now, leaseMs: options.leaseMs, backoff: options.backoff, sealer: drafts });
    const device = new FieldDevice(checks, drafts, outbox, name, options);
    await device.#purgeSent();
    device.drain.start();
    // Unsent checks must outlive the browser's clean-ups under storage pressure: ask once, now
    // the officer works here (Chromium decides by itself, Firefox may ask the officer).
    void askPersistentStorage().catch(() => false);
    return device;
  }

  /**
   * What this browser's storage allows the device: whether it is kept for good (persisted) or may
   * be evicted, how much is used of the quota, and `nearlyFull` from 90 % on (warn the officer
   * before new work can no longer be kept).
   */
  storage(): Promise<StorageStatus> {
    return storageStatus();
  }

  /** How many writes stand where (for a status line: "3 waiting for the network"). */
  get progress(): OutboxProgress {
    return this.drain.progress;
  }

  /**
   * The officer's assignments, open, submitted and cancelled (a list shows the open ones, or all
   * with their status): from the server, kept encrypted on the device
   * with the latest form of every check type (so a check opens offline later); when the server
   * cannot be reached, the copy kept last time (`fromCache`).
   *
   * @throws {BlauwError} what the server answered (sign-in, refusal), or the network failure when no copy exists yet.
   */
  async assignments(options: CallOptions = {}): Promise<AssignmentsSnapshot> {
    try {
      const items: CheckAssignment[] = [];
      for await (const item of this.#checks.assignments.all({ status: ['open', 'submitted', 'cancelled'], signal: options.signal })) items.push(item);
      const snapshot = { items, savedAt: this.#now() };
      await this.drafts.save(ASSIGNMENTS, snapshot);
      // The forms too, while the network is here: a check opened later in a street without one
      // must work from the first keystroke. A failure here leaves the list as it is.
      await this.#keepLatestTypes(options).catch(() => undefined);
      return { ...snapshot, fromCache: false };
    } catch (error) {
      const cached = isUnreachable(error) ? await this.cachedAssignments() : undefined;
      if (cached === undefined) throw error;
      return cached;
    }
  }

  /** The copy of the assignments kept on the device, without asking the server. */
  async cachedAssignments(): Promise<AssignmentsSnapshot | undefined> {
    const cached = await this.drafts.load<Omit<AssignmentsSnapshot, 'fromCache'>>(ASSIGNMENTS);
    return cached && { ...cached, fromCache: true };
  }

  /**
   * A check type's form: a given version (a draft keeps the version it was started with; a
   * version never changes, so once fetched it is read from the device), or the latest, from the
   * server when it can be reached and from the device's copy when not.
   *
   * @throws {NotFoundError} `check_type_not_found`.
   * @throws {BlauwError} the network failure when the form was never fetched on this device.
   */
  async checkType(options: { type: string; version?: number | undefined } & CallOptions): Promise<CheckType> {
    const { type, version } = options;
    if (version !== undefined) {
      const kept = await this.drafts.load<CheckType>(typeCacheId(type, version));
      if (kept !== undefined) return kept;
    }
    try {
      const fetched = version === undefined ? await this.#latestType(type, options) : await this.#checks.type({ type, version, signal: options.signal });
      await this.drafts.save(typeCacheId(type, fetched.version), fetched);
      if (version === undefined) await this.drafts.save(typeCacheId(type), fetched);
      return fetched;
    } catch (error) {
      const kept = version === undefined && isUnreachable(error) ? await this.drafts.load<CheckType>(typeCacheId(type)) : undefined;
      if (kept === undefined) throw error;
      return kept;
    }
  }

  async #keepLatestTypes(options: CallOptions): Promise<void> {
    for (const type of await this.#checks.types(options)) {
      await this.drafts.save(typeCacheId(type.type, type.version), type);
      await this.drafts.save(typeCacheId(type.type), type);
    }
  }

  async #latestType(type: string, options: CallOptions): Promise<CheckType> {
    const found = (await this.#checks.types(options)).find((candidate) => candidate.type === type);
    if (found === undefined) {
      const title = `The zone has no check type "${type}".`;
      throw new NotFoundError(title, { status: 404, problem: { title, status: 404, code: 'check_type_not_found' } });
    }
    return found;
  }

  /** Where each assignment's work stands on this device, by assignment id; absent: nothing on the device. */
  async syncStates(): Promise<Map<string, CheckSyncState>> {
    const states = new Map<string, CheckSyncState>();
    const mark = (assignmentId: string, state: CheckSyncState) => {
      const before = states.get(assignmentId);
      if (before === undefined || WEIGHT[state] > WEIGHT[before]) states.set(assignmentId, state);
    };
    for (const id of await this.drafts.ids('draft:')) mark(id.slice('draft:'.length), 'draft');
    for (const item of await this.outbox.list()) if (item.ref !== undefined && (item.kind === CHECK || item.kind === PHOTO)) mark(item.ref, STATE_OF[item.state]);
    return states;
  }

  /** The draft of an assignment, if one is saved. */
  loadDraft(assignmentId: string): Promise<CheckDraft | undefined> {
    return this.drafts.load<CheckDraft>(draftId(assignmentId));
  }

  /** Saves a draft (encrypted), replacing the one before. */
  async saveDraft(draft: CheckDraft): Promise<void> {
    await this.drafts.save(draftId(draft.assignmentId), draft);
    this.#changed();
  }

  /** Throws a draft away, with the photos it took that were not queued. */
  async discardDraft(assignmentId: string, checkType?: Pick<CheckType, 'fields'>): Promise<void> {
    const draft = await this.loadDraft(assignmentId);
    if (draft !== undefined && checkType !== undefined) for (const photoId of photoIdsOf(checkType, draft.answers)) await this.removePhoto(photoId);
    await this.drafts.remove(draftId(assignmentId));
    this.#changed();
  }

  /**
   * Makes a photo small and anonymous ({@link preparePhoto}) and keeps it encrypted on the device
   * until its check is sent. Returns its id, the answer of a `photo` field.
   */
  async savePhoto(file: Blob): Promise<{ photoId: string; width: number; height: number; size: number }> {
    const { blob, width, height } = await preparePhoto(file, this.#photo);
    const photoId = crypto.randomUUID();
    await this.drafts.saveBlob(photoDraftId(photoId), blob);
    return { photoId, width, height, size: blob.size };
  }

  /** A photo kept on the device (to show it again in a draft). */
  loadPhoto(photoId: string): Promise<Blob | undefined> {
    return this.drafts.loadBlob(photoDraftId(photoId));
  }

  /** Deletes a photo kept on the device (the officer took it out of the form). */
  removePhoto(photoId: string): Promise<void> {
    return this.drafts.remove(photoDraftId(photoId));
  }

  /**
   * Queues a completed check and its photos (each photo before the check, so the server has them
   * when the check refers to them), removes its draft, and starts sending. Safe offline: the
   * check is sent when the network returns, exactly once.
   */
  async submit(checkType: Pick<CheckType, 'fields'>, input: Omit<CheckSubmissionInput, 'clientId'> & { clientId?: string | undefined }): Promise<QueuedCheck> {
    const queuedInput: CheckSubmissionInput = { ...input, clientId: input.clientId ?? crypto.randomUUID() };
    for (const photoId of photoIdsOf(checkType, input.answers)) {
      if ((await this.outbox.get(photoId)) !== undefined) continue;
      await this.outbox.add({ kind: PHOTO, ref: input.assignmentId, clientId: photoId, request: { method: 'PUT', path: `check-photos/${photoId}`, body: { photoId } } });
    }
    await this.outbox.add({ kind: CHECK, ref: input.assignmentId, clientId: queuedInput.clientId, request: this.#checks.submissionRequest(queuedInput) });
    await this.drafts.remove(draftId(input.assignmentId));
    this.#changed();
    void this.drain.poke();
    return { input: queuedInput, reference: checkReference(queuedInput.clientId) };
  }

  /**
   * The last check queued for an assignment and where it stands, while the device keeps it (until
   * it has been sent for `keepSentMs`): to show it again, or print its receipt again.
   */
  async queuedCheck(assignmentId: string): Promise<(QueuedCheck & { item: OutboxItem }) | undefined> {
    const items = (await this.outbox.list()).filter((item) => item.kind === CHECK && item.ref === assignmentId);
    const last = items.at(-1) && (await this.outbox.get(items.at(-1)!.clientId));
    if (last === undefined) return undefined;
    return { input: last.request.body as CheckSubmissionInput, reference: checkReference(last.clientId), item: last };
  }

  /**
   * Queues any other write of a field app in the same outbox (sealed, in order with the checks,
   * exactly once): a chat message, say, with `request` from the SDK (`…Request(input)`) and `ref`
   * what it belongs to (a conversation id; plain text, never personal data). Resolves once it is
   * stored on the device, then sends it.
   */
  async queue(init: { kind: string; ref?: string | undefined; clientId?: string | undefined; request: OutboxItem['request'] }): Promise<OutboxItem> {
    const { kind, ref, clientId, request } = init;
    const item = await this.outbox.add({ kind, request, ...(ref === undefined ? {} : { ref }), ...(clientId === undefined ? {} : { clientId }) });
    this.#changed();
    void this.drain.poke();
    return item;
  }

  /**
   * The writes of a kind (and `ref`) still on the device, oldest first, with their bodies: what a
   * chat shows at once as "sending", "sent" or "failed, retry" while the outbox works.
   */
  async queued(kind: string, ref?: string): Promise<OutboxItem[]> {
    const items = (await this.outbox.list()).filter((item) => item.kind === kind && (ref === undefined || item.ref === ref));
    const opened = await Promise.all(items.map((item) => this.outbox.get(item.clientId)));
    return opened.filter((item): item is OutboxItem => item !== undefined);
  }

  /**
   * Takes an assignment's refused check back into its draft, for the officer to correct the
   * answers and complete it again: "Send again" ({@link FieldDevice.retry}) resends the same
   * bytes, which the zone refuses again when it refused the answers.
   *
   * The check's answers and position go back into the assignment's encrypted draft (with why it
   * was refused, `refused`), then the parked check leaves the outbox, with any of its photos that
   * were refused too: in that order, so a crash in between leaves a draft and the parked check
   * (calling again then keeps that draft), never neither. A draft already saved for the
   * assignment is kept as it is. The corrected check, completed with {@link FieldDevice.submit},
   * gets a new client id: the zone keeps the refused one's for good and would refuse a changed
   * body under it (`client_id_reused`). Photos the zone already holds are not uploaded again;
   * photos it does not hold are, from this device.
   *
   * Returns the draft, or `undefined` when no check of the assignment is parked (it was sent,
   * is on its way, or was taken back already).
   *
   * @throws {Error} when the check left the parked state meanwhile (another tab sent it again).
   *
   * @example
   * ```ts
   * if ((await device.syncStates()).get(assignmentId) === 'needs_attention') {
   *   const draft = await device.reopen(assignmentId);
   *   if (draft) showForm(draft.answers, draft.refused?.code);
   * }
   * ```
   */
  async reopen(assignmentId: string): Promise<CheckDraft | undefined> {
    const parked = (await this.outbox.list()).filter((item) => item.ref === assignmentId && item.state === 'needs_attention' && (item.kind === CHECK || item.kind === PHOTO));
    const check = parked.filter((item) => item.kind === CHECK).at(-1);
    const opened = check && (await this.outbox.get(check.clientId));
    if (opened === undefined) return undefined;
    const input = opened.request.body as CheckSubmissionInput;
    const draft: CheckDraft = (await this.loadDraft(assignmentId)) ?? {
      assignmentId,
      type: input.type,
      definitionVersion: input.definitionVersion,
      answers: input.answers,
      position: input.position,
      savedAt: this.#now(),
      refused: opened.lastFailure,
    };
    await this.drafts.save(draftId(assignmentId), draft);
    await this.outbox.withdraw(...parked.map((item) => item.clientId));
    this.#changed();
    return draft;
  }

  /** Sends an assignment's writes that need attention again (after the officer looked), in order. */
  async retry(assignmentId: string): Promise<void> {
    for (const item of await this.outbox.list()) if (item.ref === assignmentId && item.state === 'needs_attention') await this.outbox.requeue(item.clientId);
    this.#changed();
    void this.drain.poke();
  }

  /** Work that a logout would lose: checks not delivered and drafts not completed. */
  async unsent(): Promise<Omit<LogoutResult, 'wiped'>> {
    const unsent = (await this.outbox.list()).filter((item) => item.state !== 'sent' && item.kind !== PHOTO);
    const unsentChecks = unsent.filter((item) => item.kind === CHECK).length;
    return { unsentChecks, unsentOther: unsent.length - unsentChecks, drafts: (await this.drafts.ids('draft:')).length };
  }

  /**
   * Logs the officer out of this device: stops sending and deletes the drafts, the outbox, the key
   * and the caches, here and in the officer's other tabs, so the next sign-in finds nothing. When
   * unsent work remains it does nothing and says so (`wiped: false`): warn the officer, and call
   * again with `force: true` to wipe anyway.
   */
  async logout(options: { force?: boolean | undefined } = {}): Promise<LogoutResult> {
    // Logged out already, here or by another tab (whose message may still be on its way).
    if (this.#closed || this.outbox.gone || this.drafts.gone) {
      await this.#loggedOutElsewhere();
      return { wiped: true, unsentChecks: 0, unsentOther: 0, drafts: 0 };
    }
    const unsent = await this.unsent();
    if (!options.force && unsent.unsentChecks + unsent.unsentOther + unsent.drafts > 0) return { wiped: false, ...unsent };
    await this.#close();
    await Promise.all([this.outbox.wipe(), this.drafts.wipe(), deleteCaches()]);
    // Told only now, here and to the other tabs: a widget that opens a new device on `logout` must
    // find the old databases gone, not hold back their deletion with a connection of its own.
    this.#loggedOut(true);
    return { wiped: true, ...unsent };
  }

  /** Another tab logged out and wiped the databases: let go of them and say so. */
  async #loggedOutElsewhere(): Promise<void> {
    if (this.#closed) return;
    await this.#close();
    this.#loggedOut(false);
  }

  async #close(): Promise<void> {
    this.#closed = true;
    await this.drain.stop();
    const shared = devices.get(this.#checks);
    if (shared !== undefined && (await shared.catch(() => undefined)) === this) devices.delete(this.#checks);
    this.outbox.close();
    this.drafts.close();
  }

  #loggedOut(tellOtherTabs: boolean): void {
    if (tellOtherTabs) this.#channel?.postMessage('logout');
    this.#channel?.close();
    this.dispatchEvent(new Event('logout'));
  }

  async #send(item: OutboxItem): Promise<number> {
    if (item.kind !== PHOTO) return this.#checks.sendQueued(item);
    const photoId = item.clientId;
    const blob = await this.loadPhoto(photoId);
    if (blob === undefined) {
      // Parked for the officer: sending again cannot bring the photo back.
      const title = 'The photo is no longer on this device.';
      throw new ValidationError(title, { status: 422, problem: { title, status: 422, code: 'photo_missing_on_device' } });
    }
    const upload = await this.#checks.uploadPhoto({
      photoId,
      blob,
      // Its first attempt has nothing to resume: the server is asked only after one was cut off.
      resume: item.attempts > 1,
      onProgress: (sent, total) => this.dispatchEvent(new CustomEvent<UploadProgressDetail>('upload-progress', { detail: { assignmentId: item.ref, photoId, sent, total } })),
    });
    return upload.complete ? 201 : 202;
  }

  #progressed(): void {
    const { queued, sending } = this.drain.progress;
    // Once everything went, delivered photos leave the device and old checks are forgotten.
    if (queued + sending === 0) void this.#purgeSent().catch(() => undefined);
    this.#changed(false);
  }

  async #purgeSent(): Promise<void> {
    const now = this.#now();
    const items = await this.outbox.list();
    // A delivered photo stays (its bytes, and its upload that says the zone holds it) while a check
    // or a draft of its assignment may still name it: a draft does when it is a refused check taken
    // back to correct, and its corrected check must not send the photo again.
    const inUse = new Set(items.filter((item) => item.kind === CHECK && item.state !== 'sent').map((item) => item.ref));
    for (const id of await this.drafts.ids('draft:')) inUse.add(id.slice('draft:'.length));
    for (const item of items) {
      if (item.state !== 'sent') continue;
      if (item.kind === PHOTO && inUse.has(item.ref)) continue;
      if (item.kind === PHOTO) await this.removePhoto(item.clientId);
      // Kept for `keepSentMs` after delivery (not after queueing: a check sent after 8 days offline
      // would go the moment it arrived, its receipt with it).
      if (now - (item.sentAt ?? now) > this.#keepSentMs) await this.outbox.remove(item.clientId);
    }
  }

  #changed(tell = true): void {
    if (this.#closed) return;
    if (tell) this.#channel?.postMessage('change');
    this.dispatchEvent(new Event('change'));
  }
}

/** Whether a failure means the server could not be asked (so a copy on the device may stand in). */
function isUnreachable(error: unknown): boolean {
  return isBlauwError(error) && ((error as BlauwError).kind === 'network' || (error as BlauwError).kind === 'timeout' || (error as BlauwError).kind === 'server');
}

/** Deletes this origin's Cache Storage caches of Blauw (a service worker's offline copies). */
async function deleteCaches(): Promise<void> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (storage === undefined) return;
  for (const key of await storage.keys()) if (key.startsWith('blauw')) await storage.delete(key);
}
