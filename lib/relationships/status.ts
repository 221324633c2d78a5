import type { Cadence } from './cadence';
import { dayNumberAt } from './calendar-day';

export type Status = 'green' | 'amber' | 'red';

/**
 * Whole calendar days from the last contact to `now` in the user's time zone: a meeting yesterday evening is
 * one day ago whatever the hour, and a daylight-saving change does not make a day of 23 or 25 hours count
 * differently.
 */
export function daysSince(lastContactAt: number, now: number, timeZone?: string): number {
  return daysBefore(dayNumberAt(now, timeZone), lastContactAt, timeZone);
}

/** `daysSince`, with the day number of `now` (calendar-day.ts `dayNumberAt`) counted once for many people. */
export function daysBefore(today: number, lastContactAt: number, timeZone?: string): number {
  return Math.max(0, today - dayNumberAt(lastContactAt, timeZone));
}

/** Green until the ideal interval has passed since the last contact, amber after it, red after the maximum. */
export function statusOf(days: number, cadence: Cadence): Status {
  if (days > cadence.maxDays) return 'red';
  if (days > cadence.idealDays) return 'amber';
  return 'green';
}
