import type { Person } from '../db/types';

const DAY = 86_400_000;
/** How long "Catch-up being planned" lasts after the click, unless a meeting is booked or logged first. */
export const PLANNING_DAYS = 7;
/** When "Catch-up being planned", begun at `since`, ends by itself. */
export const planningEndsAt = (since: number): number => since + PLANNING_DAYS * DAY;
/**
 * How long a booked meeting's start may have passed and the person still count as booked: the day to log it.
 * After that it passed without being logged, and no longer counts (the background drops it).
 */
export const BOOKED_GRACE_MS = DAY;

/** How far ahead Bridges reads a calendar's meetings to know who is booked. */
export const BOOKED_HORIZON_DAYS = 90;
export const BOOKED_HORIZON_MS = BOOKED_HORIZON_DAYS * DAY;

/** Whether a meeting with them is booked: their next one has not passed (by more than a day) yet. */
export function isBooked(person: Pick<Person, 'nextMeetingAt'>, now: number): boolean {
  return person.nextMeetingAt !== null && person.nextMeetingAt > now - BOOKED_GRACE_MS;
}

/**
 * Whether the user is planning a catch-up with them: they clicked "Plan a catch-up" less than a week ago, and
 * since then no meeting with them has been booked or has happened.
 */
export function isPlanning(
  person: Pick<Person, 'planningSince' | 'nextMeetingAt' | 'lastMetAt'>,
  now: number,
): boolean {
  const since = person.planningSince;
  if (since === null || now >= planningEndsAt(since) || since > now) return false;
  return !isBooked(person, now) && person.lastMetAt < since;
}
