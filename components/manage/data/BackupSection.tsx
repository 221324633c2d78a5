import { useState } from 'preact/hooks';
import { BACKUP_PART_SIZE } from '../../../lib/commands/send-backup-part';
import { createBackup, type RestoreMode, readBackup } from '../../../lib/data/backup';
import type { BackupSettings } from '../../../lib/data/backup-schema';
import { slices, uploadBackupParts } from '../../../lib/data/upload';
import { getDb } from '../../../lib/db/app-db';
import { sendMessage } from '../../../lib/messaging';
import {
  cadenceDefaultsItem,
  internalDomainsItem,
  meetingRulesItem,
  myEmailsItem,
  remindersItem,
} from '../../../lib/settings';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { download, fileInput, today } from './files';

async function currentSettings(): Promise<BackupSettings> {
  const [meetingRules, myEmails, internalDomains, cadenceDefaults, reminders] = await Promise.all([
    meetingRulesItem.getValue(),
    myEmailsItem.getValue(),
    internalDomainsItem.getValue(),
    cadenceDefaultsItem.getValue(),
    remindersItem.getValue(),
  ]);
  return { meetingRules, myEmails, internalDomains, cadenceDefaults, reminders };
}

/** Save everything to one file; restore it, checked whole before the background writes anything. */
export function BackupSection() {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const saving = useCommand();
  const restoring = useCommand();

  const save = () =>
    saving.run(
      async () => {
        const file = await createBackup(getDb(), await currentSettings(), Date.now());
        download(`bridges-backup-${today()}.json`, 'application/json', JSON.stringify(file));
        return file;
      },
      (file) =>
        `Backup saved: ${file.people.length} people, ${file.interactions.length} interactions, ${file.groups.length} groups.`,
      'No backup was saved:',
    );

  const restore = (file: File) =>
    restoring.run(
      async (progress) => {
        const read = readBackup(await file.text());
        if (!read.ok) throw new Error(read.message);
        const { backup } = read;
        const parts = [
          { settings: backup.settings, exportedAt: backup.exportedAt },
          ...slices(backup.groups, BACKUP_PART_SIZE).map((groups) => ({ groups })),
          ...slices(backup.interactions, BACKUP_PART_SIZE).map((interactions) => ({ interactions })),
          ...slices(backup.people, BACKUP_PART_SIZE).map((people) => ({ people })),
        ];
        const upload = await uploadBackupParts(sendMessage, parts, progress);
        return sendMessage('restoreBackup', { upload, mode });
      },
      (s) =>
        mode === 'replace'
          ? `Restored: ${s.people} people, ${s.interactions} interactions, ${s.groups} groups.`
          : `Merged: ${s.people} people, ${s.interactions} interactions and ${s.groups} groups added.`,
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
      <CommandStatus state={saving} />
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
