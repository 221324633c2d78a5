/**
 * Calendar days in a time zone, with the browser's own Intl data (no time-zone library in the popup's bundle).
 * Without a zone, the computer's.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export interface Day {
  year: number;
  month: number;
  day: number;
}

export function dayIn(at: number, timeZone?: string): Day {
  if (!timeZone) {
    const d = new Date(at);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  }
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
}

/** A day number that counts whole calendar days, for differences. */
export function dayNumber({ year, month, day }: Day): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Calendar days from `from` to `to` in the zone. */
export function calendarDaysBetween(from: number, to: number, timeZone?: string): number {
  return dayNumber(dayIn(to, timeZone)) - dayNumber(dayIn(from, timeZone));
}

/** Calendar months from `from` to `to` in the zone (only the month and year count, as on a calendar). */
export function calendarMonthsBetween(from: number, to: number, timeZone?: string): number {
  const a = dayIn(from, timeZone);
  const b = dayIn(to, timeZone);
  return (b.year - a.year) * 12 + (b.month - a.month);
}
