import type { AuditColumn, AuditRow } from '../../../lib/manage/audit';
import { bookedLabel, lastMetText, PLANNING_TEXT } from '../../../lib/relationships/labels';
import { CatchUpControls, type CatchUpDone } from '../../CatchUpControls';
import { StatusBadge } from '../../StatusBadge';

const COLUMNS: Array<[AuditColumn, string]> = [
  ['priority', 'Priority'],
  ['status', 'Status'],
  ['name', 'Name'],
  ['affiliation', 'Organisation or group'],
  ['kind', 'Kind'],
  ['cadence', 'Cadence'],
  ['lastMet', 'Last met'],
  ['meetings90', 'Meetings, 90 days'],
  ['team', 'My team'],
  ['thanks', 'Thanks owed'],
];

export interface Sort {
  column: AuditColumn;
  direction: 'asc' | 'desc';
}

/**
 * One page of the audit: a row per person, sortable headers, a checkbox per row and one for the page, and each
 * row's ways to reach them.
 */
export function AuditTable({
  rows,
  now,
  sort,
  selected,
  onSort,
  onSelect,
  onCatchUp,
}: {
  rows: readonly AuditRow[];
  now: number;
  sort: Sort;
  selected: ReadonlySet<string>;
  onSort(sort: Sort): void;
  onSelect(emails: readonly string[], on: boolean): void;
  /** What a row's catch-up control did. */
  onCatchUp(email: string, done: CatchUpDone): void;
}) {
  return (
    <table class="people-table">
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select everyone on this page"
              checked={rows.length > 0 && rows.every((r) => selected.has(r.person.email))}
              onChange={(e) =>
                onSelect(
                  rows.map((r) => r.person.email),
                  e.currentTarget.checked,
                )
              }
            />
          </th>
          {COLUMNS.map(([column, label]) => (
            <th
              key={column}
              scope="col"
              aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                class="sort"
                onClick={() =>
                  onSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' })
                }
              >
                {label}
                {sort.column === column ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
              </button>
            </th>
          ))}
          <th scope="col">Reach out</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.person.email}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${r.person.displayName}`}
                checked={selected.has(r.person.email)}
                onChange={(e) => onSelect([r.person.email], e.currentTarget.checked)}
              />
            </td>
            <td>{r.person.priority}</td>
            <td>
              <StatusBadge status={r.status} />
              {r.planning && <span class="tag">{PLANNING_TEXT}</span>}
            </td>
            <td>
              <a href={`#/person/${encodeURIComponent(r.person.email)}`}>{r.person.displayName}</a>
            </td>
            <td>{r.affiliation}</td>
            <td>{r.kindLabel}</td>
            <td>
              {r.cadence.idealDays}/{r.cadence.maxDays} d
            </td>
            <td title={new Date(r.person.lastMetAt).toLocaleString()}>
              {lastMetText(r.person.lastMetAt, now)}
              {r.booked && <span class="next-step"> · {bookedLabel(r.person, now)}</span>}
            </td>
            <td>{r.meetings90}</td>
            <td>{r.person.team ? 'Yes' : ''}</td>
            <td>{r.thanksOwed ? 'Yes' : ''}</td>
            <td>
              <CatchUpControls
                person={r.person}
                planning={r.planning}
                now={now}
                hint={false}
                onDone={(done) => onCatchUp(r.person.email, done)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
