import { STATE_ROW, type SyncState, stateFromRow } from '../sync/status';
import type { AppDB } from './app-db';
import { DB_NAME } from './app-db-name';
import type { Group, Interaction, Person, SettingRow } from './types';

/**
 * Every read the pages make of the database, each named once: pages and their hooks call these (once, or live
 * through lib/ui/use-live-query.ts) and never a table themselves (tests/architecture.test.ts). The background's
 * services read for themselves, inside their own transactions. Settings are checked on every read: pages take
 * them from useSettings (lib/ui/use-settings.ts) or lib/settings.ts, which read their rows here.
 */

/** Everyone in the log. */
export function allPeople(db: AppDB): Promise<Person[]> {
  return db.people.toArray();
}

/** The people with these addresses, in their order (undefined for one not in the log). */
export function peopleByEmail(db: AppDB, emails: readonly string[]): Promise<Array<Person | undefined>> {
  return db.people.bulkGet([...emails]);
}

export function allGroups(db: AppDB): Promise<Group[]> {
  return db.groups.toArray();
}

/** The meetings and contacts that started after `since`, everyone's: an index range, not a scan of them all. */
export function meetingsSince(db: AppDB, since: number): Promise<Interaction[]> {
  return db.interactions.where('start').above(since).toArray();
}

/** Every meeting and contact with any of these people: an index lookup per person, not a scan of all meetings. */
export function meetingsWith(db: AppDB, emails: readonly string[]): Promise<Interaction[]> {
  return db.interactions.where('people').anyOf(emails).toArray();
}

/** Every meeting and contact with one person, newest first. */
export function timelineOf(db: AppDB, email: string): Promise<Interaction[]> {
  return db.interactions.where('people').equals(email).reverse().sortBy('start');
}

/** Every meeting and contact, oldest first. */
export function allMeetingsByStart(db: AppDB): Promise<Interaction[]> {
  return db.interactions.orderBy('start').toArray();
}

/** Whether this browser logged any meeting of its own (not only contacts that came from the user's other browsers). */
export async function hasMeetingsOfItsOwn(db: AppDB): Promise<boolean> {
  return (await db.interactions.filter((i) => i.source !== 'manual').first()) !== undefined;
}

/** The rows of these settings, in their order, unchecked: lib/settings-read.ts checks them. */
export function settingRows(db: AppDB, names: readonly string[]): Promise<Array<SettingRow | undefined>> {
  return db.settings.bulkGet([...names]);
}

/** Where this browser's sync across browsers stands (off when it was never turned on here). */
export async function syncState(db: AppDB): Promise<SyncState> {
  return stateFromRow(await db.sync.get(STATE_ROW));
}

export interface FirstPaintRows {
  people: Person[];
  groups: Group[];
  /** The rows of the settings asked for, in their order; none when the store is not there yet. */
  settings: Array<SettingRow | undefined>;
}

/**
 * The popup's first paint, read as fast as the browser can: in one IndexedDB transaction, a getAll() of people
 * (and of the few groups) straight from the stores Dexie keeps, and the rows of the settings named, without
 * loading Dexie. It never creates the database (the background does, at its start): before the first meeting,
 * or when the database cannot be read, it reads nothing. The database is opened at once; the rows are read only
 * once `wanted` says yes (the popup asks at the same time whether a kept first screen makes them unneeded), and
 * with a no, nothing is read.
 */
export function readFirstPaintRows(
  settingNames: readonly string[],
  wanted: Promise<boolean> = Promise.resolve(true),
): Promise<FirstPaintRows> {
  const empty = { people: [], groups: [], settings: [] };
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME);
    // Not there (before the background's first start, or deleted meanwhile): opening it would create it, so the
    // creation is aborted, which leaves no database behind, and there is nothing to read. Asking the browser for
    // its list of databases first would cost every open a round trip before the read.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(empty);
    request.onsuccess = async () => {
      const db = request.result;
      if (!(await wanted)) {
        db.close();
        resolve(empty);
        return;
      }
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
        ? settingNames.map((name) => tx.objectStore('settings').get(name))
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
