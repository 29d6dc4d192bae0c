import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askPersistentStorage, storageStatus } from './storage-status.js';

/** A storage manager that says what the test tells it, and counts requests for persistence. */
function storage(state: { usage?: number; quota?: number; persisted?: boolean; grants?: boolean }) {
  const asked = { count: 0 };
  return {
    asked,
    estimate: async (): Promise<StorageEstimate> => ({
      ...(state.usage === undefined ? {} : { usage: state.usage }),
      ...(state.quota === undefined ? {} : { quota: state.quota }),
    }),
    persisted: async () => state.persisted ?? false,
    persist: async () => {
      asked.count += 1;
      state.persisted = state.grants ?? false;
      return state.persisted;
    },
  };
}

describe('the storage status', () => {
  it('warns once the outbox and drafts use 90 % of the quota, or the share asked for', async () => {
    assert.equal((await storageStatus({ storage: storage({ usage: 899, quota: 1000 }) })).nearlyFull, false);
    const full = await storageStatus({ storage: storage({ usage: 900, quota: 1000, persisted: true }) });
    assert.deepEqual(full, { available: true, persisted: true, usage: 900, quota: 1000, nearlyFull: true });
    assert.equal((await storageStatus({ warnAt: 0.5, storage: storage({ usage: 500, quota: 1000 }) })).nearlyFull, true);
  });

  it('does not warn when the browser gives no figures', async () => {
    assert.equal((await storageStatus({ storage: storage({}) })).nearlyFull, false);
    assert.equal((await storageStatus({ storage: storage({ usage: 10, quota: 0 }) })).nearlyFull, false);
  });

  it('asks for persistence only when the storage is not persistent yet, and says what the browser decided', async () => {
    const granted = storage({ grants: true });
    assert.equal(await askPersistentStorage({ storage: granted }), true);
    assert.equal(await askPersistentStorage({ storage: granted }), true);
    assert.equal(granted.asked.count, 1, 'asked once');
    assert.equal(await askPersistentStorage({ storage: storage({ grants: false }) }), false);
  });

  it('reports no storage where the API is missing (Node has no navigator.storage)', async () => {
    assert.deepEqual(await storageStatus(), { available: false, persisted: false, usage: undefined, quota: undefined, nearlyFull: false });
    assert.equal(await askPersistentStorage(), false);
  });
});
