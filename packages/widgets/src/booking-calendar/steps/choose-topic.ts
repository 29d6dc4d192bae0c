import { html, nothing } from 'lit';
import type { Page, Topic } from '@blauw/core';
import { card, inRunningText, load, submitButton, type Ui } from './parts.js';
import type { Loadable } from './parts.js';

/** Step 1: what the appointment is about. */
export function chooseTopic(
  ui: Ui,
  topics: Loadable<Page<Topic>>,
  selected: string | undefined,
  pick: (topic: Topic) => void,
  submit: (e: Event) => void,
): unknown {
  const { t, format, language } = ui;
  return load(ui, topics, (page) =>
    page.items.length
      ? html`<form novalidate @submit=${submit}>
          <div role="radiogroup" aria-labelledby="h" class="cards">
            ${page.items.map((topic, i) =>
              card(
                'topic',
                i,
                topic.name[language],
                html`${t('min', { n: topic.durationMinutes })}. ${topic.description[language]}
                ${topic.bring.length ? html`<br />${t('bringList', { items: format.list(inRunningText(topic.bring.map((item) => item[language]), language)) })}` : nothing}`,
                topic.id === selected,
                () => pick(topic),
              ),
            )}
          </div>
          ${submitButton(ui, 'next')}
        </form>`
      : html`<p>${t('noTopics')}</p>`,
  );
}
