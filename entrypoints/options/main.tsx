import { render } from 'preact';
import { PAGE_DEPS } from '../../components/manage/data/deps';
import { makeBackupFile, restoreFile } from '../../lib/data/actions';
import { importEvents, readIcs } from '../../lib/data/ics';
import { getDb } from '../../lib/db/app-db';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Benchmark builds only (WXT_BENCH=1): lets `npm run bench` time backup, restore and import in this page, as
// the data page's buttons run them.
if (import.meta.env.WXT_BENCH === '1') {
  Object.assign(globalThis, {
    bridgesBench: { getDb, deps: PAGE_DEPS, makeBackupFile, restoreFile, readIcs, importEvents },
  });
}

const root = document.getElementById('app');
if (root) render(<App />, root);
