import type { CalendarEvent } from '../calendar/google/card';
import type { AppDB } from '../db/app-db';
import type { Person, Upcoming } from '../db/types';
import { BOOKED_GRACE_MS } from '../relationships/booking';

export { BOOKED_HORIZON_MS } from '../relationships/booking';

import { ownAddressesFor } from '../people/own-addresses';
import { getSetting } from '../settings';
import { attendeesToLog, calendarKey, judgePageEvent, userDeclined } from './rules';

/**
 * Meetings booked ahead (the `upcoming` store): learnt from the same trusted sources as the log (the calendar
 * feed's and Google's export's future events, a click on a Calendar card of a meeting not yet started). They are
 * not contacts: they never change "last met". Each person carries the start of their next one (`nextMeetingAt`),
 * kept here on every change, so that the popup reads no second store. Call inside a transaction that includes
 * `upcoming` and `people`, or let these open their own.
 */

/** What noting meetings as booked did: how many are newly noted, how many were noted already. */
export interface Noted {
  noted: number;
  already: number;
}

/**
 * Notes meetings as booked (replacing a row of the same key), except those already in the log: in a transaction
 * of its own, or in the caller's.
 */
export function noteUpcoming(db: AppDB, rows: readonly Upcoming[], now: number): Promise<Noted> {
  return inTransaction(db, async () => {
    if (rows.length === 0) return { noted: 0, already: 0 };
    const logged = await db.interactions.bulkGet(rows.map((r) => r.key));
    const fresh = rows.filter((_, i) => !logged[i]);
    const before = await db.upcoming.bulkGet(fresh.map((r) => r.key));
    await db.upcoming.bulkPut(fresh);
    await refreshNextMeetings(db, peopleOf([...fresh, ...before]), now);
    const already = before.filter((row) => row !== undefined).length;
    return { noted: fresh.length - already, already };
  });
}

/**
 * Runs `work` in a transaction of its own, or nested in the caller's. Its promise is the database's, which
 * carries the caller's transaction on past the await: the promise of a plain async function does not once it has
 * passed through a few of them, and the caller's next read would find its transaction gone.
 */
function inTransaction<T>(db: AppDB, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.upcoming, db.people, db.interactions, work);
}

/**
 * Replaces what one source said is booked in one calendar with what it says now: a meeting cancelled or declined
 * since, or moved out of the window, is no longer there.
 */
export function replaceUpcoming(
  db: AppDB,
  source: Upcoming['source'],
  calendarId: string | null,
  rows: readonly Upcoming[],
  now: number,
): Promise<void> {
  return db.transaction('rw', db.upcoming, db.people, db.interactions, async () => {
    const old = await db.upcoming.filter((u) => u.source === source && u.calendarId === calendarId).toArray();
    await db.upcoming.bulkDelete(old.map((u) => u.key));
    const logged = await db.interactions.bulkGet(rows.map((r) => r.key));
    const fresh = rows.filter((_, i) => !logged[i]);
    await db.upcoming.bulkPut(fresh);
    await refreshNextMeetings(db, peopleOf([...old, ...fresh]), now);
  });
}

/**
 * Meetings just written to the log: no longer booked ahead; and their people (some new to the log) carry their
 * next booked meeting. Call inside the transaction that wrote them, which must include upcoming and people.
 */
export function meetingsLogged(
  db: AppDB,
  meetings: ReadonlyArray<{ key: string; people: readonly string[] }>,
  now: number,
): Promise<void> {
  return inTransaction(db, async () => {
    if (meetings.length === 0) return;
    const rows = await db.upcoming.bulkGet(meetings.map((m) => m.key));
    const found = rows.filter((r): r is Upcoming => r !== undefined);
    await db.upcoming.bulkDelete(found.map((r) => r.key));
    const emails = peopleOf(found);
    for (const m of meetings) for (const email of m.people) emails.add(email);
    await refreshNextMeetings(db, emails, now);
  });
}

/**
 * The meeting an event not yet started would be noted as, when it is booked: with the people it would log (not the
 * user, rooms, groups, those who declined); null when the user declined it or no one else is in it.
 */
export function upcomingOf(
  event: CalendarEvent,
  myEmails: readonly string[],
  source: Upcoming['source'],
  now: number,
): Upcoming | null {
  if (userDeclined(event, myEmails)) return null;
  const people = attendeesToLog(event, myEmails).map((a) => a.email);
  if (people.length === 0) return null;
  return {
    key: calendarKey(event.eventId),
    title: event.title,
    start: event.start,
    end: event.end,
    people,
    source,
    calendarId: event.calendarId || null,
    notedAt: now,
  };
}

/**
 * Drops meetings whose time passed (by more than a day) without being logged, and brings every person's next
 * meeting up to date: those of the meetings dropped, those whose next meeting has passed, and with `everyone`
 * (after a restore, whose people carry another moment's bookings) all who carry one or have one. Run at the
 * background's start, when the popup opens, with the weekly reminder, and after a restore.
 */
export function sweepUpcoming(db: AppDB, now: number, everyone = false): Promise<void> {
  return db.transaction('rw', db.upcoming, db.people, async () => {
    const passed = await db.upcoming
      .where('start')
      .belowOrEqual(now - BOOKED_GRACE_MS)
      .toArray();
    await db.upcoming.bulkDelete(passed.map((r) => r.key));
    const due = (p: Person) => p.nextMeetingAt !== null && (everyone || p.nextMeetingAt <= now - BOOKED_GRACE_MS);
    // One getAll, filtered here: a cursor (Dexie's filter) steps through thousands of people one round trip at a
    // time, holding the people store for half a second as the popup opens (bench: popup.ratio).
    const stale = (await db.people.toArray()).filter(due).map((p) => p.email);
    const booked = everyone ? peopleOf(await db.upcoming.toArray()) : new Set<string>();
    await refreshNextMeetings(db, new Set([...peopleOf(passed), ...stale, ...booked]), now);
  });
}

/** Whether a meeting (by its key) is noted as booked, and with how many people. */
export async function upcomingStatus(db: AppDB, key: string): Promise<{ people: number } | null> {
  const row = await db.upcoming.get(key);
  return row ? { people: row.people.length } : null;
}

function peopleOf(rows: ReadonlyArray<Upcoming | undefined>): Set<string> {
  const out = new Set<string>();
  for (const row of rows) for (const email of row?.people ?? []) out.add(email);
  return out;
}

/**
 * Each person's next booked meeting, from the `upcoming` store: one read of its index by person for them all (an
 * import refreshes thousands at once).
 */
async function refreshNextMeetings(db: AppDB, emails: ReadonlySet<string>, now: number): Promise<void> {
  if (emails.size === 0) return;
  const list = [...emails];
  const people = await db.people.bulkGet(list);
  const next = new Map<string, number>();
  for (const row of await db.upcoming.where('people').anyOf(list).toArray()) {
    if (row.start <= now - BOOKED_GRACE_MS) continue;
    for (const email of row.people) {
      const earliest = next.get(email);
      if (emails.has(email) && (earliest === undefined || row.start < earliest)) next.set(email, row.start);
    }
  }
  const changed = [];
  for (const [i, email] of list.entries()) {
    const person = people[i];
    if (!person) continue; // booked with someone never met: they have no row, and no popup line, yet
    const at = next.get(email) ?? null;
    if (person.nextMeetingAt !== at) changed.push({ ...person, nextMeetingAt: at });
  }
  if (changed.length > 0) await db.people.bulkPut(changed);
}

/** What noting a Calendar card's meeting as booked did, for the control to say. */
export type BookOutcome =
  | { status: 'booked'; people: number }
  | { status: 'already-booked'; people: number }
  | { status: 'started' }
  | { status: 'declined' }
  | { status: 'no-one' }
  | { status: 'response-unknown' }
  | { status: 'needs-confirmation'; count: number; limit: number };

/**
 * A click on "Note as booked" in the card of a meeting that has not started: the same rules as logging it (your
 * own addresses, declines, rooms and groups, the guest limit, an answer the page could not read), then the meeting
 * is noted as booked with the people it would log. A meeting that has started is for logging instead.
 */
export async function bookClick(
  db: AppDB,
  { event, confirmed, logAnyway, at }: { event: CalendarEvent; confirmed: boolean; logAnyway: boolean; at: number },
): Promise<BookOutcome> {
  if (event.start <= at) return { status: 'started' };
  const [rules, me] = await Promise.all([getSetting(db, 'meetingRules'), ownAddressesFor(db, event.selfEmail, at)]);
  const judged = { ...event, selfEmail: me.signedIn };
  // Judged as if it were starting now: every rule but "has it started" applies as to a meeting logged.
  const verdict = judgePageEvent(judged, { now: event.start, myEmails: me.known, rules, confirmed, logAnyway });
  if (verdict.kind === 'needs-confirmation')
    return { status: verdict.kind, count: verdict.count, limit: verdict.limit };
  if (verdict.kind !== 'log') return { status: verdict.kind === 'not-started' ? 'started' : verdict.kind };
  const row = upcomingOf(judged, me.known, 'google-calendar', at);
  if (!row) return { status: 'no-one' };
  const before = await db.upcoming.get(row.key);
  await noteUpcoming(db, [row], at);
  return { status: before ? 'already-booked' : 'booked', people: row.people.length };
}
