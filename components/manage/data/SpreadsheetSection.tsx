import { interactionsCsv, peopleCsv } from '../../../lib/data/csv';
import { getDb } from '../../../lib/db/app-db';
import { allMeetingsByStart } from '../../../lib/db/queries';
import type { ManageData } from '../../../lib/manage/use-manage-data';
import { useCommand } from '../../../lib/ui/use-command';
import { CommandStatus } from '../../CommandStatus';
import { downloadText, today } from './files';

const NOT_EXPORTED = 'Not exported (reload this page and try again):';

/** CSV exports of people and of meetings, for spreadsheets. */
export function SpreadsheetSection({ data }: { data: ManageData }) {
  const exporting = useCommand();
  return (
    <section class="card">
      <h2>Spreadsheets</h2>
      <div class="buttons">
        <button
          type="button"
          onClick={() =>
            void exporting.run(
              async () =>
                downloadText(
                  `bridges-people-${today()}.csv`,
                  'text/csv',
                  peopleCsv(data.people, data.groupsById, data.internalDomains, data.cadences, data.now),
                ),
              `People exported to bridges-people-${today()}.csv (in your downloads): ${data.people.length} rows.`,
              NOT_EXPORTED,
            )
          }
        >
          Export people (CSV)
        </button>
        <button
          type="button"
          onClick={() =>
            void exporting.run(
              async () => {
                const all = await allMeetingsByStart(getDb());
                downloadText(`bridges-interactions-${today()}.csv`, 'text/csv', interactionsCsv(all));
                return all.length;
              },
              (n) =>
                `Meetings and contacts exported to bridges-interactions-${today()}.csv (in your downloads): ${n} rows.`,
              NOT_EXPORTED,
            )
          }
        >
          Export meetings and contacts (CSV)
        </button>
      </div>
      <CommandStatus state={exporting} />
    </section>
  );
}
