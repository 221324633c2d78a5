import { useState } from 'preact/hooks';
import type { Person } from '../../../lib/db/types';
import { sendMessage } from '../../../lib/messaging';
import type { PersonPatch } from '../../../lib/people/inputs';
import { LIMITS } from '../../../lib/schema';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { day } from './format';

/** What matters to them (the user's own words), and whether the user owes them thanks. */
export function NoteAndThanks({ person }: { person: Person }) {
  const [note, setNote] = useState<string | null>(null);
  const saving = useCommand();
  const change = (patch: PersonPatch, done: string) =>
    void saving.run(() => sendMessage('updatePeople', { emails: [person.email], patch }), done, 'Not saved:');
  return (
    <section class="card" aria-labelledby="about">
      <h3 id="about">What matters to them</h3>
      <textarea
        rows={5}
        maxLength={LIMITS.personNote}
        aria-labelledby="about"
        placeholder="Their biggest challenge, what they care about"
        value={note ?? person.note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="button" disabled={saving.busy} onClick={() => change({ note: note ?? person.note }, 'Note saved.')}>
        Save note
      </button>
      <h3>Thanks</h3>
      {person.thanksOwedSince !== null ? (
        <p>
          You owe them thanks since {day(person.thanksOwedSince)}.{' '}
          <button
            type="button"
            onClick={() => change({ thanksOwedSince: null, thanksSettledAt: Date.now() }, 'Thanks settled.')}
          >
            Mark as thanked
          </button>
        </p>
      ) : (
        <p>
          {person.thanksSettledAt !== null ? `Thanked on ${day(person.thanksSettledAt)}. ` : ''}
          <button type="button" onClick={() => change({ thanksOwedSince: Date.now() }, 'Noted: you owe them thanks.')}>
            I owe them thanks
          </button>
        </p>
      )}
      <CommandStatus state={saving} />
    </section>
  );
}
