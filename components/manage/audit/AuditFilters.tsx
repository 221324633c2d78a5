import { RELATIONSHIP_KINDS } from '../../../lib/db/types';
import type { AuditFilter } from '../../../lib/manage/audit';
import { KIND_LABELS } from '../../../lib/relationships/labels';

/** The audit's search and filters. */
export function AuditFilters({
  filter,
  affiliations,
  onChange,
}: {
  filter: AuditFilter;
  affiliations: readonly string[];
  onChange(patch: Partial<AuditFilter>): void;
}) {
  return (
    <div class="filters">
      <input
        type="search"
        aria-label="Search people"
        placeholder="Search name, email or organisation"
        value={filter.query}
        onInput={(e) => onChange({ query: e.currentTarget.value })}
      />
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as AuditFilter['status'] })}
      >
        <option value="all">Any status</option>
        <option value="red">Overdue (red)</option>
        <option value="amber">Due (amber)</option>
        <option value="green">On track (green)</option>
      </select>
      <select
        aria-label="Organisation or group"
        value={filter.group}
        onChange={(e) => onChange({ group: e.currentTarget.value })}
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
        onChange={(e) => onChange({ kind: e.currentTarget.value as AuditFilter['kind'] })}
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
        onChange={(e) => onChange({ team: e.currentTarget.value as AuditFilter['team'] })}
      >
        <option value="all">Team and outside</option>
        <option value="outside">Outside my team</option>
        <option value="team">My team</option>
      </select>
      <label class="check">
        <input
          type="checkbox"
          checked={filter.thanks}
          onChange={(e) => onChange({ thanks: e.currentTarget.checked })}
        />{' '}
        Thanks owed
      </label>
    </div>
  );
}
