import { useMemo } from 'preact/hooks';
import { getDb } from '../db/app-db';
import { allGroups, allPeople, meetingsSince } from '../db/queries';
import type { Group, Interaction, Person } from '../db/types';
import type { CadenceDefaults } from '../relationships/cadence';
import { useLiveQuery } from '../ui/use-live-query';
import { useSettings } from '../ui/use-settings';

export interface ManageData {
  people: Person[];
  groups: Group[];
  groupsById: Map<string, Group>;
  /** Interactions of the last 27 weeks (trends, meetings in 90 days): an index range. */
  recent: Interaction[];
  cadences: CadenceDefaults;
  internalDomains: string[];
  myEmails: string[];
  /** The moment the data is judged at: when it was last read. */
  now: number;
}

export const RECENT_MS = 27 * 7 * 86_400_000;
const MANAGE_SETTINGS = ['cadenceDefaults', 'internalDomains', 'myEmails'] as const;

/** Everything the management page shows, live. Undefined until the first read. */
export function useManageData(): ManageData | undefined {
  const db = getDb();
  // The interactions' range is read from the page's opening; what is shown is judged as of the latest data, so
  // a change made since (a catch-up planned a moment ago) is not taken for one in the future.
  const openedAt = useMemo(() => Date.now(), []);
  const people = useLiveQuery(() => allPeople(db));
  const groups = useLiveQuery(() => allGroups(db));
  const recent = useLiveQuery(() => meetingsSince(db, openedAt - RECENT_MS));
  const settings = useSettings(MANAGE_SETTINGS);
  return useMemo(() => {
    if (!people || !groups || !recent || !settings) return undefined;
    const { cadenceDefaults: cadences, internalDomains, myEmails } = settings.values;
    return {
      people,
      groups,
      groupsById: new Map(groups.map((g) => [g.id, g])),
      recent,
      cadences,
      internalDomains,
      myEmails,
      now: Date.now(),
    };
  }, [people, groups, recent, settings]);
}
