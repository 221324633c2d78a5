import { TZDate } from '@date-fns/tz';
import { addDays, subDays } from 'date-fns';

export interface WeeklyTime {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** 0–23, on the hour. */
  hour: number;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The next time the weekly reminder is due, strictly after `now`: the given weekday and hour on the wall
 * clock of `timeZone`, so 09:00 stays 09:00 across daylight-saving changes. An hour that a spring-forward
 * change skips comes at the first instant after it.
 */
export function nextReminderAt(now: number, when: WeeklyTime, timeZone: string = localTimeZone()): number {
  const local = new TZDate(now, timeZone);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), when.hour, 0, 0, timeZone);
  let due = addDays(today, (when.day - today.getDay() + 7) % 7);
  if (due.getTime() <= now) due = addDays(due, 7);
  return due.getTime();
}

/** The last time the reminder was due, at or before `now`. */
export function lastReminderAt(now: number, when: WeeklyTime, timeZone: string = localTimeZone()): number {
  const next = new TZDate(nextReminderAt(now, when, timeZone), timeZone);
  return subDays(next, 7).getTime();
}
