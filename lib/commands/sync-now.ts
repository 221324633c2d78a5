import * as v from 'valibot';
import { command } from './command';

/** Sync across browsers now: read what the others wrote, write what changed here. */
export const syncNow = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false, // a merge recounts the reminder itself
  run: (_db, _input, ctx) => ctx.sync.syncNow(),
});
