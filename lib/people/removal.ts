import type { AppDB } from '../db/app-db';
import type { Attendee, Person } from '../db/types';
import { Refusal } from '../refusal';
import { joinSpans, metFields, spanOf, spanOfPerson } from '../relationships/meeting-span';
import { LIMITS } from '../schema';
import { personFieldOf, personTombstone, stamped } from '../sync/fields';

/**
 * `keep` absorbs `gone` (one person, two addresses; what the "Merge" command and a merge replayed from another
 * browser both do): every meeting with `gone` becomes a meeting with `keep`, their first and last contact and
 * count are recomputed from all of them, notes are joined, and `gone` is removed. Nothing is lost; one
 * transaction.
 */
export async function absorbPerson(db: AppDB, keepEmail: string, goneEmail: string, now: number): Promise<Person> {
  if (keepEmail === goneEmail) throw new Refusal('Choose two different people to merge.');
  return db.transaction('rw', db.people, db.interactions, db.tombstones, async () => {
    const [keep, gone] = await db.people.bulkGet([keepEmail, goneEmail]);
    if (!keep || !gone) throw new Refusal('One of these people is no longer in Bridges.');
    // Both notes are kept whole, or the merge waits: a note cut short would lose the user's words.
    const note = [keep.note, gone.note].filter(Boolean).join('\n\n');
    if (note.length > LIMITS.personNote) {
      throw new Refusal(
        `Their notes together are ${note.length.toLocaleString('en')} characters, and a note can be at most ${LIMITS.personNote.toLocaleString('en')}: shorten one of them, then merge.`,
      );
    }
    const theirs = await db.interactions.where('people').equals(goneEmail).toArray();
    await db.interactions.bulkPut(
      theirs.map((i) => ({
        ...i,
        people: [...new Set(i.people.map((e) => (e === goneEmail ? keepEmail : e)))],
        attendees: dedupeAttendees(i.attendees.map((a) => (a.email === goneEmail ? { ...a, email: keepEmail } : a))),
      })),
    );
    const all = await db.interactions.where('people').equals(keepEmail).toArray();
    // With no meeting left, they keep the span of both records, and a count of none.
    const span = spanOf(all.map((i) => i.start)) ?? joinSpans(spanOfPerson(keep), spanOfPerson(gone), 0);
    const joined: Partial<Person> = {
      note,
      thanksOwedSince: keep.thanksOwedSince ?? gone.thanksOwedSince,
      groupId: keep.groupId ?? gone.groupId,
      kind: keep.kind ?? gone.kind,
    };
    // The fields the merge changed carry its time (sync across browsers), the others keep theirs.
    const changed = Object.entries(joined)
      .filter(([field, value]) => personFieldOf(field) && keep[field as keyof Person] !== value)
      .map(([field]) => field);
    const merged: Person = {
      ...keep,
      displayName: keep.displayName === keep.email ? gone.displayName : keep.displayName,
      ...metFields(span),
      ...joined,
      changedAt: stamped(keep.changedAt, changed, now),
      updatedAt: now,
    };
    await db.people.put(merged);
    await db.people.delete(goneEmail);
    // The user's other browsers make the same two one person (lib/sync).
    await db.tombstones.put({ key: personTombstone(goneEmail), at: now, into: keepEmail });
    return merged;
  });
}

function dedupeAttendees(attendees: Attendee[]): Attendee[] {
  const seen = new Set<string>();
  return attendees.filter((a) => !seen.has(a.email) && seen.add(a.email));
}

/**
 * Deletes a person: their record, and their name from every meeting (a meeting left with no one is deleted
 * too; the others keep everyone else). One transaction. They are remembered as deleted for a while, so the
 * user's other browsers delete them too (lib/sync).
 */
export async function erasePerson(db: AppDB, email: string, now: number): Promise<void> {
  await db.transaction('rw', db.people, db.interactions, db.tombstones, async () => {
    const theirs = await db.interactions.where('people').equals(email).toArray();
    const emptied = theirs.filter((i) => i.people.length === 1).map((i) => i.key);
    const kept = theirs
      .filter((i) => i.people.length > 1)
      .map((i) => ({
        ...i,
        people: i.people.filter((e) => e !== email),
        attendees: i.attendees.filter((a) => a.email !== email),
      }));
    await db.interactions.bulkDelete(emptied);
    await db.interactions.bulkPut(kept);
    await db.people.delete(email);
    await db.tombstones.put({ key: personTombstone(email), at: now });
  });
}
