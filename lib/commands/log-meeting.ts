import * as v from 'valibot';
import type { AppDB } from '../db/app-db';
import { CalendarEventSchema } from '../logging/event-schema';
import { restoreHold } from '../logging/hold';
import { judgeClick, type LogOutcome, logCalendarEvent } from '../logging/service';
import { heldLogsItem, meetingRulesItem } from '../settings';
import type { HeldLog } from '../settings-schema';
import { command } from './command';
import { ownAddressesFor, readOwnAddresses } from './own-addresses';

/**
 * Log the event shown in a Calendar card (or on its full page). `confirmed` is the second click on a large
 * meeting; `logAnyway` the user's "Log anyway" when the page could not tell whether they declined.
 */
export const logMeeting = command({
  from: ['content'],
  input: v.strictObject({
    event: v.pipe(
      CalendarEventSchema,
      v.check((e) => e.end >= e.start, "Bridges can't read this event: it ends before it starts. Nothing was saved."),
    ),
    confirmed: v.boolean(),
    logAnyway: v.optional(v.boolean()),
  }),
  writes: true,
  unreadable: "Bridges can't read this event: Calendar's page may have changed. Nothing was saved.",
  async run(db, { event, confirmed, logAnyway }, ctx) {
    const click: Click = { event, confirmed, logAnyway: logAnyway === true, at: ctx.now };
    return restoreHold.active ? holdClick(click) : logClick(db, click);
  },
});

type Click = Omit<HeldLog, 'people'>;

/** A click, logged: the user's own addresses brought up to date, then the meeting and its people. */
async function logClick(db: AppDB, { event, confirmed, logAnyway, at }: Click): Promise<LogOutcome> {
  const [rules, me] = await Promise.all([meetingRulesItem.getValue(), ownAddressesFor(db, event.selfEmail, at)]);
  return logCalendarEvent(
    db,
    { ...event, selfEmail: me.signedIn },
    { now: at, myEmails: me.known, rules, confirmed, logAnyway },
  );
}

/**
 * A click while a restore holds the database (lib/logging/hold.ts): judged by the same rules from what is not
 * in the database, kept, and answered now; logHeldClicks writes it when the restore ends.
 */
async function holdClick(click: Click): Promise<LogOutcome> {
  const [rules, own, held] = await Promise.all([
    meetingRulesItem.getValue(),
    readOwnAddresses(click.event.selfEmail),
    heldLogsItem.getValue(),
  ]);
  // As ownAddressesFor, without the database: the signed-in account is the user unless they said it is not.
  const { known, state, email } = own;
  const signedIn = email !== null && (known.includes(email) || !state.notMe.includes(email)) ? email : null;
  const { outcome, verdict } = judgeClick(
    { ...click.event, selfEmail: signedIn },
    { now: click.at, myEmails: known, rules, confirmed: click.confirmed, logAnyway: click.logAnyway },
  );
  if (!verdict) return outcome;
  const others = held.filter((h) => h.event.eventId !== click.event.eventId);
  await heldLogsItem.setValue([...others, { ...click, people: verdict.attendees.length }]);
  return outcome;
}

/** Whether a click kept while a restore holds the database is on this event, and with how many people. */
export async function heldStatus(eventId: string): Promise<{ logged: true; people: number } | null> {
  const held = (await heldLogsItem.getValue()).find((h) => h.event.eventId === eventId);
  return held ? { logged: true, people: held.people } : null;
}

/**
 * Writes the clicks kept while a restore held the database, each as it would have been logged then, and
 * forgets them. One that cannot be written (the disk is full) stays kept for the next time. Returns how many
 * were written.
 */
export async function logHeldClicks(db: AppDB): Promise<number> {
  const held = await heldLogsItem.getValue();
  if (held.length === 0) return 0;
  const kept: HeldLog[] = [];
  let written = 0;
  for (const click of held) {
    try {
      await logClick(db, click);
      written++;
    } catch {
      kept.push(click);
    }
  }
  // Clicks kept while these were written (another restore began) stay too.
  const now = await heldLogsItem.getValue();
  const done = new Set(held.filter((h) => !kept.includes(h)).map((h) => `${h.event.eventId} ${h.at}`));
  await heldLogsItem.setValue(now.filter((h) => !done.has(`${h.event.eventId} ${h.at}`)));
  return written;
}
