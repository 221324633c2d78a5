import { PERSON_DEFAULTS } from '../../lib/db/app-db';
import type { Interaction, Person } from '../../lib/db/types';

export const DAY = 86_400_000;

/** A person last met `daysAgo` days before `now`. */
export function person(email: string, lastMetAt: number, patch: Partial<Person> = {}): Person {
  const domain = email.slice(email.indexOf('@') + 1);
  return {
    email,
    displayName: email.split('@')[0] ?? email,
    domain,
    organisation: domain,
    firstMetAt: lastMetAt,
    lastMetAt,
    interactionCount: 1,
    createdAt: lastMetAt,
    updatedAt: lastMetAt,
    ...PERSON_DEFAULTS,
    ...patch,
  };
}

/** A logged meeting at `start` with `people` (each also an attendee by their email). */
export function meetingAt(key: string, start: number, people: string[], patch: Partial<Interaction> = {}): Interaction {
  return {
    key,
    kind: 'meeting',
    source: 'google-calendar',
    title: key,
    start,
    end: start,
    allDay: false,
    people,
    attendees: people.map((email) => ({
      email,
      displayName: email,
      response: 'accepted',
      organizer: false,
      optional: false,
    })),
    calendarId: null,
    loggedAt: start,
    ...patch,
  };
}
