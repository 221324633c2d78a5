import * as v from 'valibot';
import { deleteAllRecords } from '../data/delete-all';
import { getSetting, setSetting } from '../settings';
import { command } from './command';
import { causeOf } from './failure';

/**
 * Delete every person, meeting, contact, group and setting, the calendar feed's address included. The page asks the user to type DELETE first. The
 * records go in one transaction (all or none); the settings after them, in one call. If the settings cannot
 * be removed, the answer says so: the records are gone all the same.
 */
export const deleteAll = command({
  from: ['page'],
  input: v.strictObject({ confirm: v.literal('DELETE', 'Type DELETE to confirm.') }),
  writes: true,
  async run(db, _input, ctx) {
    await deleteAllRecords(db);
    try {
      // Every setting goes, the feed's secret address too (syncing is off) and what it last saw, so that turning
      // it on again logs the meetings anew; and clicks kept while a restore was written. Only when Bridges was
      // installed is kept (no reminder is caught up from before it); the badge clears.
      await db.transaction('rw', db.settings, db.heldClicks, async () => {
        const state = await getSetting(db, 'reminderState');
        await db.settings.clear();
        await db.heldClicks.clear();
        await setSetting(db, 'reminderState', { ...state, lastFiredWeek: null, active: false });
      });
      await ctx.reminders.reschedule();
      await ctx.reminders.markSeen();
    } catch (error) {
      return { ok: true, settingsProblem: causeOf(error) } as const;
    }
    return { ok: true, settingsProblem: null } as const;
  },
});
