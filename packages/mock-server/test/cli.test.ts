import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startMockServerProcess } from '../../../test/support/mock-server-process.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'packages/mock-server/src/cli.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('blauw-mock-server bin', () => {
  it('starts on a free port, prints its URL and serves /v1/offices', async () => {
    const server = await startMockServerProcess(['--seed', '3']);
    try {
      const response = await fetch(`${server.api}/offices`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { items: unknown[] };
      assert.ok(body.items.length >= 6);
    } finally {
      await server.stop();
    }
  });

  it('rejects a bad flag with a clear message and exit code 2', async () => {
    const child = run(['--fail-rate', '2']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--fail-rate must be a number from 0 to 1/);
  });
});
