import { render } from 'preact';
import { CatchUpContext } from '../../components/catch-up-context';
import type { FirstPaintRows } from '../../lib/db/queries';
import { popupCatchUpHost } from '../../lib/popup/catch-up-host';
import { popupDataFromRows, readPopupSnapshot } from '../../lib/popup/snapshot';
import { rankNeglected } from '../../lib/relationships/rank';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Benchmark builds only (WXT_BENCH=1): lets `npm run bench` time the ranking in this page.
if (import.meta.env.WXT_BENCH === '1') Object.assign(globalThis, { bridgesBench: { rankNeglected } });

// The preload script has started reading the rows; check them, and render once, with the data, so the list is the
// first paint.
const started = (globalThis as { bridgesPopupRows?: Promise<FirstPaintRows> }).bridgesPopupRows;
const root = document.getElementById('app');
void (started ? started.then(popupDataFromRows) : readPopupSnapshot()).then((initial) => {
  if (!root) return;
  render(
    <CatchUpContext.Provider value={popupCatchUpHost}>
      <App initial={initial} />
    </CatchUpContext.Provider>,
    root,
  );
});
