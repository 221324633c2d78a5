import * as v from 'valibot';
import { command } from './command';

/**
 * A page found the database missing or at an older version: the background opens it (its start already has;
 * every command waits for that), so that upgrades run in the background and never in whichever page opens
 * first. Answers the version the database is at.
 */
export const openDatabase = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false,
  async run(db) {
    if (!db.isOpen()) await db.open();
    return { version: db.verno };
  },
});
