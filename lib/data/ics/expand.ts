import { expandRule } from './expand-rule';
import { type Instance, SeriesInstances } from './instances';
import { applyExceptions, recurrenceKey } from './moved-instances';
import { type Context, skip } from './read-context';
import type { Plan } from './series';
import { wallAt } from './zone';

const NOTES_KEPT = 10;

/** What expanding a series' rules came to. */
interface Expanded {
  /** Older instances were left out (a rule's cap, or the horizon). */
  truncated: boolean;
  /** A rule stopped early: it needed more steps than it was given. */
  exhausted: boolean;
}

/**
 * The instances of a series from `horizon` (when given) up to `until`, the newest `maxPerSeries` at most: its
 * start, its rules' instances and its added dates, less its excluded dates, with its moved instances applied.
 * Null when a lone moved instance does not say which instance it moves (said).
 */
export function collect(plan: Plan, horizon: number | null, ctx: Context): { kept: Instance[] } | null {
  const { entry } = plan;
  // A lone moved instance keeps the id of the instance it moved: its RECURRENCE-ID.
  const loneId = plan.lone && entry.recurrence ? recurrenceKey(entry.recurrence, plan, new Map(), ctx) : null;
  if (plan.lone && !loneId) {
    skip(ctx, entry, 'the instance it moves (RECURRENCE-ID) is not a date');
    return null;
  }
  const instances = new SeriesInstances(plan, loneId);
  instances.add(plan.startMs, plan.start);
  const expanded = expandRules(plan, horizon, instances, ctx);
  for (const r of plan.rdates) instances.add(r.start, r.wall, r.ms);
  const from = coveredFrom(instances.byId, horizon, expanded.truncated, ctx.options.until);
  applyExceptions(plan, instances.byId, from, ctx);
  return { kept: keepNewest(plan, instances.byId, horizon, expanded, ctx) };
}

/** Adds the instances of the series' rules within the window, from the horizon (when given) to `until`. */
function expandRules(plan: Plan, horizon: number | null, instances: SeriesInstances, ctx: Context): Expanded {
  const { entry, isDate } = plan;
  const zone = isDate ? entry.book.floating : plan.zone;
  const window = { from: horizon !== null ? wallAt(zone, horizon) : null, to: wallAt(zone, ctx.options.until) };
  const expanded: Expanded = { truncated: false, exhausted: false };
  for (const { rule, until } of plan.rules) {
    const found = expandRule(rule, plan.start, isDate, until, window, ctx.maxPerSeries, ctx.budget);
    expanded.truncated ||= found.truncated;
    expanded.exhausted ||= found.exhausted;
    if (found.exhausted && ctx.budget.steps > 0 && ctx.reading.notes.length < NOTES_KEPT)
      ctx.reading.notes.push(
        `“${entry.title.slice(0, 80)}” (line ${entry.vevent.line}): its repeat rule matches so rarely that Bridges stopped looking for more of its meetings.`,
      );
    for (const wall of found.walls) instances.add(instances.instantOf(wall), wall);
  }
  return expanded;
}

/** Where the series is known in full from: when older instances were left out, from its earliest one found. */
function coveredFrom(instances: Map<string, Instance>, horizon: number | null, truncated: boolean, until: number) {
  const from = horizon ?? Number.NEGATIVE_INFINITY;
  if (!truncated) return from;
  let earliest = until;
  for (const i of instances.values()) earliest = Math.min(earliest, i.start);
  return Math.max(from, earliest);
}

/** The instances within the window, the newest `maxPerSeries` at most; a series cut by its cap is said. */
function keepNewest(
  plan: Plan,
  instances: Map<string, Instance>,
  horizon: number | null,
  expanded: Expanded,
  ctx: Context,
): Instance[] {
  const until = ctx.options.until;
  let truncated = expanded.truncated;
  let kept = [...instances.values()].filter((i) => i.start <= until && (horizon === null || i.start >= horizon));
  if (kept.length > ctx.maxPerSeries) {
    kept.sort((a, b) => a.start - b.start);
    kept = kept.slice(-ctx.maxPerSeries);
    truncated = true;
  }
  if (truncated && !expanded.exhausted && horizon === null && kept.length > 0) {
    ctx.reading.cappedSeries.push({
      series: plan.entry.base,
      title: plan.entry.title,
      line: plan.entry.vevent.line,
      kept: kept.length,
      keptFrom: kept.reduce((min, k) => Math.min(min, k.start), Number.POSITIVE_INFINITY),
    });
  }
  return kept;
}
