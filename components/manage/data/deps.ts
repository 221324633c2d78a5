import type { DataDeps } from '../../../lib/data/actions';
import type { BackupSettings } from '../../../lib/data/backup-schema';
import { inWorker } from '../../../lib/data/file-worker-client';
import { sendMessage } from '../../../lib/messaging';
import {
  cadenceDefaultsItem,
  internalDomainsItem,
  meetingRulesItem,
  myEmailsItem,
  remindersItem,
} from '../../../lib/settings';

/** The page's way of doing data actions: whole files in its worker, commands to the background. */
export const PAGE_DEPS: DataDeps = { run: inWorker, send: sendMessage };

/** The settings a backup carries, as they are now. */
export async function currentSettings(): Promise<BackupSettings> {
  const [meetingRules, myEmails, internalDomains, cadenceDefaults, reminders] = await Promise.all([
    meetingRulesItem.getValue(),
    myEmailsItem.getValue(),
    internalDomainsItem.getValue(),
    cadenceDefaultsItem.getValue(),
    remindersItem.getValue(),
  ]);
  return { meetingRules, myEmails, internalDomains, cadenceDefaults, reminders };
}
