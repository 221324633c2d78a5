import type { ManageData } from '../../lib/manage/use-manage-data';
import { BackupSection } from './data/BackupSection';
import { DeleteSection } from './data/DeleteSection';
import { ImportSection } from './data/ImportSection';
import { SpreadsheetSection } from './data/SpreadsheetSection';

/** The user's data: backup and restore, CSV, importing a calendar file, deleting everything. */
export function DataPage({ data }: { data: ManageData }) {
  return (
    <div class="data">
      <BackupSection />
      <SpreadsheetSection data={data} />
      <ImportSection data={data} />
      <DeleteSection />
    </div>
  );
}
