/**
 * A wall-clock time: what a calendar file writes before a time zone says which instant it is. Recurrence
 * rules are expanded on wall times; a zone turns each one into an instant.
 */
export interface Wall {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const DAY_MS = 86_400_000;

/** The wall time read as if it were UTC, in milliseconds (years 0-99 included, unlike Date.UTC). */
export function wallMs(w: Wall): number {
  if (w.year >= 100) return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

export function wallOf(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(w: Wall): number {
  return new Date(wallMs({ ...w, hour: 12, minute: 0, second: 0 })).getUTCDay();
}

/** "20261123" */
export function dateKey(w: Wall): string {
  return `${pad(w.year, 4)}${pad(w.month, 2)}${pad(w.day, 2)}`;
}

/** "20261123T150000Z", the instant in UTC, as in Calendar's instance ids. */
export function utcStamp(ms: number): string {
  const w = wallOf(ms);
  return `${dateKey(w)}T${pad(w.hour, 2)}${pad(w.minute, 2)}${pad(w.second, 2)}Z`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isValidWall(w: Wall): boolean {
  return (
    w.year >= 1 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour <= 23 &&
    w.minute <= 59 &&
    w.second <= 60
  );
}
