/**
 * The browser's sync storage limits (Chrome's `storage.sync`; Firefox has the same total and per-item limits). Over
 * any of them the browser refuses the call, with the limit's name in its message.
 */
export const SYNC_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

/**
 * What one generation of Bridges' data may take in the browser's sync, all items counted. The rest of the quota is
 * room for the next generation's changed sections, written beside the old ones before those are removed (a reader
 * always finds a whole generation).
 */
export const SYNC_BUDGET = 90_000;

/** The writes Bridges allows itself, under the browser's: a margin for the browser's own count to differ. */
export const WRITES_PER_MINUTE = SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE - 20;
export const WRITES_PER_HOUR = SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR - 100;

/** How long something deleted is remembered, so that a browser not opened for weeks still deletes it too. */
export const TOMBSTONE_MS = 90 * 86_400_000;

/** Quiet time after a change here before it is written (several edits in a row make one write). */
export const PUSH_AFTER_MS = 5_000;
/** Quiet time after the browser delivers a change before it is read (its items arrive one by one). */
export const PULL_AFTER_MS = 1_000;
/**
 * How long a generation whose sections have not all arrived is waited for before this browser writes those sections
 * again from what it holds (the writer may have lost a race, or be gone).
 */
export const REPAIR_AFTER_MS = 30 * 60_000;
