import { expandRule } from './expand-rule';
import { type Instance, SeriesInstances } from './instances';
import { applyExceptions, recurrenceKey } from './moved-instances';
import { type Context, skip } from './read-context';
import type { Plan } from './series';
import { wallAt } from './zone';

const NOTES_KEPT = 10;
/**
 * The days ahead are expanded this many times a series' cap deep before its earliest are kept (the rule expander
 * keeps a window's newest): enough for a series repeating every few minutes, bounded by the file's step budget.
 */
const AHEAD_DEPTH = 20;

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

/**
 * Adds the instances of the series' rules within the window, from the horizon (when given) to `until`: those up to
 * `now` (the past, its newest `maxPerSeries` kept) and those after it (the days ahead, as many again) are expanded
 * apart, so that a series which repeats more often than daily cannot fill its cap with meetings ahead.
 */
function expandRules(plan: Plan, horizon: number | null, instances: SeriesInstances, ctx: Context): Expanded {
  const { entry, isDate } = plan;
  const zone = isDate ? entry.book.floating : plan.zone;
  const { until } = ctx.options;
  const now = Math.min(ctx.options.now ?? until, until);
  const past = { from: horizon !== null ? wallAt(zone, horizon) : null, to: wallAt(zone, now) };
  const ahead = now < until ? { from: wallAt(zone, Math.max(now, horizon ?? now)), to: wallAt(zone, until) } : null;
  const expanded: Expanded = { truncated: false, exhausted: false };
  for (const { rule, until: ruleUntil } of plan.rules) {
    const found = expandRule(rule, plan.start, isDate, ruleUntil, past, ctx.maxPerSeries, ctx.budget);
    // Only the past's cut is a cut of the series' history: a window ahead always starts after the series does.
    expanded.truncated ||= found.truncated;
    const deep = ctx.maxPerSeries * AHEAD_DEPTH;
    const later = ahead ? expandRule(rule, plan.start, isDate, ruleUntil, ahead, deep, ctx.budget) : null;
    const exhausted = found.exhausted || (later?.exhausted ?? false);
    expanded.exhausted ||= exhausted;
    if (exhausted && ctx.budget.steps > 0 && ctx.reading.notes.length < NOTES_KEPT)
      ctx.reading.notes.push(
        `“${entry.title.slice(0, 80)}” (line ${entry.vevent.line}): its repeat rule matches so rarely that Bridges stopped looking for more of its meetings.`,
      );
    for (const wall of [...found.walls, ...(later?.walls ?? [])]) instances.add(instances.instantOf(wall), wall);
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

/**
 * The instances within the window: up to `now`, the newest `maxPerSeries` at most (a series cut by its cap is
 * said); after it, the earliest as many (the next meetings are the ones that say who is booked).
 */
function keepNewest(
  plan: Plan,
  instances: Map<string, Instance>,
  horizon: number | null,
  expanded: Expanded,
  ctx: Context,
): Instance[] {
  const { until } = ctx.options;
  const now = Math.min(ctx.options.now ?? until, until);
  let truncated = expanded.truncated;
  const within = [...instances.values()].filter((i) => i.start <= until && (horizon === null || i.start >= horizon));
  let past = within.filter((i) => i.start <= now);
  if (past.length > ctx.maxPerSeries) {
    past.sort((a, b) => a.start - b.start);
    past = past.slice(-ctx.maxPerSeries);
    truncated = true;
  }
  let ahead = within.filter((i) => i.start > now);
  if (ahead.length > ctx.maxPerSeries) ahead = ahead.sort((a, b) => a.start - b.start).slice(0, ctx.maxPerSeries);
  if (truncated && !expanded.exhausted && horizon === null && past.length > 0) {
    ctx.reading.cappedSeries.push({
      series: plan.entry.base,
      title: plan.entry.title,
      line: plan.entry.vevent.line,
      kept: past.length,
      keptFrom: past.reduce((min, k) => Math.min(min, k.start), Number.POSITIVE_INFINITY),
    });
  }
  return [...past, ...ahead];
}
