import type { AppDB } from '../db/app-db';
import { rankNeglected } from '../relationships/rank';
import { chooseStretchPick, weekKeyOf } from '../relationships/stretch-choice';
import { getSetting, getSettings, setSetting } from '../settings';

/**
 * This week's stretch pick: the one kept for this ISO week while that person is still in Bridges, else a
 * new choice, kept for the rest of the week.
 */
export async function currentStretchPick(db: AppDB, now: number): Promise<string | null> {
  const week = weekKeyOf(now);
  const stored = await getSetting(db, 'weeklyPick');
  if (stored?.week === week && stored.email && (await db.people.get(stored.email))) return stored.email;
  const [people, { myEmails, cadenceDefaults: cadences }] = await Promise.all([
    db.people.toArray(),
    getSettings(db, ['myEmails', 'cadenceDefaults']),
  ]);
  const email = chooseStretchPick(rankNeglected(people, { now, cadences, myEmails }), people)?.email ?? null;
  await setSetting(db, 'weeklyPick', { week, email });
  return email;
}
