// The Belgian national register number (rijksregisternummer / numéro de registre national):
// 11 digits YYMMDD-SSS-CC. SSS is a serial, odd for men and even for women; CC is a mod-97 check
// on the first nine digits, or, for people born from 2000, on "2" followed by them. A bis number
// (for people not in the register) adds 20 to the month when the sex was unknown at registration
// and 40 when it was known. Pure rules: the server checks with them, a form can check as one types.

/**
 * What {@link checkNationalNumber} found: a valid number with what it tells, or why it is not one.
 *
 * @category Schemas
 */
export type NationalNumberCheck =
  | {
      valid: true;
      /** The 11 digits, without separators. */
      nationalNumber: string;
      /** The date of birth it encodes, `YYYY-MM-DD`; absent when the number leaves it unknown (month or day 00). */
      birthDate?: string | undefined;
      /** `male` for an odd serial, `female` for an even one; absent for a bis number given without the sex (month + 20). */
      sex?: 'male' | 'female' | undefined;
      /** Whether it is a bis number (month + 20 or + 40). */
      bis: boolean;
    }
  | {
      valid: false;
      /** `format`: not 11 digits (separators aside); `checksum`: the check digits do not match; `date`: no such birth date. */
      reason: 'format' | 'checksum' | 'date';
    };

/**
 * The 11 digits of a national register number as people type it (`85.07.30-033.28`,
 * `850730 033 28`, `85073003328`), or `undefined` when it holds anything but digits, dots,
 * dashes and spaces, or not 11 digits.
 *
 * @category Schemas
 */
export function normalizeNationalNumber(input: string): string | undefined {
  if (!/^[\d.\-\s]{11,20}$/.test(input.trim())) return undefined;
  const digits = input.replace(/[.\-\s]/g, '');
  return /^\d{11}$/.test(digits) ? digits : undefined;
}

/**
 * Checks a national register number as typed: its form, its mod-97 check digits (the 2000+
 * variant too) and its birth date, and derives the birth date and the sex.
 *
 * @example
 * ```ts
 * checkNationalNumber('85.07.30-033.28');
 * // { valid: true, nationalNumber: '85073003328', birthDate: '1985-07-30', sex: 'male', bis: false }
 * ```
 *
 * @category Schemas
 */
export function checkNationalNumber(input: string): NationalNumberCheck {
  const digits = normalizeNationalNumber(input);
  if (digits === undefined) return { valid: false, reason: 'format' };
  const first = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const century = 97 - (first % 97) === check ? 1900 : 97 - ((2_000_000_000 + first) % 97) === check ? 2000 : undefined;
  if (century === undefined) return { valid: false, reason: 'checksum' };
  const year = century + Number(digits.slice(0, 2));
  const codedMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const serial = Number(digits.slice(6, 9));
  const bisOffset = codedMonth >= 40 ? 40 : codedMonth >= 20 ? 20 : 0;
  const month = codedMonth - bisOffset;
  if (month > 12 || day > 31) return { valid: false, reason: 'date' };
  let birthDate: string | undefined;
  if (month > 0 && day > 0) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { valid: false, reason: 'date' };
    birthDate = `${year}-${pad(month)}-${pad(day)}`;
  }
  const sex = bisOffset === 20 ? undefined : serial % 2 === 1 ? 'male' : 'female';
  return { valid: true, nationalNumber: digits, ...(birthDate === undefined ? {} : { birthDate }), ...(sex === undefined ? {} : { sex }), bis: bisOffset > 0 };
}

/**
 * The check digits that make a valid national register number of nine digits (`YYMMDDSSS`), for
 * someone born before 2000 or from 2000 on: what a seed uses to make fictional numbers.
 *
 * @category Schemas
 */
export function nationalNumberCheckDigits(firstNine: string, bornFrom2000: boolean): string {
  const value = Number(firstNine) + (bornFrom2000 ? 2_000_000_000 : 0);
  return pad(97 - (value % 97));
}

/**
 * A national register number written as on an identity card: `85.07.30-033.28`.
 *
 * @category Schemas
 */
export function formatNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9, 11)}`;
}

/**
 * A national register number with its serial and check digits hidden, `85.07.30-***.**`: what an
 * officer without the right to the full number sees (the birth date is shown beside it anyway).
 *
 * @category Schemas
 */
export function maskNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-***.**`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
