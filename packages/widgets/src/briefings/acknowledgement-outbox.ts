import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FieldDevice, type ChecksClient, type MessagingClient } from '@blauw/core';
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
 * The officer's acknowledgements on their way through the device's outbox: the device is the
 * widget's `device` property, else the page's shared {@link FieldDevice} of its client's `checks`,
 * else none (a messaging-only client, or a browser that keeps nothing offline), and then the widget
 * sends at once. Reads the outbox when the device opens (so a reload finds what still waits), and
 * again whenever it changes, here or in another tab.
 *
 * @category Briefings
 */
export class AcknowledgementOutbox implements ReactiveController {
  readonly #host: ReactiveControllerHost & { device?: AcknowledgementDevice | undefined };
  readonly #options: AcknowledgementOutboxOptions;
  #device: AcknowledgementDevice | undefined;
  #deviceFor: unknown;
  #listening: AcknowledgementDevice | undefined;
  #states: ReadonlyMap<string, AckState> = new Map();
  // Shown as on their way while the device stores them (a read meanwhile does not find them yet).
  readonly #queueing = new Set<string>();
  #connected = false;

  constructor(host: ReactiveControllerHost & { device?: AcknowledgementDevice | undefined }, options: AcknowledgementOutboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The device acknowledgements are queued on, or `undefined`: then they are sent at once. */
  get device(): AcknowledgementDevice | undefined {
    return this.#device;
  }

  /** Where each acknowledgement of this device stands, by briefing id. */
  get states(): ReadonlyMap<string, AckState> {
    return this.#states;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#resolve();
    this.#listen(this.#device);
    // Back on the page: the outbox may have moved on meanwhile.
    void this.read();
  }

  hostUpdate(): void {
    if (this.#connected) this.#resolve();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen(undefined);
  }

  /**
   * Queues the acknowledgement of a briefing on the device, shown at once as on its way; resolves
   * once it is stored there (the outbox sends it when it can), or with `false` when there is no
   * device to queue on (send it at once instead).
   *
   * @throws {BlauwError} when it cannot be stored on the device.
   */
  async queue(briefingId: string, request: { method: 'POST'; path: string; body: unknown }): Promise<boolean> {
    const device = this.#device;
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
    await this.#device?.retry(briefingId);
  }

  /** Reads the outbox again (also when the network comes and goes: `waiting` and `sending` follow it). */
  async read(): Promise<void> {
    const device = this.#device;
    if (!device) return;
    const items = await device.queued(ACK_KIND);
    if (device !== this.#device) return;
    const before = this.#states;
    const after = ackStates(items, this.#options.online());
    for (const briefingId of this.#queueing) if (!after.has(briefingId) && before.has(briefingId)) after.set(briefingId, before.get(briefingId)!);
    this.#states = after;
    this.#options.onRead?.(before, this.#states);
    this.#host.requestUpdate();
  }

  // The device given, else the page's shared one of a client with `checks`, else none.
  #resolve(): void {
    const client = this.#options.client.value;
    const key = this.#host.device ?? client;
    if (key === this.#deviceFor) return;
    this.#deviceFor = key;
    if (this.#host.device) this.#use(this.#host.device);
    else if (client?.checks) {
      FieldDevice.for(client.checks).then(
        (device) => this.#deviceFor === client && this.#use(device),
        // Where the browser keeps nothing offline (a private window), acknowledgements go at once.
        () => this.#deviceFor === client && this.#use(undefined),
      );
    } else this.#use(undefined);
  }

  #use(device: AcknowledgementDevice | undefined): void {
    this.#device = device;
    this.#states = new Map();
    this.#listen(device);
    this.#host.requestUpdate();
    void this.read();
  }

  #listen(device: AcknowledgementDevice | undefined): void {
    if (device === this.#listening) return;
    this.#listening?.removeEventListener('change', this.#changed);
    this.#listening?.removeEventListener('logout', this.#loggedOut);
    this.#listening = device;
    device?.addEventListener('change', this.#changed);
    device?.addEventListener('logout', this.#loggedOut);
  }

  readonly #changed = (): void => void this.read();

  // The officer logged out (maybe in another tab): the next render opens the new, empty device.
  readonly #loggedOut = (): void => {
    this.#deviceFor = undefined;
    this.#device = undefined;
    this.#states = new Map();
    this.#host.requestUpdate();
  };
}
