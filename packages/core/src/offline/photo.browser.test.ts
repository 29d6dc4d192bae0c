import { expect } from '@open-wc/testing';
import { preparePhoto } from './photo.js';

/** A JPEG of `width`×`height` carrying an EXIF segment with a camera serial and a GPS tag name in it. */
async function photoWithExif(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1f4e9c';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ffbf47';
  context.fillRect(0, 0, width / 2, height / 2);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
  // APP1 right after SOI: "Exif\0\0" and text a camera would leave (serial number, GPS).
  const payload = new TextEncoder().encode('Exif\0\0SERIAL-AB12345 GPSLatitude 51.0912 GPSLongitude 4.1301');
  const segment = new Uint8Array(4 + payload.length);
  segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  segment.set(payload, 4);
  return new Blob([jpeg.slice(0, 2), segment, jpeg.slice(2)], { type: 'image/jpeg' });
}

const latin1 = async (blob: Blob) => String.fromCharCode(...new Uint8Array(await blob.arrayBuffer()));

describe('preparing a field photo', () => {
  it('keeps the picture but none of its metadata: no EXIF, no serial number, no GPS', async () => {
    const original = await photoWithExif(400, 300);
    expect(await latin1(original)).to.contain('SERIAL-AB12345');
    const { blob, width, height } = await preparePhoto(original);
    const bytes = await latin1(blob);
    for (const text of ['Exif', 'SERIAL-AB12345', 'GPSLatitude', '51.0912']) expect(bytes.includes(text), text).to.equal(false);
    expect([width, height]).to.deep.equal([400, 300]);
    expect(blob.type).to.equal('image/jpeg');
  });

  it('scales the longest side down to the limit, keeping the proportions, and never enlarges', async () => {
    const portrait = await preparePhoto(await photoWithExif(1200, 3000), { longestSide: 1000, quality: 0.6 });
    expect([portrait.width, portrait.height]).to.deep.equal([400, 1000]);
    const bitmap = await createImageBitmap(portrait.blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([400, 1000]);
    const small = await preparePhoto(await photoWithExif(320, 240), { longestSide: 1000 });
    expect([small.width, small.height]).to.deep.equal([320, 240]);
  });

  it('refuses a size or quality that makes no sense', async () => {
    const original = await photoWithExif(10, 10);
    for (const options of [{ longestSide: 0 }, { quality: 0 }, { quality: 1.5 }]) {
      let refused = false;
      await preparePhoto(original, options).catch((error: unknown) => (refused = error instanceof RangeError));
      expect(refused, JSON.stringify(options)).to.equal(true);
    }
  });
});
