import type { CalendarEvent } from '../calendar/google/card';
import type { Attendee } from '../db/types';
import { isEmail, isResourceEmail, normaliseEmail } from '../people/email';

/** The key a Calendar event's instance is logged (and noted as booked) under: "gcal:<instance id>". */
export function calendarKey(eventId: string): string {
  return `gcal:${eventId}`;
}

/** The meeting rules a user can see and set. */
export interface MeetingRules {
  /** A meeting with more people than this asks for a second click. */
  guestLimit: number;
}

export const DEFAULT_MEETING_RULES: MeetingRules = { guestLimit: 25 };

/** What was left out of a log, for the control to say: groups are not people; a shortened list is partial. */
export interface LogNotes {
  /** Google Groups among the guests, not counted as people. */
  groups: number;
  /** Calendar listed only `shown` of `total` guests. */
  partial: { shown: number; total: number } | null;
}

/** What the rules say of an event, before anything is written. */
export type Verdict =
  | ({ kind: 'log'; attendees: Attendee[] } & LogNotes)
  | { kind: 'not-started' }
  | { kind: 'declined' }
  | ({ kind: 'no-one' } & LogNotes)
  | { kind: 'needs-confirmation'; count: number; limit: number };

/** A verdict on an event read from a Calendar page, where the user's own answer may be unreadable. */
export type PageVerdict = Verdict | { kind: 'response-unknown' };

export interface JudgeOptions {
  now: number;
  myEmails: readonly string[];
  rules: MeetingRules;
  /** The second click on a meeting over the guest limit. */
  confirmed: boolean;
  /** The user chose to log although the page did not say whether they declined. */
  logAnyway?: boolean;
}

/**
 * Who in an event counts as met: every guest but the user (any of their addresses), rooms and resources,
 * Google Groups (a group is not a person; its members count when Calendar lists them), and guests who
 * declined.
 */
export function attendeesToLog(event: CalendarEvent, myEmails: readonly string[]): Attendee[] {
  const me = new Set([...myEmails, event.selfEmail ?? ''].map(normaliseEmail));
  const out: Attendee[] = [];
  const seen = new Set<string>();
  for (const guest of event.guests) {
    const email = normaliseEmail(guest.email);
    if (!isEmail(email) || me.has(email) || isResourceEmail(email) || guest.group || seen.has(email)) continue;
    if (guest.response === 'declined') continue;
    seen.add(email);
    out.push({
      email,
      displayName: guest.name.trim() || email,
      response: guest.response,
      organizer: guest.organizer,
      optional: guest.optional,
    });
  }
  return out;
}

export function notesOf(event: CalendarEvent): LogNotes {
  return { groups: event.guests.filter((g) => g.group).length, partial: event.partialGuests ?? null };
}

/**
 * Whether the user declined. An event read from a page carries its own verdict on the signed-in user
 * (selfResponse, from every signal the page gives); the rows of the user's other addresses still count.
 */
export function userDeclined(event: CalendarEvent, myEmails: readonly string[]): boolean {
  if (event.selfDeclined || event.selfResponse === 'declined') return true;
  const me = new Set([...myEmails, event.selfEmail ?? ''].map(normaliseEmail));
  if (event.selfResponse !== undefined && event.selfEmail) me.delete(normaliseEmail(event.selfEmail));
  return event.guests.some((g) => me.has(normaliseEmail(g.email)) && g.response === 'declined');
}

/** The rules, in the order the user reads them: not yet happened, declined, no one else, too many. */
export function judge(event: CalendarEvent, options: JudgeOptions): Verdict {
  if (event.start > options.now) return { kind: 'not-started' };
  if (userDeclined(event, options.myEmails)) return { kind: 'declined' };
  const attendees = attendeesToLog(event, options.myEmails);
  const notes = notesOf(event);
  if (attendees.length === 0) return { kind: 'no-one', ...notes };
  if (attendees.length > options.rules.guestLimit && !options.confirmed) {
    return { kind: 'needs-confirmation', count: attendees.length, limit: options.rules.guestLimit };
  }
  return { kind: 'log', attendees, ...notes };
}

/**
 * The rules for an event read from a Calendar page: as judge(), and when the page could not tell whether the
 * user declined (its signals disagree, or none could be read), nothing is guessed: the user is asked, before
 * the guest limit, and `logAnyway` is their answer.
 */
export function judgePageEvent(event: CalendarEvent, options: JudgeOptions): PageVerdict {
  const verdict = judge(event, options);
  const wouldLog = verdict.kind === 'log' || verdict.kind === 'needs-confirmation';
  return wouldLog && event.selfResponse === 'unknown' && !options.logAnyway ? { kind: 'response-unknown' } : verdict;
}
