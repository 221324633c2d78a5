import { DB_NAME } from '../db/app-db-name';
import type { Group, Person, SettingRow } from '../db/types';
import { POPUP_SETTINGS, type Settings } from '../settings-schema';
import { popupSettingsFromRows } from './settings';

export interface PopupData {
  people: Person[];
  groups: Group[];
  settings: Pick<Settings, (typeof POPUP_SETTINGS)[number]>;
}

/**
 * Everything the popup's first paint needs, read as fast as the browser can: in one IndexedDB transaction, a
 * getAll() of people (and of the few groups) straight from the stores Dexie keeps, and the three settings it
 * needs, checked as every read of a setting is. It runs in a small script that starts before the popup's own
 * code has loaded; Dexie's live queries take over after the first paint. It never creates the database (the
 * background does, at its start).
 */
export async function readPopupSnapshot(): Promise<PopupData> {
  const { people, groups, settings } = await readStores();
  return { people, groups, settings: popupSettingsFromRows(settings) };
}

async function readStores(): Promise<{ people: Person[]; groups: Group[]; settings: (SettingRow | undefined)[] }> {
  const empty = { people: [], groups: [], settings: [] };
  // Opening a database that is not there would create it: before the first meeting there is nothing to read.
  if (!(await indexedDB.databases()).some((d) => d.name === DB_NAME)) return empty;
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME);
    request.onupgradeneeded = () => request.transaction?.abort(); // deleted meanwhile: leave creating it to Dexie
    request.onerror = () => resolve(empty);
    request.onsuccess = () => {
      const db = request.result;
      const names = ['people', 'groups', 'settings'].filter((n) => db.objectStoreNames.contains(n));
      if (!names.includes('people')) {
        db.close();
        resolve(empty);
        return;
      }
      const tx = db.transaction(names, 'readonly');
      const people = tx.objectStore('people').getAll();
      const groups = names.includes('groups') ? tx.objectStore('groups').getAll() : null;
      const settings = names.includes('settings')
        ? POPUP_SETTINGS.map((name) => tx.objectStore('settings').get(name))
        : [];
      tx.oncomplete = () => {
        db.close();
        resolve({
          people: people.result as Person[],
          groups: (groups?.result ?? []) as Group[],
          settings: settings.map((r) => r.result as SettingRow | undefined),
        });
      };
      tx.onerror = () => {
        db.close();
        resolve(empty);
      };
    };
  });
}
