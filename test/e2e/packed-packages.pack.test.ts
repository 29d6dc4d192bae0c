import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium, pinnedContext } from '../support/keyboard-browser.js';
import { serveStatic, type StaticServer } from '../support/static-server.js';

// The packages as a developer gets them: `npm pack` of each, the tarballs installed into a
// scratch project outside the workspace, the core README's example compiled with
// `tsc --strict --noUncheckedIndexedAccess` and run against `npx blauw-mock-server` from that
// install; and the widgets README's bundler example built into a page by the workspace's Vite
// (resolving @blauw/widgets from the scratch install, as a developer's own Vite would), served
// from 127.0.0.1 and opened in headless Chromium against that server, on a pinned clock. Needs
// a build (`npm run test:packages` does one) and the npm cache: the install runs --offline,
// and only when the cache lacks a package's metadata falls back to --prefer-offline (the
// registry). So it is not in the default run: `npm run test:packages`
// (scripts/test-node.mjs leaves `*.pack.test.ts` out unless a file is named).
const root = fileURLToPath(new URL('../..', import.meta.url));
const packages = ['core', 'mock-server', 'widgets'] as const;
// The server's clock and the browser's start here; nothing reads the real date.
const NOW = '2027-04-30T21:30:00Z';

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

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}
/**
 * Runs a command to its end without blocking the event loop: a blocked loop cannot see the mock
 * server close an idle keep-alive connection, and the next fetch would reuse it and fail with
 * "other side closed".
 */
function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, stdout, stderr: signal ? `${stderr}\n(stopped by ${signal})` : stderr }));
  });
}
function check(result: Ran, what: string): string {
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
  let server: { origin: string; stop(): void; state(): string } | undefined;
  let site: StaticServer | undefined;
  let browser: Browser | undefined;
  let bundle = '';

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
    await timed('npm pack ×3', async () => {
      for (const name of packages) {
        const stdout = check(await run(npm, ['pack', '--json', '--pack-destination', tarballs], join(stage, 'packages', name)), `npm pack ${name}`);
        const [result] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [Packed];
        packed.set(name, result);
      }
    });
    await timed('npm install (scratch project)', async () => {
      writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'blauw-scratch', private: true, type: 'module' }, null, 2)}\n`);
      const install = (mode: string) =>
        run(npm, ['install', mode, '--no-audit', '--no-fund', '--no-update-notifier', ...packages.map((name) => join(tarballs, packed.get(name)!.filename))], app);
      let result = await install('--offline');
      if (result.status !== 0 && /ENOTCACHED/.test(result.stderr)) {
        console.info('packed packages: the npm cache lacks some metadata; installing with --prefer-offline');
        result = await install('--prefer-offline');
      }
      check(result, 'npm install of the tarballs');
      assert.doesNotMatch(result.stderr, /EBADENGINE/);
    });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    server?.stop();
    rmSync(work, { recursive: true, force: true });
    if (timings.length > 0) {
      console.info(`packed packages, timings: ${timings.map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ')}${bundle ? `; ${bundle}` : ''}`);
    }
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
      assert.doesNotMatch(manifest, /"blauw-source"|\.\/src\//, `${name}: the published manifest points into src/`);
      // postpack put the workspace manifest back.
      assert.match(readFileSync(join(stage, 'packages', name, 'package.json'), 'utf8'), /"blauw-source"/);
    }
    const widgets = packed.get('widgets')!.files.map((file) => file.path);
    for (const file of ['custom-elements.json', 'dist/cdn/blauw-booking-calendar.js', 'dist/cdn/blauw-provider.js']) assert.ok(widgets.includes(file), `widgets: ${file} not packed`);
  });

  it('serves the API, the demo and the CDN files of the installed @blauw/widgets with `npx blauw-mock-server`', async () => {
    const child = spawn(npx, ['--no', '--', 'blauw-mock-server', '--port', '0', '--now', NOW], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server = {
      origin: '',
      state: () => `npx blauw-mock-server ${child.exitCode === null && child.signalCode === null ? 'runs' : `exited (${child.exitCode ?? child.signalCode})`}; its output:\n${log}`,
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
    await timed('tsc (strict)', async () => check(await run(process.execPath, [tsc, '-p', 'tsconfig.json'], app), 'tsc'));
    const output = await timed('run the example', async () => check(await run(process.execPath, ['out/example.js'], app), 'the README example'));
    assert.match(output, /days/);
  });

  // The developer's page (index.html, main.ts, public/) and what Vite builds from it.
  const pageSource = join(app, 'page');
  const pageBuilt = join(app, 'page-dist');

  it("builds the widgets README's bundler example into a page with Vite, from the installed packages, with one copy of Lit", async () => {
    assert.ok(server?.origin, 'the server did not start');
    const readme = readFileSync(join(app, 'node_modules/@blauw/widgets/README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example?.includes("import '@blauw/widgets'") && example.includes('https://api.pz.example/v1'), 'no bundler example with an api address in the widgets README');
    // A site has an icon; without one Chromium's request for /favicon.ico is a 404 in the console.
    mkdirSync(join(pageSource, 'public'), { recursive: true });
    writeFileSync(join(pageSource, 'public/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#1f4e9c"/></svg>\n');
    writeFileSync(join(pageSource, 'main.ts'), example.replaceAll('https://api.pz.example/v1', `${server.origin}/v1`));
    writeFileSync(
      join(pageSource, 'index.html'),
      '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Afspraak met uw wijkagent</title><link rel="icon" href="/favicon.svg"><script type="module" src="/main.ts"></script></head>\n<body></body>\n</html>\n',
    );
    // The workspace's Vite (the scratch install is offline and has none); bare imports resolve
    // from the importing file, so from the scratch project's node_modules. A hidden source map
    // names every module bundled, to check that.
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    await timed('vite build', async () => check(await run(process.execPath, [vite, 'build', '--sourcemap', 'hidden', '--logLevel', 'warn', '--outDir', pageBuilt], pageSource), 'vite build'));

    const assets = join(pageBuilt, 'assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    assert.equal(scripts.length, 1, `expected one JS file, got ${scripts.join(', ')}`);
    const js = readFileSync(join(assets, scripts[0]!));
    const text = js.toString('utf8');
    bundle = `vite bundle: ${scripts[0]} ${js.length} B, ${gzipSync(js).length} B gzip`;

    const map = JSON.parse(readFileSync(join(assets, `${scripts[0]}.map`), 'utf8')) as { sources: string[] };
    const scratch = realpathSync(app);
    const modules = map.sources.map((source) => realpathSync(resolve(assets, source)));
    for (const module of modules) assert.ok(!relative(scratch, module).startsWith('..'), `bundled from outside the scratch project: ${module}`);
    assert.ok(modules.includes(join(scratch, 'node_modules/@blauw/widgets/dist/index.js')), 'the installed @blauw/widgets is not in the bundle');
    assert.equal(modules.filter((module) => module.endsWith('/lit-html/lit-html.js')).length, 1, 'lit-html bundled more than once');
    // Each of Lit's layers announces its version once per copy.
    for (const marker of ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions']) {
      assert.equal(text.split(marker).length - 1, 1, `${marker} appears ${text.split(marker).length - 1} times in the bundle`);
    }
  });

  it('renders the booking calendar from that page, served from 127.0.0.1, with topics from the server and a quiet console', async () => {
    assert.ok(server?.origin && bundle, 'the server did not start or the page was not built');
    const api = new URL(server.origin).origin;
    // As a municipality's site with the Content-Security-Policy docs/guides/embed-booking.md asks
    // for: its own scripts and styles only (no 'unsafe-inline', no 'unsafe-eval'), calls to itself
    // and the zone's API.
    site = await serveStatic(pageBuilt, { 'content-security-policy': `default-src 'self'; connect-src 'self' ${api}; base-uri 'none'; object-src 'none'` });
    const answer = await fetch(`${server.origin}/v1/topics`).catch((error: unknown) => {
      throw new Error(`GET /v1/topics failed: ${String((error as { cause?: unknown }).cause ?? error)}\n${server?.state()}`, { cause: error });
    });
    const topics = (await answer.json()) as { items: Array<{ name: { nl: string } }> };
    assert.ok(topics.items.length > 0, 'the server offers no topics');

    const problems: string[] = [];
    await timed('chromium: first step', async () => {
      browser = await launchChromium();
      const tab = await (await pinnedContext(browser, NOW, problems)).newPage();
      // The console says "404" without the address; this says which.
      tab.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      const response = await tab.goto(`${site!.origin}/`);
      assert.equal(response?.status(), 200);
      const calendar = tab.locator('blauw-booking-calendar');
      assert.ok(await calendar.evaluate((element) => element.shadowRoot !== null), 'the calendar has no shadow root');
      await calendar.getByRole('heading', { name: 'Waarover gaat uw afspraak?' }).waitFor();
      const question = calendar.getByRole('radiogroup', { name: 'Waarover gaat uw afspraak?' });
      await question.getByRole('radio').first().waitFor();
      // One radio per topic the server offers, named in Dutch, the page's language.
      assert.equal(await question.getByRole('radio').count(), topics.items.length, 'not one radio per topic');
      for (const topic of topics.items) {
        assert.ok(await question.getByRole('radio', { name: topic.name.nl, exact: true }).isVisible(), `no radio "${topic.name.nl}"`);
      }
    });
    assert.deepEqual(problems, [], 'the browser console shows problems');
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
