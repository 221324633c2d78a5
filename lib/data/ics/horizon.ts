import { collect } from './expand';
import { estimatedHorizon, estimateTotal, newestWithin } from './file-limit';
import { cancelled } from './instances';
import { MAX_INSTANCES } from './limits';
import { type Context, newContext } from './read-context';
import { emptyReading } from './reading';
import type { Plan } from './series';

/**
 * When the file holds more meetings than are read at once, the instant before which they are left out, said.
 * What each series really yields is counted (expanded as it will be read, in a trial that says nothing) only
 * when a cheap estimate says the limit may be reached; a file too large even to count is cut by the estimate.
 */
export function chooseHorizon(plans: Plan[], ctx: Context): number | null {
  const max = ctx.options.maxInstances ?? MAX_INSTANCES;
  const { until } = ctx.options;
  if (estimateTotal(plans, until, ctx.maxPerSeries, max) <= max) return null;
  // A file far over the limit is not worth counting instance by instance: past a few times the limit, the trial
  // stops and the estimate decides.
  const trial = newContext({ ...ctx.options, maxSteps: Math.min(ctx.budget.steps, 3 * max) }, emptyReading());
  const starts: number[] = [];
  for (const plan of plans) {
    const found = trial.budget.steps > 0 ? collect(plan, null, trial) : null;
    for (const i of found?.kept ?? []) if (!cancelled(i, plan)) starts.push(i.start);
  }
  const reading = ctx.reading;
  if (trial.budget.steps <= 0) {
    reading.leftOutBefore = estimatedHorizon(plans, until, ctx.maxPerSeries, max);
    reading.leftOut.push({ held: null, limit: max, count: null, before: reading.leftOutBefore });
    return reading.leftOutBefore;
  }
  const cut = newestWithin(Float64Array.from(starts), max);
  if (!cut) return null;
  reading.leftOutBefore = cut.horizon;
  reading.leftOut.push({ held: starts.length, limit: max, count: cut.leftOut, before: cut.horizon });
  return cut.horizon;
}
