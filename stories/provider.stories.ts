import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createClient } from '@blauw/core';
import '../packages/widgets/src/provider/provider.js';
// A minimal widget built from the shared pieces; it lists the zone's topics.
import '../packages/widgets/src/testing/demo-topics.js';

/** A zone API on another origin, as on a municipality's site; the msw worker answers it (see .storybook/preview.ts). */
const STORY_API = 'https://api.pz-scheldeland.example/v1';

interface ProviderArgs {
  api: string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Provider',
  component: 'blauw-provider',
  args: { api: STORY_API },
  render: ({ api }) => html`
    <blauw-provider api=${api}>
      <blauw-demo-topics></blauw-demo-topics>
    </blauw-provider>
  `,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** Script-tag use: the webmaster sets `api` once; every widget inside shares the client. */
export const WithApiAttribute: Story = {};

/** SDK use: a developer passes a client (e.g. with `getToken`) as a property. */
export const WithClientProperty: Story = {
  render: () => html`
    <blauw-provider .client=${createClient({ baseUrl: STORY_API })}>
      <blauw-demo-topics></blauw-demo-topics>
    </blauw-provider>
  `,
};

/** Two widgets in different languages under one provider, as on a bilingual page. */
export const TwoLanguages: Story = {
  render: ({ api }) => html`
    <blauw-provider api=${api}>
      <blauw-demo-topics lang="fr"></blauw-demo-topics>
      <blauw-demo-topics lang="nl"></blauw-demo-topics>
    </blauw-provider>
  `,
};

/** A provider without `api` or `client`: the widgets say they are not set up. */
export const NotConfigured: Story = {
  render: () => html`
    <blauw-provider>
      <blauw-demo-topics></blauw-demo-topics>
    </blauw-provider>
  `,
};
