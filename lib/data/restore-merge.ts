import type { AppDB } from '../db/app-db';
import type { Interaction, Person } from '../db/types';

/** A person's meetings added by a merge: the first, the last, and how many. */
export interface AddedContacts {
  first: number;
  last: number;
  count: number;
}

/** For each person in `meetings`: their first and last meeting and how many, in one loop over all of them. */
export function countContacts(meetings: readonly Interaction[], into: Map<string, AddedContacts>): void {
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
export async function mergeBackupPeople(
  db: AppDB,
  people: readonly Person[],
  added: ReadonlyMap<string, AddedContacts>,
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
