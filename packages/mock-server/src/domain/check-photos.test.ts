import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CheckPhotoStore, MAX_CHECK_PHOTO_BYTES, MAX_CHECK_PHOTO_BYTES_PER_OFFICER } from './check-photos.js';
import { DomainError } from './domain-error.js';

const jpeg = (size: number) => Uint8Array.from({ length: size }, (_, index) => [0xff, 0xd8, 0xff][index] ?? 1);
const refusedWith = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('check photos', () => {
  it('refuses a chunk whose photo size or media type differs from the first chunk’s (check_photo_size_mismatch)', () => {
    const store = new CheckPhotoStore();
    const bytes = jpeg(20);
    store.putChunk('officer-01', 'p-1', { start: 0, total: 20, mediaType: 'image/jpeg', data: bytes.slice(0, 10) });
    assert.throws(() => store.putChunk('officer-01', 'p-1', { start: 10, total: 30, mediaType: 'image/jpeg', data: bytes.slice(10) }), refusedWith('check_photo_size_mismatch'));
    assert.equal(store.putChunk('officer-01', 'p-1', { start: 10, total: 20, mediaType: 'image/jpeg', data: bytes.slice(10) }).completed, true);
  });

  it('holds at most 100 MiB of photos per officer (check_photo_quota_exceeded); another officer is not held back', () => {
    const store = new CheckPhotoStore();
    const photos = MAX_CHECK_PHOTO_BYTES_PER_OFFICER / MAX_CHECK_PHOTO_BYTES;
    for (let index = 0; index < photos; index++) {
      store.putChunk('officer-01', `p-${index}`, { start: 0, total: MAX_CHECK_PHOTO_BYTES, mediaType: 'image/jpeg', data: jpeg(10) });
    }
    assert.throws(() => store.putChunk('officer-01', 'p-more', { start: 0, total: 10, mediaType: 'image/jpeg', data: jpeg(10) }), refusedWith('check_photo_quota_exceeded'));
    assert.equal(store.putChunk('officer-02', 'p-more', { start: 0, total: 10, mediaType: 'image/jpeg', data: jpeg(10) }).completed, true);
  });

  it('tells a submission why it may not name a photo: not uploaded, another officer’s, or incomplete', () => {
    const store = new CheckPhotoStore();
    store.putChunk('officer-01', 'p-1', { start: 0, total: 20, mediaType: 'image/jpeg', data: jpeg(10) });
    assert.match(store.problemWith('officer-01', 'p-1') ?? '', /not completely uploaded \(10 of 20 bytes\)/);
    assert.match(store.problemWith('officer-02', 'p-1') ?? '', /was not uploaded/);
    assert.match(store.problemWith('officer-01', 'p-2') ?? '', /was not uploaded/);
    store.clear();
    assert.throws(() => store.get('officer-01', 'p-1'), refusedWith('check_photo_not_found'));
  });
});
