import type { AppDB } from '../db/app-db';
import type { Interaction } from '../db/types';

export interface LogSummary {
  people: number;
  interactions: number;
  latest: Interaction[];
}

/** Counts and the latest few interactions: index reads only, never a scan of all meetings. */
export async function readSummary(db: AppDB, latestCount = 5): Promise<LogSummary> {
  const [people, interactions, latest] = await Promise.all([
    db.people.count(),
    db.interactions.count(),
    db.interactions.orderBy('start').reverse().limit(latestCount).toArray(),
  ]);
  return { people, interactions, latest };
}
