// What the citizen types, and the contract's limits on it, as plain data (no DOM: tested in Node
// against the zod contract, so a limit changed there fails a test here).

/** Everything the citizen types in the flow, kept across steps and failures (never stored). */
export interface DetailsForm {
  name: string;
  email: string;
  phone: string;
  facts: string;
  language: string;
  street: string;
  houseNumber: string;
  box: string;
  postalCode: string;
  municipality: string;
  reason: string;
}


/** How a field is rendered and checked in the browser, mirroring the contract. */
export interface FieldRule {
  /** `maxlength`: the contract's `maxLength`. */
  max?: number;
  /** `pattern`, written for the `v` flag that browsers compile it with. */
  pattern?: string;
  type?: 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'numeric';
  optional?: boolean;
  /** A textarea. */
  area?: boolean;
}

// The `pattern` attribute is compiled with the `v` flag, under which ( ) / - . must be escaped in a
// class: the unescaped `[0-9 ()./-]` throws there, and the browser then checks nothing at all.
/** The rules per field: Citizen, Address, BookingInput.facts and HomeVisitInput.reason in the contract. */
export const FIELD_RULES: { readonly [Name in keyof DetailsForm]: FieldRule } = {
  name: { max: 200, autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'email', max: 254 },
  phone: { type: 'tel', autocomplete: 'tel', pattern: '\\+?[0-9 \\(\\)\\.\\/\\-]{6,20}', optional: true },
  facts: { max: 2000, area: true },
  language: {},
  street: { max: 200, autocomplete: 'address-line1' },
  houseNumber: { max: 20 },
  box: { max: 20, optional: true },
  postalCode: { pattern: '[1-9][0-9]{3}', autocomplete: 'postal-code', inputmode: 'numeric' },
  municipality: { max: 200, autocomplete: 'address-level2' },
  reason: { max: 2000, area: true },
};

/** A form with nothing typed yet. */
export const emptyDetails = (): DetailsForm => Object.fromEntries(Object.keys(FIELD_RULES).map((name) => [name, ''])) as unknown as DetailsForm;

/** Why a value breaks its field's rule, for a message in the citizen's terms. */
export type FieldProblem = 'required' | 'tooLong' | 'other';

/**
 * What is wrong with `value` by the field's rules: missing, too long, or `other` (its form, which
 * the browser's `pattern` check and the server judge; the field's own hint then says what to type).
 */
export function fieldProblem(name: keyof DetailsForm, value: string): FieldProblem {
  const rule = FIELD_RULES[name];
  if (!value.trim()) return rule.optional ? 'other' : 'required';
  if (rule.max !== undefined && value.length > rule.max) return 'tooLong';
  return 'other';
}
