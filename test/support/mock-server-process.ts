import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A running `blauw-mock-server` process and how to reach it. */
export interface MockServerProcess {
  /** Origin the server listens on, e.g. `http://localhost:40123`. */
  origin: string;
  /** Base URL of the API, `${origin}/v1`. */
  api: string;
  /** Restores the seeded state between tests. */
  reset(seed?: number): Promise<void>;
  /** Stops the process and waits for it to exit. */
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const builtBin = `${root}packages/mock-server/dist/cli.js`;
const sourceBin = `${root}packages/mock-server/src/cli.ts`;

const sourceDirs = [`${root}packages/mock-server/src`, `${root}packages/core/src`];

/** Options of {@link startMockServerProcess} besides the bin's flags. */
export interface MockServerProcessOptions {
  /** Extra environment variables, e.g. `{ BLAUW_SMTP_URL: '' }`; the rest is inherited. */
  env?: Record<string, string | undefined> | undefined;
}

/**
 * Starts the real `blauw-mock-server` bin on a free port, as `npm start` and a zone's developer
 * would, with any further flags (`['--seed', '3', '--now', '2027-04-30T21:30:00Z']`), and
 * resolves once it prints the URL it listens on. Uses the built bin after `npm run build` (as
 * `npm test` does), else the TypeScript source through tsx.
 */
export async function startMockServerProcess(args: string[] = [], options: MockServerProcessOptions = {}): Promise<MockServerProcess> {
  const command = builtBinIsCurrent() ? [builtBin] : ['--import', 'tsx', '--conditions=blauw-source', sourceBin];
  // The test controls (reset) exist only with --dev-controls.
  const child = spawn(process.execPath, [...command, '--port', '0', '--dev-controls', ...args], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = await readOrigin(child);
  return {
    origin,
    api: `${origin}/v1`,
    async reset(seed) {
      const response = await fetch(`${origin}/__blauw/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(seed === undefined ? {} : { seed }),
      });
      if (!response.ok) throw new Error(`reset answered ${response.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// A bin built before the last source change would not know a flag added since (and fail with
// a usage error); the source is what the tests are about, so a stale build is passed over.
function builtBinIsCurrent(): boolean {
  if (!existsSync(builtBin)) return false;
  const built = statSync(builtBin).mtimeMs;
  return sourceDirs.every((dir) =>
    readdirSync(dir, { recursive: true }).every((file) => {
      const path = `${dir}/${String(file)}`;
      return !path.endsWith('.ts') || statSync(path).mtimeMs <= built;
    }),
  );
}

function readOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`mock server did not start in 20 s:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const exited = (code: number | null) => fail(new Error(`mock server exited with ${code} before listening:\n${output}`));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // The bin's first line: "Blauw mock server on http://localhost:PORT (seed N)".
      const match = /Blauw mock server on (https?:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', read);
        child.off('exit', exited);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', exited);
  });
}
