// The page of test/e2e/outbox-chaos.test.ts: what a field app does with completed checks, through
// the officer's FieldDevice as the check form uses it — bodies sealed in the outbox, photos kept
// encrypted and uploaded in chunks before their check — without the widget. Bundled by the test
// with esbuild.
import { FieldDevice, createChecksClient, type CheckField, type CheckSubmissionInput } from '@blauw/core';

const api = new URLSearchParams(location.search).get('api') ?? '';
// The part of the domicile form that says which answer holds photo ids.
const PHOTO_FIELDS: Pick<CheckField, 'name' | 'kind'>[] = [{ name: 'photos', kind: 'photo' }];
const client = createChecksClient({ baseUrl: api, getToken: () => 'dev-officer', timeout: 5000 });
// Short waits between attempts (the test's chaos fails many of them), and a lease just longer than
// an attempt's 5 s timeout: a reload in the middle of a send leaves one behind.
const device = await FieldDevice.open(client.checks, { name: 'blauw-field-e2e', backoff: { base: 100, cap: 1000 }, leaseMs: 6000, probeMs: 300 });

/** A photo of noise, about 90 kB as JPEG: two chunks of 64 KiB. */
async function noisePhoto(seed: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(400, 300);
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(400, 300);
  let state = seed;
  for (let i = 0; i < image.data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    image.data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  context.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

const field = {
  /** Completes the checks (each under its own client id, some with a photo) as the form does. */
  async queue(checks: (CheckSubmissionInput & { withPhoto?: boolean })[]): Promise<void> {
    for (const { withPhoto, ...check } of checks) {
      const answers = { ...check.answers };
      if (withPhoto) answers.photos = [(await device.savePhoto(await noisePhoto(check.assignmentId.length + checks.indexOf(check)))).photoId];
      await device.submit({ fields: PHOTO_FIELDS as CheckField[] }, { ...check, answers });
    }
  },
  /** Every item's kind, state and attempts. */
  async items(): Promise<{ clientId: string; kind: string; state: string; attempts: number }[]> {
    return (await device.outbox.list()).map(({ clientId, kind, state, attempts }) => ({ clientId, kind, state, attempts }));
  },
  poke: (): Promise<void> => device.drain.poke(),
};
(window as unknown as { field: typeof field }).field = field;
