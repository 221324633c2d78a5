import { allProps, type Property } from './content-lines';
import type { Entry } from './entries';
import { type Context, readInPart, resolve } from './read-context';
import { readPeriod, readTime, readTimeList, zoneParam } from './values';
import { dateKey, type Wall, wallMs } from './wall';
import { toInstant, wallAt, type Zone } from './zone';

/** A date added to a series (RDATE): its start, as a wall time of the series, and its own length when it has one. */
export interface AddedDate {
  start: number;
  wall: Wall;
  ms?: number;
}

/** The dates a series leaves out (EXDATE). */
export interface ExcludedDates {
  /** Instants (as strings) of a timed series, dates (YYYYMMDD) of an all-day one. */
  exdates: Set<string>;
  /** Date-only EXDATEs against a timed series: every instance on that day (in the series' zone) is out. */
  exdays: Set<string>;
}

/**
 * The dates a series adds (RDATE), each a date, a time or a period (start/end, start/duration). One that cannot
 * be read is left out, and said.
 */
export function readAddedDates(entry: Entry, isDate: boolean, zone: Zone, ctx: Context): AddedDate[] {
  const rdates: AddedDate[] = [];
  for (const prop of allProps(entry.vevent, 'RDATE')) {
    const periods = (prop.params.VALUE ?? '').toUpperCase() === 'PERIOD' || prop.value.includes('/');
    for (const piece of prop.value.split(',').filter((p) => p.trim() !== '')) {
      const added = readAddedDate(piece, prop, periods, entry, isDate, zone, ctx);
      if (added) rdates.push(added);
      else {
        const what = `one of its added dates (RDATE) could not be read and was left out: ${piece.trim().slice(0, 40)}`;
        readInPart(ctx, entry, what);
      }
    }
  }
  return rdates;
}

function readAddedDate(
  piece: string,
  prop: Property,
  periods: boolean,
  entry: Entry,
  isDate: boolean,
  zone: Zone,
  ctx: Context,
): AddedDate | null {
  const period = periods ? readPeriod(piece, zoneParam(prop)) : null;
  const value = period ? period.start : readTime(piece, zoneParam(prop));
  if (!value) return null;
  const at = resolve(value, entry, ctx);
  const wall = isDate ? value.wall : wallAt(zone, at.instant);
  const instant = isDate
    ? toInstant(entry.book.floating, { ...value.wall, hour: 0, minute: 0, second: 0 })
    : at.instant;
  let ms: number | undefined;
  if (period?.ms !== undefined) ms = period.ms;
  else if (period?.end) ms = Math.max(0, resolve(period.end, entry, ctx).instant - at.instant);
  return { start: instant, wall, ...(ms !== undefined ? { ms } : {}) };
}

/** The dates a series leaves out (EXDATE). One that cannot be read is left out of them, and said. */
export function readExcludedDates(entry: Entry, isDate: boolean, ctx: Context): ExcludedDates {
  const exdates = new Set<string>();
  const exdays = new Set<string>();
  for (const prop of allProps(entry.vevent, 'EXDATE')) {
    const pieces = prop.value.split(',').filter((p) => p.trim() !== '');
    for (const [i, value] of readTimeList(prop).entries()) {
      if (!value) {
        const piece = (pieces[i] ?? '').trim().slice(0, 40);
        readInPart(ctx, entry, `one of its excluded dates (EXDATE) could not be read and was left out: ${piece}`);
        continue;
      }
      if (isDate || value.kind === 'date') {
        // An all-day series (or a date against a timed one): the day is out. Outlook writes an all-day
        // series' EXDATE as a date-time at midnight; its date is the day.
        const floating = entry.book.floating;
        const day = value.kind === 'utc' ? dateKey(wallAt(floating, wallMs(value.wall))) : dateKey(value.wall);
        (isDate ? exdates : exdays).add(day);
      } else exdates.add(String(resolve(value, entry, ctx).instant));
    }
  }
  return { exdates, exdays };
}
