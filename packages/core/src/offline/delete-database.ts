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
