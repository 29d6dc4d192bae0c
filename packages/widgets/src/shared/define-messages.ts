import type { Language } from './language.js';

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A widget's strings in the four languages, all with the same keys. */
export type MessageCatalog<Key extends string> = { readonly [L in Language]: Readonly<Record<Key, string>> };

/** The keys of a catalog made with {@link defineMessages}. */
export type MessageKey<Catalog> = Catalog extends MessageCatalog<infer Key> ? Key : never;

/**
 * Declares a widget's strings in nl, fr, de and en. The Dutch catalog sets the keys; TypeScript
 * rejects a French, German or English catalog that misses a key or has one too many.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 *
 * @example
 * ```ts
 * export const messages = defineMessages({
 *   nl: { title: 'Afspraak met {officer}' },
 *   fr: { title: 'Rendez-vous avec {officer}' },
 *   de: { title: 'Termin mit {officer}' },
 *   en: { title: 'Appointment with {officer}' },
 * });
 * ```
 */
export function defineMessages<const Nl extends Readonly<Record<string, string>>>(catalog: {
  readonly nl: Nl;
  readonly fr: Readonly<Record<keyof Nl & string, string>>;
  readonly de: Readonly<Record<keyof Nl & string, string>>;
  readonly en: Readonly<Record<keyof Nl & string, string>>;
}): MessageCatalog<keyof Nl & string> {
  return catalog;
}

/**
 * Fills `{name}` placeholders; numbers go through `formatNumber` so they read as the language
 * writes them. An unknown placeholder is left as written, so a gap is visible rather than hidden.
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
