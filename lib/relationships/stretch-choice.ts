import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { Person } from '../db/types';
import { dayIn } from './calendar-day';
import { groupKeyOf } from './labels';
import type { RankedPerson } from './rank';

/** "2026-W48": the ISO week of `now` in the user's zone, which the weekly pick is kept for. */
export function weekKeyOf(now: number, timeZone?: string): string {
  const { year, month, day } = dayIn(now, timeZone);
  const local = new Date(year, month - 1, day, 12); // that calendar day, whatever the computer's zone
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/**
 * The week's stretch: one person outside the usual circle, worth investing in. Among the people ranked for
 * the popup who are past their ideal interval (met before, since everyone in Bridges was), prefer the group
 * or organisation touched least recently, then the person not met for longest.
 */
export function chooseStretchPick(ranked: readonly RankedPerson[], allPeople: readonly Person[]): Person | null {
  const candidates = ranked.filter((r) => r.status !== 'green');
  if (candidates.length === 0) return null;
  const lastTouched = new Map<string, number>();
  for (const person of allPeople) {
    const key = groupKeyOf(person);
    lastTouched.set(key, Math.max(lastTouched.get(key) ?? 0, person.lastMetAt));
  }
  let best: RankedPerson | null = null;
  for (const c of candidates) {
    if (!best) {
      best = c;
      continue;
    }
    const a = lastTouched.get(groupKeyOf(c.person)) ?? 0;
    const b = lastTouched.get(groupKeyOf(best.person)) ?? 0;
    if (a < b || (a === b && c.person.lastMetAt < best.person.lastMetAt)) best = c;
  }
  return best?.person ?? null;
}
