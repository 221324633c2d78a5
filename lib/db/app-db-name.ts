/** The name of the extension's database (its own module, so that code reading it raw need not load Dexie). */
export const DB_NAME = 'bridges';

/** The schema version of this release (lib/db/app-db.ts): IndexedDB reports it times ten, as Dexie opens it. */
export const DB_VERSION = 7;
