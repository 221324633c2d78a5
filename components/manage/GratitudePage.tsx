import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import { affiliationOf } from '../../lib/relationships/labels';
import { useCommand } from '../../lib/ui/use-command';
import { CommandStatus } from '../CommandStatus';

/** Who you owe thanks, oldest first. */
export function GratitudePage({ data }: { data: ManageData }) {
  const saving = useCommand();
  const owed = data.people
    .filter((p) => p.thanksOwedSince !== null)
    .sort((a, b) => (a.thanksOwedSince ?? 0) - (b.thanksOwedSince ?? 0));
  return (
    <section class="card">
      <h2>Thanks owed</h2>
      <p class="hint">
        People who helped you and whom you have not thanked yet. Mark it on their page, or here once you have.
      </p>
      <CommandStatus state={saving} />
      <ul class="values">
        {owed.map((p) => (
          <li key={p.email}>
            <span>
              <a href={`#/person/${encodeURIComponent(p.email)}`}>{p.displayName}</a>{' '}
              <span class="muted">
                {affiliationOf(p, data.groupsById, data.internalDomains)} · since{' '}
                {new Date(p.thanksOwedSince ?? 0).toLocaleDateString()}
              </span>
            </span>
            <button
              type="button"
              onClick={() =>
                void saving.run(
                  () =>
                    sendMessage('updatePeople', {
                      emails: [p.email],
                      patch: { thanksOwedSince: null, thanksSettledAt: Date.now() },
                    }),
                  `Thanks to ${p.displayName} settled.`,
                  'Not saved:',
                )
              }
            >
              Mark as thanked
            </button>
          </li>
        ))}
        {owed.length === 0 && (
          <li class="none">You owe no one thanks. On a person's page, "I owe them thanks" adds them here.</li>
        )}
      </ul>
    </section>
  );
}
