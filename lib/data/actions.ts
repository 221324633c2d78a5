import type { RequestOf, sendMessage } from '../messaging';
import type { BackupSettings } from './backup-schema';
import { describeAdjustments, fitEvents } from './calendar-file';
import type { FileJob, FileJobResult, RecordCounts } from './file-jobs';
import type { IcsReading, IcsSummary } from './ics';
import { type ImportReport, importReport, mergeReadings } from './ics/report';
import { jsonParts } from './json-parts';
import { CALENDAR_PART_SIZE } from './parts';
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

/** The calendar the user said is theirs (lib/commands/import-calendar.ts). */
export type OwnCalendar = NonNullable<RequestOf<'importCalendar'>['own']>;

/**
 * Imports the meetings of calendars already read (lib/data/ics, in the page's calendar worker): fitted to what
 * Bridges keeps, sent to the background in parts, and written by one command, all or none. `own` is the
 * calendar the user said is their own. Throws a sentence when nothing was imported.
 */
export async function importReadings(
  readings: readonly IcsReading[],
  options: { includeLarge: boolean; own?: OwnCalendar },
  send: DataDeps['send'],
  step: Step,
): Promise<{ summary: IcsSummary; report: ImportReport }> {
  const problem = readings.find((r) => r.problem)?.problem;
  if (problem && readings.every((r) => r.problem)) throw new Error(problem);
  const reading = mergeReadings(readings);
  const fitted = fitEvents(reading.events);
  const upload = await uploadParts(
    send,
    { kind: 'calendar', parts: 1 },
    jsonParts('events', fitted.events, CALENDAR_PART_SIZE),
    (done, total) => step(done, total, STEPS.sending),
  );
  step(0, 0, STEPS.importing);
  const { includeLarge, own } = options;
  const summary = await send('importCalendar', { upload, includeLarge, ...(own ? { own } : {}) });
  const report = importReport(reading, summary);
  const note = describeAdjustments(fitted.adjusted);
  return { summary, report: note ? { ...report, details: [...report.details, note] } : report };
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
