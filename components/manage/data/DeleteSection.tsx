import { useState } from 'preact/hooks';
import { getDb } from '../../../lib/db/app-db';
import { syncState } from '../../../lib/db/queries';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { useLiveQuery } from '../../../lib/ui/use-live-query';
import { CommandStatus } from '../../CommandStatus';

const db = getDb();

/**
 * Delete every record and setting, after the user types DELETE; with sync across browsers on, on this browser only
 * (sync stops here, so nothing comes back) or on every browser too.
 */
export function DeleteSection() {
  const [confirm, setConfirm] = useState('');
  const [everywhere, setEverywhere] = useState(false);
  const deleting = useCommand();
  const syncing = useLiveQuery(async () => (await syncState(db)).on);
  const done = (settingsProblem: string | null, everywhereProblem: string | null) => {
    if (settingsProblem) {
      return {
        text: `Every person, meeting, contact and group was deleted, but your settings were not (${settingsProblem}): press Delete everything again to remove them.`,
        error: true,
      };
    }
    if (everywhereProblem) {
      return {
        text: `Everything was deleted here, and sync is off, but your other browsers could not be told (${everywhereProblem}): delete everything on each of them.`,
        error: true,
      };
    }
    return everywhere && syncing
      ? 'Everything was deleted here, and your other browsers delete everything when they next sync. Sync is off.'
      : syncing
        ? 'Everything was deleted on this browser, and sync is off here. Your other browsers keep their data.'
        : 'Everything was deleted: every person, meeting, contact, group and setting.';
  };
  return (
    <section class="card danger-zone">
      <h2>Delete everything</h2>
      <p class="hint">
        Deletes every person, meeting, contact, group and setting in Bridges. Save a backup first if you may want them
        back.
      </p>
      {syncing && (
        <fieldset class="choices">
          <legend>Sync across your browsers is on. Delete</legend>
          <label class="check">
            <input type="radio" name="where" checked={!everywhere} onChange={() => setEverywhere(false)} />
            on this browser only (sync stops here; your other browsers keep their data)
          </label>
          <label class="check">
            <input type="radio" name="where" checked={everywhere} onChange={() => setEverywhere(true)} />
            on every browser where sync is on
          </label>
        </fieldset>
      )}
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
              () => sendMessage('deleteAll', { confirm: 'DELETE', everywhere: Boolean(syncing && everywhere) }),
              ({ settingsProblem, everywhereProblem }) => done(settingsProblem, everywhereProblem),
              'Nothing was deleted:',
            )
            .then((result) => result && setConfirm(''))
        }
      >
        {syncing && everywhere ? 'Delete everything, on every browser' : 'Delete everything'}
      </button>
      <CommandStatus state={deleting} />
    </section>
  );
}
