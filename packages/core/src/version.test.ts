import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { VERSION } from './version.js';

describe('the client version', () => {
  it('is the version in the package manifest, so Blauw-Client names the release that sent it', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(VERSION, manifest.version);
  });
});
