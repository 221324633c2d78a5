import ICAL from 'ical.js';
import { readTime, type TimeValue } from './values';
import { DAY_MS, daysInMonth, type Wall, wallMs, wallOf, weekday } from './wall';

/**
 * Recurrence rules (RRULE), read and expanded with ical.js's RecurIterator, with what ical.js leaves to its
 * caller made safe: every step counts against a budget (an impossible rule such as
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` otherwise loops for ever inside one `next()`), instances that ical.js
 * produces by normalising an impossible date (30 February read as 1-2 March) are dropped, and a long series
 * is expanded from near its end rather than from its start, so that the newest instances are the ones kept.
 */

export type Freq = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
const FREQS: readonly Freq[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface Rule {
  freq: Freq;
  interval: number;
  /** Null when the rule has none, or an invalid one (COUNT=-1, COUNT=0, COUNT=x), which is read as none. */
  count: number | null;
  until: TimeValue | null;
  /** The BY… parts as ical.js reads them: BYDAY as strings ("MO", "-1FR"), the others as numbers. */
  parts: Record<string, Array<number | string>>;
  wkst: string | null;
  /** Parts that could not be read and were left out, as the file wrote them ("BYDAY=MO,XX"). */
  dropped: string[];
}

const RANGES: Record<string, [number, number, boolean]> = {
  // part: [min, max, negatives allowed]
  BYSECOND: [0, 60, false],
  BYMINUTE: [0, 59, false],
  BYHOUR: [0, 23, false],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYMONTH: [1, 12, false],
  BYSETPOS: [1, 366, true],
};

/**
 * Reads an RRULE value, or says in plain words why it can't be read. Writers' slips are read as meant (spaces
 * around parts and values, `BYDAY=MO, TU`); a part that still can't be read is left out and named in `dropped`
 * (of `BYDAY=MO,XX` only XX), so that one bad part never costs the whole rule. Without a frequency, or with an
 * end (UNTIL) that is not a date, there is no rule to follow.
 */
export function readRule(raw: string): Rule | { problem: string } {
  const parts: Record<string, Array<number | string>> = {};
  const dropped: string[] = [];
  let freq: Freq | null = null;
  let interval = 1;
  let count: number | null = null;
  let until: TimeValue | null = null;
  let wkst: string | null = null;
  for (const rawPiece of raw.trim().toUpperCase().split(';')) {
    const piece = rawPiece.trim();
    if (piece === '') continue;
    const [rawKey = '', rawValue = ''] = piece.split('=', 2);
    const key = rawKey.trim();
    const value = rawValue.trim();
    if (key === 'FREQ') {
      if (!FREQS.includes(value as Freq)) return { problem: `its repeat rule has an unknown frequency (${value})` };
      freq = value as Freq;
    } else if (key === 'INTERVAL') {
      // INTERVAL=0 or a non-number is read as 1, as ical.js and python-dateutil do.
      const n = Number(value);
      interval = Number.isSafeInteger(n) && n > 0 ? n : 1;
    } else if (key === 'COUNT') {
      // COUNT=-1 (Confluence) and COUNT=0 (Apple, for "never ends") are read as no count, as
      // python-recurring-ical-events does; ical.js would yield no instance at all for COUNT=-1.
      const n = Number(value);
      count = /^\d+$/.test(value) && Number.isSafeInteger(n) && n > 0 ? n : null;
    } else if (key === 'UNTIL') {
      until = readTime(value, null);
      if (!until) return { problem: `its repeat rule's end (UNTIL=${value.slice(0, 40)}) is not a date` };
    } else if (key === 'WKST') {
      if (DAYS.includes(value)) wkst = value;
      else dropped.push(piece);
    } else if (key === 'BYDAY') {
      const days = value.split(',').map((d) => d.trim());
      const good = days.filter((day) => {
        const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(day);
        return m !== null && (m[1] === undefined || (Number(m[1]) !== 0 && Math.abs(Number(m[1])) <= 53));
      });
      // With no day left the rule would mean other days than written: it can't be followed.
      if (good.length === 0) return { problem: `its repeat rule has an unreadable day (${value.slice(0, 20)})` };
      if (good.length < days.length) dropped.push(piece);
      parts.BYDAY = good;
    } else if (key in RANGES) {
      const [min, max, negatives] = RANGES[key] as [number, number, boolean];
      const values = value.split(',').map((v) => v.trim());
      const numbers = values
        .filter((v) => /^[+-]?\d+$/.test(v))
        .map(Number)
        .filter((n) => (n < 0 ? negatives && -n >= min && -n <= max : n >= min && n <= max));
      if (numbers.length === 0) return { problem: `its repeat rule has an impossible ${key} (${value.slice(0, 40)})` };
      if (numbers.length < values.length) dropped.push(piece);
      parts[key] = numbers;
    }
    // Other parts (X- extensions, RSCALE…) are left out, as RFC 5545 lets readers do.
  }
  if (!freq) return { problem: 'its repeat rule has no frequency (FREQ)' };
  return { freq, interval, count, until, parts, wkst, dropped };
}

/** Shared by every rule expanded for one file: the steps ical.js may take in all. */
export interface Budget {
  steps: number;
}
class OutOfSteps extends Error {}
/** ical.js searched past the window's end: no instance is left to find. */
class PastEnd extends Error {}

/** One `next()` may not search longer than this for its instance (a leap day is 2,922 daily steps away at most). */
const STEPS_PER_INSTANCE = 50_000;

export interface Expansion {
  /** Instances in order, oldest first: the newest `keep` at most. */
  walls: Wall[];
  /** Older instances were left out (the cap, or the window's start). */
  truncated: boolean;
  /** The rule stopped early: it needed more steps than it was given. */
  exhausted: boolean;
}

/**
 * The instances of `rule` from `start` (the series' DTSTART as a wall time) up to `to`, and from `from` on
 * when given, keeping the newest `keep`. DTSTART itself is not added here (the series does that, RFC 5545
 * makes it the first instance whether or not it matches the rule).
 */
export function expandRule(
  rule: Rule,
  start: Wall,
  isDate: boolean,
  until: Wall | null,
  window: { from: Wall | null; to: Wall },
  keep: number,
  budget: Budget,
): Expansion {
  const last = until && wallMs(until) < wallMs(window.to) ? until : window.to;
  const lastMs = wallMs(last);
  const fromMs = window.from ? wallMs(window.from) : Number.NEGATIVE_INFINITY;
  if (wallMs(start) > lastMs || impossible(rule)) return { walls: [], truncated: false, exhausted: false };
  const explicit = withImpliedParts(rule, start);
  // A count that cannot be reached before the window's end does not bound it, and so allows skipping ahead.
  const count = rule.count !== null && rule.count < upperBound(rule, start, lastMs) ? rule.count : null;
  const steps = count === null ? Math.floor(periodsBetween(rule.freq, start, lastMs) / rule.interval) : 0;
  // With a window's start, the anchor need not be earlier than one period before it; but a COUNT is counted
  // from DTSTART, so a counted rule is followed from its start (from a later anchor it would run past its end).
  const floor =
    Number.isFinite(fromMs) && count === null
      ? Math.max(0, Math.floor(periodsBetween(rule.freq, start, fromMs) / rule.interval) - 1)
      : 0;
  // Skip ahead to a little more than `keep` periods before the end; widen while that holds too few instances.
  for (let back = keep + 2; ; back *= 4) {
    const skip = Math.max(floor, steps - back);
    const anchor = skip > 0 ? shift(start, rule.freq, skip * rule.interval) : start;
    const found = iterate(skip > 0 ? explicit : rule, anchor, isDate, count, lastMs, keep, budget, skip > 0);
    if (found.total >= keep || found.exhausted || skip === floor) {
      const walls = found.walls.filter((w) => wallMs(w) >= fromMs);
      return { walls, truncated: skip > 0 || found.total > walls.length, exhausted: found.exhausted };
    }
  }
}

function iterate(
  rule: Rule,
  anchor: Wall,
  isDate: boolean,
  count: number | null,
  lastMs: number,
  keep: number,
  budget: Budget,
  skipAnchor: boolean,
): { walls: Wall[]; total: number; exhausted: boolean } {
  const ring: Wall[] = [];
  let total = 0;
  let exhausted = false;
  const anchorMs = wallMs(anchor);
  const end = wallOf(lastMs);
  const lastDay = end.year * 10_000 + end.month * 100 + end.day;
  let iterator: ICAL.RecurIterator;
  let stepsThisInstance = 0;
  try {
    const recur = ICAL.Recur.fromData({
      freq: rule.freq,
      interval: rule.interval,
      ...(count !== null ? { count } : {}),
      ...(rule.wkst ? { wkst: DAYS.indexOf(rule.wkst) + 1 } : {}),
      ...lowerKeys(rule.parts),
    } as Parameters<typeof ICAL.Recur.fromData>[0]);
    iterator = recur.iterator(ICAL.Time.fromData({ ...anchor, isDate }));
    const guarded = iterator as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['check_contracting_rules', 'expand_year_days']) {
      const original = guarded[method];
      if (!original) continue;
      guarded[method] = function (this: { last?: ICAL.Time }, ...args: unknown[]) {
        if (--budget.steps < 0 || ++stepsThisInstance > STEPS_PER_INSTANCE) throw new OutOfSteps();
        // ical.js cannot know the window's end: while it searches for a rare instance, stop it once past it.
        if (
          (stepsThisInstance & 63) === 0 &&
          this.last &&
          this.last.year * 10_000 + this.last.month * 100 + this.last.day > lastDay
        )
          throw new PastEnd();
        return original.apply(this, args);
      };
    }
  } catch {
    // ical.js refuses some combinations (BYYEARDAY with BYMONTH…) or finds no instance at all.
    return { walls: [], total: 0, exhausted: false };
  }
  for (;;) {
    stepsThisInstance = 0;
    let next: ICAL.Time | null;
    try {
      next = iterator.next();
    } catch (error) {
      exhausted = !(error instanceof PastEnd);
      break;
    }
    if (!next) break;
    const wall: Wall = {
      year: next.year,
      month: next.month,
      day: next.day,
      hour: isDate ? 0 : next.hour,
      minute: isDate ? 0 : next.minute,
      second: isDate ? 0 : next.second,
    };
    const ms = wallMs(wall);
    if (ms > lastMs) break;
    if (skipAnchor && ms <= anchorMs) continue;
    if (!matches(rule, wall)) continue;
    total++;
    ring.push(wall);
    if (ring.length > keep * 2) ring.splice(0, ring.length - keep);
    if (--budget.steps < 0) {
      exhausted = true;
      break;
    }
  }
  return { walls: ring.slice(-keep), total, exhausted };
}

function lowerKeys(parts: Record<string, Array<number | string>>): Record<string, Array<number | string>> {
  const out: Record<string, Array<number | string>> = {};
  for (const [key, value] of Object.entries(parts)) out[key.toLowerCase()] = value;
  return out;
}

/** An instance ical.js produced must satisfy the rule's month, day and time parts (30 Feb is not 1 Mar). */
function matches(rule: Rule, w: Wall): boolean {
  const { BYMONTH, BYMONTHDAY, BYDAY, BYHOUR, BYMINUTE } = rule.parts;
  if (BYMONTH && !BYMONTH.includes(w.month)) return false;
  if (BYMONTHDAY) {
    const dim = daysInMonth(w.year, w.month);
    if (!BYMONTHDAY.some((d) => d === w.day || d === w.day - dim - 1)) return false;
  }
  if (BYDAY) {
    const day = DAYS[weekday(w)] as string;
    if (!BYDAY.some((d) => String(d).endsWith(day))) return false;
  }
  if (BYHOUR && !BYHOUR.includes(w.hour)) return false;
  if (BYMINUTE && !BYMINUTE.includes(w.minute)) return false;
  return true;
}

/** A rule whose month and day parts name no real day (BYMONTH=2;BYMONTHDAY=30) has no instance. */
function impossible(rule: Rule): boolean {
  const days = rule.parts.BYMONTHDAY as number[] | undefined;
  if (!days) return false;
  const months = (rule.parts.BYMONTH as number[] | undefined) ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return !months.some((m) => days.some((d) => Math.abs(d) <= daysInMonth(2000, m)));
}

/**
 * The parts ical.js takes from DTSTART when the rule leaves them out, written out, so that the rule means the
 * same from a later anchor (a monthly rule started on the 31st is still on the 31st).
 */
function withImpliedParts(rule: Rule, start: Wall): Rule {
  const p = { ...rule.parts };
  const has = (k: string) => k in p;
  if (rule.freq === 'WEEKLY' && !has('BYDAY')) p.BYDAY = [DAYS[weekday(start)] as string];
  if (rule.freq === 'MONTHLY' && !has('BYDAY') && !has('BYMONTHDAY')) p.BYMONTHDAY = [start.day];
  if (rule.freq === 'YEARLY') {
    const dayGiven = has('BYDAY') || has('BYMONTHDAY') || has('BYYEARDAY') || has('BYWEEKNO');
    if (!dayGiven && !has('BYMONTH')) {
      p.BYMONTH = [start.month];
      p.BYMONTHDAY = [start.day];
    } else if (!dayGiven) p.BYMONTHDAY = [start.day];
    if (has('BYWEEKNO') && !has('BYDAY')) p.BYDAY = [DAYS[weekday(start)] as string];
  }
  return { ...rule, parts: p };
}

const PERIOD_MS: Record<Freq, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
  MONTHLY: 0,
  YEARLY: 0,
};

function periodsBetween(freq: Freq, from: Wall, toMs: number): number {
  if (!Number.isFinite(toMs)) return 0;
  const to = wallOf(toMs);
  if (freq === 'MONTHLY') return (to.year - from.year) * 12 + (to.month - from.month);
  if (freq === 'YEARLY') return to.year - from.year;
  return Math.floor((toMs - wallMs(from)) / PERIOD_MS[freq]);
}

/** The anchor `n` periods after `start`: the same time of day; the 1st of the month for monthly and yearly rules. */
function shift(start: Wall, freq: Freq, n: number): Wall {
  if (freq === 'MONTHLY') {
    const months = start.month - 1 + n;
    return { ...start, year: start.year + Math.floor(months / 12), month: (months % 12) + 1, day: 1 };
  }
  if (freq === 'YEARLY') return { ...start, year: start.year + n, month: 1, day: 1 };
  return wallOf(wallMs(start) + n * PERIOD_MS[freq]);
}

// How each BY part acts under each frequency (RFC 5545 3.3.10's table): it adds instances (expands) or
// only removes some (limits).
const EXPANDS: Record<Freq, readonly string[]> = {
  SECONDLY: [],
  MINUTELY: ['BYSECOND'],
  HOURLY: ['BYSECOND', 'BYMINUTE'],
  DAILY: ['BYSECOND', 'BYMINUTE', 'BYHOUR'],
  WEEKLY: ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY'],
  MONTHLY: ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY'],
  YEARLY: ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH'],
};

/** At most how many instances one period of the rule holds. */
function perPeriodBound(rule: Rule): number {
  const p = rule.parts;
  let n = 1;
  for (const key of EXPANDS[rule.freq]) {
    const values = p[key];
    if (!values) continue;
    let spread = 1;
    if (key === 'BYDAY' && rule.freq !== 'WEEKLY') spread = rule.freq === 'MONTHLY' || p.BYMONTH ? 5 : 53;
    if (key === 'BYMONTHDAY' && rule.freq === 'YEARLY' && !p.BYMONTH) spread = 12;
    if (key === 'BYWEEKNO') spread = 7;
    n *= values.length * spread;
  }
  const setpos = p.BYSETPOS;
  return setpos ? Math.min(n, setpos.length) : n;
}

/** At most how many instances the rule has from `start` to `toMs`: enough to know whether a COUNT can bind. */
function upperBound(rule: Rule, start: Wall, toMs: number): number {
  return (Math.max(0, periodsBetween(rule.freq, start, toMs)) / rule.interval + 2) * perPeriodBound(rule);
}

/**
 * At most how many instances the rule has from `fromMs` (a wall time as ms; the series' start when earlier) to
 * `toMs`: what the reader uses to decide, before expanding anything, how far back a very large file is read.
 */
export function estimateInstances(rule: Rule, start: Wall, fromMs: number, toMs: number): number {
  const from = fromMs > wallMs(start) ? wallOf(fromMs) : start;
  if (wallMs(from) > toMs) return 0;
  const bound = upperBound(rule, from, toMs);
  return rule.count !== null ? Math.min(rule.count, bound) : bound;
}
