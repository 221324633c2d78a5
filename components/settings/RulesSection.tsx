import { useState } from 'preact/hooks';
import type { MeetingRules } from '../../lib/logging/rules';
import { checkGuestLimit } from '../../lib/settings-validation';

export interface RulesSectionProps {
  value: MeetingRules;
  onSave(value: MeetingRules): Promise<void>;
}

/** The rules for which meetings count, shown as they are applied. */
export function RulesSection({ value, onSave }: RulesSectionProps) {
  const [limit, setLimit] = useState(String(value.guestLimit));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const checked = checkGuestLimit(limit);
    if (!checked.ok) {
      setError(checked.message);
      setSaved(false);
      return;
    }
    setError('');
    try {
      await onSave({ ...value, guestLimit: checked.value });
      setSaved(true);
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
      setSaved(false);
    }
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
        <button type="submit">Save</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p class="saved" role="status">
          Saved.
        </p>
      )}
    </div>
  );
}
