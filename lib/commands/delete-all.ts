import * as v from 'valibot';
import { deleteAllRecords, deleteAllSettings } from '../data/delete-all';
import { command } from './command';
import { causeOf } from './failure';

/**
 * Delete every person, meeting, contact, group and setting, the calendar feed's address included. The page asks the
 * user to type DELETE first, and, when sync across browsers is on, whether to delete on every browser too. Sync
 * stops here first (else the next sync would bring everything back); asked to, it first leaves the other browsers
 * the word to delete everything too. The records go in one transaction (all or none); the settings after them, in
 * one call. If the settings cannot be removed, or the other browsers could not be told, the answer says so: the
 * records are gone all the same.
 */
export const deleteAll = command({
  from: ['page'],
  input: v.strictObject({
    confirm: v.literal('DELETE', 'Type DELETE to confirm.'),
    everywhere: v.optional(v.boolean(), false),
  }),
  recount: true,
  async run(db, { everywhere }, ctx) {
    let everywhereProblem: string | null = null;
    try {
      if (everywhere) await ctx.sync.wipeEverywhere();
      else await ctx.sync.turnOff();
    } catch (error) {
      everywhereProblem = causeOf(error);
      await ctx.sync.turnOff().catch(() => undefined);
    }
    await deleteAllRecords(db);
    try {
      await deleteAllSettings(db);
      await ctx.reminders.reschedule();
      await ctx.reminders.markSeen();
    } catch (error) {
      return { ok: true, settingsProblem: causeOf(error), everywhereProblem } as const;
    }
    return { ok: true, settingsProblem: null, everywhereProblem } as const;
  },
});
