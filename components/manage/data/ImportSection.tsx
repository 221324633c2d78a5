import { useState } from 'preact/hooks';
import { CALENDAR_PART_SIZE } from '../../../lib/commands/send-calendar-part';
import { readIcs } from '../../../lib/data/ics';
import { slices, uploadCalendarParts } from '../../../lib/data/upload';
import { sendMessage } from '../../../lib/messaging';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { fileInput } from './files';

/** Import past meetings from a calendar file, by the rules of logging from the page. */
export function ImportSection() {
  const [includeLarge, setIncludeLarge] = useState(false);
  const importing = useCommand();

  const importFile = (file: File) =>
    importing.run(
      async (progress) => {
        const { events, problem } = readIcs(await file.text(), Date.now());
        if (problem) throw new Error(problem);
        const upload = await uploadCalendarParts(
          sendMessage,
          slices(events, CALENDAR_PART_SIZE).map((part) => ({ events: part })),
          progress,
        );
        return sendMessage('importCalendar', { upload, includeLarge });
      },
      (s) => {
        const left = [
          s.alreadyLogged && `${s.alreadyLogged} already logged`,
          s.notStarted && `${s.notStarted} not started yet`,
          s.declined && `${s.declined} declined`,
          s.noOne && `${s.noOne} with no one else`,
          s.overLimit && `${s.overLimit} over your guest limit`,
        ].filter(Boolean);
        return `${s.meetings} meetings, ${s.peopleAdded} people added.${left.length ? ` Left out: ${left.join(', ')}.` : ''}`;
      },
      'Nothing was imported.',
    );

  return (
    <section class="card">
      <h2>Import past meetings</h2>
      <p class="hint">
        A calendar file (.ics) exported from Google Calendar. The same rules as logging apply: only meetings that
        happened, not the ones you declined, not you or rooms; a meeting already logged is not added twice.
      </p>
      <label class="check">
        <input type="checkbox" checked={includeLarge} onChange={(e) => setIncludeLarge(e.currentTarget.checked)} />{' '}
        Include meetings over my guest limit
      </label>
      <label class="field">
        <span>Calendar file</span>
        <input type="file" accept=".ics,text/calendar" disabled={importing.busy} onChange={fileInput(importFile)} />
      </label>
      <CommandStatus state={importing} label="Importing" />
    </section>
  );
}
