import type { CheckDevice } from '../shared/field-device.js';

/**
 * The part of the officer's device (`FieldDevice` of `@blauw/core`) that `<blauw-check-list>`
 * uses: the assignments (cached for offline use), the sync state of each, what its storage allows,
 * and its `change` event.
 *
 * @category Field checks
 */
export type CheckListDevice = Pick<CheckDevice, 'assignments' | 'syncStates' | 'storage' | 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;
