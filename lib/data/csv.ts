import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Group, Interaction, Person } from '../db/types';
import type { CadenceDefaults } from '../relationships/cadence';
import { affiliationOf, KIND_LABELS } from '../relationships/labels';
import { assess } from '../relationships/rank';

/**
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or carriage return that
 * hides one) gets a leading apostrophe, so it shows as the text it is.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

function toCsv(header: string[], rows: Array<Array<string | number | boolean>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : String(cell))));
  return stringify([header, ...cells], { quoted: true, record_delimiter: 'windows' });
}

/** Everyone, one row each, for spreadsheets. */
export function peopleCsv(
  people: readonly Person[],
  groups: ReadonlyMap<string, Group>,
  internalDomains: readonly string[],
  cadences: CadenceDefaults,
  now: number,
): string {
  const header = [
    'Name',
    'Email',
    'Organisation or group',
    'Kind',
    'Priority',
    'Status',
    'Last met',
    'First met',
    'Interactions',
    'My team',
    'Ignored',
    'Snoozed until',
    'Ideal days',
    'Maximum days',
    'Note',
    'Thanks owed since',
    'Thanks settled',
  ];
  const rows = people.map((p) => {
    const { status, cadence } = assess(p, { now, cadences });
    return [
      p.displayName,
      p.email,
      affiliationOf(p, groups, internalDomains),
      p.kind ? KIND_LABELS[p.kind] : '',
      p.priority,
      status,
      iso(p.lastMetAt),
      iso(p.firstMetAt),
      p.interactionCount,
      p.team,
      p.ignored,
      iso(p.snoozedUntil),
      cadence.idealDays,
      cadence.maxDays,
      p.note,
      iso(p.thanksOwedSince),
      iso(p.thanksSettledAt),
    ];
  });
  return toCsv(header, rows);
}

/** Every meeting and contact, one row each, with who was there. */
export function interactionsCsv(interactions: readonly Interaction[]): string {
  const header = ['Start', 'End', 'Kind', 'Title', 'Source', 'People', 'Emails', 'Note'];
  const rows = interactions.map((i) => [
    iso(i.start),
    iso(i.end),
    i.kind,
    i.title,
    i.source,
    i.attendees.map((a) => a.displayName).join('; '),
    i.people.join('; '),
    i.note ?? '',
  ]);
  return toCsv(header, rows);
}
