import { useState } from 'preact/hooks';
import type { Person } from '../../../lib/db/types';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';

/** One person, two addresses: merge; or delete them and their name from every meeting. */
export function MergeAndDelete({ person, people }: { person: Person; people: readonly Person[] }) {
  const [mergeWith, setMergeWith] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const acting = useCommand();
  const others = people
    .filter((p) => p.email !== person.email)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <>
      <h3>Merge</h3>
      <p class="hint">One person, two addresses: their history joins this one, nothing is lost.</p>
      <div class="inline-form">
        <select aria-label="Merge with" value={mergeWith} onChange={(e) => setMergeWith(e.currentTarget.value)}>
          <option value="">Choose the other entry…</option>
          {others.map((p) => (
            <option key={p.email} value={p.email}>
              {p.displayName} ({p.email})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!mergeWith || acting.busy}
          onClick={() =>
            void acting
              .run(
                () => sendMessage('mergePeople', { keep: person.email, gone: mergeWith }),
                `Merged ${mergeWith} into ${person.displayName}.`,
                'Not merged:',
              )
              .then((done) => done && setMergeWith(''))
          }
        >
          Merge into {person.displayName}
        </button>
      </div>
      <h3>Delete</h3>
      {confirmDelete ? (
        <p>
          Delete {person.displayName} and their name from every meeting?{' '}
          <button
            type="button"
            class="danger"
            disabled={acting.busy}
            onClick={() =>
              void acting
                .run(() => sendMessage('deletePerson', { email: person.email }), 'Deleted.', 'Not deleted:')
                .then((done) => {
                  if (done) location.hash = '#/people';
                })
            }
          >
            Delete
          </button>{' '}
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Keep
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirmDelete(true)}>
          Delete {person.displayName}…
        </button>
      )}
      <CommandStatus state={acting} />
    </>
  );
}
