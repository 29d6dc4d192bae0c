import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: '@storybook/web-components-vite',
  // The msw worker (stories/public/mockServiceWorker.js, from `npx msw init stories/public --no-save`)
  // is served from the root so it can control every story.
  staticDirs: ['../stories/public'],
  // Storybook must build offline and tell no one.
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // '@blauw/*' resolve to their TypeScript source, as in the tests (see the packages' exports).
      resolve: { conditions: ['blauw-source', ...defaultClientConditions] },
    }),
};

export default config;
