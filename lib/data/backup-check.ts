import * as v from 'valibot';
import type { Group, Interaction, Person } from '../db/types';
import {
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

/**
 * A backup checked as its restore will check it: each record by its schema, then what the records say of each
 * other. Problems are sentences that name the record and the field.
 */

/**
 * The backup's schema, with its meetings (nearly all of a heavy user's file) looked at quickly when they are
 * plainly what Bridges writes (lib/data/quick-check.ts), and by the schema, which names the problem, otherwise.
 */
export function checkBackup(
  head: Record<string, unknown>,
): { ok: true; backup: Backup } | { ok: false; message: string } {
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

function recordName(record: object): string {
  const r = record as { email?: unknown; title?: unknown; start?: unknown; name?: unknown; key?: unknown };
  if (typeof r.email === 'string') return r.email.slice(0, 254);
  if (typeof r.title === 'string' && typeof r.start === 'number' && Number.isFinite(r.start))
    return `"${r.title.slice(0, 80)}" on ${new Date(r.start).toISOString().slice(0, 10)}`;
  if (typeof r.name === 'string') return `the group "${r.name.slice(0, 80)}"`;
  return '';
}

export function describeIssue(issue: v.BaseIssue<unknown> | undefined, prefix = ''): string {
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
