import { LANGUAGES, type Language } from './language.js';

/**
 * Values substituted for `{name}` placeholders in a message.
 *
 * @category Localization
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A widget's strings in the four languages, all with the same keys.
 *
 * @category Localization
 */
export type MessageCatalog<Key extends string> = { readonly [L in Language]: Readonly<Record<Key, string>> };

/**
 * The keys of a catalog made with {@link defineMessages}.
 *
 * @category Localization
 */
export type MessageKey<Catalog> = Catalog extends MessageCatalog<infer Key> ? Key : never;

/**
 * Declares a widget's strings, one row per key with its text in nl, fr, de and en, in that order
 * (the order of `LANGUAGES`). TypeScript rejects a row that misses a language or has one too many.
 * Placeholders are written `{name}` and filled by `t(key, { name })`. One row per key keeps the
 * translations side by side for translators, and names every key once in the CDN bundles.
 *
 * @example
 * ```ts
 * export const messages = defineMessages({
 *   title: ['Afspraak met {officer}', 'Rendez-vous avec {officer}', 'Termin mit {officer}', 'Appointment with {officer}'],
 * });
 * messages.fr.title; // 'Rendez-vous avec {officer}'
 * ```
 *
 * @category Localization
 */
export function defineMessages<const Key extends string>(
  rows: Readonly<Record<Key, readonly [nl: string, fr: string, de: string, en: string]>>,
): MessageCatalog<Key> {
  const entries = Object.entries(rows) as [Key, readonly string[]][];
  return Object.fromEntries(
    LANGUAGES.map((language, i) => [language, Object.fromEntries(entries.map(([key, texts]) => [key, texts[i]]))]),
  ) as MessageCatalog<Key>;
}

/**
 * Fills `{name}` placeholders; numbers go through `formatNumber` so they read as the language
 * writes them. An unknown placeholder is left as written, so a gap is visible rather than hidden.
 *
 * @category Localization
 */
export function interpolate(
  template: string,
  params?: MessageParams,
  formatNumber: (value: number) => string = String,
): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
