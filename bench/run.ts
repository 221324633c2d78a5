// The benchmark (not a test): measures Bridges in Debian's Chromium, prints a table, and writes
// bench/results.json, an object of named numbers. Run with `npm run bench` (it builds first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../tests/e2e/harness';
import { BUDGETS } from './budgets';
import { dataFigures } from './data';
import { feedFigures } from './feed';
import { historyFigures } from './history';
import { icsFigures } from './ics';
import { clickToStored, gzipKB, mutationBatches, REST_MS } from './logging';
import { popupFigures } from './popup';
import { prepFigures } from './prep';
import { median, percentile, round } from './stats';

const RESULTS = join(process.cwd(), 'bench/results.json');
const BENCH_BUILD = join(process.cwd(), '.output/chrome-mv3-bench');
const only = process.argv.slice(2); // e.g. `npm run bench -- popup` runs one group

const results: Record<string, number> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const notes: Record<string, string> = {};
const wanted = (group: string) => only.length === 0 || only.includes(group);

if (wanted('logging')) {
  const clicks = await clickToStored(BENCH_BUILD, 20);
  results['log.clickToStoredMs'] = round(median(clicks), 2);
  notes['log.clickToStoredMs'] =
    `median of ${clicks.length} trusted clicks after the pointer rests ${REST_MS} ms on the button, click handler to "Logged" (bench build); min ${round(Math.min(...clicks), 2)}, max ${round(Math.max(...clicks), 2)}`;
  const instant = await clickToStored(BENCH_BUILD, 20, { rest: 0 });
  results['log.clickToStoredInstantMs'] = round(median(instant), 2);
  notes['log.clickToStoredInstantMs'] =
    `the same, the click the instant the pointer arrives (Chromium's visibility answer awaited); min ${round(Math.min(...instant), 2)}, max ${round(Math.max(...instant), 2)}`;

  const batches = await mutationBatches(BENCH_BUILD, 200);
  results['content.mutationBatchMs'] = round(median(batches), 4);
  const mean = batches.reduce((a, b) => a + b, 0) / batches.length;
  notes['content.mutationBatchMs'] =
    `median of ${batches.length} batches; mean ${round(mean, 4)}, p95 ${round(percentile(batches, 0.95), 4)}, max ${round(Math.max(...batches), 3)}`;

  results['bundle.contentGzKB'] = round(gzipKB(join(EXTENSION_DIR, 'content-scripts/google-calendar.js')), 2);
  notes['bundle.contentGzKB'] = 'content-scripts/google-calendar.js, gzip -9';
}

// "Before you meet" in the event card; `npm run bench -- prep` runs it alone.
if (wanted('prep')) {
  const prep = await prepFigures(BENCH_BUILD, 20);
  Object.assign(results, prep.figures);
  Object.assign(notes, prep.notes);
}

if (wanted('popup')) {
  const popup = await popupFigures(BENCH_BUILD, EXTENSION_DIR, 20);
  Object.assign(results, popup.figures);
  Object.assign(notes, popup.notes);
}

if (wanted('data')) {
  const data = await dataFigures(BENCH_BUILD);
  Object.assign(results, data.figures);
  Object.assign(notes, data.notes);
}

if (wanted('ics')) {
  const ics = await icsFigures(BENCH_BUILD);
  Object.assign(results, ics.figures);
  Object.assign(notes, ics.notes);
}

if (wanted('feed')) {
  const feed = await feedFigures(BENCH_BUILD);
  Object.assign(results, feed.figures);
  Object.assign(notes, feed.notes);
}

if (wanted('history')) {
  const history = await historyFigures(BENCH_BUILD);
  Object.assign(results, history.figures);
  Object.assign(notes, history.notes);
}

writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
const rows = Object.entries(results).map(([name, value]) => {
  const budget = BUDGETS[name];
  const verdict = budget ? (value <= budget.budget ? 'ok' : 'OVER') : '';
  return {
    figure: name,
    value,
    budget: budget ? `${budget.budget} ${budget.unit}` : '',
    verdict,
    note: notes[name] ?? '',
  };
});
console.table(rows);
console.log('Written to bench/results.json.');
