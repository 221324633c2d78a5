import { DB_NAME, DB_VERSION } from './app-db-name';

/**
 * Waits until the database is there at this release's version before a page opens it: when it is missing or
 * older, asks the background to open it (`ask`, the openDatabase command), which creates and upgrades it. So
 * upgrades run in the background's start, never in whichever page happens to open first.
 */
export async function databaseReady(ask: () => Promise<unknown>): Promise<void> {
  const found = (await indexedDB.databases()).find((d) => d.name === DB_NAME);
  if (found?.version === DB_VERSION * 10) return;
  await ask();
}
