import { useState } from 'preact/hooks';
import { importReadings } from '../../../lib/data/actions';
import type { CalendarKind, ExportedCalendar } from '../../../lib/data/calendar-export';
import { readExportInWorker } from '../../../lib/data/export-in-worker';
import { readIcsInWorker } from '../../../lib/data/ics/read-in-worker';
import type { ImportReport } from '../../../lib/data/ics/report';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';

const KIND_LABELS: Record<CalendarKind, string> = {
  own: 'your calendar',
  shared: 'a shared calendar',
  holidays: 'holidays',
  birthdays: 'birthdays',
  'other-person': "someone else's calendar",
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The folder an entry is in, when the zip has folders: two of them may hold files of one name. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '');

/**
 * Bring in your past meetings: Google Calendar's own export (a .zip with one calendar file per calendar), or a
 * single .ics. The calendars inside are listed with their events, the user's own chosen; the chosen ones are
 * read in a worker, sent to the background in parts and written all or none, with a summary at the end.
 */
export function HistoryImport({
  myEmails,
  onImported,
}: {
  myEmails: readonly string[];
  /** Called after a successful import (the first-run flow then suggests the team). */
  onImported?(): void;
}) {
  const [calendars, setCalendars] = useState<ExportedCalendar[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [includeLarge, setIncludeLarge] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const opening = useCommand();
  const importing = useCommand();

  const open = (file: File) => {
    setCalendars(null);
    setReport(null);
    importing.clear();
    return opening.run(
      async () => {
        const reading = await readExportInWorker(file, myEmails);
        if (!reading.ok) throw new Error(reading.message);
        const [single] = reading.calendars;
        if (single && !/\.zip$/i.test(file.name) && reading.calendars.length === 1) {
          // A single calendar file: nothing to choose, it is imported at once.
          setChosen(new Set([single.file]));
          void importChosen([single], new Set([single.file]));
          return null;
        }
        setCalendars(reading.calendars);
        setChosen(new Set(reading.calendars.filter((c) => c.chosen).map((c) => c.file)));
        return reading;
      },
      (r) =>
        r?.ok
          ? [`${file.name}: ${count(r.calendars.length, 'calendar')}.`, ...r.notes, 'Choose which to import.'].join(' ')
          : `${file.name}: one calendar.`,
      'Nothing was imported.',
    );
  };

  const importChosen = (list: readonly ExportedCalendar[], which: ReadonlySet<string> = chosen) =>
    importing.run(
      async (progress) => {
        const picked = list.filter((c) => which.has(c.file));
        if (picked.length === 0) throw new Error('Choose at least one calendar.');
        const readings = [];
        for (const calendar of picked) readings.push(await readIcsInWorker(calendar.text, { until: Date.now() }));
        const owner = picked.find((c) => c.kind === 'own')?.id;
        const { summary, report } = await importReadings(readings, { includeLarge, owner }, sendMessage, progress);
        setReport(report);
        setCalendars(null);
        onImported?.();
        return summary;
      },
      'Imported.',
      'Nothing was imported.',
    );

  const chooseFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void open(file).finally(() => (input.value = ''));
  };

  return (
    <div class="history-import">
      <ol class="steps">
        <li>
          In Google Calendar, open <strong>Settings</strong> (the gear), then <strong>Import &amp; export</strong>, and
          click <strong>Export</strong>. Google gives you a .zip with one file per calendar.
        </li>
        <li>Choose that .zip here, or drop it on this box. A single calendar file (.ics) works too.</li>
        <li>Pick the calendars to bring in: yours is chosen. Nothing leaves your browser.</li>
      </ol>
      <label
        class={`drop${dragging ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files?.[0];
          if (file) void open(file);
        }}
      >
        <span>Google Calendar export (.zip) or calendar file (.ics)</span>
        <input
          type="file"
          accept=".zip,.ics,application/zip,text/calendar"
          disabled={opening.busy || importing.busy}
          onChange={chooseFile}
        />
      </label>
      <CommandStatus state={opening} label="Opening the file" />
      {calendars && (
        <form
          class="calendars"
          onSubmit={(e) => {
            e.preventDefault();
            void importChosen(calendars);
          }}
        >
          <fieldset>
            <legend>Calendars in the file</legend>
            {calendars.map((c) => (
              <label key={c.file} class="check">
                <input
                  type="checkbox"
                  checked={chosen.has(c.file)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    e.currentTarget.checked ? next.add(c.file) : next.delete(c.file);
                    setChosen(next);
                  }}
                />{' '}
                <strong>{c.name}</strong>{' '}
                <span class="muted">
                  ({KIND_LABELS[c.kind]}, {count(c.events, 'event')}
                  {folderOf(c.file) && `, in ${folderOf(c.file)}`})
                </span>
              </label>
            ))}
          </fieldset>
          <label class="check">
            <input type="checkbox" checked={includeLarge} onChange={(e) => setIncludeLarge(e.currentTarget.checked)} />{' '}
            Include meetings over my guest limit
          </label>
          <button type="submit" class="primary" disabled={importing.busy || chosen.size === 0}>
            Import {count(chosen.size, 'calendar')}
          </button>
        </form>
      )}
      {report ? <ImportSummary report={report} /> : <CommandStatus state={importing} label="Importing" />}
    </div>
  );
}

/** What an import did, in sentences: what was logged, what was left out and why, which events were skipped. */
export function ImportSummary({ report }: { report: ImportReport }) {
  return (
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
  );
}
