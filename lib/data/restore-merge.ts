import type { AppDB } from '../db/app-db';
import type { Interaction, Person } from '../db/types';
import { joinSpans, type MeetingSpan, metFields, spanOfPerson, withMeeting } from '../relationships/meeting-span';

/**
 * For each person in `meetings`: their first and last meeting and how many (the meetings a merge adds), in one
 * loop over all of them.
 */
export function countContacts(meetings: readonly Interaction[], into: Map<string, MeetingSpan>): void {
  for (const { start, people } of meetings) {
    for (const email of people) into.set(email, withMeeting(into.get(email), start));
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
  added: ReadonlyMap<string, MeetingSpan>,
): Promise<number> {
  const current = await db.people.bulkGet(people.map((p) => p.email));
  const rows: Person[] = [];
  let fresh = 0;
  for (const [i, person] of people.entries()) {
    const mine = current[i];
    const more = added.get(person.email);
    if (!mine) {
      fresh++;
      rows.push(more ? { ...person, ...metFields(more) } : person);
    } else if (more) {
      rows.push({ ...mine, ...metFields(joinSpans(spanOfPerson(mine), more)) });
    }
  }
  await db.people.bulkPut(rows);
  return fresh;
}
