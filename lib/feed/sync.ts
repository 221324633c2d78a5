import type { CalendarEvent } from '../calendar/google/card';
import { type AppDB, untouchedByUser } from '../db/app-db';
import type { Interaction, Person } from '../db/types';
import { parseCalendarEvent } from '../logging/event-schema';
import { calendarKey, meetingOf, recordContacts } from '../logging/meeting-log';
import { judge, type MeetingRules } from '../logging/rules';
import { meetingsLogged } from '../logging/upcoming';
import { metFields, spanOf } from '../relationships/meeting-span';

/**
 * Keeping the log complete from the user's own calendar feed, incrementally. Each sync compares the feed's
 * instances (up to now) with what the last sync saw, by a fingerprint of what matters to the log (times,
 * title, who answered what); only new and changed instances are judged and written, so an unchanged feed
 * writes nothing. A meeting the feed logged is taken back out when the feed later drops it (cancelled,
 * deleted) or the user declined it after all; a meeting the user logged themselves (from a card, by hand, or
 * from a file) is never removed.
 */
export interface FeedState {
  /** Fingerprints of the instances the feed had at the last sync, by meeting key. */
  instances: Record<string, string>;
}

export interface SyncSummary {
  added: number;
  updated: number;
  removed: number;
  /** Instances the feed has that the rules leave out, by reason. */
  declined: number;
  noOne: number;
  overLimit: number;
  peopleAdded: number;
}

export interface SyncOptions {
  now: number;
  myEmails: readonly string[];
  rules: MeetingRules;
  /**
   * Where the reader's expansion of a series starts, by the series' id (the instance id before "_"), when it
   * left older instances out (a cap): instances older than that are not "gone" from the feed.
   */
  coveredFrom?: ReadonlyMap<string, number>;
  /** Where the reader began when it left a huge feed's oldest meetings out: older ones are not gone either. */
  readFrom?: number;
}

/** A fingerprint of what the log keeps of an instance: a change here is a change worth writing. */
export function fingerprint(event: CalendarEvent): string {
  const guests = event.guests.map((g) => `${g.email.toLowerCase()}:${g.response}`).sort();
  const text = JSON.stringify([event.start, event.end, event.allDay, event.title, event.selfDeclined, guests]);
  // Two 32-bit FNV-1a hashes with different seeds: enough to tell versions of one instance apart, and cheap
  // for thousands of instances on every sync.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/** The start an instance's key carries ("…_20261123T150000Z" or "…_20261123"), or 0. */
function instanceStartOf(key: string): number {
  const m = /_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(key);
  if (!m) return 0;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi);
}

const seriesOf = (key: string) => key.replace(/^gcal:/, '').replace(/_\d{8}(?:T\d{6}Z)?$/, '');

export async function syncFeedEvents(
  db: AppDB,
  events: readonly CalendarEvent[],
  state: FeedState,
  options: SyncOptions,
): Promise<{ summary: SyncSummary; state: FeedState }> {
  const summary: SyncSummary = {
    added: 0,
    updated: 0,
    removed: 0,
    declined: 0,
    noOne: 0,
    overLimit: 0,
    peopleAdded: 0,
  };
  const instances: Record<string, string> = {};
  const changed: CalendarEvent[] = [];
  for (const event of events) {
    if (event.start > options.now) continue;
    const key = calendarKey(event.eventId);
    const print = fingerprint(event);
    instances[key] = print;
    if (state.instances[key] !== print) changed.push(event);
  }
  const gone = Object.keys(state.instances).filter((key) => {
    if (key in instances) return false;
    const at = instanceStartOf(key);
    if (options.readFrom !== undefined && at !== 0 && at < options.readFrom) return false;
    const from = options.coveredFrom?.get(seriesOf(key));
    return from === undefined || at >= from;
  });
  if (changed.length === 0 && gone.length === 0) return { summary, state: { instances } };

  await db.transaction('rw', db.interactions, db.people, db.upcoming, async () => {
    const peopleBefore = await db.people.count();
    const keys = [...changed.map((e) => calendarKey(e.eventId)), ...gone];
    const existing = await db.interactions.bulkGet(keys);
    const byKey = new Map<string, Interaction>();
    for (const row of existing) if (row) byKey.set(row.key, row);

    const fresh: Interaction[] = [];
    const rewritten: Interaction[] = [];
    const removed: Interaction[] = [];
    for (const event of changed) {
      const key = calendarKey(event.eventId);
      const mine = byKey.get(key);
      if (mine && mine.source !== 'feed') continue; // the user's own log: never touched by the feed
      if (!parseCalendarEvent(event)) continue; // checked as an event logged from the page is
      const verdict = judge(event, {
        now: options.now,
        myEmails: options.myEmails,
        rules: options.rules,
        confirmed: false,
      });
      if (verdict.kind === 'log') {
        const meeting = meetingOf(event, verdict.attendees, 'feed', mine?.loggedAt ?? options.now);
        if (mine) rewritten.push(meeting);
        else fresh.push(meeting);
        continue;
      }
      if (verdict.kind === 'declined') summary.declined++;
      else if (verdict.kind === 'no-one') summary.noOne++;
      else if (verdict.kind === 'needs-confirmation') summary.overLimit++;
      if (mine) removed.push(mine);
    }
    for (const key of gone) {
      const mine = byKey.get(key);
      if (mine?.source === 'feed') removed.push(mine);
    }

    await db.interactions.bulkAdd(fresh);
    await recordContacts(
      db,
      fresh.map((m) => ({ attendees: m.attendees, at: m.start })),
      options.now,
    );
    if (rewritten.length > 0) await db.interactions.bulkPut(rewritten);
    if (removed.length > 0) await db.interactions.bulkDelete(removed.map((m) => m.key));
    await meetingsLogged(db, fresh, options.now);
    const touched = new Set<string>();
    for (const m of [...rewritten, ...removed]) for (const email of m.people) touched.add(email);
    for (const m of rewritten) {
      const before = byKey.get(m.key);
      for (const email of before?.people ?? []) touched.add(email);
    }
    await recomputePeople(db, [...touched], rewritten, options.now);
    summary.added = fresh.length;
    summary.updated = rewritten.length;
    summary.removed = removed.length;
    summary.peopleAdded = (await db.people.count()) - peopleBefore;
  });
  return { summary, state: { instances } };
}

/**
 * First and last contact and count of `emails`, from their meetings as they are now. A rewritten meeting's new
 * guest becomes a person first. Someone the feed had added and then took back, with nothing of the user's own
 * about them, is removed; anyone else is kept.
 */
async function recomputePeople(
  db: AppDB,
  emails: readonly string[],
  rewritten: readonly Interaction[],
  now: number,
): Promise<void> {
  if (emails.length === 0) return;
  const known = new Set((await db.people.bulkGet([...emails])).filter((p) => p !== undefined).map((p) => p.email));
  const newcomers = rewritten.flatMap((m) =>
    m.attendees.filter((a) => !known.has(a.email)).map((a) => ({ attendees: [a], at: m.start })),
  );
  await recordContacts(db, newcomers, now);
  const people = await db.people.bulkGet([...emails]);
  const updates: Person[] = [];
  const deletions: string[] = [];
  for (const person of people) {
    if (!person) continue;
    const meetings = await db.interactions.where('people').equals(person.email).toArray();
    const span = spanOf(meetings.map((m) => m.start));
    if (span) updates.push({ ...person, ...metFields(span), updatedAt: now });
    else if (untouchedByUser(person)) deletions.push(person.email);
    else updates.push({ ...person, interactionCount: 0, updatedAt: now });
  }
  if (updates.length > 0) await db.people.bulkPut(updates);
  if (deletions.length > 0) await db.people.bulkDelete(deletions);
}
