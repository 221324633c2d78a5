import type { AppDB } from '../db/app-db';
import { getSetting, setSetting } from '../settings';

/**
 * Deletes every record in one transaction (meetings booked ahead too), and what was remembered as deleted (nothing is left to tell other
 * browsers about). The caller resets the settings and this browser's sync.
 */
export async function deleteAllRecords(db: AppDB): Promise<void> {
  await db.transaction('rw', [db.people, db.interactions, db.upcoming, db.groups, db.tombstones], async () => {
    await Promise.all([
      db.people.clear(),
      db.interactions.clear(),
      db.upcoming.clear(),
      db.groups.clear(),
      db.tombstones.clear(),
    ]);
  });
}

/**
 * Deletes every setting, the feed's secret address too (syncing is off) and what it last saw, so that turning it on
 * again logs the meetings anew; and clicks kept while a restore was written. Only when Bridges was installed is
 * kept (no reminder is caught up from before it). The caller moves the reminder's alarm and clears the badge.
 */
export async function deleteAllSettings(db: AppDB): Promise<void> {
  await db.transaction('rw', db.settings, db.heldClicks, async () => {
    const state = await getSetting(db, 'reminderState');
    await db.settings.clear();
    await db.heldClicks.clear();
    await setSetting(db, 'reminderState', { ...state, lastFiredWeek: null, active: false });
  });
}
