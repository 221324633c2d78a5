import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

/**
 * Moves a saved Calendar page (the week of Sun 22 – Sat 28 November 2026, New York time) by whole weeks, so
 * tests in a browser that runs on the real clock (Firefox: libfaketime deadlocks it) and the demo see a week
 * that has just happened. Everything Bridges reads a date from moves together: the columns' `data-datekey`
 * (and the view's start and end keys), recurring instances' start stamps (in the raw ids of `jslog` and inside
 * the base64 `data-eventid`, moved on New York's wall clock so 10:00 stays 10:00 across a daylight-saving
 * change), and English dates in the text ("Tuesday, November 24", "November 27, 2026", "November 22 – 28, 2026").
 * Weekday names stay right because the shift is whole weeks.
 */

export const SAVED_WEEK_TIME_ZONE = 'America/New_York';
/** The saved week ends at midnight after Saturday 28 November 2026, New York time. */
export const SAVED_WEEK_END = Date.parse('2026-11-29T05:00:00Z');

const DAY = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH = MONTHS.join('|');

/** The whole-week shift (in days, zero or negative only when needed) that puts the saved week just before `now`. */
export function daysToLatestPastWeek(now: number): number {
  return Math.floor((now - SAVED_WEEK_END) / (7 * DAY)) * 7;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function addToDay(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function shiftDateKey(raw: string, days: number): string {
  const key = Number(raw);
  const day = { year: (key >> 9) + 1970, month: (key >> 5) & 15, day: key & 31 };
  const d = addToDay(day, days);
  return String(((d.year - 1970) << 9) | (d.month << 5) | d.day);
}

/** "20261123T150000Z" moved by `days` on the wall clock of `timeZone`. */
function shiftStamp(stamp: string, days: number, timeZone: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!m) return stamp;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const moved = addDays(new TZDate(utc, timeZone), days).getTime();
  return new Date(moved).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

const STAMP = /_(\d{8}T\d{6}Z)/g;

/** A Calendar `data-eventid` (base64 of "<event id> <calendar id>", padding stripped) with its instance stamp moved. */
export function shiftEventId(encoded: string, days: number, timeZone = SAVED_WEEK_TIME_ZONE): string {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const text = Buffer.from(base64, 'base64').toString('utf8');
  if (!/_\d{8}T\d{6}Z/.test(text)) return encoded;
  const moved = text.replace(STAMP, (_, stamp: string) => `_${shiftStamp(stamp, days, timeZone)}`);
  return Buffer.from(moved).toString('base64').replace(/=+$/, '');
}

function monthDay(month: string, day: string, year: string | undefined, days: number) {
  const d = addToDay({ year: year ? Number(year) : 2026, month: MONTHS.indexOf(month) + 1, day: Number(day) }, days);
  return { month: MONTHS[d.month - 1] ?? month, day: d.day, year: d.year };
}

/** The saved page `html`, `days` later (a multiple of 7; negative for earlier). */
export function shiftCalendarPage(html: string, days: number, timeZone = SAVED_WEEK_TIME_ZONE): string {
  if (days % 7 !== 0) throw new Error(`Shift saved Calendar pages by whole weeks, not ${days} days.`);
  if (days === 0) return html;
  return (
    html
      .replace(
        /(data-(?:datekey|start-date-key|end-date-key)=")(\d+)"/g,
        (_, attr: string, key: string) => `${attr}${shiftDateKey(key, days)}"`,
      )
      // Event ids: Calendar's own, and the test pages' card templates keyed by them.
      .replace(
        /(data-(?:eventid|card-for)=")([A-Za-z0-9+/_-]+)"/g,
        (_, attr: string, id: string) => `${attr}${shiftEventId(id, days, timeZone)}"`,
      )
      .replace(STAMP, (_, stamp: string) => `_${shiftStamp(stamp, days, timeZone)}`)
      // "November 24", "November 24, 2026" and a week's range "November 22 – 28, 2026" (both ends move, and
      // may fall in two months or years); the year is written only where the page wrote one.
      .replace(
        new RegExp(`\\b(${MONTH}) (\\d{1,2})(?: – (\\d{1,2}))?\\b(?:, (\\d{4}))?`, 'g'),
        (_, month: string, day: string, to: string | undefined, year: string | undefined) => {
          const a = monthDay(month, day, year, days);
          if (to === undefined) return year ? `${a.month} ${a.day}, ${a.year}` : `${a.month} ${a.day}`;
          const b = monthDay(month, to, year, days);
          const tail = year ? `, ${b.year}` : '';
          if (a.year !== b.year) return `${a.month} ${a.day}, ${a.year} – ${b.month} ${b.day}${tail}`;
          return a.month === b.month
            ? `${a.month} ${a.day} – ${b.day}${tail}`
            : `${a.month} ${a.day} – ${b.month} ${b.day}${tail}`;
        },
      )
  );
}

/** Calendar's week address for the saved week moved by `days`: ".../r/week/2026/11/24" for no shift. */
export function shiftedWeekUrl(days: number): string {
  const d = addToDay({ year: 2026, month: 11, day: 24 }, days);
  return `https://calendar.google.com/calendar/u/0/r/week/${d.year}/${d.month}/${d.day}`;
}
