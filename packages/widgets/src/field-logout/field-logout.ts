import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createChecksClient, type BlauwError, type FieldDevice, type ChecksClient, type LogoutResult } from '@blauw/core';
import type { BlauwErrorDetail } from '../provider/provider.js';
import { ClientController, missingClient } from '../shared/client-context.js';
import { deviceOf, type OnlineOnlyDevice } from '../shared/field-device.js';
import { LocaleController } from '../shared/locale-controller.js';
import { errorMessageKey } from '../shared/messages.js';
import { toBlauwError } from '../shared/to-blauw-error.js';
import { styles } from './field-logout.styles.js';
import { messages } from './messages.js';
import { unsentSentences, type UnsentCounts } from './unsent-words.js';

const TAG = 'blauw-field-logout';

/**
 * The part of the officer's device that `<blauw-field-logout>` uses: a `FieldDevice` of
 * `@blauw/core` (its `logout`, which warns about unsent work and wipes the device), or an
 * `OnlineOnlyDevice`, which keeps nothing to wipe.
 *
 * @category Field checks
 */
export type FieldLogoutDevice = Pick<FieldDevice, 'logout'> | Pick<OnlineOnlyDevice, 'keepsWork'>;

/**
 * Detail of `blauw-logged-out`: the device keeps nothing of the officer any more. After the
 * officer chose to delete unsent work, how much was deleted.
 *
 * @category Widget events
 */
export interface LoggedOutDetail {
  /** Always true: the drafts, outbox, key and caches are gone (or were never kept, online only). */
  wiped: true;
  /** Checks deleted unsent, when the officer chose to delete them. */
  unsentChecks?: number;
  /** Other writes deleted unsent (chat messages), when the officer chose to delete them. */
  unsentOther?: number;
  /** Drafts deleted, when the officer chose to delete them. */
  drafts?: number;
}

/**
 * The events `<blauw-field-logout>` fires, by name. Both bubble and are composed.
 *
 * @category Widget events
 */
export interface FieldLogoutEventMap {
  /** The device was wiped: the page goes on to its own sign-out. */
  'blauw-logged-out': CustomEvent<LoggedOutDetail>;
  /** The device could not be wiped (storage failed), or the widget has no device. */
  'blauw-error': CustomEvent<BlauwErrorDetail>;
}

/**
 * Logs the officer out of the field device: deletes the drafts, the outbox, the key and the
 * caches (in every tab), so the next officer to sign in on the tablet sees nothing of theirs.
 *
 * When checks are not sent yet or drafts not completed, it asks first, in a modal dialog that
 * says how many would be lost and advises to connect and wait until they are sent; "Stay signed
 * in" has the focus, Escape keeps everything too, and focus returns to the button. Only "Log out
 * and delete it all" wipes unsent work.
 *
 * Once the device is wiped it fires `blauw-logged-out`, for the page to go on to its own sign-out.
 * Where the browser keeps nothing offline (an `OnlineOnlyDevice`) there is nothing to wipe and it
 * fires at once.
 *
 * @example
 * ```ts
 * const logout = document.querySelector('blauw-field-logout')!;
 * logout.client = client; // or an `api` attribute, or a <blauw-provider>
 * logout.addEventListener('blauw-logged-out', () => intranet.signOut());
 * ```
 *
 * @tag blauw-field-logout
 * @summary Logs the officer out of the field device, warning first about unsent work.
 *
 * @attribute lang - `nl`, `fr`, `de` or `en`; else the nearest `[lang]`, else `nl`.
 * @attribute api - Base URL of the zone's API, for script-tag use.
 *
 * @fires {CustomEvent<LoggedOutDetail>} blauw-logged-out - The device was wiped (after the officer's consent when unsent work remained): the page signs out.
 * @fires {CustomEvent<BlauwErrorDetail>} blauw-error - The device could not be wiped (storage failed), or the widget has no device.
 *
 * @csspart button - The "Log out of this device" button.
 * @csspart dialog - The dialog that warns about unsent work.
 * @csspart dialog-heading - Its heading ("Unsent work on this device").
 * @csspart dialog-text - What would be lost and the advice.
 * @csspart stay-button - "Stay signed in" (the default).
 * @csspart danger-button - "Log out and delete them".
 * @csspart alert - Why the logout failed.
 * @csspart status - "You are logged out of this device…", a polite live region.
 *
 * @cssprop [--blauw-accent=#1f4e9c] - The button's border and text, the "Stay signed in" background.
 * @cssprop [--blauw-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--blauw-danger=#b3261e] - "Log out and delete them", the failure message.
 * @cssprop [--blauw-on-danger=#ffffff] - Text on the danger colour.
 * @cssprop [--blauw-success=#1e6b34] - The "logged out" line.
 * @cssprop [--blauw-backdrop=rgb(0 0 0 / 0.5)] - Behind the dialog.
 * @cssprop [--blauw-text=#1a1a1a] - Body text.
 * @cssprop [--blauw-surface=#ffffff] - Background of buttons and the dialog.
 * @cssprop [--blauw-border=#767676] - The dialog's border.
 * @cssprop [--blauw-focus-ring=var(--blauw-accent)] - Keyboard focus outline.
 * @cssprop [--blauw-radius=0.375rem] - Corner radius.
 * @cssprop [--blauw-font-family=inherit] - Font.
 *
 * @category Widgets
 */
export class BlauwFieldLogout extends LitElement {
  /** The widget's shadow styles: the design tokens, focus ring, buttons, then its own. */
  static override styles = styles;
  /** Lit's declarations of the element's properties and the attributes they read. */
  static override properties = {
    api: {},
    client: { attribute: false },
    device: { attribute: false },
  };

  /** Base URL of the zone's API (e.g. `https://api.zone.example/v1`), for script-tag use. */
  api?: string;
  /** A client from `@blauw/core` (`createClient` or `createChecksClient`); wins over `api` and a provider. */
  client?: ChecksClient;
  /** The officer's device; by default the page's shared one of the client (`FieldDevice.for(client.checks)`). */
  device?: FieldLogoutDevice;

  readonly #locale = new LocaleController(this, messages);
  readonly #client = new ClientController<ChecksClient>(this, { language: () => this.#locale.language, create: createChecksClient });

  #busy = false;
  // The unsent work the dialog asks about, while it is open.
  #asking: { device: Pick<FieldDevice, 'logout'>; counts: UnsentCounts } | undefined;
  #error: BlauwError | undefined;
  #done = false;

  protected override render(): unknown {
    if (!this.#locale.ready) return nothing;
    const { t } = this.#locale;
    return html`
      <button type="button" part="button" aria-busy=${this.#busy && !this.#asking ? 'true' : 'false'} @click=${this.#logout}>${t('logout')}</button>
      ${this.#error && !this.#asking ? this.#alert(this.#error) : nothing}
      <p part="status" role="status">${this.#done ? t('done') : nothing}</p>
      ${this.#dialog()}
    `;
  }

  #dialog(): TemplateResult {
    const { t, format } = this.#locale;
    const counts = this.#asking?.counts ?? { unsentChecks: 0, unsentOther: 0, drafts: 0 };
    const lines = unsentSentences(counts, (key, params) => t(key, params), (count) => format.plural(count));
    return html`<dialog part="dialog" aria-labelledby="logout-h" aria-describedby="logout-d" @close=${this.#closed}>
      <h2 id="logout-h" part="dialog-heading">${t('heading')}</h2>
      <div id="logout-d" part="dialog-text">
        ${lines.map((line) => html`<p class="count">${line}</p>`)}
        <p>${t('lost')}</p>
        <p>${t('advice')}</p>
      </div>
      ${this.#error && this.#asking ? this.#alert(this.#error) : nothing}
      <div class="actions">
        <button type="button" part="stay-button" autofocus @click=${this.#stay}>${t('stay')}</button>
        <button type="button" part="danger-button" aria-busy=${this.#busy ? 'true' : 'false'} @click=${this.#force}>${t('force')}</button>
      </div>
    </dialog>`;
  }

  #alert(error: BlauwError): TemplateResult {
    const { t } = this.#locale;
    return html`<p part="alert" role="alert">${error.kind === 'configuration' ? t(errorMessageKey(error)) : t('failed')}</p>`;
  }

  get #dialogElement(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part~="button"]');
  }

  readonly #logout = async (): Promise<void> => {
    if (this.#busy) return;
    this.#start();
    try {
      const device = this.device ?? (await this.#deviceOfClient());
      // An online-only device keeps nothing: there is nothing to wipe.
      if (!('logout' in device)) return this.#loggedOut({ wiped: true });
      // Without `force`, a logout wipes only a device with nothing unsent, and else says what is.
      const result = await device.logout();
      if (result.wiped) return this.#loggedOut({ wiped: true });
      this.#asking = { device, counts: { unsentChecks: result.unsentChecks, unsentOther: result.unsentOther, drafts: result.drafts } };
      this.#busy = false;
      this.requestUpdate();
      await this.updateComplete;
      this.#dialogElement?.showModal();
    } catch (error) {
      this.#fail(error);
    }
  };

  readonly #force = async (): Promise<void> => {
    const asking = this.#asking;
    if (this.#busy || asking === undefined) return;
    this.#start();
    try {
      const result: LogoutResult = await asking.device.logout({ force: true });
      this.#loggedOut({ wiped: true, unsentChecks: result.unsentChecks, unsentOther: result.unsentOther, drafts: result.drafts });
    } catch (error) {
      this.#fail(error);
    }
  };

  readonly #stay = (): void => {
    this.#dialogElement?.close();
  };

  // Closed by "Stay signed in", Escape, or after the wipe: focus goes back to the button.
  readonly #closed = (): void => {
    this.#asking = undefined;
    this.#busy = false;
    this.requestUpdate();
    this.#button?.focus();
  };

  #start(): void {
    this.#busy = true;
    this.#error = undefined;
    this.#done = false;
    this.requestUpdate();
  }

  // Opened when the officer asks to log out, not when the page loads: a logout button sits on
  // pages that hold no field widget.
  async #deviceOfClient(): Promise<FieldLogoutDevice> {
    const client = this.#client.value;
    if (client === undefined) throw this.#client.error ?? missingClient();
    return deviceOf(client);
  }

  #loggedOut(detail: LoggedOutDetail): void {
    this.#busy = false;
    this.#done = true;
    if (this.#dialogElement?.open) this.#dialogElement.close();
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<LoggedOutDetail>('blauw-logged-out', { detail, bubbles: true, composed: true }));
  }

  #fail(error: unknown): void {
    this.#busy = false;
    this.#error = toBlauwError(error);
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<BlauwErrorDetail>('blauw-error', { detail: { error: this.#error }, bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, BlauwFieldLogout);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-field-logout': BlauwFieldLogout;
  }
  interface HTMLElementEventMap {
    'blauw-logged-out': CustomEvent<LoggedOutDetail>;
  }
  // 'blauw-error' (CustomEvent<BlauwErrorDetail>) is declared once, with the provider.
}
