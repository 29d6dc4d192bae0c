// The response checks of the CDN bundles. The contract is still the zod schemas of @blauw/core:
// at build time they are turned into JSON Schema (`z.toJSONSchema`), and this validator checks a
// body against that, in a few hundred bytes instead of zod's six kilobytes. It knows exactly the
// JSON Schema zod emits for our schemas: type, properties/required, items, enum, const, anyOf,
// pattern, minLength/maxLength, minimum/maximum. A keyword it does not know fails a test
// (packages/widgets/build/compiled-schemas.test.ts), not a citizen's page. Unknown members are
// kept, as zod's `z.object` would ignore them; nothing is transformed. Only the CDN bundles carry
// it: packages/widgets/build/compiled-schemas.mjs puts it in place of @blauw/core's schemas.

/** A JSON Schema node as zod emits it. */
export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchemaNode[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** `false` on a `z.object` (zod drops unknown members, so we ignore them); a schema on a record. */
  additionalProperties?: boolean | JsonSchemaNode;
  propertyNames?: JsonSchemaNode;
}

/** One reason a value does not match, shaped like zod's issues. */
interface Issue {
  path: PropertyKey[];
  message: string;
}

// A month of availability checks the same few patterns hundreds of times; compile each once.
const patterns = new Map<string, RegExp>();
const regExp = (source: string): RegExp => {
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
};

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

function check(node: JsonSchemaNode, value: unknown, path: PropertyKey[], issues: Issue[]): void {
  const fail = (message: string): void => {
    issues.push({ path, message });
  };
  if (node.anyOf) {
    if (!node.anyOf.some((option) => matches(option, value))) fail('Matches none of the allowed shapes');
    return;
  }
  if ('const' in node && value !== node.const) return fail(`Expected ${String(node.const)}`);
  if (node.enum && !node.enum.includes(value)) return fail(`Expected one of ${node.enum.join(', ')}`);
  const types = node.type === undefined ? [] : ([] as string[]).concat(node.type);
  const actual = typeOf(value);
  if (types.length && !types.some((type) => type === actual || (type === 'number' && actual === 'integer'))) {
    return fail(`Expected ${types.join(' or ')}, got ${actual}`);
  }
  if (typeof value === 'string') {
    if (value.length < (node.minLength ?? 0) || value.length > (node.maxLength ?? Infinity)) fail('Length out of range');
    if (node.pattern !== undefined && !regExp(node.pattern).test(value)) fail(`Does not match ${node.pattern}`);
  } else if (typeof value === 'number') {
    if (value < (node.minimum ?? -Infinity) || value > (node.maximum ?? Infinity)) fail('Out of range');
  } else if (Array.isArray(value)) {
    if (value.length < (node.minItems ?? 0) || value.length > (node.maxItems ?? Infinity)) fail('Number of items out of range');
    if (node.items) value.forEach((item, index) => check(node.items!, item, [...path, index], issues));
  } else if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in record)) issues.push({ path: [...path, key], message: 'Required' });
    const { properties = {}, additionalProperties: others, propertyNames } = node;
    for (const [key, child] of Object.entries(record)) {
      const known = properties[key];
      if (known) {
        if (child !== undefined) check(known, child, [...path, key], issues);
      } else {
        if (propertyNames) check(propertyNames, key, [...path, key], issues);
        if (typeof others === 'object') check(others, child, [...path, key], issues);
      }
    }
  }
}

const matches = (node: JsonSchemaNode, value: unknown): boolean => {
  const issues: Issue[] = [];
  check(node, value, [], issues);
  return issues.length === 0;
};

/** What the transport calls: zod's `safeParse` contract, answered from a JSON Schema. */
export interface CompiledSchema<T = unknown> {
  readonly json: JsonSchemaNode;
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

/** A schema's check, from its JSON Schema. */
export function compiled<T = unknown>(json: JsonSchemaNode): CompiledSchema<T> {
  return {
    json,
    safeParse(value) {
      const issues: Issue[] = [];
      check(json, value, [], issues);
      return issues.length ? { success: false, error: { issues } } : { success: true, data: value as T };
    },
  };
}

/** `page(item)` of @blauw/core: `{ items: item[], nextCursor: string | null }`. */
export function page(item: CompiledSchema): CompiledSchema {
  return compiled({
    type: 'object',
    properties: { items: { type: 'array', items: item.json }, nextCursor: { type: ['string', 'null'] } },
    required: ['items', 'nextCursor'],
  });
}
