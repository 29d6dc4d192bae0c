// The rules of the look-up form, without a DOM: what the officer must correct before a look-up is
// sent (the same rules as the server: purpose, national number mod-97, plate, postal code), the
// request each tab makes, and where a server's 422 pointer belongs in the form.
import { checkNationalNumber, parsePlate, purposeProblems, type AddressSearchInput, type LookupPurpose, type PersonSearchInput, type RecordSearchInput, type VehicleSearchInput } from '@blauw/core';

/** The tabs of the look-up: one per kind of record, and the one-box search. */
export const LOOKUP_KINDS = ['person', 'vehicle', 'address', 'all'] as const;
/**
 * What a look-up looks for: `person`, `vehicle`, `address`, or `all` (the one-box search).
 *
 * @category Records
 */
export type LookupKind = (typeof LOOKUP_KINDS)[number];

/** The form's inputs, by field id. */
export const FIELDS = {
  person: ['nationalNumber', 'familyName', 'givenName', 'birthDate'],
  vehicle: ['plate'],
  address: ['street', 'houseNumber', 'postalCode', 'municipality'],
  all: ['query'],
} as const satisfies Record<LookupKind, readonly string[]>;
/** The id of an input of the form. */
export type FieldName = (typeof FIELDS)[LookupKind][number] | 'purposeCode' | 'purposeText';

/** The form's values as typed, by field id (absent: empty). */
export type FormValues = Partial<Record<FieldName, string>>;

/** One thing to correct: the field and the message key that says what. */
export interface FormIssue {
  field: FieldName;
  /** A key of the widget's messages. */
  key: IssueKey;
}

/** The problems the form itself finds (keys of the widget's messages). */
export type IssueKey =
  | 'i.purposeCode'
  | 'i.purposeText.incident'
  | 'i.purposeText.check'
  | 'i.purposeText.other'
  | 'i.nationalNumber'
  | 'i.person'
  | 'i.birthDate'
  | 'i.plate'
  | 'i.street'
  | 'i.postalCode'
  | 'i.narrowAddress'
  | 'i.query'
  | 'i.tooLong'
  | 'i.server';

const trimmed = (values: FormValues, field: FieldName): string => (values[field] ?? '').trim();

/** The purpose as the form holds it; `undefined` when no code is chosen. */
export function purposeOf(values: FormValues): LookupPurpose | undefined {
  const code = trimmed(values, 'purposeCode');
  if (code === '') return undefined;
  const text = trimmed(values, 'purposeText');
  return text === '' ? { code } : { code, text };
}

/** What is wrong with the purpose, by the core's rules (the server's). */
export function purposeIssues(values: FormValues): FormIssue[] {
  const purpose = purposeOf(values);
  return purposeProblems(purpose).map((problem) =>
    problem.pointer === '/purpose/text'
      ? { field: 'purposeText', key: `i.purposeText.${purpose!.code as 'incident' | 'check' | 'other'}` }
      : { field: 'purposeCode', key: 'i.purposeCode' },
  );
}

/** What the national register number field says as the officer types: nothing until 11 digits, then valid (with what it tells) or not. */
export function nationalNumberFeedback(typed: string): { state: 'none' } | { state: 'invalid' } | { state: 'valid'; birthDate?: string | undefined; sex?: 'male' | 'female' | undefined } {
  const text = typed.trim();
  if (text === '') return { state: 'none' };
  const digits = text.replace(/[.\-\s]/g, '');
  // Still typing: no verdict before the eleventh digit, unless it can never become a number.
  if (/^\d{0,10}$/.test(digits) && /^[\d.\-\s]*$/.test(text)) return { state: 'none' };
  const check = checkNationalNumber(text);
  return check.valid ? { state: 'valid', birthDate: check.birthDate, sex: check.sex } : { state: 'invalid' };
}

/** The plate as it will be sent (`1-ABC-234`), or `undefined` while it is not a Belgian plate. */
export function plateFeedback(typed: string): string | undefined {
  const parsed = parsePlate(typed.trim());
  return parsed.valid ? parsed.plate : undefined;
}

/** What must be corrected before the look-up of `kind` is sent: the purpose first, then the fields in their order. */
export function formIssues(kind: LookupKind, values: FormValues): FormIssue[] {
  const issues = purposeIssues(values);
  const value = (field: FieldName) => trimmed(values, field);
  const tooLong = (field: FieldName, max: number) => {
    if (value(field).length > max) issues.push({ field, key: 'i.tooLong' });
  };
  // The purpose's text is kept in the audit trail: at most 500 characters there.
  if (!issues.length) tooLong('purposeText', 500);
  switch (kind) {
    case 'person':
      if (value('nationalNumber') !== '') {
        if (!checkNationalNumber(value('nationalNumber')).valid) issues.push({ field: 'nationalNumber', key: 'i.nationalNumber' });
      } else if (value('familyName') === '') {
        issues.push({ field: 'familyName', key: 'i.person' });
      } else {
        tooLong('familyName', 100);
        tooLong('givenName', 100);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value('birthDate'))) issues.push({ field: 'birthDate', key: 'i.birthDate' });
      }
      break;
    case 'vehicle':
      if (plateFeedback(value('plate')) === undefined) issues.push({ field: 'plate', key: 'i.plate' });
      break;
    case 'address':
      if (value('street') === '') issues.push({ field: 'street', key: 'i.street' });
      tooLong('street', 200);
      tooLong('houseNumber', 20);
      tooLong('municipality', 200);
      if (value('postalCode') !== '' && !/^[1-9]\d{3}$/.test(value('postalCode'))) issues.push({ field: 'postalCode', key: 'i.postalCode' });
      else if (value('street') !== '' && value('postalCode') === '' && value('municipality') === '') issues.push({ field: 'postalCode', key: 'i.narrowAddress' });
      break;
    case 'all':
      if (value('query') === '') issues.push({ field: 'query', key: 'i.query' });
      tooLong('query', 200);
      break;
  }
  return issues;
}

/** A look-up's request, without its purpose: what each tab sends. */
export type LookupInput =
  | { kind: 'person'; input: Omit<PersonSearchInput, 'purpose'> }
  | { kind: 'vehicle'; input: Omit<VehicleSearchInput, 'purpose'> }
  | { kind: 'address'; input: Omit<AddressSearchInput, 'purpose'> }
  | { kind: 'all'; input: Omit<RecordSearchInput, 'purpose'> };

/** The request of a valid form (see {@link formIssues}): normalised as the server will read it, empty fields left out. */
export function lookupInput(kind: LookupKind, values: FormValues): LookupInput {
  const filled = (fields: readonly FieldName[]) => Object.fromEntries(fields.map((field) => [field, trimmed(values, field)]).filter(([, text]) => text !== ''));
  switch (kind) {
    case 'person': {
      const typed = trimmed(values, 'nationalNumber');
      if (typed !== '') {
        const check = checkNationalNumber(typed);
        return { kind, input: { nationalNumber: check.valid ? check.nationalNumber : typed } };
      }
      return { kind, input: filled(['familyName', 'givenName', 'birthDate']) };
    }
    case 'vehicle':
      return { kind, input: { plate: plateFeedback(trimmed(values, 'plate')) ?? trimmed(values, 'plate') } };
    case 'address':
      return { kind, input: filled(FIELDS.address) };
    case 'all':
      return { kind, input: { query: trimmed(values, 'query') } };
  }
}

/** The form values that show a past look-up again (for "search again"). */
export function valuesOf(lookup: LookupInput): FormValues {
  return Object.fromEntries(Object.entries(lookup.input).map(([field, text]) => [field, String(text)])) as FormValues;
}

/** The field a server's 422 pointer names (`/purpose/text`, `/plate`, …), or `undefined` when the form has none for it. */
export function fieldOfPointer(kind: LookupKind, pointer: string): FieldName | undefined {
  if (pointer === '/purpose' || pointer === '/purpose/code') return 'purposeCode';
  if (pointer === '/purpose/text') return 'purposeText';
  const name = pointer.replace(/^\//, '');
  return (FIELDS[kind] as readonly string[]).includes(name) ? (name as FieldName) : undefined;
}

/**
 * The form's own words for a server's refusal of a field, when it has them (a mistyped national
 * number, a plate, a purpose, missing criteria): the server's detail is in English, the officer
 * reads their language. `undefined` for a refusal the form has no words for (show the detail).
 */
export function issueOfRefusal(field: FieldName, code: string | undefined, purposeCode: string | undefined): IssueKey | undefined {
  switch (field) {
    case 'purposeCode':
      return 'i.purposeCode';
    case 'purposeText':
      return purposeCode === 'incident' || purposeCode === 'check' || purposeCode === 'other' ? `i.purposeText.${purposeCode}` : undefined;
    case 'nationalNumber':
    case 'query':
      return code === 'national_number_invalid' ? 'i.nationalNumber' : undefined;
    case 'plate':
      return code === 'plate_invalid' ? 'i.plate' : undefined;
    case 'familyName':
      return code === 'search_criteria_missing' ? 'i.person' : undefined;
    case 'birthDate':
      return code === 'search_criteria_missing' ? 'i.birthDate' : undefined;
    case 'street':
      return code === 'search_criteria_missing' ? 'i.street' : undefined;
    default:
      return undefined;
  }
}
