import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

// The msw handlers also run in a service worker: the package's main entry must bundle for the
// browser without nodemailer, express or any node: module (those live behind ./server).

describe('the browser-safe entry', () => {
  it('bundles for the browser without nodemailer, express or node: modules', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['blauw-source'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.includes('confirmation-mail.ts')), 'the e-mail texts are in');
    assert.deepEqual(
      inputs.filter((input) => /node_modules\/(nodemailer|express)\/|^node:/.test(input)),
      [],
    );
  });
});
