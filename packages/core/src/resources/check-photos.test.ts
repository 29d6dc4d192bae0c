import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient } from '../client.js';
import { ConfigurationError, NotFoundError, ServerError } from '../errors.js';
import type { CheckPhotoUpload } from '../schemas/checks.js';
import { base, useMockApi } from '../testing/mock-api.js';

// client.checks.photoUpload and uploadPhoto against a fake photo server in msw: it keeps the bytes
// it took per photo and follows the contract's rules (a chunk starts where its bytes end, else 409
// with `received`), so each test can set up what a reload or a second tab leaves behind.

const server = useMockApi();
const client = createClient({ baseUrl: base, retry: { limit: 0 } });

const PHOTO = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';
const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, index) => [0xff, 0xd8, 0xff][index] ?? index % 256);
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ title: code, status, code, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });

interface FakePhoto {
  bytes: Uint8Array;
  received: number;
}

/** A photo server holding `photos`; `beforeChunk` may change them or answer first (another tab, a dropped answer). */
function fakePhotoServer(photos: Map<string, FakePhoto>, beforeChunk?: (chunk: { start: number; end: number }, photo: FakePhoto) => Response | undefined) {
  const requests: string[] = [];
  const stateOf = (id: string, photo: FakePhoto): CheckPhotoUpload => ({ id, size: photo.bytes.length, received: photo.received, complete: photo.received === photo.bytes.length, mediaType: 'image/jpeg' });
  server.use(
    http.get(`${base}/check-photos/:photoId`, ({ params }) => {
      requests.push('GET');
      const photo = photos.get(String(params['photoId']));
      return photo === undefined ? problem(404, 'check_photo_not_found') : HttpResponse.json(stateOf(String(params['photoId']), photo));
    }),
    http.put(`${base}/check-photos/:photoId`, async ({ params, request }) => {
      const id = String(params['photoId']);
      const [, start, end, total] = (/^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers.get('content-range') ?? '') ?? []).map(Number);
      requests.push(`PUT ${start}-${end}/${total} ${request.headers.get('content-type')}`);
      const data = new Uint8Array(await request.arrayBuffer());
      assert.equal(data.length, end! - start! + 1, 'the body is the range');
      let photo = photos.get(id);
      if (photo === undefined) photos.set(id, (photo = { bytes: new Uint8Array(total!), received: 0 }));
      const early = beforeChunk?.({ start: start!, end: end! }, photo);
      if (early !== undefined) return early;
      if (start !== photo.received) return problem(409, 'check_photo_offset_mismatch', { received: photo.received });
      photo.bytes.set(data, start);
      photo.received = end! + 1;
      const state = stateOf(id, photo);
      return HttpResponse.json(state, { status: state.complete ? 201 : 200 });
    }),
  );
  return requests;
}

describe('client.checks.photoUpload', () => {
  it('resolves what the server holds, and undefined when it holds nothing of the photo', async () => {
    const photos = new Map([[PHOTO, { bytes: bytesOf(300), received: 120 }]]);
    fakePhotoServer(photos);
    assert.deepEqual(await client.checks.photoUpload({ photoId: PHOTO }), { id: PHOTO, size: 300, received: 120, complete: false, mediaType: 'image/jpeg' });
    assert.equal(await client.checks.photoUpload({ photoId: '00000000-0000-4000-8000-000000000000' }), undefined);
  });

  it('throws NotFoundError when the server has no photo route at all (route_not_found)', async () => {
    server.use(http.get(`${base}/check-photos/:photoId`, () => problem(404, 'route_not_found')));
    await assert.rejects(client.checks.photoUpload({ photoId: PHOTO }), NotFoundError);
  });
});

describe('client.checks.uploadPhoto', () => {
  it('sends a new photo in raw image/jpeg chunks placed by Content-Range, reporting progress from 0 up to the size', async () => {
    const photos = new Map<string, FakePhoto>();
    const requests = fakePhotoServer(photos);
    const bytes = bytesOf(250);
    const progress: [number, number][] = [];
    const done = await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes], { type: 'image/jpeg' }), chunkBytes: 100, onProgress: (sent, total) => progress.push([sent, total]) });
    assert.deepEqual(done, { id: PHOTO, size: 250, received: 250, complete: true, mediaType: 'image/jpeg' });
    assert.deepEqual(requests, ['GET', 'PUT 0-99/250 image/jpeg', 'PUT 100-199/250 image/jpeg', 'PUT 200-249/250 image/jpeg']);
    assert.deepEqual(progress, [[0, 250], [100, 250], [200, 250], [250, 250]]);
    assert.deepEqual(photos.get(PHOTO)?.bytes, bytes);
  });

  it('resumes after a reload from the bytes the server holds, sending only the rest', async () => {
    const bytes = bytesOf(250);
    const photos = new Map([[PHOTO, { bytes: Uint8Array.from([...bytes.slice(0, 130), ...new Uint8Array(120)]), received: 130 }]]);
    const requests = fakePhotoServer(photos);
    const progress: number[] = [];
    await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100, onProgress: (sent) => progress.push(sent) });
    assert.deepEqual(requests, ['GET', 'PUT 130-229/250 image/jpeg', 'PUT 230-249/250 image/jpeg']);
    assert.deepEqual(progress, [130, 230, 250]);
    assert.deepEqual(photos.get(PHOTO)?.bytes, bytes);
  });

  it('continues from the server’s received after a 409 check_photo_offset_mismatch (another tab sent some meanwhile)', async () => {
    const bytes = bytesOf(250);
    const photos = new Map<string, FakePhoto>();
    let raced = false;
    const requests = fakePhotoServer(photos, (_chunk, photo) => {
      if (raced) return undefined;
      raced = true;
      // Another tab got the first 150 bytes there first.
      photo.bytes.set(bytes.slice(0, 150));
      photo.received = 150;
      return undefined;
    });
    const progress: number[] = [];
    const done = await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100, onProgress: (sent) => progress.push(sent) });
    assert.equal(done.complete, true);
    assert.deepEqual(requests, ['GET', 'PUT 0-99/250 image/jpeg', 'PUT 150-249/250 image/jpeg']);
    assert.deepEqual(progress, [0, 150, 250]);
    assert.deepEqual(photos.get(PHOTO)?.bytes, bytes);
  });

  it('sends a photo never sent before without asking first (resume: false), and still goes on from the server’s offset if it holds some', async () => {
    const bytes = bytesOf(250);
    const fresh = fakePhotoServer(new Map());
    await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100, resume: false });
    assert.deepEqual(fresh, ['PUT 0-99/250 image/jpeg', 'PUT 100-199/250 image/jpeg', 'PUT 200-249/250 image/jpeg']);
    server.resetHandlers();
    const held = fakePhotoServer(new Map([[PHOTO, { bytes: Uint8Array.from([...bytes.slice(0, 130), ...new Uint8Array(120)]), received: 130 }]]));
    const progress: number[] = [];
    assert.equal((await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100, resume: false, onProgress: (sent) => progress.push(sent) })).complete, true);
    assert.deepEqual(held, ['PUT 0-99/250 image/jpeg', 'PUT 130-229/250 image/jpeg', 'PUT 230-249/250 image/jpeg']);
    assert.deepEqual(progress, [0, 130, 230, 250]);
  });

  it('resolves at once with a photo the server already holds complete', async () => {
    const bytes = bytesOf(40);
    const requests = fakePhotoServer(new Map([[PHOTO, { bytes, received: 40 }]]));
    const progress: number[] = [];
    assert.equal((await client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), onProgress: (sent) => progress.push(sent) })).complete, true);
    assert.deepEqual(requests, ['GET']);
    assert.deepEqual(progress, [40]);
  });

  it('sends a failed chunk once, without retries, and the next call resumes where the server is', async () => {
    const retrying = createClient({ baseUrl: base, retry: { limit: 3, backoffLimit: 1 } });
    const bytes = bytesOf(250);
    const photos = new Map<string, FakePhoto>();
    let failNext = false;
    const requests = fakePhotoServer(photos, (chunk) => {
      if (chunk.start !== 100 || !failNext) return undefined;
      failNext = false;
      return problem(503, 'service_unavailable');
    });
    failNext = true;
    await assert.rejects(retrying.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100 }), ServerError);
    assert.deepEqual(requests, ['GET', 'PUT 0-99/250 image/jpeg', 'PUT 100-199/250 image/jpeg']);
    const done = await retrying.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytes]), chunkBytes: 100 });
    assert.equal(done.complete, true);
    assert.deepEqual(requests.slice(3), ['GET', 'PUT 100-199/250 image/jpeg', 'PUT 200-249/250 image/jpeg']);
  });

  it('refuses an empty photo and a chunk size that is not a whole number from 1 before sending anything', async () => {
    await assert.rejects(client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([]) }), ConfigurationError);
    await assert.rejects(client.checks.uploadPhoto({ photoId: PHOTO, blob: new Blob([bytesOf(10)]), chunkBytes: 0 }), ConfigurationError);
  });
});
