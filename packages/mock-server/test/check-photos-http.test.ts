import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CheckAssignment, CheckPhotoOffsetProblem, CheckPhotoUpload, CheckSubmission, page, Problem, type CheckSubmissionInput, type Session } from '@blauw/core';
import { startMockServer, type MockServer } from '../src/server.js';
import { EXAMPLE_DOMICILE_ANSWERS } from '../src/seed/check-types.js';

// Check photos over real HTTP, on loopback, with the server's clock pinned: raw JPEG chunks placed
// by Content-Range, resumed after a lost answer or a reload, and named by a submission.

const NOW = '2027-03-06T22:00:00+01:00';
const officer = { Authorization: 'Bearer dev-officer' };
const otherOfficer = { Authorization: 'Bearer test-officer-02' };
const AssignmentPage = page(CheckAssignment);

/** A fake JPEG of `size` bytes: the magic bytes, then a pattern. */
const jpeg = (size: number) => Uint8Array.from({ length: size }, (_, index) => [0xff, 0xd8, 0xff, 0xe0][index] ?? index % 251);

let ids = 0;
const photoId = () => `aaaaaaaa-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

describe('check photos over HTTP', () => {
  let server: MockServer;
  let v1: string;
  before(async () => {
    server = await startMockServer({ port: 0, now: NOW });
    v1 = `${server.url}/v1`;
    (server.zone.store.tokens as Map<string, Session>).set('test-officer-02', { role: 'officer', officerId: 'officer-02', displayName: 'Tweede agent' });
  });
  after(() => server.close());

  const put = (id: string, bytes: Uint8Array, start: number, end: number, headers: Record<string, string> = {}) =>
    fetch(`${v1}/check-photos/${id}`, {
      method: 'PUT',
      headers: { ...officer, 'Content-Type': 'image/jpeg', 'Content-Range': `bytes ${start}-${end - 1}/${bytes.length}`, ...headers },
      body: bytes.slice(start, end),
    });
  const state = async (response: Response) => CheckPhotoUpload.parse(await response.json());
  const problem = async (response: Response) => Problem.parse(await response.json());

  it('takes a photo in 3 chunks: 404 before, 200 with what it holds after each, 201 complete after the last', async () => {
    const id = photoId();
    const bytes = jpeg(100_000);
    assert.equal((await problem(await fetch(`${v1}/check-photos/${id}`, { headers: officer }))).code, 'check_photo_not_found');
    const first = await put(id, bytes, 0, 40_000);
    assert.equal(first.status, 200);
    assert.deepEqual(await state(first), { id, size: 100_000, received: 40_000, complete: false, mediaType: 'image/jpeg' });
    const second = await put(id, bytes, 40_000, 80_000);
    assert.equal((await state(second)).received, 80_000);
    const last = await put(id, bytes, 80_000, 100_000);
    assert.equal(last.status, 201);
    assert.deepEqual(await state(last), { id, size: 100_000, received: 100_000, complete: true, mediaType: 'image/jpeg' });
    const read = await fetch(`${v1}/check-photos/${id}`, { headers: officer });
    assert.equal(read.status, 200);
    assert.equal((await state(read)).complete, true);
    const more = await put(id, bytes, 0, 40_000);
    assert.equal(more.status, 200, 'a chunk to a complete photo answers its state');
    assert.equal((await state(more)).complete, true);
  });

  it('answers a resend of a chunk whose answer was lost with the state, changing nothing', async () => {
    const id = photoId();
    const bytes = jpeg(90_000);
    await put(id, bytes, 0, 30_000);
    await put(id, bytes, 30_000, 60_000);
    const resend = await put(id, bytes, 30_000, 60_000);
    assert.equal(resend.status, 200);
    assert.deepEqual(await state(resend), { id, size: 90_000, received: 60_000, complete: false, mediaType: 'image/jpeg' });
    assert.equal((await put(id, bytes, 60_000, 90_000)).status, 201);
  });

  it('refuses a chunk at the wrong offset with 409 check_photo_offset_mismatch and the bytes it holds', async () => {
    const id = photoId();
    const bytes = jpeg(90_000);
    await put(id, bytes, 0, 30_000);
    const ahead = await put(id, bytes, 60_000, 90_000);
    assert.equal(ahead.status, 409);
    const body = CheckPhotoOffsetProblem.parse(await ahead.json());
    assert.equal(body.code, 'check_photo_offset_mismatch');
    assert.equal(body.received, 30_000);
    const changed = bytes.slice();
    changed[10] = 0;
    const overlapping = await put(id, changed, 0, 30_000);
    assert.equal(overlapping.status, 409, 'other bytes where some are held are not a resend');
    assert.equal(CheckPhotoOffsetProblem.parse(await overlapping.json()).received, 30_000);
    const fresh = await put(photoId(), bytes, 30_000, 60_000);
    assert.equal(CheckPhotoOffsetProblem.parse(await fresh.json()).received, 0, 'a new photo starts at 0');
  });

  it('finishes a photo after a reload: a new client asks what the server holds and sends the rest', async () => {
    const id = photoId();
    const bytes = jpeg(100_000);
    await put(id, bytes, 0, 50_000);
    // The tablet reloads: nothing of the first upload is left but the photo and its id.
    const held = await state(await fetch(`${v1}/check-photos/${id}`, { headers: officer }));
    assert.equal(held.received, 50_000);
    const rest = await put(id, bytes, held.received, bytes.length);
    assert.equal(rest.status, 201);
    assert.equal((await state(rest)).complete, true);
  });

  it('refuses a photo over 10 MiB (413), a chunk that is not image/jpeg (422), a malformed Content-Range (400) and a non-JPEG (422)', async () => {
    const tooLarge = await fetch(`${v1}/check-photos/${photoId()}`, {
      method: 'PUT',
      headers: { ...officer, 'Content-Type': 'image/jpeg', 'Content-Range': `bytes 0-9/${10 * 1024 * 1024 + 1}` },
      body: jpeg(10),
    });
    assert.equal(tooLarge.status, 413);
    assert.equal((await problem(tooLarge)).code, 'check_photo_too_large');
    const png = await put(photoId(), jpeg(100), 0, 100, { 'Content-Type': 'image/png' });
    assert.equal(png.status, 422);
    assert.equal((await problem(png)).code, 'check_photo_media_type');
    const noRange = await fetch(`${v1}/check-photos/${photoId()}`, { method: 'PUT', headers: { ...officer, 'Content-Type': 'image/jpeg' }, body: jpeg(10) });
    assert.equal(noRange.status, 400);
    assert.equal((await problem(noRange)).errors?.[0]?.pointer, '/headers/content-range');
    const shortBody = await put(photoId(), jpeg(100), 0, 100, { 'Content-Range': 'bytes 0-199/300' });
    assert.equal(shortBody.status, 400);
    const id = photoId();
    const notJpeg = await put(id, new Uint8Array(100).fill(7), 0, 100);
    assert.equal(notJpeg.status, 422);
    assert.equal((await problem(notJpeg)).code, 'check_photo_not_jpeg');
    assert.equal((await fetch(`${v1}/check-photos/${id}`, { headers: officer })).status, 404, 'a refused photo is forgotten');
    assert.equal((await fetch(`${v1}/check-photos/not-a-uuid`, { headers: officer })).status, 404);
  });

  it('hides an officer’s photo from another officer (404 to read and to write) and refuses a supervisor (403)', async () => {
    const id = photoId();
    const bytes = jpeg(1000);
    await put(id, bytes, 0, 500);
    const read = await fetch(`${v1}/check-photos/${id}`, { headers: otherOfficer });
    assert.equal(read.status, 404);
    assert.equal((await problem(read)).code, 'check_photo_not_found');
    const write = await put(id, bytes, 500, 1000, otherOfficer);
    assert.equal(write.status, 404);
    assert.equal((await state(await fetch(`${v1}/check-photos/${id}`, { headers: officer }))).received, 500);
    assert.equal((await fetch(`${v1}/check-photos/${id}`, { headers: { Authorization: 'Bearer dev-supervisor' } })).status, 403);
  });

  it('refuses a submission naming an unknown or incomplete photo (422 pointing at the field), and takes it once the photo is complete (201)', async () => {
    const list = AssignmentPage.parse(await (await fetch(`${v1}/check-assignments?status=open&limit=200`, { headers: officer })).json());
    const assignment = list.items.find((item) => item.type === 'domicile');
    assert.ok(assignment);
    const id = photoId();
    const bytes = jpeg(60_000);
    await put(id, bytes, 0, 30_000);
    let keys = 0;
    const submit = (photos: string[]) => {
      const body: CheckSubmissionInput = {
        clientId: `bbbbbbbb-0000-4000-8000-${String(photos.length).padStart(4, '0')}${String(++keys).padStart(8, '0')}`,
        assignmentId: assignment.id,
        type: 'domicile',
        definitionVersion: 2,
        answers: { ...EXAMPLE_DOMICILE_ANSWERS, photos },
        completedAt: '2027-03-06T21:45:00+01:00',
      };
      return fetch(`${v1}/check-submissions`, {
        method: 'POST',
        headers: { ...officer, 'Content-Type': 'application/json', 'Idempotency-Key': `photo-submission-${keys}` },
        body: JSON.stringify(body),
      });
    };
    for (const photos of [[id], [photoId()]]) {
      const refused = await submit(photos);
      assert.equal(refused.status, 422);
      const body = await problem(refused);
      assert.equal(body.code, 'check_answers_invalid');
      assert.deepEqual(body.errors?.map((error) => error.pointer), ['/answers/photos']);
    }
    assert.equal((await put(id, bytes, 30_000, 60_000)).status, 201);
    const created = await submit([id]);
    assert.equal(created.status, 201);
    assert.deepEqual(CheckSubmission.parse(await created.json()).answers['photos'], [id]);
  });
});
