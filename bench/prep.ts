import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { BENCH_PREP_FLOOR, BENCH_PREP_PANEL, PREP_FLOOR_PAGE } from '../lib/content/bench-probe';
import { CHIPS, WEEK_URL, weekViewPage } from '../tests/e2e/calendar-page';
import { launch } from '../tests/e2e/harness';
import { databaseReady, makeLog, seedPerson, seedStore } from '../tests/e2e/seed';
import { openCard, probeSamples } from './logging';
import { median, round } from './stats';

const NOW = Date.parse('2026-11-28T20:00:00Z');
const DAY = 86_400_000;

// The part of the extension API that the benchmark calls inside the service worker.
declare const chrome: {
  tabs: {
    query(filter: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

/** Tells the Calendar tab's content script (benchmark build) to show the empty frame, or the panel. */
async function measureFloor(worker: Worker, floor: boolean): Promise<void> {
  await worker.evaluate(
    async (message) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id !== undefined) await chrome.tabs.sendMessage(tab.id, message).catch(() => undefined);
      }
    },
    floor ? BENCH_PREP_FLOOR : BENCH_PREP_PANEL,
  );
}

/**
 * "Before you meet": from the event card opening (the content script sees the new event) to the panel's frame
 * telling its first height (its content laid out, with the guests read by the background), against an empty
 * extension frame put in the same place the same way (the floor), in the same card and the same run, round by
 * round. A heavy user's database (2,000 people); the card's guests include a person with a note, thanks owed.
 */
export async function prepFigures(buildDir: string, samples: number) {
  copyFileSync(join(process.cwd(), `bench/floor/${PREP_FLOOR_PAGE}`), join(buildDir, PREP_FLOOR_PAGE));
  copyFileSync(join(process.cwd(), 'bench/floor/prep-floor.js'), join(buildDir, 'prep-floor.js'));
  const session = await launch({
    fakeTime: '2026-11-28 20:00:00',
    pages: { [WEEK_URL]: weekViewPage() },
    extensionDir: buildDir,
  });
  try {
    for (const end = Date.now() + 20_000; !(await session.worker.evaluate(databaseReady)) && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const log = makeLog(2000, 5000, NOW);
    await seedStore(session.worker, {
      people: [
        ...log.people,
        seedPerson('priya.raman@example.com', 'Priya Raman', NOW, 75, {
          note: 'her biggest challenge is the Q2 hiring plan',
          thanksOwedSince: NOW - 3 * DAY,
        }),
        seedPerson('jordan.lee@example.com', 'Jordan Lee', NOW, 10, { nextMeetingAt: NOW + 5 * DAY }),
      ],
    });
    const page = await session.context.newPage();
    await page.goto(WEEK_URL);
    const panel: number[] = [];
    const floor: number[] = [];
    // One sample per card opened: wait for it (the samples are taken, not left, by each look).
    const next = async (floorRound: boolean): Promise<number> => {
      for (let tried = 0; tried < 500; tried++) {
        const got = await probeSamples(session.worker);
        const list = floorRound ? got.prepFloor : got.prep;
        if (list.length > 0) return list[list.length - 1] as number;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the frame never told its height');
    };
    for (let round_ = 0; round_ < samples + 2; round_++) {
      for (const floorRound of [false, true]) {
        await measureFloor(session.worker, floorRound);
        // Another event first, so that the card changes to the measured one.
        await openCard(page, CHIPS.weeklySync);
        await next(floorRound);
        await openCard(page, CHIPS.q4Review);
        const ms = await next(floorRound);
        if (round_ >= 2) (floorRound ? floor : panel).push(ms); // two warm-up rounds
      }
    }
    if (process.env.BENCH_VERBOSE) console.log({ panel, floor });
    const paintMs = median(panel);
    const floorMs = median(floor);
    return {
      figures: {
        'prep.paintMs': round(paintMs, 1),
        'prep.floorMs': round(floorMs, 1),
        'prep.overFloorMs': round(paintMs - floorMs, 1),
      },
      notes: {
        'prep.paintMs': `median of ${panel.length} card opens, the content script seeing the new event to the panel's frame telling its first height (token asked, frame loaded, brief read by the background, rendered); min ${round(Math.min(...panel), 1)}, max ${round(Math.max(...panel), 1)}`,
        'prep.floorMs': `median of ${floor.length}: an empty extension frame put in the same place the same way, same card, same run, rounds interleaved; min ${round(Math.min(...floor), 1)}, max ${round(Math.max(...floor), 1)}`,
        'prep.overFloorMs': "what the panel costs over any extension frame: the token, the frame's code, the brief",
      },
    };
  } finally {
    await session.close();
  }
}
