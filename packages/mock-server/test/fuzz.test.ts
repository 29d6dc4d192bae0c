import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuzz } from '../../../scripts/fuzz.js';

// `npm run fuzz` runs thousands of hostile requests; this short pass keeps the script working
// and catches the worst regressions (a 500, an HTML page, a stack) in every `npm test`.
describe('npm run fuzz', () => {
  it('answers 300 hostile requests across every operation with problem documents, each within 1 s', async () => {
    const report = await fuzz({ maxRequests: 300, maxMs: 20_000, seed: 2 });
    assert.equal(report.requests, 300);
    assert.ok(report.operations >= 20, `${report.operations} operations`);
    assert.deepEqual(report.findings, []);
    assert.ok(report.maxLatencyMs < 1000, `max ${report.maxLatencyMs} ms`);
  });
});
