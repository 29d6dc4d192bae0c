import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The packages as a developer gets them: `npm pack` of each, the tarballs installed into a
// scratch project outside the workspace, the core README's example compiled with
// `tsc --strict --noUncheckedIndexedAccess` and run against `npx blauw-mock-server` from that
// install. Needs a build (`npm run test:packages` does one) and the npm cache: the install runs
// --offline, and only when the cache lacks a package's metadata falls back to
// --prefer-offline (the registry). So it is not in the default run: `npm run test:packages`
// (scripts/test-node.mjs leaves `*.pack.test.ts` out unless a file is named).
const root = fileURLToPath(new URL('../..', import.meta.url));
const packages = ['core', 'mock-server', 'widgets'] as const;

interface PackedFile {
  path: string;
  size: number;
}
interface Packed {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/** The environment without what `npm run` sets: a nested npm must not think it is in the workspace. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}
function check(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const timings: Array<[string, number]> = [];
async function timed<T>(label: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings.push([label, performance.now() - start]);
  }
}

describe('the packed packages installed outside the workspace', () => {
  const work = mkdtempSync(join(tmpdir(), 'blauw-packed-'));
  const stage = join(work, 'stage');
  const tarballs = join(work, 'tarballs');
  const app = join(work, 'app');
  const packed = new Map<string, Packed>();
  let server: { origin: string; stop(): void } | undefined;

  before(async () => {
    // Packed from a copy, so the workspace's package.json files (which prepack rewrites for a
    // moment) stay as they are for the tests running next to this one.
    await timed('copy', () => {
      mkdirSync(tarballs, { recursive: true });
      mkdirSync(app, { recursive: true });
      cpSync(join(root, 'scripts/pack-manifest.mjs'), join(stage, 'scripts/pack-manifest.mjs'));
      for (const name of packages) {
        cpSync(join(root, 'packages', name), join(stage, 'packages', name), { recursive: true, filter: (source) => !source.includes('node_modules') });
      }
    });
    await timed('npm pack ×3', () => {
      for (const name of packages) {
        const stdout = check(run(npm, ['pack', '--json', '--pack-destination', tarballs], join(stage, 'packages', name)), `npm pack ${name}`);
        const [result] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [Packed];
        packed.set(name, result);
      }
    });
    await timed('npm install (scratch project)', () => {
      writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'blauw-scratch', private: true, type: 'module' }, null, 2)}\n`);
      const install = (mode: string) =>
        run(npm, ['install', mode, '--no-audit', '--no-fund', '--no-update-notifier', ...packages.map((name) => join(tarballs, packed.get(name)!.filename))], app);
      let result = install('--offline');
      if (result.status !== 0 && /ENOTCACHED/.test(result.stderr)) {
        console.info('packed packages: the npm cache lacks some metadata; installing with --prefer-offline');
        result = install('--prefer-offline');
      }
      check(result, 'npm install of the tarballs');
      assert.doesNotMatch(result.stderr, /EBADENGINE/);
    });
  });

  after(() => {
    server?.stop();
    rmSync(work, { recursive: true, force: true });
    if (timings.length > 0) console.info(`packed packages, timings: ${timings.map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  });

  it('packs dist, README, LICENSE and a package.json without the source condition', () => {
    for (const name of packages) {
      const result = packed.get(name)!;
      const paths = result.files.map((file) => file.path);
      console.info(
        `${result.filename}: ${(result.size / 1024).toFixed(1)} kB packed, ${(result.unpackedSize / 1024).toFixed(1)} kB unpacked, ${paths.length} files\n` +
          result.files.map((file) => `  ${file.path} ${file.size} B`).join('\n'),
      );
      for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) assert.ok(paths.includes(file), `${name}: ${file} not packed`);
      assert.ok(!paths.some((path) => path.startsWith('src/') || path.startsWith('test/')), `${name}: sources packed`);
      const manifest = readFileSync(join(app, 'node_modules/@blauw', name, 'package.json'), 'utf8');
      assert.doesNotMatch(manifest, /"source"|\.\/src\//, `${name}: the published manifest points into src/`);
      // postpack put the workspace manifest back.
      assert.match(readFileSync(join(stage, 'packages', name, 'package.json'), 'utf8'), /"source"/);
    }
    const widgets = packed.get('widgets')!.files.map((file) => file.path);
    for (const file of ['custom-elements.json', 'dist/cdn/blauw-booking-calendar.js', 'dist/cdn/blauw-provider.js']) assert.ok(widgets.includes(file), `widgets: ${file} not packed`);
  });

  it('serves the API, the demo and the CDN files of the installed @blauw/widgets with `npx blauw-mock-server`', async () => {
    const child = spawn(npx, ['--no', '--', 'blauw-mock-server', '--port', '0'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    server = {
      origin: '',
      stop: () => {
        // npx runs the bin as a child of its own: stop the whole group.
        if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      },
    };
    server.origin = await timed('npx blauw-mock-server start', () => readOrigin(child));
    const offices = await fetch(`${server.origin}/v1/offices`);
    assert.equal(offices.status, 200);
    assert.ok(((await offices.json()) as { items: unknown[] }).items.length > 0);
    const calendar = await fetch(`${server.origin}/cdn/blauw-booking-calendar.js`);
    assert.equal(calendar.status, 200);
    assert.match(calendar.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await calendar.text(), readFileSync(join(app, 'node_modules/@blauw/widgets/dist/cdn/blauw-booking-calendar.js'), 'utf8'));
    assert.equal((await fetch(`${server.origin}/demo/municipality.html`)).status, 200);
  });

  it("compiles the core README's example with tsc --strict --noUncheckedIndexedAccess and runs it against that server", async () => {
    assert.ok(server?.origin, 'the server did not start');
    const readme = readFileSync(join(app, 'node_modules/@blauw/core/README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example?.includes('createClient'), 'no SDK example in the README');
    writeFileSync(join(app, 'example.ts'), example.replaceAll('http://localhost:8787/v1', `${server.origin}/v1`));
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023', 'DOM'],
        types: [],
        outDir: 'out',
      },
      files: ['example.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    await timed('tsc (strict)', () => check(run(process.execPath, [tsc, '-p', 'tsconfig.json'], app), 'tsc'));
    const output = await timed('run the example', () => check(run(process.execPath, ['out/example.js'], app), 'the README example'));
    assert.match(output, /days/);
  });
});

function readOrigin(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npx blauw-mock-server did not start in 30 s:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Blauw mock server on (https?:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npx blauw-mock-server exited with ${code}:\n${output}`));
    });
  });
}
