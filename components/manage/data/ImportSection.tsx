import { useState } from 'preact/hooks';
import { describeImport, importCalendarFile } from '../../../lib/data/actions';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { PAGE_DEPS } from './deps';
import { fileInput } from './files';

/** Import past meetings from a calendar file, by the rules of logging from the page: all of them, or none. */
export function ImportSection() {
  const [includeLarge, setIncludeLarge] = useState(false);
  const importing = useCommand();

  const importFile = (file: File) =>
    importing.run(
      (step) => importCalendarFile(file, includeLarge, Date.now(), PAGE_DEPS, step),
      describeImport,
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
