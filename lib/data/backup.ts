import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, BackupSchema, type BackupSettings } from './backup-schema';
import { type Trimmed, trimBackup } from './trim';

/** A backup of everything: people, interactions, groups and the user's settings. */
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
  const result = v.safeParse(BackupSchema, data, { abortEarly: true });
  if (!result.success) return { ok: false, message: describeIssue(result.issues[0]) };
  const backup = result.output;
  const problem = consistencyProblem(backup);
  return problem ? { ok: false, message: problem } : { ok: true, backup, trimmed };
}

/**
 * Checks a backup Bridges is about to save, as its restore will check it: a file the restore would refuse is
 * not saved. Says which record is wrong, by its address, title or name.
 */
export function backupProblem(backup: Backup): string | null {
  const result = v.safeParse(BackupSchema, backup, { abortEarly: true });
  const problem = result.success ? consistencyProblem(result.output) : describeIssue(result.issues[0]);
  if (!problem) return null;
  const [, list, index] = /^(people|interactions|groups)\[(\d+)\]/.exec(problem) ?? [];
  const record = list && index ? (backup[list as 'people' | 'interactions' | 'groups'][Number(index)] as object) : null;
  const name = record ? recordName(record) : '';
  return `${problem}${name ? ` (${name})` : ''}`;
}

function recordName(record: object): string {
  const r = record as { email?: unknown; title?: unknown; start?: unknown; name?: unknown };
  if (typeof r.email === 'string') return r.email.slice(0, 254);
  if (typeof r.title === 'string' && typeof r.start === 'number' && Number.isFinite(r.start))
    return `"${r.title.slice(0, 80)}" on ${new Date(r.start).toISOString().slice(0, 10)}`;
  if (typeof r.name === 'string') return `the group "${r.name.slice(0, 80)}"`;
  return '';
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'This backup could not be read.';
  const where = (issue.path ?? [])
    .map((item) =>
      typeof item.key === 'number' ? `[${item.key}]` : `${item.key === undefined ? '' : `.${String(item.key)}`}`,
    )
    .join('')
    .replace(/^\./, '');
  const unknownKey = issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never';
  if (unknownKey) return `${where || 'The file'}: this field is not part of a Bridges backup.`;
  return `${where || 'The file'}: ${issue.message.replace(/[.!?]?$/, '.')}`;
}

/** Records that contradict each other: the same key twice, a meeting naming someone who is not there. */
export function consistencyProblem(backup: Backup): string | null {
  const emails = new Set<string>();
  for (const [i, person] of backup.people.entries()) {
    if (emails.has(person.email)) return `people[${i}].email: ${person.email} appears twice.`;
    emails.add(person.email);
  }
  const keys = new Set<string>();
  for (const [i, interaction] of backup.interactions.entries()) {
    if (keys.has(interaction.key)) return `interactions[${i}].key: ${interaction.key} appears twice.`;
    keys.add(interaction.key);
    if (interaction.end < interaction.start) return `interactions[${i}].end: it ends before it starts.`;
    const missing = interaction.people.find((email) => !emails.has(email));
    if (missing) return `interactions[${i}].people: ${missing} is not among the backup's people.`;
  }
  const groups = new Set<string>();
  for (const [i, group] of backup.groups.entries()) {
    if (groups.has(group.id)) return `groups[${i}].id: ${group.id} appears twice.`;
    groups.add(group.id);
  }
  for (const [i, person] of backup.people.entries()) {
    if (person.groupId !== null && !groups.has(person.groupId))
      return `people[${i}].groupId: no group ${person.groupId} in the backup.`;
  }
  return null;
}
