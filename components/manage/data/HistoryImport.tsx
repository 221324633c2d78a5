import { useState } from 'preact/hooks';
import { importReadings } from '../../../lib/data/actions';
import type { CalendarKind, ExportedCalendar, ExportReading } from '../../../lib/data/calendar-export';
import {
  mustAsk,
  type OwnerAnswer,
  ownCalendarFiles,
  rechoose,
  startingAnswer,
  type Whose,
  whoseCalendar,
} from '../../../lib/data/calendar-owner';
import { readExportInWorker } from '../../../lib/data/export-in-worker';
import { readIcsInWorker } from '../../../lib/data/ics/read-in-worker';
import type { ImportReport } from '../../../lib/data/ics/report';
import { sendMessage } from '../../../lib/messaging';
import { BOOKED_HORIZON_MS } from '../../../lib/relationships/booking';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';

const KIND_LABELS: Record<Exclude<CalendarKind, 'person'>, string> = {
  shared: 'a shared calendar',
  holidays: 'holidays',
  birthdays: 'birthdays',
};
const WHOSE_LABELS: Record<Whose, string> = {
  own: 'your calendar',
  'someone-else': "someone else's calendar",
  undecided: "a person's calendar",
};

type Opened = Extract<ExportReading, { ok: true }>;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The folder an entry is in, when the zip has folders: two of them may hold files of one name. */
const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '');

/**
 * Bring in your past meetings: Google Calendar's own export (a .zip with one calendar file per calendar), or a
 * single .ics. The calendars inside are listed with their events, the user's own chosen; when nothing says
 * which calendar is the user's (the export's name, an address Bridges knows), the user is asked, and nothing
 * counts as theirs until they answer. The chosen calendars are read in a worker, sent to the background in
 * parts and written all or none, with a summary at the end.
 */
export function HistoryImport({
  myEmails,
  onImported,
}: {
  myEmails: readonly string[];
  /** Called after a successful import (the first-run flow then suggests the team). */
  onImported?(): void;
}) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [answer, setAnswer] = useState<OwnerAnswer | null>(null);
  /** The user doubted the export's name ("Not yours?"): the question is asked in full. */
  const [doubted, setDoubted] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [includeLarge, setIncludeLarge] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const opening = useCommand();
  const importing = useCommand();

  const open = (file: File) => {
    setOpened(null);
    setReport(null);
    importing.clear();
    return opening.run(
      async () => {
        const reading = await readExportInWorker(file, myEmails);
        if (!reading.ok) throw new Error(reading.message);
        const start = startingAnswer(reading.owner);
        const files = reading.single
          ? new Set(reading.calendars.map((c) => c.file))
          : ownCalendarFiles(reading.calendars, reading.owner, start);
        if (reading.single && !mustAsk(reading.owner)) {
          // A single calendar file with nothing to ask: it is imported at once.
          void importChosen(reading, files, start);
          return null;
        }
        setOpened(reading);
        setAnswer(start);
        setDoubted(false);
        setChosen(files);
        return reading;
      },
      (r) => (r ? openedSentence(file.name, r) : `${file.name}: one calendar.`),
      'Nothing was imported.',
    );
  };

  const importChosen = (reading: Opened, which: ReadonlySet<string>, owner: OwnerAnswer | null) =>
    importing.run(
      async (progress) => {
        const picked = reading.calendars.filter((c) => which.has(c.file));
        if (picked.length === 0) throw new Error('Choose at least one calendar.');
        if (mustAsk(reading.owner) && owner === null) throw new Error('Say which calendar is yours first.');
        const readings = [];
        const now = Date.now();
        for (const calendar of picked)
          readings.push(
            await readIcsInWorker(calendar.text, {
              now,
              until: now + BOOKED_HORIZON_MS,
            }),
          );
        // Only the user's answer names an address as theirs (an address Bridges knows needs no word).
        const own = owner && owner !== 'none' ? { calendar: owner.address, confirmedBy: 'user' as const } : undefined;
        const { summary, report } = await importReadings(readings, { includeLarge, own }, sendMessage, progress);
        setReport(report);
        setOpened(null);
        onImported?.();
        return summary;
      },
      'Imported.',
      'Nothing was imported.',
    );

  const answerOwner = (next: OwnerAnswer) => {
    if (!opened) return;
    setChosen(rechoose(chosen, opened.calendars, opened.owner, answer, next));
    setAnswer(next);
  };

  const chooseFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void open(file).finally(() => (input.value = ''));
  };

  const waiting = opened !== null && mustAsk(opened.owner) && answer === null;

  return (
    <div class="history-import">
      <ol class="steps">
        <li>
          In Google Calendar, open <strong>Settings</strong> (the gear), then <strong>Import &amp; export</strong>, and
          click <strong>Export</strong>. Google gives you a .zip with one file per calendar.
        </li>
        <li>Choose that .zip here, or drop it on this box. A single calendar file (.ics) works too.</li>
        <li>
          Pick the calendars to bring in, and say which one is yours if Bridges asks. Nothing leaves your browser.
        </li>
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
      {opened && (
        <form
          class="calendars"
          onSubmit={(e) => {
            e.preventDefault();
            void importChosen(opened, chosen, answer);
          }}
        >
          {(mustAsk(opened.owner) || opened.owner.named) && (
            <OwnerChoice
              opened={opened}
              answer={answer}
              doubted={doubted}
              onAnswer={answerOwner}
              onDoubt={() => {
                setDoubted(true);
                setChosen(rechoose(chosen, opened.calendars, opened.owner, answer, null));
                setAnswer(null);
              }}
            />
          )}
          {!opened.single && (
            <fieldset>
              <legend>Calendars in the file</legend>
              {opened.calendars.map((c) => (
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
                    ({calendarLabel(c, opened, answer)}, {count(c.events, 'event')}
                    {folderOf(c.file) && `, in ${folderOf(c.file)}`})
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <label class="check">
            <input type="checkbox" checked={includeLarge} onChange={(e) => setIncludeLarge(e.currentTarget.checked)} />{' '}
            Include meetings over my guest limit
          </label>
          <button type="submit" class="primary" disabled={importing.busy || chosen.size === 0 || waiting}>
            {opened.single ? 'Import the calendar' : `Import ${count(chosen.size, 'calendar')}`}
          </button>
          {waiting && (
            <p class="hint">
              {opened.single ? 'Say which address is yours first' : 'Say which calendar is yours first'}, or choose
              “None of these”.
            </p>
          )}
        </form>
      )}
      {report ? <ImportSummary report={report} /> : <CommandStatus state={importing} label="Importing" />}
    </div>
  );
}

function calendarLabel(calendar: ExportedCalendar, opened: Opened, answer: OwnerAnswer | null): string {
  return calendar.kind === 'person'
    ? WHOSE_LABELS[whoseCalendar(calendar, opened.owner, answer)]
    : KIND_LABELS[calendar.kind];
}

function openedSentence(fileName: string, reading: Opened): string {
  const what = reading.single
    ? `one calendar, ${count(reading.calendars[0]?.events ?? 0, 'event')}`
    : count(reading.calendars.length, 'calendar');
  const next = reading.single ? '' : ' Choose which to import.';
  return [`${fileName}: ${what}.`, ...reading.notes].join(' ') + next;
}

/**
 * Whose the calendar is: the address the export is named after, with "Not yours?" to ask in full; or the
 * question itself, with no answer until the user gives one.
 */
function OwnerChoice({
  opened,
  answer,
  doubted,
  onAnswer,
  onDoubt,
}: {
  opened: Opened;
  answer: OwnerAnswer | null;
  doubted: boolean;
  onAnswer(answer: OwnerAnswer): void;
  onDoubt(): void;
}) {
  const { owner, single } = opened;
  if (owner.named && !doubted) {
    return (
      <p class="owner-named">
        Your calendar: <strong>{owner.named}</strong> <span class="muted">(the export is named after it)</span>{' '}
        <button type="button" class="link" onClick={onDoubt}>
          Not yours?
        </button>
      </p>
    );
  }
  return (
    <fieldset class="owner-question">
      <legend>{single ? 'Which of these addresses is yours?' : 'Which of these is your own calendar?'}</legend>
      <p class="hint">
        Your address is left out of the people you met, in this import and from now on. Until you say, nothing here
        counts as yours.
      </p>
      {owner.candidates.map((c) => (
        <label key={c.address} class="check">
          <input
            type="radio"
            name="owner"
            value={c.address}
            checked={answer !== null && answer !== 'none' && answer.address === c.address}
            onChange={() => onAnswer({ address: c.address })}
          />{' '}
          <span>
            <strong>{c.address}</strong> <span class="muted">({c.why})</span>
          </span>
        </label>
      ))}
      <label class="check">
        <input type="radio" name="owner" value="" checked={answer === 'none'} onChange={() => onAnswer('none')} /> None
        of these
      </label>
    </fieldset>
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
