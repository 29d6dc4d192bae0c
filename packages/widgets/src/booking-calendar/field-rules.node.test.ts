import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod/mini';
import { BookingInput, HomeVisitInput } from '../../../core/src/schemas/booking.js';
import { FIELD_RULES, fieldProblem, type DetailsForm } from './field-rules.js';

type JsonSchema = { properties?: Record<string, JsonSchema>; maxLength?: number; pattern?: string };
const json = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const booking = json(BookingInput).properties!;
const visit = json(HomeVisitInput).properties!;
const citizen = booking['citizen']!.properties!;
const address = visit['address']!.properties!;
const contract: Partial<Record<keyof DetailsForm, JsonSchema | undefined>> = {
  name: citizen['name'],
  phone: citizen['phone'],
  facts: booking['facts'],
  reason: visit['reason'],
  street: address['street'],
  houseNumber: address['houseNumber'],
  box: address['box'],
  postalCode: address['postalCode'],
  municipality: address['municipality'],
};

describe('the booking form’s field rules', () => {
  it('limit every field as the contract does', () => {
    for (const [name, schema] of Object.entries(contract)) {
      assert.equal(FIELD_RULES[name as keyof DetailsForm].max, schema?.maxLength, `maxlength of ${name}`);
    }
  });

  it('compile every pattern with the v flag browsers use for the pattern attribute', () => {
    const patterns = Object.values(FIELD_RULES).flatMap((rule) => (rule.pattern ? [rule.pattern] : []));
    assert.ok(patterns.length >= 2);
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern, 'v'), pattern);
  });

  it('accept and refuse the same phone numbers and postal codes as the contract', () => {
    const cases: [keyof DetailsForm, string][] = [
      ['phone', '+32 470 12 34 56'],
      ['phone', '(09) 123.45.67'],
      ['phone', '09/123-45-67'],
      ['phone', 'call me'],
      ['phone', '12'],
      ['postalCode', '9000'],
      ['postalCode', '0900'],
      ['postalCode', '90000'],
    ];
    for (const [name, value] of cases) {
      const contractSays = new RegExp(contract[name]!.pattern!).test(value);
      // As the browser applies `pattern`: the whole value, with the v flag.
      const browserSays = new RegExp(`^(?:${FIELD_RULES[name].pattern!})$`, 'v').test(value);
      assert.equal(browserSays, contractSays, `${name} "${value}"`);
    }
  });

  it('name what is wrong: missing, too long, or something the field’s own hint explains', () => {
    assert.equal(fieldProblem('name', '  '), 'required');
    assert.equal(fieldProblem('name', 'x'.repeat(201)), 'tooLong');
    assert.equal(fieldProblem('postalCode', '12'), 'other');
    assert.equal(fieldProblem('box', ''), 'other');
    assert.equal(fieldProblem('name', 'An Peeters'), 'other');
  });
});
