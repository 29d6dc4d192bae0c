import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the browser believes it is online, re-rendering the widget when that changes. Use it to
 * show the offline message before a request fails, and to try again when the network returns.
 *
 * `navigator.onLine === true` only means "a network interface is up", not "the API answers":
 * requests can still fail with a network error, which the task controller reports.
 *
 * @example
 * ```ts
 * private network = new NetworkStatus(this, { onOnline: () => this.slots.retry() });
 * render() { return this.network.online ? nothing : html`<p role="status">${this.locale.t('offline')}</p>`; }
 * ```
 *
 * @category Loading states
 */
export class NetworkStatus implements ReactiveController {
  /** Whether the browser reports a network connection. */
  online = navigator.onLine;

  private readonly host: ReactiveControllerHost;
  private readonly onOnline: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: { onOnline?: () => void } = {}) {
    this.host = host;
    this.onOnline = options.onOnline;
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
  }

  private readonly update = (): void => {
    const wasOnline = this.online;
    this.online = navigator.onLine;
    this.host.requestUpdate();
    if (!wasOnline && this.online) this.onOnline?.();
  };
}
