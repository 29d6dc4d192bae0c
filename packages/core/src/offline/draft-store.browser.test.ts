import { expect } from '@open-wc/testing';
import { DraftStore } from './draft-store.js';

// In Chromium, on its own IndexedDB and WebCrypto. The clock is pinned; no test reads the real one.
const T0 = Date.parse('2027-03-01T08:00:00Z');
let counter = 0;
const fresh = async () => {
  const name = `blauw-drafts-test-${++counter}`;
  return { name, drafts: await DraftStore.open({ name, now: () => T0 }) };
};

const draft = {
  person: 'Sofie Verbeke',
  address: 'Kerkstraat 12, 9220 Scheldegem',
  answers: { letterbox: 'Verbeke – De Smedt', conclusion: 'Woont er effectief' },
};

/** Every byte IndexedDB holds for the database, read past the store, as one Latin-1 string. */
async function rawBytes(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records = await new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction('drafts').objectStore('drafts').getAll();
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error);
  });
  db.close();
  const chunks: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      chunks.push(String.fromCharCode(...bytes));
    } else if (typeof value === 'string') chunks.push(value);
    else if (value && typeof value === 'object') for (const child of Object.values(value)) walk(child);
  };
  walk(records);
  return chunks.join('\n');
}

describe('encrypted drafts', () => {
  it('gives back what was saved, also after a reopen (a reload)', async () => {
    const { name, drafts } = await fresh();
    await drafts.save('a-1', draft);
    drafts.close();
    const reopened = await DraftStore.open({ name });
    expect(await reopened.load('a-1')).to.deep.equal(draft);
    expect(await reopened.list()).to.deep.equal([{ id: 'a-1', savedAt: T0 }]);
    reopened.close();
  });

  it('stores no text of the form in IndexedDB: the raw records hold only ciphertext', async () => {
    const { name, drafts } = await fresh();
    await drafts.save('a-1', draft);
    await drafts.saveBlob('a-1/photo-1', new Blob(['JFIF-photo-of-the-letterbox Verbeke'], { type: 'image/jpeg' }));
    drafts.close();
    const raw = await rawBytes(name);
    for (const text of ['Sofie', 'Verbeke', 'Kerkstraat', 'Scheldegem', 'letterbox', 'Woont', 'JFIF', 'answers']) {
      expect(raw.includes(text), `"${text}" is readable at rest`).to.equal(false);
    }
    const reopened = await DraftStore.open({ name });
    expect(await (await reopened.loadBlob('a-1/photo-1'))!.text()).to.equal('JFIF-photo-of-the-letterbox Verbeke');
    reopened.close();
  });

  it('keeps its key out of reach: it cannot be exported', async () => {
    const { name, drafts } = await fresh();
    drafts.close();
    const key = await new Promise<CryptoKey>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const get = request.result.transaction('keys').objectStore('keys').get('drafts');
        get.onsuccess = () => {
          request.result.close();
          resolve(get.result as CryptoKey);
        };
        get.onerror = () => reject(get.error);
      };
    });
    expect(key.extractable).to.equal(false);
    let refused = false;
    await crypto.subtle.exportKey('raw', key).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it('refuses a draft whose ciphertext was moved to another id', async () => {
    const { name, drafts } = await fresh();
    await drafts.save('a-1', draft);
    drafts.close();
    // Copy a-1's record under a-2, as someone with the disk might.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const store = request.result.transaction('drafts', 'readwrite').objectStore('drafts');
        const get = store.get('a-1');
        get.onsuccess = () => {
          store.put({ ...(get.result as object), id: 'a-2' });
          store.transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
        get.onerror = () => reject(get.error);
      };
    });
    const reopened = await DraftStore.open({ name });
    let refused = false;
    await reopened.load('a-2').catch(() => (refused = true));
    expect(refused).to.equal(true);
    reopened.close();
  });

  it('wipes everything at logout: the next sign-in sees no draft and has another key', async () => {
    const { name, drafts } = await fresh();
    await drafts.save('a-1', draft);
    await drafts.wipe();
    const next = await DraftStore.open({ name });
    expect(await next.list()).to.deep.equal([]);
    expect(await next.load('a-1')).to.equal(undefined);
    next.close();
  });
});
