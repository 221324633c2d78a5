import * as v from 'valibot';
import { sweepUpcoming } from '../logging/upcoming';
import { command } from './command';

/** The popup was opened: the week's reminder has been seen, the badge clears until next week. */
export const reminderSeen = command({
  from: ['page'],
  input: v.strictObject({}),
  recount: false,
  async run(db, _input, ctx) {
    // Whom to count as booked is brought up to date as the popup opens (a meeting may have passed meanwhile).
    await sweepUpcoming(db, ctx.now);
    await ctx.reminders.markSeen();
    return { ok: true } as const;
  },
});
