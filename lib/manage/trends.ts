import { addMonths, addWeeks, startOfISOWeek, startOfMonth } from 'date-fns';
import type { Interaction, Person } from '../db/types';
import { type CadenceDefaults, cadenceOf } from '../relationships/cadence';
import { groupKeyOf } from '../relationships/labels';
import { daysSince, statusOf } from '../relationships/status';

/** Trends over time, each a pure function of the records and `now` (weeks start on Monday, local time). */

export interface Point {
  /** The start of the week or month. */
  at: number;
  value: number;
}

function weekStarts(now: number, weeks: number): number[] {
  const last = startOfISOWeek(now);
  return Array.from({ length: weeks }, (_, i) => addWeeks(last, i - weeks + 1).getTime());
}

function monthStarts(now: number, months: number): number[] {
  const last = startOfMonth(now);
  return Array.from({ length: months }, (_, i) => addMonths(last, i - months + 1).getTime());
}

/** Which bucket `at` falls in: the index of the last start at or before it, or -1. */
function bucketOf(starts: readonly number[], at: number): number {
  let found = -1;
  for (let i = 0; i < starts.length; i++) if ((starts[i] ?? Number.POSITIVE_INFINITY) <= at) found = i;
  return found;
}

const outside = (email: string, people: ReadonlyMap<string, Person>, me: ReadonlySet<string>) => {
  const person = people.get(email);
  return person !== undefined && !person.team && !me.has(email);
};

/** Meetings and contacts with at least one person outside the team, per week. */
export function outsideTeamMeetingsPerWeek(
  interactions: readonly Interaction[],
  people: ReadonlyMap<string, Person>,
  myEmails: readonly string[],
  now: number,
  weeks = 26,
): Point[] {
  const starts = weekStarts(now, weeks);
  const counts = new Array<number>(weeks).fill(0);
  const me = new Set(myEmails);
  for (const i of interactions) {
    if (i.start > now) continue;
    const b = bucketOf(starts, i.start);
    if (b >= 0 && i.people.some((e) => outside(e, people, me))) counts[b] = (counts[b] ?? 0) + 1;
  }
  return starts.map((at, i) => ({ at, value: counts[i] ?? 0 }));
}

/** How many different groups or organisations outside the team were met, per month. */
export function groupsTouchedPerMonth(
  interactions: readonly Interaction[],
  people: ReadonlyMap<string, Person>,
  myEmails: readonly string[],
  now: number,
  months = 6,
): Point[] {
  const starts = monthStarts(now, months);
  const touched = starts.map(() => new Set<string>());
  const me = new Set(myEmails);
  for (const i of interactions) {
    if (i.start > now) continue;
    const b = bucketOf(starts, i.start);
    if (b < 0) continue;
    for (const email of i.people) {
      const person = people.get(email);
      if (person && outside(email, people, me)) touched[b]?.add(groupKeyOf(person));
    }
  }
  return starts.map((at, i) => ({ at, value: touched[i]?.size ?? 0 }));
}

/**
 * The share of high-priority relationships outside the team that were green at the end of each week, from
 * each one's contacts (`contacts`: the start of every interaction with them, any order).
 */
export function greenShareByWeek(
  highPriority: readonly Person[],
  contacts: ReadonlyMap<string, readonly number[]>,
  cadences: CadenceDefaults,
  now: number,
  weeks = 26,
): Point[] {
  const starts = weekStarts(now, weeks);
  return starts.map((start, i) => {
    const end = Math.min(starts[i + 1] ?? now, now);
    let known = 0;
    let green = 0;
    for (const person of highPriority) {
      const before = (contacts.get(person.email) ?? []).filter((t) => t <= end);
      if (before.length === 0) continue;
      known++;
      const last = Math.max(...before);
      if (statusOf(daysSince(last, end), cadenceOf(person, cadences)) === 'green') green++;
    }
    return { at: start, value: known === 0 ? 0 : Math.round((green / known) * 100) };
  });
}
