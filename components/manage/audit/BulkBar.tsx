import { useState } from 'preact/hooks';
import { PRIORITIES, type Priority, type RelationshipKind } from '../../../lib/db/types';
import type { ManageData } from '../../../lib/manage/use-manage-data';
import type { PersonPatch } from '../../../lib/people/inputs';
import { checkCadence } from '../../../lib/settings-validation';
import { DaysInput } from '../../DaysInput';
import { KindOptions } from '../../KindOptions';

/** Changes for everyone selected (and shown): group, kind, priority, cadence, my team, ignore. */
export function BulkBar({
  count,
  groups,
  busy,
  onApply,
  onProblem,
  onClear,
}: {
  count: number;
  groups: ManageData['groups'];
  busy: boolean;
  onApply(patch: PersonPatch, what: string): void;
  /** What is wrong with what was typed, said where what the changes did is said. */
  onProblem(problem: string): void;
  onClear(): void;
}) {
  const [ideal, setIdeal] = useState('');
  const [max, setMax] = useState('');
  return (
    <section class="bulk" aria-label="Change the selected people">
      <strong>{count} selected</strong>
      <select
        aria-label="Set group"
        value=""
        disabled={busy}
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
        disabled={busy}
        onChange={(e) =>
          e.currentTarget.value &&
          onApply(
            { kind: (e.currentTarget.value === 'none' ? null : e.currentTarget.value) as RelationshipKind | null },
            'Kind set',
          )
        }
      >
        <option value="">Set kind…</option>
        <KindOptions none="No kind" noneValue="none" />
      </select>
      <select
        aria-label="Set priority"
        value=""
        disabled={busy}
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
          if (!ideal.trim() || !max.trim()) return onProblem('Give an ideal interval and a maximum.');
          const checked = checkCadence({ idealDays: ideal, maxDays: max });
          if (checked.ok) onApply(checked.value, 'Cadence set');
          else onProblem(checked.message);
        }}
      >
        <DaysInput aria-label="Ideal days" placeholder="ideal" value={ideal} onValue={setIdeal} />
        <DaysInput aria-label="Maximum days" placeholder="max" value={max} onValue={setMax} />
        <button type="submit" disabled={busy}>
          Set cadence
        </button>
      </form>
      <button type="button" disabled={busy} onClick={() => onApply({ team: true }, 'Marked as my team')}>
        Mark as my team
      </button>
      <button type="button" disabled={busy} onClick={() => onApply({ ignored: true }, 'Ignored')}>
        Ignore
      </button>
      <button type="button" class="link" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
