import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
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
import { causeOf } from './failure';

/**
 * Delete every person, meeting, contact, group and setting. The page asks the user to type DELETE first. The
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
      await storage.removeItems([
        meetingRulesItem,
        myEmailsItem,
        internalDomainsItem,
        cadenceDefaultsItem,
        remindersItem,
        weeklyPickItem,
        ownAddressesItem,
      ]);
      // Keep when Bridges was installed (no reminder is caught up from before it); the badge clears.
      const state = await reminderStateItem.getValue();
      await reminderStateItem.setValue({ ...state, lastFiredWeek: null, active: false });
      await ctx.reminders.reschedule();
      await ctx.reminders.markSeen();
    } catch (error) {
      return { ok: true, settingsProblem: causeOf(error) } as const;
    }
    return { ok: true, settingsProblem: null } as const;
  },
});
