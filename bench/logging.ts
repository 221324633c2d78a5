import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Worker } from 'playwright-core';
import { BENCH_REPORT, type BenchSamples } from '../lib/content/bench-probe';
import { CHIPS, WEEK_URL, weekViewPage } from '../tests/e2e/calendar-page';
import { launch } from '../tests/e2e/harness';
import { LogControlDriver } from '../tests/e2e/log-control';

// The part of the extension API that the benchmark calls inside the service worker.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

// Cross-origin isolation gives the page's clock 5 µs resolution instead of 100 µs.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

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

export async function openCard(page: Page, chipId: string): Promise<void> {
  await page.locator(`[role="gridcell"] [data-eventchip][data-eventid="${chipId}"]`).first().click();
}

/**
 * How long the pointer rests on the button before the click, as a person's does (far longer, in truth): the
 * control asks the browser whether it is in plain sight from the moment a pointer is on it (issue 15), and a
 * click the instant the pointer arrives waits a frame or two for the first answer (`rest: 0` measures that).
 */
export const REST_MS = 200;

/**
 * A trusted click on "Log meeting" to the control showing "Logged" (which it does only once the row is
 * committed), as the benchmark build's content script times it from its click handler (as the page timed it
 * from a scripted click before the shadow root was closed; the page cannot watch the control now). The click
 * is the real mouse's, through the DevTools protocol; the time the browser takes to deliver it is not counted.
 */
export async function clickToStored(buildDir: string, samples: number, options = { rest: REST_MS }): Promise<number[]> {
  const session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    pages: { [WEEK_URL]: weekViewPage() },
    headers: ISOLATED,
    extensionDir: buildDir,
  });
  try {
    const page = await session.context.newPage();
    const control = new LogControlDriver(page);
    await page.goto(WEEK_URL);
    await openCard(page, CHIPS.q4Review); // the background opens (and creates) the database
    await waitForLabel(control, 'Log meeting');
    for (let i = 0; i < samples + 3; i++) {
      await clearLog(session.worker);
      await openCard(page, CHIPS.weeklySync);
      await openCard(page, CHIPS.q4Review);
      await waitForLabel(control, 'Log meeting');
      if (options.rest > 0) {
        await control.hover();
        await new Promise((resolve) => setTimeout(resolve, options.rest));
      }
      await control.click();
      await waitForLabel(control, 'Logged · 4 people');
      if ((await countMeetings(session.worker)) !== 1) throw new Error('the click did not store the meeting');
    }
    const { logs } = await probeSamples(session.worker);
    if (logs.length !== samples + 3) throw new Error(`${logs.length} clicks were timed, not ${samples + 3}`);
    return logs.slice(3); // the first clicks warm up the service worker and the database
  } finally {
    await session.close();
  }
}

export async function waitForLabel(control: LogControlDriver, label: string, tries = 200): Promise<void> {
  for (let tried = 0; tried < tries; tried++) {
    // Each look is one small DevTools read; it does not add to the figure, which the content script measures.
    if ((await control.label()) === label) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the control never said "${label}"`);
}

/** The benchmark build's samples, asked of the Calendar tab from the service worker. */
export async function probeSamples(worker: Worker): Promise<BenchSamples> {
  return worker.evaluate(async (report) => {
    // Without the tabs permission tab URLs are hidden: ask every tab, and the Calendar one answers.
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = (await chrome.tabs.sendMessage(tab.id, report).catch(() => undefined)) as BenchSamples | undefined;
      if (answer && Array.isArray(answer.batches)) return answer;
    }
    throw new Error('no Calendar tab answered');
  }, BENCH_REPORT);
}

/**
 * The content script's own cost per mutation batch on the week view, as its benchmark build records it:
 * Calendar-like changes (chips re-rendered, hover cards added and removed, the event card opened, re-rendered
 * and closed), each in its own task so that each is one batch.
 */
export async function mutationBatches(buildDir: string, rounds: number): Promise<number[]> {
  if (!existsSync(join(buildDir, 'manifest.json')))
    throw new Error('Build the benchmark build first: WXT_BENCH=1 wxt build');
  const session = await launch({ pages: { [WEEK_URL]: weekViewPage() }, headers: ISOLATED, extensionDir: buildDir });
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
    const samples = (await probeSamples(session.worker)).batches;
    if (samples.length < rounds) throw new Error(`only ${samples.length} batches were recorded`);
    return samples;
  } finally {
    await session.close();
  }
}

export function gzipKB(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}
