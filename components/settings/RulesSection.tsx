import { useState } from 'preact/hooks';
import type { MeetingRules } from '../../lib/logging/rules';
import { checkGuestLimit } from '../../lib/settings-validation';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

export interface RulesSectionProps {
  value: MeetingRules;
  onSave(value: MeetingRules): Promise<void>;
}

/** The rules for which meetings count, shown as they are applied. */
export function RulesSection({ value, onSave }: RulesSectionProps) {
  const [limit, setLimit] = useState(String(value.guestLimit));
  const saving = useCommand();

  function submit(event: Event) {
    event.preventDefault();
    const checked = checkGuestLimit(limit);
    if (!checked.ok) {
      saving.say(checked.message, true);
      return;
    }
    void saving.run(() => onSave({ ...value, guestLimit: checked.value }), 'Saved.', 'Not saved:');
  }

  return (
    <div class="rules">
      <ul class="plain">
        <li>A meeting that has not started yet is not logged.</li>
        <li>A meeting you declined is not logged; guests who declined are not counted.</li>
        <li>You, rooms and resources are never counted.</li>
      </ul>
      <form class="add" onSubmit={submit}>
        <label class="field inline">
          <span>Ask before logging a meeting with more than</span>
          <input
            type="number"
            min={1}
            max={1000}
            value={limit}
            aria-label="Guest limit"
            onInput={(e) => setLimit(e.currentTarget.value)}
          />
          <span>people</span>
        </label>
        <button type="submit" disabled={saving.busy}>
          Save
        </button>
      </form>
      <CommandStatus state={saving} />
    </div>
  );
}
