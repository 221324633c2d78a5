// The benchmark (not a test): measures Bridges in Debian's Chromium, prints a table, and writes
// bench/results.json, an object of named numbers. Run with `npm run bench` (it builds first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Worker } from 'playwright-core';
import { BENCH_REPORT } from '../lib/content/bench-probe';
import { CHIPS, WEEK_URL, weekViewPage } from '../tests/e2e/calendar-page';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';
import { BUDGETS } from './budgets';

// The part of the extension API that the benchmark calls inside the service worker.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

const RESULTS = join(process.cwd(), 'bench/results.json');
const BENCH_BUILD = join(process.cwd(), '.output/chrome-mv3-bench');
// Cross-origin isolation gives the page's clock 5 µs resolution instead of 100 µs.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

async function clearLog(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bridges');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['people', 'interactions'], 'readwrite');
      tx.objectStore('people').clear();
      tx.objectStore('interactions').clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

async function countMeetings(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('bridges');
        req.onsuccess = () => {
          const count = req.result.transaction('interactions').objectStore('interactions').count();
          count.onsuccess = () => {
            req.result.close();
            resolve(count.result);
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

async function openCard(page: Page, chipId: string): Promise<void> {
  await page.locator(`[role="gridcell"] [data-eventchip][data-eventid="${chipId}"]`).first().click();
}

/** Click "Log meeting" to the control showing "Logged" (which it does only once the row is committed). */
async function clickToStored(samples: number): Promise<number[]> {
  const session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    pages: { [WEEK_URL]: weekViewPage() },
    headers: ISOLATED,
  });
  try {
    const page = await session.context.newPage();
    await page.goto(WEEK_URL);
    await openCard(page, CHIPS.q4Review); // the background opens (and creates) the database
    await page.getByRole('button', { name: 'Log meeting' }).waitFor();
    const times: number[] = [];
    for (let i = 0; i < samples + 3; i++) {
      await clearLog(session.worker);
      await openCard(page, CHIPS.weeklySync);
      await openCard(page, CHIPS.q4Review);
      await page.waitForFunction(
        () =>
          document.querySelector('bridges-log-control')?.shadowRoot?.querySelector('button')?.textContent ===
          'Log meeting',
      );
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = document.querySelector('bridges-log-control')?.shadowRoot?.querySelector('button');
            if (!button) throw new Error('no Log control');
            const observer = new MutationObserver(() => {
              if (button.textContent?.startsWith('Logged')) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(button, { subtree: true, childList: true, characterData: true });
            const t0 = performance.now();
            button.click();
          }),
      );
      if ((await countMeetings(session.worker)) !== 1) throw new Error('the click did not store the meeting');
      if (i >= 3) times.push(ms); // the first clicks warm up the service worker and the database
    }
    return times;
  } finally {
    await session.close();
  }
}

/**
 * The content script's own cost per mutation batch on the week view, as its benchmark build records it:
 * Calendar-like changes (chips re-rendered, hover cards added and removed, the event card opened, re-rendered
 * and closed), each in its own task so that each is one batch.
 */
async function mutationBatches(rounds: number): Promise<number[]> {
  if (!existsSync(join(BENCH_BUILD, 'manifest.json')))
    throw new Error('Build the benchmark build first: wxt build --mode bench');
  const session = await launch({ pages: { [WEEK_URL]: weekViewPage() }, headers: ISOLATED, extensionDir: BENCH_BUILD });
  try {
    const page = await session.context.newPage();
    await page.goto(`${WEEK_URL}?rerender`);
    await page.locator('bridges-log-control').count(); // page loaded; the control appears once a card opens
    await page.evaluate(async (rounds) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      const chips = () => Array.from(document.querySelectorAll('[role="gridcell"] [data-eventchip][data-eventid]'));
      for (let i = 0; i < rounds; i++) {
        const list = chips();
        const chip = list[i % list.length];
        chip?.replaceWith(chip.cloneNode(true));
        await tick();
        const hover = document.createElement('div');
        hover.textContent = 'tooltip';
        document.body.append(hover);
        await tick();
        hover.remove();
        await tick();
        if (i % 10 === 0) {
          (chips()[i % 3] as HTMLElement | undefined)?.click();
          await new Promise((resolve) => setTimeout(resolve, 900)); // the card's own re-renders
          (document.getElementById('xDetDlgCloseBu') as HTMLElement | null)?.click();
          await tick();
        }
      }
    }, rounds);
    const samples = await session.worker.evaluate(async (report) => {
      // Without the tabs permission tab URLs are hidden: ask every tab, and the Calendar one answers.
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const answer = await chrome.tabs.sendMessage(tab.id, report).catch(() => undefined);
        if (Array.isArray(answer)) return answer as number[];
      }
      throw new Error('no Calendar tab answered');
    }, BENCH_REPORT);
    if (samples.length < rounds) throw new Error(`only ${samples.length} batches were recorded`);
    return samples;
  } finally {
    await session.close();
  }
}

function gzipKB(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

const results: Record<string, number> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
const notes: Record<string, string> = {};

const clicks = await clickToStored(20);
results['log.clickToStoredMs'] = round(median(clicks), 2);
notes['log.clickToStoredMs'] =
  `median of ${clicks.length} clicks; min ${round(Math.min(...clicks), 2)}, max ${round(Math.max(...clicks), 2)}`;

const batches = await mutationBatches(200);
results['content.mutationBatchMs'] = round(median(batches), 4);
const mean = batches.reduce((a, b) => a + b, 0) / batches.length;
notes['content.mutationBatchMs'] =
  `median of ${batches.length} batches; mean ${round(mean, 4)}, p95 ${round(percentile(batches, 0.95), 4)}, max ${round(Math.max(...batches), 3)}`;

results['bundle.contentGzKB'] = round(gzipKB(join(EXTENSION_DIR, 'content-scripts/google-calendar.js')), 2);
notes['bundle.contentGzKB'] = 'content-scripts/google-calendar.js, gzip -9';

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
console.log(`Written to bench/results.json (Chromium ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}).`);
