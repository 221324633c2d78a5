import type { DataDeps } from '../../../lib/data/actions';
import type { BackupSettings } from '../../../lib/data/backup-schema';
import { inWorker } from '../../../lib/data/file-worker-client';
import { getDb } from '../../../lib/db/app-db';
import { sendMessage } from '../../../lib/messaging';
import { getSettings } from '../../../lib/settings';

/** The page's way of doing data actions: whole files in its worker, commands to the background. */
export const PAGE_DEPS: DataDeps = { run: inWorker, send: sendMessage };

/** The settings a backup carries, as they are now. */
export function currentSettings(): Promise<BackupSettings> {
  return getSettings(getDb(), [
    'meetingRules',
    'myEmails',
    'internalDomains',
    'cadenceDefaults',
    'reminders',
    'catchUp',
  ]);
}
