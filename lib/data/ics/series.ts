import { allProps, firstProp } from './content-lines';
import { type Entry, isCancelled } from './entries';
import { type EventPeople, readPeople } from './people';
import { type Context, readInPart, resolve, skip } from './read-context';
import { type Rule, readRule } from './rules';
import { type AddedDate, type ExcludedDates, readAddedDates, readExcludedDates } from './series-dates';
import { readDuration, readTimeProp, type TimeValue } from './values';
import { DAY_MS, type Wall, wallMs } from './wall';
import { wallAt, type Zone } from './zone';
import type { ZoneBook } from './zones';

/** How long each instance lasts: milliseconds, or whole days for all-day events. */
export type Length = { ms: number } | { days: number };

/** A series (or a single event) ready to expand. */
export interface Plan extends ExcludedDates {
  entry: Entry;
  zone: Zone;
  isDate: boolean;
  start: Wall;
  startMs: number;
  length: Length;
  rules: Array<{ rule: Rule; until: Wall | null }>;
  rdates: AddedDate[];
  exceptions: Entry[];
  people: EventPeople;
  /** A lone moved instance: its series is not in the file. */
  lone: boolean;
  masterCancelled: boolean;
}

/**
 * A series ready to expand: its start, length, rules, added and excluded dates, and the moved instances that
 * belong to it; or a lone moved instance (`lone`: its RECURRENCE-ID is its id, its rules are not its own). Null
 * when the event cannot be read, said.
 */
export function planSeries(entry: Entry, exceptions: Entry[], ctx: Context, lone = false): Plan | null {
  const timing = readTiming(entry, ctx);
  if (!timing) return null;
  const { zone, isDate } = timing;
  const rules = lone ? [] : readRules(entry, isDate, zone, ctx);
  const rdates = lone ? [] : readAddedDates(entry, isDate, zone, ctx);
  const excluded = lone
    ? { exdates: new Set<string>(), exdays: new Set<string>() }
    : readExcludedDates(entry, isDate, ctx);
  return {
    entry,
    zone,
    isDate,
    start: timing.wall,
    startMs: timing.instant,
    length: timing.length,
    rules,
    rdates,
    ...excluded,
    exceptions,
    people: readPeople(entry.vevent, ctx.people),
    lone,
    masterCancelled: isCancelled(entry.vevent),
  };
}

/** When the event starts (in which zone) and how long it lasts, or null when that cannot be read (said). */
function readTiming(
  entry: Entry,
  ctx: Context,
): { zone: Zone; instant: number; wall: Wall; isDate: boolean; length: Length } | null {
  const startProp = firstProp(entry.vevent, 'DTSTART');
  if (!startProp) {
    skip(ctx, entry, 'it has no start (DTSTART)');
    return null;
  }
  const startValue = readTimeProp(startProp);
  if (!startValue) {
    skip(ctx, entry, `its start (DTSTART:${startProp.value.slice(0, 40)}) is not a date`);
    return null;
  }
  const { zone, instant } = resolve(startValue, entry, ctx);
  const isDate = startValue.kind === 'date';
  const length = lengthOf(entry, startValue, instant, ctx);
  if ('problem' in length) {
    skip(ctx, entry, length.problem);
    return null;
  }
  if ('ms' in length && length.ms < 0 && !isDate) {
    // The end written before the start: the meeting is the time between them.
    const start = instant + length.ms;
    return { zone, instant: start, wall: wallAt(zone, start), isDate, length: { ms: -length.ms } };
  }
  return { zone, instant, wall: startValue.wall, isDate, length };
}

/** The series' repeat rules; one that cannot be read (or a part of one) is left out, and said. */
function readRules(entry: Entry, isDate: boolean, zone: Zone, ctx: Context): Plan['rules'] {
  const rules: Plan['rules'] = [];
  for (const prop of allProps(entry.vevent, 'RRULE')) {
    if (prop.value.trim() === '') continue; // an empty RRULE (written by some holiday calendars) is none
    const rule = readRule(prop.value);
    if ('problem' in rule) {
      readInPart(ctx, entry, `${rule.problem}, so it was read as one meeting`);
      continue;
    }
    for (const part of rule.dropped)
      readInPart(ctx, entry, `part of its repeat rule (${part.slice(0, 40)}) could not be read and was left out`);
    rules.push({ rule, until: untilWall(rule, isDate, zone, entry.book) });
  }
  return rules;
}

/**
 * How long the event lasts: DTEND, else DURATION, else none (a timed event) or one day (an all-day event). A
 * timed end against an all-day start is kept as written; an unreadable DURATION is read as none, and said.
 * A negative length is the end written before the start.
 */
function lengthOf(entry: Entry, start: TimeValue, startMs: number, ctx: Context): Length | { problem: string } {
  const vevent = entry.vevent;
  const endProp = firstProp(vevent, 'DTEND');
  if (endProp) {
    const end = readTimeProp(endProp);
    if (!end) return { problem: `its end (DTEND:${endProp.value.slice(0, 40)}) is not a date` };
    if (start.kind === 'date' && end.kind === 'date') {
      const days = Math.round((wallMs(end.wall) - wallMs(start.wall)) / DAY_MS);
      return { days: Math.max(1, days) };
    }
    const ms = resolve(end, entry, ctx).instant - startMs;
    return start.kind === 'date' && ms <= 0 ? { days: 1 } : { ms };
  }
  const durationProp = firstProp(vevent, 'DURATION');
  if (durationProp) {
    const ms = readDuration(durationProp.value);
    if (ms === null) {
      const what = `its length (DURATION:${durationProp.value.slice(0, 30)}) could not be read`;
      readInPart(ctx, entry, `${what}, so it was read as ${start.kind === 'date' ? 'one day' : 'taking no time'}`);
      return start.kind === 'date' ? { days: 1 } : { ms: 0 };
    }
    return start.kind === 'date' ? { days: Math.max(1, Math.round(ms / DAY_MS)) } : { ms };
  }
  return start.kind === 'date' ? { days: 1 } : { ms: 0 };
}

/**
 * A rule's UNTIL as a wall time of the series. A date-only UNTIL against a timed series (Google writes
 * `UNTIL=20240103`) includes its whole last day; a UTC one is read in the series' zone.
 */
function untilWall(rule: Rule, isDate: boolean, zone: Zone, book: ZoneBook): Wall | null {
  const u = rule.until;
  if (!u) return null;
  const wall = u.kind === 'utc' ? wallAt(isDate ? book.floating : zone, wallMs(u.wall)) : u.wall;
  if (isDate) return { ...wall, hour: 0, minute: 0, second: 0 };
  return u.kind === 'date' ? { ...wall, hour: 23, minute: 59, second: 59 } : wall;
}
