// The page of test/e2e/checks-eight-days.test.ts: a field app on the officer's FieldDevice, without
// a widget. Bundled by the test with esbuild; the test drives it through `window.field`.
import { createChecksClient, FieldDevice, type CheckAnswer, type CheckSubmissionInput } from '@blauw/core';

const api = new URLSearchParams(location.search).get('api') ?? '';
const client = createChecksClient({ baseUrl: api, getToken: () => 'dev-officer', timeout: 5000 });
// Waits of a minute and more between attempts, and no probing: within the test the device tries
// when it opens and when it is told to, so the attempts it makes can be counted.
const timing = { backoff: { base: 120_000 }, probeMs: 3_600_000 };
// A delivered check is kept the default 7 days from its delivery: the 8 days it waited offline do not count.
const device = await FieldDevice.for(client.checks, { name: 'blauw-field-e2e', ...timing });
let copy: FieldDevice | undefined;

/** Where an assignment's check stands on a device, as plain data. */
async function standing(on: FieldDevice, assignmentId: string) {
  const queued = await on.queuedCheck(assignmentId);
  return {
    syncState: (await on.syncStates()).get(assignmentId),
    clientId: queued?.item.clientId,
    idempotencyKey: queued?.item.idempotencyKey,
    state: queued?.item.state,
    attempts: queued?.item.attempts,
    lastFailure: queued?.item.lastFailure,
    reference: queued?.reference,
  };
}

const field = {
  /** The page's clock (pinned by the test). */
  now: (): number => Date.now(),
  /** Completes a check with the latest form and queues it, as the form widget does. */
  async complete(assignmentId: string, answers: Record<string, CheckAnswer>, completedAt: string) {
    const checkType = await device.checkType({ type: 'domicile' });
    const { input } = await device.submit(checkType, { assignmentId, type: checkType.type, definitionVersion: checkType.version, answers, completedAt });
    return input;
  },
  standing: (assignmentId: string) => standing(device, assignmentId),
  /** Drains now (the network is back); resolves when the round is over. */
  poke: (): Promise<void> => device.drain.poke(),
  /**
   * The check again under its client id but with other answers, from a copy of the device (the
   * check edited elsewhere and queued again, under an Idempotency-Key of its own), sent now.
   */
  async resendChanged(input: CheckSubmissionInput) {
    copy = await FieldDevice.open(client.checks, { name: 'blauw-field-e2e-copy', ...timing });
    await copy.outbox.add({ kind: 'check-submission', ref: input.assignmentId, clientId: input.clientId, request: client.checks.submissionRequest(input) });
    await copy.drain.poke();
    await copy.drain.poke();
    return { standing: await standing(copy, input.assignmentId), body: (await copy.queuedCheck(input.assignmentId))?.input };
  },
  /** Where the copy's check stands after its drain was told to send again. */
  async copyStandingAfterPoke(assignmentId: string) {
    await copy!.drain.poke();
    return standing(copy!, assignmentId);
  },
};
(window as unknown as { field: typeof field }).field = field;
