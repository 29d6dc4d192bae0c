import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROBLEM_STATUS } from '../packages/mock-server/src/handlers/problem.js';

// The SDK types each error's `code` as the union of the codes the contract defines for it. The
// reference server is where codes are born: every code it sends must be in the union of the
// class its status becomes, or callers would not be offered it.
const errorsSource = readFileSync(new URL('../packages/core/src/errors.ts', import.meta.url), 'utf8');

/** The string members of `export type <name> = | 'a' | 'b' …;` in errors.ts. */
function codesOf(name: string): Set<string> {
  const body = new RegExp(`export type ${name} =([^;]+);`).exec(errorsSource)?.[1];
  assert.ok(body, `errors.ts has no ${name}`);
  return new Set([...body.matchAll(/'([a-z_]+)'/g)].map((match) => match[1] ?? ''));
}

const unionForStatus = (status: number): string =>
  [400, 405, 413, 415, 422, 431].includes(status)
    ? 'ValidationCode'
    : status === 401
      ? 'UnauthenticatedCode'
      : status === 403
        ? 'ForbiddenCode'
        : [404, 410].includes(status)
          ? 'NotFoundCode'
          : [409, 412].includes(status)
            ? 'ConflictCode'
            : status === 429
              ? 'RateLimitedCode'
              : 'ServerCode';

describe('problem codes', () => {
  it('every code the reference server sends with a fixed status is in the SDK’s union for that status', () => {
    const missing = Object.entries(PROBLEM_STATUS)
      .filter(([code, status]) => status !== 429 && !codesOf(unionForStatus(status)).has(code))
      .map(([code, status]) => `${code} (${status}) not in ${unionForStatus(status)}`);
    assert.deepEqual(missing, []);
  });

  it('every *_not_found code the reference server sends is a NotFoundCode', () => {
    const root = new URL('../packages/mock-server/src/', import.meta.url);
    const sent = new Set<string>();
    for (const file of readdirSync(root, { recursive: true }).map(String)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      for (const match of readFileSync(join(root.pathname, file), 'utf8').matchAll(/'([a-z]+(?:_[a-z]+)*_not_found)'/g)) sent.add(match[1] ?? '');
    }
    assert.ok(sent.size >= 5, `found only ${[...sent].join(', ')}`);
    const known = codesOf('NotFoundCode');
    assert.deepEqual([...sent].filter((code) => !known.has(code)), []);
  });
});
