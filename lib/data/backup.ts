import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import type { Group, Interaction, Person } from '../db/types';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  BackupSchema,
  type BackupSettings,
  BackupSettingsSchema,
  GroupSchema,
  InteractionSchema,
  PersonSchema,
} from './backup-schema';
import { Consistency } from './consistency';
import { QuickCheck } from './quick-check';
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
  const result = checkBackup(head);
  if (!result.ok) return result;
  const backup = result.backup;
  const problem = consistencyProblem(backup);
  return problem ? { ok: false, message: problem } : { ok: true, backup, trimmed };
}

/**
 * The backup's schema, with its meetings (nearly all of a heavy user's file) looked at quickly when they are
 * plainly what Bridges writes (lib/data/quick-check.ts), and by the schema, which names the problem, otherwise.
 */
function checkBackup(head: Record<string, unknown>): { ok: true; backup: Backup } | { ok: false; message: string } {
  const { interactions } = head;
  if (!Array.isArray(interactions) || interactions.length > 10_000_000) {
    const whole = v.safeParse(BackupSchema, head, { abortEarly: true });
    return whole.success ? { ok: true, backup: whole.output } : { ok: false, message: describeIssue(whole.issues[0]) };
  }
  const rest = v.safeParse(BackupSchema, { ...head, interactions: [] }, { abortEarly: true });
  if (!rest.success) return { ok: false, message: describeIssue(rest.issues[0]) };
  const quick = new QuickCheck();
  const checked: Interaction[] = new Array(interactions.length);
  for (let i = 0; i < interactions.length; i++) {
    const row: unknown = interactions[i];
    if (quick.interaction(row)) {
      checked[i] = row as Interaction;
      continue;
    }
    const one = v.safeParse(InteractionSchema, row, { abortEarly: true });
    if (!one.success) return { ok: false, message: describeIssue(one.issues[0], `interactions[${i}]`) };
    checked[i] = one.output;
  }
  return { ok: true, backup: { ...rest.output, interactions: checked } };
}

/**
 * Checks a backup record by record, as its restore will check it (each record's schema, then what the records
 * say of each other), so that a file the restore would refuse is never saved. Lists come in the restore's
 * order: settings, groups, people, meetings. The first problem names the record by its address, title or name.
 */
export class BackupChecker {
  problem: string | null = null;
  private readonly consistency = new Consistency();
  private readonly seen = { people: 0, interactions: 0, groups: 0 };

  settings(settings: BackupSettings): void {
    if (this.problem) return;
    const result = v.safeParse(BackupSettingsSchema, settings, { abortEarly: true });
    if (!result.success) this.problem = describeIssue(result.issues[0], 'settings');
  }

  groups(groups: readonly Group[]): void {
    this.check('groups', GroupSchema, groups, (rows) => this.consistency.groups(rows));
  }

  people(people: readonly Person[]): void {
    this.check('people', PersonSchema, people, (rows) => this.consistency.people(rows));
  }

  interactions(interactions: readonly Interaction[]): void {
    this.check(
      'interactions',
      InteractionSchema,
      interactions,
      (rows) => this.consistency.interactions(rows),
      (row) => this.quick.interaction(row),
    );
  }

  private readonly quick = new QuickCheck();

  private check<T>(
    list: 'people' | 'interactions' | 'groups',
    schema: v.GenericSchema<unknown, T>,
    rows: readonly object[],
    consistent: (rows: T[]) => string | null,
    /** True for a record the schema would give back unchanged (lib/data/quick-check.ts): not checked again. */
    plain: (row: unknown) => boolean = () => false,
  ): void {
    if (this.problem) return;
    const first = this.seen[list];
    this.seen[list] += rows.length;
    const checked: T[] = [];
    for (const [i, row] of rows.entries()) {
      if (plain(row)) {
        checked.push(row as T);
        continue;
      }
      const result = v.safeParse(schema, row, { abortEarly: true });
      if (!result.success) {
        this.problem = `${describeIssue(result.issues[0], `${list}[${first + i}]`)} (${recordName(row)})`;
        return;
      }
      checked.push(result.output);
    }
    const problem = consistent(checked);
    if (problem) {
      const index = Number(/^\w+\[(\d+)\]/.exec(problem)?.[1] ?? -1) - first;
      const row = rows[index];
      this.problem = row ? `${problem} (${recordName(row)})` : problem;
    }
  }
}

/** The first reason the restore would refuse `backup`, naming the record, or null. */
export function backupProblem(backup: Backup): string | null {
  const checker = new BackupChecker();
  checker.settings(backup.settings);
  checker.groups(backup.groups);
  checker.people(backup.people);
  checker.interactions(backup.interactions);
  return checker.problem;
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
 * exactly JSON.stringify(createBackup(...)).
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
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, people };
  const pieces: string[] = [`${JSON.stringify(head).slice(0, -1)},"interactions":[`];
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
    if (rows.length) pieces.push(`${count ? ',' : ''}${JSON.stringify(rows).slice(1, -1)}`);
    count += rows.length;
  }
  if (check.problem) return { ok: false, problem: check.problem };
  pieces.push(`],"groups":${JSON.stringify(groups)},"settings":${JSON.stringify(settings)}}`);
  const file = new Blob(pieces, { type: 'application/json' });
  return { ok: true, file, counts: { people: people.length, interactions: count, groups: groups.length } };
}

function recordName(record: object): string {
  const r = record as { email?: unknown; title?: unknown; start?: unknown; name?: unknown; key?: unknown };
  if (typeof r.email === 'string') return r.email.slice(0, 254);
  if (typeof r.title === 'string' && typeof r.start === 'number' && Number.isFinite(r.start))
    return `"${r.title.slice(0, 80)}" on ${new Date(r.start).toISOString().slice(0, 10)}`;
  if (typeof r.name === 'string') return `the group "${r.name.slice(0, 80)}"`;
  return '';
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined, prefix = ''): string {
  if (!issue) return 'This backup could not be read.';
  const where = (prefix ? [{ key: prefix }, ...(issue.path ?? [])] : (issue.path ?? []))
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
  const c = new Consistency();
  return c.groups(backup.groups) ?? c.people(backup.people) ?? c.interactions(backup.interactions);
}
