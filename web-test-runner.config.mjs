// Browser tests for @blauw/widgets: behaviour in real Chromium, as users get it.
// Debian's Chromium is used as installed (never downloaded); override with CHROMIUM_PATH.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const ci = Boolean(process.env.CI);

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // `*.node.test.ts` are the DOM-free rules, run by node:test (scripts/test-node.mjs).
  // `*.browser.test.ts` in core: what needs the browser's own IndexedDB and WebCrypto.
  files: ['packages/widgets/src/**/*.test.ts', '!packages/widgets/src/**/*.node.test.ts', 'packages/core/src/**/*.browser.test.ts'],
  nodeResolve: {
    // 'blauw-source' makes '@blauw/core' resolve to packages/core/src/index.ts (see its package.json).
    exportConditions: ['blauw-source', 'browser', 'development'],
  },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // Lit decorators need experimentalDecorators + useDefineForClassFields: false from here.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      // Not Brussels, and a day ahead of it most of the time (UTC+14): a test that leans on the
      // machine's zone instead of the office's fails here on every run, not once a year.
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: 'Pacific/Kiritimati' }),
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        // We run as root in containers, where Chromium's sandbox cannot start.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 2,
  staticLogging: ci,
  // Lit announces its dev build in every test file; everything else the browser logs is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: {
    config: { timeout: 5_000 },
  },
};
