import { type Budget, recurSteps } from './recur-steps';
import { periodsBetween, shift, upperBound } from './rule-bounds';
import { DAYS, type Rule } from './rules';
import { daysInMonth, type Wall, wallMs, weekday } from './wall';

/**
 * Recurrence rules expanded with ical.js (through recur-steps.ts, which bounds its every step), with what ical.js
 * leaves to its caller done here: instances that ical.js produces by normalising an impossible date (30 February
 * read as 1-2 March) are dropped, and a long series is expanded from near its end rather than from its start, so
 * that the newest instances are the ones kept.
 */

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

/** The rule's instances from `anchor` to `lastMs` (after the anchor itself when `skipAnchor`): the newest `keep`. */
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
  const steps = recurSteps(rule, anchor, isDate, count, lastMs, budget);
  // ical.js refuses some combinations (BYYEARDAY with BYMONTH…) or finds no instance at all.
  if (!steps) return { walls: [], total: 0, exhausted: false };
  const anchorMs = wallMs(anchor);
  const ring: Wall[] = [];
  let total = 0;
  let exhausted = false;
  for (;;) {
    const wall = steps.next();
    if (typeof wall === 'string') {
      exhausted = wall === 'exhausted';
      break;
    }
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
