/** Each figure the benchmark reports, with its budget (the issue that set it) and which way is better. */
export const BUDGETS: Record<string, { budget: number; unit: string }> = {
  'log.clickToStoredMs': { budget: 50, unit: 'ms' },
  'content.mutationBatchMs': { budget: 0.1, unit: 'ms' },
  'bundle.contentGzKB': { budget: 20, unit: 'KB' },
  'popup.ratio': { budget: 1.35, unit: 'x floor' },
  'rank.ms': { budget: 5, unit: 'ms' },
  'bundle.popupFirstPaintGzKB': { budget: 20, unit: 'KB' },
  'bundle.popupGzKB': { budget: 60, unit: 'KB' },
  'popup.heapMB': { budget: 15, unit: 'MB' },
  'backup.ratio': { budget: 2.0, unit: 'x floor' },
  'restore.ratio': { budget: 2.0, unit: 'x floor' },
  'restore.indexedRatio': { budget: 1.3, unit: 'x indexed floor' },
  'ics.linearity': { budget: 1.3, unit: 'x (50k / 5k)' },
  'ics.ratio': { budget: 2.5, unit: 'x floor' },
  'feed.syncMs': { budget: 300, unit: 'ms (on top of the parse)' },
  // Issue 17: sync across browsers at the heavy user's size. The first pull's budget is ours (none was set): a
  // new browser's whole read and merge within a second.
  'sync.bytes': { budget: 90_000, unit: 'bytes' },
  'sync.pushMs': { budget: 50, unit: 'ms (on top of the write)' },
  'sync.firstPullMs': { budget: 1_000, unit: 'ms' },
};
