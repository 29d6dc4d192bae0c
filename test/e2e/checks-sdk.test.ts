import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConflictError, ValidationError, createClient, type BlauwClient, type CheckSubmissionInput } from '@blauw/core';
import { startMockServer, type MockServer } from '@blauw/mock-server/server';
import { EXAMPLE_DOMICILE_ANSWERS } from '@blauw/mock-server';

// client.checks against the reference backend on loopback, its clock pinned to a Saturday evening.

const NOW = '2027-03-06T22:00:00+01:00';
const ANSWERS = EXAMPLE_DOMICILE_ANSWERS;

/** Node 20 has no Array.fromAsync. */
async function openAssignments(client: BlauwClient) {
  const all = [];
  for await (const assignment of client.checks.assignments.all({ status: ['open'] })) all.push(assignment);
  return all;
}

describe('client.checks against the mock server', () => {
  let server: MockServer;
  let client: BlauwClient;
  before(async () => {
    server = await startMockServer({ port: 0, now: NOW });
    client = createClient({ baseUrl: `${server.url}/v1`, getToken: () => 'dev-officer', retry: 0 });
  });
  after(() => server.close());

  it('lists the officer’s open assignments and the forms to fill in, in their latest versions', async () => {
    const open = await openAssignments(client);
    assert.ok(open.length > 0);
    assert.ok(open.every((assignment) => assignment.status === 'open'));
    const types = await client.checks.types();
    assert.deepEqual(types.map((type) => [type.type, type.version]).sort(), [['domicile', 2], ['electronic_monitoring', 1], ['residence', 1]]);
    const older = await client.checks.type({ type: 'domicile', version: 1 });
    assert.ok(!older.fields.some((field) => field.name === 'occupants'), 'version 1 has no occupants field');
    assert.equal((await client.checks.assignment({ assignmentId: open[0]!.id })).id, open[0]!.id);
  });

  it('submits a check once: a resend is recognised (resent: true), a changed one refused, wrong answers pointed at', async () => {
    const open = await openAssignments(client);
    const domicile = open.filter((assignment) => assignment.type === 'domicile');
    const input: CheckSubmissionInput = {
      clientId: '5d2c9a1e-7c1b-4a53-9f3e-1b2d3c4e5f60',
      assignmentId: domicile[0]!.id,
      type: 'domicile',
      definitionVersion: 2,
      answers: ANSWERS,
      completedAt: '2027-03-06T21:45:00+01:00',
    };
    const first = await client.checks.submit(input);
    assert.equal(first.resent, false);
    const again = await client.checks.submit(input);
    assert.equal(again.resent, true);
    assert.equal(again.submission.id, first.submission.id);
    await assert.rejects(client.checks.submit({ ...input, answers: { ...ANSWERS, occupants: 3 } }), (error: unknown) => error instanceof ConflictError && error.code === 'client_id_reused');
    await assert.rejects(
      client.checks.submit({ ...input, clientId: '6e3d0b2f-8d2c-4b64-8a4f-2c3e4d5f6071', assignmentId: domicile[1]!.id, answers: { ...ANSWERS, occupants: -1 } }),
      (error: unknown) => error instanceof ValidationError && error.code === 'check_answers_invalid' && error.problem?.errors?.some((field) => field.pointer.includes('occupants')) === true,
    );
  });

  it('uploads a photo in chunks with progress, and a check naming it is stored (201)', async () => {
    const photoId = '8a5f2d4b-0f4e-4d86-8c6b-4e5f60718293';
    const bytes = Uint8Array.from({ length: 150_000 }, (_, index) => [0xff, 0xd8, 0xff, 0xe0][index] ?? index % 253);
    const progress: number[] = [];
    assert.equal(await client.checks.photoUpload({ photoId }), undefined);
    const photo = await client.checks.uploadPhoto({ photoId, blob: new Blob([bytes], { type: 'image/jpeg' }), onProgress: (sent) => progress.push(sent) });
    assert.deepEqual(photo, { id: photoId, size: 150_000, received: 150_000, complete: true, mediaType: 'image/jpeg' });
    assert.deepEqual(progress, [0, 65_536, 131_072, 150_000], 'three chunks of at most 64 KiB');
    const domicile = (await openAssignments(client)).filter((assignment) => assignment.type === 'domicile');
    const { submission, resent } = await client.checks.submit({
      clientId: '9b6a3e5c-1a5f-4e97-9d7c-5f6071829304',
      assignmentId: domicile.at(-1)!.id,
      type: 'domicile',
      definitionVersion: 2,
      answers: { ...ANSWERS, photos: [photoId] },
      completedAt: '2027-03-06T21:55:00+01:00',
    });
    assert.equal(resent, false);
    assert.deepEqual(submission.answers['photos'], [photoId]);
  });

  it('gives the outbox the request it queues, without fields the input should not carry', () => {
    const request = client.checks.submissionRequest({
      clientId: '7f4e1c3a-9e3d-4c75-9b5a-3d4e5f607182',
      assignmentId: 'a-1',
      type: 'residence',
      definitionVersion: 1,
      answers: { personMet: false },
      completedAt: '2027-03-06T21:50:00+01:00',
      ...({ idempotencyKey: 'not-part-of-the-body' } as object),
    });
    assert.equal(request.method, 'POST');
    assert.equal(request.path, 'check-submissions');
    assert.ok(!('idempotencyKey' in request.body));
  });
});
