import { useState } from 'preact/hooks';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';

/** Delete every record and setting, after the user types DELETE. */
export function DeleteSection() {
  const [confirm, setConfirm] = useState('');
  const deleting = useCommand();
  return (
    <section class="card danger-zone">
      <h2>Delete everything</h2>
      <p class="hint">
        Deletes every person, meeting, contact, group and setting in Bridges. Save a backup first if you may want them
        back.
      </p>
      <label class="field">
        <span>Type DELETE to confirm</span>
        <input value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} aria-label="Type DELETE to confirm" />
      </label>
      <button
        type="button"
        class="danger"
        disabled={confirm !== 'DELETE' || deleting.busy}
        onClick={() =>
          void deleting
            .run(
              () => sendMessage('deleteAll', { confirm: 'DELETE' }),
              ({ settingsProblem }) =>
                settingsProblem
                  ? {
                      text: `Every person, meeting, contact and group was deleted, but your settings were not (${settingsProblem}): press Delete everything again to remove them.`,
                      error: true,
                    }
                  : 'Everything was deleted: every person, meeting, contact, group and setting.',
              'Nothing was deleted:',
            )
            .then((done) => done && setConfirm(''))
        }
      >
        Delete everything
      </button>
      <CommandStatus state={deleting} />
    </section>
  );
}
