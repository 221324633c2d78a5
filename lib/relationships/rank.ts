import type { Person, Priority } from '../db/types';
import { isBooked, isPlanning } from './booking';
import { type Cadence, type CadenceDefaults, cadenceOf, DEFAULT_CADENCES } from './cadence';
import { dayNumberAt } from './calendar-day';
import { daysBefore, type Status, statusOf } from './status';

export interface RankedPerson {
  person: Person;
  cadence: Cadence;
  days: number;
  status: Status;
  /** How overdue, relative to the cadence and weighted by priority: bigger is more neglected. */
  score: number;
  /** A meeting with them is booked (their status stays what it is: honest about the time since they met). */
  booked: boolean;
  /** The user is planning a catch-up with them ("Plan a catch-up", within the week). */
  planning: boolean;
}

export interface RankOptions {
  now: number;
  timeZone?: string;
  cadences?: CadenceDefaults;
  /** The user's own addresses: never in the list. */
  myEmails?: readonly string[];
}

const WEIGHT: Record<Priority, number> = { high: 3, normal: 2, low: 1 };

/** Whether a person belongs in the popup and the reminders at all. */
export function isOutsideTeamAndActive(person: Person, now: number, me: ReadonlySet<string>): boolean {
  return (
    !person.team &&
    !person.ignored &&
    !(person.snoozedUntil !== null && person.snoozedUntil > now) &&
    !me.has(person.email)
  );
}

/** Status and score of one person at `now`. */
export function assess(person: Person, options: RankOptions): RankedPerson {
  return assessOn(dayNumberAt(options.now, options.timeZone), person, options);
}

/** `assess`, with the day number of `now` given: the ranking counts it once, not once per person. */
function assessOn(today: number, person: Person, options: RankOptions): RankedPerson {
  const cadence = cadenceOf(person, options.cadences ?? DEFAULT_CADENCES);
  const days = daysBefore(today, person.lastMetAt, options.timeZone);
  const status = statusOf(days, cadence);
  const score = (days / cadence.idealDays) * (WEIGHT[person.priority] ?? 2);
  return {
    person,
    cadence,
    days,
    status,
    score,
    booked: isBooked(person, options.now),
    planning: isPlanning(person, options.now),
  };
}

/** Whether the user has something to do for this person: neither a meeting booked nor a catch-up being planned. */
export function needsAction(entry: Pick<RankedPerson, 'booked' | 'planning'>): boolean {
  return !entry.booked && !entry.planning;
}

/** Most neglected first: furthest past their ideal interval, weighted by priority; then met longest ago; then by name. */
function byNeglect(a: RankedPerson, b: RankedPerson): number {
  return (
    b.score - a.score ||
    a.person.lastMetAt - b.person.lastMetAt ||
    a.person.displayName.localeCompare(b.person.displayName)
  );
}

/**
 * People outside my team, not snoozed, not ignored, most neglected first (byNeglect): those the user has something
 * to do for before those already booked or being planned. Reads people only, never interactions (each person
 * carries lastMetAt), so it is one pass over at most a few thousand rows. The two kinds are set apart once rather
 * than told apart at each of the sort's some 20,000 comparisons: the popup ranks everyone at every open, before its
 * first paint, with code the browser has not compiled yet, where that halves the sort's time.
 */
export function rankNeglected(people: readonly Person[], options: RankOptions): RankedPerson[] {
  const me = new Set(options.myEmails ?? []);
  const today = dayNumberAt(options.now, options.timeZone);
  const toDo: RankedPerson[] = [];
  const inHand: RankedPerson[] = [];
  for (const person of people) {
    if (!isOutsideTeamAndActive(person, options.now, me)) continue;
    const entry = assessOn(today, person, options);
    (needsAction(entry) ? toDo : inHand).push(entry);
  }
  return [...toDo.sort(byNeglect), ...inHand.sort(byNeglect)];
}
