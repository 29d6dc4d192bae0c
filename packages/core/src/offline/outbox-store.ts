import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ConfigurationError } from '../errors.js';
import { claim, nextDue, nextWake, queued, requeue, settle, type AttemptResult, type OutboxBackoff, type OutboxItem } from './outbox-rules.js';
import { closeOnVersionChange, deleteDatabase } from './delete-database.js';
import type { SealedValue, Sealer } from './draft-store.js';

// The outbox's items in IndexedDB (through idb): every change of an item happens in one
// readwrite transaction that reads it, applies a rule from outbox-rules.ts and writes it back, so
// two tabs of the same officer never both claim an item, and a crash between two steps leaves the
// item as the last finished transaction wrote it (a lease that runs out, never a lost write).

interface OutboxDb extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { queuedAt: number; byState: [string, number] } };
}

/**
 * How many outbox items stand in each state, read through an index without loading the items.
 *
 * @category Offline
 */
export type OutboxCounts = Record<OutboxItem['state'], number>;

const STATES = ['queued', 'sending', 'sent', 'needs_attention'] as const;
// Every key of one state in the `byState` index ([state, queuedAt]).
const ofState = (state: string) => IDBKeyRange.bound([state, -Infinity], [state, Infinity]);

/**
 * Options of {@link OutboxStore.open}.
 *
 * @category Offline
 */
export interface OutboxStoreOptions {
  /** The IndexedDB database's name; one per signed-in officer is wise. Default `blauw-outbox`. */
  name?: string | undefined;
  /** The clock, in ms since the epoch (default `Date.now`); tests pin it. */
  now?: (() => number) | undefined;
  /** How long a tab may hold an item it sends, in ms; longer than the transport's timeout. Default 30 s. */
  leaseMs?: number | undefined;
  /** The wait between attempts of one item. */
  backoff?: OutboxBackoff | undefined;
  /**
   * Encrypts the body of every write before it is stored, and decrypts it when the item is read
   * to be sent: give the officer's {@link DraftStore}, so the outbox keeps no text of a form at
   * rest. Without it, bodies are stored as they are.
   */
  sealer?: Sealer | undefined;
}

interface SealedBody {
  sealed: SealedValue;
}

const isSealed = (body: unknown): body is SealedBody =>
  typeof body === 'object' && body !== null && 'sealed' in body && (body as SealedBody).sealed.data instanceof ArrayBuffer;

/**
 * The writes a device has not delivered yet, kept in IndexedDB so they survive reloads, crashes
 * and restarts. It stores and moves items through their states; sending them is the drain's job.
 *
 * @example
 * ```ts
 * const outbox = await OutboxStore.open({ name: `blauw-outbox-${officerId}` });
 * await outbox.add({ kind: 'check-submission', request: { method: 'POST', path: 'check-submissions', body } });
 * const item = await outbox.claimNext('tab-1');
 * ```
 *
 * @category Offline
 */
export class OutboxStore {
  #gone = false;
  readonly #db: IDBPDatabase<OutboxDb>;
  readonly #now: () => number;
  readonly #leaseMs: number | undefined;
  readonly #backoff: OutboxBackoff | undefined;
  readonly #sealer: Sealer | undefined;

  readonly #name: string;

  private constructor(db: IDBPDatabase<OutboxDb>, name: string, options: OutboxStoreOptions) {
    this.#db = db;
    this.#name = name;
    this.#now = options.now ?? Date.now;
    this.#leaseMs = options.leaseMs;
    this.#backoff = options.backoff;
    this.#sealer = options.sealer;
  }

  /**
   * Opens (or creates) the outbox.
   *
   * @throws {ConfigurationError} where IndexedDB is not available (some private modes): the app
   *   must then say so and work online only.
   */
  static async open(options: OutboxStoreOptions = {}): Promise<OutboxStore> {
    // The store, once made: a deletion by another tab marks it gone.
    const opened: { store?: OutboxStore } = {};
    if ((globalThis as { indexedDB?: IDBFactory }).indexedDB === undefined) {
      throw new ConfigurationError('This browser keeps no offline storage here (IndexedDB is not available, as in some private modes): writes can only be sent online.');
    }
    const name = options.name ?? 'blauw-outbox';
    let db: IDBPDatabase<OutboxDb>;
    try {
      db = await openDB<OutboxDb>(name, 2, {
        upgrade(upgrading, oldVersion, _newVersion, transaction) {
          const items = oldVersion < 1 ? upgrading.createObjectStore('items', { keyPath: 'clientId' }) : transaction.objectStore('items');
          if (oldVersion < 1) items.createIndex('queuedAt', 'queuedAt');
          // The oldest queued and the oldest sending item, and the counts, without reading every
          // item: a drain of 1,000 writes read the whole outbox three times per write before.
          items.createIndex('byState', ['state', 'queuedAt']);
        },
        // A logout in another tab deletes the database: let go of it, or the deletion waits for us.
        blocking: (...args) => {
        closeOnVersionChange(...args);
        if (opened.store) opened.store.#gone = true;
      },
      });
    } catch (error) {
      throw new ConfigurationError(`The offline outbox "${name}" could not be opened: writes can only be sent online.`, { cause: error });
    }
    opened.store = new OutboxStore(db, name, options);
    return opened.store;
  }

  /** Queues a write; its client id and Idempotency-Key are made here unless given. */
  async add(init: Pick<OutboxItem, 'kind' | 'request'> & Partial<Pick<OutboxItem, 'clientId' | 'idempotencyKey' | 'ref'>>): Promise<OutboxItem> {
    const clientId = init.clientId ?? crypto.randomUUID();
    const body = this.#sealer === undefined ? init.request.body : { sealed: await this.#sealer.seal(clientId, init.request.body) };
    const tx = this.#db.transaction('items', 'readwrite');
    // Writes queued within one millisecond (a check's photos and the check) keep their order: the
    // index would otherwise order them by their random client ids.
    const newest = await tx.store.index('queuedAt').openCursor(null, 'prev');
    const now = this.#now();
    const at = Math.max(now, (newest?.value.queuedAt ?? -Infinity) + 0.001);
    const item: OutboxItem = queued(
      {
        kind: init.kind,
        request: { ...init.request, body },
        ...(init.ref === undefined ? {} : { ref: init.ref }),
        clientId,
        idempotencyKey: init.idempotencyKey ?? crypto.randomUUID(),
      },
      at,
    );
    item.notBefore = now;
    // `add`, not `put`: a client id queued twice is a bug of the caller, never a silent overwrite.
    await Promise.all([tx.store.add(item), tx.done]);
    return { ...item, request: init.request };
  }

  /**
   * Every item, in the order they were queued. With a `sealer`, their bodies stay encrypted (to
   * list states without decrypting every write): read one with {@link OutboxStore.get}.
   */
  async list(): Promise<OutboxItem[]> {
    return this.#db.getAllFromIndex('items', 'queuedAt');
  }

  /** One item by its client id. */
  async get(clientId: string): Promise<OutboxItem | undefined> {
    return this.#opened(await this.#db.get('items', clientId));
  }

  /**
   * Takes the next due item to send under `holder`'s lease, in one transaction; `undefined` when
   * none is due. `alone`: the caller holds the outbox's exclusive lock, so a lease another holder
   * left is taken over at once (see `isDue` in the outbox rules).
   */
  async claimNext(holder: string, alone = false): Promise<OutboxItem | undefined> {
    const tx = this.#db.transaction('items', 'readwrite');
    const now = this.#now();
    const next = nextDue(await this.#heads(tx.store.index('byState')), now, alone);
    const claimed = next && claim(next, holder, now, this.#leaseMs, alone);
    if (claimed) await tx.store.put(claimed);
    await tx.done;
    // Decrypted after the transaction: it would end while WebCrypto works (it awaits no request).
    return this.#opened(claimed);
  }

  /** How many items stand in each state. */
  async counts(): Promise<OutboxCounts> {
    const tx = this.#db.transaction('items');
    const index = tx.store.index('byState');
    const [queued, sending, sent, needsAttention] = await Promise.all(STATES.map((state) => index.count(ofState(state))));
    await tx.done;
    return { queued: queued!, sending: sending!, sent: sent!, needs_attention: needsAttention! };
  }

  // The oldest queued and the oldest sending item: the rules pick the head among them.
  async #heads(index: { get(query: IDBKeyRange): Promise<OutboxItem | undefined> }): Promise<OutboxItem[]> {
    const [queued, sending] = await Promise.all([index.get(ofState('queued')), index.get(ofState('sending'))]);
    return [queued, sending].filter((item): item is OutboxItem => item !== undefined);
  }

  /** Records what came of `holder`'s attempt; returns the item as it now stands. */
  async settle(clientId: string, holder: string, result: AttemptResult): Promise<OutboxItem | undefined> {
    return this.#update(clientId, (item) => settle(item, holder, result, this.#now(), this.#backoff));
  }

  /** The officer sends a parked item again. */
  requeue(clientId: string): Promise<OutboxItem | undefined> {
    return this.#update(clientId, (item) => requeue(item, this.#now()));
  }

  /** Forgets a delivered item (after the app has shown it as sent). Refuses to forget one that is not. */
  async remove(clientId: string): Promise<void> {
    const tx = this.#db.transaction('items', 'readwrite');
    const item = await tx.store.get(clientId);
    if (item && item.state !== 'sent') throw new Error(`Outbox item ${clientId} is ${item.state}, not sent: it stays.`);
    if (item) await tx.store.delete(clientId);
    await tx.done;
  }

  /**
   * Takes parked items back out of the outbox, all in one transaction: the officer corrects what
   * was refused and queues it anew (under new client ids). Refuses, and takes none, when one of
   * them is not parked: a queued, sending or sent write may reach (or have reached) the server.
   */
  async withdraw(...clientIds: string[]): Promise<void> {
    const tx = this.#db.transaction('items', 'readwrite');
    const items = await Promise.all(clientIds.map((clientId) => tx.store.get(clientId)));
    const moving = items.find((item) => item !== undefined && item.state !== 'needs_attention');
    if (moving === undefined) await Promise.all(clientIds.map((clientId) => tx.store.delete(clientId)));
    await tx.done;
    if (moving !== undefined) throw new Error(`Outbox item ${moving.clientId} is ${moving.state}, not parked: it stays.`);
  }

  /** When the drain should look again (ms since the epoch), or `undefined`. */
  async nextWake(): Promise<number | undefined> {
    const tx = this.#db.transaction('items');
    const heads = await this.#heads(tx.store.index('byState'));
    await tx.done;
    return nextWake(heads);
  }

  /** Empties the outbox. */
  async clear(): Promise<void> {
    await this.#db.clear('items');
  }

  /** How many writes have not been delivered yet (queued, sending or parked): warn before a logout. */
  async unsent(): Promise<number> {
    const { queued, sending, needs_attention } = await this.counts();
    return queued + sending + needs_attention;
  }

  /**
   * Logout: deletes the outbox's database with every item, sent or not; the store is closed. Ask
   * {@link OutboxStore.unsent} first and warn the officer: unsent writes are lost.
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

  async #opened(item: OutboxItem | undefined): Promise<OutboxItem | undefined> {
    if (item === undefined || this.#sealer === undefined || !isSealed(item.request.body)) return item;
    return { ...item, request: { ...item.request, body: await this.#sealer.open(item.clientId, item.request.body.sealed) } };
  }

  async #update(clientId: string, change: (item: OutboxItem) => OutboxItem): Promise<OutboxItem | undefined> {
    const tx = this.#db.transaction('items', 'readwrite');
    const item = await tx.store.get(clientId);
    const next = item && change(item);
    if (next && next !== item) await tx.store.put(next);
    await tx.done;
    return next;
  }
}
