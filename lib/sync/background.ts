import { browser } from 'wxt/browser';
import { deleteAllRecords, deleteAllSettings } from '../data/delete-all';
import type { AppDB } from '../db/app-db';
import { createSync, SYNC_ALARM, type SyncArea, type SyncDeps } from './engine';
import type { WriteWatch } from './watch';

export { SYNC_ALARM };

interface Reminders {
  refresh(): Promise<void>;
  reschedule(): Promise<void>;
  markSeen(): Promise<void>;
}

/**
 * The sync service as the background runs it: over the browser's `storage.sync`, woken by an alarm, recounting the
 * reminder after a merge; "delete everything on every browser" from another browser deletes everything here.
 */
export function createBrowserSync(db: AppDB, watch: WriteWatch, reminders: Reminders, record?: SyncDeps['record']) {
  return createSync(db, {
    area: browser.storage.sync as unknown as SyncArea,
    watch,
    now: Date.now,
    alarm: (when) => browser.alarms.create(SYNC_ALARM, { when }),
    merged: () => reminders.refresh(),
    async wipe() {
      await deleteAllRecords(db);
      await deleteAllSettings(db);
      await reminders.reschedule();
      await reminders.markSeen();
    },
    record,
  });
}
