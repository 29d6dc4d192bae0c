// The officer's view: the current briefings in reading order, each with its Acknowledge button,
// its acknowledgement on its way through the device's outbox, or when it was acknowledged.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Briefing } from '@blauw/core';
import type { AckState } from '../briefing-rules.js';
import { briefingBody, domId, timeText, type BriefingsUi } from './briefing-parts.js';

/** What the officer's list shows besides the briefings. */
export interface OfficerListState {
  /** Briefings being acknowledged now. */
  acknowledging: ReadonlySet<string>;
  /** Why an acknowledgement did not go through, by briefing id. */
  failures: ReadonlyMap<string, string>;
  /** Acknowledgements in the device's outbox, by briefing id. */
  queued: ReadonlyMap<string, AckState>;
  acknowledge: (briefing: Briefing) => void;
  /** Sends a refused acknowledgement again. */
  retry: (briefing: Briefing) => void;
}

/** The current briefings, unacknowledged first, as a list of articles. */
export function officerList(ui: BriefingsUi, briefings: readonly Briefing[], state: OfficerListState): TemplateResult {
  const { t } = ui.locale;
  if (briefings.length === 0) return html`<p part="empty">${t('empty')}</p>`;
  return html`<ul part="list" role="list">
    ${repeat(
      briefings,
      (briefing) => briefing.id,
      (briefing) => {
        const id = domId(briefing.id);
        const busy = state.acknowledging.has(briefing.id);
        const failure = state.failures.get(briefing.id);
        const queued = briefing.acknowledgedAt ? undefined : state.queued.get(briefing.id);
        // Acknowledged at once on this device: on its way until the server's time comes back.
        const onItsWay = queued !== undefined && queued !== 'failed';
        const classes = [briefing.priority ? 'urgent' : '', briefing.acknowledgedAt || onItsWay ? 'acknowledged' : ''].join(' ');
        return html`<li>
          <article part="briefing" class=${classes} aria-labelledby=${`h-${id}`} data-id=${briefing.id}>
            ${briefingBody(ui, briefing, `h-${id}`)}
            ${briefing.acknowledgedAt
              ? html`<p part="acknowledged" id=${`ack-${id}`} tabindex="-1">${t('acknowledgedAt', { time: timeText(ui, briefing.acknowledgedAt) })}</p>`
              : onItsWay
                ? html`<p part="acknowledged ack-waiting" class=${queued} id=${`ack-${id}`} tabindex="-1">${t(queued === 'waiting' ? 'ackWaiting' : 'ackSending')}</p>`
                : queued === 'failed'
                  ? html`<p part="ack-error" role="alert">${t('ackNotSent')}</p>
                      <button type="button" part="acknowledge" id=${`ack-${id}`} aria-describedby=${`h-${id}`} @click=${() => state.retry(briefing)}>${t('retry')}</button>`
                  : html`<button type="button" part="acknowledge" aria-describedby=${`h-${id}`} aria-disabled=${busy ? 'true' : 'false'} @click=${() => busy || state.acknowledge(briefing)}>
                      ${busy ? t('acknowledging') : t('acknowledge')}
                    </button>`}
            ${failure ? html`<p part="ack-error" role="alert">${failure}</p>` : nothing}
          </article>
        </li>`;
      },
    )}
  </ul>`;
}
