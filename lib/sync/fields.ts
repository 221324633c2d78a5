import { PERSON_DEFAULTS, type UserField } from '../db/app-db';
import type { ChangeTimes, Person } from '../db/types';
import type { SameMembers } from '../schema';

/**
 * The user's own fields of a person: what they decided and wrote. These travel to their other browsers, each
 * with when it was last changed, and the later change of each wins. A cadence's ideal and maximum are one field
 * ("cadence"): set together, they travel together, so no browser ever holds one browser's ideal with another's
 * maximum. What Bridges learns from the calendar (first and last met, how often, the name Calendar showed, the
 * next booked meeting) is not among them.
 */
export const PERSON_FIELDS = [
  'priority',
  'kind',
  'cadence',
  'groupId',
  'team',
  'ignored',
  'snoozedUntil',
  'thanksOwedSince',
  'thanksSettledAt',
  'note',
  'teamSuggestionDismissed',
  'planningSince',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
/** The stored fields of a person a synced field is: the cadence is two. */
type StoredAs<F extends PersonField> = F extends 'cadence' ? 'idealDays' | 'maxDays' : F;
// Every one of the user's own fields of a person travels (lib/db/app-db.ts names them): a field added there does
// not compile until it is listed here too.
true satisfies SameMembers<UserField, StoredAs<PersonField>>;

/** A group's fields that travel, each with its change time. */
export const GROUP_FIELDS = ['name', 'kind'] as const;

/** The synced field a stored field belongs to (`idealDays` and `maxDays` are the cadence), or null. */
export function personFieldOf(stored: string): PersonField | null {
  if (stored === 'idealDays' || stored === 'maxDays') return 'cadence';
  return (PERSON_FIELDS as readonly string[]).includes(stored) ? (stored as PersonField) : null;
}

/** `times` with each of the synced fields among `stored` (names of stored fields) marked as changed at `now`. */
export function stamped(times: ChangeTimes | undefined, stored: Iterable<string>, now: number): ChangeTimes {
  const next: ChangeTimes = { ...times };
  for (const name of stored) {
    const field = personFieldOf(name);
    if (field) next[field] = now;
  }
  return next;
}

/** The latest of a record's change times, or 0 when none was kept. */
export function lastChange(times: ChangeTimes | undefined): number {
  let at = 0;
  for (const t of Object.values(times ?? {})) if (t !== undefined && t > at) at = t;
  return at;
}

/** Whether a synced field of `person` holds its default value (the cadence: the priority's own). */
export function isDefault(person: Person, field: PersonField): boolean {
  if (field === 'cadence') return person.idealDays === null && person.maxDays === null;
  return person[field] === PERSON_DEFAULTS[field];
}

/** A cadence as it travels: both numbers, or null for the priority's default. */
export type CadenceValue = [number, number] | null;

/** The value of a synced field of `person`. */
export function personValue(person: Person, field: PersonField): unknown {
  if (field === 'cadence') {
    return person.idealDays === null || person.maxDays === null ? null : [person.idealDays, person.maxDays];
  }
  return person[field];
}

/** The stored fields a synced field's value sets. */
export function personFields(field: PersonField, value: unknown): Partial<Person> {
  if (field === 'cadence') {
    const cadence = value as CadenceValue;
    return { idealDays: cadence ? cadence[0] : null, maxDays: cadence ? cadence[1] : null };
  }
  return { [field]: value } as Partial<Person>;
}

/** The tombstone's key of a deleted person, and of a deleted group. */
export const personTombstone = (email: string) => `person:${email}`;
export const groupTombstone = (id: string) => `group:${id}`;
