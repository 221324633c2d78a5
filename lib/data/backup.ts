import type { AppDB } from '../db/app-db';
import type { Group, Interaction, Person } from '../db/types';
import { BackupChecker, checkBackup, consistencyProblem } from './backup-check';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupSettings } from './backup-schema';
import { type Trimmed, trimBackup } from './trim';

/**
 * The largest backup Bridges reads: about 190,000 meetings. A file is checked against it before it is read,
 * so a wrong file of gigabytes is refused at once instead of filling the page's memory.
 */
export const MAX_BACKUP_BYTES = 150 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

/** The sentence for a file too large to be a backup, or null. */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES
    ? `This file is ${megabytes(bytes)}; a Bridges backup can be at most ${megabytes(MAX_BACKUP_BYTES)}, so it was not read. Choose the file Bridges saved (bridges-backup-….json).`
    : null;
}

export type BackupCheck = { ok: true; backup: Backup; trimmed: Trimmed } | { ok: false; message: string };

/**
 * Reads a backup file's text, checks all of it, and says exactly what is wrong when something is: the record
 * and the field. Text longer than Bridges keeps is cut, and counted in `trimmed`. Nothing is written here.
 */
export function readBackup(text: string): BackupCheck {
  const tooLarge = backupSizeProblem(text.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `This file is not a Bridges backup: it is not valid JSON (${(error as Error).message}).`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'This file is not a Bridges backup: it does not hold an object.' };
  }
  const head = data as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT)
    return { ok: false, message: 'This file is not a Bridges backup (its "format" is not "bridges-backup").' };
  if (head.version !== BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup is format version ${JSON.stringify(head.version)}; this Bridges reads version ${BACKUP_VERSION}. Nothing was changed.`,
    };
  }
  const trimmed = trimBackup(head);
  const result = checkBackup(head);
  if (!result.ok) return result;
  const backup = result.backup;
  const problem = consistencyProblem(backup);
  return problem ? { ok: false, message: problem } : { ok: true, backup, trimmed };
}

/** Meetings read, checked and written out at a time, while the database fetches the next ones. */
const FILE_CHUNK = 5000;

export type BackupFile =
  | { ok: true; file: Blob; counts: { people: number; interactions: number; groups: number } }
  | { ok: false; problem: string };

/**
 * Makes the backup file: every record read in one transaction (one moment's data), checked as its restore
 * will check it, and written out as JSON. Meetings are read in chunks, each one checked and written out while
 * the database fetches the next, so that making a backup costs little more than reading the data. The text is
 * exactly JSON.stringify of every record read at once (tests/helpers/backup.ts reads them so, to compare).
 */
export async function writeBackupFile(db: AppDB, settings: BackupSettings, now: number): Promise<BackupFile> {
  await db.open();
  const tx = db.backendDB().transaction(['people', 'interactions', 'groups'], 'readonly');
  const read = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const meetings = tx.objectStore('interactions');
  const groupsRead = read<Group[]>(tx.objectStore('groups').getAll());
  const peopleRead = read<Person[]>(tx.objectStore('people').getAll());
  let next: Promise<Interaction[]> | null = read(meetings.getAll(null, FILE_CHUNK));
  const check = new BackupChecker();
  check.settings(settings);
  const groups = await groupsRead;
  check.groups(groups);
  const people = await peopleRead;
  check.people(people);
  const head = jsonMembers({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, people });
  const pieces: string[] = [`{${head},"interactions":[`];
  let count = 0;
  while (next) {
    const rows: Interaction[] = await next;
    // Ask for the next chunk first (the transaction stays open), then check and write out this one.
    const last = rows.at(-1);
    next =
      rows.length === FILE_CHUNK && last
        ? read(meetings.getAll(IDBKeyRange.lowerBound(last.key, true), FILE_CHUNK))
        : null;
    check.interactions(rows);
    if (rows.length) pieces.push(`${count ? ',' : ''}${jsonItems(rows)}`);
    count += rows.length;
  }
  if (check.problem) return { ok: false, problem: check.problem };
  pieces.push(`],${jsonMembers({ groups, settings })}}`);
  const file = new Blob(pieces, { type: 'application/json' });
  return { ok: true, file, counts: { people: people.length, interactions: count, groups: groups.length } };
}

/**
 * The members of a JSON object, in the order given, without its braces: the file is written as its parts are
 * read, so its object is opened and closed around the meetings written in between.
 */
export function jsonMembers(members: Record<string, unknown>): string {
  return Object.entries(members)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',');
}

/** The items of a JSON array, without its brackets: the meetings are written a chunk at a time. */
export function jsonItems(items: readonly unknown[]): string {
  let text = '';
  // As in an array, what JSON has no value for (undefined, a function) is written as null.
  for (const item of items) text += `${text ? ',' : ''}${JSON.stringify(item) ?? 'null'}`;
  return text;
}
