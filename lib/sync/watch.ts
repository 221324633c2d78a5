import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { AppDB } from '../db/app-db';

/**
 * What changed in the records that travel, noted as the background writes them (a Dexie middleware: the background
 * is the only writer), so that a push reads again only the rows that changed, not 2,000 people. Per store: the keys
 * written, or 'all' when a write cannot name them (a store cleared, a range deleted).
 */
export type Changed = Record<WatchedStore, Set<string> | 'all'>;
export type WatchedStore = 'people' | 'groups' | 'settings' | 'contacts' | 'tombstones';

/** The stores watched, and where each row's key is. */
const STORES: Record<string, { name: WatchedStore; key: string }> = {
  people: { name: 'people', key: 'email' },
  groups: { name: 'groups', key: 'id' },
  settings: { name: 'settings', key: 'name' },
  interactions: { name: 'contacts', key: 'key' },
  tombstones: { name: 'tombstones', key: 'key' },
};

const nothing = (): Changed => ({
  people: new Set(),
  groups: new Set(),
  settings: new Set(),
  contacts: new Set(),
  tombstones: new Set(),
});

export interface WriteWatch {
  /** What changed since the last call. */
  take(): Changed;
  /**
   * Calls `listener` with the store's name at every write to a watched store, as the write is made (before it is
   * committed). Returns the function that stops it.
   */
  listen(listener: (store: WatchedStore) => void): () => void;
}

/** Watches `db`'s writes. Call before the database opens (Dexie builds its middleware then). */
export function watchWrites(db: AppDB): WriteWatch {
  let changed = nothing();
  const listeners = new Set<(store: WatchedStore) => void>();
  const note = (store: { name: WatchedStore; key: string }, req: DBCoreMutateRequest) => {
    const set = changed[store.name];
    if (set === 'all') return;
    let keys: unknown[] | null = null;
    if ((req.type === 'add' || req.type === 'put') && !('criteria' in req && req.criteria)) {
      keys = req.keys ?? req.values.map((v) => (v as Record<string, unknown>)?.[store.key]);
    } else if (req.type === 'delete' && !req.criteria) keys = req.keys;
    if (keys === null || keys.some((k) => typeof k !== 'string')) {
      changed[store.name] = 'all';
      return;
    }
    for (const key of keys as string[]) {
      // Of the interactions, only the contacts logged by hand travel.
      if (store.name !== 'contacts' || key.startsWith('manual:')) set.add(key);
    }
  };
  db.use({
    stack: 'dbcore',
    name: 'bridges-sync-watch',
    create(down) {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          const store = STORES[name];
          if (!store) return table;
          return {
            ...table,
            mutate(req) {
              note(store, req);
              for (const listener of listeners) listener(store.name);
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
  return {
    take() {
      const out = changed;
      changed = nothing();
      return out;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
