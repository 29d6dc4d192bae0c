import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // The mock server's msw handlers answer every `*/v1/…` request, whatever the story's API host.
      // Loaded lazily so stories still render (with a network error) if the mock server fails to load.
      const { createHandlers, createZone } = await import('@blauw/mock-server');
      const worker = setupWorker(...createHandlers({ zone: createZone({ seed: 1 }), latencyMs: 300 }));
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
  ],
  globalTypes: {
    lang: {
      description: 'Language of the widgets (the lang attribute around the story)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'nl', title: 'Nederlands' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nl' },
  // Widgets take their language from the nearest [lang], as on a municipality's page.
  decorators: [(story, { globals }) => html`<div lang=${String(globals['lang'] ?? 'nl')}>${story()}</div>`],
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
