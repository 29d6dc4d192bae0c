// A stand-in for the SDK client in browser tests: only `zone.topics`, with control over timing and failure.
import { paginate, type BlauwClient, type Page, type Topic } from '@blauw/core';

/** A topic with the same name in every language, unless `names` says otherwise. */
export function topic(id: string, name: string | Topic['name']): Topic {
  return {
    id,
    name: typeof name === 'string' ? { nl: name, fr: name, de: name, en: name } : name,
    description: { nl: '', fr: '', de: '', en: '' },
    durationMinutes: 15,
    bring: [],
    asksFacts: false,
    homeVisit: false,
  };
}

/** What one call to the fake `zone.topics` gets back: a page, or an error to throw. */
export type FakeAnswer = Page<Topic> | Error;

export interface FakeClient extends BlauwClient {
  /** The signal of every call, in order. */
  readonly signals: AbortSignal[];
  /** How many calls were made. */
  readonly calls: number;
}

/**
 * A client whose `zone.topics` answers with `answers` in turn (the last one repeats). With
 * `manual: true` every call waits until `release()` is called, so tests can look at loading states.
 */
export function fakeClient(answers: FakeAnswer[], { manual = false } = {}): FakeClient & { release(): void } {
  const signals: AbortSignal[] = [];
  const waiting: (() => void)[] = [];
  async function topics(options: { signal?: AbortSignal; cursor?: string } = {}): Promise<Page<Topic>> {
    const index = signals.length;
    signals.push(options.signal ?? new AbortController().signal);
    if (manual) await new Promise<void>((resolve) => waiting.push(resolve));
    const answer = answers[Math.min(index, answers.length - 1)];
    if (answer === undefined) throw new Error('fakeClient: no answers given');
    if (answer instanceof Error) throw answer;
    return answer;
  }
  // `.all()` as the SDK has it: the answers in turn are the pages, up to one without `nextCursor`.
  topics.all = (options: { signal?: AbortSignal } = {}) => paginate((cursor) => topics({ ...options, ...(cursor ? { cursor } : {}) }), options.signal);
  const client = {
    signals,
    get calls() {
      return signals.length;
    },
    release() {
      for (const resolve of waiting.splice(0)) resolve();
    },
    zone: { topics },
  };
  return client as unknown as FakeClient & { release(): void };
}

/** A page of topics with these names. */
export function topicsPage(...names: string[]): Page<Topic> {
  return { items: names.map((name, index) => topic(`t-${index + 1}`, name)), nextCursor: null };
}
