import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A step of `<blauw-booking-calendar>`. A booking runs topic → where → when → details → booked;
 * a home-visit request runs topic → where → visit → details → requested. A manage link opens
 * `manage`, from which a booking moves (newTime → confirmMove) or is cancelled (cancel).
 */
export type Step = 'topic' | 'where' | 'when' | 'visit' | 'details' | 'booked' | 'requested' | 'manage' | 'newTime' | 'confirmMove' | 'cancel';

/** What the citizen did (or the server answered), as the flow understands it. */
export type FlowEvent = 'next' | 'homeVisit' | 'booked' | 'requested' | 'reschedule' | 'cancel' | 'done' | 'bookAnother';

/** Which steps a webmaster answered in advance (`topic`, `office` or `officer` attributes). */
export interface Preset {
  topic: boolean;
  place: boolean;
}

/** The transition table: step + event → next step. A pair missing here cannot happen. */
export const TRANSITIONS: { readonly [S in Step]: Readonly<Partial<Record<FlowEvent, Step>>> } = {
  topic: { next: 'where' },
  where: { next: 'when', homeVisit: 'visit' },
  when: { next: 'details' },
  visit: { next: 'details' },
  details: { booked: 'booked', requested: 'requested' },
  booked: { reschedule: 'newTime', cancel: 'cancel', bookAnother: 'topic' },
  requested: { cancel: 'cancel', bookAnother: 'topic' },
  manage: { reschedule: 'newTime', cancel: 'cancel', bookAnother: 'topic' },
  newTime: { next: 'confirmMove' },
  confirmMove: { done: 'manage' },
  cancel: { done: 'manage' },
};

// A preselected step is answered already: the flow passes over it.
function skipPreset(step: Step, preset: Preset): Step {
  if (step === 'topic' && preset.topic) step = 'where';
  if (step === 'where' && preset.place) step = 'when';
  return step;
}

/** Where a new booking starts: the first step the webmaster did not answer. */
export const firstStep = (preset: Preset): Step => skipPreset('topic', preset);

/**
 * The step after `step` when `event` happens, or `undefined` when the event means nothing there
 * (a double click on a button of a step that is already gone).
 */
export function transition(step: Step, event: FlowEvent, preset: Preset): Step | undefined {
  const next = TRANSITIONS[step][event];
  return next && skipPreset(next, preset);
}

/** The steps of a new booking or home-visit request, in order, without the preselected ones. */
export function stepsOf(homeVisit: boolean, preset: Preset): Step[] {
  const steps: Step[] = ['topic', 'where', homeVisit ? 'visit' : 'when', 'details'];
  return steps.filter((step) => skipPreset(step, preset) === step);
}

/** "Step n of total" for a step of a new booking; `undefined` for the others. */
export function progress(step: Step, homeVisit: boolean, preset: Preset): { n: number; total: number } | undefined {
  const steps = stepsOf(homeVisit, preset);
  const n = steps.indexOf(step) + 1;
  return n ? { n, total: steps.length } : undefined;
}

/**
 * The step "Back" leads to without browser history (the flow's first entry). The steps of a
 * change through a manage link are always reached through history, so Back needs none here.
 */
export function previousStep(step: Step, homeVisit: boolean, preset: Preset): Step | undefined {
  const steps = stepsOf(homeVisit, preset);
  return steps[steps.indexOf(step) - 1];
}

/** A step of the flow as the browser's history keeps it. */
export interface HistoryEntry {
  step: Step;
  /** Which run of the flow pushed it; entries of an earlier run are not resumed. */
  run: string;
  /** How many entries of this run lie before it: Back may return through them. */
  index: number;
}

/** What {@link BookingFlow} needs from its element. */
export interface BookingFlowHost extends ReactiveControllerHost {
  /** Whether the flow's data allows showing `step` now (e.g. `details` needs a held slot). */
  canShow(step: Step): boolean;
  /** Called after every change of step, by the citizen or by the browser's Back and Forward. */
  stepChanged(step: Step, byHistory: boolean): void;
}

const MANAGE = 'blauw-manage';
const WIDGET = 'blauw-widget';

/** The manage token a page address carries in its fragment for the widget named `name`. */
export function manageTokenIn(hash: string, name: string | undefined, first: boolean): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get(MANAGE);
  const target = params.get(WIDGET);
  return token && (target ? target === name : first) ? token : undefined;
}

/** The page address with a manage token in its fragment (never the query: it must not reach a server). */
export function manageLink(href: string, token: string | undefined, name: string | undefined): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  params.delete(MANAGE);
  params.delete(WIDGET);
  if (token) {
    params.set(MANAGE, token);
    if (name) params.set(WIDGET, name);
  }
  url.hash = params.toString();
  return url.href;
}

/**
 * Runs the booking widget's flow: the current step, moves along the transition table, and the
 * browser's history, so that Back goes back one step and Forward returns. Each step is a history
 * entry; the widget's own "Back" button is the browser's Back when the previous step is one.
 * History state is shared with the page and other widgets: each flow keeps its entry under its
 * own key and leaves the rest as it found it.
 */
export class BookingFlow implements ReactiveController {
  /** The step shown now. */
  step: Step;
  /** Whether the citizen chose a home visit in this run. */
  homeVisit = false;

  readonly #host: BookingFlowHost;
  readonly #key: () => string;
  readonly #preset: () => Preset;
  #run = newRun();
  // The position of the current entry in this run (see HistoryEntry.index).
  #index = 0;

  constructor(host: BookingFlowHost, options: { key: () => string; preset: () => Preset; start: Step }) {
    this.#host = host;
    this.#key = options.key;
    this.#preset = options.preset;
    this.step = options.start;
    host.addController(this);
  }

  /** "Step n of total", for the steps of a new booking. */
  get progress(): { n: number; total: number } | undefined {
    return progress(this.step, this.homeVisit, this.#preset());
  }

  /** Whether a Back button makes sense here. */
  get canGoBack(): boolean {
    return this.#index > 0 || previousStep(this.step, this.homeVisit, this.#preset()) !== undefined;
  }

  hostConnected(): void {
    addEventListener('popstate', this.#popped);
    this.#write('replace');
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#popped);
  }

  /**
   * Moves on after `event`. `url` is the page address of the new entry (the manage link after a
   * booking). A final step replaces the entry it ends, so Back cannot resubmit it.
   *
   * @returns whether the event meant something at this step.
   */
  send(event: FlowEvent, url?: string): boolean {
    const next = transition(this.step, event, this.#preset());
    if (!next) return false;
    if (event === 'homeVisit') this.homeVisit = true;
    if (event === 'bookAnother') this.restart();
    // A finished reschedule or cancel replaces its confirm step: Back leads to the booking, not to a question already answered.
    this.#show(next, event === 'done' ? 'replace' : 'push', url);
    return true;
  }

  /** Back one step: the browser's Back when this run pushed the entry, else the step before. */
  back(): void {
    if (this.#index > 0) {
      history.back();
      return;
    }
    const previous = previousStep(this.step, this.homeVisit, this.#preset());
    if (previous) this.#show(previous, 'replace');
  }

  /** Shows `step` in place of the current one (a manage link opened, a token set by code). */
  jump(step: Step, url?: string): void {
    this.#show(step, 'replace', url);
  }

  /** Starts a new run: entries of the old one are no longer resumed. */
  restart(): void {
    this.#run = newRun();
    this.#index = 0;
    this.homeVisit = false;
  }

  #show(step: Step, how: 'push' | 'replace', url?: string): void {
    this.step = step;
    if (how === 'push') this.#index++;
    this.#write(how, url);
    this.#host.requestUpdate();
    this.#host.stepChanged(step, false);
  }

  #write(how: 'push' | 'replace', url?: string): void {
    const state: unknown = history.state;
    const entry: HistoryEntry = { step: this.step, run: this.#run, index: this.#index };
    const next = { ...(typeof state === 'object' && state !== null ? state : {}), [this.#key()]: entry };
    if (how === 'push') history.pushState(next, '', url);
    else history.replaceState(next, '', url);
  }

  readonly #popped = (event: PopStateEvent): void => {
    const state = event.state as Record<string, HistoryEntry | undefined> | null;
    const entry = state?.[this.#key()];
    let step: Step;
    if (entry?.run === this.#run && this.#host.canShow(entry.step)) {
      // Back and Forward within this run.
      this.#index = entry.index;
      step = entry.step;
    } else {
      // An entry of a finished or an earlier run (or the page's own): a new booking, from the start.
      this.restart();
      step = firstStep(this.#preset());
      this.#write('replace');
    }
    this.step = step;
    this.#host.requestUpdate();
    this.#host.stepChanged(step, true);
  };
}

function newRun(): string {
  return Math.random().toString(36).slice(2, 10);
}
