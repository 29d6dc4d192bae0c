/**
 * Deletes an IndexedDB database (logout). When another tab still has it open, the browser deletes
 * it once that tab closes it; nothing to wait for here.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}.`));
    request.onblocked = () => resolve();
  });
}

/**
 * An `openDB` `blocking` callback: closes this tab's connection when another tab deletes or
 * upgrades the database, which would otherwise wait until this tab is closed.
 *
 * @internal
 */
export function closeOnVersionChange(_current: number, _blocked: number | null, event: IDBVersionChangeEvent): void {
  (event.target as IDBDatabase).close();
}
