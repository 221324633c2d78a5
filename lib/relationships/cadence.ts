import type { Person, Priority } from '../db/types';

/** How often to be in touch: amber after `idealDays` without contact, red after `maxDays`. */
export interface Cadence {
  idealDays: number;
  maxDays: number;
}

export type CadenceDefaults = Record<Priority, Cadence>;

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
