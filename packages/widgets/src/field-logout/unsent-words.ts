import type { LogoutResult } from '@blauw/core';

/** The counts a logout would lose, as the device's `logout()` reports them. */
export type UnsentCounts = Omit<LogoutResult, 'wiped'>;

/** The keys of the counted sentences, in `messages.ts`. */
export type CountKey = `${'checks' | 'others' | 'drafts'}.${'one' | 'other'}`;

/**
 * The sentences that say what a logout would lose, one per kind of work there is (none for a
 * count of 0), each in the plural form its language gives the count: `plural` is the locale's
 * `Intl.PluralRules` category. Whole counts fall in `one` or `other` in nl, de and en; French
 * puts 0 and 1 in `one`, and a million in `many`, read as `other`.
 */
export function unsentSentences(counts: UnsentCounts, t: (key: CountKey, params: { n: number }) => string, plural: (count: number) => Intl.LDMLPluralRule): string[] {
  const sentence = (kind: 'checks' | 'others' | 'drafts', n: number) => t(`${kind}.${plural(n) === 'one' ? 'one' : 'other'}`, { n });
  const kinds = [['checks', counts.unsentChecks], ['others', counts.unsentOther], ['drafts', counts.drafts]] as const;
  return kinds.filter(([, n]) => n > 0).map(([kind, n]) => sentence(kind, n));
}
