import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNationalNumber, formatNationalNumber, maskNationalNumber, nationalNumberCheckDigits, normalizeNationalNumber } from './national-number.js';
import { parsePlate } from './licence-plate.js';
import { purposeProblems } from './lookup-purpose.js';

// Fictional numbers of the real shape: the check digits computed as the register does.

describe('national register numbers', () => {
  it('reads a number typed with dots, dashes or spaces, and gives its birth date and sex', () => {
    for (const typed of ['85.07.30-033.28', '850730 033 28', '85073003328', ' 85-07-30-033-28 ']) {
      assert.deepEqual(checkNationalNumber(typed), { valid: true, nationalNumber: '85073003328', birthDate: '1985-07-30', sex: 'male', bis: false });
    }
    assert.deepEqual(checkNationalNumber('85.07.30-034.27'), { valid: true, nationalNumber: '85073003427', birthDate: '1985-07-30', sex: 'female', bis: false });
  });

  it('computes the check of someone born from 2000 on "2" followed by the nine digits', () => {
    assert.deepEqual(checkNationalNumber('01.02.15-123.73'), { valid: true, nationalNumber: '01021512373', birthDate: '2001-02-15', sex: 'male', bis: false });
    // The same nine digits with the pre-2000 check: born in 1901.
    assert.deepEqual(checkNationalNumber('01021512344'), { valid: true, nationalNumber: '01021512344', birthDate: '1901-02-15', sex: 'male', bis: false });
  });

  it('refuses wrong check digits, a date that does not exist, and what is not 11 digits', () => {
    assert.deepEqual(checkNationalNumber('85.07.30-033.29'), { valid: false, reason: 'checksum' });
    assert.equal(checkNationalNumber(`920229001${nationalNumberCheckDigits('920229001', false)}`).valid, true); // 1992 was a leap year
    assert.deepEqual(checkNationalNumber(`930229001${nationalNumberCheckDigits('930229001', false)}`), { valid: false, reason: 'date' });
    assert.deepEqual(checkNationalNumber('8507300332'), { valid: false, reason: 'format' });
    assert.deepEqual(checkNationalNumber('85O73003328'), { valid: false, reason: 'format' });
    assert.equal(normalizeNationalNumber('85/07/30 033 28'), undefined);
  });

  it('accepts bis numbers (month + 20 without the sex, + 40 with it)', () => {
    const withSex = `854730033${nationalNumberCheckDigits('854730033', false)}`;
    assert.deepEqual(checkNationalNumber(withSex), { valid: true, nationalNumber: withSex, birthDate: '1985-07-30', sex: 'male', bis: true });
    const withoutSex = `852730033${nationalNumberCheckDigits('852730033', false)}`;
    assert.deepEqual(checkNationalNumber(withoutSex), { valid: true, nationalNumber: withoutSex, birthDate: '1985-07-30', bis: true });
    assert.deepEqual(checkNationalNumber(`856730033${nationalNumberCheckDigits('856730033', false)}`), { valid: false, reason: 'date' });
  });

  it('formats and masks a number', () => {
    assert.equal(formatNationalNumber('85073003328'), '85.07.30-033.28');
    assert.equal(maskNationalNumber('85073003328'), '85.07.30-***.**');
  });
});

describe('licence plates', () => {
  it('normalizes what people type to 1-ABC-234', () => {
    for (const typed of ['1-ABC-234', '1abc234', '1 ABC 234', '1.abc.234', '1ABC-234', ' 1 aBc 2 3 4 ']) {
      assert.deepEqual(parsePlate(typed), { valid: true, plate: '1-ABC-234', format: 'current' });
    }
  });

  it('recognises the two older series', () => {
    assert.deepEqual(parsePlate('abc 123'), { valid: true, plate: 'ABC-123', format: 'letters_digits' });
    assert.deepEqual(parsePlate('123.abc'), { valid: true, plate: '123-ABC', format: 'digits_letters' });
  });

  it('refuses what cannot be a plate', () => {
    for (const typed of ['', '12-AB', '0-ABC-234', '1-AB1-234', 'ABCD-123', '1-ABC-2345', '1_ABC_234', '1-ÀBC-234', 'x'.repeat(30)]) {
      assert.deepEqual(parsePlate(typed), { valid: false }, typed);
    }
  });
});

describe('look-up purposes', () => {
  it('requires a purpose, a known code, and a text for incident, check and other', () => {
    assert.equal(purposeProblems(undefined)[0]?.code, 'purpose_required');
    assert.deepEqual(purposeProblems({ code: 'curiosity' }).map((problem) => problem.pointer), ['/purpose/code']);
    for (const code of ['incident', 'check', 'other']) assert.deepEqual(purposeProblems({ code, text: '  ' }).map((problem) => problem.pointer), ['/purpose/text'], code);
    assert.deepEqual(purposeProblems({ code: 'traffic_control' }), []);
    assert.deepEqual(purposeProblems({ code: 'incident', text: 'INC-2027-000123' }), []);
  });
});
