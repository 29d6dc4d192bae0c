import { html, nothing, type TemplateResult } from 'lit';
import type { BlauwError } from '@blauw/core';
import type { FeedState } from '../../incident-feed/incident-feed.js';
import { officerErrorKey } from '../../shared/messages.js';
import type { Key, TimelineUi } from './parts.js';

/** What the connection line shows. */
export interface StatusLineOptions {
  state: FeedState;
  error: BlauwError | undefined;
  /** Whether the browser is online (a feed still loading is not called offline). */
  online: boolean;
  /** Starts the feed again; without it the error state has no Try again button. */
  retry: (() => void) | undefined;
}

/** The connection state line: live, reconnecting…, offline, or what went wrong with Try again. */
export function statusLine(ui: TimelineUi, o: StatusLineOptions): TemplateResult {
  const { t } = ui;
  const { state, error } = o;
  const text =
    state === 'error' && error
      ? t(officerErrorKey(error))
      : state === 'offline' || (!o.online && state !== 'loading')
        ? t('offline')
        : t(state as Key);
  return html`<div part="status" class=${state}>
    <span class="dot" aria-hidden="true"></span>
    <p role="status">${text}</p>
    ${state === 'error' && o.retry ? html`<button part="button retry" type="button" @click=${o.retry}>${t('retry')}</button>` : nothing}
  </div>`;
}
