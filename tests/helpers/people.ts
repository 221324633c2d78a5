import { PERSON_DEFAULTS } from '../../lib/db/app-db';
import type { Person } from '../../lib/db/types';

export const DAY = 86_400_000;

/** A person last met `daysAgo` days before `now`. */
export function person(email: string, lastMetAt: number, patch: Partial<Person> = {}): Person {
  const domain = email.slice(email.indexOf('@') + 1);
  return {
    email,
    displayName: email.split('@')[0] ?? email,
    domain,
    organisation: domain,
    firstMetAt: lastMetAt,
    lastMetAt,
    interactionCount: 1,
    createdAt: lastMetAt,
    updatedAt: lastMetAt,
    ...PERSON_DEFAULTS,
    ...patch,
  };
}
