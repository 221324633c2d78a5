import { useState } from 'preact/hooks';
import { createBackup, type RestoreMode, readBackup, restoreBackup } from '../../lib/data/backup';
import type { BackupSettings } from '../../lib/data/backup-schema';
import { interactionsCsv, peopleCsv } from '../../lib/data/csv';
import { deleteAllRecords } from '../../lib/data/delete-all';
import type { IcsReading } from '../../lib/data/ics';
import { importEvents } from '../../lib/data/ics/import';
import { readIcsInWorker } from '../../lib/data/ics/read-in-worker';
import { type ImportReport, importReport } from '../../lib/data/ics/report';
import { getDb } from '../../lib/db/app-db';
import type { ManageData } from '../../lib/manage/use-manage-data';
import { sendMessage } from '../../lib/messaging';
import {
  cadenceDefaultsItem,
  internalDomainsItem,
  meetingRulesItem,
  myEmailsItem,
  reminderStateItem,
  remindersItem,
  weeklyPickItem,
} from '../../lib/settings';

const db = getDb();

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`;

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

async function applySettings(s: BackupSettings) {
  if (s.meetingRules) await meetingRulesItem.setValue(s.meetingRules);
  if (s.myEmails) await myEmailsItem.setValue(s.myEmails);
  if (s.internalDomains) await internalDomainsItem.setValue(s.internalDomains);
  if (s.cadenceDefaults) await cadenceDefaultsItem.setValue(s.cadenceDefaults);
  if (s.reminders) await remindersItem.setValue(s.reminders);
}

/** The user's data: backup and restore, CSV, importing a calendar file, deleting everything. */
export function DataPage({ data }: { data: ManageData }) {
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [includeLarge, setIncludeLarge] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirm, setConfirm] = useState('');

  const say = (text: string, error = false) => setStatus({ text, error });
  const onProgress = (done: number, total: number) => setProgress(total ? Math.round((done / total) * 100) : 100);

  async function backup() {
    const file = await createBackup(db, await currentSettings(), Date.now());
    download(`bridges-backup-${stamp()}.json`, 'application/json', JSON.stringify(file));
    say(
      `Backup saved: ${file.people.length} people, ${file.interactions.length} interactions, ${file.groups.length} groups.`,
    );
  }

  async function restore(file: File) {
    setProgress(null);
    const read = readBackup(await file.text());
    if (!read.ok) return say(`Nothing was restored. ${read.message}`, true);
    try {
      const summary = await restoreBackup(db, read.backup, mode, onProgress);
      await applySettings(read.backup.settings);
      await sendMessage('dataChanged', {});
      say(
        mode === 'replace'
          ? `Restored: ${summary.people} people, ${summary.interactions} interactions, ${summary.groups} groups.`
          : `Merged: ${summary.people} people, ${summary.interactions} interactions and ${summary.groups} groups added.`,
      );
    } catch (e) {
      say(`Nothing was restored: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }

  async function importCalendar(file: File) {
    setProgress(null);
    setReport(null);
    say('Reading the calendar file…');
    const now = Date.now();
    let reading: IcsReading;
    try {
      reading = await readIcsInWorker(await file.text(), { until: now });
    } catch (e) {
      return say(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}.`, true);
    }
    if (reading.problem) return say(`Nothing was imported. ${reading.problem}`, true);
    say(`Logging the meetings of ${plural(reading.events.length, 'event')} read from the file…`);
    const [myEmails, rules] = await Promise.all([myEmailsItem.getValue(), meetingRulesItem.getValue()]);
    try {
      const summary = await importEvents(db, reading.events, { now, myEmails, rules, includeLarge }, onProgress);
      await sendMessage('dataChanged', {});
      setStatus(null);
      setReport(importReport(reading, summary));
    } catch (e) {
      await sendMessage('dataChanged', {});
      say(
        `The import stopped: ${e instanceof Error ? e.message : String(e)}. The meetings written so far stay; importing the file again adds only the rest.`,
        true,
      );
    }
  }

  async function deleteAll() {
    await deleteAllRecords(db);
    for (const item of [
      meetingRulesItem,
      myEmailsItem,
      internalDomainsItem,
      cadenceDefaultsItem,
      remindersItem,
      weeklyPickItem,
      reminderStateItem,
    ]) {
      await item.removeValue();
    }
    await sendMessage('dataChanged', {});
    setConfirm('');
    say('Everything was deleted.');
  }

  const file = (handler: (f: File) => Promise<void>) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    if (chosen) void handler(chosen).finally(() => (input.value = ''));
  };

  return (
    <div class="data">
      {status && (
        <p class={status.error ? 'error' : 'saved'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {progress !== null && progress < 100 && <progress max={100} value={progress} aria-label="Progress" />}
      <section class="card">
        <h2>Backup</h2>
        <p class="hint">
          One file with everything: people, meetings and contacts, groups, settings. It stays on your computer.
        </p>
        <button type="button" class="primary" onClick={() => void backup()}>
          Save a backup
        </button>
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
          <input type="file" accept=".json,application/json" onChange={file(restore)} />
        </label>
      </section>
      <section class="card">
        <h2>Spreadsheets</h2>
        <div class="buttons">
          <button
            type="button"
            onClick={() =>
              download(
                `bridges-people-${stamp()}.csv`,
                'text/csv',
                peopleCsv(data.people, data.groupsById, data.internalDomains, data.cadences, data.now),
              )
            }
          >
            Export people (CSV)
          </button>
          <button
            type="button"
            onClick={() =>
              void db.interactions
                .orderBy('start')
                .toArray()
                .then((all) => download(`bridges-interactions-${stamp()}.csv`, 'text/csv', interactionsCsv(all)))
            }
          >
            Export meetings and contacts (CSV)
          </button>
        </div>
      </section>
      <section class="card">
        <h2>Import past meetings</h2>
        <p class="hint">
          A calendar file (.ics) exported from Google Calendar, Outlook or Apple Calendar. The same rules as logging
          apply: only meetings that happened, not the ones you declined, not you, rooms or groups; a meeting already
          logged is not added twice. Events the file gets wrong are skipped and named, never the whole file.
        </p>
        <label class="check">
          <input type="checkbox" checked={includeLarge} onChange={(e) => setIncludeLarge(e.currentTarget.checked)} />{' '}
          Include meetings over my guest limit
        </label>
        <label class="field">
          <span>Calendar file</span>
          <input type="file" accept=".ics,text/calendar" onChange={file(importCalendar)} />
        </label>
        {report && (
          <div class="import-report" role="status" aria-label="Import summary">
            <p class="saved">{report.headline}</p>
            {report.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {report.skipped && (
              <>
                <p>{report.skipped.heading}</p>
                <ul>
                  {report.skipped.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
                {report.skipped.more > 0 && <p>…and {report.skipped.more.toLocaleString('en')} more.</p>}
              </>
            )}
          </div>
        )}
      </section>
      <section class="card danger-zone">
        <h2>Delete everything</h2>
        <p class="hint">
          Deletes every person, meeting, contact, group and setting in Bridges. Save a backup first if you may want them
          back.
        </p>
        <label class="field">
          <span>Type DELETE to confirm</span>
          <input
            value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)}
            aria-label="Type DELETE to confirm"
          />
        </label>
        <button type="button" class="danger" disabled={confirm !== 'DELETE'} onClick={() => void deleteAll()}>
          Delete everything
        </button>
      </section>
    </div>
  );
}
