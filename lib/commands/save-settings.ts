import type { AppDB } from '../db/app-db';
import { type UserSettings, UserSettingsSchema } from '../schema';
import { setSetting } from '../settings';
import { command } from './command';

/**
 * Change the user's settings: any of meeting rules, own addresses, company domains, default cadences and the
 * reminder. One schema checks them here and in a backup file.
 */
export const saveSettings = command({
  from: ['page'],
  input: UserSettingsSchema,
  writes: true,
  async run(db, settings, ctx) {
    await applySettings(db, settings);
    if (settings.reminders) await ctx.reminders.reschedule();
    return { ok: true } as const;
  },
});

/** Writes the settings that are there, all or none; leaves the others as they are. */
export function applySettings(db: AppDB, settings: UserSettings): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    if (settings.meetingRules) await setSetting(db, 'meetingRules', settings.meetingRules);
    if (settings.myEmails) await setSetting(db, 'myEmails', settings.myEmails);
    if (settings.internalDomains) await setSetting(db, 'internalDomains', settings.internalDomains);
    if (settings.cadenceDefaults) await setSetting(db, 'cadenceDefaults', settings.cadenceDefaults);
    if (settings.reminders) await setSetting(db, 'reminders', settings.reminders);
  });
}
