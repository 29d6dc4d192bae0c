import { z } from 'zod/mini';

/**
 * A string enum the server may add values to without breaking a client released before: the
 * known values, or any other string. Its JSON Schema (and so the OpenAPI document) is
 * `anyOf: [{ enum: [...] }, { type: 'string' }]`, which validates any string and still lists the
 * values a client can expect. Which fields are extensible, and why, is in the package README
 * ("Enums that grow").
 */
// The union is cast because zod infers `'a' | 'b' | string`, which TypeScript collapses to
// `string` and so loses the known values for editors; `(string & {})` keeps them completing while
// any string type-checks. The runtime check is the union's. (No alias for the type: typedoc would
// ask for it to be exported.)
export const extensibleEnum = <const Known extends readonly [string, ...string[]]>(values: Known) =>
  z.union([z.enum(values), z.string()]) as unknown as z.ZodMiniType<
    Known[number] | (string & {}),
    Known[number] | (string & {})
  >;

/**
 * A numeric enum the server may grow, such as a priority: the known integers, or any integer of
 * at least `minimum`. In JSON Schema `anyOf: [{ enum: [...] }, { type: 'integer', minimum }]`.
 */
export const extensibleIntegerEnum = <const Known extends readonly [number, ...number[]]>(values: Known, minimum: number) =>
  z.union([z.literal(values), z.number().check(z.int(), z.gte(minimum))]) as unknown as z.ZodMiniType<
    Known[number] | (number & {}),
    Known[number] | (number & {})
  >;
