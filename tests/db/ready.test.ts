import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB, SCHEMA_V4 } from '../../lib/db/app-db';
import { DB_NAME } from '../../lib/db/app-db-name';
import { databaseReady } from '../../lib/db/ready';
import { withUpgrades } from '../../lib/db/upgrades';
import { seedVersion } from '../helpers/db';

// The database is created and upgraded by the background's start, never by whichever page opens first: a page
// that finds it missing or older asks the background (the openDatabase command) before it opens it.
afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

describe('a page opening the database', () => {
  it('asks the background when there is no database yet', async () => {
    const ask = vi.fn(async () => undefined);
    await databaseReady(ask);
    expect(ask).toHaveBeenCalledOnce();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME); // the page created nothing
  });

  it('asks the background when the database is at an older version, and leaves it as it is', async () => {
    await seedVersion(DB_NAME, 4, SCHEMA_V4, { people: [{ email: 'p@x.example' }] });
    const ask = vi.fn(async () => undefined);
    await databaseReady(ask);
    expect(ask).toHaveBeenCalledOnce();
    expect((await indexedDB.databases()).find((d) => d.name === DB_NAME)?.version).toBe(40);
  });

  it('opens at once when the background has opened it at this version', async () => {
    const background = withUpgrades(new AppDB(DB_NAME));
    await background.open();
    const ask = vi.fn(async () => undefined);
    await databaseReady(ask);
    expect(ask).not.toHaveBeenCalled();
    background.close();
  });
});
