// What the device's storage allows the outbox and the drafts: whether the browser keeps them for
// good or may evict them, how much room is used and left, and whether to warn before it runs out.
//
// Browsers may evict "best-effort" storage of a site under pressure, and Safari deletes script-
// written storage of a site not used for 7 days (its Intelligent Tracking Prevention) unless the
// site is installed to the home screen; Chromium and Firefox keep persisted storage until the
// user clears it. Ask for persistence once the officer signs in, and keep unsent work short-lived.

/**
 * The device's storage as far as the outbox and drafts are concerned.
 *
 * @category Offline
 */
export interface StorageStatus {
  /** Whether the browser offers the Storage API here (`navigator.storage`). */
  available: boolean;
  /** Whether the site's storage is persistent (not evicted under pressure). */
  persisted: boolean;
  /** Bytes used, when the browser says. */
  usage: number | undefined;
  /** Bytes the site may use, when the browser says. */
  quota: number | undefined;
  /** Whether the used share passed `warnAt`: time to send or remove work before writes fail. */
  nearlyFull: boolean;
}

type StorageLike = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;

const storageOf = (given: StorageLike | undefined): StorageLike | undefined =>
  given ?? (globalThis.navigator as Navigator | undefined)?.storage;

/**
 * Reads the storage's state; `warnAt` is the share of the quota (0 to 1, default 0.9) past which
 * `nearlyFull` is true.
 *
 * @example
 * ```ts
 * const { nearlyFull, usage, quota } = await storageStatus();
 * if (nearlyFull) showWarning(usage, quota);
 * ```
 *
 * @category Offline
 */
export async function storageStatus(options: { warnAt?: number; storage?: StorageLike } = {}): Promise<StorageStatus> {
  const storage = storageOf(options.storage);
  if (storage === undefined) return { available: false, persisted: false, usage: undefined, quota: undefined, nearlyFull: false };
  const [persisted, { usage, quota }] = await Promise.all([storage.persisted(), storage.estimate()]);
  const warnAt = options.warnAt ?? 0.9;
  const nearlyFull = usage !== undefined && quota !== undefined && quota > 0 && usage / quota >= warnAt;
  return { available: true, persisted, usage, quota, nearlyFull };
}

/**
 * Asks the browser to keep the site's storage for good (it may ask the user, or decide by how
 * the site is used); resolves with whether it is persistent now. `false` where the API is missing.
 *
 * @category Offline
 */
export async function askPersistentStorage(options: { storage?: StorageLike } = {}): Promise<boolean> {
  const storage = storageOf(options.storage);
  if (storage === undefined) return false;
  return (await storage.persisted()) || storage.persist();
}
