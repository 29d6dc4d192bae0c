// A stand-in for `client.checks` in browser tests and stories of the field widgets, under a real
// `FieldDevice` (its encrypted drafts and outbox in the browser's IndexedDB): the assignments and
// forms it serves, and a server whose answer to each queued write the test decides — accepted,
// refused, or no network — with every write it received, in order.
import { NetworkError, ValidationError, type CheckAssignment, type CheckPhotoUpload, type CheckSubmissionInput, type CheckType, type ChecksClient, type OutboxItem } from '@blauw/core';

/** How the fake server answers a write: `accept` (201), `offline` (no network), or `refuse` (422). */
export type FakeAnswer = 'accept' | 'offline' | 'refuse';

/** What the fake server received, in order: photos by id, checks by their client id. */
export interface Received {
  kind: 'photo' | 'check';
  id: string;
  body?: CheckSubmissionInput;
}

/** A `client.checks` for tests, and what its server received. */
export interface FakeChecks {
  client: ChecksClient;
  received: Received[];
  /** How the next writes are answered; change it during a test. */
  answer: FakeAnswer;
  /** Assignments fetches fail as without a network while true. */
  offline: boolean;
  /** While set, a photo upload waits for it after its first progress report (a slow line). */
  photoHeld?: Promise<void> | undefined;
}

function refusal(): ValidationError {
  const title = 'Some answers are missing or not valid for this check type.';
  return new ValidationError(title, { status: 422, problem: { title, status: 422, code: 'check_answers_invalid' } });
}

/** A fake `checks` resource serving `assignments` and `types` (each type in its latest version). */
export function fakeChecks(assignments: readonly CheckAssignment[], types: readonly CheckType[]): FakeChecks {
  const state: Omit<FakeChecks, 'client'> & Partial<FakeChecks> = { received: [], answer: 'accept', offline: false };
  const unreachable = () => new NetworkError('The server could not be reached.');
  const write = <T>(received: Received, result: T): T => {
    if (state.answer === 'offline') throw unreachable();
    if (state.answer === 'refuse' && received.kind === 'check') throw refusal();
    state.received.push(received);
    return result;
  };
  const checks = {
    assignments: Object.assign(async () => ({ items: [...assignments], nextCursor: null }), {
      async *all() {
        if (state.offline) throw unreachable();
        yield* assignments;
      },
    }),
    async types() {
      if (state.offline) throw unreachable();
      return [...types];
    },
    async type({ type, version }: { type: string; version: number }) {
      if (state.offline) throw unreachable();
      const found = types.find((candidate) => candidate.type === type && candidate.version === version);
      if (found === undefined) throw unreachable();
      return found;
    },
    submissionRequest(input: CheckSubmissionInput) {
      return { method: 'POST' as const, path: 'check-submissions', body: input };
    },
    async sendQueued(item: OutboxItem) {
      const body = item.request.body as CheckSubmissionInput;
      return write({ kind: 'check', id: body.clientId, body }, 201);
    },
    async submit(input: CheckSubmissionInput) {
      return write({ kind: 'check', id: input.clientId, body: input }, { submission: { ...input, id: `s-${input.clientId}`, receivedAt: input.completedAt }, resent: false });
    },
    async uploadPhoto({ photoId, blob, onProgress }: { photoId: string; blob: Blob; onProgress?: (sent: number, total: number) => void }): Promise<CheckPhotoUpload> {
      onProgress?.(0, blob.size);
      await state.photoHeld;
      const done = write({ kind: 'photo', id: photoId }, { id: photoId, size: blob.size, received: blob.size, complete: true, mediaType: 'image/jpeg' });
      onProgress?.(blob.size, blob.size);
      return done;
    },
  };
  state.client = { checks: checks as unknown as ChecksClient['checks'] };
  return state as FakeChecks;
}
