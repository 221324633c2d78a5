import type { AppDB } from '../db/app-db';
import type { Group, Interaction, Person } from '../db/types';
import { restoreHold } from '../logging/hold';
import { Refusal } from '../refusal';
import type { UserSettings } from '../schema';
import type { Backup } from './backup-schema';
import { Consistency } from './consistency';

export type RestoreMode = 'replace' | 'merge';

export interface RestoreSummary {
  people: number;
  interactions: number;
  groups: number;
}

/** One part of a backup, checked: groups, then people, then meetings, in that order across the parts. */
export interface RestorePart {
  people?: Person[];
  interactions?: Interaction[];
  groups?: Group[];
  settings?: UserSettings;
  exportedAt?: number;
}

export interface RestoreOutcome extends RestoreSummary {
  settings: UserSettings;
}

/** A read no record answers, issued while the next part is on its way so the transaction stays open. */
const KEEP_ALIVE = '\uffff';
/** Parts whose writes may be on their way at once. */
const WRITES_AHEAD = 2;
/** How long the restore waits for the next part before giving up (the page was closed, or it failed). */
const IDLE_MS = 20_000;

/**
 * Writes a backup as its parts arrive, in one transaction: the database changes all at once when the last part
 * is written, or not at all. Writing while the rest of the file is still being handed over means a restore
 * takes about as long as the writing alone, and holds the database (and a "Log meeting" click waiting on it)
 * no longer than that.
 *
 * The transaction opens when the first part arrives (the page has read and checked the whole file by then)
 * and is kept open between parts by a read of a key no record has. "replace" clears everything first;
 * "merge" reads the meeting keys and group ids already there once, adds what is new, and brings each person's
 * first and last contact and count up to date with the meetings it added (they are kept up to date on every
 * write, so the meetings already there are counted in them already): one pass, never a query per person.
 *
 * Parts must come in order: groups, then people, then meetings (each is checked against the ones before it:
 * the same key twice, a person in a group or a meeting with a person the backup does not have). A problem
 * anywhere aborts the transaction: nothing is changed.
 */
export class RestoreWriter {
  private readonly parts = new Map<number, RestorePart>();
  private next = 0;
  private failure: Refusal | null = null;
  private lastArrival = Date.now();
  private running: Promise<RestoreOutcome> | null = null;

  constructor(
    private readonly db: AppDB,
    private readonly mode: RestoreMode,
    private readonly expected: number,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** A part has arrived (already checked by its command's schema). The first one opens the transaction. */
  add(index: number, part: RestorePart): void {
    if (this.failure) throw this.failure;
    if (index < this.next || this.parts.has(index)) return; // sent twice
    this.parts.set(index, part);
    this.lastArrival = Date.now();
    this.start();
  }

  /** Gives up: the transaction aborts, nothing is changed. */
  abandon(reason: string): void {
    this.failure ??= new Refusal(reason);
  }

  /** What the restore did, once every part is written and committed; rejects (nothing changed) otherwise. */
  result(): Promise<RestoreOutcome> {
    return this.start();
  }

  private start(): Promise<RestoreOutcome> {
    if (!this.running) {
      this.running = this.write();
      this.running.catch(() => {}); // the command that asks for the result reports it
    }
    return this.running;
  }

  private async write(): Promise<RestoreOutcome> {
    const { db } = this;
    const consistency = new Consistency();
    const consistent = (problem: string | null) => {
      if (problem) throw new Refusal(problem);
    };
    let settings: UserSettings = {};
    const summary: RestoreSummary = { people: 0, interactions: 0, groups: 0 };
    const backupPeople: Person[] = [];
    const added = new Map<string, { first: number; last: number; count: number }>();
    // Writes on their way: the next part is handed to the database while it still writes the one before.
    const writing: Promise<unknown>[] = [];
    const write = async (put: PromiseLike<unknown>) => {
      const done = Promise.resolve(put);
      done.catch(() => {}); // awaited below; the transaction aborts on its own if a write fails
      writing.push(done);
      if (writing.length > WRITES_AHEAD) await writing.shift();
    };
    const settle = () => Promise.all(writing.splice(0));
    // Clicks to log a meeting do not wait behind this transaction: they are kept until it ends (lib/logging/hold.ts).
    await restoreHold.during(() =>
      db.transaction('rw', db.people, db.interactions, db.groups, async () => {
        let haveKeys = new Set<string>();
        let haveGroups = new Set<string>();
        if (this.mode === 'replace') {
          await Promise.all([db.people.clear(), db.interactions.clear(), db.groups.clear()]);
        } else {
          haveKeys = new Set(await db.interactions.toCollection().primaryKeys());
          haveGroups = new Set(await db.groups.toCollection().primaryKeys());
        }
        while (this.next < this.expected) {
          if (this.failure) throw this.failure;
          const part = this.parts.get(this.next);
          if (!part) {
            if (Date.now() - this.lastArrival > this.idleMs) {
              throw new Refusal(
                'The rest of the backup never arrived (the page may have been closed): nothing was restored.',
              );
            }
            await settle();
            if (!this.parts.has(this.next)) await db.groups.get(KEEP_ALIVE);
            continue;
          }
          this.parts.delete(this.next++);
          if (part.settings) settings = part.settings;
          if (part.groups) {
            consistent(consistency.groups(part.groups));
            const rows = this.mode === 'replace' ? part.groups : part.groups.filter((g) => !haveGroups.has(g.id));
            await write(db.groups.bulkPut(rows));
            summary.groups += rows.length;
          }
          if (part.people) {
            consistent(consistency.people(part.people));
            if (this.mode === 'replace') {
              await write(db.people.bulkPut(part.people));
              summary.people += part.people.length;
            } else for (const p of part.people) backupPeople.push(p);
          }
          if (part.interactions) {
            consistent(consistency.interactions(part.interactions));
            const rows =
              this.mode === 'replace' ? part.interactions : part.interactions.filter((i) => !haveKeys.has(i.key));
            if (this.mode === 'merge') countContacts(rows, added);
            await write(db.interactions.bulkPut(rows));
            summary.interactions += rows.length;
          }
        }
        await settle();
        if (this.mode === 'merge') summary.people = await mergePeople(db, backupPeople, added);
      }),
    );
    return { ...summary, settings };
  }
}

/** For each person in `meetings`: their first and last meeting and how many, in one loop over all of them. */
function countContacts(
  meetings: readonly Interaction[],
  into: Map<string, { first: number; last: number; count: number }>,
): void {
  for (const { start, people } of meetings) {
    for (const email of people) {
      const entry = into.get(email);
      if (!entry) into.set(email, { first: start, last: start, count: 1 });
      else {
        if (start < entry.first) entry.first = start;
        if (start > entry.last) entry.last = start;
        entry.count++;
      }
    }
  }
}

/**
 * Merges the backup's people: a person already here keeps the user's current settings for them, with their
 * contacts brought up to date; a new person is counted from the meetings that are now theirs (or keeps what
 * the backup says, when all of their meetings were here already under other guests). Returns how many are new.
 */
async function mergePeople(
  db: AppDB,
  people: readonly Person[],
  added: ReadonlyMap<string, { first: number; last: number; count: number }>,
): Promise<number> {
  const current = await db.people.bulkGet(people.map((p) => p.email));
  const rows: Person[] = [];
  let fresh = 0;
  for (const [i, person] of people.entries()) {
    const mine = current[i];
    const more = added.get(person.email);
    if (!mine) {
      fresh++;
      rows.push(
        more ? { ...person, firstMetAt: more.first, lastMetAt: more.last, interactionCount: more.count } : person,
      );
    } else if (more) {
      rows.push({
        ...mine,
        firstMetAt: Math.min(mine.firstMetAt, more.first),
        lastMetAt: Math.max(mine.lastMetAt, more.last),
        interactionCount: mine.interactionCount + more.count,
      });
    }
  }
  await db.people.bulkPut(rows);
  return fresh;
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
 * Restores a whole backup already in memory (checked by readBackup): "replace" makes the database exactly the
 * backup, "merge" adds what is new. All or nothing. Returns the counts of what was written (replace) or added
 * (merge); the settings are the caller's to save.
 */
export async function restoreBackup(db: AppDB, backup: Backup, mode: RestoreMode): Promise<RestoreSummary> {
  const parts = restoreParts(backup);
  const writer = new RestoreWriter(db, mode, parts.length);
  for (const [i, part] of parts.entries()) writer.add(i, part);
  const { people, interactions, groups } = await writer.result();
  return { people, interactions, groups };
}
