// The publisher's view: their current briefings, each with who acknowledged it (and when) and who
// has not, per team.
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BlauwError, Briefing, BriefingStatus, BriefingTeamStatus } from '@blauw/core';
import { briefingBody, domId, timeText, type BriefingsUi } from './briefing-parts.js';

/** Where the status of one briefing stands. */
export type StatusEntry = { status: BriefingStatus } | { error: BlauwError } | 'loading';

/** The publisher's briefings with their acknowledgements. */
export function publisherList(ui: BriefingsUi, briefings: readonly Briefing[], statuses: ReadonlyMap<string, StatusEntry>, retryStatus: (briefingId: string) => void): TemplateResult {
  const { t } = ui.locale;
  if (briefings.length === 0) return html`<p part="empty">${t('publisherEmpty')}</p>`;
  return html`<ul part="list" role="list">
    ${repeat(
      briefings,
      (briefing) => briefing.id,
      (briefing) => {
        const id = domId(briefing.id);
        const entry = statuses.get(briefing.id) ?? 'loading';
        return html`<li>
          <article part="briefing" class=${briefing.priority ? 'urgent' : ''} aria-labelledby=${`h-${id}`} data-id=${briefing.id}>
            ${briefingBody(ui, briefing, `h-${id}`)}
            ${entry === 'loading'
              ? html`<p part="count">${t('statusLoading')}</p>`
              : 'error' in entry
                ? html`<div part="alert"><p>${t('statusFailed')}</p><button type="button" part="retry" @click=${() => retryStatus(briefing.id)}>${t('retry')}</button></div>`
                : statusView(ui, entry.status, id)}
          </article>
        </li>`;
      },
    )}
  </ul>`;
}

function statusView(ui: BriefingsUi, status: BriefingStatus, id: string): TemplateResult {
  const { t } = ui.locale;
  const done = status.teams.reduce((sum, team) => sum + team.acknowledged.length, 0);
  const total = status.teams.reduce((sum, team) => sum + team.acknowledged.length + team.pending.length, 0);
  return html`<p part="count">${t('count', { done, total })}</p>
    ${status.teams.map((team, index) => teamView(ui, team, `${id}-${index}`))}`;
}

function teamView(ui: BriefingsUi, team: BriefingTeamStatus, id: string): TemplateResult {
  const { t } = ui.locale;
  const names = (items: readonly string[]) => (items.length === 0 ? html`<dd>${t('nobody')}</dd>` : html`<dd><ul>${items.map((name) => html`<li>${name}</li>`)}</ul></dd>`);
  // Not a section: the same team under every briefing would make landmarks of the same name.
  return html`<div part="team">
    <h4 id=${`t-${id}`}>${team.name}</h4>
    <dl>
      <dt>${t('acknowledgedBy')}</dt>
      ${names(team.acknowledged.map((officer) => t('ackedTime', { name: officer.displayName, time: timeText(ui, officer.acknowledgedAt) })))}
      <dt>${t('pending')}</dt>
      ${names(team.pending.map((officer) => officer.displayName))}
    </dl>
  </div>`;
}
