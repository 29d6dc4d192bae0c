import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// The booking widget is pasted into municipalities' pages and loaded on citizens' phones.
// Issue 4 sets its budget at 30 kB min+gzip. It is not met yet (32.3 kB when this was written:
// zod/mini and our schemas 6.6 kB, lit 5.2 kB, the SDK's transport and errors about 4 kB, the
// widget with four languages the rest). Until it is, this test holds the line where we are, so
// the file can only shrink; lower CEILING with every saving and remove it once BUDGET holds.
const BUDGET_BYTES = 30 * 1024;
const CEILING_BYTES = 32_400;
const bundle = new URL('../packages/widgets/dist/cdn/blauw-booking-calendar.js', import.meta.url);

const gzipSize = () => gzipSync(readFileSync(bundle), { level: 9 }).length;

describe('the booking calendar CDN file', () => {
  it('does not grow past its current ceiling on the way to the 30 kB budget (run `npm run build` first)', () => {
    assert.ok(existsSync(bundle), 'packages/widgets/dist/cdn/blauw-booking-calendar.js is missing: run `npm run build`');
    const size = gzipSize();
    assert.ok(
      size <= Math.max(CEILING_BYTES, BUDGET_BYTES),
      `blauw-booking-calendar.js is ${(size / 1024).toFixed(1)} kB min+gzip, over its ceiling of ${(CEILING_BYTES / 1024).toFixed(1)} kB (budget ${BUDGET_BYTES / 1024} kB)`,
    );
  });

  it('is self-contained: no imports left to resolve on a CMS page', () => {
    const code = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(code, /(^|[;}\n])\s*import\s*[\w{*"'(]/, 'the CDN file still imports a module');
  });
});
