import type { StreetCoverage } from '@blauw/core';

// Citizens type street names as they say them: "kerkstr.", "Rue de l'eglise", "Kirchstrasse".
// We compare a folded form: lower case, no diacritics, ß → ss, punctuation and spaces dropped,
// and the street-word endings straat / str. / straße / strasse / stwg. made one.

/** Lower case without diacritics: `Bois-Lisière` → `bois-lisiere`, `Straße` → `strasse`. */
export function foldToAscii(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Folds a street name to a comparison key: case, diacritics, punctuation and spacing do not
 * matter, and `str.` / `straat` / `straße` / `strasse` are the same.
 *
 * @example normalizeStreet('Sint-Jansstr.') === normalizeStreet('sint jansstraat')
 */
export function normalizeStreet(street: string): string {
  return foldToAscii(street)
    .replace(/[^a-z0-9]+/g, '')
    .replace(/(straat|strasse|str)$/, 'straat')
    .replace(/stwg$/, 'steenweg');
}

/**
 * The numeric part of a Belgian house number: `12A` → 12, `12 bus 3` → 12, `7/2` → 7.
 * Undefined when it does not start with a number.
 */
export function houseNumberValue(houseNumber: string): number | undefined {
  const match = /^\s*(\d{1,6})/.exec(houseNumber);
  if (!match) return undefined;
  const value = Number(match[1]);
  return value >= 1 ? value : undefined;
}

/** Whether a stretch of street covers the given address. */
export function coverageIncludes(
  coverage: StreetCoverage,
  address: { postalCode: string; street: string; houseNumber: string },
): boolean {
  if (coverage.postalCode !== address.postalCode.trim()) return false;
  if (normalizeStreet(coverage.street) !== normalizeStreet(address.street)) return false;
  const number = houseNumberValue(address.houseNumber);
  if (number === undefined) return false;
  if (coverage.from !== undefined && number < coverage.from) return false;
  if (coverage.to !== undefined && number > coverage.to) return false;
  if (coverage.side === 'even' && number % 2 !== 0) return false;
  if (coverage.side === 'odd' && number % 2 !== 1) return false;
  return true;
}
