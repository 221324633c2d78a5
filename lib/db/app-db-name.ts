/** The name of the extension's database (its own module, so that code reading it raw need not load Dexie). */
export const DB_NAME = 'bridges';
