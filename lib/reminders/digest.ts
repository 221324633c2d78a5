import type { Group, Person } from '../db/types';
import type { CadenceDefaults } from '../relationships/cadence';
import { affiliationOf } from '../relationships/labels';
import { needsAction, type RankedPerson, rankNeglected } from '../relationships/rank';
import type { ReminderSettings } from '../settings-schema';

/**
 * The relationships a weekly reminder counts: outside my team, not snoozed or ignored (the popup's ranking,
 * the same function), red (or red and amber), optionally high priority only, and only those who need the user:
 * not already booked, no catch-up being planned. Most neglected first.
 */
export function remindable(
  people: readonly Person[],
  options: {
    now: number;
    settings: Pick<ReminderSettings, 'counts' | 'highOnly'>;
    cadences: CadenceDefaults;
    myEmails: readonly string[];
  },
): RankedPerson[] {
  const statuses = options.settings.counts === 'red' ? ['red'] : ['red', 'amber'];
  return rankNeglected(people, { now: options.now, cadences: options.cadences, myEmails: options.myEmails }).filter(
    (r) =>
      statuses.includes(r.status) && (!options.settings.highOnly || r.person.priority === 'high') && needsAction(r),
  );
}

/** The badge's tooltip: what the number means. */
export function badgeTitle(count: number, settings: Pick<ReminderSettings, 'counts' | 'highOnly'>): string {
  const what = `${settings.highOnly ? 'high-priority ' : ''}relationship${count === 1 ? '' : 's'} outside your team`;
  const state = settings.counts === 'red' ? 'overdue' : 'overdue or due';
  return `Bridges: ${count} ${what} ${count === 1 ? 'is' : 'are'} ${state}. Open Bridges to see who.`;
}

/** "4 relationships need you this week: Priya Raman (Finance), Sam Okafor (partner.example), and 2 more." */
export function digestText(
  entries: readonly RankedPerson[],
  groups: ReadonlyMap<string, Group>,
  internalDomains: readonly string[],
): string {
  const n = entries.length;
  const named = entries
    .slice(0, 3)
    .map((e) => `${e.person.displayName} (${affiliationOf(e.person, groups, internalDomains)})`);
  const more = n > 3 ? `, and ${n - 3} more` : '';
  return `${n} relationship${n === 1 ? ' needs' : 's need'} you this week: ${named.join(', ')}${more}.`;
}
