import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  FieldDevice,
  checkReference,
  photoIdsOf,
  preparePhoto,
  type AssignmentsSnapshot,
  type BlauwError,
  type CheckDraft,
  type CheckSubmissionInput,
  type CheckSyncState,
  type CheckType,
  type ChecksClient,
  type QueuedCheck,
  type StorageStatus,
} from '@blauw/core';
import { isBlauwError, toBlauwError } from './to-blauw-error.js';

/**
 * What the field widgets use of an officer's device: a {@link FieldDevice} (drafts and outbox on
 * the device, sent when the network returns), or, where the browser keeps nothing offline (some
 * private modes), an {@link OnlineOnlyDevice} that sends at once.
 *
 * @category Field checks
 */
export type CheckDevice = Pick<
  FieldDevice,
  | 'assignments'
  | 'cachedAssignments'
  | 'checkType'
  | 'syncStates'
  | 'loadDraft'
  | 'saveDraft'
  | 'savePhoto'
  | 'removePhoto'
  | 'submit'
  | 'queuedCheck'
  | 'retry'
  | 'storage'
  | 'addEventListener'
  | 'removeEventListener'
  | 'dispatchEvent'
> & {
  /** Whether work is kept on the device (false: online only, nothing survives a reload). */
  readonly keepsWork?: boolean;
};

/**
 * The device of a browser that keeps nothing offline: drafts and photos live in memory only, a
 * completed check is sent at once (and fails without a network), the assignments and forms are
 * asked of the server each time. The widgets say so to the officer.
 *
 * @category Field checks
 */
export class OnlineOnlyDevice extends EventTarget implements CheckDevice {
  readonly keepsWork = false;
  readonly #checks: ChecksClient['checks'];
  readonly #drafts = new Map<string, CheckDraft>();
  readonly #photos = new Map<string, Blob>();
  readonly #sent = new Set<string>();

  constructor(checks: ChecksClient['checks']) {
    super();
    this.#checks = checks;
  }

  async assignments(options: { signal?: AbortSignal | undefined } = {}): Promise<AssignmentsSnapshot> {
    const items = [];
    for await (const item of this.#checks.assignments.all({ status: ['open', 'submitted'], signal: options.signal })) items.push(item);
    return { items, savedAt: Date.now(), fromCache: false };
  }

  async cachedAssignments(): Promise<undefined> {
    return undefined;
  }

  async checkType(options: { type: string; version?: number | undefined; signal?: AbortSignal | undefined }): Promise<CheckType> {
    if (options.version !== undefined) return this.#checks.type({ type: options.type, version: options.version, signal: options.signal });
    const found = (await this.#checks.types({ signal: options.signal })).find((type) => type.type === options.type);
    if (found === undefined) throw toBlauwError(new Error(`The zone has no check type "${options.type}".`));
    return found;
  }

  async syncStates(): Promise<Map<string, CheckSyncState>> {
    const states = new Map<string, CheckSyncState>();
    for (const id of this.#drafts.keys()) states.set(id, 'draft');
    for (const id of this.#sent) states.set(id, 'sent');
    return states;
  }

  async loadDraft(assignmentId: string): Promise<CheckDraft | undefined> {
    return this.#drafts.get(assignmentId);
  }

  async saveDraft(draft: CheckDraft): Promise<void> {
    this.#drafts.set(draft.assignmentId, draft);
  }

  async savePhoto(file: Blob): Promise<{ photoId: string; width: number; height: number; size: number }> {
    const { blob, width, height } = await preparePhoto(file);
    const photoId = crypto.randomUUID();
    this.#photos.set(photoId, blob);
    return { photoId, width, height, size: blob.size };
  }

  async removePhoto(photoId: string): Promise<void> {
    this.#photos.delete(photoId);
  }

  async submit(checkType: Pick<CheckType, 'fields'>, input: Omit<CheckSubmissionInput, 'clientId'> & { clientId?: string | undefined }): Promise<QueuedCheck> {
    const queued: CheckSubmissionInput = { ...input, clientId: input.clientId ?? crypto.randomUUID() };
    for (const photoId of photoIdsOf(checkType, input.answers)) {
      const blob = this.#photos.get(photoId);
      if (blob !== undefined) await this.#checks.uploadPhoto({ photoId, blob });
    }
    await this.#checks.submit(queued);
    this.#drafts.delete(input.assignmentId);
    this.#sent.add(input.assignmentId);
    this.dispatchEvent(new Event('change'));
    return { input: queued, reference: checkReference(queued.clientId) };
  }

  /** Nothing is queued online only: a check is sent at once or not at all. */
  async queuedCheck(): Promise<undefined> {
    return undefined;
  }

  /** Nothing is stored online only. */
  async storage(): Promise<StorageStatus> {
    return { available: false, persisted: false, usage: undefined, quota: undefined, nearlyFull: false };
  }

  /** Nothing waits online only. */
  async retry(): Promise<void> {
    this.dispatchEvent(new Event('change'));
  }
}

/**
 * The officer's device of a client: the page's shared {@link FieldDevice} of `client.checks`, or,
 * where the browser keeps nothing offline (no IndexedDB or WebCrypto, as in some private modes),
 * an {@link OnlineOnlyDevice}.
 *
 * @throws {BlauwError} when the device fails to open for another reason.
 * @category Field checks
 */
export async function deviceOf(client: ChecksClient): Promise<FieldDevice | OnlineOnlyDevice> {
  try {
    return await FieldDevice.for(client.checks);
  } catch (error) {
    const failure = toBlauwError(error);
    if (isBlauwError(failure) && failure.kind === 'configuration') return new OnlineOnlyDevice(client.checks);
    throw failure;
  }
}

/**
 * Gives a field widget its officer's device: the one set on its `device` property, or the
 * page's shared {@link FieldDevice} of its client (`FieldDevice.for(client.checks)`), or an
 * {@link OnlineOnlyDevice} where the browser keeps nothing offline (then `onlineOnly` is true).
 * Re-renders the host when the device's work changes (`change`, here or in another tab).
 *
 * @category Field checks
 */
export class FieldDeviceController<Device extends EventTarget = CheckDevice> implements ReactiveController {
  readonly #host: ReactiveControllerHost & { device?: Device | undefined };
  readonly #client: { readonly value: ChecksClient | undefined; readonly error?: BlauwError | undefined };
  readonly #onChange: (() => void) | undefined;
  #for: ChecksClient | undefined;
  #opened: CheckDevice | undefined;
  #error: BlauwError | undefined;
  #listening: EventTarget | undefined;
  #connected = false;
  #wasConnected = false;

  /**
   * @param host - The widget; its `device` property wins over its client's device.
   * @param options - `client`: the widget's client controller; `onChange`: called when the
   *   device's work changes, and when the widget comes back into the page (it may have missed some).
   *   `Device` is the part of a {@link CheckDevice} the widget uses (the check list needs less than the form).
   */
  constructor(
    host: ReactiveControllerHost & { device?: Device | undefined },
    options: { client: { readonly value: ChecksClient | undefined; readonly error?: BlauwError | undefined }; onChange?: () => void } & (CheckDevice extends Device ? unknown : never),
  ) {
    this.#host = host;
    this.#client = options.client;
    this.#onChange = options.onChange;
    host.addController(this);
  }

  /** The device, once open. */
  get value(): Device | undefined {
    // A CheckDevice is a Device (the constructor's type says so): Device is a part of it.
    return this.#host.device ?? (this.#opened as Device | undefined);
  }

  /** Why there is no device: no client, or the device failed to open for another reason than storage. */
  get error(): BlauwError | undefined {
    if (this.value !== undefined) return undefined;
    return this.#client.value === undefined ? this.#client.error : this.#error;
  }

  /** Whether the device keeps nothing offline (private mode): say so, and send only online. */
  get onlineOnly(): boolean {
    return (this.value as { keepsWork?: boolean } | undefined)?.keepsWork === false;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
    if (this.#wasConnected) this.#onChange?.();
    this.#wasConnected = true;
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen(undefined);
  }

  #follow(): void {
    const client = this.#host.device === undefined ? this.#client.value : undefined;
    if (client !== this.#for) {
      this.#for = client;
      this.#opened = undefined;
      this.#error = undefined;
      if (client !== undefined) void this.#open(client);
    }
    this.#listen(this.value);
  }

  async #open(client: ChecksClient): Promise<void> {
    try {
      const device = await deviceOf(client);
      if (this.#for === client) this.#opened = device;
    } catch (error) {
      if (this.#for === client) this.#error = toBlauwError(error);
    }
    this.#host.requestUpdate();
  }

  #listen(device: EventTarget | undefined): void {
    if (device === this.#listening) return;
    this.#listening?.removeEventListener('change', this.#changed);
    this.#listening?.removeEventListener('logout', this.#loggedOut);
    this.#listening = device;
    device?.addEventListener('change', this.#changed);
    device?.addEventListener('logout', this.#loggedOut);
  }

  readonly #changed = (): void => {
    this.#onChange?.();
    this.#host.requestUpdate();
  };

  // The officer logged out (maybe in another tab): the next render opens a new, empty device.
  readonly #loggedOut = (): void => {
    this.#for = undefined;
    this.#opened = undefined;
    this.#changed();
  };
}
