import * as v from 'valibot';
import { consistencyProblem, restoreBackup as restore } from '../data/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../data/backup-schema';
import { command, Refusal } from './command';
import { causeOf } from './failure';
import { applySettings } from './save-settings';
import type { BackupPart } from './send-backup-part';
import { takeUpload } from './uploads';

/**
 * Restore a backup whose parts have all arrived: "replace" makes the data exactly the backup, "merge" adds
 * what is new. The records are all or nothing: a problem anywhere changes none of them. The settings are
 * saved after them; if that fails, the records stay restored and the answer says the settings were not.
 */
export const restoreBackup = command({
  from: ['page'],
  input: v.strictObject({ upload: v.pipe(v.string(), v.maxLength(100)), mode: v.picklist(['replace', 'merge']) }),
  writes: true,
  async run(db, { upload, mode }, ctx) {
    const backup = assemble(takeUpload<BackupPart>(upload, 'backup'));
    const problem = consistencyProblem(backup);
    if (problem) throw new Refusal(problem);
    const summary = await restore(db, backup, mode);
    let settingsProblem: string | null = null;
    try {
      await applySettings(backup.settings);
      await ctx.reminders.reschedule();
    } catch (error) {
      settingsProblem = causeOf(error);
    }
    return { ...summary, settingsProblem };
  },
});

function assemble(parts: BackupPart[]): Backup {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: 0,
    people: [],
    interactions: [],
    groups: [],
    settings: {},
  };
  for (const part of parts) {
    if (part.people) for (const p of part.people) backup.people.push(p);
    if (part.interactions) for (const i of part.interactions) backup.interactions.push(i);
    if (part.groups) for (const g of part.groups) backup.groups.push(g);
    if (part.settings) backup.settings = part.settings;
    if (part.exportedAt !== undefined) backup.exportedAt = part.exportedAt;
  }
  return backup;
}
