import ICAL from 'ical.js';
import { DAYS, type Rule } from './rules';
import { type Wall, wallOf } from './wall';

/**
 * ical.js's RecurIterator, with what it leaves to its caller made safe: every step counts against a budget (an
 * impossible rule such as `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` otherwise loops for ever inside one `next()`),
 * and a search for a rare instance stops once past the window's end, which ical.js cannot know. ical.js gives
 * no way to stop a `next()` from outside, so the guard stops it by throwing from inside; the exception never
 * leaves this module: each step is an instance or the reason there is none.
 */

/** Shared by every rule expanded for one file: the steps ical.js may take in all. */
export interface Budget {
  steps: number;
}

/** Why a rule gives no more instances: it has none left; ical.js searched past the window's end; or it stopped. */
export type Stop = 'done' | 'past-end' | 'exhausted';

export interface RecurSteps {
  /** The next instance as a wall time (midnight for dates), or why there is none. */
  next(): Wall | Stop;
}

/** One `next()` may not search longer than this for its instance (a leap day is 2,922 daily steps away at most). */
const STEPS_PER_INSTANCE = 50_000;

/** Thrown inside ical.js's search to end it (see above). */
class Interrupt extends Error {
  constructor(readonly why: 'past-end' | 'exhausted') {
    super(why);
  }
}

/**
 * The instances of `rule` from `anchor`, counted to `count` when given, searched no further than `lastMs` (a
 * wall time as ms); null when ical.js refuses the rule (BYYEARDAY with BYMONTH…).
 */
export function recurSteps(
  rule: Rule,
  anchor: Wall,
  isDate: boolean,
  count: number | null,
  lastMs: number,
  budget: Budget,
): RecurSteps | null {
  const search = { steps: 0 };
  let iterator: ICAL.RecurIterator;
  try {
    const recur = ICAL.Recur.fromData({
      freq: rule.freq,
      interval: rule.interval,
      ...(count !== null ? { count } : {}),
      ...(rule.wkst ? { wkst: DAYS.indexOf(rule.wkst) + 1 } : {}),
      ...lowerKeys(rule.parts),
    } as Parameters<typeof ICAL.Recur.fromData>[0]);
    iterator = recur.iterator(ICAL.Time.fromData({ ...anchor, isDate }));
    guard(iterator, search, budget, dayNumber(wallOf(lastMs)));
  } catch {
    return null;
  }
  return {
    next() {
      search.steps = 0;
      let next: ICAL.Time | null;
      try {
        next = iterator.next();
      } catch (error) {
        // ical.js's own failures ("Same occurrence found twice") end the rule as running out of steps does.
        return error instanceof Interrupt ? error.why : 'exhausted';
      }
      if (!next) return 'done';
      return {
        year: next.year,
        month: next.month,
        day: next.day,
        hour: isDate ? 0 : next.hour,
        minute: isDate ? 0 : next.minute,
        second: isDate ? 0 : next.second,
      };
    },
  };
}

/** Counts every step of ical.js's search for an instance, and ends the search past the budget or the window. */
function guard(iterator: ICAL.RecurIterator, search: { steps: number }, budget: Budget, lastDay: number) {
  const guarded = iterator as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['check_contracting_rules', 'expand_year_days']) {
    const original = guarded[method];
    if (!original) continue;
    guarded[method] = function (this: { last?: ICAL.Time }, ...args: unknown[]) {
      if (--budget.steps < 0 || ++search.steps > STEPS_PER_INSTANCE) throw new Interrupt('exhausted');
      if ((search.steps & 63) === 0 && this.last && dayNumber(this.last) > lastDay) throw new Interrupt('past-end');
      return original.apply(this, args);
    };
  }
}

const dayNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

function lowerKeys(parts: Record<string, Array<number | string>>): Record<string, Array<number | string>> {
  const out: Record<string, Array<number | string>> = {};
  for (const [key, value] of Object.entries(parts)) out[key.toLowerCase()] = value;
  return out;
}
