import type { Person, Priority } from '../db/types';

/** How often to be in touch: amber after `idealDays` without contact, red after `maxDays`. */
export interface Cadence {
  idealDays: number;
  maxDays: number;
}

export type CadenceDefaults = Record<Priority, Cadence>;

/** The longest interval a cadence may have: ten years. */
export const MAX_CADENCE_DAYS = 3650;

/**
 * The cadence rule, the one place it is written: whole days, the ideal at least 1, the maximum at least the
 * ideal, neither over ten years. Null when the cadence is fine, else a sentence saying what is wrong.
 */
export function cadenceProblem(idealDays: number, maxDays: number): string | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_CADENCE_DAYS;
  if (!whole(idealDays)) return `The ideal interval must be a whole number of days from 1 to ${MAX_CADENCE_DAYS}.`;
  if (!whole(maxDays)) return `The maximum must be a whole number of days from 1 to ${MAX_CADENCE_DAYS}.`;
  if (maxDays < idealDays) {
    return `The cadence's maximum (${maxDays} days) must be at least its ideal interval (${idealDays} days).`;
  }
  return null;
}

export const DEFAULT_CADENCES: CadenceDefaults = {
  high: { idealDays: 14, maxDays: 28 },
  normal: { idealDays: 30, maxDays: 60 },
  low: { idealDays: 90, maxDays: 180 },
};

/** The person's own cadence where they have one, else the default for their priority. */
export function cadenceOf(
  person: Pick<Person, 'priority' | 'idealDays' | 'maxDays'>,
  defaults: CadenceDefaults = DEFAULT_CADENCES,
): Cadence {
  const base = defaults[person.priority] ?? defaults.normal;
  const idealDays = person.idealDays ?? base.idealDays;
  const maxDays = Math.max(person.maxDays ?? base.maxDays, idealDays);
  return { idealDays, maxDays };
}
