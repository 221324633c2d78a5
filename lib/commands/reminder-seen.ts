import * as v from 'valibot';
import { command } from './command';

/** The popup was opened: the week's reminder has been seen, the badge clears until next week. */
export const reminderSeen = command({
  from: ['page'],
  input: v.strictObject({}),
  writes: false,
  async run(_db, _input, ctx) {
    await ctx.reminders.markSeen();
    return { ok: true } as const;
  },
});
