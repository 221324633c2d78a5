import { useState } from 'preact/hooks';
import { count, describeRestore, makeBackupFile, restoreFile } from '../../../lib/data/actions';
import type { RestoreMode } from '../../../lib/data/restore';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { currentSettings, PAGE_DEPS } from './deps';
import { download, fileInput, today } from './files';

/** Save everything to one file; restore it, checked whole (off the page's thread) before anything is written. */
export function BackupSection() {
  return (
    <>
      <SaveBackup />
      <RestoreBackup />
    </>
  );
}

function SaveBackup() {
  const saving = useCommand();
  const save = () =>
    saving.run(
      async (step) => {
        const name = `bridges-backup-${today()}.json`;
        const made = await makeBackupFile(await currentSettings(), Date.now(), PAGE_DEPS, step);
        download(name, made.file);
        return { ...made.counts, name };
      },
      (c) =>
        `Backup saved as ${c.name} (in your downloads): ${count(c.people, 'person', 'people')}, ${count(c.interactions, 'meeting or contact', 'meetings and contacts')}, ${count(c.groups, 'group', 'groups')}.`,
      'No backup was saved.',
    );

  return (
    <section class="card">
      <h2>Backup</h2>
      <p class="hint">
        One file with everything: people, meetings and contacts, groups, settings. It stays on your computer.
      </p>
      <button type="button" class="primary" disabled={saving.busy} onClick={() => void save()}>
        Save a backup
      </button>
      <CommandStatus state={saving} label="Saving" />
    </section>
  );
}

function RestoreBackup() {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const restoring = useCommand();
  const restore = (file: File) =>
    restoring.run(
      (step) => restoreFile(file, mode, PAGE_DEPS, step),
      (outcome) => ({ text: describeRestore(mode, outcome), error: outcome.settingsProblem !== null }),
      'Nothing was restored.',
    );

  return (
    <section class="card">
      <h2>Restore a backup</h2>
      <p class="hint">
        The whole file is read and checked before anything changes; then everything in it is written at once, or nothing
        is.
      </p>
      <fieldset class="choices">
        <legend>When restoring</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge with
          what is here (the same meeting or address is one record)
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace
          everything with the backup
        </label>
      </fieldset>
      <label class="field">
        <span>Backup file</span>
        <input type="file" accept=".json,application/json" disabled={restoring.busy} onChange={fileInput(restore)} />
      </label>
      <CommandStatus state={restoring} label="Restoring" />
    </section>
  );
}
