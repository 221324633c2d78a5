import type { CalendarEvent } from '../calendar/google/card';
import { type AppDB, PERSON_DEFAULTS } from '../db/app-db';
import type { Attendee, Interaction, Person } from '../db/types';
import { domainOf, organisationOf } from '../people/email';
import { ownAddressesFor } from '../people/own-addresses';
import { joinSpans, type MeetingSpan, metFields, spanOfPerson, withMeeting } from '../relationships/meeting-span';
import { getSetting } from '../settings';
import { calendarKey, type JudgeOptions, judgePageEvent, type LogNotes } from './rules';
import { meetingsLogged } from './upcoming';

export { calendarKey };

/**
 * What logging an event did, for the control to say. `groups` and `partial` (see LogNotes) say what was
 * left out; they are absent when nothing was.
 */
export type LogOutcome =
  | ({ status: 'logged'; people: number } & Partial<LogNotes>)
  | { status: 'already-logged'; people: number }
  | { status: 'not-started' }
  | { status: 'declined' }
  | ({ status: 'no-one' } & Partial<LogNotes>)
  | { status: 'response-unknown' }
  | { status: 'needs-confirmation'; count: number; limit: number }
  | { status: 'invalid' };

/** Only the notes worth saying: no groups and a full list say nothing. */
function said(notes: LogNotes): Partial<LogNotes> {
  return {
    ...(notes.groups > 0 ? { groups: notes.groups } : {}),
    ...(notes.partial ? { partial: notes.partial } : {}),
  };
}

export type MeetingStatus = { logged: false } | { logged: true; people: number };

export async function loggedStatus(db: AppDB, eventId: string): Promise<MeetingStatus> {
  const existing = await db.interactions.get(calendarKey(eventId));
  return existing ? { logged: true, people: existing.people.length } : { logged: false };
}

/** The interaction a calendar event is logged as: its instance's key, the people counted as met. */
export function meetingOf(
  event: CalendarEvent,
  attendees: Attendee[],
  source: Interaction['source'],
  now: number,
): Interaction {
  return {
    key: calendarKey(event.eventId),
    kind: 'meeting',
    source,
    title: event.title,
    start: event.start,
    end: event.end,
    allDay: event.allDay,
    people: attendees.map((a) => a.email),
    attendees,
    calendarId: event.calendarId || null,
    loggedAt: now,
  };
}

/**
 * What a click on an event would do, by the rules alone (no database): the outcome to answer when nothing is
 * written, or the verdict to log with the outcome it will have once written.
 */
export function judgeClick(
  event: CalendarEvent,
  options: JudgeOptions,
): { outcome: LogOutcome; verdict: Extract<ReturnType<typeof judgePageEvent>, { kind: 'log' }> | null } {
  const verdict = judgePageEvent(event, options);
  if (verdict.kind === 'needs-confirmation')
    return { outcome: { status: verdict.kind, count: verdict.count, limit: verdict.limit }, verdict: null };
  if (verdict.kind === 'no-one') return { outcome: { status: 'no-one', ...said(verdict) }, verdict: null };
  if (verdict.kind !== 'log') return { outcome: { status: verdict.kind }, verdict: null };
  return { outcome: { status: 'logged', people: verdict.attendees.length, ...said(verdict) }, verdict };
}

/** A "Log meeting" click, as the logging command takes it. */
export interface Click {
  event: CalendarEvent;
  confirmed: boolean;
  logAnyway: boolean;
  at: number;
}

/** A click, logged: the user's own addresses brought up to date, then the meeting and its people. */
export async function logClick(db: AppDB, { event, confirmed, logAnyway, at }: Click): Promise<LogOutcome> {
  const [rules, me] = await Promise.all([getSetting(db, 'meetingRules'), ownAddressesFor(db, event.selfEmail, at)]);
  return logCalendarEvent(
    db,
    { ...event, selfEmail: me.signedIn },
    { now: at, myEmails: me.known, rules, confirmed, logAnyway },
  );
}

/**
 * Logs a calendar event once: the interaction and every person in it, in one transaction. Logging the same
 * event again changes nothing. People's first and last meeting times and counts are kept up to date here,
 * so that later reads never scan all meetings.
 */
export async function logCalendarEvent(db: AppDB, event: CalendarEvent, options: JudgeOptions): Promise<LogOutcome> {
  const key = calendarKey(event.eventId);
  const existing = await db.interactions.get(key);
  if (existing) return { status: 'already-logged', people: existing.people.length };
  const { outcome, verdict } = judgeClick(event, options);
  if (!verdict) return outcome;

  const interaction = meetingOf(event, verdict.attendees, 'google-calendar', options.now);
  const again = await writeMeeting(db, interaction, options.now);
  if (again) return { status: 'already-logged', people: again.people.length };
  return { status: 'logged', people: interaction.people.length, ...said(verdict) };
}

/**
 * Writes a judged meeting and its people in one transaction, unless it is there already (then returns the
 * meeting that is).
 */
export function writeMeeting(db: AppDB, meeting: Interaction, now: number): Promise<Interaction | undefined> {
  return db.transaction('rw', db.interactions, db.people, db.upcoming, async () => {
    const again = await db.interactions.get(meeting.key);
    if (again) return again;
    await db.interactions.add(meeting);
    await recordContact(db, meeting.attendees, meeting.start, now);
    await meetingsLogged(db, [meeting], now);
    return undefined;
  });
}

/** Adds or updates each person met at `at`. Call inside a rw transaction on people. */
export function recordContact(db: AppDB, attendees: Attendee[], at: number, now: number): Promise<void> {
  return recordContacts(db, [{ attendees, at }], now);
}

/**
 * Adds or updates everyone in a batch of contacts at once: first and last met, a count, the best name. One
 * read and one write of people for the whole batch. Call inside a rw transaction on people.
 */
export async function recordContacts(
  db: AppDB,
  contacts: ReadonlyArray<{ attendees: readonly Attendee[]; at: number }>,
  now: number,
): Promise<void> {
  const seen = new Map<string, { attendee: Attendee; span: MeetingSpan }>();
  for (const { attendees, at } of contacts) {
    for (const attendee of attendees) {
      const entry = seen.get(attendee.email);
      if (!entry) seen.set(attendee.email, { attendee, span: withMeeting(undefined, at) });
      else {
        entry.span = withMeeting(entry.span, at);
        if (entry.attendee.displayName === entry.attendee.email) entry.attendee = attendee;
      }
    }
  }
  const emails = [...seen.keys()];
  const current = await db.people.bulkGet(emails);
  const rows: Person[] = emails.map((email, i) => {
    const { attendee, span } = seen.get(email) as { attendee: Attendee; span: MeetingSpan };
    const person = current[i];
    if (!person) {
      return {
        email,
        displayName: attendee.displayName,
        domain: domainOf(email),
        organisation: organisationOf(email),
        ...metFields(span),
        createdAt: now,
        updatedAt: now,
        ...PERSON_DEFAULTS,
      };
    }
    const betterName = person.displayName === person.email && attendee.displayName !== attendee.email;
    return {
      ...person,
      displayName: betterName ? attendee.displayName : person.displayName,
      ...metFields(joinSpans(spanOfPerson(person), span)),
      updatedAt: now,
    };
  });
  await db.people.bulkPut(rows);
}
