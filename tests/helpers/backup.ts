import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupSettings } from '../../lib/data/backup-schema';
import { type RestoreMode, type RestorePart, type RestoreSummary, RestoreWriter } from '../../lib/data/restore';
import type { AppDB } from '../../lib/db/app-db';
import type { Group, Interaction, Person } from '../../lib/db/types';

/**
 * A backup of everything as one object: people, interactions, groups and the given settings, read in one
 * transaction. The file Bridges saves (writeBackupFile) is this, as JSON text.
 */
export async function createBackup(db: AppDB, settings: BackupSettings, now: number): Promise<Backup> {
  return db.transaction('r', db.people, db.interactions, db.groups, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    people: await db.people.toArray(),
    interactions: await db.interactions.toArray(),
    groups: await db.groups.toArray(),
    settings,
  }));
}

/** A whole backup as the parts a restore takes, in their order: settings, groups, people, meetings. */
export function restoreParts(backup: Backup, size = 2000): RestorePart[] {
  const parts: RestorePart[] = [{ settings: backup.settings, exportedAt: backup.exportedAt }];
  const slices = <T>(items: readonly T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
  };
  for (const groups of slices(backup.groups)) parts.push({ groups: groups as Group[] });
  for (const people of slices(backup.people)) parts.push({ people: people as Person[] });
  for (const interactions of slices(backup.interactions)) parts.push({ interactions: interactions as Interaction[] });
  return parts;
}

/**
 * Restores a whole backup already in memory (checked by readBackup) through the writer the restore command
 * uses: "replace" makes the database exactly the backup, "merge" adds what is new. All or nothing. Returns the
 * counts of what was written (replace) or added (merge); the settings are not saved.
 */
export async function restoreBackup(db: AppDB, backup: Backup, mode: RestoreMode): Promise<RestoreSummary> {
  const parts = restoreParts(backup);
  const writer = new RestoreWriter(db, mode, parts.length);
  for (const [i, part] of parts.entries()) writer.add(i, part);
  const { people, interactions, groups } = await writer.result();
  return { people, interactions, groups };
}
