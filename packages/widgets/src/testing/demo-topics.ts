// A minimal widget built from the shared pieces, for tests and stories only (not exported, not in
// the manifest). It is also the reference a new widget starts from.
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { createClient, type BlauwClient } from '@blauw/core';
import { ClientController } from '../shared/client-context.js';
import { ClientTask } from '../shared/client-task.js';
import { defineMessages } from '../shared/define-messages.js';
import { LocaleController } from '../shared/locale-controller.js';
import { errorMessageKey } from '../shared/messages.js';
import { NetworkStatus } from '../shared/network-status.js';
import { baseStyles } from '../shared/tokens.js';

const messages = defineMessages({
  title: ['Waarover wilt u een afspraak?', 'Pour quel sujet souhaitez-vous un rendez-vous ?', 'Worum geht es bei Ihrem Termin?', 'What is your appointment about?'],
  count: ['{count} onderwerpen', '{count} sujets', '{count} Themen', '{count} topics'],
});

export class BlauwDemoTopics extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      [role='alert'] {
        color: var(--_blauw-danger);
      }
      button {
        font: inherit;
        color: var(--_blauw-on-accent);
        background: var(--_blauw-accent);
        border: none;
        border-radius: var(--_blauw-radius);
        padding-block: var(--_blauw-space-2);
        padding-inline: var(--_blauw-space-4);
      }
    `,
  ];

  @property() api?: string;
  @property({ attribute: false }) client?: BlauwClient;
  @property({ attribute: 'municipality-id' }) municipalityId?: string;

  readonly locale = new LocaleController(this, messages);
  readonly resolvedClient = new ClientController(this, { create: createClient, language: () => this.locale.language });
  readonly network = new NetworkStatus(this, { onOnline: () => void this.topics.retry() });
  readonly topics = new ClientTask(this, {
    client: this.resolvedClient,
    args: () => [this.municipalityId] as const,
    task: (client, [_municipalityId], { signal }) => client.zone.topics({ signal }),
  });

  protected override render() {
    const { t } = this.locale;
    return html`
      <h2>${t('title')}</h2>
      ${this.network.online ? nothing : html`<p role="status">${t('offline')}</p>`}
      ${this.topics.render({
        loading: () => html`<p role="status">${t('loading')}</p>`,
        empty: () => html`<p>${t('empty')}</p>`,
        ready: (page) => html`
          <p>${t('count', { count: page.items.length })}</p>
          <ul>
            ${page.items.map((topic) => html`<li>${topic.name[this.locale.language]}</li>`)}
          </ul>
        `,
        error: (error) => html`
          <p role="alert" data-kind=${error.kind}>${t(errorMessageKey(error))}</p>
          <button type="button" @click=${() => this.topics.retry()}>${t('retry')}</button>
        `,
      })}
    `;
  }
}

if (!customElements.get('blauw-demo-topics')) customElements.define('blauw-demo-topics', BlauwDemoTopics);

declare global {
  interface HTMLElementTagNameMap {
    'blauw-demo-topics': BlauwDemoTopics;
  }
}
