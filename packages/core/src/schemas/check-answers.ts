import type { CheckAnswer, CheckField, CheckType } from './checks.js';
import { IsoDate, IsoDateTime } from './common.js';

// The rules a check's answers follow, in one place for the form that checks them before sending
// and the server that checks them on arrival: which fields are shown, and what is wrong with an
// answer. Problems are codes with their limits, not sentences, so each side words them itself
// (the form in the officer's language, the server in its problem details).

/**
 * What is wrong with one answer, with the limit it broke:
 *
 * - `required`: a shown, required field has no answer.
 * - `too_long` (`max` characters), `pattern` (a text not in the expected form).
 * - `not_an_option`: a choice that is not one of the field's options.
 * - `date`, `time`, `datetime`: not a `YYYY-MM-DD` date, an `HH:MM` time, an ISO instant with offset.
 * - `yes_no`: not `true` or `false`; `not_attested`: an attestation that is not `true`.
 * - `number`, `too_small` (`min`), `too_large` (`max`).
 * - `position`: not a `{ lat, lon }` position.
 * - `photos`: not a list of photo ids; `too_many_photos` (`max`).
 * - `text`: a text field's answer that is not a text.
 * - `unknown_field`: the form version has no such field.
 *
 * @category Schemas
 */
export type CheckAnswerProblem =
  | { code: 'required' | 'pattern' | 'not_an_option' | 'date' | 'time' | 'datetime' | 'yes_no' | 'not_attested' | 'number' | 'position' | 'photos' | 'text' | 'unknown_field' }
  | { code: 'too_long' | 'too_large' | 'too_many_photos'; max: number }
  | { code: 'too_small'; min: number };

/**
 * One wrong answer of a check: the field's name and the problem.
 *
 * @category Schemas
 */
export interface CheckAnswerIssue {
  /** The field's `name`. */
  field: string;
  /** What is wrong. */
  problem: CheckAnswerProblem;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The names of the fields shown for these answers, in form order: a field is shown when each of
 * its conditions names a shown field whose answer equals the condition's value.
 *
 * @category Schemas
 */
export function shownFields(definition: Pick<CheckType, 'fields'>, answers: Readonly<Record<string, unknown>>): Set<string> {
  const shown = new Set<string>();
  for (const field of definition.fields) {
    if ((field.visibleWhen ?? []).every((condition) => shown.has(condition.field) && answers[condition.field] === condition.equals)) shown.add(field.name);
  }
  return shown;
}

/**
 * What is wrong with an answer for its field, or `undefined`. A kind this code does not know yet
 * cannot be judged: its answer passes.
 *
 * @category Schemas
 */
export function answerProblem(field: CheckField, value: CheckAnswer): CheckAnswerProblem | undefined {
  const rules = field.rules ?? {};
  switch (field.kind) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return { code: 'text' };
      if (rules.maxLength !== undefined && value.length > rules.maxLength) return { code: 'too_long', max: rules.maxLength };
      if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`).test(value)) return { code: 'pattern' };
      return undefined;
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).some((option) => option.value === value) ? undefined : { code: 'not_an_option' };
    case 'date':
      return typeof value === 'string' && IsoDate.safeParse(value).success ? undefined : { code: 'date' };
    case 'time':
      return typeof value === 'string' && TIME.test(value) ? undefined : { code: 'time' };
    case 'datetime':
      return typeof value === 'string' && IsoDateTime.safeParse(value).success ? undefined : { code: 'datetime' };
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : { code: 'yes_no' };
    case 'attestation':
      return value === true ? undefined : { code: 'not_attested' };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'number' };
      if (rules.min !== undefined && value < rules.min) return { code: 'too_small', min: rules.min };
      if (rules.max !== undefined && value > rules.max) return { code: 'too_large', max: rules.max };
      return undefined;
    case 'position':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : { code: 'position' };
    case 'photo':
      if (!Array.isArray(value)) return { code: 'photos' };
      return rules.maxItems !== undefined && value.length > rules.maxItems ? { code: 'too_many_photos', max: rules.maxItems } : undefined;
    default:
      return undefined;
  }
}

/**
 * Checks a check's answers against one version of its form, as the server will: every shown,
 * required field answered, every shown answer valid for its field, no answer to a field the
 * version does not have. Returns the answers kept (those of shown fields; a hidden field's answer
 * is dropped, never refused) and the issues, in form order.
 *
 * @example
 * ```ts
 * const { issues } = checkAnswers(checkType, answers);
 * if (issues.length > 0) showErrorSummary(issues);
 * ```
 *
 * @category Schemas
 */
export function checkAnswers(
  definition: Pick<CheckType, 'fields'>,
  answers: Readonly<Record<string, CheckAnswer>>,
): { kept: Record<string, CheckAnswer>; issues: CheckAnswerIssue[] } {
  const known = new Set(definition.fields.map((field) => field.name));
  const issues: CheckAnswerIssue[] = Object.keys(answers)
    .filter((name) => !known.has(name))
    .map((field) => ({ field, problem: { code: 'unknown_field' } }));
  const shown = shownFields(definition, answers);
  const kept: Record<string, CheckAnswer> = {};
  for (const field of definition.fields) {
    if (!shown.has(field.name)) continue;
    const value = Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
    if (value === undefined) {
      if (field.required) issues.push({ field: field.name, problem: { code: 'required' } });
      continue;
    }
    const problem = answerProblem(field, value);
    if (problem === undefined) kept[field.name] = value;
    else issues.push({ field: field.name, problem });
  }
  return { kept, issues };
}
