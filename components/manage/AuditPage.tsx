import { useMemo, useState } from 'preact/hooks';
import {
  type AuditFilter,
  auditRows,
  filterRows,
  meetingsPerPerson,
  NO_FILTER,
  sortRows,
} from '../../lib/manage/audit';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import type { PersonPatch } from '../../lib/people/inputs';
import { useCommand } from '../../lib/ui/use-command';
import { type CatchUpDone, CatchUpOutcome } from '../CatchUpControls';
import { CommandStatus } from '../CommandStatus';
import { AuditFilters } from './audit/AuditFilters';
import { AuditTable, type Sort } from './audit/AuditTable';
import { BulkBar } from './audit/BulkBar';

const PAGE = 50;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * The relationship audit: every person, sortable, filterable, searchable, with bulk changes. A bulk change
 * acts on the people selected among those the filters show: changing the filters drops from the selection
 * whoever they hide, so nothing changes out of sight.
 */
export function AuditPage({ data }: { data: ManageData }) {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ column: 'status', direction: 'asc' });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const changing = useCommand();
  const [caughtUp, setCaughtUp] = useState<{ email: string; done: CatchUpDone } | null>(null);

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
  const filtered = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const shown = useMemo(() => sortRows(filtered, sort.column, sort.direction), [filtered, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = shown.slice(page * PAGE, page * PAGE + PAGE);
  const affiliations = useMemo(() => [...new Set(rows.map((r) => r.affiliation))].sort(), [rows]);
  // Only people the filters show can be acted on, whatever was ticked before.
  const chosen = useMemo(
    () => filtered.filter((r) => selected.has(r.person.email)).map((r) => r.person.email),
    [filtered, selected],
  );

  function changeFilter(patch: Partial<AuditFilter>) {
    const next = { ...filter, ...patch };
    const visible = new Set(filterRows(rows, next).map((r) => r.person.email));
    setFilter(next);
    setSelected(new Set([...selected].filter((email) => visible.has(email))));
    setPage(0);
  }

  function select(emails: readonly string[], on: boolean) {
    const next = new Set(selected);
    for (const email of emails) on ? next.add(email) : next.delete(email);
    setSelected(next);
  }

  const bulk = (patch: PersonPatch, what: string) =>
    void changing.run(
      () => sendMessage('updatePeople', { emails: chosen, patch }),
      (r) => `${what}: ${people(r.updated)}.`,
      'Not changed:',
    );

  return (
    <div class="audit">
      <AuditFilters filter={filter} affiliations={affiliations} onChange={changeFilter} />
      {chosen.length > 0 && (
        <BulkBar
          count={chosen.length}
          groups={data.groups}
          busy={changing.busy}
          onApply={bulk}
          onProblem={(problem) => changing.say(problem, true)}
          onClear={() => setSelected(new Set())}
        />
      )}
      <CommandStatus state={changing} />
      {caughtUp && (
        <CatchUpOutcome
          key={caughtUp.email}
          email={caughtUp.email}
          outcome={caughtUp.done.outcome}
          onUndone={() => setCaughtUp(null)}
        />
      )}
      <p class="muted">
        {shown.length} of {rows.length} people
      </p>
      <AuditTable
        rows={current}
        now={data.now}
        sort={sort}
        selected={selected}
        onSort={setSort}
        onSelect={select}
        onCatchUp={(email, done) => setCaughtUp({ email, done })}
      />
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
