import type { ReactiveControllerHost } from 'lit';
import type { ChecksClient, FieldDevice, MessagingClient } from '@blauw/core';
import { FieldDeviceController } from '../shared/field-device.js';
import { ACK_KIND, ackStates, type AckState } from './briefing-rules.js';

/**
 * What the briefings use of the officer's device: the field checks' outbox (a {@link FieldDevice}),
 * where an acknowledgement is sealed, kept across reloads and sent once when the network allows.
 *
 * @category Briefings
 */
export type AcknowledgementDevice = Pick<FieldDevice, 'queue' | 'queued' | 'retry' | 'addEventListener' | 'removeEventListener'>;

/**
 * Options of {@link AcknowledgementOutbox}.
 *
 * @category Briefings
 */
export interface AcknowledgementOutboxOptions {
  /** The widget's client; with `checks` (a full or field client), its page's shared device is used. */
  client: { readonly value: (MessagingClient & { checks?: ChecksClient['checks'] }) | undefined };
  /** Whether the browser is online: a queued acknowledgement then reads `sending`, else `waiting`. */
  online: () => boolean;
  /** Called after the outbox was read, with the states before and after (to tell what was delivered). */
  onRead?: (before: ReadonlyMap<string, AckState>, after: ReadonlyMap<string, AckState>) => void;
}

/**
 * The officer's acknowledgements on their way through the device's outbox. The device comes from
 * a {@link FieldDeviceController}: the widget's `device` property, else the page's shared
 * {@link FieldDevice} of its client's `checks`, else none (a messaging-only client, or a browser
 * that keeps nothing offline), and then the widget sends at once. Reads the outbox when the device
 * opens (so a reload finds what still waits), and again whenever it changes, here or in another tab.
 *
 * @category Briefings
 */
export class AcknowledgementOutbox {
  readonly #host: ReactiveControllerHost;
  readonly #options: AcknowledgementOutboxOptions;
  readonly #device: FieldDeviceController<AcknowledgementDevice>;
  #states: ReadonlyMap<string, AckState> = new Map();
  // Shown as on their way while the device stores them (a read meanwhile does not find them yet).
  readonly #queueing = new Set<string>();

  constructor(host: ReactiveControllerHost & { device?: AcknowledgementDevice | undefined }, options: AcknowledgementOutboxOptions) {
    this.#host = host;
    this.#options = options;
    this.#device = new FieldDeviceController<AcknowledgementDevice>(host, {
      client: options.client,
      whereStorageFails: 'none',
      // Back on the page too: the outbox may have moved on meanwhile.
      onChange: () => void this.read(),
      onDevice: () => {
        this.#states = new Map();
        void this.read();
      },
    });
  }

  /** The device acknowledgements are queued on, or `undefined`: then they are sent at once. */
  get device(): AcknowledgementDevice | undefined {
    return this.#device.value;
  }

  /** Where each acknowledgement of this device stands, by briefing id. */
  get states(): ReadonlyMap<string, AckState> {
    return this.#states;
  }

  /**
   * Queues the acknowledgement of a briefing on the device, shown at once as on its way; resolves
   * once it is stored there (the outbox sends it when it can), or with `false` when there is no
   * device to queue on (send it at once instead).
   *
   * @throws {BlauwError} when it cannot be stored on the device.
   */
  async queue(briefingId: string, request: { method: 'POST'; path: string; body: unknown }): Promise<boolean> {
    const device = this.device;
    if (!device) return false;
    this.#queueing.add(briefingId);
    this.#states = new Map(this.#states).set(briefingId, this.#options.online() ? 'sending' : 'waiting');
    this.#host.requestUpdate();
    try {
      await device.queue({ kind: ACK_KIND, ref: briefingId, request });
    } catch (error) {
      const states = new Map(this.#states);
      states.delete(briefingId);
      this.#states = states;
      throw error;
    } finally {
      this.#queueing.delete(briefingId);
      this.#host.requestUpdate();
    }
    return true;
  }

  /** Sends a refused acknowledgement again (the officer's Try again). */
  async retry(briefingId: string): Promise<void> {
    await this.device?.retry(briefingId);
  }

  /** Reads the outbox again (also when the network comes and goes: `waiting` and `sending` follow it). */
  async read(): Promise<void> {
    const device = this.device;
    if (!device) return;
    const items = await device.queued(ACK_KIND);
    if (device !== this.device) return;
    const before = this.#states;
    const after = ackStates(items, this.#options.online());
    for (const briefingId of this.#queueing) if (!after.has(briefingId) && before.has(briefingId)) after.set(briefingId, before.get(briefingId)!);
    this.#states = after;
    this.#options.onRead?.(before, this.#states);
    this.#host.requestUpdate();
  }
}
