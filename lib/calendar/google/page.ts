import { TZDate } from '@date-fns/tz';
import type { CalendarDay } from './event-id';
import { textOf } from './guests';
import { queryFirst } from './selectors';
import type { WallTime } from './when';

/** Calendar's language: #xUserLocale, else the page's lang, else English. */
export function pageLocale(doc: Document): string {
  const raw = textOf(queryFirst(doc, 'locale')) || doc.documentElement.lang || 'en';
  try {
    return Intl.getCanonicalLocales(raw.replace('_', '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The time zone Calendar shows times in (#xTimezone), or null when the page does not say. */
export function pageTimeZone(doc: Document): string | null {
  const raw = textOf(queryFirst(doc, 'timeZone'));
  if (!raw) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The signed-in user: #xUserEmail, else the "1:["<email>",1]" part of `el`'s jslog. */
export function selfEmailOf(doc: Document, el: Element): string | null {
  const shown = textOf(queryFirst(doc, 'userEmail')).toLowerCase();
  if (shown) return shown;
  const m = /1:\["([^"\s]+@[^"\s]+)"/.exec(el.getAttribute('jslog') ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The instant of a wall-clock time on a day in a time zone. */
export function at(day: CalendarDay, time: WallTime, timeZone: string): number {
  return new TZDate(day.year, day.month - 1, day.day, time.hour, time.minute, timeZone).getTime();
}

export function nextDay(day: CalendarDay): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day an instant falls on in a time zone. */
export function dayOf(instant: number, timeZone: string): CalendarDay {
  const d = new TZDate(instant, timeZone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** A span of days and times placed in a time zone: all day when there are no times. Null if it ends first. */
export function span(
  startDay: CalendarDay,
  endDay: CalendarDay | null,
  start: WallTime | null,
  end: WallTime | null,
  timeZone: string,
): { start: number; end: number; allDay: boolean } | null {
  if (!start || !end) {
    const midnight = { hour: 0, minute: 0 };
    const from = at(startDay, midnight, timeZone);
    const to = at(nextDay(endDay ?? startDay), midnight, timeZone);
    return to > from ? { start: from, end: to, allDay: true } : null;
  }
  const from = at(startDay, start, timeZone);
  let to = at(endDay ?? startDay, end, timeZone);
  if (to < from && !endDay) to = at(nextDay(startDay), end, timeZone);
  return to < from ? null : { start: from, end: to, allDay: false };
}
