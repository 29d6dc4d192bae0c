// Every look-up of personal data states why (EU Law Enforcement Directive 2016/680, art. 25).
// The rules of a purpose, shared by the server that refuses a look-up without a good one and by a
// form that tells the officer before sending.

/**
 * The purposes a look-up may state: `incident` and `check` name the file (an incident or check
 * number) in `text`; `other` explains itself in `text`; `traffic_control` and `investigation`
 * may add a text.
 *
 * @category Schemas
 */
export const LOOKUP_PURPOSE_CODES = ['incident', 'check', 'traffic_control', 'investigation', 'other'] as const;

/** The purposes whose `text` is required, and what it must hold. */
const TEXT_REQUIRED: Record<string, string> = {
  incident: 'Name the incident, e.g. its number.',
  check: 'Name the check, e.g. its assignment number.',
  other: 'Say why the look-up is needed.',
};

/**
 * One thing wrong with a look-up's purpose: a pointer into the request body (`/purpose`,
 * `/purpose/code`, `/purpose/text`) and what is wrong there.
 *
 * @category Schemas
 */
export interface PurposeProblem {
  /** `purpose_required` when there is no purpose at all, `purpose_invalid` when it is not one. */
  code: 'purpose_required' | 'purpose_invalid';
  /** An RFC 6901 JSON pointer into the request body. */
  pointer: string;
  /** What is wrong there, for people. */
  detail: string;
}

/**
 * What is wrong with a look-up's purpose; empty when the look-up may go ahead. A code outside
 * {@link LOOKUP_PURPOSE_CODES} is refused: a purpose must be one the zone's audit knows.
 *
 * @example
 * ```ts
 * purposeProblems({ code: 'incident', text: '' });
 * // [{ code: 'purpose_invalid', pointer: '/purpose/text', detail: 'Name the incident, e.g. its number.' }]
 * ```
 *
 * @category Schemas
 */
export function purposeProblems(purpose: { code: string; text?: string | undefined } | undefined): PurposeProblem[] {
  if (purpose === undefined) return [{ code: 'purpose_required', pointer: '/purpose', detail: 'Every look-up states its purpose: a code and, for some codes, a text.' }];
  if (!(LOOKUP_PURPOSE_CODES as readonly string[]).includes(purpose.code)) {
    return [{ code: 'purpose_invalid', pointer: '/purpose/code', detail: `Expected one of ${LOOKUP_PURPOSE_CODES.join(', ')}.` }];
  }
  const required = TEXT_REQUIRED[purpose.code];
  if (required !== undefined && (purpose.text ?? '').trim() === '') return [{ code: 'purpose_invalid', pointer: '/purpose/text', detail: required }];
  return [];
}
