import { DomainError } from './domain-error.js';

// Photos of field checks, uploaded in chunks before the submission that refers to them. A photo
// is made on the device, gets a client-made UUID, and leaves the offline outbox chunk by chunk;
// a tablet may lose its answer or reload at any moment, so the upload resumes from what the server
// holds. Pure TS: no HTTP.
//
// Decisions:
// - A chunk starts at the bytes received so far. One that repeats bytes already held (a resend
//   after a lost answer) changes nothing and answers the state; any other start is refused with
//   the current `received`, so the client continues from there instead of guessing.
// - A photo is the officer's who sent its first chunk; to anyone else it does not exist, for
//   reads and writes alike, so nobody learns of another officer's photo.
// - Only JPEG (the device makes it: downscaled, EXIF stripped). A completed photo that does not
//   start with the JPEG magic bytes is refused and forgotten, so it can never be referred to.
// - Memory is bounded: 10 MiB a photo, 100 MiB held per officer; `clear` (a reset) forgets all.
// - Bytes are read back only whole (`completeBytes`), for whoever the caller already allowed: a
//   message's photo goes to the participants of its conversation, which is the desk's rule.

/** The largest photo, in bytes (10 MiB). */
export const MAX_CHECK_PHOTO_BYTES = 10 * 1024 * 1024;
/** The most bytes of photos one officer may hold on the server (100 MiB). */
export const MAX_CHECK_PHOTO_BYTES_PER_OFFICER = 100 * 1024 * 1024;
/** The largest chunk, in bytes; the Node server reads request bodies of at most 64 kB anyway. */
export const MAX_CHECK_PHOTO_CHUNK_BYTES = 1024 * 1024;
/** The media types a check photo may have. */
export const CHECK_PHOTO_MEDIA_TYPES: readonly string[] = ['image/jpeg'];

/** How much of a photo the server holds. */
export interface CheckPhotoState {
  id: string;
  /** The photo's whole size in bytes, as its chunks declared it. */
  size: number;
  /** How many bytes, from the first, the server holds. */
  received: number;
  /** `true` once every byte arrived (and it is a JPEG). */
  complete: boolean;
  mediaType: string;
}

/** One chunk as it arrived: bytes `start` to `start + data.length - 1` of `total`. */
export interface CheckPhotoChunk {
  start: number;
  total: number;
  mediaType: string;
  data: Uint8Array;
}

/** What {@link CheckPhotoStore.putChunk} did: `completed` when this chunk completed the photo. */
export interface CheckPhotoChunkOutcome {
  completed: boolean;
  photo: CheckPhotoState;
}

interface StoredPhoto {
  officerId: string;
  mediaType: string;
  bytes: Uint8Array;
  received: number;
}

const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** The photos officers upload for their checks, by photo id. */
export class CheckPhotoStore {
  readonly #photos = new Map<string, StoredPhoto>();

  /**
   * How much of one of the officer's photos the server holds.
   *
   * @throws DomainError `check_photo_not_found` (404) when nothing was received yet, or the photo is another officer's.
   */
  get(officerId: string, photoId: string): CheckPhotoState {
    return stateOf(photoId, this.#own(officerId, photoId));
  }

  /**
   * Takes one chunk of a photo (see the decisions at the top).
   *
   * @throws DomainError `check_photo_media_type` (422), `check_photo_too_large` (invalid, for a
   *   413), `check_photo_quota_exceeded` (409), `check_photo_not_found` (404, another officer's),
   *   `check_photo_size_mismatch` (409), `check_photo_offset_mismatch` (409, with `received`),
   *   `check_photo_not_jpeg` (422).
   */
  putChunk(officerId: string, photoId: string, chunk: CheckPhotoChunk): CheckPhotoChunkOutcome {
    const { start, total, mediaType, data } = chunk;
    if (!CHECK_PHOTO_MEDIA_TYPES.includes(mediaType)) {
      throw new DomainError('unprocessable', 'check_photo_media_type', `A check photo is a JPEG (image/jpeg), not ${mediaType || 'untyped'}.`);
    }
    if (total > MAX_CHECK_PHOTO_BYTES) throw tooLarge(`A check photo is at most ${MAX_CHECK_PHOTO_BYTES / 1024 / 1024} MiB; downscale it first.`);
    if (data.length > MAX_CHECK_PHOTO_CHUNK_BYTES) throw tooLarge(`A chunk is at most ${MAX_CHECK_PHOTO_CHUNK_BYTES / 1024} KiB.`);
    const known = this.#photos.get(photoId);
    if (known !== undefined && known.officerId !== officerId) throw notFound(photoId);
    if (known === undefined) {
      const held = [...this.#photos.values()].filter((photo) => photo.officerId === officerId).reduce((sum, photo) => sum + photo.bytes.length, 0);
      if (held + total > MAX_CHECK_PHOTO_BYTES_PER_OFFICER) {
        throw new DomainError('conflict', 'check_photo_quota_exceeded', 'You hold too many photo bytes on the server; submit the checks that use them first.');
      }
    }
    const photo = known ?? { officerId, mediaType, bytes: new Uint8Array(total), received: 0 };
    const state = () => stateOf(photoId, photo);
    if (photo.bytes.length !== total || photo.mediaType !== mediaType) {
      throw new DomainError('conflict', 'check_photo_size_mismatch', `Photo ${photoId} is ${photo.bytes.length} bytes of ${photo.mediaType}; its chunks must say so.`, [], {
        size: photo.bytes.length,
        received: photo.received,
      });
    }
    if (photo.received === total) return { completed: false, photo: state() };
    const end = start + data.length;
    if (start < photo.received && end <= photo.received && sameBytes(photo.bytes, start, data)) return { completed: false, photo: state() };
    if (start !== photo.received || end > total) {
      throw new DomainError('conflict', 'check_photo_offset_mismatch', `The server holds ${photo.received} bytes of photo ${photoId}; send the next chunk from there.`, [], {
        received: photo.received,
      });
    }
    photo.bytes.set(data, start);
    photo.received = end;
    if (known === undefined) this.#photos.set(photoId, photo);
    if (photo.received === total && !JPEG_MAGIC.every((byte, index) => photo.bytes[index] === byte)) {
      this.#photos.delete(photoId);
      throw new DomainError('unprocessable', 'check_photo_not_jpeg', `Photo ${photoId} is not a JPEG; it was discarded. Upload it again as a JPEG.`);
    }
    return { completed: photo.received === total, photo: state() };
  }

  /** Why a submission may not refer to this photo (unknown, another officer's, incomplete), or undefined. */
  problemWith(officerId: string, photoId: string): string | undefined {
    const photo = this.#photos.get(photoId);
    if (photo === undefined || photo.officerId !== officerId) return `Photo ${photoId} was not uploaded; upload it before the check.`;
    if (photo.received < photo.bytes.length) return `Photo ${photoId} is not completely uploaded (${photo.received} of ${photo.bytes.length} bytes).`;
    return undefined;
  }

  /**
   * The bytes and media type of a completely uploaded photo, whoever uploaded it, or undefined.
   * For a caller that decided who may see it (a message's photo: its conversation's participants).
   */
  completeBytes(photoId: string): { bytes: Uint8Array; mediaType: string } | undefined {
    const photo = this.#photos.get(photoId);
    return photo === undefined || photo.received < photo.bytes.length ? undefined : { bytes: photo.bytes, mediaType: photo.mediaType };
  }

  /** Holds a complete photo of the seed (a seeded message's), as if `officerId` had uploaded it. */
  seed(officerId: string, photoId: string, bytes: Uint8Array): void {
    this.#photos.set(photoId, { officerId, mediaType: 'image/jpeg', bytes, received: bytes.length });
  }

  /** Forgets every photo (a reset of the zone). */
  clear(): void {
    this.#photos.clear();
  }

  #own(officerId: string, photoId: string): StoredPhoto {
    const photo = this.#photos.get(photoId);
    if (photo === undefined || photo.officerId !== officerId) throw notFound(photoId);
    return photo;
  }
}

/** A `check_photo_too_large` refusal; the route answers it with 413. */
const tooLarge = (message: string) => new DomainError('invalid', 'check_photo_too_large', message, [], { maxBytes: MAX_CHECK_PHOTO_BYTES });

const notFound = (photoId: string) => new DomainError('not_found', 'check_photo_not_found', `You have no photo ${photoId} on the server.`);

function stateOf(id: string, photo: StoredPhoto): CheckPhotoState {
  return { id, size: photo.bytes.length, received: photo.received, complete: photo.received === photo.bytes.length, mediaType: photo.mediaType };
}

function sameBytes(held: Uint8Array, start: number, data: Uint8Array): boolean {
  for (let index = 0; index < data.length; index++) if (held[start + index] !== data[index]) return false;
  return true;
}
