import { UserSettingsSchema } from '../schema';
import { saveUserSettings } from '../settings';
import { command } from './command';

/**
 * Change the user's settings: any of meeting rules, own addresses, company domains, default cadences, the
 * reminder and how a catch-up's invitation is filled in. One schema checks them here and in a backup file.
 */
export const saveSettings = command({
  from: ['page'],
  input: UserSettingsSchema,
  recount: true,
  async run(db, settings, ctx) {
    await saveUserSettings(db, settings);
    if (settings.reminders) await ctx.reminders.reschedule();
    return { ok: true } as const;
  },
});
