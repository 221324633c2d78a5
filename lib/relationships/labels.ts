import type { Group, Person, Priority, RelationshipKind } from '../db/types';
import { isBooked } from './booking';
import { calendarDaysBetween, wholeMonthsBetween } from './calendar-day';

/** The group a person counts in for "groups touched": their named group, else their organisation. */
export function groupKeyOf(person: Pick<Person, 'groupId' | 'organisation' | 'domain'>): string {
  return person.groupId ? `group:${person.groupId}` : `org:${person.organisation ?? person.domain}`;
}

/** What to show under a name: the named group, else the organisation, else "Personal address". */
export function affiliationOf(
  person: Pick<Person, 'groupId' | 'organisation'>,
  groups: ReadonlyMap<string, Group>,
  internalDomains: readonly string[] = [],
): string {
  const group = person.groupId ? groups.get(person.groupId) : undefined;
  if (group) return group.name;
  if (!person.organisation) return 'Personal address';
  if (internalDomains.includes(person.organisation)) return 'Your company';
  return person.organisation;
}

/** A priority in words, as the settings and a person's row name it. */
export const PRIORITY_LABELS: Record<Priority, string> = {
  high: 'High priority',
  normal: 'Normal priority',
  low: 'Low priority',
};

export const KIND_LABELS: Record<RelationshipKind, string> = {
  manager: 'Manager',
  'direct-report': 'Direct report',
  peer: 'Peer',
  'other-department': 'Other department',
  customer: 'Customer',
  supplier: 'Supplier',
  partner: 'Partner',
  other: 'Other',
};

const BOOKED_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
const zonedBookedDay = new Map<string, Intl.DateTimeFormat>();

/** "Booked today", "Booked tomorrow", "Booked Thu 4 Mar": the day of the next meeting booked with someone. */
export function bookedText(at: number, now: number, timeZone?: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  if (days <= 0) return 'Booked today';
  if (days === 1) return 'Booked tomorrow';
  let format = BOOKED_DAY;
  if (timeZone) {
    format =
      zonedBookedDay.get(timeZone) ??
      new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone });
    zonedBookedDay.set(timeZone, format);
  }
  return `Booked ${format.format(at).replace(',', '')}`;
}

/** "Booked Thu 4 Mar" when a meeting with them is booked, else null: the popup, the audit and the person page. */
export function bookedLabel(person: Pick<Person, 'nextMeetingAt'>, now: number, timeZone?: string): string | null {
  return isBooked(person, now) && person.nextMeetingAt !== null
    ? bookedText(person.nextMeetingAt, now, timeZone)
    : null;
}

/** What every page says of someone while a catch-up with them is being planned (isPlanning). */
export const PLANNING_TEXT = 'Catch-up being planned';

/**
 * The next step with them, in a line: "Booked Thu 4 Mar" when a meeting is booked, "Catch-up being planned" while
 * one is being planned (never both: a booking ends the planning), else null.
 */
export function nextStepText(
  { person, planning }: { person: Pick<Person, 'nextMeetingAt'>; planning: boolean },
  now: number,
  timeZone?: string,
): string | null {
  return bookedLabel(person, now, timeZone) ?? (planning ? PLANNING_TEXT : null);
}

/** Below this many days, "last met" counts weeks; from it, whole months (13 weeks is about three months). */
const WEEKS_UNTIL_DAYS = 13 * 7;

/**
 * "today", "yesterday", "5 days ago", "10 weeks ago", "4 months ago", "2 years ago": the one rule of the popup,
 * the audit and the person page. Every unit is rounded down, so the words never overstate how long it has been:
 * days up to two weeks, whole weeks up to thirteen, then whole calendar months (at least three), then whole years.
 */
export function lastMetText(lastMetAt: number, now: number, timeZone?: string): string {
  const days = calendarDaysBetween(lastMetAt, now, timeZone);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < WEEKS_UNTIL_DAYS) return `${Math.floor(days / 7)} weeks ago`;
  const months = Math.max(3, wholeMonthsBetween(lastMetAt, now, timeZone));
  return months < 24 ? `${months} months ago` : `${Math.floor(months / 12)} years ago`;
}
