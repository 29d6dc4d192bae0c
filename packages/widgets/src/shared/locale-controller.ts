import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { interpolate, type MessageCatalog, type MessageParams } from './define-messages.js';
import { formattersFor, type Formatters } from './formatters.js';
import { DEFAULT_LANGUAGE, toLanguage, type Language } from './language.js';
import { isLazy, loadLanguage } from './lazy-messages.js';
import { sharedMessages, type SharedMessageKey } from './messages.js';

// Why not @lit/localize: its locale is one global per document. A widget loaded from a CDN into a
// CMS page must not take over page-wide state, and two widgets in different languages on one page
// (a bilingual municipality in Brussels) must both work. So each widget resolves its own language
// from the DOM, and its strings travel with it in a typed catalog.

/** The element chain that decides an element's language: itself, then its ancestors, crossing shadow roots. */
function* composedAncestry(element: Element): Generator<Element> {
  let node: Node | null = element;
  while (node !== null) {
    if (node instanceof Element) yield node;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's `[lang]` (crossing
 * shadow roots to their hosts), else `nl`. Regional tags map to their language (`fr-BE` → `fr`);
 * a language Blauw does not speak falls back to `nl`.
 *
 * @category Localization
 */
export function resolveLanguage(element: Element): Language {
  for (const node of composedAncestry(element)) {
    const lang = node.getAttribute('lang');
    if (lang !== null && lang.trim() !== '') return toLanguage(lang) ?? DEFAULT_LANGUAGE;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Gives a widget its language, its strings and `Intl` formatters, and re-renders it when the
 * language changes — on the widget itself or on any ancestor, also across shadow roots.
 *
 * The widget's own catalog (from {@link defineMessages}) is combined with {@link sharedMessages},
 * so `t('retry')` and the error messages work everywhere, and with the catalogs in `also` (words
 * that a family of widgets shares, e.g. incident types; reach them with `has` and `t`).
 *
 * @example
 * ```ts
 * const messages = defineMessages({ title: ['Kies een onderwerp', 'Choisissez un sujet', 'Wählen Sie ein Thema', 'Choose a topic'] });
 *
 * class TopicPicker extends LitElement {
 *   private locale = new LocaleController(this, messages);
 *   render() {
 *     return html`<h2>${this.locale.t('title')}</h2>
 *       <p>${this.locale.format.time(slot.start, office.timeZone)}</p>`;
 *   }
 * }
 * ```
 *
 * @category Localization
 */
export class LocaleController<Key extends string = never> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly messages: MessageCatalog<Key> | undefined;
  private readonly also: readonly MessageCatalog<string>[];
  private observer: MutationObserver | undefined;
  private current: Language = DEFAULT_LANGUAGE;

  constructor(host: ReactiveControllerHost & HTMLElement, messages?: MessageCatalog<Key>, also: readonly MessageCatalog<string>[] = []) {
    this.host = host;
    this.messages = messages;
    this.also = also;
    host.addController(this);
  }

  /** The resolved language: `nl`, `fr`, `de` or `en`. */
  get language(): Language {
    return this.current;
  }

  /** The Belgian locale for `Intl` in the current language, e.g. `fr-BE`. */
  get locale(): string {
    return this.format.locale;
  }

  /** `Intl` formatters in the current language's Belgian locale; dates take an explicit time zone. */
  get format(): Formatters {
    return formattersFor(this.current);
  }

  /**
   * The string for `key` in the current language, with `{name}` placeholders filled from `params`
   * (numbers formatted in the locale). Bound, so `const { t } = this.locale` works in templates.
   */
  readonly t = (key: Key | SharedMessageKey, params?: MessageParams): string => {
    const template = this.template(key) ?? key;
    return interpolate(template, params, (value) => this.format.number(value));
  };

  /** Whether the catalogs have a string for `key` (in the current language). */
  has(key: string): boolean {
    return this.template(key) !== undefined;
  }

  /**
   * Whether the current language's strings are here. Always in npm builds; in the CDN files a
   * language is downloaded on first use, and a widget renders nothing until it has arrived (it
   * is asked for when the widget connects or its `lang` changes, and re-renders the widget).
   */
  get ready(): boolean {
    return this.catalogs().every((catalog) => catalog[this.current] !== undefined);
  }

  private catalogs(): MessageCatalog<string>[] {
    return this.messages === undefined ? [] : [this.messages, ...this.also, sharedMessages];
  }

  private template(key: string): string | undefined {
    for (const catalog of this.catalogs().length > 0 ? this.catalogs() : [sharedMessages]) {
      const text = (catalog[this.current] as Readonly<Record<string, string>> | undefined)?.[key];
      if (text !== undefined) return text;
    }
    return undefined;
  }

  // The CDN build's catalogs download a language on first use (see lazy-messages.ts).
  private load(): void {
    if (this.ready || this.messages === undefined) return;
    const language = this.current;
    Promise.all(this.catalogs().map((catalog) => (isLazy(catalog) ? catalog[loadLanguage](language) : undefined))).then(
      () => this.host.requestUpdate(),
      // Offline: the next connection or language change asks again.
      () => undefined,
    );
  }

  hostConnected(): void {
    this.refresh();
    this.observe();
    this.load();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  // A `lang` may appear on any ancestor later (a CMS language switcher, Storybook's toolbar), so
  // the whole chain is watched, not just the element that currently decides. When an ancestor is
  // moved, the host is disconnected and reconnected, which rebuilds the chain.
  private observe(): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver(() => this.refresh());
    for (const element of composedAncestry(this.host)) {
      this.observer.observe(element, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  private refresh(): void {
    const language = resolveLanguage(this.host);
    if (language !== this.current) {
      this.current = language;
      this.load();
      this.host.requestUpdate();
    }
  }
}
