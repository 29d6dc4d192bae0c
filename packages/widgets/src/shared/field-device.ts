import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FieldDevice, type BlauwError, type ChecksClient } from '@blauw/core';
import { OnlineOnlyDevice } from './online-only-device.js';
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
  | 'reopen'
  | 'storage'
  | 'addEventListener'
  | 'removeEventListener'
  | 'dispatchEvent'
> & {
  /** Whether work is kept on the device (false: online only, nothing survives a reload). */
  readonly keepsWork?: boolean;
};

export { OnlineOnlyDevice } from './online-only-device.js';

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
    if (!isBlauwError(failure) || failure.kind !== 'configuration') throw failure;
    return new OnlineOnlyDevice(client.checks);
  }
}

/**
 * What a {@link FieldDeviceController} needs of a device: its events (`change`, `logout`, …).
 *
 * @category Field checks
 */
export type DeviceEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * What a {@link FieldDeviceController} does where the officer's device does not open: `online-only`
 * gives an {@link OnlineOnlyDevice}, which sends at once (the check widgets); `none` gives no device
 * at all, whatever the failure, for a widget that then sends at once itself (the chat, the briefings).
 *
 * @category Field checks
 */
export type WhereStorageFails = 'online-only' | 'none';

/**
 * Options of {@link FieldDeviceController}.
 *
 * @category Field checks
 */
export interface FieldDeviceControllerOptions<Device extends DeviceEvents = CheckDevice> {
  /**
   * The widget's client controller. A client with `checks` (a full or field client) gives its
   * page's shared device; one without (messaging only) gives none.
   */
  client: { readonly value: Partial<ChecksClient> | object | undefined; readonly error?: BlauwError | undefined };
  /** Called when the device's work changes, and when the widget comes back into the page (it may have missed some). */
  onChange?: () => void;
  /** Called when the widget's device is another (it opened, the `device` property changed, the officer logged out): read it anew. */
  onDevice?: (device: Device | undefined) => void;
  /** More of the device's events to follow while the widget is in the page, by type (e.g. `upload-progress`). */
  events?: Readonly<Record<string, (event: Event) => void>>;
  /** Where the device does not open (no offline storage, as in a private window); `online-only` by default. */
  whereStorageFails?: WhereStorageFails;
  /** Told why the device did not open (with `whereStorageFails: 'none'`, the widget goes on without one). */
  onOpenFailed?: (failure: unknown) => void;
}

/**
 * Gives a field widget its officer's device: the one set on its `device` property, or the
 * page's shared {@link FieldDevice} of its client (`FieldDevice.for(client.checks)`), or, where
 * the browser keeps nothing offline, an {@link OnlineOnlyDevice} (then `onlineOnly` is true) or
 * none (`whereStorageFails: 'none'`). Re-renders the host when the device's work changes
 * (`change`, here or in another tab), and opens a new device after a logout.
 *
 * @example A widget that sends at once where storage fails, and follows the uploads:
 * ```ts
 * readonly #device = new FieldDeviceController<MessageDevice>(this, {
 *   client: this.#client,
 *   whereStorageFails: 'none',
 *   onDevice: () => void this.#readOutbox(),
 *   onChange: () => void this.#readOutbox(),
 *   events: { 'upload-progress': (event) => this.#uploading(event) },
 * });
 * ```
 * @category Field checks
 */
export class FieldDeviceController<Device extends DeviceEvents = CheckDevice> implements ReactiveController {
  readonly #host: ReactiveControllerHost & { device?: Device | undefined };
  readonly #options: FieldDeviceControllerOptions<Device>;
  // The client whose device opens (or is open), that device, and why it did not open.
  #for: Partial<ChecksClient> | undefined;
  #opened: Device | undefined;
  #error: BlauwError | undefined;
  // The device whose events are followed, and the one the widget was last told of (onDevice).
  #listening: DeviceEvents | undefined;
  #current: Device | undefined;
  // Undefined until the widget first comes into the page.
  #connected: boolean | undefined;

  /**
   * @param host - The widget; its `device` property wins over its client's device.
   * @param options - See {@link FieldDeviceControllerOptions}. `Device` is the part of a device
   *   the widget uses: of a {@link CheckDevice} (the check list needs less than the form), or, with
   *   `whereStorageFails: 'none'`, of a {@link FieldDevice} (the chat needs its outbox).
   */
  constructor(
    host: ReactiveControllerHost & { device?: Device | undefined },
    options: FieldDeviceControllerOptions<Device> & ((CheckDevice extends Device ? unknown : never) | (FieldDevice extends Device ? { whereStorageFails: 'none' } : never)),
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The device, once open. */
  get value(): Device | undefined {
    return this.#host.device ?? this.#opened;
  }

  /**
   * Why there is no device: no client, or the device failed to open (for another reason than
   * storage, unless `whereStorageFails` is `none`).
   */
  get error(): BlauwError | undefined {
    if (this.value !== undefined) return undefined;
    return this.#options.client.value === undefined ? this.#options.client.error : this.#error;
  }

  /** Whether the device keeps nothing offline (private mode): say so, and send only online. */
  get onlineOnly(): boolean {
    return (this.value as { keepsWork?: boolean } | undefined)?.keepsWork === false;
  }

  hostConnected(): void {
    const back = this.#connected === false;
    this.#connected = true;
    this.hostUpdate();
    if (back) this.#options.onChange?.();
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const client = this.#host.device === undefined ? (this.#options.client.value as Partial<ChecksClient> | undefined) : undefined;
    if (client !== this.#for) {
      this.#for = client;
      this.#opened = this.#error = undefined;
      if (client !== undefined) void this.#open(client);
    }
    const device = this.value;
    this.#listen(device);
    if (device !== this.#current) {
      this.#current = device;
      this.#options.onDevice?.(device);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen(undefined);
  }

  async #open(client: Partial<ChecksClient>): Promise<void> {
    if (client.checks === undefined) return;
    try {
      const device = await (this.#options.whereStorageFails === 'none' ? FieldDevice.for(client.checks) : deviceOf(client as ChecksClient));
      // The opened device is a Device (the constructor's type says so): Device is a part of it.
      if (this.#for === client) this.#opened = device as unknown as Device;
    } catch (error) {
      if (this.#for !== client) return;
      this.#error = toBlauwError(error);
      this.#options.onOpenFailed?.(error);
    }
    this.#host.requestUpdate();
  }

  #listen(device: DeviceEvents | undefined): void {
    if (device === this.#listening) return;
    for (const [type, listener] of Object.entries({ ...this.#options.events, change: this.#changed, logout: this.#loggedOut })) {
      this.#listening?.removeEventListener(type, listener);
      device?.addEventListener(type, listener);
    }
    this.#listening = device;
  }

  readonly #changed = (): void => {
    this.#options.onChange?.();
    this.#host.requestUpdate();
  };

  // The officer logged out (maybe in another tab): the next render opens a new, empty device.
  readonly #loggedOut = (): void => {
    this.#for = this.#opened = undefined;
    this.#changed();
  };
}
