import type { StreetCoverage } from '@blauw/core';

// Citizens type street names as they say them: "kerkstr.", "Rue de l'eglise", "Kirchstrasse",
// "Dorpstraat" for Dorpsstraat. We compare a folded form: lower case, no diacritics, ß → ss,
// punctuation, hyphens and spaces dropped, the street-word endings and their abbreviations made
// one (straat / str. / straße / strasse, steenweg / stwg., laan / ln.), and the linking "s"
// before them left out.

/** Lower case without diacritics: `Bois-Lisière` → `bois-lisiere`, `Straße` → `strasse`. */
export function foldToAscii(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Folds a street name to a comparison key: case, diacritics, punctuation, hyphens and spacing do
 * not matter; `str.` / `straat` / `straße` / `strasse`, `stwg` / `steenweg` and `ln` / `laan` are
 * the same; and so are Dorpstraat and Dorpsstraat (the linking "s").
 *
 * @example normalizeStreet('Sint-Jansstr.') === normalizeStreet('sint jans straat')
 * @example normalizeStreet('Dorpstraat') === normalizeStreet('Dorpsstraat')
 */
export function normalizeStreet(street: string): string {
  return foldToAscii(street)
    .replace(/[^a-z0-9]+/g, '')
    .replace(/(straat|strasse|str)$/, 'straat')
    .replace(/(steenweg|stwg)$/, 'steenweg')
    .replace(/(laan|ln)$/, 'laan')
    .replace(/s(straat|steenweg|laan)$/, '$1');
}

/**
 * The number of single-character insertions, deletions and substitutions that turn `a` into
 * `b` (Levenshtein). For short strings such as street names.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** A street of the zone offered instead of one that matched nothing. */
export interface StreetCandidate {
  street: string;
  postalCode: string;
  municipality: string;
}

/**
 * Up to `limit` streets nearest to `street` by {@link editDistance} on their folded names,
 * nearest first (then by name); only those within half the typed name's length, so a name that
 * resembles nothing gets no suggestions.
 */
export function nearestStreets(street: string, candidates: readonly StreetCandidate[], limit = 3): StreetCandidate[] {
  const typed = normalizeStreet(street);
  const reach = Math.ceil(typed.length / 2);
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(typed, normalizeStreet(candidate.street)) }))
    .filter((entry) => entry.distance <= reach)
    .sort((a, b) => a.distance - b.distance || a.candidate.street.localeCompare(b.candidate.street, 'nl') || a.candidate.postalCode.localeCompare(b.candidate.postalCode))
    .slice(0, limit)
    .map((entry) => ({ ...entry.candidate }));
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
