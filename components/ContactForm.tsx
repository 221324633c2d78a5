import { useState } from 'preact/hooks';
import { CONTACT_KINDS, CONTACT_LABELS, type ContactKind } from '../lib/db/types';
import { contactTime, dayString, type PeopleActions } from '../lib/popup/actions';
import { useCommand } from '../lib/ui/use-command';
import { useEscape } from '../lib/ui/use-escape';
import { CommandStatus } from './CommandStatus';

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
  const logging = useCommand();
  const id = `contact-${email}`;
  useEscape(onCancel);

  /** Logs the contact; what it did is said by `onDone` (the popup's toast), a refusal here. */
  async function submit(event: Event) {
    event.preventDefault();
    const logged = await logging.attempt(
      () => actions.logContact({ email, kind, at: contactTime(day, now), note: note.trim() || undefined }),
      null,
      '',
    );
    if (logged) onDone(`Logged a ${CONTACT_LABELS[kind].toLowerCase()} with ${name}.`);
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
      <CommandStatus state={logging} />
      <div class="buttons">
        <button type="submit" class="primary" disabled={logging.busy}>
          Log {CONTACT_LABELS[kind].toLowerCase()}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
