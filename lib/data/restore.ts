import type { AppDB } from '../db/app-db';
import type { Group, Interaction, Person } from '../db/types';
import { restoreHold } from '../logging/hold';
import { Refusal } from '../refusal';
import type { MeetingSpan } from '../relationships/meeting-span';
import type { UserSettings } from '../schema';
import { Consistency } from './consistency';
import { countContacts, mergeBackupPeople } from './restore-merge';

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
/**
 * At most this many records handed to the database and not yet written. Chrome runs a transaction's queued
 * requests in one go before any other transaction's, so whatever is queued here is what a "Log meeting" click
 * kept meanwhile (lib/logging/hold.ts) waits behind, at each of its reads and writes: three parts of 2,000 had
 * it wait about 14 seconds. A few hundred keep the database busy between the restore's turns all the same.
 */
export const MAX_QUEUED = 600;
/** Records in one write: the queue is topped up this many at a time. */
const SLICE = MAX_QUEUED / 3;
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
      this.running = this.run();
      this.running.catch(() => {}); // the command that asks for the result reports it
    }
    return this.running;
  }

  private async run(): Promise<RestoreOutcome> {
    const { db } = this;
    const run = new RestoreRun(db, this.mode);
    // Clicks to log a meeting do not wait behind this transaction: they are kept until it ends (lib/logging/hold.ts).
    await restoreHold.during(() =>
      db.transaction('rw', db.people, db.interactions, db.groups, async () => {
        await run.begin();
        while (this.next < this.expected) {
          const part = await this.nextPart(run.writes);
          if (part) await run.apply(part);
        }
        await run.finish();
      }),
    );
    return { ...run.summary, settings: run.settings };
  }

  /** The next part in order, or null once the writes so far are done and the transaction kept open a moment. */
  private async nextPart(writes: WritesAhead): Promise<RestorePart | null> {
    if (this.failure) throw this.failure;
    const part = this.parts.get(this.next);
    if (part) {
      this.parts.delete(this.next++);
      return part;
    }
    if (Date.now() - this.lastArrival > this.idleMs) {
      throw new Refusal('The rest of the backup never arrived (the page may have been closed): nothing was restored.');
    }
    await writes.settle();
    if (!this.parts.has(this.next)) await this.db.groups.get(KEEP_ALIVE);
    return null;
  }
}

/**
 * Writes on their way: the next records are handed to the database while it still writes the ones before, a
 * slice at a time, never more than MAX_QUEUED at once.
 */
class WritesAhead {
  private readonly writing: Array<{ done: Promise<unknown>; size: number }> = [];
  private queued = 0;

  /** Hands `rows` to `put` in slices; waits for the oldest slices while more than MAX_QUEUED are on their way. */
  async add<T>(rows: readonly T[], put: (slice: T[]) => PromiseLike<unknown>): Promise<void> {
    for (let i = 0; i < rows.length; i += SLICE) {
      const slice = rows.slice(i, i + SLICE);
      while (this.queued + slice.length > MAX_QUEUED) await this.oldest();
      const done = Promise.resolve(put(slice));
      done.catch(() => {}); // awaited below; the transaction aborts on its own if a write fails
      this.writing.push({ done, size: slice.length });
      this.queued += slice.length;
    }
  }

  private async oldest(): Promise<void> {
    const first = this.writing.shift();
    if (!first) return;
    this.queued -= first.size;
    await first.done;
  }

  /** Every write handed on so far, done. */
  async settle(): Promise<void> {
    this.queued = 0;
    await Promise.all(this.writing.splice(0).map((w) => w.done));
  }
}

/**
 * One restore inside its transaction: each part checked against the ones before it and written, and what it
 * wrote counted. A merge keeps the backup's people until the end, when their contacts are brought up to date.
 */
class RestoreRun {
  readonly writes = new WritesAhead();
  readonly summary: RestoreSummary = { people: 0, interactions: 0, groups: 0 };
  settings: UserSettings = {};
  private readonly consistency = new Consistency();
  private readonly backupPeople: Person[] = [];
  private readonly added = new Map<string, MeetingSpan>();
  private haveKeys = new Set<string>();
  private haveGroups = new Set<string>();

  constructor(
    private readonly db: AppDB,
    private readonly mode: RestoreMode,
  ) {}

  /** "replace" clears everything; "merge" reads the meeting keys and group ids already there, once. */
  async begin(): Promise<void> {
    const { db } = this;
    if (this.mode === 'replace') {
      await Promise.all([db.people.clear(), db.interactions.clear(), db.groups.clear()]);
    } else {
      this.haveKeys = new Set(await db.interactions.toCollection().primaryKeys());
      this.haveGroups = new Set(await db.groups.toCollection().primaryKeys());
    }
  }

  async apply(part: RestorePart): Promise<void> {
    const { db, mode, summary } = this;
    if (part.settings) this.settings = part.settings;
    if (part.groups) {
      consistent(this.consistency.groups(part.groups));
      const rows = mode === 'replace' ? part.groups : part.groups.filter((g) => !this.haveGroups.has(g.id));
      await this.writes.add(rows, (slice) => db.groups.bulkPut(slice));
      summary.groups += rows.length;
    }
    if (part.people) {
      consistent(this.consistency.people(part.people));
      if (mode === 'replace') {
        await this.writes.add(part.people, (slice) => db.people.bulkPut(slice));
        summary.people += part.people.length;
      } else for (const p of part.people) this.backupPeople.push(p);
    }
    if (part.interactions) {
      consistent(this.consistency.interactions(part.interactions));
      const rows = mode === 'replace' ? part.interactions : part.interactions.filter((i) => !this.haveKeys.has(i.key));
      if (mode === 'merge') countContacts(rows, this.added);
      await this.writes.add(rows, (slice) => db.interactions.bulkPut(slice));
      summary.interactions += rows.length;
    }
  }

  async finish(): Promise<void> {
    await this.writes.settle();
    if (this.mode === 'merge') this.summary.people = await mergeBackupPeople(this.db, this.backupPeople, this.added);
  }
}

function consistent(problem: string | null): void {
  if (problem) throw new Refusal(problem);
}
