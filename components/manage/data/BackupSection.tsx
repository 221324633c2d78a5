import { useState } from 'preact/hooks';
import { describeRestore, makeBackupFile, restoreFile } from '../../../lib/data/actions';
import type { RestoreMode } from '../../../lib/data/backup';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { currentSettings, PAGE_DEPS } from './deps';
import { download, fileInput, today } from './files';

/** Save everything to one file; restore it, checked whole (off the page's thread) before anything is written. */
export function BackupSection() {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const saving = useCommand();
  const restoring = useCommand();

  const save = () =>
    saving.run(
      async (step) => {
        const name = `bridges-backup-${today()}.json`;
        const made = await makeBackupFile(await currentSettings(), Date.now(), PAGE_DEPS, step);
        download(name, made.file);
        return { ...made.counts, name };
      },
      (c) =>
        `Backup saved as ${c.name} (in your downloads): ${c.people.toLocaleString('en')} people, ${c.interactions.toLocaleString('en')} meetings and contacts, ${c.groups.toLocaleString('en')} groups.`,
      'No backup was saved.',
    );

  const restore = (file: File) =>
    restoring.run(
      (step) => restoreFile(file, mode, PAGE_DEPS, step),
      (outcome) => ({ text: describeRestore(mode, outcome), error: outcome.settingsProblem !== null }),
      'Nothing was restored.',
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
      <h3>Restore</h3>
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
