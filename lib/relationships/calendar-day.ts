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

const DAY_MS = 86_400_000;

/** A day number that counts whole calendar days, for differences. */
export function dayNumber({ year, month, day }: Day): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The day number of the calendar day `at` falls on in the zone: `dayNumber(dayIn(at, timeZone))`. In the
 * computer's zone it is one lookup of the offset there and then, not three: the popup counts it for every person.
 */
export function dayNumberAt(at: number, timeZone?: string): number {
  if (timeZone) return dayNumber(dayIn(at, timeZone));
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/** Calendar days from `from` to `to` in the zone. */
export function calendarDaysBetween(from: number, to: number, timeZone?: string): number {
  return dayNumberAt(to, timeZone) - dayNumberAt(from, timeZone);
}

/**
 * Whole months from `from` to `to` in the zone, as a person counts them on a calendar: 25 September to
 * 24 December is two months, to 25 December three. A month that ends before the starting day's number counts
 * as whole on its last day (31 January to 28 February is one month).
 */
export function wholeMonthsBetween(from: number, to: number, timeZone?: string): number {
  const a = dayIn(from, timeZone);
  const b = dayIn(to, timeZone);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  const lastDayOfB = new Date(Date.UTC(b.year, b.month, 0)).getUTCDate();
  return b.day < a.day && b.day < lastDayOfB ? months - 1 : months;
}
