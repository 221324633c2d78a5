import { DB_NAME } from '../db/app-db-name';
import type { Group, Person } from '../db/types';
import { POPUP_SETTINGS, SETTING_FALLBACKS, SETTING_KEYS, type Settings } from '../settings-schema';

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
export async function readPopupSnapshot(area: StorageArea = extensionStorage()): Promise<PopupData> {
  const keys = POPUP_SETTINGS.map((name) => SETTING_KEYS[name].slice('local:'.length));
  const [stores, raw] = await Promise.all([readStores(), area.get(keys)]);
  const settings = {} as Record<string, unknown>;
  for (const [i, name] of POPUP_SETTINGS.entries()) settings[name] = raw[keys[i] ?? ''] ?? SETTING_FALLBACKS[name];
  return { ...stores, settings: settings as PopupData['settings'] };
}

/** The one storage call the snapshot makes. */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/**
 * The extension's local storage straight from the browser, without the polyfill: Chrome's MV3 and Firefox's
 * storage.local.get both return promises, and this script must stay tiny. Everything else in the extension
 * goes through wxt/browser.
 */
function extensionStorage(): StorageArea {
  const api = globalThis as unknown as {
    browser?: { storage?: { local: StorageArea } };
    chrome?: { storage?: { local: StorageArea } };
  };
  const local = api.browser?.storage?.local ?? api.chrome?.storage?.local;
  if (!local) throw new Error('No extension storage here.');
  return local;
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
