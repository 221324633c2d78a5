import { useMemo, useState } from 'preact/hooks';
import type { PersonPatch } from '../../lib/commands/update-people';
import { PRIORITIES, type Priority, RELATIONSHIP_KINDS, type RelationshipKind } from '../../lib/db/types';
import {
  type AuditColumn,
  type AuditFilter,
  auditRows,
  filterRows,
  meetingsPerPerson,
  NO_FILTER,
  sortRows,
} from '../../lib/manage/audit';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import { KIND_LABELS, lastMetText } from '../../lib/relationships/labels';
import { StatusBadge } from '../StatusBadge';

const PAGE = 50;
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

/** The relationship audit: every person, sortable, filterable, searchable, with bulk changes. */
export function AuditPage({ data }: { data: ManageData }) {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ column: AuditColumn; direction: 'asc' | 'desc' }>({
    column: 'status',
    direction: 'asc',
  });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');

  const rows = useMemo(
    () =>
      auditRows(
        data.people,
        data.groupsById,
        data.internalDomains,
        meetingsPerPerson(data.recent, data.now),
        data.cadences,
        data.now,
      ),
    [data],
  );
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.column, sort.direction), [rows, filter, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = shown.slice(page * PAGE, page * PAGE + PAGE);
  const affiliations = useMemo(() => [...new Set(rows.map((r) => r.affiliation))].sort(), [rows]);
  const update = (f: Partial<AuditFilter>) => {
    setFilter({ ...filter, ...f });
    setPage(0);
  };

  async function bulk(patch: PersonPatch, what: string) {
    const emails = [...selected];
    try {
      await sendMessage('updatePeople', { emails, patch });
      setMessage(`${what}: ${emails.length} ${emails.length === 1 ? 'person' : 'people'}.`);
    } catch (e) {
      setMessage(`Not changed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <div class="audit">
      <div class="filters">
        <input
          type="search"
          aria-label="Search people"
          placeholder="Search name, email or organisation"
          value={filter.query}
          onInput={(e) => update({ query: e.currentTarget.value })}
        />
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(e) => update({ status: e.currentTarget.value as AuditFilter['status'] })}
        >
          <option value="all">Any status</option>
          <option value="red">Overdue (red)</option>
          <option value="amber">Due (amber)</option>
          <option value="green">On track (green)</option>
        </select>
        <select
          aria-label="Organisation or group"
          value={filter.group}
          onChange={(e) => update({ group: e.currentTarget.value })}
        >
          <option value="all">Any organisation or group</option>
          {affiliations.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <select
          aria-label="Kind"
          value={filter.kind}
          onChange={(e) => update({ kind: e.currentTarget.value as AuditFilter['kind'] })}
        >
          <option value="all">Any kind</option>
          <option value="none">No kind set</option>
          {RELATIONSHIP_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select
          aria-label="Team"
          value={filter.team}
          onChange={(e) => update({ team: e.currentTarget.value as AuditFilter['team'] })}
        >
          <option value="all">Team and outside</option>
          <option value="outside">Outside my team</option>
          <option value="team">My team</option>
        </select>
        <label class="check">
          <input
            type="checkbox"
            checked={filter.thanks}
            onChange={(e) => update({ thanks: e.currentTarget.checked })}
          />{' '}
          Thanks owed
        </label>
      </div>
      {selected.size > 0 && (
        <BulkBar count={selected.size} groups={data.groups} onApply={bulk} onClear={() => setSelected(new Set())} />
      )}
      {message && (
        <p class="saved" role="status">
          {message}
        </p>
      )}
      <p class="muted">
        {shown.length} of {rows.length} people
      </p>
      <table class="people-table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select everyone on this page"
                checked={current.length > 0 && current.every((r) => selected.has(r.person.email))}
                onChange={(e) => {
                  const next = new Set(selected);
                  for (const r of current)
                    e.currentTarget.checked ? next.add(r.person.email) : next.delete(r.person.email);
                  setSelected(next);
                }}
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
                    setSort({ column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' })
                  }
                >
                  {label}
                  {sort.column === column ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {current.map((r) => (
            <tr key={r.person.email}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${r.person.displayName}`}
                  checked={selected.has(r.person.email)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    e.currentTarget.checked ? next.add(r.person.email) : next.delete(r.person.email);
                    setSelected(next);
                  }}
                />
              </td>
              <td>{r.person.priority}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                <a href={`#/person/${encodeURIComponent(r.person.email)}`}>{r.person.displayName}</a>
              </td>
              <td>{r.affiliation}</td>
              <td>{r.kindLabel}</td>
              <td>
                {r.cadence.idealDays}/{r.cadence.maxDays} d
              </td>
              <td title={new Date(r.person.lastMetAt).toLocaleString()}>{lastMetText(r.person.lastMetAt, data.now)}</td>
              <td>{r.meetings90}</td>
              <td>{r.person.team ? 'Yes' : ''}</td>
              <td>{r.thanksOwed ? 'Yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

function BulkBar({
  count,
  groups,
  onApply,
  onClear,
}: {
  count: number;
  groups: ManageData['groups'];
  onApply(p: PersonPatch, what: string): void;
  onClear(): void;
}) {
  const [ideal, setIdeal] = useState('');
  const [max, setMax] = useState('');
  const [error, setError] = useState('');
  return (
    <section class="bulk" aria-label="Change the selected people">
      <strong>{count} selected</strong>
      <select
        aria-label="Set group"
        value=""
        onChange={(e) =>
          e.currentTarget.value &&
          onApply({ groupId: e.currentTarget.value === 'none' ? null : e.currentTarget.value }, 'Group set')
        }
      >
        <option value="">Set group…</option>
        <option value="none">No group</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Set kind"
        value=""
        onChange={(e) =>
          e.currentTarget.value &&
          onApply(
            { kind: (e.currentTarget.value === 'none' ? null : e.currentTarget.value) as RelationshipKind | null },
            'Kind set',
          )
        }
      >
        <option value="">Set kind…</option>
        <option value="none">No kind</option>
        {RELATIONSHIP_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <select
        aria-label="Set priority"
        value=""
        onChange={(e) =>
          e.currentTarget.value && onApply({ priority: e.currentTarget.value as Priority }, 'Priority set')
        }
      >
        <option value="">Set priority…</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const i = Number(ideal);
          const m = Number(max);
          if (!Number.isInteger(i) || !Number.isInteger(m) || i < 1 || m > 3650 || m < i) {
            setError('Cadence: whole days, 1 to 3650, the maximum not below the ideal.');
            return;
          }
          setError('');
          onApply({ idealDays: i, maxDays: m }, 'Cadence set');
        }}
      >
        <input
          type="number"
          aria-label="Ideal days"
          placeholder="ideal"
          value={ideal}
          onInput={(e) => setIdeal(e.currentTarget.value)}
        />
        <input
          type="number"
          aria-label="Maximum days"
          placeholder="max"
          value={max}
          onInput={(e) => setMax(e.currentTarget.value)}
        />
        <button type="submit">Set cadence</button>
      </form>
      <button type="button" onClick={() => onApply({ team: true }, 'Marked as my team')}>
        Mark as my team
      </button>
      <button type="button" onClick={() => onApply({ ignored: true }, 'Ignored')}>
        Ignore
      </button>
      <button type="button" class="link" onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
