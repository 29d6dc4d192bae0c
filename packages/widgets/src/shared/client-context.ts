import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConfigurationError, type BlauwClient, type BlauwError, type ClientOptions } from '@blauw/core';
import { BELGIAN_LOCALES, type Language } from './language.js';
import { resolveLanguage } from './locale-controller.js';
import { isBlauwError, toBlauwError } from './to-blauw-error.js';

/**
 * The context through which `<blauw-provider>` gives nested widgets one client.
 *
 * The key is `Symbol.for(…)`, registered globally, so that two CDN bundles on one page (say the
 * booking calendar and the office map, each with its own copy of this module) still meet: a
 * provider from one bundle serves widgets from the other.
 */
export const clientContext = createContext<BlauwClient | undefined>(Symbol.for('blauw-client'));

const contextRootFlag = Symbol.for('blauw-context-root');

/**
 * Lets a `<blauw-provider>` that is defined (upgraded) after its widgets still serve them: a
 * ContextRoot keeps unanswered requests and replays them when a provider appears. That order is
 * normal on a CMS page where each widget's script tag loads on its own. Attached once per
 * document, also across bundles.
 */
export function ensureContextRoot(doc: Document = document): void {
  const marked = doc as Document & { [contextRootFlag]?: true };
  if (marked[contextRootFlag] === true) return;
  marked[contextRootFlag] = true;
  // What @lit/context's ContextRoot does, in fewer bytes: subscribing requests nobody answered
  // wait here (weakly) per context until a provider of that context announces itself.
  const waiting = new Map<unknown, [WeakRef<Element>, WeakRef<ContextCallback>][]>();
  const root = doc.documentElement;
  root.addEventListener('context-request', (event: Event) => {
    const { context, contextTarget, callback, subscribe } = event as ContextRequest;
    if (subscribe !== true) return;
    const element = contextTarget ?? (event.composedPath()[0] as Element);
    const list = waiting.get(context) ?? [];
    waiting.set(context, list);
    if (!list.some(([el, cb]) => el.deref() === element && cb.deref() === callback)) list.push([new WeakRef(element), new WeakRef(callback)]);
  });
  root.addEventListener('context-provider', (event: Event) => {
    const { context } = event as ContextRequest;
    const list = waiting.get(context);
    waiting.delete(context);
    for (const [el, cb] of list ?? []) {
      const element = el.deref();
      const callback = cb.deref();
      if (element && callback) requestContext(element, context, callback);
    }
  });
}

type ContextCallback = (value: unknown, unsubscribe?: () => void) => void;
interface ContextRequest extends Partial<Event> {
  context: unknown;
  contextTarget?: Element;
  callback: ContextCallback;
  subscribe?: boolean;
}

/** A subscribing `context-request` (the community context protocol, which @lit/context speaks). */
function requestContext(element: Element, context: unknown, callback: ContextCallback): void {
  const request: ContextRequest = { context, contextTarget: element, callback, subscribe: true };
  element.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), request));
}

/**
 * What a widget offers to resolve its client: the developer's `client` and the webmaster's `api`.
 * `Client` is the part of the SDK client the widget uses (the whole `BlauwClient` by default).
 */
export interface ClientHost<Client = BlauwClient> extends ReactiveControllerHost, HTMLElement {
  /** A client set by code; wins over everything else. */
  client?: Client | undefined;
  /** Base URL of the zone's API, from the `api` attribute. */
  api?: string | undefined;
}

/** Options of {@link ClientController}. */
export interface ClientControllerOptions<Client = BlauwClient> {
  /** The language of a client built from `api` (its `Accept-Language`); defaults to the element's resolved language. */
  language?: () => Language;
  /**
   * Builds the client for an `api` attribute: `createClient`, or for a widget that needs one
   * domain, that domain's factory (e.g. `createBookingClient`), so its CDN bundle does not carry
   * every other resource. Required for that reason: a default would pull `createClient` in.
   */
  create: (options: ClientOptions) => Client;
}

/**
 * The client for an `api` attribute, built once per base URL so re-renders do not rebuild it (and
 * restart its requests). The language is read on every request, so a change of `lang` does not
 * replace the client either. A bad URL gives a `ConfigurationError` value instead of throwing
 * during render. Used by widgets (through {@link ClientController}) and by `<blauw-provider>`.
 */
export class ApiClientCache<Client = BlauwClient> {
  private built: { baseUrl: string; result: Client | BlauwError } | undefined;

  constructor(
    private readonly create: (options: ClientOptions) => Client,
    private readonly language: () => Language,
  ) {}

  /** The client for `baseUrl`, or why there is none. */
  for(baseUrl: string): Client | BlauwError {
    if (this.built?.baseUrl !== baseUrl) {
      let result: Client | BlauwError;
      try {
        result = this.create({ baseUrl, language: () => BELGIAN_LOCALES[this.language()] });
      } catch (error) {
        result = toBlauwError(error);
      }
      this.built = { baseUrl, result };
    }
    return this.built.result;
  }
}

/**
 * Resolves the client a widget talks through, in this order:
 * 1. its `client` property (SDK users),
 * 2. its `api` attribute: a client built for that base URL and the widget's language (script-tag use),
 * 3. the client of the nearest `<blauw-provider>`, also across shadow roots, following changes.
 *    The provider shares a whole `BlauwClient`, which has every domain a widget may ask for.
 *
 * `value` is `undefined` when none applies or `api` is not a URL; `error` then says why, and the
 * task controller reports it as a configuration error.
 *
 * @example
 * ```ts
 * class OfficeCard extends LitElement {
 *   @property({ attribute: false }) client?: BlauwClient;
 *   @property() api?: string;
 *   private resolved = new ClientController(this, { create: createClient });
 *   // this.resolved.value is the client to use
 * }
 * ```
 */
export class ClientController<Client = BlauwClient> implements ReactiveController {
  private readonly host: ClientHost<Client>;
  // The provider's client, and how to stop hearing from that provider.
  private provided: Client | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly apiClients: ApiClientCache<Client>;

  constructor(host: ClientHost<Client>, options: ClientControllerOptions<Client>) {
    this.host = host;
    this.apiClients = new ApiClientCache(options.create, options.language ?? (() => resolveLanguage(host)));
    ensureContextRoot(host.ownerDocument);
    host.addController(this);
  }

  /** The client to use now, or `undefined` when the widget has none. */
  get value(): Client | undefined {
    if (this.host.client !== undefined) return this.host.client;
    const api = this.host.api?.trim();
    if (api) {
      const result = this.fromApi(api);
      return isBlauwError(result) ? undefined : result;
    }
    return this.provided;
  }

  /** Why there is no client: a `ConfigurationError` for a bad `api`, or for no client at all. */
  get error(): BlauwError | undefined {
    if (this.value !== undefined) return undefined;
    const api = this.host.api?.trim();
    const result = api ? this.fromApi(api) : undefined;
    if (result !== undefined && isBlauwError(result)) return result;
    return new ConfigurationError(
      'This widget has no client: give it an `api` attribute, set its `client` property, or place it inside <blauw-provider>.',
    );
  }

  /** Where the client comes from, for error messages and debugging. */
  get source(): 'property' | 'api' | 'provider' | 'none' {
    if (this.host.client !== undefined) return 'property';
    if (this.host.api?.trim()) return 'api';
    return this.provided === undefined ? 'none' : 'provider';
  }

  hostConnected(): void {
    requestContext(this.host, clientContext, this.provide);
  }

  // One callback for the controller's life: the context root holds it only weakly, and knows a
  // repeated request by it.
  private readonly provide = (value: unknown, unsubscribe?: () => void): void => {
    // A nearer provider took over: leave the one before.
    if (this.unsubscribe !== unsubscribe) this.unsubscribe?.();
    this.unsubscribe = unsubscribe;
    this.provided = value as Client | undefined;
    this.host.requestUpdate();
  };

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private fromApi(baseUrl: string): Client | BlauwError {
    return this.apiClients.for(baseUrl);
  }
}
