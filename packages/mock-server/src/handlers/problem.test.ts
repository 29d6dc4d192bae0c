import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OfficeClosureInput } from '@blauw/core';
import { z } from 'zod/mini';
import { PROBLEM_STATUS, problem } from './problem.js';

describe('problem documents', () => {
  it('give the refusals of the abuse limits their own status and title', () => {
    for (const [code, status] of [['rate_limited', 429], ['hold_limit_reached', 409], ['precondition_failed', 412]] as const) {
      assert.equal(PROBLEM_STATUS[code], status, code);
      assert.notEqual(problem(status, code).title, 'Request failed', code);
    }
  });

  it('refuse control characters in an office closure’s reason, but keep its line breaks', () => {
    assert.equal(z.safeParse(OfficeClosureInput, { from: '2027-04-07', to: '2027-04-08', reason: 'Verbouwing\u0000' }).success, false);
    assert.equal(z.safeParse(OfficeClosureInput, { from: '2027-04-07', to: '2027-04-08', reason: 'Verbouwing\nvan het kantoor' }).success, true);
  });
});
