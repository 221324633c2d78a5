import Dexie from 'dexie';

/** Opens `name` at `version` with `stores` and puts `rows` in, as an older release of Bridges would have. */
export async function seedVersion(
  name: string,
  version: number,
  stores: Record<string, string>,
  rows: Record<string, unknown[]>,
): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, items] of Object.entries(rows)) await old.table(table).bulkAdd(items);
  old.close();
}
