import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ConfigurationError } from '../errors.js';
import { closeOnVersionChange, deleteDatabase } from './delete-database.js';

// Drafts of field forms (and their photos) on the device, unreadable at rest: each is encrypted
// with AES-GCM under one key per database, made by WebCrypto as non-extractable, so the key can be
// used by this origin's pages but its bytes can be read by no one (not by script, not from disk
// without the browser's own protection). The draft's id is bound to its ciphertext, so records
// cannot be swapped. Logout deletes the database, the key with it.

interface DraftDb extends DBSchema {
  keys: { key: string; value: CryptoKey };
  drafts: { key: string; value: DraftRecord };
}

interface DraftRecord {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  /** `json` for a value, else a Blob's media type. */
  type: string;
  savedAt: number;
}

/**
 * A value encrypted with AES-GCM by {@link DraftStore.seal}: the random IV and the ciphertext.
 *
 * @category Offline
 */
export interface SealedValue {
  /** The 12-byte initialisation vector, new for every encryption. */
  iv: Uint8Array<ArrayBuffer>;
  /** The ciphertext with its authentication tag. */
  data: ArrayBuffer;
}

/**
 * Encrypts values for a store that keeps them at rest: {@link DraftStore} is one.
 *
 * @category Offline
 */
export interface Sealer {
  /** Encrypts `value` bound to `id`. */
  seal(id: string, value: unknown): Promise<SealedValue>;
  /** Decrypts what `seal` made for the same `id`. */
  open(id: string, sealed: SealedValue): Promise<unknown>;
}

/**
 * A draft as listed: its id and when it was last saved (the content stays encrypted until loaded).
 *
 * @category Offline
 */
export interface DraftInfo {
  id: string;
  savedAt: number;
}

/**
 * Options of {@link DraftStore.open}.
 *
 * @category Offline
 */
export interface DraftStoreOptions {
  /** The IndexedDB database's name; one per signed-in officer. Default `blauw-drafts`. */
  name?: string | undefined;
  /** The clock, in ms since the epoch (default `Date.now`). */
  now?: (() => number) | undefined;
}

const KEY_ID = 'drafts';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Drafts saved as the officer types, encrypted at rest (AES-GCM, a non-extractable WebCrypto key
 * kept in IndexedDB), and wiped at logout.
 *
 * @example
 * ```ts
 * const drafts = await DraftStore.open({ name: `blauw-drafts-${officerId}` });
 * await drafts.save(assignmentId, { answers });
 * const draft = await drafts.load<{ answers: Answers }>(assignmentId);
 * await drafts.wipe(); // logout
 * ```
 *
 * @category Offline
 */
export class DraftStore implements Sealer {
  #gone = false;
  readonly #db: IDBPDatabase<DraftDb>;
  readonly #key: CryptoKey;
  readonly #name: string;
  readonly #now: () => number;

  private constructor(db: IDBPDatabase<DraftDb>, key: CryptoKey, name: string, now: () => number) {
    this.#db = db;
    this.#key = key;
    this.#name = name;
    this.#now = now;
  }

  /**
   * Opens the drafts, making their key on first use.
   *
   * @throws {ConfigurationError} where IndexedDB or WebCrypto is not available (private modes,
   *   pages not served over HTTPS): drafts cannot be kept on this device.
   */
  static async open(options: DraftStoreOptions = {}): Promise<DraftStore> {
    // The store, once made: a deletion by another tab marks it gone.
    const opened: { store?: DraftStore } = {};
    const name = options.name ?? 'blauw-drafts';
    if ((globalThis as { indexedDB?: IDBFactory }).indexedDB === undefined || globalThis.crypto?.subtle === undefined) {
      throw new ConfigurationError('This browser cannot keep encrypted drafts here (no IndexedDB or WebCrypto, as in some private modes or on a page without HTTPS).');
    }
    const db = await openDB<DraftDb>(name, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('keys');
        upgrading.createObjectStore('drafts', { keyPath: 'id' });
      },
      // A logout in another tab deletes the database: let go of it, or the deletion waits for us.
      blocking: (...args) => {
        closeOnVersionChange(...args);
        if (opened.store) opened.store.#gone = true;
      },
    });
    let key = await db.get('keys', KEY_ID);
    if (key === undefined) {
      // Non-extractable: usable for encrypt/decrypt, never readable as bytes.
      key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await db.put('keys', key, KEY_ID);
    }
    opened.store = new DraftStore(db, key, name, options.now ?? Date.now);
    return opened.store;
  }

  /** Saves (replaces) the draft `id`: any JSON value. */
  save(id: string, value: unknown): Promise<void> {
    return this.#put(id, 'json', encoder.encode(JSON.stringify(value)));
  }

  /** Saves (replaces) a photo or other file under `id`. */
  async saveBlob(id: string, blob: Blob): Promise<void> {
    await this.#put(id, blob.type || 'application/octet-stream', new Uint8Array(await blob.arrayBuffer()));
  }

  /**
   * The draft `id` as saved, or `undefined`.
   *
   * @throws {Error} when its ciphertext was altered (AES-GCM refuses it).
   */
  async load<T = unknown>(id: string): Promise<T | undefined> {
    const record = await this.#db.get('drafts', id);
    if (record === undefined) return undefined;
    const bytes = await this.#decrypt(record);
    return JSON.parse(decoder.decode(bytes)) as T;
  }

  /** The file saved under `id`, or `undefined`. */
  async loadBlob(id: string): Promise<Blob | undefined> {
    const record = await this.#db.get('drafts', id);
    if (record === undefined) return undefined;
    return new Blob([await this.#decrypt(record)], { type: record.type });
  }

  /** The drafts kept, most recently saved first. */
  async list(): Promise<DraftInfo[]> {
    const records = await this.#db.getAll('drafts');
    return records.map(({ id, savedAt }) => ({ id, savedAt })).sort((a, b) => b.savedAt - a.savedAt);
  }

  /** Forgets one draft (e.g. once its check was queued for sending). */
  /** The ids of the drafts whose id starts with `prefix` (all without one), read without decrypting anything. */
  async ids(prefix = ''): Promise<string[]> {
    return this.#db.getAllKeys('drafts', prefix === '' ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  }

  async remove(id: string): Promise<void> {
    await this.#db.delete('drafts', id);
  }

  /**
   * Logout: deletes every draft and the key, with the database itself. The store is closed; a new
   * sign-in opens a new one, which can read nothing of this one.
   */
  async wipe(): Promise<void> {
    this.#db.close();
    await deleteDatabase(this.#name);
  }

  /** Closes the database connection. */
  /** Whether another tab deleted (or upgraded) the database, so this store let go of it: a logout elsewhere. */
  get gone(): boolean {
    return this.#gone;
  }

  close(): void {
    this.#db.close();
  }

  /**
   * Encrypts `value` (as JSON) under this store's key, bound to `id`, for another store to keep:
   * what the outbox does with the bodies of its writes ({@link OutboxStoreOptions.sealer}).
   */
  async seal(id: string, value: unknown): Promise<SealedValue> {
    return this.#encrypt(`sealed:${id}`, encoder.encode(JSON.stringify(value)));
  }

  /** Decrypts what {@link DraftStore.seal} made for the same `id`; throws if it was made for another. */
  async open(id: string, sealed: SealedValue): Promise<unknown> {
    const bytes = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(`sealed:${id}`) }, this.#key, sealed.data);
    return JSON.parse(decoder.decode(bytes));
  }

  async #put(id: string, type: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const { iv, data } = await this.#encrypt(id, bytes);
    await this.#db.put('drafts', { id, iv, data, type, savedAt: this.#now() });
  }

  async #encrypt(boundTo: string, bytes: Uint8Array<ArrayBuffer>): Promise<SealedValue> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(boundTo) }, this.#key, bytes);
    return { iv, data };
  }

  #decrypt(record: DraftRecord): Promise<ArrayBuffer> {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(record.id) }, this.#key, record.data);
  }
}
