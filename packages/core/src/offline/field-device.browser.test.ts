import { expect } from '@open-wc/testing';
import { createChecksClient } from '../checks-client.js';
import type { CheckAssignment, CheckSubmissionInput, CheckType } from '../schemas/checks.js';
import { FieldDevice } from './field-device.js';

// The officer's device in Chromium, on its own IndexedDB, WebCrypto, BroadcastChannel and Cache
// Storage, with the real `ChecksResource` against a scripted server behind its `fetch`. The clock
// is a number the test moves; waits between attempts are long (the drain's own timers never fire
// within a test), so every attempt happens when the test pokes the drain.
const T0 = Date.parse('2027-03-01T09:00:00Z');
const MINUTES_10 = 600_000;
const DAYS_8 = 8 * 86_400_000;
let counter = 0;

const text = (nl: string) => ({ nl, fr: nl, de: nl, en: nl });
const DOMICILE_V1: CheckType = {
  type: 'domicile',
  version: 1,
  name: text('Woonstcontrole'),
  description: text('Woont de persoon op het adres?'),
  fields: [{ name: 'remarks', label: text('Opmerkingen'), kind: 'long_text', required: false }],
};
const DOMICILE_V2: CheckType = {
  ...DOMICILE_V1,
  version: 2,
  fields: [
    { name: 'personMet', label: text('Persoon aangetroffen'), kind: 'yes_no', required: true },
    { name: 'remarks', label: text('Opmerkingen'), kind: 'long_text', required: false },
    { name: 'photos', label: text("Foto's"), kind: 'photo', required: false },
  ],
};
const assignment = (id: string, familyName: string, street: string): CheckAssignment => ({
  id,
  type: 'domicile',
  officerId: 'officer-1',
  status: 'open',
  person: { givenName: 'Griet', familyName },
  address: { street, houseNumber: '17', postalCode: '9220', municipality: 'Scheldegem' },
  dueBy: '2027-03-05T17:00:00+01:00',
  createdAt: '2027-02-26T08:00:00+01:00',
});
const ASSIGNMENTS = [assignment('a-1', 'Vandermeersch', 'Kouterdreef'), assignment('a-2', 'Opdebeeck', 'Meersstraat'), assignment('a-3', 'Wauters', 'Molenhoek')];

interface Received {
  method: string;
  path: string;
  key: string | null;
  clientId?: string;
  status: number;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), { status, headers: { 'content-type': 'application/problem+json' } });

/**
 * A zone's API behind a `fetch`: it serves ASSIGNMENTS and the domicile forms, takes photos and
 * keeps each submission once by its client id (the same body again: 200 with the first result;
 * another body: 409 `client_id_reused`). `network: 'down'` fails every request as a cut connection
 * would; `refuse(n)` may answer the n-th submission attempt (from 0) with a status of its own.
 */
function fakeServer() {
  const received: Received[] = [];
  const stored = new Map<string, { body: string; submission: unknown }>();
  const photos = new Map<string, number>();
  let submissionAttempts = 0;
  const statusesAsked: (string | null)[] = [];
  const server = {
    network: 'up' as 'up' | 'down',
    refuse: (_attempt: number): number | undefined => undefined,
    /** While true, a photo upload is refused (413 `check_photo_too_large`). */
    refusePhotos: false,
    received,
    statusesAsked,
    stored,
    posts: () => received.filter((request) => request.method === 'POST'),
    fetch: async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      if (server.network === 'down') throw new TypeError('Failed to fetch');
      const path = new URL(request.url).pathname.replace(/^\/v1\//, '');
      const log = (status: number, clientId?: string) => {
        received.push({ method: request.method, path, key: request.headers.get('idempotency-key'), status, ...(clientId === undefined ? {} : { clientId }) });
      };
      if (request.method === 'GET' && path === 'check-assignments') {
        statusesAsked.push(new URL(request.url).searchParams.get('status'));
        return (log(200), json(200, { items: ASSIGNMENTS, nextCursor: null }));
      }
      if (request.method === 'GET' && path === 'check-types') return (log(200), json(200, { items: [DOMICILE_V2] }));
      const version = /^check-types\/domicile\/versions\/(\d+)$/.exec(path);
      if (request.method === 'GET' && version) {
        const found = [DOMICILE_V1, DOMICILE_V2].find((type) => type.version === Number(version[1]));
        log(found ? 200 : 404);
        return found ? json(200, found) : problem(404, 'check_type_not_found');
      }
      const photo = /^check-photos\/([\w-]+)$/.exec(path);
      if (photo) {
        const id = photo[1]!;
        if (request.method === 'GET') {
          const size = photos.get(id);
          log(size === undefined ? 404 : 200);
          return size === undefined ? problem(404, 'check_photo_not_found') : json(200, { id, size, received: size, complete: true, mediaType: 'image/jpeg' });
        }
        if (server.refusePhotos) return (log(413), problem(413, 'check_photo_too_large'));
        const bytes = (await request.arrayBuffer()).byteLength;
        const total = Number(/\/(\d+)$/.exec(request.headers.get('content-range') ?? '')?.[1]);
        // The photos of these tests fit in one chunk.
        photos.set(id, total);
        log(201);
        return json(201, { id, size: total, received: bytes, complete: bytes === total, mediaType: 'image/jpeg' });
      }
      if (request.method === 'POST' && path === 'check-submissions') {
        const body = (await request.json()) as CheckSubmissionInput;
        const scripted = server.refuse(submissionAttempts++);
        if (scripted !== undefined) {
          log(scripted, body.clientId);
          return problem(scripted, scripted >= 500 ? 'server_error' : 'check_answers_invalid');
        }
        const before = stored.get(body.clientId);
        const canonical = JSON.stringify(body);
        if (before !== undefined) {
          const status = before.body === canonical ? 200 : 409;
          log(status, body.clientId);
          return status === 200 ? json(200, before.submission) : problem(409, 'client_id_reused');
        }
        const submission = { ...body, id: `s-${stored.size + 1}`, receivedAt: '2027-03-01T10:00:00+01:00' };
        stored.set(body.clientId, { body: canonical, submission });
        log(201, body.clientId);
        return json(201, submission);
      }
      // Any other write of a field app (a chat message): taken as it comes.
      if (request.method === 'POST' && path.startsWith('conversations/')) {
        const body = (await request.json()) as { clientId?: string };
        log(201, body.clientId);
        return json(201, body);
      }
      log(404);
      return problem(404, 'route_not_found');
    },
  };
  return server;
}

type FakeServer = ReturnType<typeof fakeServer>;

async function openDevice(server: FakeServer, clock: { now: number }, name = `blauw-field-test-${++counter}`) {
  const client = createChecksClient({ baseUrl: 'https://api.zone.test/v1/', fetch: server.fetch, getToken: () => 'officer', retry: 0 });
  // Waits of half a minute and more: the drain's own timer never fires while a test runs.
  const device = await FieldDevice.open(client.checks, { name, now: () => clock.now, backoff: { base: 60_000, random: () => 0.5 }, probeMs: 3_600_000 });
  return { device, name };
}

/** Lets the drain finish the round under way and the one it asked for after it. */
async function drained(device: FieldDevice): Promise<void> {
  await device.drain.poke();
  await device.drain.poke();
}

/** A JPEG from a canvas, with noise so it is not all one colour. */
async function cameraJpeg(): Promise<Blob> {
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d')!;
  let seed = 7;
  for (let y = 0; y < 480; y += 16) {
    for (let x = 0; x < 640; x += 16) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      context.fillStyle = `hsl(${seed % 360} 60% 50%)`;
      context.fillRect(x, y, 16, 16);
    }
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

const latin1 = (bytes: Uint8Array) => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
};
const middleSlice = async (blob: Blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const from = Math.floor(bytes.length / 2);
  return latin1(bytes.subarray(from, from + 32));
};

/**
 * Every record of every object store of the database, read with the raw IndexedDB API: all text
 * and numbers as text, ArrayBuffers and typed arrays as Latin-1 text (one string), and each
 * binary value on its own (to look at how each begins).
 */
async function rawRecords(name: string): Promise<{ all: string; binaries: string[]; records: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = [...db.objectStoreNames];
  const records = await Promise.all(
    stores.map(
      (store) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  db.close();
  const chunks: string[] = [];
  const binaries: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      binaries.push(latin1(bytes));
      chunks.push(binaries.at(-1)!);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') chunks.push(String(value));
    else if (value instanceof Blob) throw new Error('A Blob at rest: read it too');
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        chunks.push(key);
        walk(child);
      }
    }
  };
  walk(records);
  return { all: chunks.join('\n'), binaries, records: records.flat().length };
}

const completed = (assignmentId: string, answers: CheckSubmissionInput['answers'], clientId?: string) => ({
  assignmentId,
  type: 'domicile',
  definitionVersion: 2,
  answers,
  completedAt: '2027-03-01T09:55:00+01:00',
  ...(clientId === undefined ? {} : { clientId }),
});

describe('the field device', () => {
  it('keeps no form text, no name of a cached assignment and no photo bytes readable in either of its databases', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device, name } = await openDevice(server, clock);
    await device.assignments();
    await device.saveDraft({ assignmentId: 'a-1', type: 'domicile', definitionVersion: 2, answers: { personMet: false, remarks: 'Rolluiken dicht sinds maart' }, savedAt: T0 });
    const camera = await cameraJpeg();
    const { photoId } = await device.savePhoto(camera);
    const prepared = (await device.loadPhoto(photoId))!;
    server.network = 'down';
    await device.submit(DOMICILE_V2, completed('a-2', { personMet: true, remarks: 'Brievenbus puilt uit, buurvrouw Opdebeeck zag niemand', photos: [photoId] }));
    await drained(device);
    expect((await device.syncStates()).get('a-2')).to.equal('waiting');

    const drafts = await rawRecords(`${name}-drafts`);
    const outbox = await rawRecords(`${name}-outbox`);
    // The reader sees every record: the outbox's plain fields (its path and the assignment id) are there.
    expect(outbox.records).to.equal(2);
    expect(outbox.all).to.contain('check-submissions').and.contain('a-2');
    // The key, the draft, the photo, the assignments and the domicile form (as latest and as version 2).
    expect(drafts.records, 'key, draft, photo, assignments, forms').to.equal(6);
    const raw = `${drafts.all}\n${outbox.all}`;
    for (const secret of ['Rolluiken', 'sinds maart', 'Brievenbus', 'buurvrouw', 'Vandermeersch', 'Opdebeeck', 'Wauters', 'Kouterdreef', 'Meersstraat', 'Griet', 'remarks', 'personMet']) {
      expect(raw.includes(secret), `"${secret}" is readable at rest`).to.equal(false);
    }
    expect(prepared.size).to.be.greaterThan(1000);
    expect(raw.includes(await middleSlice(prepared)), 'bytes of the stored photo are readable at rest').to.equal(false);
    expect(raw.includes(await middleSlice(camera)), 'bytes of the camera photo are readable at rest').to.equal(false);
    expect(
      [...drafts.binaries, ...outbox.binaries].filter((bytes) => bytes.startsWith('\xff\xd8\xff')),
      'a record that is a JPEG',
    ).to.deep.equal([]);

    // All of it is still there for the officer.
    expect((await device.loadDraft('a-1'))?.answers['remarks']).to.equal('Rolluiken dicht sinds maart');
    expect((await device.queuedCheck('a-2'))?.input.answers['remarks']).to.equal('Brievenbus puilt uit, buurvrouw Opdebeeck zag niemand');
    expect((await device.cachedAssignments())?.items.map((item) => item.person.familyName)).to.deep.equal(['Vandermeersch', 'Opdebeeck', 'Wauters']);
    expect(new Uint8Array(await (await device.loadPhoto(photoId))!.arrayBuffer())).to.deep.equal(new Uint8Array(await prepared.arrayBuffer()));
    await device.logout({ force: true });
  });

  it('refuses to log out over unsent work and says what, then with force wipes both databases, the key and the caches, in every tab', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device, name } = await openDevice(server, clock);
    const { device: otherTab } = await openDevice(server, clock, name);
    const otherLoggedOut = new Promise<void>((resolve) => otherTab.addEventListener('logout', () => resolve(), { once: true }));
    await device.assignments();
    await device.saveDraft({ assignmentId: 'a-1', type: 'domicile', definitionVersion: 2, answers: { remarks: 'Rolluiken dicht sinds maart' }, savedAt: T0 });
    server.network = 'down';
    await device.submit(DOMICILE_V2, completed('a-2', { personMet: true }));
    await drained(device);
    const sealedBefore = await device.drafts.seal('probe', { remarks: 'Rolluiken dicht sinds maart' });
    await caches.open('blauw-field-tiles');
    await caches.open('someone-elses-cache');

    expect(await device.logout()).to.deep.equal({ wiped: false, unsentChecks: 1, unsentOther: 0, drafts: 1 });
    // Nothing was touched.
    expect((await device.loadDraft('a-1'))?.answers['remarks']).to.equal('Rolluiken dicht sinds maart');
    expect((await device.outbox.list()).map((item) => [item.ref, item.state])).to.deep.equal([['a-2', 'queued']]);

    expect(await device.logout({ force: true })).to.deep.equal({ wiped: true, unsentChecks: 1, unsentOther: 0, drafts: 1 });
    await otherLoggedOut;
    expect(await otherTab.logout(), 'the other tab is closed').to.deep.equal({ wiped: true, unsentChecks: 0, unsentOther: 0, drafts: 0 });
    let otherReads = true;
    await otherTab.loadDraft('a-1').catch(() => (otherReads = false));
    expect(otherReads, 'the other tab reads nothing any more').to.equal(false);

    const databases = (await indexedDB.databases()).map((database) => database.name);
    expect(databases).not.to.include(`${name}-drafts`);
    expect(databases).not.to.include(`${name}-outbox`);
    const cacheNames = await caches.keys();
    expect(cacheNames).not.to.include('blauw-field-tiles');
    expect(cacheNames).to.include('someone-elses-cache');
    await caches.delete('someone-elses-cache');

    server.network = 'down';
    const { device: next } = await openDevice(server, clock, name);
    expect(await next.loadDraft('a-1')).to.equal(undefined);
    expect(await next.outbox.list()).to.deep.equal([]);
    expect(await next.cachedAssignments()).to.equal(undefined);
    expect([...(await next.syncStates())]).to.deep.equal([]);
    let opened = true;
    await next.drafts.open('probe', sealedBefore).catch(() => (opened = false));
    expect(opened, 'the new key opens what the old one sealed').to.equal(false);
    await next.logout({ force: true });
  });

  it('queues other writes of a field app in the same outbox, after the checks queued before them, and shows them with their bodies until they are sent', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    server.network = 'down';
    await device.submit(DOMICILE_V2, completed('a-2', { personMet: true }));
    const message = { clientId: '0b9a3c1e-7f42-4d1a-9c55-1e2f3a4b5c6d', text: 'Ter plaatse, niemand thuis.' };
    await device.queue({ kind: 'message', ref: 'conv-7', clientId: message.clientId, request: { method: 'POST', path: 'conversations/conv-7/messages', body: message } });
    await drained(device);
    const waiting = await device.queued('message', 'conv-7');
    expect(waiting.map((item) => [item.state, item.request.body])).to.deep.equal([['queued', message]]);
    expect(await device.queued('message', 'conv-8')).to.deep.equal([]);
    // A logout would lose it: it is counted apart from the check.
    expect(await device.unsent()).to.deep.equal({ unsentChecks: 1, unsentOther: 1, drafts: 0 });
    server.network = 'up';
    clock.now += 10 * 60_000; // past the backoff of the failed attempt
    await drained(device);
    expect(server.posts().map((request) => request.path)).to.deep.equal(['check-submissions', 'conversations/conv-7/messages']);
    expect((await device.queued('message', 'conv-7')).map((item) => item.state)).to.deep.equal(['sent']);
  });

  it('keeps the assignments for offline use and says when they were fetched; with no copy the network failure is thrown', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    const fetched = await device.assignments();
    expect(fetched).to.deep.equal({ items: ASSIGNMENTS, savedAt: T0, fromCache: false });
    // Every status, so a list that shows all of them has the cancelled ones too, offline as well.
    expect(server.statusesAsked).to.deep.equal(['open,submitted,cancelled']);
    clock.now += 3 * 3_600_000;
    server.network = 'down';
    expect(await device.assignments()).to.deep.equal({ items: ASSIGNMENTS, savedAt: T0, fromCache: true });

    const { device: fresh } = await openDevice(server, clock);
    let failure: unknown;
    await fresh.assignments().catch((error: unknown) => (failure = error));
    expect((failure as { kind?: string } | undefined)?.kind).to.equal('network');
    await Promise.all([device.logout({ force: true }), fresh.logout({ force: true })]);
  });

  it('reads a form version fetched once from the device offline, falls back to the kept latest form, and throws for a version never fetched', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    expect((await device.checkType({ type: 'domicile', version: 1 })).fields.map((field) => field.name)).to.deep.equal(['remarks']);
    expect((await device.checkType({ type: 'domicile' })).version).to.equal(2);
    const asked = server.received.length;
    expect(await device.checkType({ type: 'domicile', version: 1 }), 'a version never changes').to.deep.equal(DOMICILE_V1);
    expect(server.received.length, 'version 1 came from the device').to.equal(asked);

    server.network = 'down';
    expect(await device.checkType({ type: 'domicile', version: 1 })).to.deep.equal(DOMICILE_V1);
    expect(await device.checkType({ type: 'domicile' })).to.deep.equal(DOMICILE_V2);
    let failure: unknown;
    await device.checkType({ type: 'domicile', version: 3 }).catch((error: unknown) => (failure = error));
    expect((failure as { kind?: string } | undefined)?.kind).to.equal('network');
    await device.logout({ force: true });
  });

  it('says draft, waiting, needs attention and sent as a check moves, sends its photo before it, and sends a refused check again only on retry', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    await device.saveDraft({ assignmentId: 'a-1', type: 'domicile', definitionVersion: 2, answers: { personMet: true }, savedAt: T0 });
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'draft']]);

    const { photoId } = await device.savePhoto(await cameraJpeg());
    server.network = 'down';
    await device.submit(DOMICILE_V2, completed('a-1', { personMet: true, photos: [photoId] }));
    await drained(device);
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'waiting']]);
    expect(await device.loadDraft('a-1'), 'the draft became the queued check').to.equal(undefined);

    server.network = 'up';
    server.refuse = (attempt) => (attempt === 0 ? 422 : undefined);
    clock.now += MINUTES_10;
    await drained(device);
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'needs_attention']]);
    expect(server.received.map((request) => `${request.method} ${request.path} ${request.status}`)).to.deep.equal([
      `GET check-photos/${photoId} 404`,
      `PUT check-photos/${photoId} 201`,
      'POST check-submissions 422',
    ]);
    const { item: parked } = (await device.queuedCheck('a-1'))!;
    expect(parked.lastFailure).to.deep.equal({ reason: 'refused', status: 422, code: 'check_answers_invalid' });

    // A refused check is not sent again by itself, however long the device waits.
    clock.now += 6 * MINUTES_10;
    await drained(device);
    expect(server.posts()).to.have.length(1);

    await device.retry('a-1');
    await drained(device);
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'sent']]);
    const posts = server.posts();
    expect(posts.map((request) => request.status)).to.deep.equal([422, 201]);
    expect(posts[1]!.key, 'the retry is the same write').to.equal(posts[0]!.key);
    expect(server.stored.size).to.equal(1);
    await device.logout({ force: true });
  });

  it('takes a refused check back into its draft to correct, and sends the corrected check under a new client id', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    server.refuse = (attempt) => (attempt === 0 ? 422 : undefined);
    const position = { lat: 51.0543, lon: 3.7174 };
    const { input: refused } = await device.submit(DOMICILE_V2, { ...completed('a-1', { personMet: true, remarks: 'Naam op de bel' }), position });
    await drained(device);
    expect((await device.syncStates()).get('a-1')).to.equal('needs_attention');

    clock.now += MINUTES_10;
    const draft = await device.reopen('a-1');
    expect(draft).to.deep.equal({
      assignmentId: 'a-1',
      type: 'domicile',
      definitionVersion: 2,
      answers: { personMet: true, remarks: 'Naam op de bel' },
      position,
      savedAt: clock.now,
      refused: { reason: 'refused', status: 422, code: 'check_answers_invalid' },
    });
    expect(await device.loadDraft('a-1'), 'the draft is on the device').to.deep.equal(draft);
    expect(await device.outbox.get(refused.clientId), 'the parked check left the outbox').to.equal(undefined);
    expect(await device.outbox.list()).to.deep.equal([]);
    expect(await device.queuedCheck('a-1')).to.equal(undefined);
    expect(await device.unsent(), 'a logout would lose a draft, not a check').to.deep.equal({ unsentChecks: 0, unsentOther: 0, drafts: 1 });
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'draft']]);
    expect(await device.reopen('a-1'), 'nothing parked any more').to.equal(undefined);

    const { input: corrected } = await device.submit(DOMICILE_V2, { ...completed('a-1', { ...draft!.answers, remarks: 'Naam op de bel en de brievenbus' }), position });
    await drained(device);
    expect(corrected.clientId).not.to.equal(refused.clientId);
    expect(server.posts().map((request) => [request.clientId, request.status])).to.deep.equal([
      [refused.clientId, 422],
      [corrected.clientId, 201],
    ]);
    expect(server.posts()[1]!.key, 'a new write, with a key of its own').not.to.equal(server.posts()[0]!.key);
    expect(JSON.parse(server.stored.get(corrected.clientId)!.body).answers.remarks).to.equal('Naam op de bel en de brievenbus');
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'sent']]);
    expect(await device.loadDraft('a-1')).to.equal(undefined);
    await device.logout({ force: true });
  });

  it('does not upload again a photo the zone holds when a refused check is corrected, even after a reload days later', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device, name } = await openDevice(server, clock);
    const { photoId } = await device.savePhoto(await cameraJpeg());
    server.refuse = (attempt) => (attempt === 0 ? 422 : undefined);
    await device.submit(DOMICILE_V2, completed('a-1', { personMet: true, photos: [photoId] }));
    await drained(device);
    expect((await device.syncStates()).get('a-1')).to.equal('needs_attention');
    expect((await device.reopen('a-1'))?.answers).to.deep.equal({ personMet: true, photos: [photoId] });

    // Past the week a delivered upload is kept: the draft still names the photo, so it stays.
    clock.now += DAYS_8;
    const { device: reloaded } = await openDevice(server, clock, name);
    const draft = (await reloaded.loadDraft('a-1'))!;
    const { input: corrected } = await reloaded.submit(DOMICILE_V2, completed('a-1', { ...draft.answers, personMet: false }));
    await drained(reloaded);
    expect(server.received.filter((request) => request.method === 'PUT').map((request) => request.path), 'one upload').to.deep.equal([`check-photos/${photoId}`]);
    expect(server.posts().map((request) => [request.clientId, request.status]).at(-1)).to.deep.equal([corrected.clientId, 201]);
    expect(JSON.parse(server.stored.get(corrected.clientId)!.body).answers.photos).to.deep.equal([photoId]);
    expect([...(await reloaded.syncStates())]).to.deep.equal([['a-1', 'sent']]);
    await Promise.all([device.logout({ force: true }), reloaded.logout({ force: true })]);
  });

  it('takes a refused photo back with its refused check, and uploads it from the device with the corrected check', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const { device } = await openDevice(server, clock);
    const { photoId } = await device.savePhoto(await cameraJpeg());
    server.refusePhotos = true;
    server.refuse = (attempt) => (attempt === 0 ? 422 : undefined);
    await device.submit(DOMICILE_V2, completed('a-1', { personMet: true, photos: [photoId] }));
    await drained(device);
    expect((await device.outbox.list()).map((item) => [item.kind, item.state])).to.deep.equal([
      ['check-photo', 'needs_attention'],
      ['check-submission', 'needs_attention'],
    ]);

    await device.reopen('a-1');
    expect(await device.outbox.list(), 'both parked writes were taken back').to.deep.equal([]);
    expect((await device.loadPhoto(photoId))?.size, 'the photo is still on the device').to.be.greaterThan(1000);
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'draft']]);

    server.refusePhotos = false;
    const { input: corrected } = await device.submit(DOMICILE_V2, completed('a-1', { personMet: true, photos: [photoId] }));
    await drained(device);
    expect(server.received.filter((request) => request.method === 'PUT').map((request) => request.status)).to.deep.equal([413, 201]);
    expect(server.posts().map((request) => [request.clientId, request.status]).at(-1)).to.deep.equal([corrected.clientId, 201]);
    expect([...(await device.syncStates())]).to.deep.equal([['a-1', 'sent']]);
    await device.logout({ force: true });
  });

  it('keeps every check in the outbox through a 5xx storm and sends each exactly once after the first 2xx', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const storm = [500, 502, 503, 504, 500, 503];
    server.refuse = (attempt) => storm[attempt];
    const { device } = await openDevice(server, clock);
    for (const id of ['a-1', 'a-2', 'a-3']) await device.submit(DOMICILE_V2, completed(id, { personMet: true }));
    await drained(device);
    let rounds = 0;
    while (server.posts().length < storm.length && rounds++ < 50) {
      const items = await device.outbox.list();
      expect(items.map((item) => item.state), `round ${rounds}`).to.deep.equal(['queued', 'queued', 'queued']);
      clock.now += MINUTES_10;
      await drained(device);
    }
    expect(server.stored.size, 'nothing stored during the storm').to.equal(0);
    expect(server.posts().length).to.equal(storm.length);
    clock.now += MINUTES_10;
    await drained(device);

    expect((await device.outbox.list()).map((item) => item.state)).to.deep.equal(['sent', 'sent', 'sent']);
    const accepted = server.posts().filter((request) => request.status === 201);
    expect(accepted.map((request) => request.clientId)).to.deep.equal((await device.outbox.list()).map((item) => item.clientId));
    expect(server.posts().filter((request) => request.status === 200), 'no resend after delivery').to.deep.equal([]);
    const first = server.posts().filter((request) => request.clientId === accepted[0]!.clientId);
    expect(first, 'the storm met the first check, the others waited behind it').to.have.length(storm.length + 1);
    expect(new Set(first.map((request) => request.key)).size, 'one Idempotency-Key for every attempt').to.equal(1);
    expect(Object.fromEntries(await device.syncStates())).to.deep.equal({ 'a-1': 'sent', 'a-2': 'sent', 'a-3': 'sent' });
    await device.logout({ force: true });
  });

  it('parks a changed check under a client id the server already holds, and never sends it again by itself', async () => {
    const server = fakeServer();
    const clock = { now: T0 };
    const clientId = '7b0c6a52-2d7e-4c8f-9a51-3e6f0d1c2b4a';
    const { device: tablet } = await openDevice(server, clock);
    await tablet.submit(DOMICILE_V2, completed('a-1', { personMet: true, remarks: 'Naam op de bel' }, clientId));
    await drained(tablet);
    expect((await tablet.syncStates()).get('a-1')).to.equal('sent');

    // The same client id with another answer (a copy of the check edited on a second device).
    const { device: phone } = await openDevice(server, clock);
    await phone.submit(DOMICILE_V2, completed('a-1', { personMet: true, remarks: 'Geen naam op de bel' }, clientId));
    await drained(phone);
    for (let round = 0; round < 3; round++) {
      clock.now += MINUTES_10;
      await drained(phone);
    }
    expect((await phone.syncStates()).get('a-1')).to.equal('needs_attention');
    expect((await phone.queuedCheck('a-1'))!.item.lastFailure).to.deep.equal({ reason: 'refused', status: 409, code: 'client_id_reused' });
    expect(server.posts().map((request) => request.status)).to.deep.equal([201, 409]);
    expect(JSON.parse(server.stored.get(clientId)!.body).answers.remarks, 'the first check stands').to.equal('Naam op de bel');
    await Promise.all([tablet.logout({ force: true }), phone.logout({ force: true })]);
  });
});
