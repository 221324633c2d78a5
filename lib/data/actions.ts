import type { sendMessage } from '../messaging';
import type { BackupSettings } from './backup-schema';
import type { FileJob, FileJobResult, RecordCounts } from './file-jobs';
import type { IcsSummary } from './ics';
import type { RestoreMode, RestoreSummary } from './restore';
import { uploadParts } from './upload';

/**
 * What the data page's buttons do, from the file the user chose to the background's answer: the file is read
 * and checked in the page's worker, sent to the background in parts, and written by one command. The
 * sections (components/manage/data/) and the benchmark call these, so the benchmark times the user's path.
 */
export interface DataDeps {
  /** Runs a job on a whole file off the page's thread (lib/data/file-worker-client.ts in the page). */
  run<J extends FileJob>(job: J): Promise<FileJobResult<J['job']>>;
  send: typeof sendMessage;
}

/** Progress, with what is being done ("Reading the file…"). */
export type Step = (done: number, total: number, step?: string) => void;

export const STEPS = {
  reading: 'Reading and checking the file…',
  /** A restore's parts go to the background, which writes them as they come (in one transaction). */
  restoring: 'Restoring…',
  finishing: 'Finishing: everything is saved at once…',
  sending: 'Handing it to Bridges…',
  importing: 'Importing the meetings in one go…',
  saving: 'Reading and checking everything…',
} as const;

export interface RestoreOutcome extends RestoreSummary {
  /** Over-long text the restore shortened, as a sentence, or "". */
  note: string;
  /** The settings could not be saved after the records were restored, or null. */
  settingsProblem: string | null;
}

/** Restores a backup file. Throws a sentence when nothing was restored. */
export async function restoreFile(file: Blob, mode: RestoreMode, deps: DataDeps, step: Step): Promise<RestoreOutcome> {
  step(0, 0, STEPS.reading);
  const read = await deps.run({ job: 'read-backup', file });
  if (!read.ok) throw new Error(read.message);
  const upload = await uploadParts(deps.send, { kind: 'backup', mode, parts: read.parts.length }, read.parts, (d, t) =>
    step(d, t, STEPS.restoring),
  );
  step(0, 0, STEPS.finishing);
  const summary = await deps.send('restoreBackup', { upload });
  return { ...summary, note: read.note };
}

/** What a restore did, in words: the records, what was shortened, and settings that could not be saved. */
export function describeRestore(mode: RestoreMode, outcome: RestoreOutcome): string {
  const records = `${count(outcome.people, 'person', 'people')}, ${count(outcome.interactions, 'meeting or contact', 'meetings and contacts')}, ${count(outcome.groups, 'group', 'groups')}`;
  const what = mode === 'replace' ? `Restored: ${records}.` : `Merged: added ${records}.`;
  const settings = outcome.settingsProblem
    ? `Your settings from the backup were not all saved (${outcome.settingsProblem}): check them in Settings, and save them again.`
    : '';
  return [what, outcome.note, settings].filter(Boolean).join(' ');
}

/** "1 person", "2,000 people". */
export const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export interface ImportOutcome extends IcsSummary {
  note: string;
}

/** Imports the meetings of a calendar file. Throws a sentence when nothing was imported. */
export async function importCalendarFile(
  file: Blob,
  includeLarge: boolean,
  now: number,
  deps: DataDeps,
  step: Step,
): Promise<ImportOutcome> {
  step(0, 0, STEPS.reading);
  const read = await deps.run({ job: 'read-calendar', file, now });
  if (!read.ok) throw new Error(read.message);
  const upload = await uploadParts(
    deps.send,
    { kind: 'calendar', parts: read.parts.length },
    read.parts,
    (done, total) => step(done, total, STEPS.sending),
  );
  step(0, 0, STEPS.importing);
  const summary = await deps.send('importCalendar', { upload, includeLarge });
  return { ...summary, note: read.note };
}

export function describeImport(s: ImportOutcome): string {
  const left = [
    s.alreadyLogged && `${s.alreadyLogged} already logged`,
    s.notStarted && `${s.notStarted} not started yet`,
    s.declined && `${s.declined} declined`,
    s.noOne && `${s.noOne} with no one else`,
    s.overLimit && `${s.overLimit} over your guest limit`,
  ].filter(Boolean);
  return [
    `Imported: ${count(s.meetings, 'meeting', 'meetings')}, ${count(s.peopleAdded, 'person', 'people')} added.`,
    left.length ? `Left out: ${left.join(', ')}.` : '',
    s.note,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Makes a backup of everything, checked as its restore will check it. Throws a sentence when it would not restore. */
export async function makeBackupFile(
  settings: BackupSettings,
  now: number,
  deps: Pick<DataDeps, 'run'>,
  step: Step,
): Promise<{ file: Blob; counts: RecordCounts }> {
  step(0, 0, STEPS.saving);
  const made = await deps.run({ job: 'save-backup', settings, now });
  if (!made.ok) throw new Error(made.message);
  return made;
}
