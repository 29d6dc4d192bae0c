/**
 * The languages every Blauw widget speaks.
 *
 * @category Localization
 */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;

/**
 * One of the languages every Blauw widget speaks.
 *
 * @category Localization
 */
export type Language = (typeof LANGUAGES)[number];

/**
 * The language used when neither the widget nor the page says which one to use.
 *
 * @category Localization
 */
export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * The BCP 47 locale used for `Intl` formatting in each language: Belgian conventions.
 *
 * @category Localization
 */
export const BELGIAN_LOCALES = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-BE',
} as const satisfies Record<Language, string>;

/**
 * Maps a `lang` value (`nl`, `fr-BE`, `de-DE`, `EN`, …) to a widget language by its primary
 * subtag; anything else, or nothing, gives `undefined`.
 *
 * @example
 * ```ts
 * toLanguage('fr-BE'); // 'fr'
 * toLanguage('es');    // undefined
 * ```
 *
 * @category Localization
 */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().split(/[-_]/, 1)[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}
