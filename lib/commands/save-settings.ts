import { type UserSettings, UserSettingsSchema } from '../schema';
import { cadenceDefaultsItem, internalDomainsItem, meetingRulesItem, myEmailsItem, remindersItem } from '../settings';
import { command } from './command';

/**
 * Change the user's settings: any of meeting rules, own addresses, company domains, default cadences and the
 * reminder. One schema checks them here and in a backup file.
 */
export const saveSettings = command({
  from: ['page'],
  input: UserSettingsSchema,
  writes: true,
  async run(_db, settings, ctx) {
    await applySettings(settings);
    if (settings.reminders) await ctx.reminders.reschedule();
    return { ok: true } as const;
  },
});

/** Writes the settings that are there; leaves the others as they are. */
export async function applySettings(settings: UserSettings): Promise<void> {
  if (settings.meetingRules) await meetingRulesItem.setValue(settings.meetingRules);
  if (settings.myEmails) await myEmailsItem.setValue(settings.myEmails);
  if (settings.internalDomains) await internalDomainsItem.setValue(settings.internalDomains);
  if (settings.cadenceDefaults) await cadenceDefaultsItem.setValue(settings.cadenceDefaults);
  if (settings.reminders) await remindersItem.setValue(settings.reminders);
}
