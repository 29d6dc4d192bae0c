import {
  checkReference,
  photoIdsOf,
  preparePhoto,
  type AssignmentsSnapshot,
  type CheckDraft,
  type CheckSubmissionInput,
  type CheckSyncState,
  type CheckType,
  type ChecksClient,
  type QueuedCheck,
  type StorageStatus,
} from '@blauw/core';
import type { CheckDevice } from './field-device.js';
import { toBlauwError } from './to-blauw-error.js';

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
    for await (const item of this.#checks.assignments.all({ status: ['open', 'submitted', 'cancelled'], signal: options.signal })) items.push(item);
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

  /** Nothing is parked online only: a refused check stays in the form, to correct at once. */
  async reopen(): Promise<undefined> {
    return undefined;
  }
}

