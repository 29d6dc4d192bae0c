import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// `publint --strict` and `attw --profile esm-only` (@arethetypeswrong/cli) on the tarballs
// `npm pack` makes, so what is checked is what ships: prepack (scripts/pack-manifest.mjs)
// rewrites package.json for the tarball (no `source` condition, no src/ side effects). Needs a
// build, as the other tests do. No network: npm pack reads nothing from the registry, publint
// reads the tarball, and attw is told not to look for @types packages (ours ship their types).
//
// No attw rule is ignored and no entry point excluded. `--profile esm-only` leaves out the
// node10 and node16-from-CJS resolutions: the packages are ESM only (their READMEs say so), so
// `require()` of them is not supported. attw lists `./cdn/*` as "(wildcard)" and does not
// check it: the CDN files are self-registering script-tag bundles (`<script type="module">`),
// without types of their own, and TypeScript users import the elements from `@blauw/widgets`.
// `./custom-elements.json` and `./package.json` resolve as JSON.
const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['core', 'mock-server', 'widgets'] as const;
type Name = (typeof packages)[number];

/** The environment without what `npm run` sets: a nested npm must not think it is in the workspace. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (path: string) => join(root, 'node_modules', path);

interface Result {
  status: number | null;
  stdout: string;
  /** stdout and stderr. */
  output: string;
}
function run(command: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, output });
    });
  });
}

describe('publint --strict and attw --profile esm-only on the packed packages', () => {
  const work = mkdtempSync(join(tmpdir(), 'blauw-package-lint-'));
  const stage = join(work, 'stage');
  const tarballs = join(work, 'tarballs');
  const publint = new Map<Name, Result>();
  const attw = new Map<Name, Result>();
  const tarball = new Map<Name, string>();
  const timings: Array<[string, number]> = [];
  const timed = async <T>(label: string, step: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await step();
    } finally {
      timings.push([label, performance.now() - start]);
    }
  };

  before(async () => {
    // Packed from a copy: prepack rewrites package.json for a moment, and the workspace's
    // manifests must stay as they are for the tests running next to this one (and for anyone
    // editing them meanwhile).
    await timed('copy', () => {
      mkdirSync(tarballs, { recursive: true });
      cpSync(join(root, 'scripts/pack-manifest.mjs'), join(stage, 'scripts/pack-manifest.mjs'));
      for (const name of packages) {
        cpSync(join(root, 'packages', name), join(stage, 'packages', name), {
          recursive: true,
          filter: (source) => !/[\\/](node_modules|src|test)([\\/]|$)/.test(source.slice(join(root, 'packages', name).length)),
        });
      }
    });
    await timed('npm pack ×3', () =>
      Promise.all(
        packages.map(async (name) => {
          const result = await run(npm, ['pack', '--json', '--pack-destination', tarballs], join(stage, 'packages', name));
          assert.equal(result.status, 0, `npm pack ${name} failed:\n${result.output}`);
          const [packed] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as [{ filename: string }];
          tarball.set(name, join(tarballs, packed.filename));
        }),
      ),
    );
    await timed('publint + attw ×3', () =>
      Promise.all(
        packages.flatMap((name) => [
          run(process.execPath, [bin('publint/src/cli.js'), 'run', '--strict', tarball.get(name)!], work).then((result) => publint.set(name, result)),
          run(
            process.execPath,
            [bin('@arethetypeswrong/cli/dist/index.js'), '--profile', 'esm-only', '--no-definitely-typed', '--format', 'ascii', '--no-color', tarball.get(name)!],
            work,
          ).then((result) => attw.set(name, result)),
        ]),
      ),
    );
  });

  after(() => {
    rmSync(work, { recursive: true, force: true });
    if (timings.length > 0) console.info(`package lint, timings: ${timings.map(([label, ms]) => `${label} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  });

  for (const name of packages) {
    it(`@blauw/${name}: publint --strict has nothing to say`, () => {
      const result = publint.get(name)!;
      assert.equal(result.status, 0, result.output);
      // Not even a suggestion.
      assert.match(result.output, /All good!/, result.output);
    });

    it(`@blauw/${name}: attw --profile esm-only finds no problem in any entry point`, () => {
      const result = attw.get(name)!;
      assert.equal(result.status, 0, result.output);
      // Every subpath of the published exports was looked at (patterns are listed as "(wildcard)").
      const manifest = JSON.parse(readFileSync(join(stage, 'packages', name, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
      for (const subpath of Object.keys(manifest.exports)) {
        assert.ok(result.output.includes(`"@blauw/${name}${subpath.slice(1)}"`), `attw did not check ${subpath}:\n${result.output}`);
      }
    });
  }
});

describe('the published types of the widget events', () => {
  interface Manifest {
    modules: Array<{ declarations?: Array<{ tagName?: string; events?: Array<{ name: string; type?: { text: string } }> }> }>;
  }
  const widgets = join(root, 'packages/widgets');

  it('declare every event of the custom elements manifest in HTMLElementEventMap, with the type of its @fires tag', () => {
    const manifest = JSON.parse(readFileSync(join(widgets, 'custom-elements.json'), 'utf8')) as Manifest;
    const types = readFileSync(join(widgets, 'dist/index.d.ts'), 'utf8');
    const declared = new Map<string, string>();
    for (const [, body] of types.matchAll(/interface HTMLElementEventMap \{([^}]*)\}/g)) {
      for (const [, name, type] of body!.matchAll(/'([^']+)': ([^;]+);/g)) declared.set(name!, type!);
    }
    const events = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((element) => (element.events ?? []).map((event) => ({ ...event, tag: element.tagName })));
    assert.ok(events.length > 0, 'the manifest lists no events');
    for (const event of events) {
      assert.equal(declared.get(event.name), event.type?.text, `<${event.tag}> ${event.name}`);
      // The detail type is exported, so a listener can name it.
      const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
      assert.ok(detail !== undefined && new RegExp(`^export type \\{[^}]*\\b${detail}\\b`, 'm').test(types), `${detail} is not exported`);
    }
  });
});
