import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows the `change` events of a widget's device (drafts saved, the outbox moving, also in
 * another tab): listens to whichever device the widget has now, and to none while it is off the
 * page. Coming back on the page counts as a change, since the device may have moved meanwhile.
 */
export class DeviceChanges implements ReactiveController {
  readonly #device: () => EventTarget | undefined;
  readonly #changed: () => void;
  #followed: EventTarget | undefined;
  #connected = false;
  #wasConnected = false;

  constructor(host: ReactiveControllerHost, device: () => EventTarget | undefined, changed: () => void) {
    this.#device = device;
    this.#changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#device());
    if (this.#wasConnected) this.#changed();
    this.#wasConnected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  // A device set (or swapped) after connecting is followed from the next render on.
  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#device());
  }

  #follow(device: EventTarget | undefined): void {
    if (device === this.#followed) return;
    this.#followed?.removeEventListener('change', this.#onChange);
    this.#followed = device;
    device?.addEventListener('change', this.#onChange);
  }

  readonly #onChange = (): void => this.#changed();
}
