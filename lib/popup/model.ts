import type { Group, Person } from '../db/types';
import type { CadenceDefaults } from '../relationships/cadence';
import { assess, type RankedPerson, rankNeglected } from '../relationships/rank';
import type { StoredPopupSettings } from './settings';

export interface PopupSettings {
  myEmails: string[];
  internalDomains: string[];
  cadences: CadenceDefaults;
}

/** What the popup ranks with, from its three settings as they are stored. */
export function popupSettingsOf(stored: StoredPopupSettings): PopupSettings {
  return { myEmails: stored.myEmails, internalDomains: stored.internalDomains, cadences: stored.cadenceDefaults };
}

export interface PopupModel {
  /** People outside the team, not snoozed or ignored, most neglected first. */
  ranked: RankedPerson[];
  /**
   * How many of them are red, past their maximum ("Overdue", as their rows say), and need the user: neither
   * booked nor being planned (what the badge counts).
   */
  overdue: number;
  /** How many are amber, past their ideal interval but not their maximum ("Due"), and need the user. */
  due: number;
  /** How many red or amber have a meeting booked, and how many a catch-up being planned. */
  booked: number;
  planning: number;
  groups: Map<string, Group>;
  byEmail: Map<string, Person>;
}

export function buildPopupModel(
  people: readonly Person[],
  groups: readonly Group[],
  settings: PopupSettings,
  now: number,
): PopupModel {
  const ranked = rankNeglected(people, { now, cadences: settings.cadences, myEmails: settings.myEmails });
  let overdue = 0;
  let due = 0;
  let booked = 0;
  let planning = 0;
  for (const entry of ranked) {
    if (entry.status === 'green') continue;
    if (entry.booked) booked++;
    else if (entry.planning) planning++;
    else if (entry.status === 'red') overdue++;
    else due++;
  }
  return {
    ranked,
    overdue,
    due,
    booked,
    planning,
    groups: new Map(groups.map((g) => [g.id, g])),
    byEmail: new Map(people.map((p) => [p.email, p])),
  };
}

/** Everyone whose name, email or organisation contains every word of `query` (team and snoozed included). */
export function searchPeople(
  people: readonly Person[],
  query: string,
  model: PopupModel,
  settings: PopupSettings,
  now: number,
): RankedPerson[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return model.ranked;
  const out: RankedPerson[] = [];
  for (const person of people) {
    const group = person.groupId ? (model.groups.get(person.groupId)?.name ?? '') : '';
    const haystack = `${person.displayName} ${person.email} ${person.organisation ?? ''} ${group}`.toLocaleLowerCase();
    if (words.every((w) => haystack.includes(w))) out.push(assess(person, { now, cadences: settings.cadences }));
  }
  return out.sort((a, b) => b.score - a.score);
}
