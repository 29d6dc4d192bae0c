import type { CheckAssignment } from '@blauw/core';

// The part of `FieldDevice` (@blauw/core, offline/field-device.ts) that the check list uses,
// declared here as a structural type so the widget does not wait on it: a `FieldDevice` fits it
// as it is. These types move to the core's own exports once that lands.

/**
 * Where an assignment's work on this device stands: `draft` saved on this device, not sent;
 * `waiting` queued, waiting for the network; `sending`; `sent`; `needs_attention` refused by the
 * server, the officer must look.
 *
 * @category Field checks
 */
export type CheckSyncState = 'draft' | 'waiting' | 'sending' | 'sent' | 'needs_attention';

/**
 * The officer's assignments as the device has them.
 *
 * @category Field checks
 */
export interface AssignmentsSnapshot {
  /** The assignments. */
  items: CheckAssignment[];
  /** When this list was fetched from the server, in milliseconds since the epoch. */
  savedAt: number;
  /** Whether it comes from the device's encrypted cache, because the network was not there. */
  fromCache: boolean;
}

/**
 * What `<blauw-check-list>` needs from the officer's device (a `FieldDevice` from `@blauw/core`).
 * Fires `change` when drafts or the outbox change, also when another tab changed them.
 *
 * @category Field checks
 */
export interface CheckListDevice extends EventTarget {
  /**
   * The officer's assignments: from the network first; offline, from the device's encrypted cache
   * (`fromCache: true`); throws a `BlauwError` when offline with nothing cached.
   */
  assignments(options?: { signal?: AbortSignal }): Promise<AssignmentsSnapshot>;
  /** The sync state of what the device holds, by assignment id; an assignment without an entry has nothing on the device. */
  syncStates(): Promise<Map<string, CheckSyncState>>;
}
