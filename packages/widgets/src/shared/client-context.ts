import { ContextConsumer, ContextRoot, createContext } from '@lit/context';
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
 *
 * @category Client context
 */
export const clientContext = createContext<BlauwClient | ClientSource | undefined>(Symbol.for('blauw-client'));

const sourceBrand = Symbol.for('blauw-client-source');

/**
 * What `<blauw-provider api="…">` shares instead of a client: where the API is, how to sign in, and
 * in which language. Each widget makes from it the client of its own domain (the check list a
 * checks client, the timeline an incidents client), shared with the other widgets of that domain,
 * so neither the provider's CDN file nor any widget's carries the resources of all the others.
 *
 * @category Client context
 */
export interface ClientSource {
  /** Marks a source apart from a client (also across CDN bundles). */
  readonly [sourceBrand]: true;
  /** The API's base URL, as the provider's `api` attribute gives it. */
  readonly baseUrl: string;
  /** The officer's sign-in, when the page gives one. */
  readonly auth: ApiAuth | undefined;
  /** The language of the clients' requests (`Accept-Language`). */
  readonly language: Language;
}

/**
 * Whether a provided value is a {@link ClientSource} rather than a client.
 *
 * @category Client context
 */
export function isClientSource(value: unknown): value is ClientSource {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[sourceBrand] === true;
}

const sources = new Map<string, ClientSource>();

/**
 * The source for a base URL, sign-in and language: the same object for the same three, so a
 * provider re-rendering does not make its widgets start again.
 *
 * @category Client context
 */
export function clientSource(baseUrl: string, auth: ApiAuth | undefined, language: Language): ClientSource {
  const key = `${language} ${baseUrl}${auth === undefined ? '' : ` auth:${authId(auth)}`}`;
  let source = sources.get(key);
  if (source === undefined) sources.set(key, (source = { [sourceBrand]: true, baseUrl, auth, language }));
  return source;
}

const contextRootFlag = Symbol.for('blauw-context-root');

/** The error of a widget with no way to get a client: for the webmaster, what to add. */
export const missingClient = (): ConfigurationError =>
  new ConfigurationError('This widget has no client: give it an `api` attribute, set its `client` property, or place it inside <blauw-provider>.');

/**
 * Lets a `<blauw-provider>` that is defined (upgraded) after its widgets still serve them: a
 * ContextRoot keeps unanswered requests and replays them when a provider appears. That order is
 * normal on a CMS page where each widget's script tag loads on its own. Attached once per
 * document, also across bundles.
 *
 * @category Client context
 */
export function ensureContextRoot(doc: Document = document): void {
  const marked = doc as Document & { [contextRootFlag]?: true };
  if (marked[contextRootFlag] === true) return;
  marked[contextRootFlag] = true;
  new ContextRoot().attach(doc.documentElement);
}

/**
 * What a widget offers to resolve its client: the developer's `client` and the webmaster's `api`.
 * `Client` is the part of the SDK client the widget uses (the whole `BlauwClient` by default).
 *
 * @category Client context
 */
export interface ClientHost<Client = BlauwClient> extends ReactiveControllerHost, HTMLElement {
  /** A client set by code; wins over everything else. */
  client?: Client | undefined;
  /** Base URL of the zone's API, from the `api` attribute. */
  api?: string | undefined;
}

/**
 * Options of {@link ClientController}.
 *
 * @category Client context
 */
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
 * How a client built from an `api` attribute signs in: what `<blauw-provider>`'s `getToken` and
 * `onUnauthorized` properties give (see `ClientOptions`).
 *
 * @category Client context
 */
export interface ApiAuth {
  /** Returns the bearer token for the next request. */
  getToken: NonNullable<ClientOptions['getToken']>;
  /** Refreshes the token once after a 401. */
  onUnauthorized?: ClientOptions['onUnauthorized'];
}

// A sign-in is told apart by its getToken function (and refresh), never by a token's value.
const authIds = new WeakMap<object, number>();
let nextAuthId = 0;
const identity = (fn: object | undefined): string => {
  if (fn === undefined) return '-';
  if (!authIds.has(fn)) authIds.set(fn, ++nextAuthId);
  return String(authIds.get(fn));
};
const authId = (auth: ApiAuth): string => `${identity(auth.getToken)}/${identity(auth.onUnauthorized ?? undefined)}`;

// Clients built for `api` attributes, shared by every widget on the page (the CDN files share this
// module through their common chunk): per factory, then per base URL and language.
const sharedClients = new WeakMap<object, Map<string, unknown>>();

/**
 * The client for an `api` attribute: one per factory, base URL and language on the whole page, so
 * two, five or ten widgets pointed at one API share one client (and re-renders never rebuild it).
 * Its `Accept-Language` is the widget's language; a widget whose `lang` changes moves to the
 * client of the new language, and its requests run again in it. A bad URL gives a
 * `ConfigurationError` value instead of throwing during render. Used by widgets (through
 * {@link ClientController}) and by `<blauw-provider>`.
 *
 * @category Client context
 */
export class ApiClientCache<Client = BlauwClient> {
  constructor(
    private readonly create: (options: ClientOptions) => Client,
    private readonly language: () => Language,
  ) {}

  /**
   * The client for `baseUrl` in the current language (or `language`), or why there is none. With
   * `auth` (an officer's page), the client is that sign-in's own: the cache keys it by the
   * `getToken` function.
   */
  for(baseUrl: string, auth?: ApiAuth, language: Language = this.language()): Client | BlauwError {
    try {
      return sharedClient(this.create, { baseUrl, language: BELGIAN_LOCALES[language], getToken: auth?.getToken, onUnauthorized: auth?.onUnauthorized });
    } catch (error) {
      return toBlauwError(error);
    }
  }
}

/**
 * The page's client of a factory for these options: made once, then the same for every widget
 * that asks with the same base URL, language and sign-in (told apart by its `getToken` function).
 * A widget that needs a second domain (the chat sends through the field checks' outbox) takes
 * that domain's client from here, so it shares it with the widgets of that domain.
 *
 * @throws {ConfigurationError} when the factory refuses the options (a bad base URL): the same error each time.
 * @category Client context
 */
export function sharedClient<Client>(create: (options: ClientOptions) => Client, options: ClientOptions): Client {
  let clients = sharedClients.get(create);
  if (clients === undefined) sharedClients.set(create, (clients = new Map()));
  const auth = options.getToken === undefined ? undefined : { getToken: options.getToken, onUnauthorized: options.onUnauthorized };
  const key = `${String(options.language)} ${options.baseUrl}${auth === undefined ? '' : ` auth:${authId(auth)}`}`;
  if (!clients.has(key)) {
    try {
      clients.set(key, { client: create(options) });
    } catch (error) {
      // Kept too: the same refusal each time, so a widget reports it once.
      clients.set(key, { error });
    }
  }
  const made = clients.get(key) as { client: Client } | { error: unknown };
  if ('error' in made) throw made.error;
  return made.client;
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
 *
 * @category Client context
 */
export class ClientController<Client = BlauwClient> implements ReactiveController {
  private readonly host: ClientHost<Client>;
  private readonly consumer: ContextConsumer<typeof clientContext, ClientHost<Client>>;
  private readonly apiClients: ApiClientCache<Client>;

  constructor(host: ClientHost<Client>, options: ClientControllerOptions<Client>) {
    this.host = host;
    this.apiClients = new ApiClientCache(options.create, options.language ?? (() => resolveLanguage(host)));
    ensureContextRoot(host.ownerDocument);
    this.consumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
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
    const provided = this.consumer.value;
    if (isClientSource(provided)) {
      const result = this.fromSource(provided);
      return isBlauwError(result) ? undefined : result;
    }
    return provided as Client | undefined;
  }

  /** Why there is no client: a `ConfigurationError` for a bad `api`, or for no client at all. */
  get error(): BlauwError | undefined {
    if (this.value !== undefined) return undefined;
    const api = this.host.api?.trim();
    const provided = this.consumer.value;
    const result = api ? this.fromApi(api) : isClientSource(provided) ? this.fromSource(provided) : undefined;
    if (result !== undefined && isBlauwError(result)) return result;
    return missingClient();
  }

  /** Where the client comes from, for error messages and debugging. */
  get source(): 'property' | 'api' | 'provider' | 'none' {
    if (this.host.client !== undefined) return 'property';
    if (this.host.api?.trim()) return 'api';
    return this.consumer.value === undefined ? 'none' : 'provider';
  }

  hostConnected(): void {
    // Nothing to do: the context consumer requests the provider's client on connect.
  }

  private fromApi(baseUrl: string): Client | BlauwError {
    return this.apiClients.for(baseUrl);
  }

  // The provider's API in the provider's language and sign-in, with this widget's own factory.
  private fromSource(source: ClientSource): Client | BlauwError {
    return this.apiClients.for(source.baseUrl, source.auth, source.language);
  }
}
