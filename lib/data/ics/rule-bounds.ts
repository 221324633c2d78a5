import type { Freq, Rule } from './rules';
import { DAY_MS, type Wall, wallMs, wallOf } from './wall';

/**
 * How many instances a rule can have, found without expanding it: what lets a long series be expanded from near
 * its end (expand-rule.ts), and a very large file be cut before anything is expanded (file-limit.ts).
 */

const PERIOD_MS: Record<Freq, number> = {
  SECONDLY: 1000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY_MS,
  WEEKLY: 7 * DAY_MS,
  MONTHLY: 0,
  YEARLY: 0,
};

export function periodsBetween(freq: Freq, from: Wall, toMs: number): number {
  if (!Number.isFinite(toMs)) return 0;
  const to = wallOf(toMs);
  if (freq === 'MONTHLY') return (to.year - from.year) * 12 + (to.month - from.month);
  if (freq === 'YEARLY') return to.year - from.year;
  return Math.floor((toMs - wallMs(from)) / PERIOD_MS[freq]);
}

/** The anchor `n` periods after `start`: the same time of day; the 1st of the month for monthly and yearly rules. */
export function shift(start: Wall, freq: Freq, n: number): Wall {
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
export function upperBound(rule: Rule, start: Wall, toMs: number): number {
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
