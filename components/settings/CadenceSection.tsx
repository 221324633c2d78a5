import { useState } from 'preact/hooks';
import { PRIORITIES, type Priority } from '../../lib/db/types';
import type { CadenceDefaults } from '../../lib/relationships/cadence';
import { PRIORITY_LABELS } from '../../lib/relationships/labels';
import { checkCadences } from '../../lib/settings-validation';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';
import { DaysInput } from '../DaysInput';

export interface CadenceSectionProps {
  value: CadenceDefaults;
  onSave(value: CadenceDefaults): Promise<void>;
}

/** Default cadences by priority: amber after the ideal interval, red after the maximum. */
export function CadenceSection({ value, onSave }: CadenceSectionProps) {
  const [draft, setDraft] = useState(
    () =>
      Object.fromEntries(
        PRIORITIES.map((p) => [p, { idealDays: String(value[p].idealDays), maxDays: String(value[p].maxDays) }]),
      ) as Record<Priority, { idealDays: string; maxDays: string }>,
  );
  const saving = useCommand();

  function submit(event: Event) {
    event.preventDefault();
    const checked = checkCadences(draft);
    if (!checked.ok) {
      saving.say(checked.message, true);
      return;
    }
    void saving.run(
      () => onSave(checked.value),
      'Saved. People without a cadence of their own follow these.',
      'Not saved:',
    );
  }

  return (
    <form class="cadences" onSubmit={submit}>
      <table>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Ideal (days)</th>
            <th scope="col">At most (days)</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">{PRIORITY_LABELS[p]}</th>
              {(['idealDays', 'maxDays'] as const).map((field) => (
                <td key={field}>
                  <DaysInput
                    class="day-count"
                    aria-label={`${PRIORITY_LABELS[p]}, ${field === 'idealDays' ? 'ideal' : 'maximum'} days`}
                    value={draft[p][field]}
                    onValue={(text) => {
                      setDraft((d) => ({ ...d, [p]: { ...d[p], [field]: text } }));
                      if (saving.message && !saving.message.error) saving.clear();
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" class="primary" disabled={saving.busy}>
        Save cadences
      </button>
      <CommandStatus state={saving} />
    </form>
  );
}
