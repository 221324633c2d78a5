import { DB_NAME } from '../db/app-db-name';
import type { Group, Person } from '../db/types';
import { POPUP_SETTINGS, type Settings } from '../settings-schema';
import { readSettings, type StorageArea } from '../settings-snapshot';

export interface PopupData {
  people: Person[];
  groups: Group[];
  settings: Pick<Settings, (typeof POPUP_SETTINGS)[number]>;
}

/**
 * Everything the popup's first paint needs, read as fast as the browser can: one IndexedDB getAll() of people
 * (and of the few groups) straight from the store Dexie keeps, and three settings, all at once. It runs in
 * a small script that starts before the popup's own code has loaded; Dexie's live queries take over after
 * the first paint. It never creates the database: before the first meeting is logged there is none.
 */
export async function readPopupSnapshot(area?: StorageArea): Promise<PopupData> {
  const [stores, settings] = await Promise.all([readStores(), readSettings(POPUP_SETTINGS, area)]);
  return { ...stores, settings };
}

async function readStores(): Promise<{ people: Person[]; groups: Group[] }> {
  const empty = { people: [], groups: [] };
  // Opening a database that is not there would create it: before the first meeting there is nothing to read.
  if (!(await indexedDB.databases()).some((d) => d.name === DB_NAME)) return empty;
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME);
    request.onupgradeneeded = () => request.transaction?.abort(); // deleted meanwhile: leave creating it to Dexie
    request.onerror = () => resolve(empty);
    request.onsuccess = () => {
      const db = request.result;
      const names = ['people', 'groups'].filter((n) => db.objectStoreNames.contains(n));
      if (!names.includes('people')) {
        db.close();
        resolve(empty);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      const people = tx.objectStore('people').getAll();
      const groups = names.includes('groups') ? tx.objectStore('groups').getAll() : null;
      tx.oncomplete = () => {
        db.close();
        resolve({ people: people.result as Person[], groups: (groups?.result ?? []) as Group[] });
      };
      tx.onerror = () => {
        db.close();
        resolve(empty);
      };
    };
  });
}
