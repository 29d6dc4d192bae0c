// Photos taken in the field are made small and anonymous on the device before they are stored or
// sent: drawn again at a bounded size and encoded anew, which keeps the pixels (turned upright)
// and nothing else of the file — no EXIF, so no camera serial, no time, no GPS position. Where a
// form asks for the position, the form records it as a field of its own.

/**
 * Options of {@link preparePhoto}.
 *
 * @category Offline
 */
export interface PhotoOptions {
  /** The longest side of the result, in pixels. Default 1600. A smaller photo is not enlarged. */
  longestSide?: number | undefined;
  /** JPEG quality, 0 to 1. Default 0.8. */
  quality?: number | undefined;
}

/**
 * A photo ready to store and send.
 *
 * @category Offline
 */
export interface PreparedPhoto {
  /** The JPEG, without any metadata of the original. */
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Downscales a photo (a camera capture, a file) and encodes it anew as JPEG, which drops its EXIF
 * metadata; the image is turned upright first (as its EXIF orientation said). Browser only.
 *
 * @example
 * ```ts
 * const { blob } = await preparePhoto(input.files[0], { longestSide: 1280 });
 * await drafts.saveBlob(`${assignmentId}/photo-1`, blob);
 * ```
 *
 * @category Offline
 */
export async function preparePhoto(file: Blob, options: PhotoOptions = {}): Promise<PreparedPhoto> {
  const longestSide = options.longestSide ?? 1600;
  const quality = options.quality ?? 0.8;
  if (!(longestSide >= 1)) throw new RangeError(`longestSide must be at least 1, got ${longestSide}.`);
  if (!(quality > 0 && quality <= 1)) throw new RangeError(`quality must be in (0, 1], got ${quality}.`);
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, longestSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw the photo (no 2D canvas).');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
  } finally {
    bitmap.close();
  }
}
