import { render } from 'preact';
import { CatchUpContext } from '../../components/catch-up-context';
import { PAGE_DEPS } from '../../components/manage/data/deps';
import { pageCatchUpHost } from '../../lib/catchup/page-host';
import { makeBackupFile, restoreFile } from '../../lib/data/actions';
import { getDb } from '../../lib/db/app-db';
import { databaseReady } from '../../lib/db/ready';
import { sendMessage } from '../../lib/messaging';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Benchmark builds only (WXT_BENCH=1): lets `npm run bench` time backup, restore and import in this page, as
// the data page's buttons run them.
if (import.meta.env.WXT_BENCH === '1') {
  const bench = { getDb, deps: PAGE_DEPS, makeBackupFile, restoreFile };
  Object.assign(globalThis, { bridgesBench: bench });
  // Loaded apart: the calendar-file reader lives in its worker's bundle, not in this page's.
  void import('../../lib/data/ics').then(({ readIcs, importEvents }) =>
    Object.assign(bench, { readIcs, importEvents }),
  );
}

const root = document.getElementById('app');
// The bench build's quiet page (#/bench) renders nothing, so no live query runs beside what is measured.
const quiet = import.meta.env.WXT_BENCH === '1' && location.hash === '#/bench';
// The background opens (and upgrades) the database; the page reads it once it is at this version.
if (root && !quiet) {
  void databaseReady(() => sendMessage('openDatabase', {})).then(() =>
    render(
      <CatchUpContext.Provider value={pageCatchUpHost}>
        <App />
      </CatchUpContext.Provider>,
      root,
    ),
  );
}
