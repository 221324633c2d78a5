import { estimateInstances } from './rule-bounds';
import type { Rule } from './rules';
import { type Wall, wallMs } from './wall';
import { wallAt, type Zone } from './zone';

/**
 * The most meetings one file is read with. Past it the newest are kept: the reader first counts what each series
 * really yields (its UNTIL, COUNT, exclusions and cancellations followed), and only when that count is over the
 * limit chooses where to begin, so that a file under the limit is read whole.
 */

/** A series as far as the limit needs it. */
export interface Countable {
  zone: Zone;
  start: Wall;
  startMs: number;
  rules: ReadonlyArray<{ rule: Rule; until: Wall | null }>;
  rdates: ReadonlyArray<{ start: number }>;
  exceptions: readonly unknown[];
}

/**
 * At most how many instances the series have up to `until`, from each one's rules (their UNTIL and COUNT
 * followed), its own start, added dates and moved instances, each capped at `perSeries`. Cheap: nothing is
 * expanded. Past `stopAbove` it stops counting.
 */
export function estimateTotal(
  plans: readonly Countable[],
  until: number,
  perSeries: number,
  stopAbove: number,
  from = Number.NEGATIVE_INFINITY,
): number {
  let n = 0;
  for (const plan of plans) {
    let own = plan.startMs >= from ? 1 : 0;
    for (const r of plan.rdates) if (r.start >= from) own++;
    const fromWall = Number.isFinite(from) ? wallMs(wallAt(plan.zone, from)) : Number.NEGATIVE_INFINITY;
    const toWall = wallMs(wallAt(plan.zone, until));
    for (const { rule, until: ruleUntil } of plan.rules) {
      const last = ruleUntil ? Math.min(toWall, wallMs(ruleUntil)) : toWall;
      own += estimateInstances(rule, plan.start, fromWall, last);
    }
    n += Math.min(perSeries, own + plan.exceptions.length);
    if (n > stopAbove) return n;
  }
  return n;
}

/**
 * Where to begin so that the estimate of what is read stays within `max`: a fallback for a file too large to
 * count instance by instance, erring towards reading less, never more.
 */
export function estimatedHorizon(plans: readonly Countable[], until: number, perSeries: number, max: number): number {
  let lo = 0;
  for (const plan of plans) lo = Math.min(lo, plan.startMs);
  let hi = until;
  for (let i = 0; i < 48 && hi - lo > 60_000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (estimateTotal(plans, until, perSeries, max, mid) > max) lo = mid;
    else hi = mid;
  }
  return Math.ceil(hi / 60_000) * 60_000;
}

export interface Cut {
  /** Instances that start before this are left out. */
  horizon: number;
  kept: number;
  leftOut: number;
}

/**
 * Of all the instances' starts, the newest `max` at most: the earliest start kept. Instances that start together
 * are kept or left out together, so that what is kept never depends on the order of the file.
 */
export function newestWithin(starts: Float64Array, max: number): Cut | null {
  if (starts.length <= max) return null;
  const sorted = starts.slice().sort().reverse();
  const first = sorted[max] as number; // the newest start that does not fit
  let keptCount = max;
  while (keptCount > 0 && sorted[keptCount - 1] === first) keptCount--;
  const horizon = keptCount > 0 ? (sorted[keptCount - 1] as number) : Number.POSITIVE_INFINITY;
  return { horizon, kept: keptCount, leftOut: starts.length - keptCount };
}
