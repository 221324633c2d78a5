import type { AppDB } from '../db/app-db';
import { backupSizeProblem, readBackup, writeBackupFile } from './backup';
import type { BackupSettings } from './backup-schema';
import { jsonParts } from './json-parts';
import { BACKUP_PART_SIZE } from './parts';
import { describeTrimmed } from './trim';

/**
 * The work on whole files that would freeze the page for seconds if it ran on the page's own thread: reading,
 * checking and cutting a backup into parts, and making (and checking) a backup. It runs in a
 * Web Worker of the page (lib/data/file-worker.ts); tests run it directly.
 */
export type FileJob =
  | { job: 'read-backup'; file: Blob }
  | { job: 'save-backup'; settings: BackupSettings; now: number };

export interface RecordCounts {
  people: number;
  interactions: number;
  groups: number;
}

interface Results {
  'read-backup': { parts: string[]; counts: RecordCounts; note: string };
  'save-backup': { file: Blob; counts: RecordCounts };
}
export type JobName = keyof Results;
export type FileJobResult<K extends JobName = JobName> = ({ ok: true } & Results[K]) | { ok: false; message: string };

export async function runFileJob<J extends FileJob>(job: J, db: () => AppDB): Promise<FileJobResult<J['job']>>;
export async function runFileJob(job: FileJob, db: () => AppDB): Promise<FileJobResult> {
  switch (job.job) {
    case 'read-backup': {
      const tooLarge = backupSizeProblem(job.file.size);
      if (tooLarge) return { ok: false, message: tooLarge };
      const read = readBackup(await job.file.text());
      if (!read.ok) {
        // A record or setting is wrong: the file, not Bridges, needs the change.
        const inRecord = /^(people|interactions|groups|settings)\b/.test(read.message);
        return inRecord
          ? { ok: false, message: `${read.message} Correct it in the file, or choose another backup.` }
          : read;
      }
      const { backup } = read;
      const parts = [
        JSON.stringify({ settings: backup.settings, exportedAt: backup.exportedAt }),
        // In the order the restore writes them (lib/data/restore.ts).
        ...jsonParts('groups', backup.groups, BACKUP_PART_SIZE),
        ...jsonParts('people', backup.people, BACKUP_PART_SIZE),
        ...jsonParts('interactions', backup.interactions, BACKUP_PART_SIZE),
      ];
      return { ok: true, parts, counts: lengths(backup), note: describeTrimmed(read.trimmed) };
    }
    case 'save-backup': {
      const made = await writeBackupFile(db(), job.settings, job.now);
      if (!made.ok) {
        return {
          ok: false,
          message: `Bridges checks every backup as its restore will, and this one would be refused: ${made.problem} Change that record in Bridges, then save again.`,
        };
      }
      return made;
    }
  }
}

const lengths = (b: { people: unknown[]; interactions: unknown[]; groups: unknown[] }): RecordCounts => ({
  people: b.people.length,
  interactions: b.interactions.length,
  groups: b.groups.length,
});
