import * as v from 'valibot';
import { command } from './command';

/**
 * Remove Bridges' items from the browser's sync (every browser then stops syncing; each keeps what it holds), and
 * stop sync here.
 */
export const forgetSyncedData = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false,
  async run(_db, _input, ctx) {
    await ctx.sync.forget();
    return { ok: true } as const;
  },
});
