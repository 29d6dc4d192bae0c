import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STATIC_DIRS } from '@blauw/mock-server/server';
import { startMockServerProcess } from './support/mock-server-process.js';

// What each package publishes, and how the mock server finds the widgets' CDN files. The
// packed tarballs installed outside the workspace are tested in e2e/packed-packages.test.ts.
const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'mock-server', 'widgets'] as const;

interface Manifest {
  name: string;
  engines?: { node?: string };
  repository?: { type?: string; url?: string; directory?: string };
  sideEffects?: boolean | string[];
  files?: string[];
  exports?: Record<string, unknown>;
  scripts?: Record<string, string>;
}

const manifest = (name: string) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as Manifest;

describe('the published packages', () => {
  for (const name of packages) {
    it(`@blauw/${name} ships README, LICENSE, engines, repository, sideEffects and no source in its published exports`, () => {
      const pkg = manifest(name);
      const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
      assert.equal(pkg.engines?.node, rootPkg.engines?.node);
      assert.equal(pkg.repository?.type, 'git');
      assert.equal(pkg.repository?.directory, `packages/${name}`);
      assert.ok(pkg.sideEffects !== undefined);
      for (const file of ['README.md', 'LICENSE']) {
        assert.ok(existsSync(join(root, 'packages', name, file)), `${file} is missing`);
        assert.ok(pkg.files?.includes(file), `${file} is not in files`);
      }
      assert.equal(readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8'), readFileSync(join(root, 'LICENSE'), 'utf8'));
      assert.match(readFileSync(join(root, 'packages', name, 'README.md'), 'utf8'), /ESM only/);
      // The workspace keeps `source` (src/*.ts); prepack takes it out of the tarball's manifest.
      assert.match(pkg.scripts?.['prepack'] ?? '', /pack-manifest\.mjs prepack/);
      assert.match(pkg.scripts?.['postpack'] ?? '', /pack-manifest\.mjs postpack/);
    });
  }

  it('@blauw/widgets exports its manifest and CDN files', () => {
    const exports = manifest('widgets').exports ?? {};
    assert.equal(exports['./custom-elements.json'], './custom-elements.json');
    assert.equal(exports['./cdn/*'], './dist/cdn/*');
  });
});

describe('the mock server finds the CDN files', () => {
  it('through the @blauw/widgets package by default', () => {
    assert.equal(realpathSync(DEFAULT_STATIC_DIRS.cdn), realpathSync(join(root, 'packages/widgets/dist/cdn')));
  });

  it('in the directory given with --cdn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blauw-cdn-'));
    try {
      writeFileSync(join(dir, 'blauw-booking-calendar.js'), 'export const marker = "from --cdn";\n');
      const server = await startMockServerProcess(['--cdn', dir]);
      try {
        const response = await fetch(`${server.origin}/cdn/blauw-booking-calendar.js`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /javascript/);
        assert.equal(await response.text(), 'export const marker = "from --cdn";\n');
        assert.equal((await fetch(`${server.origin}/cdn/blauw-provider.js`)).status, 404);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a --cdn that is not a directory, with exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=blauw-source', 'packages/mock-server/src/cli.ts', '--cdn', join(root, 'no-such-dir')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--cdn must be a directory/);
  });
});
