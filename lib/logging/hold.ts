import * as v from 'valibot';
import { InteractionSchema } from '../data/backup-schema';
import type { AppDB } from '../db/app-db';
import { readOwnAddresses } from '../people/own-addresses';
import { Refusal } from '../refusal';
import { getSetting } from '../settings';
import { type Click, calendarKey, judgeClick, type LogOutcome, meetingOf, writeMeeting } from './meeting-log';

/**
 * A restore writes a whole backup in one transaction (all or nothing), which at a heavy user's size holds the
 * meetings and people for as long as the writing takes: tens of seconds. A "Log meeting" click must not wait
 * behind it. While a restore holds the database, the logging command judges the click's event by the usual
 * rules at once, keeps it in a store the restore does not hold (heldClicks), and answers;
 * when the restore ends, committed or not, what was kept is logged through the usual path (logging twice
 * changes nothing). A start of the background logs whatever a restart left kept.
 */
let holders = 0;
const released = new Set<() => void>();

export const restoreHold = {
  /** Whether a restore holds the database now. */
  get active(): boolean {
    return holders > 0;
  },
  /** Runs `work` (a restore's transaction) holding the database; when the last hold ends, the listeners run. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    holders++;
    try {
      return await work();
    } finally {
      holders--;
      if (holders === 0) for (const listener of released) listener();
    }
  },
  /** Called whenever no restore holds the database any more. Returns the way to stop listening. */
  onRelease(listener: () => void): () => void {
    released.add(listener);
    return () => released.delete(listener);
  },
};

/** What Bridges keeps of held clicks at most: more is a page clicking on its own, not a person. */
const MAX_HELD = 500;

/**
 * A click while a restore holds the meetings and people: judged by the same rules from the settings alone,
 * kept as the meeting it will be (a row of its own, so that two clicks at once are both kept), and answered
 * now; logHeldClicks writes it when the restore ends.
 */
export async function holdClick(db: AppDB, click: Click): Promise<LogOutcome> {
  const [rules, own] = await Promise.all([getSetting(db, 'meetingRules'), readOwnAddresses(db, click.event.selfEmail)]);
  // As ownAddressesFor, without people: the signed-in account is the user unless they said it is not.
  const { known, state, email } = own;
  const signedIn = email !== null && (known.includes(email) || !state.notMe.includes(email)) ? email : null;
  const { outcome, verdict } = judgeClick(
    { ...click.event, selfEmail: signedIn },
    { now: click.at, myEmails: known, rules, confirmed: click.confirmed, logAnyway: click.logAnyway },
  );
  if (!verdict) return outcome;
  if ((await db.heldClicks.count()) >= MAX_HELD) {
    throw new Refusal(
      'Bridges is restoring a backup and has kept many clicks already: log this meeting once the restore has ended.',
    );
  }
  const meeting = meetingOf(click.event, verdict.attendees, 'google-calendar', click.at);
  await db.heldClicks.put({ id: crypto.randomUUID(), at: click.at, meeting });
  return outcome;
}

/** Whether a click kept while a restore holds the database is on this event, and with how many people. */
export async function heldStatus(db: AppDB, eventId: string): Promise<{ logged: true; people: number } | null> {
  const key = calendarKey(eventId);
  const held = (await db.heldClicks.toArray()).find((h) => h.meeting.key === key);
  return held ? { logged: true, people: held.meeting.people.length } : null;
}

/**
 * Writes the clicks kept while a restore held the database, each as it was judged then, and forgets them.
 * Each is checked as a backup's meeting is, when it is read: one that fails (not written by this path) is
 * dropped and said. One that cannot be written (the disk is full) stays kept for the next time. Returns how
 * many were written.
 */
export async function logHeldClicks(db: AppDB): Promise<number> {
  const held = await db.heldClicks.toArray();
  let written = 0;
  for (const click of held) {
    const checked = v.safeParse(InteractionSchema, click.meeting);
    if (!checked.success || checked.output.kind !== 'meeting' || checked.output.source !== 'google-calendar') {
      console.warn('Bridges: a kept Log click could not be read, and was not logged.');
      await db.heldClicks.delete(click.id);
      continue;
    }
    try {
      await writeMeeting(db, checked.output, click.at);
      await db.heldClicks.delete(click.id);
      written++;
    } catch {
      // Kept for the next start or the next restore's end.
    }
  }
  return written;
}
