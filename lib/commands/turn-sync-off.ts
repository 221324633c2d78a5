import * as v from 'valibot';
import { command } from './command';

/** Stop sync across browsers on this browser: its key is forgotten; the other browsers go on syncing. */
export const turnSyncOff = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false,
  async run(_db, _input, ctx) {
    await ctx.sync.turnOff();
    return { ok: true } as const;
  },
});
