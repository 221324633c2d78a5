import type { Person, Priority } from '../db/types';
import { type Cadence, type CadenceDefaults, cadenceOf, DEFAULT_CADENCES } from './cadence';
import { daysSince, type Status, statusOf } from './status';

export interface RankedPerson {
  person: Person;
  cadence: Cadence;
  days: number;
  status: Status;
  /** How overdue, relative to the cadence and weighted by priority: bigger is more neglected. */
  score: number;
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
  const cadence = cadenceOf(person, options.cadences ?? DEFAULT_CADENCES);
  const days = daysSince(person.lastMetAt, options.now, options.timeZone);
  const status = statusOf(days, cadence);
  return { person, cadence, days, status, score: (days / cadence.idealDays) * (WEIGHT[person.priority] ?? 2) };
}

/**
 * People outside my team, not snoozed, not ignored, most neglected first: by how far past their ideal
 * interval they are, weighted by priority. Reads people only, never interactions (each person carries
 * lastMetAt), so it is one pass over at most a few thousand rows.
 */
export function rankNeglected(people: readonly Person[], options: RankOptions): RankedPerson[] {
  const me = new Set(options.myEmails ?? []);
  const ranked: RankedPerson[] = [];
  for (const person of people) {
    if (isOutsideTeamAndActive(person, options.now, me)) ranked.push(assess(person, options));
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.person.lastMetAt - b.person.lastMetAt ||
      a.person.displayName.localeCompare(b.person.displayName),
  );
}
