import type { CalendarEvent } from '../calendar/google/card';
import type { Attendee } from '../db/types';
import { isEmail, isResourceEmail, normaliseEmail } from '../people/email';

/** The meeting rules a user can see and set. */
export interface MeetingRules {
  /** A meeting with more people than this asks for a second click. */
  guestLimit: number;
}

export const DEFAULT_MEETING_RULES: MeetingRules = { guestLimit: 25 };

/** What the rules say of an event, before anything is written. */
export type Verdict =
  | { kind: 'log'; attendees: Attendee[] }
  | { kind: 'not-started' }
  | { kind: 'declined' }
  | { kind: 'no-one' }
  | { kind: 'needs-confirmation'; count: number; limit: number };

/**
 * Who in an event counts as met: every guest but the user (any of their addresses), rooms and resources,
 * and guests who declined.
 */
export function attendeesToLog(event: CalendarEvent, myEmails: readonly string[]): Attendee[] {
  const me = new Set([...myEmails, event.selfEmail ?? ''].map(normaliseEmail));
  const out: Attendee[] = [];
  const seen = new Set<string>();
  for (const guest of event.guests) {
    const email = normaliseEmail(guest.email);
    if (!isEmail(email) || me.has(email) || isResourceEmail(email) || seen.has(email)) continue;
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

export function userDeclined(event: CalendarEvent, myEmails: readonly string[]): boolean {
  if (event.selfDeclined) return true;
  const me = new Set([...myEmails, event.selfEmail ?? ''].map(normaliseEmail));
  return event.guests.some((g) => me.has(normaliseEmail(g.email)) && g.response === 'declined');
}

/** The rules, in the order the user reads them: not yet happened, declined, no one else, too many. */
export function judge(
  event: CalendarEvent,
  options: { now: number; myEmails: readonly string[]; rules: MeetingRules; confirmed: boolean },
): Verdict {
  if (event.start > options.now) return { kind: 'not-started' };
  if (userDeclined(event, options.myEmails)) return { kind: 'declined' };
  const attendees = attendeesToLog(event, options.myEmails);
  if (attendees.length === 0) return { kind: 'no-one' };
  if (attendees.length > options.rules.guestLimit && !options.confirmed) {
    return { kind: 'needs-confirmation', count: attendees.length, limit: options.rules.guestLimit };
  }
  return { kind: 'log', attendees };
}
