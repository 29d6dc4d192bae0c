import { z } from 'zod/mini';
import { page } from '../schemas/common.js';
import { CheckAssignment, CheckSubmission, CheckType, type CheckSubmissionInput } from '../schemas/checks.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import type { WriteOptions } from './booking.js';
import { queuedRequest } from '../offline/outbox-drain.js';
import type { OutboxItem } from '../offline/outbox-rules.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

const CheckTypeList = z.object({ items: z.array(CheckType) });
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

  /** The request that submits `input`, as the offline outbox queues it. */
  submissionRequest(input: CheckSubmissionInput): { method: 'POST'; path: string; body: CheckSubmissionInput } {
    const { clientId, assignmentId, type, definitionVersion, answers, completedAt, position } = input;
    const body: CheckSubmissionInput = { clientId, assignmentId, type, definitionVersion, answers, completedAt, ...(position === undefined ? {} : { position }) };
    return { method: 'POST', path: 'check-submissions', body };
  }
}
