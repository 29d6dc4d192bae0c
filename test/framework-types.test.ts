import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Framework users get the widgets as React components (@blauw/widgets/react), as typed JSX
// intrinsic elements (@blauw/widgets/jsx) and as typed Vue global components (@blauw/widgets/vue).
// Each is checked by compiling a small consumer against the built package (no `source`
// condition: what an installed package gives) with the workspace's TypeScript, strict; then all
// three together with every declaration file checked. Every consumer holds one deliberate type error under
// `@ts-expect-error`: typings that degrade to `any` leave it unused, which fails the compile.
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/widgets/dist');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const TIMEOUT_MS = 120_000;

const consumers = {
  'react-wrappers.tsx': `
import { useRef } from 'react';
import type { BlauwBookingCalendar as BookingCalendarElement } from '@blauw/widgets';
import { BlauwBookingCalendar, BlauwProvider } from '@blauw/widgets/react';

export function Booking() {
  const calendar = useRef<BookingCalendarElement>(null);
  return (
    <BlauwProvider api="https://api.zone.example/v1" lang="fr" onError={(event) => console.error(event.detail.error.kind)}>
      <BlauwBookingCalendar
        ref={calendar}
        topic="topic-1"
        manageToken="token"
        now={() => Date.now()}
        onBooked={(event) => {
          const status: 'confirmed' | 'cancelled' = event.detail.booking.status;
          console.info(status, event.detail.topic.id);
        }}
        onVisitRequested={(event) => console.info(event.detail.visit.id)}
        onError={(event) => console.error(event.detail.error.kind)}
      />
      {/* @ts-expect-error api is a URL string, not a number */}
      <BlauwBookingCalendar api={42} />
    </BlauwProvider>
  );
}
`,
  'jsx-elements.tsx': `
import type {} from '@blauw/widgets/jsx';

export const page = (
  <blauw-provider api="https://api.zone.example/v1">
    <blauw-booking-calendar
      api="https://api.zone.example/v1"
      lang="fr"
      topic="topic-1"
      manage-token="token"
      onblauw-booked={(event) => {
        const status: 'confirmed' | 'cancelled' = event.detail.booking.status;
        console.info(status);
      }}
    />
    {/* @ts-expect-error api is a URL string, not a number */}
    <blauw-booking-calendar api={42} lang="nl" />
  </blauw-provider>
);
`,
  'vue-components.ts': `
import type { GlobalComponents } from 'vue';
import type {} from '@blauw/widgets/vue';

type PropsOf<C> = C extends new () => { $props: infer P } ? P : never;
type CalendarProps = PropsOf<GlobalComponents['blauw-booking-calendar']>;
type ProviderProps = PropsOf<GlobalComponents['blauw-provider']>;

export const calendar: CalendarProps = {
  api: 'https://api.zone.example/v1',
  lang: 'fr',
  'manage-token': 'token',
  manageToken: 'token',
  onBlauwBooked: (event) => {
    const status: 'confirmed' | 'cancelled' = event.detail.booking.status;
    console.info(status);
  },
};
export const provider: ProviderProps = { api: 'https://api.zone.example/v1', onBlauwError: (event) => console.error(event.detail.error) };
// @ts-expect-error api is a URL string, not a number
export const wrong: CalendarProps = { api: 42 };
`,
  // Vue is not installed in the workspace: the part of its typings the augmentation extends.
  'vue-shim.d.ts': `
export interface GlobalComponents {}
`,
};

/** tsc -p over one consumer, in a scratch project whose node_modules is the workspace's. */
function compile(dir: string, files: string[], { skipLibCheck }: { skipLibCheck: boolean }): Promise<{ code: number | null; output: string; ms: number }> {
  const config = join(dir, `tsconfig.${files.length === 1 ? files[0] : 'all'}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        jsx: 'react-jsx',
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
        skipLibCheck,
        paths: { vue: ['./vue-shim.d.ts'] },
      },
      files,
    }),
  );
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', config], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Math.round(performance.now() - started) });
    });
  });
}

describe('framework typings (run `npm run build` first)', { concurrency: true, timeout: TIMEOUT_MS * 2 }, () => {
  let dir = '';
  before(() => {
    for (const file of ['react/index.js', 'react/index.d.ts', 'jsx.d.ts', 'jsx.js', 'vue.d.ts', 'vue.js']) {
      assert.ok(existsSync(join(dist, file)), `packages/widgets/dist/${file} is missing: run \`npm run build\``);
    }
    dir = mkdtempSync(join(tmpdir(), 'blauw-framework-types-'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const [file, text] of Object.entries(consumers)) writeFileSync(join(dir, file), text.trimStart());
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const files = ['react-wrappers.tsx', 'jsx-elements.tsx', 'vue-components.ts'];
  for (const file of files) {
    it(`compiles a consumer of the ${file.replace(/\.tsx?$/, '').replace('-', ' ')} with tsc --strict`, async () => {
      const { code, output, ms } = await compile(dir, [file], { skipLibCheck: true });
      console.info(`framework-types: tsc ${file} ${ms} ms`);
      assert.equal(code, 0, `tsc failed on ${file}:\n${output}`);
    });
  }

  // The consumers above skip the libraries' declarations (zod's alone take seconds); this one
  // checks them all, ours included, in one program: the typings must not clash with each other.
  it('compiles the three consumers together with the declarations checked (no skipLibCheck)', async () => {
    const { code, output, ms } = await compile(dir, files, { skipLibCheck: false });
    console.info(`framework-types: tsc all, with lib check ${ms} ms`);
    assert.equal(code, 0, `tsc failed:\n${output}`);
  });

  it('the React wrappers import the elements from @blauw/widgets instead of carrying a copy', () => {
    const js = readFileSync(join(dist, 'react/index.js'), 'utf8');
    const dts = readFileSync(join(dist, 'react/index.d.ts'), 'utf8');
    assert.match(js, /from ['"]@blauw\/widgets['"]/);
    assert.match(js, /from ['"]@lit\/react['"]/);
    assert.doesNotMatch(js, /customElements\.define|LitElement/);
    assert.doesNotMatch(dts, /declare class|declare global/);
  });

  it('the JSX and Vue typings name every element of the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages/widgets/custom-elements.json'), 'utf8')) as {
      modules: { declarations?: { customElement?: boolean; tagName?: string; events?: { name: string }[] }[] }[];
    };
    const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);
    assert.ok(elements.length >= 2);
    const jsx = readFileSync(join(dist, 'jsx.d.ts'), 'utf8');
    const vue = readFileSync(join(dist, 'vue.d.ts'), 'utf8');
    for (const element of elements) {
      assert.ok(jsx.includes(`'${element.tagName}':`), `${element.tagName} is not in jsx.d.ts`);
      assert.ok(vue.includes(`'${element.tagName}':`), `${element.tagName} is not in vue.d.ts`);
      for (const event of element.events ?? []) assert.ok(jsx.includes(`'on${event.name}'`), `${element.tagName} ${event.name} is not in jsx.d.ts`);
    }
  });
});

describe('the CDN files', () => {
  it('carry no React wrapper', () => {
    for (const tag of ['blauw-booking-calendar', 'blauw-provider']) {
      const file = join(dist, 'cdn', `${tag}.js`);
      if (existsSync(file)) assert.doesNotMatch(readFileSync(file, 'utf8'), /createComponent|@lit\/react/);
    }
  });
});
