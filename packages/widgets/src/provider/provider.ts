import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { checkBaseUrl, type BlauwClient, type BlauwError } from '@blauw/core';
import { clientContext, clientSource, type ApiAuth, type ClientSource } from '../shared/client-context.js';
import { clockContext, type Now } from '../shared/clock.js';
import { LocaleController } from '../shared/locale-controller.js';
import { toBlauwError } from '../shared/to-blauw-error.js';

/**
 * Detail of the `blauw-error` event, the same for every Blauw widget (and the provider):
 * `element.addEventListener('blauw-error', (event) => event.detail.error.kind)` is typed through
 * `HTMLElementEventMap`.
 *
 * @category Widget events
 */
export interface BlauwErrorDetail {
  /**
   * What went wrong: from the provider always a `ConfigurationError`; from a widget a failure the
   * citizen was told about, or one that is not theirs to know.
   */
  error: BlauwError;
}

/**
 * Gives every Blauw widget inside it one shared client, so a page (or an intranet app) configures
 * the API and authentication once. Widgets find it through the DOM, also across shadow roots;
 * a widget's own `client` property or `api` attribute still wins over the provider.
 *
 * Script-tag use: `<blauw-provider api="https://api.zone.example/v1" lang="fr">…widgets…</blauw-provider>`.
 * SDK use: `provider.client = createClient({ baseUrl, getToken })`.
 *
 * The provider renders nothing of its own (`display: contents`): it does not change the layout.
 *
 * @tag blauw-provider
 * @summary Shares one API client with the Blauw widgets inside it.
 * @attribute lang - Language of a client built from `api` (sent as `Accept-Language`); else the page's. Widgets still follow their own nearest `[lang]`.
 * @slot - The widgets (and any other content) that use the shared client.
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The `api` attribute is not an http(s) URL, so no client could be built.
 *
 * @category Widgets
 */
export class BlauwProvider extends LitElement {
  /** `display: contents`: the provider adds no box of its own to the layout. */
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use.
   * Ignored when `client` is set.
   */
  @property({ reflect: true }) api?: string;

  /**
   * The client to share, for SDK users (built with `createClient` from `@blauw/core`, e.g. with a
   * `getToken` for officers). Wins over `api`. Set as a property; it has no attribute.
   */
  @property({ attribute: false }) client?: BlauwClient;

  /**
   * For an officer's page that uses `api`: returns the bearer token for the next request (e.g.
   * from the intranet's sign-in). The token is asked for on every request and never stored.
   * Ignored when `client` is set. Set as a property; it has no attribute.
   *
   * @example
   * ```js
   * document.querySelector('blauw-provider').getToken = () => intranet.accessToken;
   * ```
   */
  @property({ attribute: false }) getToken?: ApiAuth['getToken'];

  /** With `getToken`: refreshes the token after a 401 (once; then the widgets show "sign in again"). */
  @property({ attribute: false }) onUnauthorized?: ApiAuth['onUnauthorized'];

  /**
   * The clock the nested widgets read "now" from, as milliseconds since the epoch (default
   * `Date.now`). Set it to show a zone's agenda as of another day, or to pin time in tests.
   */
  @property({ attribute: false }) now?: Now;

  private readonly provider = new ContextProvider(this, { context: clientContext });
  private readonly clock = new ContextProvider(this, { context: clockContext });
  // The language of the clients built from `api` (their Accept-Language): the provider's own
  // `lang`, else the page's, like any widget.
  private readonly locale = new LocaleController(this);
  private reported: string | undefined;

  /**
   * What the nested widgets receive now: the `client` set by code, or, from `api`, a
   * {@link ClientSource} each widget makes the client of its own domain from (so this file
   * carries no resource of any domain); `undefined` when neither is set, or `api` is not a URL.
   */
  get sharedClient(): BlauwClient | ClientSource | undefined {
    return this.provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client ?? this.clientFromApi();
    // setValue notifies every subscribed widget only when the client really changed.
    this.provider.setValue(client);
    this.clock.setValue(this.now);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private clientFromApi(): ClientSource | undefined {
    const baseUrl = this.api?.trim();
    if (!baseUrl) return undefined;
    try {
      checkBaseUrl(baseUrl);
    } catch (error) {
      // Report a bad `api` once, not on every update.
      if (this.reported !== baseUrl) {
        this.reported = baseUrl;
        this.reportError(toBlauwError(error));
      }
      return undefined;
    }
    const auth = this.getToken === undefined ? undefined : { getToken: this.getToken, onUnauthorized: this.onUnauthorized };
    return clientSource(baseUrl, auth, this.locale.language);
  }

  // A bad `api` is the webmaster's mistake: say so on the console and as an event, since the
  // nested widgets can only report "no client".
  private reportError(error: BlauwError): void {
    console.error(`<blauw-provider>: ${error.message}`);
    this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error }, bubbles: true, composed: true }));
  }
}

// Two CDN bundles on one page may both contain the provider; the first one defines it, and
// both bundles' widgets meet it through the shared context key.
if (!customElements.get('blauw-provider')) customElements.define('blauw-provider', BlauwProvider);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-provider': BlauwProvider;
  }
  interface HTMLElementEventMap {
    // Fired by the provider and by every widget; it bubbles and is composed, so one listener on
    // the provider (or the document) hears them all.
    'blauw-error': CustomEvent<BlauwErrorDetail>;
  }
}
