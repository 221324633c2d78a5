import { useState } from 'preact/hooks';
import { CONTACT_KINDS, CONTACT_LABELS, type ContactKind } from '../lib/db/types';
import { contactTime, dayString, type PeopleActions } from '../lib/popup/actions';
import { useEscape } from '../lib/ui/use-escape';

export interface ContactFormProps {
  email: string;
  name: string;
  now: number;
  actions: PeopleActions;
  onDone(message: string): void;
  onCancel(): void;
}

/** Log a contact outside the calendar: what kind, an optional note, today or an earlier day. */
export function ContactForm({ email, name, now, actions, onDone, onCancel }: ContactFormProps) {
  const [kind, setKind] = useState<ContactKind>('call');
  const [note, setNote] = useState('');
  const [day, setDay] = useState(dayString(now));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `contact-${email}`;
  useEscape(onCancel);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const problem = await actions
      .logContact({ email, kind, at: contactTime(day, now), note: note.trim() || undefined })
      .catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    setBusy(false);
    if (problem) setError(problem);
    else onDone(`Logged a ${CONTACT_LABELS[kind].toLowerCase()} with ${name}.`);
  }

  return (
    <form
      class="panel"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-label={`Log a contact with ${name}`}
    >
      <fieldset class="kinds">
        <legend>Kind of contact</legend>
        {CONTACT_KINDS.map((k) => (
          <label key={k} class={kind === k ? 'chip selected' : 'chip'}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {CONTACT_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>When</span>
        <input type="date" value={day} max={dayString(now)} required onInput={(e) => setDay(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Note (optional)</span>
        <input
          type="text"
          value={note}
          maxLength={500}
          placeholder="What mattered to them"
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          Log {CONTACT_LABELS[kind].toLowerCase()}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
