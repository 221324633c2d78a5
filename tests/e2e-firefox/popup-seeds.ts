import type { Person } from '../../lib/db/types';

/**
 * The people the Firefox popup test seeds, met a number of days before the moment it starts, with the words
 * and status the popup must show for them. Firefox runs on the real clock (libfaketime deadlocks it), so each
 * age is chosen where its words cannot change with the day, the hour, the zone or a daylight-saving change
 * (a day more or less reads the same): tests/e2e-firefox/any-day.test.ts proves it for every day of two years.
 */
export interface PopupSeed {
  email: string;
  name: string;
  daysAgo: number;
  patch?: Partial<Person>;
  /** Where the popup lists them (outside the team only), most neglected first. */
  listed: boolean;
  status: 'red' | 'amber' | 'green';
  /** Their "last met" words, where the test reads them (a few days ago cannot be fixed: not read). */
  lastMet: string | null;
}

export const POPUP_SEEDS: readonly PopupSeed[] = [
  // 73 days on a 30/60 cadence: overdue; 72 to 74 days all read "10 weeks ago".
  {
    email: 'priya@finance.example',
    name: 'Priya Raman',
    daysAgo: 73,
    listed: true,
    status: 'red',
    lastMet: '10 weeks ago',
  },
  // 18 days on a high-priority 14/28: due, and weighted up above Mallory.
  {
    email: 'sam@partner.example',
    name: 'Sam Okafor',
    daysAgo: 18,
    patch: { priority: 'high', kind: 'partner' },
    listed: true,
    status: 'amber',
    lastMet: '2 weeks ago',
  },
  {
    email: 'mallory@evil.example',
    name: '<img src=x onerror="window.__pwned=1"><b>Mallory</b>',
    daysAgo: 45,
    listed: true,
    status: 'amber',
    lastMet: '6 weeks ago',
  },
  { email: 'wei@finance.example', name: 'Wei Chen', daysAgo: 3, listed: true, status: 'green', lastMet: null },
  {
    email: 'lee@home.example',
    name: 'Jordan Lee',
    daysAgo: 88,
    patch: { team: true },
    listed: false,
    status: 'red',
    lastMet: '12 weeks ago',
  },
];
