import * as v from 'valibot';
import { deleteAllRecords } from '../data/delete-all';
import {
  cadenceDefaultsItem,
  internalDomainsItem,
  meetingRulesItem,
  myEmailsItem,
  ownAddressesItem,
  reminderStateItem,
  remindersItem,
  weeklyPickItem,
} from '../settings';
import { command } from './command';

/** Delete every person, meeting, contact, group and setting. The page asks the user to type DELETE first. */
export const deleteAll = command({
  from: ['page'],
  input: v.strictObject({ confirm: v.literal('DELETE', 'Type DELETE to confirm.') }),
  writes: true,
  async run(db, _input, ctx) {
    await deleteAllRecords(db);
    for (const item of [
      meetingRulesItem,
      myEmailsItem,
      internalDomainsItem,
      cadenceDefaultsItem,
      remindersItem,
      weeklyPickItem,
      ownAddressesItem,
    ]) {
      await item.removeValue();
    }
    // Keep when Bridges was installed (no reminder is caught up from before it); the badge clears.
    const state = await reminderStateItem.getValue();
    await reminderStateItem.setValue({ ...state, lastFiredWeek: null, active: false });
    await ctx.reminders.reschedule();
    await ctx.reminders.markSeen();
    return { ok: true } as const;
  },
});
