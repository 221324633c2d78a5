import { render } from 'preact';
import { CatchUpContext } from '../../components/catch-up-context';
import { popupCatchUpHost } from '../../lib/popup/catch-up-host';
import { popupDataFrom, readPopupSnapshot } from '../../lib/popup/snapshot';
import type { PopupStart } from '../../lib/popup/snapshot-rows';
import { rankNeglected } from '../../lib/relationships/rank';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Benchmark builds only (WXT_BENCH=1): lets `npm run bench` time the ranking in this page.
if (import.meta.env.WXT_BENCH === '1') Object.assign(globalThis, { bridgesBench: { rankNeglected } });

// The preload script has started reading (the kept first screen, or the rows); check what it read, and render once,
// with the data, so the list is the first paint.
const started = (globalThis as { bridgesPopupStart?: Promise<PopupStart> }).bridgesPopupStart;
const root = document.getElementById('app');
void (started ? started.then(popupDataFrom) : readPopupSnapshot()).then((initial) => {
  if (!root) return;
  render(
    <CatchUpContext.Provider value={popupCatchUpHost}>
      <App initial={initial} />
    </CatchUpContext.Provider>,
    root,
  );
});
