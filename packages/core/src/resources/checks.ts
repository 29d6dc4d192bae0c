import { page } from '../schemas/common.js';
import { ConfigurationError, ConflictError, NotFoundError, ResponseShapeError } from '../errors.js';
import { CheckAssignment, CheckPhotoOffsetProblem, CheckPhotoUpload, CheckSubmission, CheckType, CheckTypeList, type CheckSubmissionInput } from '../schemas/checks.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import type { WriteOptions } from './booking.js';
import { queuedRequest } from '../offline/outbox-drain.js';
import type { OutboxItem } from '../offline/outbox-rules.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

const CheckAssignmentPage = page(CheckAssignment);

/**
 * Options of {@link ChecksResource.assignments}.
 *
 * @category Resources
 */
export interface CheckAssignmentListOptions extends PageOptions {
  /** Only assignments in these statuses, e.g. `['open']`. */
  status?: readonly string[] | undefined;
}

/**
 * What {@link ChecksResource.submit} resolves with: the check as stored, and whether this was a
 * resend the server recognised by its `clientId` (nothing stored twice).
 *
 * @category Resources
 */
export interface SubmittedCheck {
  /** The submission as the server keeps it. */
  submission: CheckSubmission;
  /** `true` when the server already had this check (200), `false` when it stored it now (201). */
  resent: boolean;
}

// 64 KiB: the largest request body the reference server (blauw-mock-server) reads.
const DEFAULT_PHOTO_CHUNK_BYTES = 64 * 1024;

/**
 * Options of {@link ChecksResource.uploadPhoto}.
 *
 * @category Resources
 */
export interface UploadPhotoOptions {
  /** The photo's id: the UUID the device gave it when it was taken, kept across reloads. */
  photoId: string;
  /** The photo as {@link preparePhoto} made it: a JPEG (its `type` is sent, `image/jpeg` when empty). */
  blob: Blob;
  /** Bytes per request. Default 64 KiB, the largest body the reference server reads; a server refuses larger with 413. */
  chunkBytes?: number | undefined;
  /**
   * Called with the bytes the server holds and the photo's size: once at the start (what it had
   * already, 0 for a new photo), then after each chunk, up to `(size, size)`.
   */
  onProgress?: ((sent: number, total: number) => void) | undefined;
  /**
   * Whether to ask the server first what it holds (default `true`): for an upload that may have
   * begun before (a resend, a reload). `false` for a photo never sent before: the first chunk goes
   * at once, saving a round trip and the 404 the question gets for a new photo; should the server
   * hold some of it after all, it answers 409 with its offset and the upload goes on from there.
   */
  resume?: boolean | undefined;
  /** Cancels the upload between or during chunks; it then rejects with `AbortedError`. */
  signal?: AbortSignal | undefined;
  /** Extra request headers for every request of the upload. */
  headers?: CallOptions['headers'];
  /** Milliseconds each request may take; overrides the client's `timeout`. */
  timeout?: number | undefined;
}

/**
 * Field checks (domicile, residence, electronic monitoring): the officer's assignments, the check
 * types as versioned forms, and submitting a completed check. Officer token required. Reach it as
 * `client.checks`. In the field, send submissions through the offline outbox
 * ({@link ChecksResource.submissionRequest} gives what to queue) rather than with `submit`.
 *
 * @example
 * ```ts
 * const { items: open } = await client.checks.assignments({ status: ['open'] });
 * const form = (await client.checks.types()).find((type) => type.type === open[0].type);
 * ```
 *
 * @category Resources
 */
export class ChecksResource {
  protected readonly transport: Transport;

  /** The officer's assignments, the soonest due first. */
  readonly assignments: ListMethod<CheckAssignmentListOptions, CheckAssignment>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.assignments = listMethod((options: CheckAssignmentListOptions) =>
      transport.request({
        method: 'GET',
        path: 'check-assignments',
        query: { status: options.status?.join(',') || undefined, cursor: options.cursor, limit: options.limit },
        schema: CheckAssignmentPage,
        call: options,
      }),
    );
  }

  /** Every check type in its latest version. */
  async types(options: CallOptions = {}): Promise<CheckType[]> {
    return (await this.transport.request({ method: 'GET', path: 'check-types', schema: CheckTypeList, call: options })).items;
  }

  /**
   * One version of a check type: the form a check was, or is to be, filled in with.
   *
   * @throws {NotFoundError} `check_type_not_found` for a type or version the zone does not have.
   */
  type(options: { type: string; version: number } & CallOptions): Promise<CheckType> {
    return this.transport.request({ method: 'GET', path: path`check-types/${options.type}/versions/${options.version}`, schema: CheckType, call: options });
  }

  /** One assignment. */
  assignment(options: { assignmentId: string } & CallOptions): Promise<CheckAssignment> {
    return this.transport.request({ method: 'GET', path: path`check-assignments/${options.assignmentId}`, schema: CheckAssignment, call: options });
  }

  /**
   * Submits a completed check now (online). Send the same `clientId` again, unchanged, as long as
   * the outcome is unknown: the server answers a resend with the first result.
   *
   * @throws {ValidationError} `check_answers_invalid`, with a pointer per wrong answer.
   * @throws {ConflictError} `client_id_reused` (another check under this client id) or `check_assignment_not_open`.
   * @throws {NotFoundError} `check_assignment_not_found`.
   */
  async submit(options: CheckSubmissionInput & WriteOptions): Promise<SubmittedCheck> {
    const request = this.submissionRequest(options);
    const { data, status } = await this.transport.requestWithMeta({ ...request, schema: CheckSubmission, call: options, idempotencyKey: options.idempotencyKey });
    return { submission: data, resent: status === 200 };
  }

  /**
   * Sends one write the offline outbox queued (its request, under its Idempotency-Key) once, with
   * no retries of its own, and resolves with the 2xx status; a failure throws its `BlauwError`.
   * What {@link FieldDevice} gives its {@link OutboxDrain} as `send`, so queued writes go with
   * this client's sign-in, language and hooks.
   */
  async sendQueued(item: OutboxItem): Promise<number> {
    return (await this.transport.requestWithMeta(queuedRequest(item))).status;
  }

  /**
   * How much of a photo the server holds, to resume an upload from `received`; `undefined` when it
   * received nothing of it yet (or the photo is another officer's, which is the same to the caller).
   *
   * @throws {ForbiddenError} when the caller is not an officer.
   */
  async photoUpload(options: { photoId: string } & CallOptions): Promise<CheckPhotoUpload | undefined> {
    try {
      return await this.transport.request({ method: 'GET', path: path`check-photos/${options.photoId}`, schema: CheckPhotoUpload, call: options });
    } catch (error) {
      // Only the photo's own 404: a server without photo uploads (`route_not_found`) stays an error.
      if (error instanceof NotFoundError && error.code === 'check_photo_not_found') return undefined;
      throw error;
    }
  }

  /**
   * Uploads a check photo in chunks, resuming where the server's bytes end: it asks the server
   * first (so an upload cut off by a reload or a lost connection goes on from there), then sends
   * the rest chunk by chunk with `PUT /check-photos/{photoId}`, and resolves with the photo
   * complete. A chunk the server refuses because it holds other bytes than expected (409
   * `check_photo_offset_mismatch`, e.g. another tab sent some) makes it continue from the server's
   * `received`. A chunk is sent once, without retries: a failure rejects, and the next call (the
   * outbox retrying the item) resumes from what the server holds. A photo already complete
   * resolves at once.
   *
   * Upload a check's photos before the submission that names them in a `photo` answer: the
   * server refuses a submission naming a photo it does not hold complete.
   *
   * @example
   * ```ts
   * const photo = await client.checks.uploadPhoto({ photoId, blob, onProgress: (sent, total) => bar.update(sent / total), signal });
   * ```
   *
   * @throws {ConfigurationError} for an empty `blob` or a `chunkBytes` that is not a whole number from 1.
   * @throws {ValidationError} the photo is over the server's size (`check_photo_too_large`, 413), not a JPEG
   *   (`check_photo_media_type`, `check_photo_not_jpeg`), or the server is on another range than sent (400).
   * @throws {ConflictError} `check_photo_size_mismatch` (the id was used for another photo) or
   *   `check_photo_quota_exceeded`.
   * @throws {NetworkError} {@link TimeoutError} {@link AbortedError}, and any other {@link BlauwError} of a request.
   * @throws {ResponseShapeError} when the server takes a chunk without holding more bytes after it.
   */
  async uploadPhoto(options: UploadPhotoOptions): Promise<CheckPhotoUpload> {
    const { photoId, blob, chunkBytes = DEFAULT_PHOTO_CHUNK_BYTES, onProgress, resume = true, signal, headers, timeout } = options;
    if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new ConfigurationError(`chunkBytes must be a whole number from 1, not ${chunkBytes}.`);
    const total = blob.size;
    if (total === 0) throw new ConfigurationError(`Photo ${photoId} is empty; there is nothing to upload.`);
    const contentType = blob.type === '' ? 'image/jpeg' : blob.type;
    const held = resume ? await this.photoUpload({ photoId, signal, headers, timeout }) : undefined;
    if (held?.complete === true) {
      onProgress?.(held.size, held.size);
      return held;
    }
    let sent = held?.received ?? 0;
    onProgress?.(sent, total);
    // Offsets the server named in a row without taking a chunk: two tabs may race once, not for ever.
    let moves = 0;
    for (;;) {
      const end = Math.min(sent + chunkBytes, total);
      let state: CheckPhotoUpload;
      try {
        state = await this.transport.request({
          method: 'PUT',
          path: path`check-photos/${photoId}`,
          rawBody: { data: blob.slice(sent, end), contentType },
          schema: CheckPhotoUpload,
          call: { signal, timeout, retry: 0, headers: { ...headers, 'content-range': `bytes ${sent}-${end - 1}/${total}` } },
        });
      } catch (error) {
        const offset = error instanceof ConflictError && error.code === 'check_photo_offset_mismatch' ? CheckPhotoOffsetProblem.safeParse(error.problem) : undefined;
        if (offset?.success !== true || offset.data.received === sent || ++moves > 3) throw error;
        sent = offset.data.received;
        onProgress?.(sent, total);
        continue;
      }
      moves = 0;
      if (state.complete) {
        onProgress?.(state.size, state.size);
        return state;
      }
      // The server always holds more after a chunk it took; if not, going on would loop for ever.
      if (state.received <= sent) {
        throw new ResponseShapeError(`PUT /check-photos/* took bytes ${sent}-${end - 1} of photo ${photoId} but holds only ${state.received}. Report it to the zone's API team.`, {
          status: 200,
          request: 'PUT /check-photos/*',
        });
      }
      sent = state.received;
      onProgress?.(sent, total);
    }
  }

  /** The request that submits `input`, as the offline outbox queues it. */
  submissionRequest(input: CheckSubmissionInput): { method: 'POST'; path: string; body: CheckSubmissionInput } {
    const { clientId, assignmentId, type, definitionVersion, answers, completedAt, position } = input;
    const body: CheckSubmissionInput = { clientId, assignmentId, type, definitionVersion, answers, completedAt, ...(position === undefined ? {} : { position }) };
    return { method: 'POST', path: 'check-submissions', body };
  }
}
