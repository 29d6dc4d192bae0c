import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConfigurationError, type BlauwClient, type BlauwError } from '@blauw/core';
import { toBlauwError } from './to-blauw-error.js';

/** Where a client call stands. */
export type ClientTaskStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Options of {@link ClientTask}. */
export interface ClientTaskOptions<Args extends readonly unknown[], Result, Client = BlauwClient> {
  /** The widget's client, usually its {@link ClientController}; `error` says why `value` is missing. */
  client: { readonly value: Client | undefined; readonly error?: BlauwError | undefined };
  /**
   * The inputs of the call, read before every render; the call runs again when one changes
   * (compared with `!==`). Return `undefined` while an input is missing: the task stays idle.
   */
  args: () => Args | undefined;
  /** The call. Pass `signal` on: it aborts when the inputs change or the widget leaves the page. */
  task: (client: Client, args: Args, options: { signal: AbortSignal }) => Promise<Result>;
  /** Whether a result counts as empty; defaults to an empty array or a page with no `items`. */
  isEmpty?: (value: Result) => boolean;
}

/** What {@link ClientTask.render} shows in each state. */
export interface ClientTaskRenderers<Result, Out> {
  /** Before the inputs are there. */
  idle?: () => Out;
  /** While the call runs (also when it runs again). */
  loading?: () => Out;
  /** With the result. */
  ready: (value: Result) => Out;
  /** With a result that `isEmpty`; falls back to `ready`. */
  empty?: (value: Result) => Out;
  /** With the failure, always a `BlauwError`: switch on `error.kind`. */
  error?: (error: BlauwError) => Out;
}

const defaultIsEmpty = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' && value !== null && 'items' in value && Array.isArray(value.items) && value.items.length === 0;

const missingClient = () =>
  new ConfigurationError(
    'This widget has no client: give it an `api` attribute, set its `client` property, or place it inside <blauw-provider>.',
  );

/**
 * Turns a client call into loading, data and error states for a widget — the one loading-state
 * controller. Built on `@lit/task`: the call runs when its inputs change, the previous run is
 * aborted, and a stale answer never overwrites a fresh one. Errors are always `BlauwError`s.
 *
 * @example
 * ```ts
 * private topics = new ClientTask(this, {
 *   client: this.resolved,
 *   args: () => [this.municipalityId] as const,
 *   task: (client, [municipalityId], { signal }) => client.zone.topics({ municipalityId, signal }),
 * });
 * render() {
 *   return this.topics.render({
 *     loading: () => html`<p role="status">${this.locale.t('loading')}</p>`,
 *     ready: (topics) => html`<ul>${topics.map((t) => html`<li>${t.name[this.locale.language]}</li>`)}</ul>`,
 *     error: (error) => html`<p role="alert">${this.locale.t(errorMessageKey(error))}</p>
 *       <button @click=${() => this.topics.retry()}>${this.locale.t('retry')}</button>`,
 *   });
 * }
 * ```
 */
export class ClientTask<Args extends readonly unknown[], Result, Client = BlauwClient> implements ReactiveController {
  private readonly task: Task<readonly unknown[], Result>;
  private readonly isEmpty: (value: Result) => boolean;
  // Set when the widget left the page mid-call; the call is aborted and runs again on return.
  private interrupted = false;

  constructor(host: ReactiveControllerHost, options: ClientTaskOptions<Args, Result, Client>) {
    this.isEmpty = options.isEmpty ?? defaultIsEmpty;
    this.task = new Task<readonly unknown[], Result>(host, {
      // The client is an input like any other: a new client (provider swap, new `api`) re-runs.
      args: () => {
        const args = options.args();
        return args === undefined ? [options.client.value, false] : [options.client.value, true, ...args];
      },
      task: async ([client, hasArgs, ...args], { signal }) => {
        if (hasArgs !== true) return initialState;
        if (client === undefined) throw options.client.error ?? missingClient();
        try {
          return await options.task(client as Client, args as unknown as Args, { signal });
        } catch (error) {
          if (signal.aborted && this.interrupted) return initialState;
          throw toBlauwError(error);
        }
      },
    });
    host.addController(this);
  }

  /** Where the call stands. */
  get status(): ClientTaskStatus {
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return 'ready';
      case TaskStatus.ERROR:
        return 'error';
      default:
        return this.interrupted ? 'loading' : 'idle';
    }
  }

  /** The last result, when `status` is `ready` (and during a re-run after one). */
  get value(): Result | undefined {
    return this.task.value;
  }

  /** The failure, when `status` is `error`. */
  get error(): BlauwError | undefined {
    return this.task.status === TaskStatus.ERROR ? toBlauwError(this.task.error) : undefined;
  }

  /** Resolves with the result of the current run, or rejects with its `BlauwError`. */
  get complete(): Promise<Result> {
    return this.task.taskComplete;
  }

  /** Runs the call again with the current inputs, e.g. from a "try again" button. */
  retry(): Promise<void> {
    return this.task.run();
  }

  /** Renders the current state; `empty` falls back to `ready`, and missing states render nothing. */
  render<Out>(renderers: ClientTaskRenderers<Result, Out>): Out | undefined {
    switch (this.status) {
      case 'idle':
        return renderers.idle?.();
      case 'loading':
        return renderers.loading?.();
      case 'error':
        return renderers.error?.(this.error as BlauwError);
      case 'ready': {
        const value = this.task.value as Result;
        if (renderers.empty !== undefined && this.isEmpty(value)) return renderers.empty(value);
        return renderers.ready(value);
      }
    }
  }

  hostConnected(): void {
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    // A widget that leaves the page (a CMS re-rendering, a tab closed in an app) stops its call.
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort();
    }
  }
}
