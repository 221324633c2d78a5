import { useState } from 'preact/hooks';
import type { Checked } from '../../lib/settings-validation';
import { useCommand } from '../../lib/ui/use-command';

export interface ListFieldProps {
  label: string;
  hint: string;
  values: readonly string[];
  placeholder: string;
  /** Checks a typed value against the list; a refusal's message is shown under the field. */
  check(raw: string, existing: readonly string[]): Checked<string>;
  onChange(values: string[]): Promise<void>;
}

/** A list of short strings (addresses, domains) with add and remove, and a plain message for bad input. */
export function ListField({ label, hint, values, placeholder, check, onChange }: ListFieldProps) {
  const [draft, setDraft] = useState('');
  const saving = useCommand();
  // Only a refusal is said, under the field: the list itself shows what was saved.
  const error = saving.message?.error ? saving.message.text : '';
  const id = `field-${label.replace(/\W+/g, '-').toLowerCase()}`;

  async function add(event: Event) {
    event.preventDefault();
    const checked = check(draft, values);
    if (!checked.ok) {
      saving.say(checked.message, true);
      return;
    }
    if (await change([...values, checked.value])) setDraft('');
  }

  /** Saves the list; a refusal is shown under the field, never dropped. */
  async function change(next: string[]): Promise<boolean> {
    return saving.attempt(() => onChange(next), null, 'Not saved:');
  }

  return (
    <div class="list-field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <ul class="values" aria-label={label}>
        {values.map((value) => (
          <li key={value}>
            <span>{value}</span>
            <button
              type="button"
              class="link"
              aria-label={`Remove ${value}`}
              onClick={() => void change(values.filter((v) => v !== value))}
            >
              Remove
            </button>
          </li>
        ))}
        {values.length === 0 && <li class="none">None yet.</li>}
      </ul>
      <form class="add" onSubmit={add}>
        <input
          id={id}
          type="text"
          value={draft}
          placeholder={placeholder}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" disabled={saving.busy}>
          Add
        </button>
      </form>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
