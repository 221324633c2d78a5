import type { AppDB } from '../db/app-db';

/** Deletes every record in one transaction. The caller resets the settings (they live in extension storage). */
export async function deleteAllRecords(db: AppDB): Promise<void> {
  await db.transaction('rw', db.people, db.interactions, db.groups, async () => {
    await Promise.all([db.people.clear(), db.interactions.clear(), db.groups.clear()]);
  });
}
