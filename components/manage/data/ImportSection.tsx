import type { ManageData } from '../../../lib/manage/use-manage-data';
import { HistoryImport } from './HistoryImport';

/** Import past meetings: Google Calendar's export (.zip) or a calendar file (.ics), by the rules of logging. */
export function ImportSection({ data }: { data: ManageData }) {
  return (
    <section class="card">
      <h2>Import past meetings</h2>
      <p class="hint">
        From Google Calendar's export, or a calendar file from Outlook or Apple Calendar. The same rules as logging
        apply: only meetings that happened, not the ones you declined, not you, rooms or groups; a meeting already
        logged is not added twice. Events a file gets wrong are skipped and named, never the whole file.
      </p>
      <HistoryImport myEmails={data.myEmails} />
    </section>
  );
}
