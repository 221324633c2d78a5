import { useState } from 'preact/hooks';
import { CALENDAR_PART_SIZE } from '../../../lib/commands/send-calendar-part';
import { readIcsInWorker } from '../../../lib/data/ics/read-in-worker';
import { type ImportReport, importReport } from '../../../lib/data/ics/report';
import { slices, uploadCalendarParts } from '../../../lib/data/upload';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { fileInput } from './files';

/**
 * Import past meetings from a calendar file, by the rules of logging from the page: the file is read in a
 * worker (the page keeps answering), its meetings go to the background in parts, and the background writes
 * them all or none.
 */
export function ImportSection() {
  const [includeLarge, setIncludeLarge] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const importing = useCommand();

  const importFile = (file: File) => {
    setReport(null);
    return importing.run(
      async (progress) => {
        const reading = await readIcsInWorker(await file.text(), { until: Date.now() });
        if (reading.problem) throw new Error(reading.problem);
        const upload = await uploadCalendarParts(
          sendMessage,
          slices(reading.events, CALENDAR_PART_SIZE).map((events) => ({ events })),
          progress,
        );
        const summary = await sendMessage('importCalendar', { upload, includeLarge });
        setReport(importReport(reading, summary));
        return summary;
      },
      'Imported.',
      'Nothing was imported.',
    );
  };

  return (
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
        <input type="file" accept=".ics,text/calendar" disabled={importing.busy} onChange={fileInput(importFile)} />
      </label>
      {report ? <ImportSummary report={report} /> : <CommandStatus state={importing} label="Importing" />}
    </section>
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
