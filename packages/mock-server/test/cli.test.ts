import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'packages/mock-server/src/cli.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('blauw-mock-server bin', () => {
  it('starts on a free port, prints its URL and serves /v1/offices', async () => {
    const child = run(['--port', '0', '--seed', '3']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed within 15 s: ${output}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Blauw mock server on (http:\/\/\S+) \(seed 3\)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const response = await fetch(`${url}/v1/offices`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { items: unknown[] };
      assert.ok(body.items.length >= 6);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
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
