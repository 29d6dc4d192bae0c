import { DEFAULT_LANGUAGE, toLanguage, type Language } from './language.js';

// The CDN build (build/lazy-messages.mjs) turns every `defineMessages({ … })` into
// `lazyMessages({ nl: () => import(…), … })`: a page then downloads the strings of the one
// language its widgets speak, not all four. Everywhere else (npm builds, tests, Storybook)
// catalogs stay plain objects and this module is not used.

/** Where a lazy catalog keeps its loader; `LocaleController` calls it. */
export const loadLanguage = Symbol.for('blauw.loadLanguage');

type Strings = Readonly<Record<string, string>>;

/** A catalog whose languages are filled in as they arrive. */
export type LazyCatalog = { [L in Language]?: Strings } & { [loadLanguage](language: Language): Promise<void> };

/**
 * A catalog that imports a language's strings on first use, and starts on the page's language at
 * once, so they usually arrive while the widget's first request is on its way.
 */
export function lazyMessages(loaders: Record<Language, () => Promise<{ default: Strings }>>): LazyCatalog {
  const pending = new Map<Language, Promise<void>>();
  const catalog = {
    [loadLanguage](language: Language): Promise<void> {
      let loading = pending.get(language);
      if (loading === undefined) {
        loading = loaders[language]().then((module) => {
          catalog[language] = module.default;
        });
        // A failed download (offline) may be tried again on the next render.
        loading.catch(() => pending.delete(language));
        pending.set(language, loading);
      }
      return loading;
    },
  } as LazyCatalog;
  void catalog[loadLanguage](toLanguage(document.documentElement.lang) ?? DEFAULT_LANGUAGE).catch(() => undefined);
  return catalog;
}

/** Whether `catalog` is a lazy one (CDN build), as opposed to the plain object `defineMessages` returns. */
export const isLazy = (catalog: object): catalog is LazyCatalog => loadLanguage in catalog;
