import { page } from '../schemas/common.js';
import { Briefing, BriefingAcknowledgement, BriefingStatus, type BriefingInput } from '../schemas/messaging.js';
import { path } from '../transport/path.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import type { WriteOptions } from './booking.js';
import { listMethod, type ListMethod } from './list-method.js';
import type { PageOptions } from './zone.js';

const BriefingPage = page(Briefing);

/**
 * Operational briefings of a shift or a team: officers read the current ones and acknowledge each;
 * supervisors publish them and follow who acknowledged. Reach it as `client.briefings`; new
 * briefings and acknowledgements also arrive on `client.messaging.stream()`.
 *
 * @example
 * ```ts
 * const { items } = await client.briefings.list();
 * for (const briefing of items.filter((item) => item.acknowledgedAt === null)) await showAndConfirm(briefing);
 * ```
 *
 * @category Resources
 */
export class BriefingsResource {
  protected readonly transport: Transport;

  /**
   * For an officer: the current briefings of their team or shift, those not acknowledged first.
   * For a supervisor: the briefings they published that have not ended, newest first.
   */
  readonly list: ListMethod<PageOptions, Briefing>;

  constructor(transport: Transport) {
    this.transport = transport;
    this.list = listMethod((options: PageOptions) =>
      transport.request({ method: 'GET', path: 'briefings', query: { cursor: options.cursor, limit: options.limit }, schema: BriefingPage, call: options }),
    );
  }

  /**
   * Acknowledges a briefing as read (officers). Idempotent: acknowledging again resolves with the
   * first acknowledgement.
   *
   * @throws {NotFoundError} `briefing_not_found`, also for a briefing not for the officer's team or shift.
   * @throws {ForbiddenError} `forbidden` when the caller is not an officer.
   */
  acknowledge(options: { briefingId: string } & WriteOptions): Promise<BriefingAcknowledgement> {
    return this.transport.request({ ...this.acknowledgeRequest(options), schema: BriefingAcknowledgement, call: options, idempotencyKey: options.idempotencyKey });
  }

  /**
   * The request that acknowledges a briefing, as the offline outbox queues it (an officer may
   * acknowledge in a street without a network). The server keeps one acknowledgement per officer
   * and briefing, so however often the outbox sends it, the first one counts. The body is empty
   * (`{}`): a queued write has a JSON body, and the server reads none here.
   *
   * @example
   * ```ts
   * const device = await FieldDevice.for(client.checks);
   * await device.queue({ kind: 'briefing-ack', ref: briefing.id, request: client.briefings.acknowledgeRequest({ briefingId: briefing.id }) });
   * ```
   */
  acknowledgeRequest(input: { briefingId: string }): { method: 'POST'; path: string; body: Record<string, never> } {
    return { method: 'POST', path: path`briefings/${input.briefingId}/acknowledgements`.href, body: {} };
  }

  /**
   * Publishes a briefing for a team or a shift (supervisors). Its officers get it on their streams.
   *
   * @throws {ValidationError} `briefing_audience_unknown`, `briefing_validity_invalid`, or `validation_failed` with pointers.
   * @throws {ForbiddenError} `forbidden` when the caller is not a supervisor.
   */
  publish(options: BriefingInput & WriteOptions): Promise<Briefing> {
    const { title, text, priority, audience, validFrom, validUntil, attachments } = options;
    const body: BriefingInput = {
      title,
      text,
      audience,
      validFrom,
      validUntil,
      ...(priority === undefined ? {} : { priority }),
      ...(attachments === undefined ? {} : { attachments }),
    };
    return this.transport.request({ method: 'POST', path: 'briefings', body, schema: Briefing, call: options, idempotencyKey: options.idempotencyKey });
  }

  /**
   * Who acknowledged a briefing and who has not, per team (supervisors).
   *
   * @throws {NotFoundError} `briefing_not_found`.
   * @throws {ForbiddenError} `forbidden` when the caller is not a supervisor.
   */
  status(options: { briefingId: string } & CallOptions): Promise<BriefingStatus> {
    return this.transport.request({ method: 'GET', path: path`briefings/${options.briefingId}/status`, schema: BriefingStatus, call: options });
  }
}
