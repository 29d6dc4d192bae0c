import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// The booking widget is pasted into municipalities' pages and loaded on citizens' phones; its
// budget is part of its issue. Measured as `npm run size` does: minified, then gzip -9.
const BUDGET_BYTES = 30 * 1024;
const bundle = new URL('../packages/widgets/dist/cdn/blauw-booking-calendar.js', import.meta.url);

describe('the booking calendar CDN file', () => {
  it(`stays within ${BUDGET_BYTES / 1024} kB min+gzip (run \`npm run build\` first)`, () => {
    assert.ok(existsSync(bundle), 'packages/widgets/dist/cdn/blauw-booking-calendar.js is missing: run `npm run build`');
    const gzip = gzipSync(readFileSync(bundle), { level: 9 }).length;
    assert.ok(gzip <= BUDGET_BYTES, `blauw-booking-calendar.js is ${(gzip / 1024).toFixed(1)} kB min+gzip, over the ${BUDGET_BYTES / 1024} kB budget`);
  });

  it('is self-contained: no imports left to resolve on a CMS page', () => {
    const code = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(code, /(^|[;}\n])\s*import\s*[\w{*"'(]/, 'the CDN file still imports a module');
  });

  it('checks responses without carrying zod (the contract arrives as JSON Schema)', () => {
    const code = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(code, /_zod|ZodError/, 'zod is in the CDN file');
    assert.match(code, /"nextFreeDate"/, 'the Availability schema is not in the CDN file');
  });
});
