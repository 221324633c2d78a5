import { type Group, type Interaction, type Person, priorityRank, type RelationshipKind } from '../db/types';
import type { Cadence, CadenceDefaults } from '../relationships/cadence';
import { affiliationOf, KIND_LABELS } from '../relationships/labels';
import { assess } from '../relationships/rank';
import type { Status } from '../relationships/status';

/** One row of the relationship audit. */
export interface AuditRow {
  person: Person;
  status: Status;
  days: number;
  cadence: Cadence;
  affiliation: string;
  kindLabel: string;
  meetings90: number;
  thanksOwed: boolean;
  score: number;
  /** A catch-up with them is being planned ("Plan a catch-up", within the week). */
  planning: boolean;
  /** A meeting with them is booked. */
  booked: boolean;
}

const DAY = 86_400_000;

/** Meetings in the last 90 days per person, from that range of interactions (an index range, not all). */
export function meetingsPerPerson(recent: readonly Interaction[], now: number): Map<string, number> {
  const since = now - 90 * DAY;
  const counts = new Map<string, number>();
  for (const i of recent) {
    if (i.start < since || i.start > now) continue;
    for (const email of i.people) counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return counts;
}

export function auditRows(
  people: readonly Person[],
  groups: ReadonlyMap<string, Group>,
  internalDomains: readonly string[],
  meetings90: ReadonlyMap<string, number>,
  cadences: CadenceDefaults,
  now: number,
): AuditRow[] {
  return people.map((person) => {
    const { status, days, cadence, score, planning, booked } = assess(person, { now, cadences });
    return {
      person,
      status,
      days,
      cadence,
      score,
      planning,
      booked,
      affiliation: affiliationOf(person, groups, internalDomains),
      kindLabel: person.kind ? KIND_LABELS[person.kind] : '',
      meetings90: meetings90.get(person.email) ?? 0,
      thanksOwed: person.thanksOwedSince !== null,
    };
  });
}

export type AuditColumn =
  | 'priority'
  | 'status'
  | 'name'
  | 'affiliation'
  | 'kind'
  | 'cadence'
  | 'lastMet'
  | 'meetings90'
  | 'team'
  | 'thanks';

export interface AuditFilter {
  query: string;
  status: Status | 'all';
  group: string | 'all';
  kind: RelationshipKind | 'all' | 'none';
  team: 'all' | 'team' | 'outside';
  thanks: boolean;
}

export const NO_FILTER: AuditFilter = {
  query: '',
  status: 'all',
  group: 'all',
  kind: 'all',
  team: 'all',
  thanks: false,
};

export function filterRows(rows: readonly AuditRow[], filter: AuditFilter): AuditRow[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.status !== 'all' && r.status !== filter.status) return false;
    if (filter.group !== 'all' && r.affiliation !== filter.group) return false;
    if (filter.kind === 'none' ? r.person.kind !== null : filter.kind !== 'all' && r.person.kind !== filter.kind)
      return false;
    if (filter.team === 'team' && !r.person.team) return false;
    if (filter.team === 'outside' && r.person.team) return false;
    if (filter.thanks && !r.thanksOwed) return false;
    if (words.length === 0) return true;
    const haystack = `${r.person.displayName} ${r.person.email} ${r.affiliation}`.toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

const STATUS_ORDER: Record<Status, number> = { red: 0, amber: 1, green: 2 };

const COMPARE: Record<AuditColumn, (a: AuditRow, b: AuditRow) => number> = {
  priority: (a, b) => priorityRank(a.person.priority) - priorityRank(b.person.priority),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.score - a.score,
  name: (a, b) => a.person.displayName.localeCompare(b.person.displayName),
  affiliation: (a, b) => a.affiliation.localeCompare(b.affiliation),
  kind: (a, b) => a.kindLabel.localeCompare(b.kindLabel),
  cadence: (a, b) => a.cadence.idealDays - b.cadence.idealDays,
  lastMet: (a, b) => a.person.lastMetAt - b.person.lastMetAt,
  meetings90: (a, b) => a.meetings90 - b.meetings90,
  team: (a, b) => Number(a.person.team) - Number(b.person.team),
  thanks: (a, b) => Number(b.thanksOwed) - Number(a.thanksOwed),
};

/** Sorted by a column, ties broken by name, so the order is stable. */
export function sortRows(rows: readonly AuditRow[], column: AuditColumn, direction: 'asc' | 'desc'): AuditRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * COMPARE[column](a, b) || a.person.displayName.localeCompare(b.person.displayName),
  );
}
